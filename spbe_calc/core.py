"""Scoring one answers file: which model scores it, and the result. Values in, values out.

This layer never prints, never translates and never exits (that is :mod:`spbe_calc.cli`'s job).
Work on many files is in :mod:`spbe_calc.batch`, checking files of any kind in
:mod:`spbe_calc.validate`, planning in :mod:`spbe_calc.plan`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

from spbe_calc.answers import Answers, bind, read_answers
from spbe_calc.answers.read import Published
from spbe_calc.errors import Problem, Severity, SpbeError
from spbe_calc.model import DEFAULT_MODEL, LevelValue, Model, bundled_models, load_model
from spbe_calc.published import published_score
from spbe_calc.scoring import Score, score
from spbe_calc.stages import STAGES


class Basis(NamedTuple):
    """What a score is computed from: the stage whose levels count, and how the index is banded."""

    #: ``mandiri`` (the instansi's own levels), ``dokumen``, ``interviu``, ``visitasi`` or ``akhir``.
    stage: str = "mandiri"
    #: ``exact`` or ``rounded``: overrides the model's rule for the file's year (``--banding``).
    banding: str | None = None
    #: Warnings about the file (a year the model does not cover) are errors.
    strict: bool = False


#: The usual basis: the instansi's own levels, banded by the model's rule for the file's year.
DEFAULT_BASIS = Basis()


class ScoredFile(NamedTuple):
    """One answers file with its model and score.

    For a partial file (``--partial``), ``missing`` lists the unanswered indicators, ``score``
    counts them at their lowest level and ``score_high`` at their highest: the true index lies
    between the two (``score_high`` is set exactly when something is missing). ``model`` is set
    up for the file's year (:meth:`Model.for_year`): its ``banding`` is the rule that banded the
    index. A file that holds a published result has ``published`` set, and a score built from
    the published numbers (no indicators).
    """

    path: str
    answers: Answers
    model: Model
    score: Score
    missing: tuple[int, ...] = ()
    score_high: Score | None = None
    stage: str = "mandiri"
    published: Published | None = None
    #: Problems that did not stop scoring (a year outside the model's), shown on stderr.
    warnings: tuple[Problem, ...] = ()
    #: At an assessors' stage: how many indicators took their level from each stage, in stage order.
    stage_sources: tuple[tuple[str, int], ...] = ()


def model_for(answers: Answers, model_ref: str | None) -> Model:
    """Choose the model for an answers file: ``--model`` if given, else the one it declares.

    When both are given and name different models, scoring would produce a wrong number
    without anyone noticing, so it is an error.
    """
    declared = _declared_model(answers) if answers.model else None
    if model_ref is None:
        return declared or load_model(None)
    chosen = load_model(model_ref)
    if declared is not None and declared.id != chosen.id:
        line, col = answers.position("model")
        raise SpbeError(
            [
                Problem(
                    path=answers.path,
                    line=line,
                    col=col,
                    code="model-mismatch",
                    args={"declared": declared.id, "used": chosen.id},
                )
            ]
        )
    return chosen


def _declared_model(answers: Answers) -> Model:
    """The model an answers file names (relative to the file); problems point at its ``model:``."""
    assert answers.model is not None
    try:
        return load_model(answers.model, Path(answers.path).parent)
    except SpbeError as exc:
        line, col = answers.position("model")
        named = Problem(path=answers.path, line=line, col=col, code="model-unusable", args={"name": answers.model})
        raise SpbeError([named, *exc.problems]) from None


def model_for_checked(answers: Answers, model_ref: str | None) -> Model:
    """:func:`model_for`, keeping the answers' own problems when the model cannot be had."""
    try:
        return model_for(answers, model_ref)
    except SpbeError as exc:
        raise SpbeError([*answers.problems, *exc.problems]) from None


def year_warnings(answers: Answers, model: Model) -> list[Problem]:
    """A ``tahun`` the model was not made for: most likely the wrong model, or a typo in the year."""
    year, reg = answers.tahun, model.regulation
    if year is None or reg.covers(year):
        return []
    line, col = answers.position("tahun")
    args = {"year": year, "model": model.id, "start": reg.year_from, "end": reg.year_to or ""}
    return [
        Problem(path=answers.path, line=line, col=col, code="year-outside-model", args=args, severity=Severity.WARNING)
    ]


def prepare(answers: Answers, model: Model, basis: Basis) -> tuple[Model, list[Problem]]:
    """The model as it bands the file's year (or as ``--banding`` says), and the year's warnings.

    With ``strict``, a warning is an error.
    """
    warnings = year_warnings(answers, model)
    if basis.strict and warnings:
        raise SpbeError([w._replace(severity=Severity.ERROR) for w in warnings])
    return model.for_year(answers.tahun, basis.banding), warnings


def scored(
    answers: Answers,
    model: Model,
    levels: dict[int, LevelValue],
    missing: list[int],
    basis: Basis,
    warnings: list[Problem],
) -> ScoredFile:
    """The :class:`ScoredFile` of bound levels (``model`` already set up by :func:`prepare`)."""
    low, high = score_bounds(model, levels, missing)
    sources = stage_sources(answers, levels, basis.stage)
    return ScoredFile(
        path=answers.path,
        answers=answers,
        model=model,
        score=low,
        missing=tuple(missing),
        score_high=high,
        stage=basis.stage,
        warnings=tuple(warnings),
        stage_sources=sources,
    )


def score_answers(
    answers: Answers, model: Model, partial: bool = False, advice: str | None = None, basis: Basis = DEFAULT_BASIS
) -> ScoredFile:
    """Score parsed answers against a model (a published result is shown as published).

    See :class:`ScoredFile` for ``partial``, :func:`spbe_calc.answers.bind` for ``advice``, and
    :class:`Basis` for the stage and the banding.
    """
    model, warnings = prepare(answers, model, basis)
    if answers.hasil is not None:
        result, more = published_score(answers, model)
        return ScoredFile(
            path=answers.path,
            answers=answers,
            model=model,
            score=result,
            stage="akhir",
            published=answers.hasil,
            warnings=(*warnings, *more),
        )
    levels, missing = bind(answers, model, partial, advice, basis.stage)
    return scored(answers, model, levels, missing, basis, warnings)


def stage_sources(answers: Answers, levels: dict[int, LevelValue], stage: str) -> tuple[tuple[str, int], ...]:
    """At an assessors' stage, how many of the bound indicators took their level from each stage."""
    if stage == "mandiri":
        return ()
    sources = Counter(answers.answers[ident].source_at(stage) for ident in levels)
    return tuple((s, sources[s]) for s in STAGES if sources[s])


def score_bounds(
    model: Model, levels: dict[int, LevelValue], missing: list[int] | tuple[int, ...]
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


def score_file(
    path: str,
    model_ref: str | None = None,
    partial: bool = False,
    basis: Basis = DEFAULT_BASIS,
) -> ScoredFile:
    """Read, check and score one answers file; raise :class:`SpbeError` on any problem."""
    answers = read_answers(path)
    return score_answers(answers, model_for_checked(answers, model_ref), partial, basis=basis)


class ModelInfo(NamedTuple):
    """A bundled model as ``spbe-calc models`` lists it."""

    name: str
    model: Model
    default: bool


def bundled_model_infos() -> list[ModelInfo]:
    """Every bundled model, loaded and validated, oldest regulation first."""
    infos = [ModelInfo(name, load_model(name), name == DEFAULT_MODEL) for name in bundled_models()]
    return sorted(infos, key=lambda i: (i.model.regulation.year_from or 0, i.name))
