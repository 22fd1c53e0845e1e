"""The assessment model: its file format, its typed form, and every check a model must pass.

A model file (``indicators.yaml`` is the bundled PermenPANRB 59/2020 one) describes domains,
aspects and indicators with their weights, the level scales, the predikat bands and how the
index is rounded and banded. :func:`load_model` reads one strictly: structural problems come
from :data:`MODEL_SPEC`, semantic ones (sums of weights, band coverage, unique ids) from
:func:`_build`; every problem carries its file, line and column.
"""

from __future__ import annotations

import functools
import math
from spbe_calc.records import Record
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Union

from spbe_calc.errors import ExitCode, Problem, Severity, SpbeError
from spbe_calc.spec import (
    Bool, ByKind, Context, Field, Int, MapOf, Nullable, Num, Obj, Seq, Spec, Str, run,
)
from spbe_calc.yamlsafe import Document

Text = Union[str, dict[str, str]]

FORMAT_VERSION = 1

# --- the format (single source of truth for loading and for the JSON Schema) -------------------

TEXT: Spec = ByKind(
    scalar=Str(min_length=1),
    map=Obj({"id": Field(Str(min_length=1), required=True), "en": Field(Str(min_length=1))}),
    doc="Text in Indonesian, or {id: Indonesian, en: English}.",
)

LEVEL_KEY = Int(minimum=0, maximum=10, doc="A maturity level (a whole number).")

SCALE = Obj(
    {
        "name": Field(Str(min_length=1, doc="Official name of the scale."), required=True),
        "levels": Field(
            MapOf(
                LEVEL_KEY,
                Obj({
                    "name": Field(Str(min_length=1, doc="Official level name (omit when there is none).")),
                    "description": Field(TEXT),
                }),
                key_pattern="^[0-9]+$",
                doc="Levels by number; they must be consecutive.",
            ),
            required=True,
        ),
    },
    doc="A level scale (kapabilitas proses, kapabilitas layanan, ...).",
)

BAND = Obj(
    {
        "name": Field(Str(min_length=1, doc="Official predikat."), required=True),
        "min": Field(Nullable(Num(), doc="Lower edge; null for no lower edge.")),
        "max": Field(Nullable(Num(), doc="Upper edge; null for no upper edge.")),
        "min_inclusive": Field(Bool(doc="Whether an index equal to min is in this band.")),
        "max_inclusive": Field(Bool(doc="Whether an index equal to max is in this band.")),
    },
    doc="One predikat band.",
)

WEIGHT = Num(minimum=Decimal(0), exclusive_minimum=True, ratio=True,
             doc="Percent of the whole index; a decimal, or a quotient such as \"10/3\".")
SCALE_REF = Str(min_length=1, doc="Id of a scale under `scales`; inherited by children.")

INDICATOR = Obj(
    {
        "id": Field(Int(minimum=1, doc="Indicator number, unique in the model."), required=True),
        "name": Field(Str(min_length=1, doc="Official indicator name."), required=True),
        "weight": Field(WEIGHT, required=True),
        "scale": Field(SCALE_REF),
        "scope": Field(TEXT),
        "criteria": Field(MapOf(LEVEL_KEY, TEXT, key_pattern="^[0-9]+$", doc="A criterion per level.")),
        "items": Field(Seq(Str(min_length=1), min_items=2,
                           doc="Assessed as several items (e.g. public services), each weight/N.")),
        "note": Field(TEXT),
    },
    doc="One indicator.",
)

ASPECT = Obj(
    {
        "id": Field(Int(minimum=1), required=True),
        "name": Field(Str(min_length=1, doc="Official aspect name."), required=True),
        "weight": Field(WEIGHT, required=True),
        "scale": Field(SCALE_REF),
        "indicators": Field(Seq(INDICATOR, min_items=1), required=True),
    },
    doc="One aspect.",
)

DOMAIN = Obj(
    {
        "id": Field(Int(minimum=1), required=True),
        "name": Field(Str(min_length=1, doc="Official domain name."), required=True),
        "weight": Field(WEIGHT, required=True),
        "scale": Field(SCALE_REF),
        "aspects": Field(Seq(ASPECT, min_items=1), required=True),
    },
    doc="One domain.",
)

