"""The report as Markdown: the same content as the HTML page, with text bars instead of charts."""

from __future__ import annotations

from fractions import Fraction

from spbe_calc import __version__
from spbe_calc.i18n import t
from spbe_calc.render import (
    Options,
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
    title,
)
from spbe_calc.render.peers import group_name, position_sentences
from spbe_calc.render.report_parts import dateline, groups, level_change, plan_sentence, summary, target_text
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
    note = status_note(model)
    if note:
        out += [f"> ⚠ {cell(note)}", ""]
    out += [f"## {t('rep.summary')}", ""]
    for sentence in summary(report):
        out += [cell(sentence), ""]
    headline = f"**{cell(model.name)}: {num(s.value, places)} — {cell(s.band.name)}**"
    exact = exact_beside(model, s.value)  # only when the displayed value is rounded, as in text output
    out.append(headline + (f" ({t('out.exact')} {exact})" if exact is not None else ""))
    prev = report.previous
    same_model = report.comparison is not None and report.comparison.same_model
    if prev is not None:
        change = s.value - prev.score.value
        out.append("")
        out.append(
            t(
                "rep.previous",
                year=prev.answers.tahun,
                index=num(prev.score.value, prev.model.precision),
                predikat=cell(prev.score.band.name),
            )
            + (f" · {cell(index_name(prev.model))}" if not same_model else "")
            + (f" ({t('out.published')})" if prev.published is not None else "")
            + f"; {t('cmp.col.change')}: {signed(change, model.precision)}"
        )
        if report.other_instansi:
            out += ["", f"> **{cell(t('rep.other-instansi', other=prev.answers.instansi or t('out.no-instansi')))}**"]
    out += ["", f"*{cell(basis_line(cur.stage, model, cur.stage_sources))}*"]
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
            f"| {code} | {name} | {pct(g.weight, model.total_weight)} | {num(g.value, places)} | `{_bar(g.value, top)}` | {cell(g.band.name)} |"
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
    out += _position(report)
    out += _plan(report)
    out += _indicators(report)
    out += _signature(report)
    out += ["", f"_{t('rep.footer')}_"]
    return "\n".join(out) + "\n"


def _position(report: Report) -> list[str]:
    """The "Posisi" part: the sentences, the published years' ranks, the domains against the median."""
    peers = report.position
    if peers is None or peers.assessed is None:
        return []
    out = ["", f"## {t('rep.position')}", ""]
    for sentence in position_sentences(peers):
        out += [cell(sentence), ""]
    group = peers.assessed.group or peers.assessed.kind
    cur = report.current
    if group is not None and cur.model.domains:
        out += [
            f"| | {' | '.join(f'D{d.id}' for d in cur.score.domains)} |",
            "|---|" + "---:|" * len(cur.score.domains),
        ]
        out.append(f"| {cell(t('rep.position.this'))} | " + " | ".join(num(d.value) for d in cur.score.domains) + " |")
        medians = [num(s.median) if (s := group.domains.get(d.id)) else "–" for d in cur.score.domains]
        label = t("rep.position.median", group=group_name(group), year=peers.assessed.against)
        out.append(f"| {cell(label)} | " + " | ".join(medians) + " |")
        out.append("")
    out.append(f"_{cell(t('peers.source', source=peers.source))}_")
    return out


def _plan(report: Report) -> list[str]:
    model = report.current.model
    places = model.precision
    plan = report.plan
    if plan is None:
        return ["", f"## {t('rep.plan')}", "", t("rep.plan.top")]
    out = ["", f"## {cell(t('rep.plan.to', target=target_text(plan.bar, places)))}", ""]
    if plan.already_met or not plan.reachable:
        return out + [cell(plan_sentence(report))]
    cost_head, cost_rule = (f" {t('plan.col.cost')} |", " ---: |") if plan.costed else ("", "")
    out += [
        f"| # | {t('out.col.indicator')} | {t('plan.col.step')} |{cost_head} {t('plan.col.after')} |",
        f"| ---: | --- | ---: |{cost_rule} ---: |",
    ]
    for n, step in enumerate(plan.steps, start=1):
        item = f" · {step.indicator.items[step.item]}" if step.item is not None else ""
        mark = f" → {cell(step.band_after.name)}" if step.enters_band else ""
        cost = f" {cost_text(step.cost)} |" if plan.costed else ""
        out.append(
            f"| {n} | {step.indicator.id}. {cell(step.indicator.name + item)} | {step.from_level}→{step.to_level} |{cost} "
            f"{num(step.index_after, places)}{mark} |"
        )
    return out


def _indicators(report: Report) -> list[str]:
    """The indicators under a heading per domain and a table per aspect."""
    cur = report.current
    year = report.previous.answers.tahun if report.previous is not None else None
    grouped = list(groups(report))  # built once: the earlier year's levels are looked up per row
    compared = any(row.previous is not None for g in grouped for row in g.rows)
    out = ["", f"## {t('rep.indicators')}"]
    for group in grouped:
        if group.aspect is None:
            if group.domain is not None:
                out += ["", f"### {cell(t('rep.domain', id=group.domain.id, name=group.domain.name))}"]
            continue
        extra_head, extra_rule = "", ""
        if compared:
            extra_head = f" {t('rep.col.previous', year=year)} | {t('rep.col.change')} |"
            extra_rule = " ---: | ---: |"
        out += [
            "",
            f"#### {cell(t('rep.aspect', id=group.aspect.id, name=group.aspect.name))}",
            "",
            f"| # | {t('out.col.indicator')} | {t('out.col.level')} |{extra_head} {t('out.col.weight')} | "
            f"{t('out.col.contribution')} | {t('rep.explanation')} |",
            f"| ---: | --- | ---: |{extra_rule} ---: | ---: | --- |",
        ]
        for row in group.rows:
            i = row.score
            ind = i.indicator
            level = "–" if row.missing else level_text(i.level)
            extra = ""
            if compared:
                before = "–" if row.previous is None else level_text(row.previous)
                extra = f" {before} | {level_change(row.change)} |"
            explain = [f"**{label}:** {cell(text)}" for label, text in explanation(cur.answers.answers.get(ind.id))]
            out.append(
                f"| {ind.id} | {cell(ind.name)} | {level} |{extra} {pct(ind.weight, cur.model.total_weight)} | {num(i.contribution)} | "
                f"{'<br>'.join(explain) or '–'} |"
            )
    return out


def _signature(report: Report) -> list[str]:
    """The place and date, then each signer: position, room to sign, name and NIP."""
    signing = report.signing
    if not signing.signers:
        return []
    out = ["", cell(dateline(signing.place, signing.date))]
    for signer in signing.signers:
        out += [""]
        if signer.peran:
            out += [cell(signer.peran) + ",  "]
        out += [cell(signer.jabatan), "", "", f"**{cell(signer.nama)}**  "]
        if signer.nip:
            out.append(cell(t("rep.nip", nip=signer.nip)))
    return out
