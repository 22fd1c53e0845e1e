"""Writing files as users expect: replaced atomically, or refused with the reason; never half-written.

A regular file is replaced atomically: the bytes go to a new temporary file in the same folder
(created with ``O_EXCL``, so a planted name or link is never followed), are flushed and
fsync'ed, then renamed over the target with :func:`os.replace` (atomic on POSIX and Windows),
and the folder is fsync'ed so that the rename itself survives a power cut. A reader, or a crash,
sees the old file or the new one, never an empty or half-written one. Nothing is ever truncated
and rewritten in place. Around that:

- a new file gets the mode the umask gives (as any editor's); a replaced one keeps its mode, and
  its owner and group where this process may give them;
- a file that cannot be replaced without losing something is refused, with the reason
  (:func:`check_replaceable`): a read-only file, a file with other hard links (replacing it would
  cut them), and a file of another owner whose access a new file could not keep;
- a symbolic link is written through, to its target (as vim and ``sed --follow-symlinks`` do);
- a device or a pipe (``-o /dev/stdout``) is written to, not replaced;
- temporary files left by a writer that was killed are removed by the next write of that file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from spbe_calc.errors import SpbeError, fail, os_failure

#: What a temporary file's name ends with (its name is ``.NAME.PID.RANDOM.tmp``).
TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` as the module docstring says; :class:`SpbeError` on failure."""
    atomic_write_bytes(path, text.encode())


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` as the module docstring says (a workbook, for one)."""
    shown = str(path)
    try:
        _write(Path(path), data, shown)
    except SpbeError:
        raise
    except OSError as exc:
        raise os_failure(shown, "write-failed", exc) from None


def check_replaceable(path: Path | str) -> None:
    """Refuse (:class:`SpbeError`, exit 2) a target that a write could not replace safely.

    A missing file is fine when its folder exists and may be written to. An existing regular file
    must be writable, have no other hard link, and belong to this process (or keep its access when
    it changes owner: see :func:`_keeps_access`). Devices and pipes are written to, not replaced.
    """
    shown = str(path)
    try:
        _replaceable(Path(path), shown)
    except SpbeError:
        raise
    except OSError as exc:
        raise os_failure(shown, "write-failed", exc) from None


def _target(path: Path) -> Path:
    """What a write of ``path`` changes: the file the name leads to, through any symbolic links."""
    return Path(os.path.realpath(path))


def _replaceable(path: Path, shown: str) -> os.stat_result | None:
    """:func:`check_replaceable`; the target's status when it exists."""
    if str(path) == ".":  # what Path makes of "" too
        raise fail(shown or "''", "is-directory")
    try:
        info = os.stat(path)  # follows links: what the name leads to (/dev/stdout: a pipe)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:  # a path through a file: its "folder" is no folder
        raise fail(shown, "folder-missing", folder=str(path.parent)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise fail(shown, "is-directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return info  # a device or a pipe: written to
    target = _target(path)
    folder = target.parent
    if not folder.is_dir():
        raise fail(shown, "folder-missing", folder=str(path.parent))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise fail(shown, "not-writable")
    if info is None:
        return None
    if not _writable(target, info):
        raise fail(shown, "read-only")
    if info.st_nlink > 1:
        raise fail(shown, "hard-linked", links=info.st_nlink)
    if not _keeps_access(info):
        raise fail(shown, "foreign-owner")
    return info


def _write(path: Path, data: bytes, shown: str) -> None:
    info = _replaceable(path, shown)
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "wb") as fh:  # a device or a pipe: there is nothing to replace
            fh.write(data)
        return
    target = _target(path)
    folder = target.parent
    remove_leftovers(target)
    # mkstemp opens with O_CREAT | O_EXCL and mode 0600: a name planted in advance, a link among
    # them, makes it pick another name; nothing outside the new file is touched.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            _give_owner(tmp, info)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        # A failure or an interrupt (Ctrl-C): the old file stays, and no litter.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _writable(path: Path, info: os.stat_result) -> bool:
    """Whether the file may be written: by its permissions (the superuser: any write bit)."""
    if _own_ids()[0] == 0:
        # os.access answers yes to root for any file; a file nobody may write is meant read-only.
        return bool(info.st_mode & 0o222)
    return os.access(path, os.W_OK)


def _own_ids() -> tuple[int, int]:
    getuid, getgid = getattr(os, "getuid", None), getattr(os, "getgid", None)
    return (getuid(), getgid()) if getuid and getgid else (-1, -1)


def _groups() -> set[int]:
    getgroups = getattr(os, "getgroups", None)
    return set(getgroups()) | {_own_ids()[1]} if getgroups else set()


def _keeps_access(info: os.stat_result) -> bool:
    """Whether a new file made by this process can give everyone the access the old one gave.

    It can when it may carry the same owner and group (the owner itself, or the superuser). In a
    team folder, where a colleague's file is open to a group, the new file belongs to this user
    but keeps the group and the mode, so everyone in the group may still write it; the same for a
    file anyone may write. Otherwise its owner would lose access, and the write is refused.
    """
    uid, _ = _own_ids()
    if uid in (-1, 0):  # no owners on this platform, or the superuser (who can give any owner)
        return True
    group = info.st_gid in _groups()
    if info.st_uid == uid:
        return group or not info.st_mode & 0o070  # the group keeps nothing it had, or is ours
    return bool(info.st_mode & 0o002) or (group and bool(info.st_mode & 0o020))


def _give_owner(tmp: str, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as this process may."""
    uid, gid = _own_ids()
    if uid == -1 or (info.st_uid, info.st_gid) == (uid, gid):
        return
    if uid == 0:
        os.chown(tmp, info.st_uid, info.st_gid)
    elif info.st_gid != gid and info.st_gid in _groups():
        os.chown(tmp, -1, info.st_gid)  # the group stays; the owner may only be this user


def _umask() -> int:
    """The process's umask (reading it means setting it; it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_leftovers(target: Path) -> None:
    """Remove temporary files of ``target`` whose writer process no longer runs.

    Names are compared as text (a name with ``[`` or ``*`` in it is no pattern).
    """
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix) :].partition(".")[0]
        if (
            pid.isdigit()
            and int(pid) != os.getpid()
            and not _running(int(pid))
            and entry.is_file(follow_symlinks=False)
        ):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


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