NOTE = Obj(
    {
        "ref": Field(Str(min_length=1, doc="What the note is about."), required=True),
        "kind": Field(Str(choices=("erratum", "conflict", "note"))),
        "text": Field(TEXT, required=True),
    }
)

MODEL_SPEC = Obj(
    {
        "format": Field(Int(minimum=1, maximum=FORMAT_VERSION, doc="Model format version."), required=True),
        "id": Field(Str(min_length=1, doc="Short model name, e.g. spbe-2020."), required=True),
        "name": Field(Str(min_length=1, doc="Name of the index."), required=True),
        "regulation": Field(
            Obj({
                "title": Field(Str(min_length=1), required=True),
                "short": Field(Str(min_length=1), required=True),
                "source": Field(Str()),
                "confidence": Field(Str()),
                "status": Field(Str(choices=("official", "reported"))),
                "years": Field(Obj({"from": Field(Int(minimum=2000, maximum=2100), required=True),
                                    "to": Field(Nullable(Int(minimum=2000, maximum=2100)))})),
            }),
            required=True,
        ),
        "scoring": Field(
            Obj({
                "total_weight": Field(Num(minimum=Decimal(0), exclusive_minimum=True)),
                "banding": Field(Str(choices=("exact", "rounded"),
                                     doc="Band the exact index (default) or the rounded one.")),
                "precision": Field(Int(minimum=0, maximum=6, doc="Decimals shown (half-up).")),
            })
        ),
        "scales": Field(MapOf(Str(min_length=1), SCALE, doc="Level scales by id."), required=True),
        "default_scale": Field(SCALE_REF),
        "predikat": Field(Seq(BAND, min_items=1), required=True),
        "warning": Field(TEXT),
        "notes": Field(Seq(NOTE)),
        "domains": Field(Seq(DOMAIN, min_items=1)),
        "aspects": Field(Seq(ASPECT, min_items=1, doc="For models without a domain layer.")),
    },
    doc="An spbe-calc assessment model.",
)

# --- the typed model ---------------------------------------------------------------------------


class Level(Record):
    """One level of a scale: its number and official name."""

    __slots__ = ("value", "name", "description")
    _defaults = {"description": None}
    value: int
    name: str | None
    description: Text | None

    def label(self) -> str:
        """The official name, or "Tingkat n" / "Level n" when the regulation gives none."""
        if self.name:
            return self.name
        from spbe_calc.i18n import t

        return t("out.level-n", n=self.value)


class Scale(Record):
    """A level scale; levels are consecutive whole numbers."""

    __slots__ = ("id", "name", "levels")
    id: str
    name: str
    levels: tuple[Level, ...]

    @property
    def min(self) -> int:
        """Lowest level."""
        return self.levels[0].value

    @property
    def max(self) -> int:
        """Highest level."""
        return self.levels[-1].value

    def level(self, value: int) -> Level:
        """Return the level with this number (which must exist)."""
        return self.levels[value - self.min]


class Band(Record):
    """A predikat band with explicit edge inclusivity."""

    __slots__ = ("name", "min", "max", "min_inclusive", "max_inclusive")
    name: str
    min: Fraction | None
    max: Fraction | None
    min_inclusive: bool
    max_inclusive: bool

    def contains(self, value: Fraction) -> bool:
        """Tell whether ``value`` falls in this band (compared exactly, by cross-multiplying)."""
        n, d = value.numerator, value.denominator
        if self.min is not None:
            lhs, rhs = n * self.min.denominator, self.min.numerator * d
            if lhs < rhs or (lhs == rhs and not self.min_inclusive):
                return False
        if self.max is not None:
            lhs, rhs = n * self.max.denominator, self.max.numerator * d
            if lhs > rhs or (lhs == rhs and not self.max_inclusive):
                return False
        return True


class Indicator(Record):
    """One indicator: its weight is a share of the whole index (in the model's weight unit)."""

    __slots__ = ("id", "name", "weight", "scale", "criteria", "scope", "note", "aspect_id", "domain_id", "items")
    _defaults = {"items": ()}
    id: int
    name: str
    weight: Fraction
    scale: Scale
    criteria: dict[int, Text]
    scope: Text | None
    note: Text | None
    aspect_id: int
    domain_id: int | None
    items: tuple[str, ...]


