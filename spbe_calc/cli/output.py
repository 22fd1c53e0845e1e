"""Writing a command's output to a file (``-o``): the one way every output file is written.

Text is made safe exactly as on stdout (:func:`spbe_calc.render.safe.guard`): a file may be shown
in a terminal or land in a CI log, so no control character and no workflow-command line gets
through. Every file is written by :func:`spbe_calc.fsutil.atomic_write_bytes`: replaced whole,
or refused with the reason. Kept out of :mod:`spbe_calc.cli.app` so that the commands that only
print (``score``, ``validate``) do not import the writing machinery.
"""

from __future__ import annotations

from pathlib import Path

from spbe_calc.fsutil import atomic_write_bytes, check_replaceable
from spbe_calc.render.safe import guard


def write_output(path: Path | str, content: str | bytes) -> None:
    """Write an output file: text made safe to show (as stdout is), bytes as they are."""
    data = guard(content).encode() if isinstance(content, str) else content  # UTF-8
    atomic_write_bytes(path, data)


def check_output(path: Path | str) -> None:
    """Refuse, before any work, an output that could not be written (a folder, a read-only file)."""
    check_replaceable(path)
