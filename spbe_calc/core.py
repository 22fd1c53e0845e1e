"""Operations on one file: score an answers file, validate any file. Values in, values out.

This layer decides which model scores which answers file and collects problems per file; it
never prints, never translates and never exits (that is :mod:`spbe_calc.cli`'s job). Work on
many files at once is in :mod:`spbe_calc.batch`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spbe_calc.answers import Answers, answers_from_doc, bind, read_answers
from spbe_calc.bars import Bar
from spbe_calc.errors import ExitCode, Problem, Severity, SpbeError
from spbe_calc.model import DEFAULT_MODEL, Model, bundled_models, check_model, load_model, resolve_model_path
from spbe_calc.plan import Plan, limits_from_doc, make_plan, read_limits
from spbe_calc.scoring import Level, Score, score
from spbe_calc.yamlsafe import Document, load


@dataclass(frozen=True, slots=True)
class ScoredFile:
    """One answers file with its model and score.

    For a partial file (``--partial``), ``missing`` lists the unanswered indicators, ``score``
    counts them at their lowest level and ``score_high`` at their highest: the true index lies
    between the two.
    """

    path: str
    answers: Answers
    model: Model
    score: Score
    missing: tuple[int, ...] = ()
    score_high: Score | None = None


def model_for(answers: Answers, model_ref: str | None) -> Model:
    """Choose the model for an answers file: ``--model`` if given, else the one it declares.

    When both are given and name different models, scoring would produce a wrong number
    without anyone noticing, so it is an error.
    """
    here = Path(answers.path).parent
    declared = load_model(answers.model, here) if answers.model else None
    if model_ref is None:
        return declared or load_model(None)
    chosen = load_model(model_ref)
    if declared is not None and declared.id != chosen.id:
        line, col = answers.position("model")
        raise SpbeError(
            [Problem(answers.path, line, col, "model-mismatch", {"declared": declared.id, "used": chosen.id})]
        )
    return chosen


def _model_for_checked(answers: Answers, model_ref: str | None) -> Model:
    """:func:`model_for`, keeping the answers' own problems when the model cannot be had."""
    try:
        return model_for(answers, model_ref)
    except SpbeError as exc:
        raise SpbeError(answers.problems + exc.problems, exc.exit_code) from None


def score_answers(answers: Answers, model: Model, partial: bool = False) -> ScoredFile:
    """Score parsed answers against a model (see :class:`ScoredFile` for ``partial``)."""
    levels, missing = bind(answers, model, partial)
    low, high = score_bounds(model, levels, missing)
    return ScoredFile(answers.path, answers, model, low, tuple(missing), high)


def score_bounds(
    model: Model, levels: dict[int, Level], missing: list[int] | tuple[int, ...]
) -> tuple[Score, Score | None]:
    """The score with missing indicators at their lowest level, and at their highest.

    The second score is ``None`` when nothing is missing.
    """
    if not missing:
        return score(model, levels), None
    low = dict(levels)
    high = dict(levels)
    for ident in missing:
        ind = model.by_id[ident]
        if ind.items:
            low[ident] = (ind.scale.min,) * len(ind.items)
            high[ident] = (ind.scale.max,) * len(ind.items)
        else:
            low[ident] = ind.scale.min
            high[ident] = ind.scale.max
    return score(model, low), score(model, high)


def score_file(path: str, model_ref: str | None = None, partial: bool = False) -> ScoredFile:
    """Read, check and score one answers file; raise :class:`SpbeError` on any problem."""
    answers = read_answers(path, path)
    return score_answers(answers, _model_for_checked(answers, model_ref), partial)


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """An answers file and the plan that takes it to a target."""

    scored: ScoredFile
    plan: Plan


def plan_file(path: str, model_ref: str | None, bar: Bar, costs: str | None = None) -> PlannedFile:
    """Score a complete answers file and plan the raises to ``bar`` (the cheapest, with ``costs``)."""
    scored = score_file(path, model_ref)
    limits = read_limits(costs, scored.model) if costs else None
    return PlannedFile(scored, make_plan(scored.model, scored.score.levels(), bar, limits))


@dataclass(frozen=True, slots=True)
class FileReport:
    """What ``validate`` found in one file."""

    path: str
    kind: str  # "model" | "answers" | "plan" | "unknown"
    problems: list[Problem] = field(default_factory=list)
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
        return [validate_file(p, model_ref) for p in paths]
    path, shown = resolve_model_path(model_ref)
    return [validate_file(str(path), model_ref, shown)]


def validate_file(path: str, model_ref: str | None = None, display: str | None = None) -> FileReport:
    """Check one file: a model, an answers file (top-level ``levels``) or a plan file."""
    shown = display or path
    try:
        doc = load(path, shown)
    except SpbeError as exc:
        return FileReport(shown, "unknown", exc.problems, readable=False)
    root = doc.root
    keys = {k.value for k, _ in root.value} if root is not None and root.kind == "map" else set()
    if keys and keys <= {"default", "indicators"}:
        return _validate_plan(doc, model_ref)
    if "levels" not in keys:
        model, problems = check_model(doc)
        return FileReport(shown, "model", problems, model=model)
    try:
        answers = answers_from_doc(doc)
        model = _model_for_checked(answers, model_ref)
    except SpbeError as exc:
        return FileReport(shown, "answers", exc.problems)
    try:
        bind(answers, model, partial=False)  # raises with the reading problems included
    except SpbeError as exc:
        return FileReport(shown, "answers", exc.problems, model=model)
    return FileReport(shown, "answers", answers.problems, model=model)


def _validate_plan(doc: Document, model_ref: str | None) -> FileReport:
    """A plan file (costs and reachable levels) is checked against the model it will be used with."""
    model = load_model(model_ref)
    try:
        limits_from_doc(doc, model)
    except SpbeError as exc:
        return FileReport(doc.path, "plan", exc.problems, model=model)
    return FileReport(doc.path, "plan", [], model=model)


def validate_exit_code(reports: list[FileReport], strict: bool) -> ExitCode:
    """0 when all is valid, 1 when problems were found, 2 when a file could not be read."""
    if any(not r.readable for r in reports):
        return ExitCode.BAD_INPUT
    if any(r.errors() or (strict and r.warnings()) for r in reports):
        return ExitCode.FINDINGS
    return ExitCode.OK


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """A bundled model as ``spbe-calc models`` lists it."""

    name: str
    model: Model
    default: bool


def bundled_model_infos() -> list[ModelInfo]:
    """Every bundled model, loaded and validated, oldest regulation first."""
    infos = [ModelInfo(name, load_model(name), name == DEFAULT_MODEL) for name in bundled_models()]
    return sorted(infos, key=lambda i: (i.model.regulation.year_from or 0, i.name))
