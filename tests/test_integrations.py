"""The integration files run what they say: the composite GitHub Action's steps, the pre-commit hook's entry and
the GitLab CI job in docs/ci.md, each in a subprocess with planlint installed the way the action installs it."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import validate_sarif
from junitparser import Failure, JUnitXml
from test_many_plans import UNITS, write_plan

pytestmark = pytest.mark.install  # each test installs planlint as the action does, in a new environment

ROOT = Path(__file__).resolve().parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def substitute(text: str, values: dict[str, str]) -> str:
    """Fill in the ${{ … }} expressions; an expression the test does not know fails the test."""
    return EXPRESSION.sub(lambda m: values[m.group(1)], text)


def bash(script: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run a step as GitHub Actions runs `shell: bash`."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, action: dict) -> dict[str, str]:
    """A virtual environment (sharing this one's dependencies) where the action's own install step has run."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)], check=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    step = next(s for s in action["runs"]["steps"] if "pip install" in s.get("run", ""))
    step_env = {k: substitute(str(v), {"github.action_path": str(ROOT)}) for k, v in step.get("env", {}).items()}
    process = bash(substitute(step["run"], {"github.action_path": str(ROOT)}), {**env, **step_env}, venv)
    assert process.returncode == 0, process.stdout + process.stderr
    assert (venv / "bin" / "planlint").exists()
    return env


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    write_plan(tmp_path / "planer" / "kultur.md", UNITS[1])
    write_plan(tmp_path / "planer" / "skola.txt", UNITS[2], omit=("trygghet",))
    (tmp_path / "README.md").write_text("# Planer\n\nHär ligger förvaltningarnas planer.\n", encoding="utf-8")
    return tmp_path


def run_action(action: dict, inputs: dict[str, str], env: dict[str, str], cwd: Path) -> tuple[dict, list]:
    """Run the action's steps in order: `run:` steps in bash, `uses:` steps checked for their inputs only."""
    github = {"GITHUB_OUTPUT": str(cwd / "github_output"), "GITHUB_STEP_SUMMARY": str(cwd / "step_summary.md")}
    for path in github.values():
        Path(path).write_text("", encoding="utf-8")
    values = {f"inputs.{k}": v for k, v in inputs.items()} | {"github.action_path": str(ROOT)}
    outputs: dict[str, str] = {}
    processes = []
    for step in action["runs"]["steps"]:
        if "pip install" in step.get("run", ""):
            continue  # done once by the `installed` fixture
        values |= {f"steps.check.outputs.{k}": v for k, v in outputs.items()}
        if "uses" in step:
            processes.append((step["uses"], {k: substitute(str(v), values) for k, v in step.get("with", {}).items()}))
            continue
        step_env = {k: substitute(str(v), values) for k, v in step.get("env", {}).items()}
        process = bash(substitute(step["run"], values), {**env, **github, **step_env}, cwd)
        processes.append((step.get("name"), process))
        lines = Path(github["GITHUB_OUTPUT"]).read_text(encoding="utf-8").splitlines()
        outputs = dict(line.split("=", 1) for line in lines if "=" in line)
    return outputs, processes


def test_action_installs_checks_writes_sarif_and_fails_on_findings(action, installed, workspace: Path) -> None:
    inputs = {
        "paths": "planer/kultur.md planer/*.txt",
        "fail-on": "error",
        "baseline": "",
        "sarif-file": "planlint.sarif",
        "python-version": "3.11",
    }
    assert set(inputs) == set(action["inputs"])
    outputs, steps = run_action(action, inputs, installed, workspace)
    assert outputs == {"exit-code": "1", "sarif": "true"}  # skola.txt lacks trygghet
    setup, check, upload, final = steps
    assert setup == ("actions/setup-python@v5", {"python-version": "3.11"})
    assert check[1].returncode == 0 and "Plan: planer/skola.txt" in check[1].stdout
    assert upload[0].startswith("github/codeql-action/upload-sarif@")
    sarif = json.loads((workspace / upload[1]["sarif_file"]).read_text(encoding="utf-8"))
    validate_sarif(sarif)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"saknat-begrepp"}
    summary = (workspace / "step_summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## planlint") and "| `planer/skola.txt` |" in summary
    assert final[1].returncode == 1  # the job fails, after the upload


