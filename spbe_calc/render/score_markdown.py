"""Score results as GitHub-flavoured Markdown, fit for ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

import re

from spbe_calc.batch import ScoreBatch
from spbe_calc.core import ScoredFile
from spbe_calc.i18n import t
from spbe_calc.model import Model
from spbe_calc.render import (
    Options,
    banding_conflict,
    basis_line,
    num,
    pct,
    regulation,
    status_note,
    title,
)
from spbe_calc.render.safe import clean
from spbe_calc.scoring import GroupScore, level_text

#: Markdown and HTML that text from a file must not become: table cells, links, tags, entities.
_MARKDOWN = re.compile(r"[\\|\[\]<>&`*_]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def cell(text: str) -> str:
    """Text from a file, safe in Markdown: in a table cell, and for a renderer of HTML.

    Line breaks become spaces (a cell is one line), control characters are escaped, ``|``, links
    and emphasis are escaped with a backslash, and ``<``, ``>``, ``&`` become entities, so that
    ``<script>`` or ``[x](javascript:…)`` in a name is shown, never run or linked.
    """
    one_line = clean(" ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
    return _MARKDOWN.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), one_line)


def _row(code: str, g: GroupScore, model: Model, bold: bool) -> str:
    name = f"**{cell(g.name)}**" if bold else cell(g.name)
    places = model.precision
    return f"| {code} | {name} | {pct(g.weight, model.total_weight)} | {num(g.value, places)} | {cell(g.band.name)} |"


def _one(f: ScoredFile, detail: bool) -> list[str]:
    places = f.model.precision
    lines = [
        f"### {cell(title(f.answers))}",
        "",
        f"**{cell(f.model.name)}: {num(f.score.value, places)} — {cell(f.score.band.name)}** "
        f"({cell(regulation(f.model))}, {cell(f.path)})",
        "",
    ]
    note = status_note(f.model) if f.published is None else None
    if note:  # a provisional or reconstructed model says so where a CI summary is read
        lines += [f"> ⚠ {cell(note)}", ""]
    if f.published is not None:
        source = t("out.published.source", source=f.published.source) if f.published.source else ""
        lines += [f"*{cell(t('out.published'))}.* {cell(source)}".rstrip(), ""]
    else:
        lines += [f"*{cell(basis_line(f.stage, f.model, f.stage_sources))}*", ""]
        conflict = banding_conflict(f.model, f.score.value)
        if conflict:
            lines += [f"> {cell(conflict)}", ""]
    if f.missing:
        lines += [f"> {cell(t('out.partial.short', count=len(f.missing)))}", ""]
    if not (f.score.domains or f.score.aspects):
        return lines
    lines += [
        f"| {t('out.col.code')} | {t('out.col.item')} | {t('out.col.weight')} | {t('out.col.index')} | "
        f"{t('out.col.predikat')} |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    aspects = {a.id: a for a in f.score.aspects}
    if f.published is not None:
        lines += [_row(f"D{g.id}", g, f.model, True) for g in f.score.domains]
        lines += [_row(f"A{g.id}", g, f.model, False) for g in f.score.aspects]
    elif f.model.domains:
        for domain, d in zip(f.model.domains, f.score.domains):
            lines.append(_row(f"D{d.id}", d, f.model, True))
            lines += [_row(f"A{a.id}", aspects[a.id], f.model, False) for a in domain.aspects]
    else:
        lines += [_row(f"A{a.id}", a, f.model, False) for a in f.score.aspects]
    if detail:
        lines += [
            "",
            f"| # | {t('out.col.indicator')} | {t('out.col.weight')} | {t('out.col.level')} |",
            "| ---: | --- | ---: | ---: |",
        ]
        for i in f.score.indicators:
            level = "–" if i.indicator.id in f.missing else level_text(i.level)
            lines.append(
                f"| {i.indicator.id} | {cell(i.indicator.name)} | {pct(i.indicator.weight, f.model.total_weight)} | {level} |"
            )
    return lines


def render_markdown(batch: ScoreBatch, options: Options) -> str:
    """A summary table when there are several files, then a section per file (nothing when none)."""
    files = batch.scored
    if not files:
        return ""
    detail = options.detail
    names = sorted({cell(f.model.name) for f in files})
    lines = [f"## {' / '.join(names)}", ""]
    if len(files) > 1:
        lines += [
            f"| {t('out.col.instansi')} | {t('out.col.year')} | {t('out.col.index')} | {t('out.col.predikat')} |",
            "| --- | ---: | ---: | --- |",
        ]
        for f in files:
            lines.append(
                f"| {cell(f.answers.instansi or f.path)} | {f.answers.tahun or ''} | "
                f"{num(f.score.value, f.model.precision)} | {cell(f.score.band.name)} |"
            )
        lines.append("")
    for f in files:
        lines += _one(f, detail) + [""]
    return "\n".join(lines).rstrip("\n")
