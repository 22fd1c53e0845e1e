"""The report as one self-contained HTML page (inline CSS and SVG; works offline, prints well)."""

from __future__ import annotations

import os
import re
import urllib.parse
from fractions import Fraction
from html import escape as _html_escape

from spbe_calc import __version__
from spbe_calc.i18n import language, t
from spbe_calc.model import Band, Model
from spbe_calc.render import (
    Options,
    band_color,
    banding_conflict,
    basis_line,
    exact_num,
    explanation,
    long_date,
    num,
    pct,
    regulation,
    signed,
    warning,
)
from spbe_calc.render import title as report_title
from spbe_calc.render.charts import bar, radar
from spbe_calc.render.safe import clean
from spbe_calc.report import Report
from spbe_calc.scoring import GroupScore, level_text

#: Evidence states that fail the check (marked in the report).
_FAILED = ("missing", "changed", "not-a-file")


def _evidence_html(report: Report, indicator: int) -> str:
    """An indicator's documents: local files and web addresses as links, failed ones marked."""
    items = [i for i in (report.evidence.items if report.evidence else []) if i.indicator == indicator]
    parts = []
    for item in items:
        text = _e(item.label)
        href = None
        if item.kind == "file" and item.resolved is not None:
            target = os.path.relpath(item.resolved, report.links_from or ".")
            href = urllib.parse.quote(target.replace(os.sep, "/"))
        elif item.kind == "url" and re.match(r"https?://", item.label, re.IGNORECASE):
            href = item.label  # only web addresses: never a javascript: or data: link
        if href is not None:
            text = f'<a href="{_e(href)}">{text}</a>'
        if item.status in _FAILED:
            text = f'<span class="down">✗ {text} ({_e(t(f"ev.status.{item.status}"))})</span>'
        parts.append(text)
    return "; ".join(parts)