class Aspect(Record):
    """An aspect groups indicators; its weight equals the sum of theirs."""

    __slots__ = ("id", "name", "weight", "indicators", "domain_id")
    id: int
    name: str
    weight: Fraction
    indicators: tuple[Indicator, ...]
    domain_id: int | None


class Domain(Record):
    """A domain groups aspects; its weight equals the sum of theirs."""

    __slots__ = ("id", "name", "weight", "aspects")
    id: int
    name: str
    weight: Fraction
    aspects: tuple[Aspect, ...]


class Note(Record):
    """An erratum, source conflict or remark recorded with the model."""

    __slots__ = ("ref", "kind", "text")
    ref: str
    kind: str
    text: Text


class Model(Record):
    """A complete, validated assessment model."""

    __slots__ = ("id", "name", "path", "regulation", "total_weight", "banding", "precision", "scales", "bands",
                 "domains", "aspects", "indicators", "notes", "warning", "by_id", "_units", "_source")
    _defaults = {"notes": (), "warning": None, "by_id": None, "_units": None, "_source": None}

    id: str
    name: str
    path: str
    regulation: dict[str, Any]
    total_weight: Fraction
    banding: str
    precision: int
    scales: dict[str, Scale]
    bands: tuple[Band, ...]
    domains: tuple[Domain, ...]
    aspects: tuple[Aspect, ...]
    indicators: tuple[Indicator, ...]
    notes: tuple[Note, ...]
    warning: Text | None
    by_id: dict[int, Indicator]
    _units: Units | None  # computed on first use (see units)
    _source: str | None  # the resolved file it was loaded from

    @property
    def level_min(self) -> int:
        """Lowest level any indicator can have: the lowest possible index."""
        return min(s.min for s in self.scales.values())

    @property
    def level_max(self) -> int:
        """Highest level any indicator can have: the highest possible index."""
        return max(s.max for s in self.scales.values())

    @property
    def units(self) -> Units:
        """Weights as whole multiples of one common unit, for exact integer scoring (computed once)."""
        if self._units is None:
            object.__setattr__(self, "_units", Units.of(self))
        return self._units  # type: ignore[return-value]

    def bands_ascending(self) -> tuple[Band, ...]:
        """The predikat bands from lowest to highest (``bands`` is kept highest first)."""
        return self.bands[::-1]

    def band_for(self, value: Fraction) -> Band:
        """Return the predikat band of an index value (validated models cover the whole range)."""
        for band in self.bands:
            if band.contains(value):
                return band
        raise ValueError(f"no band for {value}")  # unreachable for a validated model


class Units(Record):
    """A model's weights as integers: every weight is a whole number of ``1 / unit``.

    With this, an index is one integer sum divided by one integer, so scoring needs a single
    exact fraction per aspect, domain and index instead of one per indicator. ``per_level[i]`` is
    what one level of indicator ``i`` (or of one of its items) adds, in units.
    """

    __slots__ = ("unit", "per_level", "aspect", "domain", "total")
    unit: int
    per_level: dict[int, int]
    aspect: dict[int, int]
    domain: dict[int, int]
    total: int

    @staticmethod
    def of(model: Model) -> Units:
        """Compute the units of a model."""
        unit = model.total_weight.denominator
        for ind in model.indicators:
            unit = math.lcm(unit, ind.weight.denominator * max(1, len(ind.items)))
        per_level = {i.id: int(i.weight * unit / max(1, len(i.items))) for i in model.indicators}
        return Units(
            unit=unit,
            per_level=per_level,
            aspect={a.id: int(a.weight * unit) for a in model.aspects},
            domain={d.id: int(d.weight * unit) for d in model.domains},
            total=int(model.total_weight * unit),
        )


# --- building and semantic checks --------------------------------------------------------------


def _frac(d: Fraction | Decimal | int) -> Fraction:
    return Fraction(d)


def _fmt(x: Fraction) -> str:
    """Show an exact weight sum without binary noise (weights are finite decimals)."""
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return format(d.normalize(), "f")


