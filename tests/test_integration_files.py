"""Files that integrate spbe-calc elsewhere: JSON Schemas, pre-commit hooks, atomic writes."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from spbe_calc.fsutil import atomic_write

from .conftest import EXAMPLES, PACKAGE, ROOT


def test_model_modeline_points_at_committed_schema() -> None:
    first = (ROOT / "indicators.yaml").read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=")[1]
    assert target.startswith("spbe_calc/") and (PACKAGE.parent / target).exists()  # a schema the package ships


# --- pre-commit hooks ------------------------------------------------------------------------------

HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


@pytest.mark.parametrize(
    ("hook", "name", "matches"),
    [
        ("spbe-calc-validate-model", "indicators.yaml", True),
        ("spbe-calc-validate-model", "config/indicators.yml", True),
        ("spbe-calc-validate-model", "models/kabupaten.model.yaml", True),
        ("spbe-calc-validate-model", "my-indicators.yaml", False),
        ("spbe-calc-validate-model", "model.yaml", False),
        ("spbe-calc-validate-model", "jawaban/2023.yaml", False),
        ("spbe-calc-validate-answers", "jawaban/2023.yaml", True),
        ("spbe-calc-validate-answers", "data/answers/kab-contoh.yml", True),
        ("spbe-calc-validate-answers", "2023.jawaban.yaml", True),
        ("spbe-calc-validate-answers", "penilaian/kab.answers.yaml", True),
        ("spbe-calc-validate-answers", "jawaban.yaml", True),
        ("spbe-calc-validate-answers", "jawaban/sub/2023.yaml", False),
        ("spbe-calc-validate-answers", "indicators.yaml", False),
        ("spbe-calc-validate-answers", ".github/workflows/ci.yaml", False),
        ("spbe-calc-validate-answers", "jawaban/notes.txt", False),
    ],
)
def test_hook_patterns(hook: str, name: str, matches: bool) -> None:
    # pre-commit applies `files` with re.search on the path relative to the repository root.
    assert bool(re.search(HOOKS[hook]["files"], name)) is matches


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_hook_entries_validate_what_they_are_given(hook: str, write: Callable[..., Path]) -> None:
    """pre-commit runs the entry with the matching files as arguments: a good file passes, a bad
    file fails with its position."""
    assert HOOKS[hook]["language"] == "python"
    entry = HOOKS[hook]["entry"].split()
    assert entry[0] == "spbe-calc"
    good = ROOT / "indicators.yaml" if hook.endswith("model") else EXAMPLES / "kabupaten-contoh-2022.yaml"
    bad = write(
        "bad.yaml", good.read_text(encoding="utf-8").replace("levels:", "levelz:").replace("weight:", "wieght:", 1)
    )
    command = [sys.executable, "-m", "spbe_calc", *entry[1:]]
    ok = subprocess.run([*command, str(good)], capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""})
    assert ok.returncode == 0, ok.stdout + ok.stderr
    failed = subprocess.run(
        [*command, str(bad)], capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}
    )
    assert failed.returncode == 1
    assert re.search(r"bad\.yaml:\d+:\d+: ", failed.stdout), failed.stdout


# --- atomic writes -----------------------------------------------------------------------------------


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, "new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


WRITER = """
import sys
from spbe_calc.fsutil import atomic_write
# 200 MB of text, slow enough to be killed while the temporary file is being written.
atomic_write(sys.argv[1], "x" * (200 * 1024 * 1024))
"""


def test_killed_writer_leaves_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("levels: {1: 3}\n")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)])
    try:
        deadline = time.monotonic() + 30
        while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert path.read_text() == "levels: {1: 3}\n"
