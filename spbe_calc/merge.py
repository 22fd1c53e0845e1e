"""Combining answers files of one agency, year and model: ``spbe-calc merge``.

Units fill copies of one file (Bagian Hukum domain 1, Bappeda domain 2, ...). The merge is the
union of everything they hold: per indicator every field of an answer (level, fakta, analisis,
bukti, and each stage's level under ``tahap``), and per file the published result (``hasil``)
and each part of the report's ``laporan`` (place, date, logo, signers). Where two files give
one field different values, that is a conflict, listed with both values and where each was
written; nothing is written until every conflict is settled, by editing a file or by
``--prefer FILE`` / ``--prefer latest``, and the result says which conflicts the preference
settled and with whose value. A value given in one file and left empty in another is no
conflict: the union takes it. Files of different agencies, years or models are refused.

The work is read → check → combine → write. The fields merged are found from the records
themselves (:data:`ANSWER_FIELDS`, :data:`FILE_FIELDS`), so a field added to an answer later is
merged like the others. The output is written by the one writer
(:func:`spbe_calc.answers.store.update`): under its lock, and an output that is one of the
inputs is read as it is at that moment. An existing output that is not an input is replaced
only with ``force``, since what it holds would be lost. The comments kept are the output's own,
or the first file's for a new output.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from spbe_calc.answers import Answer, Answers, bind
from spbe_calc.answers.comments import Comments
from spbe_calc.answers.read import Laporan, field_value, with_field
from spbe_calc.answers.store import update
from spbe_calc.answers.write import read_for_update
from spbe_calc.core import model_for
from spbe_calc.errors import Problem, SpbeError, errors_in, fail, problem_at
from spbe_calc.model import Model
from spbe_calc.stages import STAGES

#: The merged fields of an answer, in the order they are reported: every field of the record but
#: its number and ``tahap``, then one field per later stage (``tahap.akhir``).
ANSWER_FIELDS: tuple[str, ...] = (
    *(f for f in Answer._fields if f not in ("indicator", "tahap")),
    *(f"tahap.{stage}" for stage in STAGES[1:]),
)
#: Fields of a file that must agree for files to be merged at all.
SAME = ("instansi", "tahun")
#: What a file holds beside its answers and what must agree: merged like an answer's fields;
#: ``laporan`` part by part. (``path``, ``where``, ``problems`` and ``invalid`` say where and how
#: a file was read, not what it holds.)
FILE_FIELDS: tuple[str, ...] = tuple(
    field
    for name in Answers._fields
    if name not in ("path", "where", "problems", "invalid", "answers", "model", *SAME)
    for field in ((f"laporan.{part}" for part in Laporan._fields) if name == "laporan" else (name,))
)


class Value(NamedTuple):
    """One file's value for one field, and where it is written."""

    path: str
    line: int
    col: int
    value: Any


def _value(path: str, where: tuple[int, int], value: Any) -> Value:
    return Value(path=path, line=where[0], col=where[1], value=value)


class Conflict(NamedTuple):
    """Files that give one field different values (``indicator`` is ``None`` for a file's field)."""

    indicator: int | None
    field: str
    values: tuple[Value, ...]


class Settled(NamedTuple):
    """A conflict that ``--prefer`` settled, and the value it took."""

    conflict: Conflict
    chosen: Value


class Merged(NamedTuple):
    """The result: the combined answers, the conflicts left and settled, and whether it was written."""

    answers: Answers
    conflicts: list[Conflict]
    sources: list[str]
    output: str
    written: bool
    settled: tuple[Settled, ...] = ()


class _Input(NamedTuple):
    """One file to merge, as read."""

    path: str
    answers: Answers
    comments: Comments


# --- reading and checking ----------------------------------------------------------------------


def _read(paths: list[str]) -> list[_Input]:
    """Every input, read cleanly, with its comments."""
    inputs: list[_Input] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            answers, comments = read_for_update(path)
        except SpbeError as exc:
            problems += exc.problems
            continue
        problems += errors_in(answers.problems)
        inputs.append(_Input(path, answers, comments))
    if problems:
        raise SpbeError(problems)
    return inputs


