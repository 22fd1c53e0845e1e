"""Writing files as users expect: atomically where possible, never breaking what the file is.

A regular file is replaced atomically: the text goes to a temporary file in the same folder, is
flushed and fsync'ed, then renamed over the target with :func:`os.replace` (atomic on POSIX and
Windows), and the folder is fsync'ed so that the rename itself survives a power cut. A reader,
or a crash, sees the old file or the new one, never half of it. Around that:

- a new file gets the mode the umask gives (as any editor's), an existing one keeps its mode;
- a symbolic link is written through, to its target (as vim and ``sed --follow-symlinks`` do);
- a device or a pipe (``-o /dev/stdout``) is written to, not replaced;
- a file with other hard links, or whose owner this process cannot give a new file, is written in
  place: replacing it would cut the links or change its owner;
- temporary files left by a writer that was killed are removed by the next write.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from spbe_calc.errors import SpbeError, os_failure


def atomic_write(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` as the module docstring says; :class:`SpbeError` on failure."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` as the module docstring says (a workbook, for one)."""
    shown = str(path)
    try:
        _write(Path(path), data)
    except SpbeError:
        raise
    except OSError as exc:
        raise os_failure(shown, "write-failed", exc) from None


def _write(path: Path, data: bytes) -> None:
    try:
        info = os.stat(path)  # follows links: what the name leads to
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "wb") as fh:  # a device or a pipe: there is nothing to replace
            fh.write(data)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if info is not None and (info.st_nlink > 1 or not _can_own(info)):
        _write_in_place(target, data)
        return
    folder = target.parent
    _remove_leftovers(folder, target.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != _own_ids():
                os.chown(tmp, info.st_uid, info.st_gid)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        # A failure or an interrupt (Ctrl-C): the old file stays, and no litter.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _write_in_place(path: Path, data: bytes) -> None:
    """Rewrite a file's content without replacing the file (its links and owner stay)."""
    with open(path, "r+b") as fh:
        fh.truncate(0)
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _own_ids() -> tuple[int, int]:
    getuid, getgid = getattr(os, "getuid", None), getattr(os, "getgid", None)
    return (getuid(), getgid()) if getuid and getgid else (-1, -1)


def _can_own(info: os.stat_result) -> bool:
    """Whether a new file of this process can carry the owner and group of ``info``."""
    uid, gid = _own_ids()
    if uid == -1 or uid == 0:  # no owners on this platform, or the superuser
        return True
    return info.st_uid == uid and (info.st_gid == gid or info.st_gid in os.getgroups())


def _umask() -> int:
    """The process's umask (reading it means setting it; it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove temporary files of this name whose writer process no longer runs."""
    for leftover in folder.glob(f".{name}.*.tmp"):
        pid = leftover.name[len(name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _running(pid: int) -> bool:
    if os.name != "posix":  # elsewhere os.kill(pid, 0) would end the process: assume it runs
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours to signal
        return True
    return True


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
