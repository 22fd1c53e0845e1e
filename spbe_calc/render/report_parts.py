"""What both report formats say in words: the summary, the plan's target, the indicator groups.

The HTML page and the Markdown file lay these out differently; the sentences and the grouping
are built once, here, from the report's numbers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from fractions import Fraction
from typing import NamedTuple

from spbe_calc.bars import Bar
from spbe_calc.i18n import t
from spbe_calc.model import Aspect, Domain, LevelValue
from spbe_calc.render import cost_text, index_name, long_date, num, signed, stage_name
from spbe_calc.render.safe import clean
from spbe_calc.report import Report
from spbe_calc.scoring import GroupScore, IndicatorScore, level_value

#: How many indicators of the plan the summary names.
NAMED_STEPS = 3


def dateline(place: str | None, day: datetime.date) -> str:
    """Where and when a report is signed: "Kota Contoh, 14 Oktober 2022" (or the date alone)."""
    when = long_date(day)
    return clean(f"{place}, {when}") if place else when


def target_text(bar: Bar, places: int) -> str:
    """A target in words: "predikat Baik" or "indeks 2,50"."""
    if bar.number is not None:
        return t("sum.target.index", index=num(bar.number, max(places, _places(bar.number))))
    return t("sum.target.predikat", predikat=clean(bar.predikat or bar.text))


def _places(value: Fraction) -> int:
    """The decimals a typed target needs to be shown as typed (2.5 -> 1, 2.375 -> 3)."""
    places = 0
    while (value * 10**places).denominator != 1 and places < 6:
        places += 1
    return places


def _names(groups: list[GroupScore]) -> str:
    """Aspect names joined as a sentence lists them: "A, B dan C"."""
    return _names_text([clean(g.name) for g in groups])


def _extremes(aspects: tuple[GroupScore, ...]) -> tuple[list[GroupScore], list[GroupScore]]:
    """The strongest and the weakest aspects (every one that shares the top or bottom value)."""
    top = max(a.value for a in aspects)
    bottom = min(a.value for a in aspects)
    return [a for a in aspects if a.value == top], [a for a in aspects if a.value == bottom]


def summary(report: Report) -> list[str]:
    """The summary in plain words, one paragraph per item, generated from the numbers."""
    cur = report.current
    model = cur.model
    s = cur.score
    p = model.precision
    who = clean(cur.answers.instansi or t("out.no-instansi"))
    year = cur.answers.tahun
    out = [
        t(
            "sum.index" if year else "sum.index.no-year",
            who=who,
            year=year,
            index=num(s.value, p),
            predikat=clean(s.band.name),
            stage=stage_name(cur.stage),
        )
    ]
    prev = report.previous
    if prev is not None:
        delta = s.value - prev.score.value
        change = "sum.change.up" if delta > 0 else "sum.change.down" if delta < 0 else "sum.change.same"
        sentence = t(
            change,
            year=prev.answers.tahun,
            index=num(prev.score.value, prev.model.precision),
            predikat=clean(prev.score.band.name),
            delta=num(abs(delta), p),
        )
        if prev.score.band.name != s.band.name:
            rank_now, rank_then = model.band_rank(s.band), _rank(report)
            key = "sum.band.up" if rank_then is None or rank_now > rank_then else "sum.band.down"
            sentence += " " + t(key, before=clean(prev.score.band.name), after=clean(s.band.name))
        if report.comparison is not None and not report.comparison.same_model:
            sentence += " " + t(
                "sum.other-model", year=prev.answers.tahun, before=index_name(prev.model), after=index_name(model)
            )
        if prev.published is not None:
            sentence += " " + t("sum.published", year=prev.answers.tahun)
        if report.other_instansi:
            sentence += " " + t("sum.other-instansi", other=clean(prev.answers.instansi or t("out.no-instansi")))
        out.append(sentence)
    strong, weak = _extremes(s.aspects)
    if strong[0].value != weak[0].value:
        out.append(
            t(
                "sum.aspects",
                strong=_names(strong),
                strong_index=num(strong[0].value, p),
                weak=_names(weak),
                weak_index=num(weak[0].value, p),
            )
        )
    out.append(plan_sentence(report))
    if cur.missing:
        out.append(t("sum.missing", count=len(cur.missing)))
    return out


def _rank(report: Report) -> int | None:
    """The earlier year's predikat rank in this year's model (``None`` when it has no such band)."""
    prev = report.previous
    if prev is None:
        return None
    for band in report.current.model.bands:
        if band.name == prev.score.band.name:
            return report.current.model.band_rank(band)
    return None


def plan_sentence(report: Report) -> str:
    """What it takes to reach the target (or the next predikat), in one sentence."""
    plan = report.plan
    model = report.current.model
    p = model.precision
    if plan is None:
        return t("sum.plan.top")
    target = target_text(plan.bar, p)
    if plan.already_met:
        return t("sum.plan.met", target=target)
    if not plan.reachable:
        return t("sum.plan.unreachable", target=target, best=num(plan.max_index, p))
    named = []
    for step in plan.steps:
        name = clean(step.indicator.name)
        if name not in named:
            named.append(name)
    shown = _names_text(named[:NAMED_STEPS] + ([t("sum.plan.others")] if len(named) > NAMED_STEPS else []))
    key = "sum.plan.cheapest" if plan.costed else "sum.plan.fewest"
    return t(
        key,
        target=target,
        count=len(plan.steps),
        cost=cost_text(plan.total_cost),
        index=num(plan.index_after, p),
        predikat=clean(plan.band_after.name),
        indicators=shown,
    )


def _names_text(names: list[str]) -> str:
    """Names joined as a sentence lists them: "A, B dan C"."""
    return names[0] if len(names) == 1 else t("sum.and", first=", ".join(names[:-1]), last=names[-1])


class IndicatorRow(NamedTuple):
    """One indicator as the report lists it, with the earlier level when there is one."""

    score: IndicatorScore
    missing: bool
    previous: LevelValue | None

    @property
    def change(self) -> Fraction | None:
        """The level now minus the earlier one (``None`` without an earlier level)."""
        if self.previous is None or self.missing:
            return None
        return self.score.value - level_value(self.previous)


class Group(NamedTuple):
    """A domain's heading (``domain``), or an aspect's (``aspect``) with the indicators under it."""

    domain: Domain | None
    aspect: Aspect | None
    rows: tuple[IndicatorRow, ...]


def previous_levels(report: Report) -> dict[int, LevelValue]:
    """The earlier year's level of each indicator, when it used the same model and has levels."""
    prev = report.previous
    if prev is None or prev.published is not None or report.comparison is None or not report.comparison.same_model:
        return {}
    return {i.indicator.id: i.level for i in prev.score.indicators if i.indicator.id not in prev.missing}


def groups(report: Report) -> Iterator[Group]:
    """The indicators grouped as the model is: each domain, then each of its aspects with its indicators."""
    cur = report.current
    by_id = {i.indicator.id: i for i in cur.score.indicators}
    before = previous_levels(report)
    missing = set(cur.missing)

    def rows(aspect: Aspect) -> tuple[IndicatorRow, ...]:
        return tuple(IndicatorRow(by_id[ind.id], ind.id in missing, before.get(ind.id)) for ind in aspect.indicators)

    if cur.model.domains:
        for domain in cur.model.domains:
            yield Group(domain, None, ())
            for aspect in domain.aspects:
                yield Group(None, aspect, rows(aspect))  # headed by its aspect; its domain came just before
    else:
        for aspect in cur.model.aspects:
            yield Group(None, aspect, rows(aspect))


def level_change(change: Fraction | None) -> str:
    """A level's change for a table cell: ``+1``, ``-2``, ``0`` or empty."""
    if change is None:
        return ""
    if change.denominator == 1:
        return f"{int(change):+d}" if change else "0"
    return signed(change)
