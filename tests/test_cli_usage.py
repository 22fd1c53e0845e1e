"""spbe_calc.cli.usage: usage errors said in the user's language, with the command's usage line.

Run by CI against every supported typer minor version with the framework seam (``noxfile.py``).
"""

from __future__ import annotations

import pytest

from .conftest import Run
from .helpers import EX22


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
