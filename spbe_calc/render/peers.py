"""Where an agency stands among its peers (``spbe-calc peers``): text, JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from typing import Any

from spbe_calc.i18n import t
from spbe_calc.numbers import exact_str, scaled_half_up
from spbe_calc.peers import Assessed, Group, Peers, Spread, Year
from spbe_calc.render import Options, csv_text, json_num, num, plain_num, stage_name, status_note, wrap
from spbe_calc.render.messages import problem_json
from spbe_calc.render.plaintable import Column, PlainTable, paint
from spbe_calc.render.safe import clean
from spbe_calc.render.score_markdown import cell

DOMAINS = (1, 2, 3, 4)


def percent(value: Fraction) -> str:
    """A percentile as a whole number (half up)."""
    return str(scaled_half_up(value, 0))


def place_text(group: Group) -> str:
    """A rank and the group's size: "3 dari 14"."""
    return t("peers.rank", rank=group.rank, total=group.total)


def group_name(group: Group) -> str:
    """The group as people say it: its name as printed, or "kabupaten seluruh Indonesia"."""
    return group.label if group.scope == "group" else t("peers.kind-national", kind=t(f"peers.kind.{group.label}"))


# --- text ----------------------------------------------------------------------------------------


def group_column(peers: Peers) -> str:
    """The heading of the group's rank column: "Di provinsi" for a local government, else "Di kelompok"."""
    local = peers.kind in ("provinsi", "kabupaten", "kota")
    return t("peers.col.province" if local else "peers.col.group")


def _years_table(peers: Peers) -> PlainTable:
    """Each published year: index, predikat, ranks and percentile (the domains have their own table)."""
    kind = t(f"peers.kind.{peers.kind}")  # an agency the table has is of a kind
    columns = [
        Column(header=t("peers.col.year")),
        Column(header=t("out.col.index"), align="right"),
        Column(header=t("out.col.predikat")),
        Column(header=group_column(peers), align="right"),
        Column(header=t("peers.col.kind", kind=kind), align="right"),
        Column(header=t("peers.col.percentile"), align="right"),
    ]
    table = PlainTable(columns)
    for year in peers.years:
        row = year.row
        table.add(
            str(row.year),
            num(row.value),
            row.predikat,
            place_text(year.group),
            place_text(year.kind),
            percent(year.group.percentile),
        )
    return table


def _domains_table(peers: Peers) -> PlainTable:
    """Each published year's domain values."""
    table = PlainTable([Column(header=t("peers.col.year")), *(Column(header=f"D{n}", align="right") for n in DOMAINS)])
    for year in peers.years:
        domains = year.row.domains
        table.add(str(year.row.year), *(num(domains[n]) if n in domains else "–" for n in DOMAINS))
    return table


def _spread_table(group: Group) -> PlainTable:
    table = PlainTable(
        [
            Column(header=""),
            Column(header=t("out.col.index"), align="right"),
            *(Column(header=f"D{n}", align="right") for n in DOMAINS),
        ]
    )
    for label, field in (("peers.q1", "q1"), ("peers.median", "median"), ("peers.q3", "q3")):
        cells = [getattr(group.spread, field)] + [
            getattr(group.domains[n], field) if n in group.domains else None for n in DOMAINS
        ]
        table.add(t(label), *(num(v) if v is not None else "–" for v in cells))
    return table


def position_sentences(peers: Peers) -> list[str]:
    """The report's "Posisi" in words: where the self-assessed index would stand, and the top quarter."""
    assessed = peers.assessed
    if assessed is None:
        return []
    out = []
    for group in (assessed.group, assessed.kind):
        if group is not None:
            out.append(
                t(
                    "rep.position.place",
                    index=num(assessed.value),
                    against=assessed.against,
                    group=group_name(group),
                    place=place_text(group),
                    percentile=percent(group.percentile),
                    top=num(group.top_quarter),
                )
            )
    return out


def _assessed_lines(assessed: Assessed) -> list[str]:
    year = assessed.year if assessed.year is not None else "–"
    stage = stage_name(assessed.stage)
    lines = [
        t(
            "peers.assessed",
            year=year,
            stage=stage,
            index=num(assessed.value),
            predikat=assessed.predikat,
            against=assessed.against,
        )
    ]
    for group in (assessed.group, assessed.kind):
        if group is not None:
            lines.append(
                "  "
                + t(
                    "peers.assessed.place",
                    group=group_name(group),
                    place=place_text(group),
                    percentile=percent(group.percentile),
                    top=num(group.top_quarter),
                )
            )
    if assessed.group is None and assessed.kind is None:
        lines.append("  " + t("peers.assessed.nowhere"))
    note = status_note(assessed.model)
    return lines + ([f"⚠ {note}"] if note else [])


