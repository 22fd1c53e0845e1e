"""``validate``'s four report formats.

Modelled on yamllint: ``text`` for people; ``parsable`` is one ``path:line:col: level: message``
line per problem for editors and grep; ``github`` emits ``::error file=…,line=…,col=…::…``
annotations with the escaping GitHub requires; ``json`` is for programs.
"""

from __future__ import annotations

import json

from spbe_calc.errors import Problem
from spbe_calc.i18n import t
from spbe_calc.render import Options
from spbe_calc.render.messages import format_problem, hint, message, problem_json
from spbe_calc.validate import FileReport


def render_text(reports: list[FileReport], options: Options) -> str:
    """Human-readable report: each problem, then a summary line."""
    lines: list[str] = []
    for r in reports:
        if not r.problems:
            lines.append(t("out.validate.ok", path=r.path, kind=t(f"out.kind.{r.kind}")))
        for p in sorted(r.problems, key=lambda p: (p.line, p.col)):
            lines.append(format_problem(p, options.color))
    errors = sum(r.errors() for r in reports)
    warnings = sum(r.warnings() for r in reports)
    if errors or warnings:
        lines.append(
            t(
                "out.validate.summary",
                errors=t("n.errors", count=errors),
                warnings=t("n.warnings", count=warnings),
                files=t("n.files", count=len(reports)),
            )
        )
    return "\n".join(lines)


def render_parsable(reports: list[FileReport], options: Options) -> str:
    """``path:line:col: level: message`` lines (line and column 0 when the whole file is meant)."""
    out = []
    for r in reports:
        for p in sorted(r.problems, key=lambda p: (p.line, p.col)):
            out.append(f"{p.path}:{p.line}:{p.col}: {p.severity.value}: {message(p)}")
    return "\n".join(out)


def render_json(reports: list[FileReport], options: Options) -> str:
    """A JSON array with one object per file and its problems."""
    data = [
        {
            "path": r.path,
            "kind": r.kind,
            "valid": r.errors() == 0 and r.readable,
            "problems": [{**problem_json(p), "hint": hint(p)} for p in r.problems],
        }
        for r in reports
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: list[FileReport], options: Options) -> str:
    """GitHub Actions workflow commands, one annotation per problem."""
    return github([p for r in reports for p in r.problems])


def github(problems: list[Problem]) -> str:
    """One workflow command per problem: its file, place and code, then its message and hint."""
    out = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.col}"]
        props.append(f"title={_escape_property('spbe-calc ' + p.code)}")
        text = message(p)
        advice = hint(p)
        if advice:
            text += "\n" + advice
        out.append(f"::{p.severity.value} {','.join(props)}::{_escape_data(text)}")
    return "\n".join(out)
