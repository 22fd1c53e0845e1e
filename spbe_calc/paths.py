"""Looking paths up without surprises: an answer for every name.

``Path.exists()``, ``is_dir()`` and ``is_file()`` raise for some names instead of answering (a
name too long for the file system, on Python 3.11): whatever cannot be looked up is not there,
and reading or writing it then reports the system's reason in the user's words. Kept apart from
:mod:`spbe_calc.fsutil`, whose writing needs ``tempfile``: scoring looks paths up but never
writes, and does not pay for that import.
"""

from __future__ import annotations

import os
from pathlib import Path


def exists(path: Path) -> bool:
    """Whether something is at ``path``."""
    try:
        return path.exists()
    except OSError:
        return False


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (or a link to one)."""
    try:
        return path.is_file()
    except OSError:
        return False


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in ``folder`` or below it, once every symbolic link is followed.

    ``..``, an absolute path and a link that leads out all count as outside.
    """
    try:
        real, base = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return real == base or base in real.parents
