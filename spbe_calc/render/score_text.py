"""Score results as a readable table, fitting an 80-column terminal.

Written with :mod:`spbe_calc.render.plaintable` rather than rich: ``score`` is the command that
runs in CI and in batch, and rich's import alone would double its start-up.
"""

from __future__ import annotations

from typing import Any

from spbe_calc.batch import ScoreBatch
from spbe_calc.core import ScoredFile
from spbe_calc.i18n import t
from spbe_calc.model import Aspect
from spbe_calc.render import (
    Options,
    band_tone,
    banding_conflict,
    basis_line,
    exact_beside,
    num,
    pct,
    regulation,
    stage_name,
    status_notes,
    wrap,
)
from spbe_calc.render.plaintable import Column, PlainTable, paint
from spbe_calc.render.safe import clean
from spbe_calc.scoring import GroupScore, level_text


def _head(f: ScoredFile, color: bool, width: int) -> str:
    """Who, which year, which model: one line, or each part on its own lines when narrow."""
    model = f.model
    who = clean(f.answers.instansi or t("out.no-instansi"))
    year = f" · {f.answers.tahun}" if f.answers.tahun else ""
    what = clean(f"{model.name} ({regulation(model)})")
    if len(who) + len(year) + 3 + len(what) <= width:
        return paint(who, "bold", color) + year + paint(f" · {what}", "dim", color)
    # A narrow terminal: each part wrapped at words.
    return "\n".join(
        [paint(p, "bold", color) for p in wrap(who + year, width)] + [paint(p, "dim", color) for p in wrap(what, width)]
    )


def _table(f: ScoredFile, detail: bool) -> PlainTable:
    """The domain and aspect table (and with ``detail`` every indicator under its aspect)."""
    s, model = f.score, f.model
    item = (
        ("out.col.item.detail" if detail else "out.col.item")
        if model.domains
        else ("out.col.aspect.detail" if detail else "out.col.aspect")
    )
    columns = [
        Column(header=t("out.col.code")),
        Column(header=t(item), wrap=True),
        Column(header=t("out.col.weight"), align="right"),
        Column(header=t("out.col.index.detail" if detail else "out.col.index"), align="right"),
    ]
    if detail:
        columns.append(Column(header=t("out.col.contribution"), align="right"))
    columns.append(Column(header=t("out.col.predikat")))
    table = PlainTable(columns)
    indicator_scores = {i.indicator.id: i for i in s.indicators}
    aspect_scores = {a.id: a for a in s.aspects}

    def group_row(code: str, g: GroupScore, style: str) -> None:
        cells: list[tuple[str, str]] = [
            (code, style),
            (g.name, style),
            (pct(g.weight, model.total_weight), ""),
            (num(g.value, model.precision), style),
        ]
        if detail:
            cells.append(("", ""))
        cells.append((g.band.name, band_tone(model, g.band)))
        table.add(*cells)

    def aspect_rows(aspects: tuple[Aspect, ...]) -> None:
        for aspect in aspects:
            group_row(f"A{aspect.id}", aspect_scores[aspect.id], "")
            for ind in aspect.indicators if detail else ():
                i = indicator_scores[ind.id]
                level = "-" if ind.id in f.missing else level_text(i.level)
                contribution = (f"+{num(i.contribution, 4)}", "dim")
                table.add(
                    (str(ind.id), "dim"),
                    (ind.name, "dim"),
                    (pct(ind.weight, model.total_weight), "dim"),
                    level,
                    contribution,
                    "",
                )

    if f.published is not None:
        # Only what was published: the domains and aspects the file gives, no indicators.
        for g in (*s.domains, *s.aspects):
            group_row(f"{'D' if g.kind == 'domain' else 'A'}{g.id}", g, "bold" if g.kind == "domain" else "")
    elif model.domains:
        for domain, d in zip(model.domains, s.domains):
            group_row(f"D{d.id}", d, "bold")
            aspect_rows(domain.aspects)
    else:
        aspect_rows(model.aspects)
    return table


def _published_foot(f: ScoredFile, line: str, color: bool) -> list[str]:
    """Under a published result: the index marked as published, and where it was published."""
    assert f.published is not None
    parts = [line + paint(f"  [{t('out.published')}]", "yellow", color)]
    if f.published.source:
        parts.append(paint(clean(t("out.published.source", source=f.published.source)), "dim", color))
    return parts


