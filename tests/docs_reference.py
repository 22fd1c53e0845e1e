"""The command reference page of the guide (``docs/referensi/perintah.md``), made from the help.

The help texts live in the message catalogue (one source of truth): this page is what
``spbe-calc COMMAND -h`` prints, command by command, in Indonesian at 80 columns.
``tests/test_docs.py`` checks that the committed page is up to date; write it again with::

    python -m tests.docs_reference
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from spbe_calc.cli import COMMANDS

HEAD = """# Perintah

Halaman ini dibuat dari bantuan program itu sendiri: isinya sama dengan yang dicetak
`spbe-calc PERINTAH -h` (dalam bahasa Inggris: `spbe-calc --lang en PERINTAH -h`). Kode keluar
dan variabel lingkungan ada di [Kode keluar dan lingkungan](keluar.md).
"""


def _help(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "SPBE_CALC_LANG": "id"}
    done = subprocess.run(
        [sys.executable, "-m", "spbe_calc", *args, "-h"], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.rstrip()


def page() -> str:
    """The page: the overview, then every command's help."""
    parts = [HEAD, "## spbe-calc", "", "```text", _help(), "```", ""]
    for name in COMMANDS:
        parts += [f"## spbe-calc {name}", "", "```text", _help(name), "```", ""]
    return "\n".join(parts)


def target() -> Path:
    """Where the page is kept."""
    return Path(__file__).resolve().parent.parent / "docs" / "referensi" / "perintah.md"


if __name__ == "__main__":
    target().parent.mkdir(parents=True, exist_ok=True)
    target().write_text(page(), encoding="utf-8")
    print(f"ditulis: {target()}")
