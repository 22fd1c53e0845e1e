"""Combining answers files of one agency, year and model: ``spbe-calc merge``.

Units fill copies of one file (Bagian Hukum domain 1, Bappeda domain 2, ...). The merge is the
union of their answers. Where two files give one indicator different values for the same
field (level, fakta, analisis, bukti), that is a conflict, listed with both values and where
each was written; nothing is written until every conflict is settled, by editing a file or by
``--prefer FILE`` / ``--prefer latest``. A value given in one file and left empty in another is
no conflict: the union takes it. Files of different agencies, years or models are refused.

The output is written atomically under the same lock as ``assess`` uses, so a merge into a file
that someone is filling in takes its turn; it keeps the comments of the first file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from spbe_calc.answers import Answer, Answers, bind, is_answered
from spbe_calc.answers.comments import Comments
from spbe_calc.answers.update import locked
from spbe_calc.answers.write import dump_answers, read_for_update
from spbe_calc.core import model_for
from spbe_calc.errors import Problem, SpbeError, errors_in, fail
from spbe_calc.fsutil import atomic_write

#: The fields of an answer that are merged, in the order they are reported.
FIELDS = ("level", "fakta", "analisis", "bukti")


class Value(NamedTuple):
    """One file's value for one field of one indicator, and where it is written."""

    path: str
    line: int
    col: int
    value: Any


class Conflict(NamedTuple):
    """Files that give one indicator different values for one field."""

    indicator: int
    field: str
    values: tuple[Value, ...]


class Merged(NamedTuple):
    """The result: the combined answers, the conflicts left, and whether the output was written."""

    answers: Answers
    conflicts: list[Conflict]
    sources: list[str]
    output: str
    written: bool


def _value(a: Answer | None, field: str) -> Any:
    """A field's value, or ``None`` when the file leaves it empty."""
    if a is None:
        return None
    value = getattr(a, field)
    if field == "level":
        return value if is_answered(value) else None
    return value or None


def _where(answers: Answers, ident: int, field: str) -> tuple[int, int]:
    if field == "level":
        return answers.value_position(ident)
    return answers.where.at(("levels", ident, field)) if answers.where else (0, 0)


def _same_agency(files: list[tuple[str, Answers]]) -> list[Problem]:
    """Problems when the files name different instansi or years (an empty one agrees with any)."""
    problems: list[Problem] = []
    for key in ("instansi", "tahun"):
        seen: dict[Any, str] = {}
        for path, a in files:
            value = getattr(a, key)
            if value is not None:
                seen.setdefault(value, path)
        if len(seen) > 1:
            shown = "; ".join(f"{v} ({p})" for v, p in seen.items())
            problems.append(Problem(files[0][0], 0, 0, "merge-mismatch", {"key": key, "values": shown}))
    return problems


def merge_files(paths: list[str], output: str, prefer: str | None = None, model_ref: str | None = None) -> Merged:
    """Merge answers files into ``output`` (see the module docstring); raise on bad input."""
    if len(paths) < 2:
        raise fail(paths[0] if paths else "merge", "merge-one-file")
    if prefer not in (None, "latest") and prefer not in paths:
        raise fail("--prefer", "merge-prefer", value=str(prefer), files=", ".join(paths))
    out = Path(output)
    with locked(out):
        return _merge_locked(paths, out, prefer, model_ref)


def _merge_locked(paths: list[str], out: Path, prefer: str | None, model_ref: str | None) -> Merged:
    read: list[tuple[str, Answers, Comments]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            answers, comments = read_for_update(path)
        except SpbeError as exc:
            problems += exc.problems
            continue
        problems += errors_in(list(answers.problems))
        read.append((path, answers, comments))
    if problems:
        raise SpbeError(problems)
    models = {}
    for path, answers, _ in read:
        try:
            model = model_for(answers, model_ref)
            bind(answers, model, partial=True)  # unknown indicators, levels outside the scale
        except SpbeError as exc:
            problems += exc.problems
            continue
        models[path] = model
    if problems:
        raise SpbeError(problems)
    if len({m.id for m in models.values()}) > 1:
        shown = "; ".join(f"{m.id} ({p})" for p, m in models.items())
        raise fail(paths[0], "merge-mismatch", key="model", values=shown)
    problems = _same_agency([(p, a) for p, a, _ in read])
    if problems:
        raise SpbeError(problems)

    # --prefer latest: the most recently changed file that has a value wins.
    if prefer == "latest":
        ranked = sorted(read, key=lambda r: os.stat(r[0]).st_mtime, reverse=True)
    elif prefer is not None:
        ranked = [r for r in read if r[0] == prefer]
    else:
        ranked = []
    model = next(iter(models.values()))
    ids = sorted({i for _, a, _ in read for i in a.answers}, key=lambda i: (i not in model.by_id, i))
    merged: dict[int, Answer] = {}
    conflicts: list[Conflict] = []
    for ident in ids:
        fields: dict[str, Any] = {}
        for field in FIELDS:
            values = [(p, a, _value(a.answers.get(ident), field)) for p, a, _ in read]
            given = [Value(p, *_where(a, ident, field), v) for p, a, v in values if v is not None]
            distinct = {repr(v.value) for v in given}
            if len(distinct) <= 1:
                fields[field] = given[0].value if given else None
                continue
            winner = next(
                (
                    _value(a.answers.get(ident), field)
                    for _, a, _ in ranked
                    if _value(a.answers.get(ident), field) is not None
                ),
                None,
            )
            if winner is None:
                conflicts.append(Conflict(ident, field, tuple(given)))
            fields[field] = winner
        merged[ident] = Answer(
            ident, fields["level"], fields["fakta"], fields["analisis"], tuple(fields["bukti"] or ())
        )
    first = read[0][1]
    result = Answers(
        str(out),
        first.model or next((a.model for _, a, _ in read if a.model), None),
        next((a.instansi for _, a, _ in read if a.instansi is not None), None),
        next((a.tahun for _, a, _ in read if a.tahun is not None), None),
        merged,
    )
    if conflicts:
        return Merged(result, conflicts, paths, str(out), written=False)
    order = [i.id for i in model.indicators]
    atomic_write(out, dump_answers(result, order, read[0][2]))
    return Merged(result, [], paths, str(out), written=True)
