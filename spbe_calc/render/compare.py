"""Comparisons as a text table and as JSON."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from rich.text import Text

from spbe_calc.compare import Comparison, Row
from spbe_calc.i18n import t
from spbe_calc.numbers import exact_str, round_half_up
from spbe_calc.render import Options, num, signed, stage_name, status_note
from spbe_calc.render.richtext import (
    BOLD,
    DIM,
    GREEN,
    NUMBER,
    RED,
    SHORT,
    YELLOW,
    grid,
    listing,
    status_lines,
    to_text,
)
from spbe_calc.render.safe import clean
from spbe_calc.scoring import level_text


def _v(value: Fraction | None, places: int) -> str:
    return "–" if value is None else num(value, places)


def _d(value: Fraction | None, places: int) -> str:
    return "–" if value is None else signed(value, places)


def _places(c: Comparison) -> int:
    """Decimals of the indices compared: their models' (the most of them, when models differ)."""
    return max(f.model.precision for f in c.files)


def labels(c: Comparison) -> tuple[list[str], list[str]]:
    """A column heading per file that says whose it is, and the legend that explains them.

    One agency with a different year in every file: the years are the headings, no legend is
    needed. Several agencies, two files of one year, or a file without a year: the headings are
    numbers (1), (2)… and the legend names each one's instansi, year and file.
    """
    years = [str(f.answers.tahun) if f.answers.tahun else "–" for f in c.files]
    # A published result is marked in its heading: its numbers are the evaluator's, not computed.
    marks = [" †" if f.published is not None else "" for f in c.files]
    published = [f"† {t('out.published')}"] if any(marks) else []
    one_agency = len({f.answers.instansi for f in c.files}) == 1
    if one_agency and "–" not in years and len(set(years)) == len(years):
        return [y + m for y, m in zip(years, marks)], published
    headings = [f"({n + 1}){m}" for n, m in enumerate(marks)]
    legend = [
        f"{h} {clean(f.answers.instansi or t('out.no-instansi'))} · {year} · {clean(f.path)}"
        for h, f, year in zip(headings, c.files, years)
    ]
    return headings, legend + published


#: How many of the biggest indicator gains and losses are listed.
TOP = 10


def render_text(c: Comparison, options: Options) -> str:
    """Index, predikat, domains and aspects side by side; then the biggest indicator changes."""
    names = sorted({clean(f.answers.instansi) for f in c.files if f.answers.instansi})
    out: list[Any] = [Text(t("cmp.title", who=", ".join(names) or t("out.no-instansi")), style=BOLD)]
    table = grid()
    table.add_column(t("out.col.code"), **SHORT)
    table.add_column(t("out.col.item"))
    headings, legend = labels(c)
    # A legend line is never wrapped: a path cut in two cannot be copied.
    out += [Text(line, style=DIM, **SHORT) for line in legend]
    for heading in headings:
        table.add_column(heading, **NUMBER)
    table.add_column(t("cmp.col.change"), **NUMBER)

    def tone(delta: Fraction | None) -> str:
        return "" if not delta else (GREEN if delta > 0 else RED)

    places = _places(c)

    table.add_row(
        "",
        Text(clean(c.files[0].model.name) if c.same_model else t("out.index"), style=BOLD),
        *[Text(_v(v, places), style=BOLD) for v in c.overall.values],
        Text(_d(c.overall.delta, places), style=f"{BOLD} {tone(c.overall.delta)}"),
    )
    table.add_row("", t("out.col.predikat"), *[clean(p) for p in c.predikat], "")
    if not c.same_model:  # the index of each model is its own: name the model of every column
        table.add_row("", t("out.col.model"), *[clean(f.model.id) for f in c.files], "")
    aspects = {row.code: row for row in c.aspects}
    ordered: list[Row] = []
    model = c.files[0].model
    for domain, row in zip(model.domains, c.domains):  # each domain followed by its aspects
        ordered.append(row)
        ordered += [aspects[f"A{a.id}"] for a in domain.aspects]
    if not model.domains:
        ordered = list(c.aspects)
    for row in ordered:
        style = BOLD if row.code.startswith("D") else ""
        table.add_row(
            Text(row.code, style=style),
            Text(clean(row.name), style=style),
            *[_v(v, places) for v in row.values],
            Text(_d(row.delta, places), style=tone(row.delta)),
        )
    out.append(table)
    stages = sorted({stage_name(f.stage) for f in c.files if f.published is None})
    if stages:
        out.append(Text(t("out.stage", stage=", ".join(stages)), style=DIM))
    out += status_lines(f.model for f in c.files if f.published is None)
    if not c.same_model:
        out.append(Text(t("cmp.models-differ", models=", ".join(f.model.id for f in c.files)), style=YELLOW))
        return to_text(options, *out)
    for title, rows in ((t("cmp.gains"), c.gains), (t("cmp.losses"), c.losses)):
        if not rows:
            continue
        out.append(Text(title, style=BOLD))
        sub = listing()
        sub.add_column(**NUMBER)
        sub.add_column()
        sub.add_column(**SHORT)
        sub.add_column(**NUMBER)
        for row in rows[:TOP]:
            levels = "→".join("–" if lv is None else level_text(lv) for lv in row.levels)  # type: ignore[arg-type]
            sub.add_row(row.code, clean(row.name), levels, Text(_d(row.delta, 4), style=tone(row.delta)))
        out.append(sub)
        if len(rows) > TOP:
            out.append(Text(t("cmp.more", count=len(rows) - TOP), style=DIM))
    return to_text(options, *out)


def _row(row: Row, places: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.code,
        "name": row.name,
        "values": [None if v is None else float(round_half_up(v, places)) for v in row.values],
        "delta": None if row.delta is None else float(round_half_up(row.delta, places)),
        "delta_exact": None if row.delta is None else exact_str(row.delta),
    }
    if row.levels:
        out["id"] = int(row.code)
        out["levels"] = list(row.levels)  # items' levels as lists: JSON writes a tuple so
    return out


def render_json(c: Comparison, options: Options) -> str:
    """The comparison as JSON (documented in docs/referensi/keluaran.md)."""
    places = _places(c)
    data = {
        "files": [
            {
                "file": f.path,
                "instansi": f.answers.instansi,
                "tahun": f.answers.tahun,
                "model": f.model.id,
                "model_status": f.model.regulation.status,
                "model_warning": status_note(f.model) if f.published is None else None,
                "stage": f.stage,
                "published": f.published is not None,
                "banding": f.model.banding,
                "index": float(round_half_up(f.score.value, f.model.precision)),
                "index_exact": exact_str(f.score.value),
                "predikat": f.score.band.name,
            }
            for f in c.files
        ],
        "same_model": c.same_model,
        "index_delta": None if c.overall.delta is None else float(round_half_up(c.overall.delta, places)),
        "index_delta_exact": exact_str(c.overall.delta) if c.overall.delta is not None else None,
        "domains": [_row(r, places) for r in c.domains],
        "aspects": [_row(r, places) for r in c.aspects],
        "indicator_gains": [_row(r, 4) for r in c.gains],
        "indicator_losses": [_row(r, 4) for r in c.losses],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
