"""Problems as values and the single exception type of spbe-calc.

Every check in the core produces :class:`Problem` values (file, line, column, a stable code and
the arguments of its message). When the core cannot go on it raises :class:`SpbeError`, which
carries those problems and the exit code the CLI should use. The CLI has one handler for it: that
is the error funnel.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class ExitCode(enum.IntEnum):
    """Documented exit codes (the README's table is generated from the same meaning)."""

    OK = 0
    #: ``validate`` found problems, or a score is below ``--fail-under``.
    FINDINGS = 1
    #: The input could not be used: missing or unreadable file, malformed model or answers file,
    #: wrong command-line usage.
    BAD_INPUT = 2
    #: A bug in spbe-calc itself; the message asks the user to report it.
    INTERNAL = 3


class Severity(str, enum.Enum):
    """How serious a problem is: errors always fail, warnings only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding about one place in one file.

    ``code`` is a stable identifier (also the key of the message in the catalogue) and ``args``
    fill the message's placeholders, so the same problem can be shown in Indonesian or English.
    ``line`` and ``col`` are 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    col: int
    code: str
    args: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR

    def message(self) -> str:
        """Render the message in the current language."""
        from spbe_calc.i18n import t

        return t(f"problem.{self.code}", **self._localised_args())

    def hint(self) -> str | None:
        """Return the "what to do" sentence for this problem, if the catalogue has one."""
        from spbe_calc.i18n import t_optional

        args = self._localised_args()
        if args.get("suggestion"):
            specific = t_optional(f"hint.{self.code}.suggest", **args)
            if specific:
                return specific
        return t_optional(f"hint.{self.code}", **args)

    def _localised_args(self) -> dict[str, Any]:
        """Translate the arguments that name types or kinds of things."""
        from spbe_calc.i18n import t

        args = dict(self.args)
        for key in ("expected", "found"):
            if key in args:
                args[key] = " | ".join(t(f"type.{part}") for part in str(args[key]).split(" | "))
        if "kind" in args:
            args["kind"] = t(f"kind.{args['kind']}")
        return args


class SpbeError(Exception):
    """The one exception type: something the user can fix, with the problems that explain it."""

    def __init__(self, problems: list[Problem], exit_code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems
        self.exit_code = exit_code


def fail(path: str, code: str, line: int = 0, col: int = 0, **args: Any) -> SpbeError:
    """Build an :class:`SpbeError` holding a single problem (``raise fail(...)``)."""
    return SpbeError([Problem(path, line, col, code, args)])
