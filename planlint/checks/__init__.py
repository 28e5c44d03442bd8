"""Check kinds: the code behind rules. A rule instance in the pack (`extends: coverage`) names its kind.

Each kind (see `planlint.checks.kind.Kind`) declares its options; `validate_rules` holds every rule file of a
pack to its kind's declaration, and the engine calls each kind's `check` for every plan.
"""

from __future__ import annotations

from planlint.checks import coverage, reference, stale
from planlint.checks.kind import Kind
from planlint.rulepack.pack import RULE_FIELDS, Pack, PackError, RuleSpec, unknown_key, unknown_value

KINDS: dict[str, Kind] = {kind.name: kind for kind in (coverage.KIND, reference.KIND, stale.KIND)}


def validate_rules(pack: Pack) -> Pack:
    """The pack, after every rule's kind and options are checked; an error names the file, the key and the
    nearest valid key."""
    for rule in pack.rules:
        _validate_rule(rule)
    return pack


def _validate_rule(rule: RuleSpec) -> None:
    kind = KINDS.get(rule.extends)
    if kind is None:
        raise unknown_value(rule.source, "extends", rule.extends, tuple(KINDS))
    declared = [option.name for option in kind.options]
    for key in rule.options:
        if key not in declared:
            raise unknown_key(rule.source, key, (*RULE_FIELDS, *declared))
    for option in kind.options:
        value = rule.options.get(option.name)
        needed = option.required or (option.needed_with is not None and rule.options.get(option.needed_with))
        if value in (None, [], {}) and needed:
            raise PackError(rule.source, (f"fältet '{option.name}' saknas", f"field '{option.name}' is missing"))
        if value is not None and not option.type.accepts(value):
            sv, en = option.type.words
            raise PackError(
                rule.source, (f"fältet '{option.name}' måste vara {sv}", f"field '{option.name}' must be {en}")
            )