def test_action_with_a_baseline_passes(action, installed, workspace: Path) -> None:
    made = subprocess.run(
        ["planlint", "baseline", "planer"], env=installed, cwd=workspace, capture_output=True, check=False
    )
    assert made.returncode == 0, made.stderr
    inputs = {
        "paths": "planer",
        "fail-on": "warning",
        "baseline": "planlint-baseline.json",
        "sarif-file": "ut/planlint.sarif",
        "python-version": "3.12",
    }
    (workspace / "ut").mkdir()
    outputs, steps = run_action(action, inputs, installed, workspace)
    assert outputs == {"exit-code": "0", "sarif": "true"}, steps[1][1].stderr
    assert "känd sedan baslinjen" in " ".join(steps[1][1].stdout.split())
    assert all(
        r["baselineState"] == "unchanged"
        for r in json.loads((workspace / "ut" / "planlint.sarif").read_text())["runs"][0]["results"]
    )
    assert steps[-1][1].returncode == 0


def test_pre_commit_hook_runs_its_entry_on_the_plans_a_commit_touches(installed, workspace: Path) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "planlint" and hook["language"] == "python"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    staged = ["planer/kultur.md", "planer/skola.txt", "README.md", "planer/budget.xlsx", "planer/Plan 2026.DOCX"]
    selected = [f for f in staged if files.search(f) and not exclude.search(f)]
    assert selected == ["planer/kultur.md", "planer/skola.txt", "planer/Plan 2026.DOCX"]

    def commit(*names: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*shlex.split(hook["entry"]), *hook.get("args", []), *names],
            env=installed,
            cwd=workspace,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert commit("planer/kultur.md").returncode == 0
    failing = commit("planer/kultur.md", "planer/skola.txt")
    assert failing.returncode == 1 and "Trygghet saknas" in failing.stdout


def gitlab_job() -> dict:
    """The job of the GitLab CI example in docs/ci.md (the yaml block that starts with `# .gitlab-ci.yml`)."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if b.startswith("# .gitlab-ci.yml")]
    return yaml.safe_load(block)["planlint"]


def test_gitlab_job_from_the_docs(installed, workspace: Path) -> None:
    job = gitlab_job()
    env = {**installed, **{k: str(v) for k, v in job["variables"].items()}}
    made = subprocess.run(["planlint", "baseline", "planer"], env=env, cwd=workspace, capture_output=True, check=False)
    assert made.returncode == 0, made.stderr

    def script(lines: list[str]) -> list[subprocess.CompletedProcess]:
        return [
            subprocess.run(
                ["sh", "-c", line], env=env, cwd=workspace, capture_output=True, text=True, timeout=300, check=False
            )
            for line in lines
        ]

    assert [p.returncode for p in script(job["before_script"] + job["script"])] == [0, 0]
    junit = workspace / job["artifacts"]["reports"]["junit"]
    assert set(suites_of(junit)) == {"planer/kultur.md", "planer/skola.txt"}
    assert all((workspace / path).is_file() for path in job["artifacts"]["paths"])

    write_plan(workspace / "planer" / "kultur.md", UNITS[1], omit=("klimatneutralitet-2030",))
    assert [p.returncode for p in script(job["script"])] == [1]
    failed = [
        case.name
        for case in suites_of(junit)["planer/kultur.md"]
        if case.result and isinstance(case.result[0], Failure)
    ]
    assert failed == ["klimatneutralitet-2030"]


def suites_of(junit: Path) -> dict:
    return {suite.name: suite for suite in JUnitXml.fromfile(str(junit))}