def render_text(peers: Peers, options: Options) -> str:
    """The agency's published years with its ranks, its groups' spreads, and a self-assessment's place."""
    color, width = options.color, options.width
    parts: list[str] = []
    if peers.name is not None:
        head = " · ".join(clean(x) for x in (peers.name, peers.group, t(f"peers.kind.{peers.kind}")) if x)
        parts += [paint(p, "bold", color) for p in wrap(head, width)]
        parts += [paint(p, "dim", color) for p in wrap(t("peers.source", source=peers.source), width)]
        parts.append(_years_table(peers).render(width, color))
        parts.append("")
        parts.append(_domains_table(peers).render(width, color))
        latest = peers.years[-1]  # an agency named is one the table has, with its years
        for group in (latest.group, latest.kind):
            parts.append("")
            parts.append(
                paint(
                    t("peers.spread", year=latest.row.year, group=group_name(group), total=group.total),
                    "bold",
                    color,
                )
            )
            parts.append(_spread_table(group).render(width, color))
            parts.append(t("peers.top-quarter", index=num(group.top_quarter)))
        notes = [y for y in peers.years if y.row.note]
        parts += [
            paint(p, "yellow", color)
            for y in notes
            for p in wrap(t("peers.note", year=y.row.year, note=y.row.note), width)
        ]
    if peers.assessed is not None:
        parts += [""] if parts else []
        for line in _assessed_lines(peers.assessed):  # wrapped under its own indent
            indent = " " * (len(line) - len(line.lstrip()))
            parts += wrap(line, width, indent + "  ")
    parts += [paint(p, "dim", color) for p in wrap(t("peers.how"), width)]
    return "\n".join(parts)


# --- JSON ------------------------------------------------------------------------------------------


def _spread(spread: Spread) -> dict[str, Any]:
    return {
        "q1": json_num(spread.q1, 4),
        "median": json_num(spread.median, 4),
        "q3": json_num(spread.q3, 4),
        "n": spread.n,
    }


def _group(group: Group) -> dict[str, Any]:
    return {
        "scope": group.scope,
        "label": group.label,
        "rank": group.rank,
        "total": group.total,
        "percentile": json_num(group.percentile, 1),
        "index": _spread(group.spread),
        "domains": {str(n): _spread(s) for n, s in sorted(group.domains.items())},
        "top_quarter": json_num(group.top_quarter, 2),
    }


def _year(year: Year) -> dict[str, Any]:
    row = year.row
    return {
        "year": row.year,
        "index": json_num(row.value, 2),
        "predikat": row.predikat,
        "domains": {str(n): json_num(v, 2) for n, v in sorted(row.domains.items())},
        "note": row.note or None,
        "group": _group(year.group),
        "kind": _group(year.kind),
    }


def to_dict(peers: Peers) -> dict[str, Any]:
    """The JSON object of ``peers``."""
    assessed = peers.assessed
    return {
        "instansi": peers.name,
        "kind": peers.kind,
        "group": peers.group,
        "source": peers.source,
        "published": [_year(y) for y in peers.years],
        "self_assessment": None
        if assessed is None
        else {
            "year": assessed.year,
            "index": json_num(assessed.value, 2),
            "index_exact": exact_str(assessed.value),
            "predikat": assessed.predikat,
            "stage": assessed.stage,
            "against": assessed.against,
            "model": assessed.model.id,
            "model_warning": status_note(assessed.model),
            "group": _group(assessed.group) if assessed.group else None,
            "kind": _group(assessed.kind) if assessed.kind else None,
        },
        "warnings": [problem_json(p) for p in peers.warnings],
    }


def render_json(peers: Peers, options: Options) -> str:
    """``{instansi, kind, group, source, published: [...], self_assessment, warnings}``."""
    return json.dumps(to_dict(peers), ensure_ascii=False, indent=2)


# --- CSV -------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "tahun",
    "sumber",
    "instansi",
    "lingkup",
    "kelompok",
    "indeks",
    "predikat",
    "d1",
    "d2",
    "d3",
    "d4",
    "peringkat",
    "dari",
    "persentil",
    "q1",
    "median",
    "q3",
    "seperempat_teratas",
    "catatan",
)


