"""The pre-commit hooks spbe-calc offers (`.pre-commit-hooks.yaml`): which files each takes, and that each checks them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLES, ROOT

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
