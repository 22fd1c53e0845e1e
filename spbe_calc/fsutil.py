"""Atomic file writing: a reader (or a crash) sees the old file or the new one, never half.

The text goes to a temporary file in the same folder, is flushed and fsync'ed, then renamed
over the target with :func:`os.replace` (atomic on POSIX and Windows); finally the folder is
fsync'ed so that the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from spbe_calc.errors import fail


def atomic_write(path: Path | str, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically; raise :class:`SpbeError` on failure."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise fail(str(target), "write-failed", reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            # Keep the permissions the user gave the file.
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise fail(str(target), "write-failed", reason=exc.strerror or str(exc)) from None
    except BaseException:
        # Interrupted (Ctrl-C): leave the old file and no litter behind.
        _remove(tmp)
        raise
    _fsync_dir(folder)


def _remove(path: str) -> None:
    """Remove a temporary file if it is still there."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def _fsync_dir(folder: Path) -> None:
    """Persist a rename; not possible (nor needed) on every platform."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