def _build(data: dict[str, Any], ctx: Context) -> Model | None:
    """Turn checked plain data into a :class:`Model`, recording every semantic problem."""
    errors_before = len(ctx.problems)

    # Scales: consecutive levels.
    scales: dict[str, Scale] = {}
    for sid, s in data["scales"].items():
        nums = sorted(s["levels"])
        if not nums or nums != list(range(nums[0], nums[0] + len(nums))):
            ctx.add(ctx.at(("scales", sid, "levels")), "levels-not-consecutive", scale=sid,
                    levels=", ".join(map(str, nums)))
            continue
        if len(nums) < 2:
            ctx.add(ctx.at(("scales", sid, "levels")), "too-few-levels", scale=sid)
            continue
        levels = tuple(Level(n, s["levels"][n].get("name"), s["levels"][n].get("description")) for n in nums)
        scales[sid] = Scale(sid, s["name"], levels)

    has_domains = data.get("domains") is not None
    has_aspects = data.get("aspects") is not None
    if has_domains == has_aspects:
        ctx.add(ctx.at(()), "domains-or-aspects")
        return None

    default_scale = data.get("default_scale")
    if default_scale is not None and default_scale not in data["scales"]:
        ctx.add(ctx.at(("default_scale",)), "unknown-scale", scale=default_scale,
                known=", ".join(data["scales"]))

    seen: dict[tuple[str, int], tuple[int, int]] = {}

    def unique(kind: str, ident: int, path: tuple[Any, ...]) -> None:
        where = ctx.at(path + ("id",))
        first = seen.get((kind, ident))
        if first is not None:
            ctx.add(where, "duplicate-id", kind=kind, id=ident, first=first[0])
        else:
            seen[(kind, ident)] = where

    def weight_sum(path: tuple[Any, ...], own: Fraction, children: list[Fraction], kind: str) -> None:
        total = sum(children, Fraction(0))
        if total != own:
            ctx.add(ctx.at(path + ("weight",)), "weight-sum", kind=kind, weight=_fmt(own), total=_fmt(total))

    def scale_of(path: tuple[Any, ...], ref: str | None) -> Scale | None:
        if ref is None:
            return None
        if ref not in data["scales"]:
            ctx.add(ctx.at(path + ("scale",)), "unknown-scale", scale=ref, known=", ".join(data["scales"]))
            return None
        return scales.get(ref)

    all_indicators: list[Indicator] = []
    all_aspects: list[Aspect] = []

    def build_aspect(a: dict[str, Any], path: tuple[Any, ...], domain_id: int | None,
                     inherited: str | None) -> Aspect:
        unique("aspect", a["id"], path)
        scale_ref = a.get("scale") or inherited
        indicators: list[Indicator] = []
        for j, ind in enumerate(a["indicators"]):
            ipath = path + ("indicators", j)
            unique("indicator", ind["id"], ipath)
            ref = ind.get("scale") or scale_ref
            scale = scale_of(ipath, ref)
            if ref is None:
                ctx.add(ctx.at(ipath), "no-scale", id=ind["id"])
            criteria = ind.get("criteria") or {}
            if scale is not None:
                for lvl in criteria:
                    if not scale.min <= lvl <= scale.max:
                        ctx.add(ctx.key_at(ipath + ("criteria", lvl)), "criterion-outside-scale",
                                level=lvl, id=ind["id"], minimum=scale.min, maximum=scale.max)
                # A level is explained by the indicator's criterion or, failing that, by the
                # scale's own description; only a level with neither is worth a warning.
                missing = [lv.value for lv in scale.levels if lv.value not in criteria and not lv.description]
                if missing:
                    ctx.add(ctx.at(ipath + ("criteria",)) if criteria else ctx.at(ipath),
                            "missing-criteria", Severity.WARNING, id=ind["id"],
                            levels=", ".join(map(str, missing)))
            indicators.append(Indicator(
                ind["id"], ind["name"], _frac(ind["weight"]), scale or _PLACEHOLDER_SCALE, criteria,
                ind.get("scope"), ind.get("note"), a["id"], domain_id, tuple(ind.get("items") or ()),
            ))
        weight = _frac(a["weight"])
        weight_sum(path, weight, [i.weight for i in indicators], "aspect")
        aspect = Aspect(a["id"], a["name"], weight, tuple(indicators), domain_id)
        all_indicators.extend(indicators)
        all_aspects.append(aspect)
        return aspect

    domains: list[Domain] = []
    top_weights: list[Fraction] = []
    if has_domains:
        for i, d in enumerate(data["domains"]):
            path = ("domains", i)
            unique("domain", d["id"], path)
            ref = d.get("scale") or default_scale
            if d.get("scale"):
                scale_of(path, d["scale"])
            aspects = [build_aspect(a, path + ("aspects", j), d["id"], ref) for j, a in enumerate(d["aspects"])]
            weight = _frac(d["weight"])
            weight_sum(path, weight, [a.weight for a in aspects], "domain")
            domains.append(Domain(d["id"], d["name"], weight, tuple(aspects)))
            top_weights.append(weight)
    else:
        for j, a in enumerate(data["aspects"]):
            if a.get("scale"):
                scale_of(("aspects", j), a["scale"])
            aspect = build_aspect(a, ("aspects", j), None, default_scale)
            top_weights.append(aspect.weight)

    scoring = data.get("scoring") or {}
    total_weight = _frac(scoring.get("total_weight") or 100)
    top_total = sum(top_weights, Fraction(0))
    if top_total != total_weight:
        where = ctx.at(("scoring", "total_weight")) if "total_weight" in scoring else ctx.key_at(
            ("domains",) if has_domains else ("aspects",))
        ctx.add(where, "total-weight", total=_fmt(top_total), expected=_fmt(total_weight))

    # Bands: edges well formed, names unique, and together they cover the possible index range
    # exactly once (no gap, no overlap).
    bands: list[Band] = []
    names: set[str] = set()
    for i, b in enumerate(data["predikat"]):
        path = ("predikat", i)
        lo = None if b.get("min") is None else _frac(b["min"])
        hi = None if b.get("max") is None else _frac(b["max"])
        if b["name"] in names:
            ctx.add(ctx.at(path + ("name",)), "duplicate-band", name=b["name"])
        names.add(b["name"])
        if lo is not None and hi is not None and lo >= hi:
            ctx.add(ctx.at(path), "band-empty", name=b["name"], min=_fmt(lo), max=_fmt(hi))
            continue
        bands.append(Band(b["name"], lo, hi, bool(b.get("min_inclusive", lo is not None)),
                          bool(b.get("max_inclusive", False))))
    if scales and len(ctx.problems) == errors_before:
        lo_level = Fraction(min(s.min for s in scales.values()))
        hi_level = Fraction(max(s.max for s in scales.values()))
        _check_bands(bands, lo_level, hi_level, ctx)

    if any(p.severity is Severity.ERROR for p in ctx.problems[errors_before:]):
        return None
    notes = tuple(Note(n["ref"], n.get("kind") or "note", n["text"]) for n in data.get("notes") or [])
    indicators = tuple(all_indicators)
    return Model(
        id=data["id"], name=data["name"], path=ctx.file, regulation=data["regulation"],
        total_weight=total_weight, banding=scoring.get("banding") or "exact",
        precision=scoring.get("precision", 2), scales=scales,
        bands=tuple(sorted(bands, key=lambda b: (b.min is not None, b.min or 0), reverse=True)),
        domains=tuple(domains), aspects=tuple(all_aspects), indicators=indicators, notes=notes,
        warning=data.get("warning"), by_id={i.id: i for i in indicators},
    )


