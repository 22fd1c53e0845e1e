"""Operations behind the commands: score files, validate files. Values in, values out.

This layer decides which model scores which answers file and collects problems per file; it
never prints and never exits (that is :mod:`spbe_calc.cli`'s job).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spbe_calc.answers import Answers, answers_from_doc, bind, read_answers
from spbe_calc.errors import ExitCode, Problem, Severity, SpbeError
from spbe_calc.model import Model, check_model, load_model
from spbe_calc.records import Record
from spbe_calc.scoring import Score, score
from spbe_calc.yamlsafe import Document, load


class ScoredFile(Record):
    """One answers file with its model and score.

    For a partial file (``--partial``), ``missing`` lists the unanswered indicators, ``score``
    counts them at their lowest level and ``score_high`` at their highest: the true index lies
    between the two.
    """

    __slots__ = ("path", "answers", "model", "score", "missing", "score_high")
    _defaults = {"missing": (), "score_high": None}
    path: str
    answers: Answers
    model: Model
    score: Score
    missing: tuple[int, ...]
    score_high: Score | None


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
        raise SpbeError([Problem(answers.path, line, col, "model-mismatch",
                                 {"declared": declared.id, "used": chosen.id})])
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


def score_bounds(model: Model, levels: dict[int, Any], missing: list[int] | tuple[int, ...]
                 ) -> tuple[Score, Score | None]:
    """The score with missing indicators at their lowest level and, if any are missing, at their
    highest (``None`` when nothing is missing)."""
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


def score_files(paths: list[str], model_ref: str | None = None, partial: bool = False) -> list[ScoredFile]:
    """Score several files, all or nothing: the problems of every bad file are raised together."""
    from spbe_calc.batch import problems_of, score_many

    outcomes = score_many(paths, model_ref, partial)
    problems = problems_of(outcomes)
    if problems:
        raise SpbeError(problems)
    return [o for o in outcomes if isinstance(o, ScoredFile)]


class ScoreBatch(Record):
    """What ``score`` did with its files: the results, the failures, and who is below the bar."""

    __slots__ = ("scored", "failures", "below", "count")
    scored: list[ScoredFile]
    failures: list[SpbeError]
    below: list[ScoredFile]
    count: int  # files looked at, after folders were expanded

    def exit_code(self) -> ExitCode:
        """2 when a file could not be scored, else 1 when one is below the bar, else 0."""
        if self.failures:
            return max(e.exit_code for e in self.failures)
        return ExitCode.FINDINGS if self.below else ExitCode.OK


def score_batch(files: list[str], model_ref: str | None, partial: bool, fail_under: str | None) -> ScoreBatch:
    """Score files and folders; a bad file does not stop the others (see :class:`ScoreBatch`)."""
    from spbe_calc.batch import score_many

    bar = None
    if fail_under is not None:
        from spbe_calc.bars import parse_bar

        bar = parse_bar(fail_under)  # a malformed bar is an error before any work
    paths = expand_paths(files)
    if not paths:
        raise SpbeError([Problem(files[0] if files else ".", 0, 0, "no-files")])
    scored: list[ScoredFile] = []
    failures: list[SpbeError] = []
    for outcome in score_many(paths, model_ref, partial):
        if isinstance(outcome, SpbeError):
            failures.append(outcome)
        else:
            scored.append(outcome)
    below: list[ScoredFile] = []
    if bar is not None:
        from spbe_calc.bars import check_bar, meets

        for f in scored:
            check_bar(bar, f.model)
            if not meets(bar, f.score):
                below.append(f)
    return ScoreBatch(scored, failures, below, len(paths))


def expand_paths(paths: list[str]) -> list[str]:
    """Replace each folder by the ``.yaml``/``.yml`` files under it (sorted, recursively)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
            out += [str(q) for q in found]
        else:
            out.append(p)
    return out


class FileReport:
    """What ``validate`` found in one file."""

    __slots__ = ("path", "kind", "problems", "readable", "model")

    def __init__(self, path: str, kind: str, problems: list[Problem] | None = None, readable: bool = True,
                 model: Model | None = None) -> None:
        self.path = path
        self.kind = kind  # "model" | "answers" | "plan" | "unknown"
        self.problems = problems if problems is not None else []
        self.readable = readable
        self.model = model  # the model checked, or the one the answers were checked against

    def errors(self) -> int:
        """Number of errors."""
        return sum(p.severity is Severity.ERROR for p in self.problems)

    def warnings(self) -> int:
        """Number of warnings."""
        return sum(p.severity is Severity.WARNING for p in self.problems)


def validate_file(path: str, model_ref: str | None = None, display: str | None = None) -> FileReport:
    """Check one file, model or answers (an answers file has a top-level ``levels`` key)."""
    shown = display or path
    try:
        doc = load(path, shown)
    except SpbeError as exc:
        return FileReport(shown, "unknown", exc.problems, readable=False)
    path = shown
    root = doc.root
    keys = {k.value for k, _ in root.value} if root is not None and root.kind == "map" else set()
    is_answers = "levels" in keys
    if keys and keys <= {"default", "indicators"}:
        return _validate_plan(path, doc, model_ref)
    if not is_answers:
        model, problems = check_model(doc)
        return FileReport(path, "model", problems, model=model)
    try:
        answers = answers_from_doc(doc)
    except SpbeError as exc:
        return FileReport(path, "answers", exc.problems)
    problems = answers.problems
    try:
        model = _model_for_checked(answers, model_ref)
    except SpbeError as exc:
        return FileReport(path, "answers", exc.problems)
    try:
        bind(answers, model, partial=False)  # raises with the reading problems included
    except SpbeError as exc:
        return FileReport(path, "answers", exc.problems, model=model)
    return FileReport(path, "answers", problems, model=model)


def _validate_plan(path: str, doc: Document, model_ref: str | None) -> FileReport:
    """A plan file (costs and reachable levels) is checked against the model it will be used with."""
    from spbe_calc.plan import limits_from_doc

    model = load_model(model_ref)
    try:
        limits_from_doc(doc, model)
    except SpbeError as exc:
        return FileReport(path, "plan", exc.problems, model=model)
    return FileReport(path, "plan", [], model=model)


class ModelInfo(Record):
    """A bundled model as ``spbe-calc models`` lists it."""

    __slots__ = ("name", "model", "default")
    name: str
    model: Model
    default: bool


def bundled_model_infos() -> list[ModelInfo]:
    """Every bundled model, loaded and validated, oldest regulation first."""
    from spbe_calc.model import DEFAULT_MODEL, bundled_models

    infos = [ModelInfo(name, load_model(name), name == DEFAULT_MODEL) for name in bundled_models()]
    return sorted(infos, key=lambda i: ((i.model.regulation.get("years") or {}).get("from") or 0, i.name))


def model_warnings(models: list[Model | None]) -> list[str]:
    """The one-line warnings of the distinct models used (e.g. a provisional model), once each."""
    from spbe_calc.i18n import pick

    seen: dict[str, str] = {}
    for m in models:
        if m is not None and m.warning and m.id not in seen:
            seen[m.id] = pick(m.warning)
    return list(seen.values())


def validate_exit_code(reports: list[FileReport], strict: bool) -> ExitCode:
    """0 when all is valid, 1 when problems were found, 2 when a file could not be read."""
    if any(not r.readable for r in reports):
        return ExitCode.BAD_INPUT
    if any(r.errors() or (strict and r.warnings()) for r in reports):
        return ExitCode.FINDINGS
    return ExitCode.OK
