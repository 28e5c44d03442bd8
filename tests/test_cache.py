"""The result cache: unchanged plans are not checked again, and a change to anything a result depends on is seen.

Also `--jobs`: the worker count is capped, and no worker outlives a run that is interrupted.
"""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from test_many_plans import write_plan, write_plans

from planlint.checks.engine import Engine
from planlint.project import runner
from planlint.project.runner import RunOptions, run
from planlint.reporters.formats import render


def _refuse(*args, **kwargs):
    raise AssertionError("the plan was checked again")


def _report(outcome) -> str:
    return render("json", outcome, "sv")


def test_an_unchanged_plan_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 3)]
    first = run(plans, RunOptions())
    monkeypatch.setattr(Engine, "check", _refuse)
    second = run(plans, RunOptions())
    assert _report(second) == _report(first)
    assert [r.pack.name for r in second.results] == ["helsingborg-2027"] * 3


def test_no_cache_checks_again_and_writes_nothing(tmp_path: Path, own_cache: Path) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 2)]
    run(plans, RunOptions(cache=False))
    assert not any(own_cache.iterdir())
    assert run_cli("check", "--no-cache", *plans).exit_code in (0, 1)
    assert not any(own_cache.iterdir())


def test_a_changed_plan_is_checked_again(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan.md", "kulturförvaltningen")
    before = run([str(plan)], RunOptions()).results[0]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text + "\nVi inför trygghetsvandringar i varje stadsdel.\n", encoding="utf-8")
    after = run([str(plan)], RunOptions()).results[0]
    assert before.document.word_count < after.document.word_count


def test_a_changed_configuration_is_seen(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan.md", "kulturförvaltningen", omit=("trygghet",))
    assert "saknat-begrepp" in {f.rule for f in run([str(plan)], RunOptions()).results[0].findings}
    (tmp_path / "planlint.toml").write_text('ignore = ["saknat-begrepp"]\n', encoding="utf-8")
    assert "saknat-begrepp" not in {f.rule for f in run([str(plan)], RunOptions()).results[0].findings}


def test_a_changed_rule_pack_is_seen(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "rules" / "helsingborg-2027", pack)
    plan = write_plan(tmp_path / "plan.md", "kulturförvaltningen")
    assert run([str(plan)], RunOptions(rules=pack)).results[0].pack.version == "2026.1"
    meta = pack / "pack.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("2026.1", "2026.2"), encoding="utf-8")
    runner._cached_engines.clear()  # a new run is a new process
    assert run([str(plan)], RunOptions(rules=pack)).results[0].pack.version == "2026.2"


def test_a_damaged_entry_is_a_miss(tmp_path: Path, own_cache: Path) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 2)]
    first = run(plans, RunOptions())
    for entry in (own_cache / "v1" / "results").rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:40])
    assert _report(run(plans, RunOptions())) == _report(first)


def test_workers_fill_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 4)]
    parallel = run(plans, RunOptions(jobs=2))
    assert _report(parallel) == _report(run(plans, RunOptions(cache=False)))
    monkeypatch.setattr(Engine, "check", _refuse)
    assert _report(run(plans, RunOptions(jobs=2))) == _report(parallel)


def test_workers_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 3)]
    asked = []

    def record(tasks, options, store, workers):
        asked.append(workers)
        return []

    import planlint.project.workers as workers

    monkeypatch.setattr(workers, "check_in_workers", record)
    monkeypatch.setattr(runner, "_cpus", lambda: 1)
    runner._check_all([Path(p) for p in plans], RunOptions(jobs=64, cache=False), lambda: None)
    assert asked == [2]  # two per CPU
    monkeypatch.setattr(runner, "_cpus", lambda: 8)
    runner._check_all([Path(p) for p in plans], RunOptions(jobs=64, cache=False), lambda: None)
    assert asked[-1] == 3  # one per plan


def test_no_worker_outlives_an_interrupted_run(tmp_path: Path) -> None:
    plans = [str(p) for p in write_plans(tmp_path, 6)]

    def interrupt() -> None:
        raise KeyboardInterrupt

    before = set(multiprocessing.active_children())  # another test's server may still be running
    with pytest.raises(KeyboardInterrupt):
        runner._check_all([Path(p) for p in plans], RunOptions(jobs=2, cache=False), interrupt)
    assert set(multiprocessing.active_children()) <= before