_PLACEHOLDER_SCALE = Scale("?", "?", (Level(1, "?"), Level(2, "?")))


def _check_bands(bands: list[Band], lo: Fraction, hi: Fraction, ctx: Context) -> None:
    """Report gaps, overlaps and uncovered ends of the predikat bands over ``[lo, hi]``."""
    where = ctx.key_at(("predikat",))
    # Unbounded edges are clipped to the index range so that the sweep below is uniform.
    spans = sorted(
        ((b.min if b.min is not None else lo, b.min_inclusive if b.min is not None else True,
          b.max if b.max is not None else hi, b.max_inclusive if b.max is not None else True, b)
         for b in bands),
        key=lambda s: (s[0], not s[1]),
    )
    first = spans[0]
    if first[0] > lo or (first[0] == lo and not first[1]):
        ctx.add(where, "band-gap", start=_fmt(lo), end=_fmt(first[0]), low="low")
    for (_, _, hi_a, hi_inc_a, a), (lo_b, lo_inc_b, _, _, b) in zip(spans, spans[1:]):
        if hi_a < lo_b or (hi_a == lo_b and not hi_inc_a and not lo_inc_b):
            ctx.add(where, "band-gap", start=_fmt(hi_a), end=_fmt(lo_b), low=a.name)
        elif hi_a > lo_b or (hi_a == lo_b and hi_inc_a and lo_inc_b):
            ctx.add(where, "band-overlap", a=a.name, b=b.name, at=_fmt(lo_b))
    last = max(spans, key=lambda s: (s[2], s[3]))
    if last[2] < hi or (last[2] == hi and not last[3]):
        ctx.add(where, "band-gap", start=_fmt(last[2]), end=_fmt(hi), low=last[4].name)