def _check(inputs: list[_Input], model_ref: str | None) -> Model:
    """The one model of the inputs; refuse files that cannot be merged (see the module docstring)."""
    problems: list[Problem] = []
    models: dict[str, Model] = {}
    for path, answers, _ in inputs:
        try:
            model = model_for(answers, model_ref)
            if answers.hasil is None:
                bind(answers, model, partial=True)  # unknown indicators, levels outside the scale
        except SpbeError as exc:
            problems += exc.problems
            continue
        models[path] = model
    if problems:
        raise SpbeError(problems)
    if len({m.id for m in models.values()}) > 1:
        shown = "; ".join(f"{m.id} ({p})" for p, m in models.items())
        raise fail(inputs[0].path, "merge-mismatch", key="model", values=shown)
    problems = _same_agency(inputs)
    if problems:
        raise SpbeError(problems)
    return next(iter(models.values()))


def _same_agency(inputs: list[_Input]) -> list[Problem]:
    """Problems when the files name different instansi or years (an empty one agrees with any).

    A published result (``hasil``) and levels cannot be one file either.
    """
    problems: list[Problem] = []
    for key in SAME:
        seen: dict[Any, str] = {}
        for path, a, _ in inputs:
            value = getattr(a, key)
            if value is not None:
                seen.setdefault(value, path)
        if len(seen) > 1:
            shown = "; ".join(f"{v} ({p})" for v, p in seen.items())
            problems.append(
                Problem(path=inputs[0].path, line=0, col=0, code="merge-mismatch", args={"key": key, "values": shown})
            )
    published = [r for r in inputs if r.answers.hasil is not None]
    levels = [r for r in inputs if r.answers.hasil is None and r.answers.answers]
    if published and levels:
        first = published[0]
        at = first.answers.position("hasil")
        problems.append(problem_at(first.path, at, "merge-published", other=levels[0].path))
    return problems


# --- combining ---------------------------------------------------------------------------------


def _file_value(answers: Answers, field: str) -> Any:
    if field.startswith("laporan."):
        return getattr(answers.laporan or Laporan(), field.partition(".")[2]) or None
    return getattr(answers, field)


def _set_file_value(answers: Answers, field: str, value: Any) -> Answers:
    if field.startswith("laporan."):
        part = field.partition(".")[2]
        empty = Laporan._field_defaults[part]
        laporan = (answers.laporan or Laporan())._replace(**{part: empty if value is None else value})
        return answers._replace(laporan=laporan if laporan != Laporan() else None)
    return answers._replace(**{field: value})


def _where(answers: Answers, at: tuple[Any, ...]) -> tuple[int, int]:
    return answers.where.at(at) if answers.where else (0, 0)


def _answer_position(answers: Answers, ident: int, field: str) -> tuple[int, int]:
    # ``level`` is found like any field: in the short form (``12: 3``) its place is the value's.
    if field.startswith("tahap."):
        return answers.value_position(ident, field.partition(".")[2])
    return _where(answers, ("levels", ident, field))


