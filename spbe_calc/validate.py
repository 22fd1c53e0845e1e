"""Checking files of every kind: models, answers files and plan files, problems as values.

``validate`` reports every problem of every file with its position; it tells the kinds apart
by their top-level keys (an answers file has ``levels``, a plan file only ``default`` and
``indicators``, anything else is read as a model).
"""

from __future__ import annotations

from typing import NamedTuple

from spbe_calc.answers import answers_from_doc, bind, missing_problem
from spbe_calc.core import model_for_checked, year_warnings
from spbe_calc.errors import ExitCode, Problem, Severity, SpbeError, capped
from spbe_calc.kinds import kind_of
from spbe_calc.model import Model, check_model, load_model, resolve_model_path
from spbe_calc.plan import limits_from_doc
from spbe_calc.published import published_score
from spbe_calc.yamlsafe import Document, load


class FileReport(NamedTuple):
    """What ``validate`` found in one file."""

    path: str
    kind: str  # "model" | "answers" | "plan" | "unknown"
    problems: tuple[Problem, ...] = ()
    #: False when the file could not be read or parsed at all.
    readable: bool = True
    #: The model checked, or the one the answers (or plan) were checked against.
    model: Model | None = None

    def errors(self) -> int:
        """Number of errors."""
        return sum(p.severity is Severity.ERROR for p in self.problems)

    def warnings(self) -> int:
        """Number of warnings."""
        return sum(p.severity is Severity.WARNING for p in self.problems)


def validate_files(paths: list[str], model_ref: str | None = None) -> list[FileReport]:
    """Check each file; without files, the model itself (``--model``, or the bundled default)."""
    if paths:
        reports = [validate_file(p, model_ref) for p in paths]
    else:
        path, shown = resolve_model_path(model_ref)
        reports = [validate_file(str(path), model_ref, shown)]
    return [r._replace(problems=tuple(capped(list(r.problems)))) for r in reports]


def validate_file(path: str, model_ref: str | None = None, display: str | None = None) -> FileReport:
    """Check one file: a model, an answers file (top-level ``levels``) or a plan file."""
    shown = display or path
    try:
        doc = load(path, shown)
    except SpbeError as exc:
        return FileReport(path=shown, kind="unknown", problems=tuple(exc.problems), readable=False)
    kind = kind_of(doc.root)
    if kind == "plan":
        return _validate_plan(doc, model_ref)
    if kind != "answers":
        model, problems = check_model(doc)
        return FileReport(path=shown, kind="model", problems=tuple(problems), model=model)
    try:
        answers = answers_from_doc(doc)
        model = model_for_checked(answers, model_ref)
    except SpbeError as exc:
        # A model that cannot be read leaves the answers unchecked: that is bad input (exit 2).
        usable = not any(p.code == "model-unusable" for p in exc.problems)
        return FileReport(path=shown, kind="answers", problems=tuple(exc.problems), readable=usable)
    warnings = year_warnings(answers, model)
    try:
        if answers.hasil is not None:  # a published result: its numbers must fit the model
            _, more = published_score(answers, model)
            return FileReport(path=shown, kind="answers", problems=(*answers.problems, *warnings, *more), model=model)
        # A file being filled (a new one from `init` has no level yet) is well formed: what it
        # lacks is a warning here (an error with --strict), and an error for `score`.
        _, missing = bind(answers, model, advice="check", missing_as=Severity.WARNING)  # raises on errors
    except SpbeError as exc:
        return FileReport(path=shown, kind="answers", problems=(*exc.problems, *warnings), model=model)
    unanswered = [i for i in missing if i not in answers.invalid]
    if unanswered and answers.levels_readable():  # what bind says only when it raises
        warnings.append(missing_problem(answers, unanswered, advice="check", severity=Severity.WARNING))
    return FileReport(path=shown, kind="answers", problems=(*answers.problems, *warnings), model=model)


def _validate_plan(doc: Document, model_ref: str | None) -> FileReport:
    """A plan file (costs and reachable levels) is checked against the model it will be used with."""
    model = load_model(model_ref)
    try:
        limits_from_doc(doc, model)
    except SpbeError as exc:
        return FileReport(path=doc.path, kind="plan", problems=tuple(exc.problems), model=model)
    return FileReport(path=doc.path, kind="plan", problems=(), model=model)


def validate_exit_code(reports: list[FileReport], strict: bool) -> ExitCode:
    """0 when all is valid, 1 when problems were found, 2 when a file could not be read."""
    if any(not r.readable for r in reports):
        return ExitCode.BAD_INPUT
    if any(r.errors() or (strict and r.warnings()) for r in reports):
        return ExitCode.FINDINGS
    return ExitCode.OK
