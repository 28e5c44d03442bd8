"""Baselines: the findings plans have today, so that a later check fails only on what got worse.

    {"version": 1, "tool": {...}, "pack": {"name": …, "version": …},
     "plans": {"planer/kultur.docx": ["saknat-begrepp|sysselsattning|", …]}}

Plan paths are relative to the baseline file's folder, with forward slashes, so that the file can be committed
beside the plans and used from any working directory. A fingerprint may repeat: each occurrence covers one finding.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from planlint import __version__
from planlint.errors import PlanlintError
from planlint.result import PlanResult

BASELINE_VERSION = 1


class BaselineError(PlanlintError):
    """A baseline file that cannot be read or is not a planlint baseline."""

    def __init__(self, path: Path, reason: tuple[str, str]) -> None:
        super().__init__(path, "baseline", reason=reason)


@dataclass(frozen=True)
class Baseline:
    path: Path
    pack: dict[str, str]  # {"name": …, "version": …} of the pack the findings came from
    plans: dict[str, list[str]]  # plan key -> fingerprints


def plan_key(plan: Path, folder: Path) -> str:
    """A plan's path relative to `folder`, with forward slashes."""
    return Path(os.path.relpath(plan.resolve(), folder.resolve())).as_posix()


def baseline_dict(results: list[PlanResult], path: Path) -> dict:
    """The baseline of `results`, to be written at `path`: every finding that is not exempt."""
    pack = results[0].pack if results else None
    return {
        "version": BASELINE_VERSION,
        "tool": {"name": "planlint", "version": __version__},
        "pack": {"name": pack.name, "version": pack.version} if pack else None,
        "plans": {
            plan_key(r.document.path, path.parent): sorted(f.fingerprint for f in r.findings if not f.suppressed)
            for r in results
        },
    }


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BaselineError(path, (reason, reason)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(path, (f"inte giltig JSON: {exc}", f"not valid JSON: {exc}")) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            path,
            (
                f"inte en planlint-baslinje av version {BASELINE_VERSION}",
                f"not a planlint baseline of version {BASELINE_VERSION}",
            ),
        )
    plans = data.get("plans")
    if not isinstance(plans, dict) or not all(
        isinstance(v, list) and all(isinstance(f, str) for f in v) for v in plans.values()
    ):
        raise BaselineError(
            path,
            (
                "fältet plans ska vara plan → lista med fingeravtryck",
                "the field plans must map each plan to a list of fingerprints",
            ),
        )
    return Baseline(path, data.get("pack") or {}, plans)


def apply_baseline(results: list[PlanResult], baseline: Baseline) -> None:
    """Mark the findings the baseline knows as `baselined`, one per recorded occurrence."""
    for result in results:
        known = Counter(baseline.plans.get(plan_key(result.document.path, baseline.path.parent), []))
        for finding in result.findings:
            if not finding.suppressed and known[finding.fingerprint] > 0:
                finding.baselined = True
                known[finding.fingerprint] -= 1
