"""The report as one self-contained HTML page, ready to sign and to print (inline CSS and SVG).

The page has a cover, a summary in words, the domain and aspect tables with a radar of the
aspects, the plan, the indicators grouped by domain and aspect, and a signature block. It works
offline, has no scripts, reads on a phone (tables become cards on narrow screens), and prints
on A4 with page numbers, repeated table headers and no row or chart split across pages.
:mod:`spbe_calc.pdf` prints this same page to PDF.
"""

from __future__ import annotations

import base64
import os
import re
import urllib.parse
from fractions import Fraction
from html import escape as _html_escape

from spbe_calc import __version__
from spbe_calc.answers import Signer
from spbe_calc.evidence import FAILED
from spbe_calc.i18n import language, t
from spbe_calc.model import Band, Model
from spbe_calc.render import (
    Options,
    band_color,
    banding_conflict,
    basis_line,
    cost_text,
    exact_beside,
    explanation,
    index_name,
    long_date,
    num,
    pct,
    regulation,
    signed,
    status_note,
)
from spbe_calc.render import title as report_title
from spbe_calc.render.charts import RADAR_MIN_AXES, bar, profile, radar
from spbe_calc.render.peers import group_column, group_name, place_text, position_sentences
from spbe_calc.render.report_parts import dateline, groups, level_change, plan_sentence, summary, target_text
from spbe_calc.render.safe import clean
from spbe_calc.report import Report
from spbe_calc.scoring import GroupScore, level_text


def _evidence_html(report: Report, indicator: int) -> str:
    """An indicator's documents: local files and web addresses as links, failed ones marked."""
    items = [i for i in report.evidence.items if i.indicator == indicator]
    parts = []
    for item in items:
        text = _e(item.label)
        href = None
        if item.kind == "file" and item.resolved is not None and item.status != "outside":
            target = os.path.relpath(item.resolved, report.links_from or ".")
            href = urllib.parse.quote(target.replace(os.sep, "/"))
        elif item.kind == "url" and re.match(r"https?://", item.label, re.IGNORECASE):
            href = item.label  # only web addresses: never a javascript: or data: link
        if href is not None:
            text = f'<a href="{_e(href)}">{text}</a>'
        if item.status in FAILED:
            text = f'<span class="down">✗ {text} ({_e(t(f"ev.status.{item.status}"))})</span>'
        parts.append(text)
    return "; ".join(parts)


def _e(text: str) -> str:
    """Text for the page: control characters escaped, then HTML's own characters."""
    return _html_escape(clean(text))