def _e(text: str) -> str:
    """Text for the page: control characters escaped, then HTML's own characters."""
    return _html_escape(clean(text))


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#2c3e50;margin:0;background:#f7f9fa}
main{max-width:1000px;margin:0 auto;padding:24px 28px;background:#fff}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 10px;border-bottom:2px solid #eef2f5;padding-bottom:4px}
.sub{color:#7f8c8d;margin:0 0 18px}
.hero{display:flex;gap:28px;align-items:center;flex-wrap:wrap}
.index{font-size:3.2em;font-weight:700;line-height:1}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:3px 10px;font-weight:600}
.delta{font-size:1.05em;margin-top:6px}.up{color:#1e8449}.down{color:#c0392b}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef2f5;vertical-align:top}
th{background:#f4f6f7;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
tr.domain td{font-weight:600;background:#fbfcfc}
.charts{display:flex;gap:28px;flex-wrap:wrap;align-items:center;margin-bottom:14px}
.legend{font-size:.85em;color:#566573}.legend li{margin:2px 0}
.explain{font-size:.88em;color:#34495e}.explain b{color:#2c3e50}
.muted{color:#7f8c8d;font-size:.85em}
@media print{body{background:#fff}main{padding:0}}
"""


def _badge(model: Model, band: Band) -> str:
    return f'<span class="badge" style="background:{band_color(model, band)}">{_e(band.name)}</span>'


def _delta(value: Fraction) -> str:
    cls = "up" if value > 0 else "down" if value < 0 else ""
    return f'<span class="{cls}">{signed(value)}</span>'


def render_html(report: Report, options: Options) -> str:
    """The whole page."""
    cur = report.current
    model = cur.model
    s = cur.score
    places = model.precision
    top = model.level_max
    edges = sorted(b.min for b in model.bands if b.min is not None)
    prev = report.previous
    prev_groups: dict[str, Fraction] = {}
    if prev is not None and report.comparison is not None and report.comparison.same_model:
        prev_groups = {f"D{d.id}": d.value for d in prev.score.domains} | {
            f"A{a.id}": a.value for a in prev.score.aspects
        }
    title = t("rep.title")
    who = _e(report_title(cur.answers))
    h: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — {who}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{_e(title)}: {who}</h1>",
        f'<p class="sub">{_e(model.name)} · {_e(regulation(model))} · '
        f"{_e(t('rep.generated', date=long_date(report.generated), version=__version__))}</p>",
    ]
    note = warning(model)
    if note:
        h.append(f'<p class="down">{_e(note)}</p>')
    # Headline
    h.append('<section class="hero"><div>')
    h.append(f'<div class="index">{num(s.value, places)}</div>')
    h.append(f"<div>{_badge(model, s.band)}</div>")
    exact = exact_num(s.value)  # only when the displayed value is rounded, as in text output
    if exact != num(s.value, places):
        h.append(f'<div class="muted">{_e(t("out.exact"))}: {exact}</div>')
    h.append("</div>")
    if prev is not None:
        h.append('<div class="delta">')
        h.append(
            _e(
                t(
                    "rep.previous",
                    year=prev.answers.tahun or "",
                    index=num(prev.score.value, places),
                    predikat=prev.score.band.name,
                )
                + (f" ({t('out.published')})" if prev.published is not None else "")
            )
        )
        h.append(f"<br>{_e(t('cmp.col.change'))}: {_delta(s.value - prev.score.value)}</div>")
    if cur.missing:
        h.append(f'<p class="down">{_e(t("out.partial.short", count=len(cur.missing)))}</p>')
    h.append("</section>")
    h.append(f'<p class="muted">{_e(basis_line(cur.stage, model))}</p>')
    conflict = banding_conflict(model, s.value)
    if conflict:
        h.append(f'<p class="down">{_e(conflict)}</p>')
    # Domains and aspects
    h.append(f"<h2>{_e(t('rep.structure' if model.domains else 'rep.structure.aspects'))}</h2>")
    # The radar of the aspects with its legend, then the full-width table below it.
    labels = [f"A{a.id}" for a in s.aspects]
    previous_values = [prev_groups[c] for c in labels] if prev_groups else None
    h.append('<div class="charts"><div>' + radar(labels, [a.value for a in s.aspects], top, previous_values) + "</div>")
    h.append(
        '<ul class="legend">'
        + "".join(f"<li><b>A{a.id}</b> {_e(a.name)}: {num(a.value, places)}</li>" for a in s.aspects)
    )
    if previous_values and prev is not None:
        h.append(f"<li>{_e(t('rep.legend.previous', year=prev.answers.tahun or ''))}</li>")
    h.append("</ul></div>")
    h.append("<table><thead><tr>")
    h.append(
        f"<th>{_e(t('out.col.code'))}</th><th>{_e(t('out.col.item' if model.domains else 'out.col.aspect'))}</th>"
        f"<th class=num>{_e(t('out.col.weight'))}</th><th class=num>{_e(t('out.col.index'))}</th>"
        f"<th></th><th>{_e(t('out.col.predikat'))}</th></tr></thead><tbody>"
    )

    def group_row(code: str, g: GroupScore, cls: str) -> None:
        previous = prev_groups.get(code)
        change = f" {_delta(g.value - previous)}" if previous is not None else ""
        h.append(
            f'<tr class="{cls}"><td>{code}</td><td>{_e(g.name)}</td><td class=num>{pct(g.weight)}</td>'
            f"<td class=num>{num(g.value, places)}{change}</td>"
            f"<td>{bar(g.value, top, band_color(model, g.band), edges, previous)}</td>"
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
    h.append("</tbody></table>")
    if edges:
        legend = t("rep.bars", top=top, edges=", ".join(num(e, 1) for e in edges))
        if prev is not None and prev_groups:  # a dashed line is drawn only for a comparable year
            legend += " " + t("rep.bars.previous", year=prev.answers.tahun or "")
        h.append(f'<p class="muted">{_e(legend)}</p>')
    # Plan
    h.append(f"<h2>{_e(t('rep.plan'))}</h2>")
    plan = report.plan
    if plan is None or report.next_band is None:
        h.append(f"<p>{_e(t('rep.plan.top'))}</p>")
    elif not plan.reachable:
        h.append(f"<p>{_e(t('rep.plan.unreachable', band=report.next_band.name))}</p>")
    else:
        h.append(
            f"<p>{_e(t('rep.plan.intro', count=len(plan.steps), band=report.next_band.name, index=num(plan.index_after, places)))}</p>"
        )
        h.append(
            f"<table><thead><tr><th class=num>#</th><th>{_e(t('out.col.indicator'))}</th>"
            f"<th class=num>{_e(t('plan.col.step'))}</th><th class=num>{_e(t('plan.col.after'))}</th></tr></thead><tbody>"
        )
        for n, step in enumerate(plan.steps, start=1):
            item = f" · {_e(step.indicator.items[step.item])}" if step.item is not None else ""
            h.append(
                f"<tr><td class=num>{n}</td><td>{step.indicator.id}. {_e(step.indicator.name)}{item}</td>"
                f"<td class=num>{step.from_level}→{step.to_level}</td><td class=num>{num(step.index_after, places)}"
                f"{' ' + _badge(model, step.band_after) if step.enters_band else ''}</td></tr>"
            )
        h.append("</tbody></table>")
        h.append(f'<p class="muted">{_e(t("plan.note.fewest"))}</p>')
    # Indicators
    h.append(f"<h2>{_e(t('rep.indicators'))}</h2>")
    h.append(
        f"<table><thead><tr><th class=num>#</th><th>{_e(t('out.col.indicator'))}</th>"
        f"<th class=num>{_e(t('out.col.level'))}</th><th class=num>{_e(t('out.col.weight'))}</th>"
        f"<th class=num>{_e(t('out.col.contribution'))}</th><th>{_e(t('rep.explanation'))}</th></tr></thead><tbody>"
    )
    for i in s.indicators:
        ind = i.indicator
        answer = cur.answers.answers.get(ind.id)
        if ind.id in cur.missing:
            level = "–"
        elif isinstance(i.level, tuple):
            level = _e(level_text(i.level))
        else:
            name = ind.scale.level(i.level).name
            level = f"{i.level}" + (f"<br><span class=muted>{_e(name)}</span>" if name else "")
        explain = [
            f"<b>{_e(label)}:</b> {_evidence_html(report, ind.id) if label == t('rep.bukti') else _e(text)}"
            for label, text in explanation(answer)
        ]
        h.append(
            f"<tr><td class=num>{ind.id}</td><td>{_e(ind.name)}</td><td class=num>{level}</td>"
            f"<td class=num>{pct(ind.weight)}</td><td class=num>{num(i.contribution, 4)}</td>"
            f'<td class="explain">{"<br>".join(explain) or "<span class=muted>–</span>"}</td></tr>'
        )
    h.append("</tbody></table>")
    h.append(f'<p class="muted">{_e(t("rep.footer"))}</p>')
    h.append("</main></body></html>")
    return "\n".join(h) + "\n"
