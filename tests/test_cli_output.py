"""Tests of spbe_calc/cli/output.py."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, Run
from .helpers import EX22_PATH

HOSTILE = "awal \x1b[2J\x07 bel \x9b c1 \u202e bidi\n::error::palsu\n##[error]palsu juga"


def _hostile_file(folder: Path) -> Path:
    path = folder / "j.yaml"
    shutil.copy(EXAMPLES / "logo-contoh.svg", folder)
    text = EX22_PATH.read_text(encoding="utf-8")
    fakta = json.dumps(HOSTILE)
    path.write_text(text.replace("\n  2: 3\n", f"\n  2: {{level: 3, fakta: {fakta}}}\n", 1), "utf-8")
    return path


def _clean(output: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", output)
    assert not re.search(r"^\s*::|##\[", output, re.MULTILINE)


@pytest.mark.parametrize(
    "command", [["export", "--format", "csv"], ["report", "-f", "html"], ["report", "-f", "markdown"]]
)
def test_outputs_to_a_file_are_cleaned_as_stdout_is(tmp_path: Path, command: list[str]) -> None:
    path = _hostile_file(tmp_path)
    for target in ("/dev/stdout", str(tmp_path / "keluar.txt")):
        done = subprocess.run(
            [sys.executable, "-m", "spbe_calc", *command[:1], str(path), *command[1:], "-o", target],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        written = done.stdout if target == "/dev/stdout" else Path(target).read_text(encoding="utf-8")
        assert "palsu" in written
        _clean(written)


@pytest.mark.parametrize("output", ["laporan.pdf", "laporan.html", "lke.xlsx", "lke.csv"])
def test_a_read_only_output_is_refused_not_replaced(run: Run, tmp_path: Path, output: str) -> None:
    target = tmp_path / output
    target.write_text("milik orang lain")
    target.chmod(0o444)
    command = "export" if output.startswith("lke") else "report"
    r = run(command, str(EX22_PATH), "-o", str(target))
    assert r.exit_code == 2 and "hanya-baca" in r.stderr
    assert target.read_text() == "milik orang lain" and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_messages_are_coloured_by_whether_stderr_is_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data piped on, messages to the terminal: the messages keep their colour, and the other way round."""
    import importlib

    app = importlib.import_module("spbe_calc.cli.app")
    monkeypatch.delenv("NO_COLOR", raising=False)
    bad = str(EXAMPLES.parent / "tests" / "corpus" / "a-answer-unknown-field.yaml")
    for stderr_is_a_terminal in (True, False):
        monkeypatch.setattr(app, "is_terminal", lambda stream, on=stderr_is_a_terminal: (stream is sys.stderr) is on)
        r = run("score", bad, color=True)
        assert r.exit_code == 2 and ("\x1b[" in r.stderr) is stderr_is_a_terminal, r.stderr


def test_problems_at_one_place_are_all_said_unless_they_are_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    from spbe_calc.cli.app import report
    from spbe_calc.errors import Problem

    first = Problem(
        path="j.yaml", line=3, col=5, code="unknown-key", args={"key": "a", "allowed": "x", "suggestion": ""}
    )
    other = first._replace(args={"key": "b", "allowed": "x", "suggestion": ""})
    report([first, other, first])
    said = capsys.readouterr().err
    assert said.count("'a'") == 1 and said.count("'b'") == 1


def test_a_written_file_never_keeps_a_colour_code(tmp_path: Path) -> None:
    # Even the codes of our own palette: a file has no terminal to colour.
    from spbe_calc.cli.output import write_output

    write_output(tmp_path / "keluar.md", "Indeks \x1b[1m2,38\x1b[0m\tCukup\n")
    assert (tmp_path / "keluar.md").read_text(encoding="utf-8") == "Indeks \\u001b[1m2,38\\u001b[0m\tCukup\n"
