"""The report as Markdown: the same content as the HTML page, with text bars instead of charts."""

from __future__ import annotations

from fractions import Fraction

from spbe_calc import __version__
from spbe_calc.i18n import t
from spbe_calc.render import (
    Options,
    banding_conflict,
    basis_line,
    exact_num,
    explanation,
    long_date,
    num,
    pct,
    regulation,
    signed,
    title,
    warning,
)
from spbe_calc.render.score_markdown import cell
from spbe_calc.report import Report
from spbe_calc.scoring import GroupScore, level_text


def _bar(value: Fraction, top: int, width: int = 20) -> str:
    filled = round(float(value) / top * width)
    return "█" * filled + "░" * (width - filled)


def render_md(report: Report, options: Options) -> str:
    """The whole report."""
    cur = report.current
    model = cur.model
    s = cur.score
    places = model.precision
    top = model.level_max
    out = [
        f"# {t('rep.title')}: {cell(title(cur.answers))}",
        "",
        f"{cell(model.name)} · {cell(regulation(model))} · "
        f"{t('rep.generated', date=long_date(report.generated), version=__version__)}",
        "",
    ]
    note = warning(model)
    if note:
        out += [f"> {cell(note)}", ""]
    headline = f"**{cell(model.name)}: {num(s.value, places)} — {cell(s.band.name)}**"
    exact = exact_num(s.value)  # only when the displayed value is rounded, as in text output
    out.append(headline + (f" ({t('out.exact')} {exact})" if exact != num(s.value, places) else ""))
    prev = report.previous
    if prev is not None:
        change = s.value - prev.score.value
        out.append("")
        out.append(
            t(
                "rep.previous",
                year=prev.answers.tahun or "",
                index=num(prev.score.value, places),
                predikat=cell(prev.score.band.name),
            )
            + (f" ({t('out.published')})" if prev.published is not None else "")
            + f"; {t('cmp.col.change')}: {signed(change)}"
        )
    out += ["", f"*{cell(basis_line(cur.stage, model))}*"]
    conflict = banding_conflict(model, s.value)
    if conflict:
        out += ["", f"> {cell(conflict)}"]
    if cur.missing:
        out += ["", f"> {t('out.partial.short', count=len(cur.missing))}"]
    out += [
        "",
        f"## {t('rep.structure' if model.domains else 'rep.structure.aspects')}",
        "",
        f"| {t('out.col.code')} | {t('out.col.item' if model.domains else 'out.col.aspect')} | {t('out.col.weight')} | {t('out.col.index')} | | {t('out.col.predikat')} |",
        "| --- | --- | ---: | ---: | --- | --- |",
    ]

    def row(code: str, g: GroupScore, bold: bool) -> None:
        name = f"**{cell(g.name)}**" if bold else cell(g.name)
        out.append(
            f"| {code} | {name} | {pct(g.weight)} | {num(g.value, places)} | `{_bar(g.value, top)}` | {cell(g.band.name)} |"
        )

    aspects = {a.id: a for a in s.aspects}
    if model.domains:
        for domain, d in zip(model.domains, s.domains):
            row(f"D{d.id}", d, True)
            for a in domain.aspects:
                row(f"A{a.id}", aspects[a.id], False)
    else:
        for g in s.aspects:
            row(f"A{g.id}", g, False)
    out += ["", f"## {t('rep.plan')}", ""]
    plan = report.plan
    if plan is None or report.next_band is None:
        out.append(t("rep.plan.top"))
    elif not plan.reachable:
        out.append(t("rep.plan.unreachable", band=cell(report.next_band.name)))
    else:
        out += [
            t(
                "rep.plan.intro",
                count=len(plan.steps),
                band=cell(report.next_band.name),
                index=num(plan.index_after, places),
            ),
            "",
            f"| # | {t('out.col.indicator')} | {t('plan.col.step')} | {t('plan.col.after')} |",
            "| ---: | --- | ---: | ---: |",
        ]
        for n, step in enumerate(plan.steps, start=1):
            item = f" · {step.indicator.items[step.item]}" if step.item is not None else ""
            mark = f" → {cell(step.band_after.name)}" if step.enters_band else ""
            out.append(
                f"| {n} | {step.indicator.id}. {cell(step.indicator.name + item)} | {step.from_level}→{step.to_level} | "
                f"{num(step.index_after, places)}{mark} |"
            )
    out += [
        "",
        f"## {t('rep.indicators')}",
        "",
        f"| # | {t('out.col.indicator')} | {t('out.col.level')} | {t('out.col.weight')} | {t('rep.explanation')} |",
        "| ---: | --- | ---: | ---: | --- |",
    ]
    for i in s.indicators:
        ind = i.indicator
        answer = cur.answers.answers.get(ind.id)
        level = "–" if ind.id in cur.missing else level_text(i.level)
        explain = [f"**{label}:** {cell(text)}" for label, text in explanation(answer)]
        out.append(f"| {ind.id} | {cell(ind.name)} | {level} | {pct(ind.weight)} | {'<br>'.join(explain) or '–'} |")
    out += ["", f"_{t('rep.footer')}_"]
    return "\n".join(out) + "\n"
