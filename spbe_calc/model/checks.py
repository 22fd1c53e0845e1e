"""The checks a model must pass beyond its format, and the building of the typed model.

:func:`build` takes the plain data that :data:`spbe_calc.model.format.MODEL_SPEC` accepted and
checks what a format cannot say: levels consecutive, scales known, ids unique, every parent's
weight equal to the sum of its children's, the predikat bands covering the index range exactly
once. Every problem is recorded with its position; a model is built only when none is an error.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

from spbe_calc.errors import Severity
from spbe_calc.model.records import (
    Aspect,
    Band,
    BandingRule,
    Domain,
    Indicator,
    Level,
    Model,
    Note,
    Regulation,
    Scale,
    Units,
)
from spbe_calc.numbers import decimal_text
from spbe_calc.spec import Context

#: Stands in for an unknown scale while the rest of the model is still checked.
_PLACEHOLDER_SCALE = Scale("?", "?", (Level(1, "?"), Level(2, "?")))


def _scales(data: dict[str, Any], ctx: Context) -> dict[str, Scale]:
    """The scales whose levels are consecutive (at least two of them)."""
    scales: dict[str, Scale] = {}
    for sid, s in data["scales"].items():
        nums = sorted(s["levels"])
        if not nums or nums != list(range(nums[0], nums[0] + len(nums))):
            ctx.add(
                ctx.at(("scales", sid, "levels")), "levels-not-consecutive", scale=sid, levels=", ".join(map(str, nums))
            )
            continue
        if len(nums) < 2:
            ctx.add(ctx.at(("scales", sid, "levels")), "too-few-levels", scale=sid)
            continue
        levels = tuple(Level(n, s["levels"][n].get("name"), s["levels"][n].get("description")) for n in nums)
        scales[sid] = Scale(sid, s["name"], levels)
    return scales


class _Builder:
    """Walks domains, aspects and indicators once, recording every semantic problem."""

    def __init__(self, data: dict[str, Any], scales: dict[str, Scale], ctx: Context) -> None:
        self.data = data
        self.scales = scales
        self.ctx = ctx
        self.seen: dict[tuple[str, int], tuple[int, int]] = {}
        self.indicators: list[Indicator] = []
        self.aspects: list[Aspect] = []

    def unique(self, kind: str, ident: int, path: tuple[Any, ...]) -> None:
        where = self.ctx.at(path + ("id",))
        first = self.seen.get((kind, ident))
        if first is not None:
            self.ctx.add(where, "duplicate-id", kind=kind, id=ident, first=first[0])
        else:
            self.seen[(kind, ident)] = where

    def weight_sum(self, path: tuple[Any, ...], own: Fraction, children: list[Fraction], kind: str) -> None:
        total = sum(children, Fraction(0))
        if total != own:
            self.ctx.add(
                self.ctx.at(path + ("weight",)),
                "weight-sum",
                kind=kind,
                weight=decimal_text(own),
                total=decimal_text(total),
            )

    def scale_of(self, path: tuple[Any, ...], ref: str | None) -> Scale | None:
        if ref is None:
            return None
        if ref not in self.data["scales"]:
            self.ctx.add(
                self.ctx.at(path + ("scale",)), "unknown-scale", scale=ref, known=", ".join(self.data["scales"])
            )
            return None
        return self.scales.get(ref)

    def indicator(
        self, ind: dict[str, Any], path: tuple[Any, ...], aspect_id: int, domain_id: int | None, inherited: str | None
    ) -> Indicator:
        ctx = self.ctx
        self.unique("indicator", ind["id"], path)
        ref = ind.get("scale") or inherited
        scale = self.scale_of(path, ref)
        if ref is None:
            ctx.add(ctx.at(path), "no-scale", id=ind["id"])
        criteria = ind.get("criteria") or {}
        if scale is not None:
            for lvl in criteria:
                if not scale.min <= lvl <= scale.max:
                    ctx.add(
                        ctx.key_at(path + ("criteria", lvl)),
                        "criterion-outside-scale",
                        level=lvl,
                        id=ind["id"],
                        minimum=scale.min,
                        maximum=scale.max,
                    )
            # A level is explained by the indicator's criterion or, failing that, by the scale's
            # own description; only a level with neither is worth a warning.
            missing = [lv.value for lv in scale.levels if lv.value not in criteria and not lv.description]
            if missing:
                ctx.add(
                    ctx.at(path + ("criteria",)),  # the indicator itself when it has no criteria
                    "missing-criteria",
                    Severity.WARNING,
                    id=ind["id"],
                    levels=", ".join(map(str, missing)),
                    count=len(missing),
                )
        return Indicator(
            id=ind["id"],
            name=ind["name"],
            weight=Fraction(ind["weight"]),
            scale=scale or _PLACEHOLDER_SCALE,
            criteria=criteria,
            scope=ind.get("scope"),
            note=ind.get("note"),
            aspect_id=aspect_id,
            domain_id=domain_id,
            items=tuple(ind.get("items") or ()),
        )

    def aspect(self, a: dict[str, Any], path: tuple[Any, ...], domain_id: int | None, inherited: str | None) -> Aspect:
        self.unique("aspect", a["id"], path)
        if a.get("scale"):
            self.scale_of(path, a["scale"])
        scale_ref = a.get("scale") or inherited
        indicators = [
            self.indicator(ind, path + ("indicators", j), a["id"], domain_id, scale_ref)
            for j, ind in enumerate(a["indicators"])
        ]
        weight = Fraction(a["weight"])
        self.weight_sum(path, weight, [i.weight for i in indicators], "aspect")
        aspect = Aspect(id=a["id"], name=a["name"], weight=weight, indicators=tuple(indicators), domain_id=domain_id)
        self.indicators.extend(indicators)
        self.aspects.append(aspect)
        return aspect

    def domain(self, d: dict[str, Any], path: tuple[Any, ...], inherited: str | None) -> Domain:
        self.unique("domain", d["id"], path)
        if d.get("scale"):
            self.scale_of(path, d["scale"])
        ref = d.get("scale") or inherited
        aspects = [self.aspect(a, path + ("aspects", j), d["id"], ref) for j, a in enumerate(d["aspects"])]
        weight = Fraction(d["weight"])
        self.weight_sum(path, weight, [a.weight for a in aspects], "domain")
        return Domain(id=d["id"], name=d["name"], weight=weight, aspects=tuple(aspects))


def check_parts(data: dict[str, Any], ctx: Context) -> None:
    """On a model that failed its format, the checks its valid parts still allow.

    Duplicate ids, and every weight sum whose weights are all readable; the rest needs a model
    that can be built.
    """
    builder = _Builder(data, {}, ctx)

    def children(parent: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
        items = parent.get(key)
        return [(i, x) for i, x in enumerate(items) if isinstance(x, dict)] if isinstance(items, list) else []

    def weights(parent: dict[str, Any], key: str) -> list[Fraction] | None:
        items = parent.get(key)
        if not isinstance(items, list) or not all(isinstance(x, dict) and "weight" in x for x in items):
            return None  # a sum over some of the children would be a false alarm
        return [Fraction(x["weight"]) for x in items]

    def walk(parent: dict[str, Any], path: tuple[Any, ...], kind: str, key: str, below: list[tuple[str, str]]) -> None:
        for i, item in children(parent, key):
            where = path + (key, i)
            if "id" in item:
                builder.unique(kind, item["id"], where)
            if below:
                child_kind, child_key = below[0]
                sums = weights(item, child_key)
                if sums is not None and "weight" in item:
                    builder.weight_sum(where, Fraction(item["weight"]), sums, kind)
                walk(item, where, child_kind, child_key, below[1:])

    levels = [("domain", "domains"), ("aspect", "aspects"), ("indicator", "indicators")]
    top = levels if data.get("domains") is not None else levels[1:]
    walk(data, (), top[0][0], top[0][1], top[1:])


def _bands(data: dict[str, Any], ctx: Context) -> list[Band]:
    """The bands with their edges; unnamed duplicates and empty bands are problems."""
    bands: list[Band] = []
    names: set[str] = set()
    for i, b in enumerate(data["predikat"]):
        path = ("predikat", i)
        lo = None if b.get("min") is None else Fraction(b["min"])
        hi = None if b.get("max") is None else Fraction(b["max"])
        if b["name"] in names:
            ctx.add(ctx.at(path + ("name",)), "duplicate-band", name=b["name"])
        names.add(b["name"])
        if lo is not None and hi is not None and lo >= hi:
            ctx.add(ctx.at(path), "band-empty", name=b["name"], min=decimal_text(lo), max=decimal_text(hi))
            continue
        # A lower edge is inclusive and an upper edge exclusive unless the model says otherwise
        # (the regulation's "2.6 – < 3.5"); an absent edge is open.
        bands.append(
            Band(
                name=b["name"],
                min=lo,
                max=hi,
                min_inclusive=bool(b.get("min_inclusive", lo is not None)),
                max_inclusive=bool(b.get("max_inclusive")),
            )
        )
    return bands


def check_bands(bands: list[Band], lo: Fraction, hi: Fraction, ctx: Context) -> None:
    """Report gaps, overlaps and uncovered ends of the predikat bands over ``[lo, hi]``."""
    where = ctx.key_at(("predikat",))
    # Absent edges are clipped to the index range so that the sweep below is uniform.
    spans = sorted(
        (
            (
                b.min if b.min is not None else lo,
                b.min_inclusive if b.min is not None else True,
                b.max if b.max is not None else hi,
                b.max_inclusive if b.max is not None else True,
                b,
            )
            for b in bands
        ),
        key=lambda s: (s[0], not s[1]),
    )
    first = spans[0]
    if first[0] > lo or (first[0] == lo and not first[1]):
        ctx.add(where, "band-gap", start=decimal_text(lo), end=decimal_text(first[0]), low="low")
    for (_, _, hi_a, hi_inc_a, a), (lo_b, lo_inc_b, _, _, b) in itertools.pairwise(spans):
        if hi_a == lo_b and not hi_inc_a and not lo_inc_b:
            ctx.add(where, "band-gap-point", at=decimal_text(hi_a), low=a.name, high=b.name)
        elif hi_a < lo_b:
            ctx.add(where, "band-gap", start=decimal_text(hi_a), end=decimal_text(lo_b), low=a.name)
        elif hi_a > lo_b or (hi_a == lo_b and hi_inc_a and lo_inc_b):
            ctx.add(where, "band-overlap", a=a.name, b=b.name, at=decimal_text(lo_b))
    last = max(spans, key=lambda s: (s[2], s[3]))
    if last[2] < hi or (last[2] == hi and not last[3]):
        ctx.add(where, "band-gap", start=decimal_text(last[2]), end=decimal_text(hi), low=last[4].name)


def _regulation(data: dict[str, Any]) -> Regulation:
    years = data.get("years") or {}
    status = data.get("status") or "official"
    return Regulation(
        title=data["title"],
        short=data["short"],
        source=data.get("source"),
        confidence=data.get("confidence"),
        # `reported` is the former name of `provisional`: files that use it keep their meaning.
        status="provisional" if status == "reported" else status,
        year_from=years.get("from"),
        year_to=years.get("to"),
    )


def _banding_rules(rules: list[dict[str, Any]], ctx: Context) -> tuple[BandingRule, ...]:
    """The per-year banding rules, oldest first.

    A rule that ends before it starts, or two rules that claim one year, are errors: which rule
    applies could not be told.
    """
    built: list[tuple[BandingRule, tuple[int, int]]] = []
    for i, r in enumerate(rules):
        rule = BandingRule(
            banding=r["banding"],
            year_from=r["from"],
            year_to=r.get("to"),
            reason=r.get("reason"),
            source=r.get("source"),
            assumed=bool(r.get("assumed")),  # not written: a finding
        )
        where = ctx.at(("scoring", "banding_by_year", i))
        if rule.year_to is not None and rule.year_to < rule.year_from:
            ctx.add(where, "banding-years-reversed", start=rule.year_from, end=rule.year_to)
            continue
        for other, _ in built:
            if other.covers(rule.year_from) or rule.covers(other.year_from):
                ctx.add(where, "banding-years-overlap", year=max(rule.year_from, other.year_from))
        built.append((rule, where))
    return tuple(sorted((r for r, _ in built), key=lambda r: r.year_from))


def build(data: dict[str, Any], ctx: Context) -> Model | None:
    """Check structurally valid model data and build the :class:`Model`.

    Every problem found is added to ``ctx``; ``None`` is returned when any of them is an error.
    """
    errors_before = len(ctx.problems)
    scales = _scales(data, ctx)
    has_domains = data.get("domains") is not None
    if has_domains == (data.get("aspects") is not None):
        ctx.add(ctx.at(()), "domains-or-aspects")
        return None
    default_scale = data.get("default_scale")
    if default_scale is not None and default_scale not in data["scales"]:
        ctx.add(ctx.at(("default_scale",)), "unknown-scale", scale=default_scale, known=", ".join(data["scales"]))

    builder = _Builder(data, scales, ctx)
    domains: list[Domain] = []
    if has_domains:
        domains = [builder.domain(d, ("domains", i), default_scale) for i, d in enumerate(data["domains"])]
        top_weights = [d.weight for d in domains]
    else:
        top_weights = [
            builder.aspect(a, ("aspects", j), None, default_scale).weight for j, a in enumerate(data["aspects"])
        ]

    scoring = data.get("scoring") or {}
    total_weight = Fraction(scoring.get("total_weight") or 100)
    top_total = sum(top_weights, Fraction(0))
    if top_total != total_weight:
        where = (
            ctx.at(("scoring", "total_weight"))
            if "total_weight" in scoring
            else ctx.key_at(("domains",) if has_domains else ("aspects",))
        )
        ctx.add(where, "total-weight", total=decimal_text(top_total), required=decimal_text(total_weight))

    rules = _banding_rules(scoring.get("banding_by_year") or [], ctx)
    bands = _bands(data, ctx)
    if scales and len(ctx.problems) == errors_before:
        lo_level = Fraction(min(s.min for s in scales.values()))
        hi_level = Fraction(max(s.max for s in scales.values()))
        check_bands(bands, lo_level, hi_level, ctx)

    if any(p.is_error for p in ctx.problems[errors_before:]):
        return None
    indicators = tuple(builder.indicators)
    aspects = tuple(builder.aspects)
    return Model(
        id=data["id"],
        name=data["name"],
        path=ctx.file,
        regulation=_regulation(data["regulation"]),
        total_weight=total_weight,
        banding=scoring.get("banding") or "exact",
        precision=scoring.get("precision", 2),
        scales=scales,
        bands=tuple(sorted(bands, key=lambda b: (b.min is not None, b.min or 0), reverse=True)),
        domains=tuple(domains),
        aspects=aspects,
        indicators=indicators,
        notes=tuple(
            Note(
                ref=n["ref"],
                kind=n.get("kind") or "note",
                text=n["text"],
                value=n.get("value"),
                alternatives=tuple(n.get("alternatives") or ()),
            )
            for n in data.get("notes") or []
        ),
        warning=data.get("warning"),
        by_id={i.id: i for i in indicators},
        units=Units.of(indicators, aspects, tuple(domains), total_weight),
        banding_rules=rules,
        default_banding=scoring.get("banding") or "exact",
    )
