"""``init``: a new answers file that lists every indicator of its model, with no level yet.

The first step of a new year. The file is written through the one writer
(:func:`spbe_calc.answers.store.update`) like every other change: each indicator is an entry
``12: null`` with its name as a comment, under comments naming its domain and aspect, so that a
person can fill it by hand or with ``assess``; the comments stay beside their entries at every
later save. A file that already holds anything is never replaced.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from spbe_calc.answers import Answer, Answers
from spbe_calc.answers.comments import Comments, EntryPath
from spbe_calc.answers.store import update
from spbe_calc.errors import fail
from spbe_calc.i18n import t
from spbe_calc.model import DEFAULT_MODEL, Indicator, Model, bundled_models, load_model, resolve_model_path


def model_for_year(year: int | None) -> str:
    """The bundled model to start a year with (``pemdi-2026`` for 2026).

    The default model when it covers the year (or no year is given), else the first bundled
    model made for that year.
    """
    if year is None or load_model(DEFAULT_MODEL).regulation.covers(year):
        return DEFAULT_MODEL
    for name in sorted(bundled_models()):  # by name: pemdi-2026 before its variant pemdi-2026-b
        if load_model(name).regulation.covers(year):
            return name
    return DEFAULT_MODEL


def proposed_year(model: Model, this_year: int) -> int:
    """The year to propose: this year if the model covers it, else the model's nearest year.

    In 2026 the 59/2020 model (2021-2025) proposes 2025, not a year it was not made for.
    """
    reg = model.regulation
    if reg.covers(this_year) or reg.year_from is None:
        return this_year
    if this_year < reg.year_from:
        return reg.year_from
    assert reg.year_to is not None  # a year after an open end is covered
    return reg.year_to


def _one_line(text: str) -> str:
    """A name as a comment: one line of printable characters, whatever a model file wrote.

    A control or format character (U+0001, a bidirectional override) in a comment would make the
    new file one that the reader refuses, or one that shows other than it reads.
    """
    return "".join(ch for ch in " ".join(text.split()) if ch.isprintable())


def _levels_hint(model: Model) -> list[str]:
    """What the levels of each scale are called, one comment line per scale."""
    lines = []
    for scale in model.scales.values():
        names = ", ".join(f"{lv.value} {lv.name}" if lv.name else str(lv.value) for lv in scale.levels)
        lines.append("# " + _one_line(t("init.scale", name=scale.name, levels=names)))
    return lines


def _item_hint(indicator: Indicator) -> str:
    """The inline comment of an indicator: its name, and for one scored per item, how to write it."""
    name = _one_line(indicator.name)
    if not indicator.items:
        return f"# {name}"
    low = indicator.scale.levels[0].value
    example = ", ".join([str(low)] * len(indicator.items))
    return f"# {name} — " + _one_line(t("init.items", count=len(indicator.items), example=example))


def skeleton_comments(model: Model, path: str) -> Comments:
    """The comments of a new file: how to fill it, the domains and aspects, each indicator's name."""
    header = ["# " + _one_line(t("init.header.1", model=model.id, name=model.name))]
    header += ["# " + _one_line(t(f"init.header.{n}", path=path)) for n in (2, 3)]
    header += _levels_hint(model)
    before: dict[EntryPath, tuple[str, ...]] = {}
    inline: dict[EntryPath, str] = {}
    for aspect in model.aspects:
        lines = []
        if aspect.domain_id is not None and aspect is next(a for a in model.aspects if a.domain_id == aspect.domain_id):
            domain = next(d for d in model.domains if d.id == aspect.domain_id)
            lines.append(f"# Domain {domain.id} · {_one_line(domain.name)}")
        lines.append(f"# Aspek {aspect.id} · {_one_line(aspect.name)}")
        before[("levels", aspect.indicators[0].id)] = tuple(lines)
        for indicator in aspect.indicators:
            inline[("levels", indicator.id)] = _item_hint(indicator)
    footer = ["", "# " + _one_line(t("init.laporan"))]
    footer += ["# " + line for line in LAPORAN_EXAMPLE]
    return Comments(header=tuple(header), before=before, inline=inline, footer=tuple(footer))


#: The ``laporan`` part shown, commented out, at the end of a new file (the report reads it).
LAPORAN_EXAMPLE = (
    "laporan:",
    '  tempat: "Kota Contoh"',
    '  logo: "logo.png"',
    "  penandatangan:",
    '    - {jabatan: "Kepala Dinas Komunikasi dan Informatika", nama: "Nama Lengkap", nip: "19700101 199001 1 001"}',
)


class Started(NamedTuple):
    """A new answers file: what it holds, and the model it was made for."""

    answers: Answers
    model: Model


def init_file(path: Path, model_ref: str | None, instansi: str | None, tahun: int | None) -> Started:
    """Write a new answers file at ``path``; :class:`SpbeError` ``init-exists`` if it holds anything.

    ``model_ref`` (a bundled name or a model file) defaults to the model made for ``tahun``
    (:func:`model_for_year`). An empty file, or one of comments only, counts as new.
    """
    ref = model_ref if model_ref is not None else model_for_year(tahun)
    model = load_model(ref)
    start = Answers(
        path=str(path),
        model=_reference(ref, path),
        instansi=instansi,
        tahun=tahun,
        answers={i.id: Answer(indicator=i.id, level=None) for i in model.indicators},
    )
    applied: list[bool] = []

    def change(now: Answers) -> Answers | None:
        # A file that holds anything is read as it is, not started: it is kept as it is.
        if now is not start:
            return None
        applied.append(True)
        return now

    written = update(path, change, [i.id for i in model.indicators], start, skeleton_comments(model, str(path)))
    if not applied:
        raise fail(str(path), "init-exists")
    return Started(answers=written, model=model)


def _reference(ref: str, path: Path) -> str:
    """How the new file names its model: a bundled one by name, a file by its path from there.

    A model file is named by its path from the answers file's folder, as the answers file will
    be read, and must be one it may read (``model-outside`` otherwise, said now).
    """
    if ref in bundled_models():
        return ref
    written = os.path.relpath(Path(ref).resolve(), path.resolve().parent)
    resolve_model_path(written, path.resolve().parent)  # model-outside: said now, not at every score
    return Path(written).as_posix()
