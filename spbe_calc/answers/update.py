"""Changing an answers file that others may be changing too: read, change, write, under a lock.

Every writer of answers files (``assess`` at each answer, ``merge``, ``evidence --record``) goes
through here. The lock is an exclusive operating-system lock on a file beside the answers
(``.NAME.lock``, via ``filelock``): two writers take turns, neither writes over what the other
has just saved, and a writer that dies releases it. Inside the lock the file is read as it is
on disk now, changed, and written atomically (temporary file, fsync, rename) with its comments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from spbe_calc.answers.comments import Comments
from spbe_calc.answers.read import Answers
from spbe_calc.answers.write import dump_answers, read_for_update
from spbe_calc.errors import SpbeError, errors_in, fail, os_failure
from spbe_calc.fsutil import atomic_write
from spbe_calc.paths import exists
from spbe_calc.yamlsafe import read_text

#: Seconds a writer waits for another one to finish.
LOCK_WAIT = 10


def lock_path(path: Path) -> Path:
    """The lock file of an answers file: beside it, hidden."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of ``path``; :class:`SpbeError` (``file-busy``) after ``wait`` seconds.

    A lock file that cannot be created (a read-only share, a name too long) means the answers
    file cannot be written either: ``not-writable``, with the system's reason.
    """
    seconds = LOCK_WAIT if wait is None else wait
    lock = FileLock(lock_path(path), timeout=seconds)
    try:
        lock.acquire()
    except Timeout:
        raise fail(str(path), "file-busy", seconds=seconds) from None
    except OSError as exc:
        raise os_failure(str(path), "not-writable", exc) from None
    try:
        yield
    finally:
        lock.release()


def is_blank(text: str) -> bool:
    """Nothing but blank lines and comments: a file with nothing to lose."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def rewrite(path: Path, change: Callable[[Answers], Answers], empty: Answers, order: list[int]) -> Answers:
    """Under the lock already held: apply ``change`` to the file as it is now and write it.

    ``empty`` stands for a file that does not exist yet (or holds only comments, which are
    kept at the top). A file with problems is never overwritten: somebody broke it meanwhile,
    and rewriting could drop what the reader did not understand.
    """
    base, comments = empty, Comments.none()
    text = read_text(path) if exists(path) else ""
    if text and is_blank(text):
        comments = comments._replace(header=tuple(ln for ln in text.splitlines() if ln.lstrip().startswith("#")))
    elif text:
        base, comments = read_for_update(path)
        errors = errors_in(list(base.problems))
        if errors:
            raise SpbeError(errors)
    updated = change(base)
    atomic_write(path, dump_answers(updated, order, comments))
    return updated


def update(path: Path, change: Callable[[Answers], Answers], empty: Answers, order: list[int]) -> Answers:
    """:func:`rewrite` under the file's lock (see the module docstring)."""
    with locked(path):
        return rewrite(path, change, empty, order)