def _csv_row(
    year: Any,
    source: str,
    name: str,
    value: Fraction,
    predikat: str,
    domains: dict[int, Fraction],
    group: Group,
    note: str | None,
) -> list[Any]:
    return [
        year,
        source,
        csv_text(name),
        group.scope,
        csv_text(group.label),
        plain_num(value),
        predikat,
        *(plain_num(domains[n]) if n in domains else "" for n in DOMAINS),
        group.rank,
        group.total,
        plain_num(group.percentile, 1),
        plain_num(group.spread.q1, 4),
        plain_num(group.spread.median, 4),
        plain_num(group.spread.q3, 4),
        plain_num(group.top_quarter),
        csv_text(note or ""),
    ]


def render_csv(peers: Peers, options: Options) -> str:
    """One row per year and group (``lingkup``: ``group`` or ``kind``); numbers with a dot.

    ``sumber``: ``terbit`` for a published year, else the stage whose levels gave the index
    (``mandiri``, ``akhir`` …). ``catatan``: a published row's note (a faulty extraction), or the status of a model that is
    not official beside a self-assessment.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    name = peers.name or ""
    for year in peers.years:
        for group in (year.group, year.kind):
            writer.writerow(
                _csv_row(
                    year.row.year,
                    "terbit",
                    name,
                    year.row.value,
                    year.row.predikat,
                    year.row.domains,
                    group,
                    year.row.note,
                )
            )
    assessed = peers.assessed
    if assessed is not None:
        note = status_note(assessed.model)
        for placed in (assessed.group, assessed.kind):
            if placed is not None:
                writer.writerow(
                    _csv_row(
                        assessed.year or "",
                        assessed.stage,
                        name,
                        assessed.value,
                        assessed.predikat,
                        {},
                        placed,
                        note,
                    )
                )
    return out.getvalue()


# --- Markdown --------------------------------------------------------------------------------------


def render_markdown(peers: Peers, options: Options) -> str:
    """The same as the text, as Markdown tables (for a briefing or a CI summary)."""
    lines: list[str] = []
    if peers.name is not None:
        lines.append(f"### {cell(peers.name)}")
        lines.append("")
        kind = t(f"peers.kind.{peers.kind}")  # an agency the table has is of a kind and in a group
        lines.append(cell(" · ".join(x for x in (peers.group, kind) if x)))
        lines.append("")
        header = [t("peers.col.year"), t("out.col.index"), t("out.col.predikat"), *(f"D{n}" for n in DOMAINS)]
        header += [group_column(peers), t("peers.col.kind", kind=kind), t("peers.col.percentile")]
        lines.append("| " + " | ".join(cell(h) for h in header) + " |")
        lines.append("|" + "---|" * len(header))
        for year in peers.years:
            row = year.row
            cells = [str(row.year), num(row.value), row.predikat]
            cells += [num(row.domains[n]) if n in row.domains else "–" for n in DOMAINS]
            cells += [place_text(year.group), place_text(year.kind), percent(year.group.percentile)]
            lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
        lines.append("")
        latest = peers.years[-1]
        for group in (latest.group, latest.kind):
            lines.append(
                f"**{cell(t('peers.spread', year=latest.row.year, group=group_name(group), total=group.total))}**"
            )
            lines.append("")
            lines.append("| | " + " | ".join([t("out.col.index"), *(f"D{n}" for n in DOMAINS)]) + " |")
            lines.append("|---|" + "---|" * 5)
            for label, field in (("peers.q1", "q1"), ("peers.median", "median"), ("peers.q3", "q3")):
                values = [getattr(group.spread, field)] + [
                    getattr(group.domains[n], field) if n in group.domains else None for n in DOMAINS
                ]
                lines.append(f"| {t(label)} | " + " | ".join(num(v) if v is not None else "–" for v in values) + " |")
            lines.append("")
            lines.append(cell(t("peers.top-quarter", index=num(group.top_quarter))))
            lines.append("")
        lines += [f"> {cell(t('peers.note', year=y.row.year, note=y.row.note))}" for y in peers.years if y.row.note]
    if peers.assessed is not None:
        lines += ["", *(cell(line) for line in _assessed_lines(peers.assessed))]
    lines += ["", cell(t("peers.source", source=peers.source)), "", cell(t("peers.how"))]
    return "\n".join(lines) + "\n"