# --- loading -----------------------------------------------------------------------------------

BUNDLED_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = "spbe-2020"


@functools.lru_cache(maxsize=None)
def bundled_models() -> dict[str, Path]:
    """Map each bundled model name to its file (the folder is read once per process)."""
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.yaml"))}


def resolve_model_path(ref: str | None, relative_to: Path | None = None) -> tuple[Path, str]:
    """Turn a model reference (bundled name or path) into a file path and a display name."""
    ref = ref or DEFAULT_MODEL
    bundled = bundled_models()
    if ref in bundled:
        return bundled[ref], ref
    path = Path(ref)
    if not path.is_absolute() and relative_to is not None and not path.exists():
        path = relative_to / path
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path, ref
    raise SpbeError([Problem(ref, 0, 0, "unknown-model", {"name": ref, "known": ", ".join(bundled)})])


def check_model(doc: Document) -> tuple[Model | None, list[Problem]]:
    """Check a parsed document as a model; return the model (if valid) and all problems."""
    if doc.root is None:
        return None, list(doc.problems)
    data, ctx = run(MODEL_SPEC, doc.root, doc.path)
    problems = list(doc.problems) + ctx.problems
    if data is None or any(p.severity is Severity.ERROR for p in doc.problems):
        return None, problems
    model = _build(data, ctx)
    return model, list(doc.problems) + ctx.problems


def _load_checked(path: Path, shown: str) -> Model:
    """Read a model file, through the on-disk cache of checked data when it has an entry."""
    from spbe_calc import modelcache
    from spbe_calc.yamlsafe import parse, read_text

    text = read_text(path, shown)
    cached = modelcache.read(text)
    if cached is not None:
        try:
            model = _build(cached, Context(shown))
        except Exception:  # a damaged entry: fall back to the file itself
            model = None
        if model is not None:
            return model
    doc = parse(text, shown)
    if doc.root is None:
        raise SpbeError(doc.problems, ExitCode.BAD_INPUT)
    data, ctx = run(MODEL_SPEC, doc.root, shown)
    problems = list(doc.problems) + ctx.problems
    model = _build(data, ctx) if data is not None and not doc.problems else None
    problems = list(doc.problems) + ctx.problems
    if model is None:
        raise SpbeError([p for p in problems if p.severity is Severity.ERROR] or problems, ExitCode.BAD_INPUT)
    if not problems:  # only a model without any problem, warnings included, is cached
        modelcache.write(text, data)
    return model


_cache: dict[Path, Model] = {}
_by_name: dict[str, Model] = {}


def load_model(ref: str | None = None, relative_to: Path | None = None) -> Model:
    """Load a model by bundled name or path; raise :class:`SpbeError` listing all problems."""
    if ref is None or ref in _by_name:  # the common case in batch scoring: a bundled name
        cached = _by_name.get(ref or DEFAULT_MODEL)
        if cached is not None:
            return cached
    path, shown = resolve_model_path(ref, relative_to)
    key = path.resolve()
    if key in _cache:
        return _cache[key]
    model = _load_checked(path, shown)
    object.__setattr__(model, "_source", str(key))  # lets batch workers name it to the parent
    _cache[key] = model
    if ref is None or ref in bundled_models():
        _by_name[ref or DEFAULT_MODEL] = model
    return model
