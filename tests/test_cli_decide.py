"""spbe_calc.cli.decide: the commands that help decide (plan, compare, calibrate, peers, report)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spbe_calc.errors import SpbeError

from .helpers import EX22


def test_commands_are_plain_functions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A command can be called without the command line: it returns an exit code, or raises
    the one error type, which only the CLI's funnel turns into messages."""
    from spbe_calc.cli.decide import plan
    from spbe_calc.cli.score import score
    from spbe_calc.errors import ExitCode

    assert score([str(EX22)], None, "json", False, False, True, None) is ExitCode.OK
    assert json.loads(capsys.readouterr().out)["index"] == 2.38
    assert score([str(EX22)], None, "text", False, False, True, "Baik") is ExitCode.FINDINGS
    assert plan(str(EX22), "Baik", None, None, "text") is ExitCode.OK
    with pytest.raises(SpbeError) as info:
        plan(str(EX22), "5.5", None, None, "text")
    assert [p.code for p in info.value.problems] == ["bar-outside-scale"]
    with pytest.raises(SpbeError) as info:
        plan(str(tmp_path / "tidak-ada.yaml"), "Baik", None, None, "text")
    assert [p.code for p in info.value.problems] == ["file-not-found"]
