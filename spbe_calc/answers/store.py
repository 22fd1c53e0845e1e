"""The one writer of answers files: lock, read the file as it is now, change it, replace it atomically.

Every command that changes an answers file (``assess`` at each answer and at every stage,
``merge``, ``import``, ``evidence --record``, ``init``) calls :func:`update` with a *change*: a
function from the answers as they are on disk at that moment to the answers to write. No other
code writes an answers file (a test keeps it so). Inside :func:`update`:

1. the file's lock is taken: an exclusive operating-system lock on a file beside it
   (``.NAME.lock``, via ``filelock``), so two writers take turns, neither writes over what the
   other has just saved, and a writer that dies releases it;
2. the file is checked to be replaceable (:func:`spbe_calc.fsutil.check_replaceable`: not
   read-only, no other hard link, an owner whose access a new file keeps);
3. the file is read as it is now, with its comments; a file with problems is never rewritten
   (somebody broke it meanwhile, and rewriting could drop what the reader did not understand);
4. the change is applied; it returns ``None`` to leave the file as it is (a conflict to settle
   first), and answers that say the same as the file's leave it untouched too, byte for byte;
5. the text to write is read back first, as any command would read it: a result that would be
   refused (larger than the reader's limits, once aliases of the inputs are written out) is not
   written, and says why;
6. the file is replaced atomically (:func:`spbe_calc.fsutil.atomic_write`), every comment kept
   beside its entry.

Changes edit records with ``_replace`` or keywords, never by position: a field added to
:class:`Answer` or :class:`Answers` later is carried by every writer without touching it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, Optional

from filelock import FileLock, Timeout

from spbe_calc.answers.comments import Comments
from spbe_calc.answers.read import Answers, answers_from_doc
from spbe_calc.answers.write import dump_answers, read_for_update
from spbe_calc.errors import Problem, SpbeError, errors_in, fail, os_failure
from spbe_calc.fsutil import atomic_write, check_replaceable
from spbe_calc.paths import exists
from spbe_calc.yamlsafe import LIMITS, parse, read_text

#: Seconds a writer waits for another one to finish.
LOCK_WAIT = 10

#: A change: the answers on disk now -> the answers to write (``None``: write nothing).
Change = Callable[[Answers], Optional[Answers]]


def lock_path(path: Path) -> Path:
    """The lock file of an answers file: beside it, hidden."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def _locked(path: Path, wait: float | None = None) -> Iterator[None]:
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
        if lock_path(path).is_symlink():
            raise fail(str(path), "lock-symlink", lock=str(lock_path(path))) from None
        raise os_failure(str(path), "not-writable", exc) from None
    try:
        yield
    finally:
        lock.release()


def check_writable(path: Path) -> None:
    """Refuse, before any work, an answers file that a save could not replace.

    What every save checks first (:func:`spbe_calc.fsutil.check_replaceable`), and its lock
    taken once: a read-only disk or share is found even where permission bits say nothing.
    """
    check_replaceable(path)
    with _locked(path):
        pass


def is_blank(text: str) -> bool:
    """Nothing but blank lines and comments: a file with nothing to lose."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def empty_answers(path: Path | str) -> Answers:
    """The answers of a file that does not exist yet."""
    return Answers(path=str(path), model=None, instansi=None, tahun=None, answers={})


class OnDisk(NamedTuple):
    """An answers file as it is now: its answers, its comments, and whether it holds any entry."""

    answers: Answers
    comments: Comments
    #: the file exists and holds more than blank lines and comments
    written: bool


def current(path: Path, start: Answers | None = None, start_comments: Comments | None = None) -> OnDisk:
    """The answers file as it is now, with its comments (read without the lock: a snapshot).

    ``start`` (and its comments) stands for a file that does not exist yet; a file of comments
    only stands for ``start`` with those comments at the top. A file with problems raises
    :class:`SpbeError`.
    """
    base = start if start is not None else empty_answers(path)
    text = read_text(path) if exists(path) else ""
    if not text:
        return OnDisk(base, start_comments or Comments.none(), written=False)
    if is_blank(text):  # its comments go first, then those of the new file's entries
        header = tuple(line for line in text.splitlines() if line.lstrip().startswith("#"))
        start_comments = start_comments or Comments.none()
        return OnDisk(base, start_comments._replace(header=header + start_comments.header), written=False)
    answers, comments = read_for_update(path)
    errors = errors_in(answers.problems)
    if errors:
        raise SpbeError(errors)
    return OnDisk(answers, comments, written=True)


def update(
    path: Path,
    change: Change,
    order: Sequence[int],
    start: Answers | None = None,
    start_comments: Comments | None = None,
) -> Answers:
    """Change an answers file as the module docstring says; the answers it holds afterwards.

    ``order`` lists indicator numbers in model order (answers for others follow by number);
    ``start`` and ``start_comments`` stand for a file that does not exist yet (:func:`current`).
    """
    check_replaceable(path)  # a folder or a missing folder has no lock file to take either
    with _locked(path):
        check_replaceable(path)  # as it is now, under the lock
        now = current(path, start, start_comments)
        after = change(now.answers)
        if after is None or (now.written and after.content() == now.answers.content()):
            return now.answers
        text = dump_answers(after, list(order), now.comments)
        _check_readable(path, text)
        atomic_write(path, text)
        return after._replace(path=str(path))


def _check_readable(path: Path, text: str) -> None:
    """Refuse to write what the reader would refuse: the problems, said of the file not written."""
    size = len(text.encode("utf-8"))
    limit = LIMITS["max_bytes"]
    if size > limit:
        raise fail(str(path), "result-refused", reason=f"{size} > {limit}")
    doc = parse(text, str(path))
    problems = errors_in(doc.problems) or (errors_in(answers_from_doc(doc).problems) if doc.root else [])
    if problems:
        first = problems[0]
        raise SpbeError(
            [
                Problem(path=str(path), line=0, col=0, code="result-refused", args={"reason": first.code}),
                first._replace(line=0, col=0),
            ]
        )