def _css_string(text: str) -> str:
    """A CSS string literal that cannot end the string or the ``<style>`` element, whatever the text."""
    return '"' + "".join(ch if ch.isalnum() or ch in " .,·-" else f"\\{ord(ch):x} " for ch in clean(text)) + '"'


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#2c3e50;margin:0;background:#f7f9fa;line-height:1.4}
main{max-width:1000px;margin:0 auto;padding:24px 28px;background:#fff}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 10px;border-bottom:2px solid #eef2f5;padding-bottom:4px}
h3{font-size:1em;margin:18px 0 6px}
.sub{color:#7f8c8d;margin:0 0 18px}
.cover{text-align:center;padding:48px 0 36px;border-bottom:2px solid #eef2f5}
.cover img{max-width:120px;max-height:140px;display:block;margin:0 auto;align-self:center}
.cover .kind{letter-spacing:.08em;text-transform:uppercase;color:#566573;font-size:.9em;margin-top:18px}
.cover h1{font-size:2em;margin:10px 0}
.cover .year{font-size:1.3em;margin:0 0 18px}
.cover .index{margin:24px 0 8px}
.summary p{margin:0 0 8px}
.hero{display:flex;gap:28px;align-items:center;flex-wrap:wrap}
.index{font-size:3.2em;font-weight:700;line-height:1}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:3px 10px;font-weight:600}
.delta{font-size:1.05em;margin-top:6px}.up{color:#1e8449}.down{color:#c0392b}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef2f5;vertical-align:top}
th{background:#f4f6f7;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
tr.domain td{font-weight:600;background:#fbfcfc}
tr.group td{background:#f4f6f7;font-weight:600}tr.group.aspect td{background:#fbfcfc}
tr.has-explain td{border-bottom:none}tr.explain td{padding-top:0}
.charts{display:flex;gap:28px;flex-wrap:wrap;align-items:center;margin-bottom:14px}
.charts svg.radar{max-width:100%;height:auto}
.charts svg.profile{max-width:100%;height:auto}
.position .charts{break-inside:avoid}
.explain{font-size:.88em;color:#34495e}.explain b{color:#2c3e50}
.muted{color:#7f8c8d;font-size:.85em}
.warn{color:#c0392b;font-weight:600}
.signing{margin-top:36px}
.signers{display:flex;flex-wrap:wrap;gap:24px 48px;justify-content:space-between;align-items:stretch}
.signer{flex:1 1 240px;max-width:340px;display:flex;flex-direction:column}
.signer .space{flex:1;min-height:80px}
.signer .name{font-weight:600;text-decoration:underline}
@media (max-width:640px){
 main{padding:14px}
 .index{font-size:2.4em}
 table{font-size:.85em}th,td{padding:4px}
 td .chg{display:block}
 td.barcell,th.barcell{display:none}
 table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}
 table.cards thead{display:none}
 table.cards tr{border-bottom:1px solid #d5d8dc;padding:6px 0}
 table.cards td{border:none;padding:2px 4px;text-align:left}
 table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#566573}
 table.cards td[data-label]{display:inline-block;margin-right:10px}
 table.cards td.no{display:inline;font-weight:600}table.cards td.no::after{content:". "}
 table.cards td.name{display:inline;font-weight:600}table.cards td.name::after{content:"";display:block;margin-bottom:2px}
 table.groups td:first-child,table.groups th:first-child{display:none}
}
@media print{
 body{background:#fff;font-size:10pt}
 main{max-width:none;padding:0}
 .cover{min-height:230mm;display:flex;flex-direction:column;justify-content:center;border:none;break-after:page}
 .scroll{overflow:visible}
 thead{display:table-header-group}
 tr,.charts,svg,.signer,.signing,.hero{break-inside:avoid}
 h2,h3,tr.group,tr.has-explain{break-after:avoid}
 a{color:inherit;text-decoration:none}
}
"""


#: The page margins' text: the page's own typeface (margin boxes do not inherit from the body).
_MARGIN_TEXT = 'font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:8pt;color:#7f8c8d'


def _page_css(report: Report) -> str:
    """A4 pages with margins, the instansi at the foot and "Halaman 2 dari 9" beside it."""
    footer = report_title(report.current.answers)
    pages = t("rep.page", page="\x00", pages="\x01")
    before, _, rest = pages.partition("\x00")
    middle, _, after = rest.partition("\x01")
    counter = f"{_css_string(before)} counter(page) {_css_string(middle)} counter(pages) {_css_string(after)}"
    return (
        "@page{size:A4;margin:18mm 16mm 20mm 16mm;"
        f"@bottom-left{{content:{_css_string(footer)};{_MARGIN_TEXT}}}"
        f"@bottom-right{{content:{counter};{_MARGIN_TEXT}}}}}"
        "@page:first{@bottom-left{content:none}@bottom-right{content:none}}"
    )


def _badge(model: Model, band: Band) -> str:
    return f'<span class="badge" style="background:{band_color(model, band)}">{_e(band.name)}</span>'


def _delta(value: Fraction, places: int) -> str:
    cls = "up" if value > 0 else "down" if value < 0 else ""
    return f'<span class="{cls}">{signed(value, places)}</span>'


def _cover(report: Report) -> list[str]:
    cur = report.current
    model = cur.model
    h = ['<section class="cover">']
    if report.logo is not None:
        data = base64.b64encode(report.logo.data).decode("ascii")
        h.append(f'<img src="data:{report.logo.mime};base64,{data}" alt="{_e(t("rep.logo"))}">')
    h.append(f'<div class="kind">{_e(t("rep.title"))}</div>')
    h.append(f"<h1>{_e(cur.answers.instansi or t('out.no-instansi'))}</h1>")
    if cur.answers.tahun:
        h.append(f'<p class="year">{_e(t("rep.year", year=cur.answers.tahun))}</p>')
    h.append(f"<p>{_e(model.name)} · {_e(regulation(model))}</p>")
    note = status_note(model)
    if note:  # on the cover: a signed page must not hide that its model is not the official one
        h.append(f'<p class="warn">⚠ {_e(note)}</p>')
    h.append(f'<div class="index index-cover">{num(cur.score.value, model.precision)}</div>')
    h.append(f"<div>{_badge(model, cur.score.band)}</div>")
    h.append(f'<p class="muted">{_e(basis_line(cur.stage, model, cur.stage_sources))}</p>')
    signing = report.signing
    h.append(f"<p>{_e(dateline(signing.place, signing.date))}</p>")
    h.append("</section>")
    return h


def _signature(report: Report) -> list[str]:
    signing = report.signing
    if not signing.signers:
        return []
    h = ['<section class="signing">', f"<p>{_e(dateline(signing.place, signing.date))}</p>"]
    h.append('<div class="signers">')
    for signer in signing.signers:
        h.append(_signer(signer))
    h.append("</div></section>")
    return h


def _signer(signer: Signer) -> str:
    parts = ['<div class="signer">']
    if signer.peran:
        parts.append(f"<div>{_e(signer.peran)},</div>")
    parts.append(f"<div>{_e(signer.jabatan)}</div>")
    parts.append('<div class="space"></div>')
    parts.append(f'<div class="name">{_e(signer.nama)}</div>')
    if signer.nip:
        parts.append(f"<div>{_e(t('rep.nip', nip=signer.nip))}</div>")
    parts.append("</div>")
    return "".join(parts)


def _plan(report: Report) -> list[str]:
    model = report.current.model
    places = model.precision
    plan = report.plan
    heading = t("rep.plan.to", target=target_text(plan.bar, places)) if plan is not None else t("rep.plan")
    h = [f"<h2>{_e(heading)}</h2>"]
    if plan is None:
        return h + [f"<p>{_e(t('rep.plan.top'))}</p>"]
    if plan.already_met or not plan.reachable:
        return h + [f"<p>{_e(plan_sentence(report))}</p>"]  # no steps: what the plan found, in words
    cost = f"<th class=num>{_e(t('plan.col.cost'))}</th>" if plan.costed else ""
    h.append(
        f'<div class="scroll"><table class="cards"><thead><tr><th class=num>#</th><th>{_e(t("out.col.indicator"))}</th>'
        f"<th class=num>{_e(t('plan.col.step'))}</th>{cost}<th class=num>{_e(t('plan.col.after'))}</th></tr></thead><tbody>"
    )
    for n, step in enumerate(plan.steps, start=1):
        item = f" · {_e(step.indicator.items[step.item])}" if step.item is not None else ""
        cost_cell = (
            f'<td class=num data-label="{_e(t("plan.col.cost"))}">{cost_text(step.cost)}</td>' if plan.costed else ""
        )
        h.append(
            f"<tr><td class='num no'>{n}</td><td class=name>{step.indicator.id}. {_e(step.indicator.name)}{item}</td>"
            f'<td class=num data-label="{_e(t("plan.col.step"))}">{step.from_level}→{step.to_level}</td>{cost_cell}'
            f'<td class=num data-label="{_e(t("plan.col.after"))}">{num(step.index_after, places)}'
            f"{' ' + _badge(model, step.band_after) if step.enters_band else ''}</td></tr>"
        )
    h.append("</tbody></table></div>")
    h.append(f'<p class="muted">{_e(t("plan.note.cheapest" if plan.costed else "plan.note.fewest"))}</p>')
    return h


def _indicators(report: Report) -> list[str]:
    cur = report.current
    grouped = list(groups(report))  # built once: the earlier year's levels are looked up per row
    compared = report.previous is not None and any(row.previous is not None for g in grouped for row in g.rows)
    year = report.previous.answers.tahun if report.previous is not None else None
    heads = [
        ("num", "#"),
        ("", t("out.col.indicator")),
        ("num", t("out.col.level")),
    ]
    if compared:
        heads += [("num", t("rep.col.previous", year=year)), ("num", t("rep.col.change"))]
    heads += [("num", t("out.col.weight")), ("num", t("out.col.contribution"))]
    columns = len(heads)
    h = [f"<h2>{_e(t('rep.indicators'))}</h2>", '<div class="scroll"><table class="cards"><thead><tr>']
    h += [f"<th class={cls or 'text'}>{_e(label)}</th>" for cls, label in heads]
    h.append("</tr></thead><tbody>")
    for group in grouped:
        if group.domain is not None:  # a domain's heading (an aspect's group holds no domain)
            h.append(
                f'<tr class="group domain"><td colspan="{columns}">{_e(t("rep.domain", id=group.domain.id, name=group.domain.name))}</td></tr>'
            )
            continue
        if group.aspect is not None:
            h.append(
                f'<tr class="group aspect"><td colspan="{columns}">{_e(t("rep.aspect", id=group.aspect.id, name=group.aspect.name))}</td></tr>'
            )
        for row in group.rows:
            i = row.score
            ind = i.indicator
            if row.missing:
                level = "–"
            elif isinstance(i.level, tuple):
                level = _e(level_text(i.level))
            else:
                name = ind.scale.level(i.level).name
                level = f"{i.level}" + (f"<br><span class=muted>{_e(name)}</span>" if name else "")
            explain = [
                f"<b>{_e(label)}:</b> {_evidence_html(report, ind.id) if label == t('rep.bukti') else _e(text)}"
                for label, text in explanation(cur.answers.answers.get(ind.id))
            ]
            cells = [
                f"<td class='num no'>{ind.id}</td>",
                f"<td class=name>{_e(ind.name)}</td>",
                f'<td class=num data-label="{_e(t("out.col.level"))}">{level}</td>',
            ]
            if compared:
                before = "–" if row.previous is None else _e(level_text(row.previous))
                change = level_change(row.change)
                cls = "up" if change.startswith("+") else "down" if change.startswith("-") else ""
                cells += [
                    f'<td class=num data-label="{_e(t("rep.col.previous", year=year))}">{before}</td>',
                    f'<td class="num {cls}" data-label="{_e(t("rep.col.change"))}">{change}</td>',
                ]
            cells += [
                f'<td class=num data-label="{_e(t("out.col.weight"))}">{pct(ind.weight, cur.model.total_weight)}</td>',
                f'<td class=num data-label="{_e(t("out.col.contribution"))}">{num(i.contribution)}</td>',
            ]
            # The explanation takes the table's full width on a row of its own, kept with its indicator.
            h.append(f'<tr class="{"has-explain" if explain else ""}">' + "".join(cells) + "</tr>")
            if explain:
                h.append(
                    f'<tr class="explain"><td></td><td class="explain" colspan="{columns - 1}">{"<br>".join(explain)}</td></tr>'
                )
    h.append("</tbody></table></div>")
    return h


def _previous_groups(report: Report) -> dict[str, Fraction]:
    """The earlier year's domain and aspect values by code, when the two years share a model."""
    prev = report.previous
    if prev is None or report.comparison is None or not report.comparison.same_model:
        return {}
    return {f"D{d.id}": d.value for d in prev.score.domains} | {f"A{a.id}": a.value for a in prev.score.aspects}


def _summary(report: Report) -> list[str]:
    """The summary, in words."""
    h = [f'<section class="summary"><h2>{_e(t("rep.summary"))}</h2>']
    h += [f"<p>{_e(sentence)}</p>" for sentence in summary(report)]
    h.append("</section>")
    return h


def _previous_line(report: Report) -> list[str]:
    """The earlier year beside the headline: its index, predikat and the change."""
    cur, prev = report.current, report.previous
    if prev is None:
        return []
    same_model = report.comparison is not None and report.comparison.same_model
    shown = t(
        "rep.previous",
        year=prev.answers.tahun,
        index=num(prev.score.value, prev.model.precision),
        predikat=prev.score.band.name,
    )
    if not same_model:
        shown += f" · {index_name(prev.model)}"
    if prev.published is not None:
        shown += f" ({t('out.published')})"
    h = ['<div class="delta">', _e(shown)]
    if report.other_instansi:
        other = t("rep.other-instansi", other=prev.answers.instansi or t("out.no-instansi"))
        h.append(f'<br><span class="warn">{_e(other)}</span>')
    h.append(f"<br>{_e(t('cmp.col.change'))}: {_delta(cur.score.value - prev.score.value, cur.model.precision)}</div>")
    return h


def _headline(report: Report) -> list[str]:
    """The index and its predikat, the earlier year beside them, and how they were computed."""
    cur, prev = report.current, report.previous
    model, s = cur.model, cur.score
    same_model = report.comparison is not None and report.comparison.same_model
    name = index_name(model) if prev is not None and not same_model else model.name
    h = ['<section class="hero"><div>', f'<div class="muted">{_e(name)}</div>']
    h.append(f'<div class="index">{num(s.value, model.precision)}</div>')
    h.append(f"<div>{_badge(model, s.band)}</div>")
    exact = exact_beside(model, s.value)  # only when the displayed value is rounded, as in text output
    if exact is not None:
        h.append(f'<div class="muted">{_e(t("out.exact"))}: {exact}</div>')
    h.append("</div>")
    h += _previous_line(report)
    if cur.missing:
        h.append(f'<p class="down">{_e(t("out.partial.short", count=len(cur.missing)))}</p>')
    h.append("</section>")
    h.append(f'<p class="muted">{_e(basis_line(cur.stage, model, cur.stage_sources))}</p>')
    conflict = banding_conflict(model, s.value)
    if conflict:
        h.append(f'<p class="down">{_e(conflict)}</p>')
    return h


def _structure(report: Report) -> list[str]:
    """Domains and aspects: the radar of the aspects by name (of three or more), then the table with bars."""
    cur, prev = report.current, report.previous
    model, s = cur.model, cur.score
    top = model.level_max
    edges = sorted(b.min for b in model.bands if b.min is not None)
    prev_groups = _previous_groups(report)
    h = [f"<h2>{_e(t('rep.structure' if model.domains else 'rep.structure.aspects'))}</h2>"]
    codes = [f"A{a.id}" for a in s.aspects]
    previous_values = [prev_groups[c] for c in codes] if prev_groups and all(c in prev_groups for c in codes) else None
    if len(s.aspects) >= RADAR_MIN_AXES:  # the bars below have a legend of their own
        chart = radar([a.name for a in s.aspects], [a.value for a in s.aspects], top, previous_values)
        if previous_values and prev is not None:
            chart += f'<p class="muted">{_e(t("rep.legend.previous", year=prev.answers.tahun))}</p>'
        h.append(f'<div class="charts">{chart}</div>')
    h.append('<div class="scroll"><table class="groups"><thead><tr>')
    h.append(
        f"<th>{_e(t('out.col.code'))}</th><th>{_e(t('out.col.item' if model.domains else 'out.col.aspect'))}</th>"
        f"<th class=num>{_e(t('out.col.weight'))}</th><th class=num>{_e(t('out.col.index'))}</th>"
        f"<th class=barcell></th><th>{_e(t('out.col.predikat'))}</th></tr></thead><tbody>"
    )

    def group_row(code: str, g: GroupScore, cls: str) -> None:
        previous = prev_groups.get(code)
        change = (
            f' <span class="chg">{_delta(g.value - previous, model.precision)}</span>' if previous is not None else ""
        )
        h.append(
            f'<tr class="{cls}"><td>{code}</td><td>{_e(g.name)}</td><td class=num>{pct(g.weight, model.total_weight)}</td>'
            f"<td class=num>{num(g.value, model.precision)}{change}</td>"
            f"<td class=barcell>{bar(g.value, top, band_color(model, g.band), edges, previous)}</td>"
            f"<td>{_badge(model, g.band)}</td></tr>"
        )

    aspects = {a.id: a for a in s.aspects}
    if model.domains:
        for domain, d in zip(model.domains, s.domains):
            group_row(f"D{d.id}", d, "domain")
            for a in domain.aspects:
                group_row(f"A{a.id}", aspects[a.id], "")
    else:
        for g in s.aspects:
            group_row(f"A{g.id}", g, "")
    h.append("</tbody></table></div>")
    if edges:
        legend = t("rep.bars", top=top, edges=", ".join(num(e, 1) for e in edges))
        if prev is not None and prev_groups:  # a dashed line is drawn only for a comparable year
            legend += " " + t("rep.bars.previous", year=prev.answers.tahun)
        h.append(f'<p class="muted">{_e(legend)}</p>')
    return h


def _position(report: Report) -> list[str]:
    """The "Posisi" part: where the agency stands among its peers, its domains against its province's."""
    peers = report.position
    if peers is None or peers.assessed is None:
        return []
    h = [f'<section class="position"><h2>{_e(t("rep.position"))}</h2>']
    h += [f"<p>{_e(sentence)}</p>" for sentence in position_sentences(peers)]
    if peers.years:
        h.append('<div class="scroll"><table class="groups"><thead><tr>')
        h.append(
            f"<th>{_e(t('peers.col.year'))}</th><th class=num>{_e(t('out.col.index'))}</th>"
            f"<th>{_e(t('out.col.predikat'))}</th><th class=num>{_e(group_column(peers))}</th>"
            f"<th class=num>{_e(t('peers.col.kind', kind=t(f'peers.kind.{peers.kind}')))}</th></tr></thead><tbody>"
        )
        for year in peers.years:
            h.append(
                f"<tr><td>{year.row.year}</td><td class=num>{num(year.row.value)}</td><td>{_e(year.row.predikat)}</td>"
                f"<td class=num>{_e(place_text(year.group))}</td><td class=num>{_e(place_text(year.kind))}</td></tr>"
            )
        h.append("</tbody></table></div>")
    peers_group = peers.assessed.group or peers.assessed.kind
    cur = report.current
    if peers_group is not None and cur.model.domains:
        labels = [f"D{d.id}" for d in cur.score.domains]
        values: list[Fraction | None] = [d.value for d in cur.score.domains]
        spreads = [(s.q1, s.median, s.q3) if (s := peers_group.domains.get(d.id)) else None for d in cur.score.domains]
        h.append('<div class="charts">' + profile(labels, values, spreads, cur.model.level_max))
        legend = t("rep.position.legend", group=group_name(peers_group), year=peers.assessed.against)
        h.append(f'<p class="muted">{_e(legend)}</p></div>')
    h.append(f'<p class="muted">{_e(t("peers.source", source=peers.source))}</p></section>')
    return h


def render_html(report: Report, options: Options) -> str:
    """The report as an HTML page (the same at every width and colour: no option changes it)."""
    return page(report)


def page(report: Report) -> str:
    """The whole page: one function per section, in reading order."""
    who = _e(report_title(report.current.answers))
    h: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(t('rep.title'))} — {who}</title><style>{CSS}{_page_css(report)}</style></head><body><main>",
    ]
    h += _cover(report)
    h += _summary(report)
    h += _headline(report)
    h += _structure(report)
    h += _position(report)
    h += _plan(report)
    h += _indicators(report)
    h += _signature(report)
    h.append(
        f'<p class="muted">{_e(t("rep.generated", date=long_date(report.generated), version=__version__))}. '
        f"{_e(t('rep.footer'))}</p>"
    )
    h.append("</main></body></html>")
    return "\n".join(h) + "\n"