def _foot(f: ScoredFile, line: str, detail: bool, color: bool, width: int) -> list[str]:
    """The index line, then how it was computed: the exact value, the stage, the banding rule."""
    s, model = f.score, f.model
    # Shown only when the displayed value is rounded, and only what is exact (8/3, not 2.666…67).
    exact = exact_beside(model, s.value)
    if exact is not None:
        line += paint(f"  ({t('out.exact')} {exact})", "dim", color)
    parts = [line]
    parts += [paint(p, "dim", color) for p in wrap(basis_line(f.stage, model, f.stage_sources), width)]
    conflict = banding_conflict(model, s.value)
    if conflict:
        parts += [paint(p, "yellow", color) for p in wrap(conflict, width)]
    if detail:
        note = t("out.detail-note")
        parts += [paint(p, "dim", color) for p in wrap(note, width)]
    return parts


def _status(files: list[ScoredFile], color: bool, width: int) -> list[str]:
    """The status of every model used that is not official, on stdout with the numbers it qualifies."""
    notes = status_notes(g.model for g in files if g.published is None)
    return [paint(p, "yellow", color) for note in notes for p in wrap(f"⚠ {note}", width)]


def _one(f: ScoredFile, detail: bool, color: bool, width: int) -> str:
    """One file: the heading, the table, and the index with how it was computed."""
    s, model = f.score, f.model
    line = paint(clean(f"{model.name}: {num(s.value, model.precision)}"), "bold", color) + "  "
    line += paint(clean(s.band.name), band_tone(model, s.band), color)
    table = _table(f, detail)
    parts = [_head(f, color, width), *_status([f], color, width)]
    if table.rows:
        parts.append(table.render(width, color))
    parts += _published_foot(f, line, color) if f.published is not None else _foot(f, line, detail, color, width)
    return "\n".join(parts)


def ranking(files: list[ScoredFile]) -> list[tuple[int, ScoredFile]]:
    """Files by exact index, highest first, with competition ranks (1, 2, 2, 4)."""
    ordered = sorted(files, key=lambda f: -f.score.value)
    out: list[tuple[int, ScoredFile]] = []
    for n, f in enumerate(ordered):
        rank = out[-1][0] if out and out[-1][1].score.value == f.score.value else n + 1
        out.append((rank, f))
    return out


def _ranking(files: list[ScoredFile], color: bool, width: int) -> str:
    # Rows that instansi and year cannot tell apart (copies, drafts) are named by their file.
    keys = [(f.answers.instansi, f.answers.tahun) for f in files]
    with_file = len(set(keys)) < len(keys) or any(f.answers.instansi is None for f in files)
    models = len({f.model.id for f in files}) > 1
    columns = [
        Column(header="#", align="right"),
        Column(header=t("out.col.instansi"), wrap=True),
        Column(header=t("out.col.year")),
    ]
    columns += [Column(header=t("out.col.file"), split=True)] if with_file else []
    columns += [Column(header=t("out.col.model"))] if models else []
    columns += [Column(header=t("out.col.index"), align="right"), Column(header=t("out.col.predikat"))]
    table = PlainTable(columns)
    for rank, f in ranking(files):
        name = f.answers.instansi or ""
        if f.missing:
            name += " *"
        if f.published is not None:
            name += " †"
        cells: list[Any] = [str(rank), name, str(f.answers.tahun or "")]
        cells += [f.path] if with_file else []
        cells += [f.model.id] if models else []
        cells += [num(f.score.value, f.model.precision), (f.score.band.name, band_tone(f.model, f.score.band))]
        table.add(*cells)
    counts: dict[str, int] = {}
    order = [b.name for b in files[0].model.bands]
    for f in files:
        counts[f.score.band.name] = counts.get(f.score.band.name, 0) + 1
    names = order + [n for n in counts if n not in order]
    lines = [
        table.render(width, color),
        paint(t("out.counts", count=len(files)) + " · ".join(f"{n} {counts.get(n, 0)}" for n in names), "bold", color),
    ]
    if any(f.missing for f in files):
        lines.append(paint(t("out.ranking.partial"), "dim", color))
    if any(f.published is not None for f in files):
        lines.append(paint("† " + t("out.published"), "dim", color))
    stages = sorted({stage_name(f.stage) for f in files if f.published is None})
    if stages:
        lines.append(paint(t("out.stage", stage=", ".join(stages)), "dim", color))
    lines += _status(files, color, width)
    return "\n".join(lines)


def render_text(batch: ScoreBatch, options: Options) -> str:
    """One file: its table. Several: a ranking with counts per predikat.

    With ``detail``, every file's table follows the ranking. Nothing when no file was scored
    (the failures are on stderr).
    """
    if not batch.scored:
        return ""
    files, detail, color, width = batch.scored, options.detail, options.color, options.width
    parts = []
    if len(files) > 1:
        parts.append(_ranking(files, color, width))
        if not detail:
            return parts[0]
    parts += [_one(f, detail, color, width) for f in files]
    return "\n\n".join(parts)
