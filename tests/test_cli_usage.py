"""spbe_calc.cli.usage: usage errors said in the user's language, with the command's usage line.

Run by CI against every supported typer minor version with the framework seam (``noxfile.py``).
"""

from __future__ import annotations

import pytest

from .conftest import DATA, ROOT, Run
from .helpers import EX22, assert_as_kept

#: name -> a command line with a usage error; its whole message (stderr) is kept word for word in
#: ``tests/data/golden/usage/`` (``SPBE_UPDATE_GOLDEN=1`` writes it again, as for the outputs).
USAGE_ERRORS: dict[str, list[str]] = {
    "unknown-option": ["score", "--detial", EX22],
    "unknown-option-far": ["score", "--zzz", EX22],
    "unknown-option-coloured": ["score", "--de\x1b[31mtail\x1b[0m", EX22],  # escapes shown, never obeyed
    "unknown-short-option": ["evidence", "-x", EX22],
    "unknown-command": ["scor", EX22],
    "unknown-command-far": ["xyzzy"],
    "missing-option": ["plan", EX22],
    "missing-argument": ["schema"],
    "needs-value": ["score", EX22, "--model"],
    "takes-no-value": ["score", "--detail=1", EX22],
    "extra-arguments": ["schema", "model", "a", "b"],
    "not-integer": ["assess", "--domain", "1.5"],
    "out-of-range": ["evidence", "--max-age", "101", EX22],
    "not-a-choice": ["score", "--stage", "x", EX22],
    "format": ["score", "-f", "xml", EX22],
    "lang": ["--lang", "xx", "score", EX22],
    "lang-after": ["score", "--lang", "xx", EX22],
    "en": ["--lang", "en", "score", "--detial", EX22],
    "en-missing-option": ["--lang", "en", "plan", EX22],
}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", "--detial", EX22], "Galat: opsi --detial tidak dikenal. Mungkin maksudnya --detail?"),
        (["plan", EX22], "Galat: opsi --target wajib diisi."),
        (["score", "--model"], "Galat: opsi --model memerlukan nilai."),
        (["scor", EX22], "Galat: perintah 'scor' tidak dikenal. Mungkin maksudnya score?"),
        (["assess", "--domain", "satu"], "Galat: --domain: 'satu' bukan bilangan bulat."),
        (["schema", "model", "extra"], "Galat: argumen berlebih: extra."),
        (["score", "-f", "xml", EX22], "Galat: --format: 'xml' bukan pilihan"),
    ],
)
def test_usage_errors_in_the_users_language(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2 and said in r.stderr, r.stderr
    assert "Usage:" not in r.stderr and "Error:" not in r.stderr and "No such" not in r.stderr


def test_usage_errors_in_english_and_lang_after_the_command(run: Run) -> None:
    r = run("score", "--lang", "en", "--detial", EX22)
    assert (
        "Error: no such option: --detial. Did you mean --detail?" in r.stderr and "score [OPTIONS] FILE..." in r.stderr
    )
    r = run("score", "--lang", "en", EX22)
    assert r.exit_code == 0 and "Weight" in r.stdout


@pytest.mark.parametrize("name", sorted(USAGE_ERRORS))
def test_every_usage_error_is_said_as_kept(run: Run, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The usage line, where help is, and the error in the catalogue's words, on every typer."""
    monkeypatch.chdir(ROOT)
    r = run(*USAGE_ERRORS[name])
    assert r.exit_code == 2 and r.stdout == ""
    assert_as_kept(r.stderr, DATA / "golden" / "usage" / f"{name}.txt")


@pytest.mark.parametrize(
    ("args", "start", "end"),
    [
        (["schema", "model", "baris\nkedua"], "Galat: argumen berlebih: baris\\", "kedua."),
        (["score", "--baris\nkedua", EX22], "Galat: opsi --baris\\", "kedua tidak dikenal."),
    ],
)
def test_a_line_break_in_what_was_typed_is_shown_escaped(run: Run, args: list[str], start: str, end: str) -> None:
    """Said on one line, whichever typer escaped it first (0.28 does, as ``\\x0a``; 0.26 does not)."""
    r = run(*args)
    last = r.stderr.rstrip("\n").split("\n")[-1]
    assert r.exit_code == 2 and last.startswith(start) and last.endswith(end), r.stderr