class _Combiner:
    """Takes the union of the inputs field by field, collecting the conflicts and settling them."""

    def __init__(self, inputs: list[_Input], ranked: list[_Input]) -> None:
        self.inputs = inputs
        self.ranked = ranked
        self.conflicts: list[Conflict] = []
        self.settled: list[Settled] = []

    def pick(self, indicator: int | None, field: str, given: list[Value]) -> Any:
        """The one value of a field: the only one given, else the preferred file's, else a conflict."""
        distinct = {repr(v.value) for v in given}
        if len(distinct) <= 1:
            return given[0].value if given else None
        conflict = Conflict(indicator, field, tuple(given))
        chosen = next((v for r in self.ranked for v in given if v.path == r.path), None)
        if chosen is None:
            self.conflicts.append(conflict)
            return None
        self.settled.append(Settled(conflict, chosen))
        return chosen.value

    def answer(self, ident: int, base: Answer | None) -> Answer:
        """One indicator's merged answer (built on ``base``, whose unknown fields it keeps)."""
        merged = base or Answer(indicator=ident, level=None)
        for field in ANSWER_FIELDS:
            given = []
            for path, answers, _ in self.inputs:
                value = field_value(answers.answers.get(ident), field)
                if value is not None:
                    given.append(_value(path, _answer_position(answers, ident, field), value))
            merged = with_field(merged, field, self.pick(ident, field, given))
        return merged

    def file(self, base: Answers) -> Answers:
        """The file's own fields merged into ``base``."""
        for field in FILE_FIELDS:
            at = tuple(field.split("."))
            given = [
                _value(path, _where(answers, at), value)
                for path, answers, _ in self.inputs
                if (value := _file_value(answers, field)) is not None
            ]
            base = _set_file_value(base, field, self.pick(None, field, given))
        return base


def _ranked(inputs: list[_Input], prefer: str | None) -> list[_Input]:
    """The inputs in the order ``--prefer`` trusts them (none without it)."""
    if prefer == "latest":  # the most recently changed file that has a value wins
        return sorted(inputs, key=lambda r: os.stat(r.path).st_mtime, reverse=True)
    return [r for r in inputs if r.path == prefer]


def combine(inputs: list[_Input], prefer: str | None) -> tuple[Answers, _Combiner]:
    """The union of the inputs, with the combiner that holds the conflicts left and settled."""
    combiner = _Combiner(inputs, _ranked(inputs, prefer))
    first = inputs[0].answers
    ids = sorted({i for r in inputs for i in r.answers.answers})  # all known: _check refused the others
    merged = {
        ident: combiner.answer(ident, next(r.answers.answers[ident] for r in inputs if ident in r.answers.answers))
        for ident in ids
    }
    result = first._replace(
        model=first.model or next((r.answers.model for r in inputs if r.answers.model), None),
        instansi=next((r.answers.instansi for r in inputs if r.answers.instansi is not None), None),
        tahun=next((r.answers.tahun for r in inputs if r.answers.tahun is not None), None),
        answers=merged,
        where=None,
        problems=(),
        invalid=frozenset(),
    )
    return combiner.file(result), combiner


# --- the command -------------------------------------------------------------------------------


def merge_files(
    paths: list[str], output: str, prefer: str | None = None, model_ref: str | None = None, force: bool = False
) -> Merged:
    """Merge answers files into ``output`` (see the module docstring); raise on bad input."""
    if len(paths) < 2:
        raise fail(paths[0] if paths else "merge", "merge-one-file")
    if prefer not in (None, "latest") and prefer not in paths:
        raise fail("--prefer", "merge-prefer", value=str(prefer), files=", ".join(paths))
    out = Path(output)
    inputs = _read(paths)
    model = _check(inputs, model_ref)
    into = {r.path for r in inputs if _same_file(r.path, out)}
    outcome: list[Merged] = []

    def change(now: Answers) -> Answers | None:
        if not into and not force and now.has_answers():
            raise fail(output, "merge-output-exists")
        # The output, when it is an input, as it is now (someone may have saved it meanwhile).
        fresh = [r._replace(answers=now) if r.path in into else r for r in inputs]
        if into:
            _check(fresh, model_ref)
        result, combiner = combine(fresh, prefer)
        written = not combiner.conflicts
        outcome.append(
            Merged(
                answers=result,
                conflicts=combiner.conflicts,
                sources=paths,
                output=output,
                written=written,
                settled=tuple(combiner.settled),
            )
        )
        return result if written else None

    update(out, change, [i.id for i in model.indicators], start_comments=inputs[0].comments)
    return outcome[0]


def _same_file(path: str, out: Path) -> bool:
    """Whether an input is the output (by name, or the same file under another name)."""
    try:
        return Path(path) == out or os.path.samefile(path, out)
    except OSError:
        return False
