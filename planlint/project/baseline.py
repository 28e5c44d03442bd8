"""Baselines: the findings plans have today, so that a later check fails only on what got worse.

    {"version": 1, "tool": {...}, "pack": {"name": …, "version": …},
     "plans": {"planer/kultur.docx": ["saknat-begrepp|sysselsattning|", …]},
     "content": {"planer/kultur.docx": ["3f2a9c01d7", …]}}

A plan is found in the baseline by its content, with its path as a hint: `content` holds short hashes of the
plan's paragraphs, and a checked plan takes the recorded plan that shares most of them, so that a renamed plan,
or one whose paragraphs moved, keeps its known findings. A plan whose content matches none (a baseline without
`content`, or a plan rewritten from the ground up) is found by its path, relative to the baseline file's folder
with forward slashes, so that the file can be committed beside the plans and used from any working directory.
Findings are identified by fingerprints without positions (see `Finding.fingerprint`); a fingerprint may
repeat: each occurrence covers one finding.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Any

from planlint import __version__
from planlint.document.model import Document
from planlint.errors import PlanlintError
from planlint.os_errors import os_reason
from planlint.result import PlanResult

BASELINE_VERSION = 1
MIN_WORDS = 4  # paragraphs shorter than this (headings, table cells) say little about which plan it is
HASH_CHARS = 10
MIN_SHARED = 0.3  # the share of paragraphs two versions of a plan must have in common to be the same plan
PATH_HINT = 0.2  # how much more a recorded plan at the same path counts than one elsewhere


class BaselineError(PlanlintError):
    """A baseline file that cannot be read or is not a planlint baseline."""

    def __init__(self, path: Path, reason: tuple[str, str]) -> None:
        super().__init__(path, "baseline", reason=reason)


@dataclass(frozen=True)
class Baseline:
    path: Path
    pack: dict[str, str]  # {"name": …, "version": …} of the pack the findings came from
    plans: dict[str, list[str]]  # plan key -> fingerprints
    content: dict[str, list[str]] = field(default_factory=dict)  # plan key -> paragraph hashes


def plan_key(plan: Path, folder: Path) -> str:
    """A plan's path relative to `folder`, with forward slashes."""
    return Path(os.path.relpath(plan.resolve(), folder.resolve())).as_posix()


def content_hashes(document: Document) -> list[str]:
    """Short hashes of the plan's paragraphs of some length, in lower case without punctuation: the same for a
    renamed plan and for paragraphs moved, re-wrapped or re-styled."""
    hashes = set()
    for block in document.blocks:
        words = re.findall(r"\w+", block.text.lower())
        if len(words) >= MIN_WORDS:
            hashes.add(hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()[:HASH_CHARS])
    return sorted(hashes)


def baseline_dict(results: list[PlanResult], path: Path) -> dict:
    """The baseline of `results`, to be written at `path`: every finding that is not exempt."""
    pack = results[0].pack if results else None
    keys = [plan_key(r.document.path, path.parent) for r in results]
    return {
        "version": BASELINE_VERSION,
        "tool": {"name": "planlint", "version": __version__},
        "pack": {"name": pack.name, "version": pack.version} if pack else None,
        "plans": {key: sorted(f.fingerprint for f in r.findings if not f.suppressed) for key, r in zip(keys, results)},
        "content": {key: content_hashes(r.document) for key, r in zip(keys, results)},
    }


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline file; anything else is a BaselineError that names the file and the field."""
    try:
        if not S_ISREG(path.stat().st_mode):  # /dev/zero never ends, a pipe may never answer
            raise BaselineError(path, ("inte en vanlig fil", "not a regular file"))
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(path, os_reason(exc)) from None
    except (ValueError, RecursionError) as exc:  # invalid JSON or UTF-8, a number of 5,000 digits, deep nesting
        raise BaselineError(path, _json_problem(exc)) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            path,
            (
                f"inte en planlint-baslinje av version {BASELINE_VERSION}",
                f"not a planlint baseline of version {BASELINE_VERSION}",
            ),
        )
    plans: Any = data.get("plans")  # checked just below
    content = data.get("content") or {}
    if not _lists_of_strings(plans) or not _lists_of_strings(content):
        raise BaselineError(
            path,
            (
                "fälten plans och content ska vara plan → lista med fingeravtryck",
                "the fields plans and content must map each plan to a list of fingerprints",
            ),
        )
    pack = data.get("pack") or {}
    if not isinstance(pack, dict) or not all(isinstance(v, str) for v in pack.values()):
        raise BaselineError(
            path, ("fältet pack ska ha name och version som text", "the field pack must hold name and version as text")
        )
    return Baseline(path, pack, plans, content)


def _json_problem(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, json.JSONDecodeError):
        return (
            f"inte giltig JSON: rad {exc.lineno}, kolumn {exc.colno}",
            f"not valid JSON: line {exc.lineno}, column {exc.colno}",
        )
    if isinstance(exc, UnicodeDecodeError):
        return ("filen är inte sparad som UTF-8", "the file is not saved as UTF-8")
    if isinstance(exc, RecursionError):
        return ("JSON-innehållet är för djupt nästlat", "the JSON is nested too deeply")
    return ("ett tal har för många siffror", "a number has too many digits")


def _lists_of_strings(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, list) and all(isinstance(f, str) for f in v) for v in value.values()
    )


def apply_baseline(results: list[PlanResult], baseline: Baseline) -> None:
    """Mark the findings the baseline knows as `baselined`, one per recorded occurrence, each plan matched with
    its recorded version (see `match_plans`)."""
    matched = match_plans(results, baseline)
    for result in results:
        known = Counter(baseline.plans.get(matched.get(id(result), ""), []))
        for finding in result.findings:
            if not finding.suppressed and known[finding.fingerprint] > 0:
                finding.baselined = True
                known[finding.fingerprint] -= 1


def match_plans(results: list[PlanResult], baseline: Baseline) -> dict[int, str]:
    """id(result) -> the baseline's key for the same plan: the pairs that share most paragraphs first (one
    recorded plan for one checked plan), then the same path for the plans left."""
    folder = baseline.path.parent
    keys = {id(r): plan_key(r.document.path, folder) for r in results}
    pairs = []
    for result in results:
        mine = set(content_hashes(result.document))
        for key, recorded in baseline.content.items():
            shared = _shared(mine, set(recorded))
            if shared >= MIN_SHARED:
                same_path = key == keys[id(result)]
                pairs.append((shared + (PATH_HINT if same_path else 0), same_path, id(result), key))
    matched: dict[int, str] = {}
    for _, _, result_id, key in sorted(pairs, reverse=True):
        if result_id not in matched and key not in matched.values():
            matched[result_id] = key
    for result in results:
        key = keys[id(result)]
        if id(result) not in matched and key in baseline.plans and key not in matched.values():
            matched[id(result)] = key
    return matched


def _shared(a: set[str], b: set[str]) -> float:
    """The share of paragraphs two versions have in common (of the smaller, so that added text does not
    count against it)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
