"""Problems in words: each problem's message and hint, in the user's language.

Problems are values with a code and arguments (:class:`spbe_calc.errors.Problem`); this is
where they become sentences, for every command's error messages and for ``validate``'s reports.
"""

from __future__ import annotations

from typing import Any

from spbe_calc.errors import Problem, SpbeError
from spbe_calc.i18n import t, t_optional
from spbe_calc.render.safe import clean


def _localised_args(p: Problem) -> dict[str, Any]:
    """The problem's arguments, with the names of types and kinds of things translated."""
    # Values quoted from a file are shown escaped and cut: a message never floods the screen nor
    # carries a control sequence, whatever the file holds.
    args = {
        key: (clean(value) if key in PATH_ARGS else _quoted(value)) if isinstance(value, str) else value
        for key, value in p.args.items()
    }
    for key in ("expected", "found"):
        if key in args:
            args[key] = " | ".join(t(f"type.{part}") for part in str(args[key]).split(" | "))
    if p.code == "yaml-syntax":  # the reader's English sentence, said in our words when known
        args["reason"] = t_optional(f"yaml.{args.get('advice')}") or args.get("detail", "")
    if args.get("errno"):  # an operating-system error, in our words when we have them
        args["reason"] = t_optional(f"os.{args['errno']}") or args.get("reason", "")
    if "kind" in args:
        args["kind"] = t(f"kind.{args['kind']}")
    if "stage" in args:  # a stage by its name, and the word the options take
        args["stage_key"] = args["stage"]
        args["stage"] = t(f"stage.{args['stage']}")
    for key in ("found_kind", "wanted_kind"):  # kinds of file: "an answers file"
        if key in args:
            args[key] = t(f"kind.file.{args[key]}")
    return args


def message(p: Problem) -> str:
    """What is wrong, in the current language; preceded by the field when the problem names one."""
    text = t(f"problem.{p.code}", **_localised_args(p))
    field = p.args.get("field")
    return f"{_quoted(field)}: {text}" if isinstance(field, str) and field else text


#: Arguments that are paths the user gave or the tool chose: shown whole (escaped, never cut), so
#: that a hint such as "spbe-calc assess PATH" can be copied however deep the folder is.
PATH_ARGS = frozenset({"file", "folder", "lock", "path"})


def hint(p: Problem) -> str | None:
    """What to do about it, when the catalogue says (``{file}`` in a hint is the problem's file).

    A sharper hint is used when the problem carries a ``suggestion`` (a close name) or names
    the ``advice`` that fits the command (``hint.missing-indicators.assess`` for ``plan``).
    """
    args = {"file": clean(p.path), **_localised_args(p)}
    for variant in ("suggest" if args.get("suggestion") else "", args.get("advice", "")):
        specific = t_optional(f"hint.{p.code}.{variant}", **args) if variant else None
        if specific:
            return specific
    return t_optional(f"hint.{p.code}", **args)


#: The longest value quoted in a message, in characters.
QUOTE_LIMIT = 80


def _quoted(value: str) -> str:
    shown = clean(value)
    return shown if len(shown) <= QUOTE_LIMIT else shown[: QUOTE_LIMIT - 1] + "…"


def _where(p: Problem) -> str:
    path = clean(p.path)
    if p.cell:
        return f"{path}:{clean(p.cell)}"  # lke.xlsx:LKE!F14, as a spreadsheet names the cell
    return f"{path}:{p.line}:{p.col}" if p.line else path


def format_problem(p: Problem, color: bool = False, with_hint: bool = True) -> str:
    """One problem as human text, with its hint on an indented second line."""
    level = t(f"out.level.{p.severity.value}")
    if color:
        tone = "31" if p.is_error else "33"
        head = f"\x1b[1m{_where(p)}\x1b[0m: \x1b[{tone}m{level}\x1b[0m: {message(p)}"
    else:
        head = f"{_where(p)}: {level}: {message(p)}"
    advice = hint(p) if with_hint else None
    return head + (f"\n    {advice}" if advice else "")


def problem_text(error: SpbeError) -> str:
    """An error's problems on one line, each with its file (for places that take a single message)."""
    return "; ".join(f"{clean(p.path)}: {message(p)}" for p in error.problems)


def problem_json(p: Problem) -> dict[str, Any]:
    """A problem as JSON output gives it: its file and place, level, code and message.

    The file is named on every problem: a file's problems may be in another one (the model it
    names, a plan), which a program reading the output must be able to tell.
    """
    data = {
        "file": p.path,
        "line": p.line,
        "column": p.col,
        "level": p.severity.value,
        "code": p.code,
        "message": message(p),
    }
    if p.cell:
        data["cell"] = p.cell
    return data
