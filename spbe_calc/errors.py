"""Problems as values and the single exception type of spbe-calc.

Every check in the core produces :class:`Problem` values (file, line, column, a stable code and
the arguments of its message). When the core cannot go on it raises :class:`SpbeError`, which
carries those problems and the exit code the CLI should use. The CLI has one handler for it: that
is the error funnel. Problems hold no words: :mod:`spbe_calc.render.problems` turns the code and
arguments into a sentence in the user's language.
"""

from __future__ import annotations

import enum
import errno
from collections.abc import Iterable
from typing import Any, NamedTuple


class ExitCode(enum.IntEnum):
    """Documented exit codes (the README and docs/referensi/keluar.md describe the same meanings)."""

    OK = 0
    #: ``validate`` found problems, a score is below ``--fail-under``, or a target is out of reach.
    FINDINGS = 1
    #: The input could not be used: missing or unreadable file, malformed model or answers file,
    #: wrong command-line usage.
    BAD_INPUT = 2
    #: A bug in spbe-calc itself; the message asks the user to report it.
    INTERNAL = 3
    #: Interrupted with Ctrl-C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130


class Severity(str, enum.Enum):
    """How serious a problem is: errors always fail, warnings only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


class Problem(NamedTuple):
    """One finding about one place in one file.

    ``code`` is a stable identifier (also the key of the message in the catalogue) and ``args``
    fill the message's placeholders, so the same problem can be shown in any language.
    ``line`` and ``col`` are 1-based; 0 means "the file as a whole". In a workbook they are the
    row and the column, and ``cell`` names the place as spreadsheets do (``LKE!F14``).
    """

    path: str
    line: int
    col: int
    code: str
    args: dict[str, Any]
    severity: Severity = Severity.ERROR
    cell: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether this problem makes the file unusable (warnings do not)."""
        return self.severity is Severity.ERROR


class SpbeError(Exception):
    """The one exception type: something the user can fix, with the problems that explain it."""

    def __init__(self, problems: list[Problem], exit_code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems
        self.exit_code = exit_code

    def __reduce__(self) -> tuple[type[SpbeError], tuple[list[Problem], ExitCode]]:
        """Pickle with the problems (results of batch workers travel between processes)."""
        return (SpbeError, (self.problems, self.exit_code))


def problem_at(path: str, where: tuple[int, int], code: str, **args: Any) -> Problem:
    """A problem at a position given as ``(line, column)`` (as the readers' lookups return it)."""
    return Problem(path=path, line=where[0], col=where[1], code=code, args=args)


def fail(path: str, code: str, line: int = 0, col: int = 0, **args: Any) -> SpbeError:
    """One problem as an :class:`SpbeError`, ready to be raised."""
    return SpbeError([Problem(path=path, line=line, col=col, code=code, args=args)])


def os_failure(path: str, code: str, exc: OSError) -> SpbeError:
    """An operating-system error as an :class:`SpbeError` (see :func:`os_reason`)."""
    return SpbeError([Problem(path=path, line=0, col=0, code=code, args=os_reason(exc))])


def os_reason(exc: OSError) -> dict[str, str]:
    """The arguments that describe an operating-system error.

    Its errno name (``ENOSPC``), which the renderer says in the user's language, and the
    system's own words as a fallback.
    """
    return {"reason": exc.strerror or str(exc), "errno": errno.errorcode.get(exc.errno or 0, "")}


#: The most problems reported for one file; a file with more is broken throughout, and the rest
#: are counted (a hostile file must not turn into gigabytes of messages).
MAX_PROBLEMS = 200


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """At most ``limit`` problems per file, in file order.

    A file with more gets one more problem (``more-problems``) that counts the rest.
    """
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.path, []).append(p)
    out: list[Problem] = []
    for path, found in by_file.items():
        found.sort(key=lambda p: (p.line, p.col))
        out += found[:limit]
        if len(found) > limit:
            out.append(Problem(path=path, line=0, col=0, code="more-problems", args={"count": len(found) - limit}))
    return out


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors (not warnings)."""
    return [p for p in problems if p.is_error]
