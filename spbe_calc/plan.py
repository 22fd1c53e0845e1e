"""Plans to reach a target: the fewest level raises, or the cheapest ones, both exact.

**Fewest raises.** One level step of indicator *i* adds ``w_i / total`` to the index (an item of
an indicator scored per item adds ``w_i / (n · total)``). Any set of *k* steps adds at most the
sum of the *k* largest available step gains, so taking steps in order of decreasing gain
reaches the target with the provably smallest number of steps. Ties are broken towards the
lowest current level (a 1→2 step before a 4→5 step of the same weight), then the lowest id.

**Cheapest raises.** With a plan file giving a cost per level step (and a highest reachable
level), the problem is a multiple-choice covering knapsack: choose a new level for every
indicator so that the gain reaches the target at the smallest total cost. It is solved exactly
by dynamic programming over the gain, counted in integer multiples of the greatest common
divisor of all step gains and capped at the gain needed. Among plans of equal cost the one with
fewer steps wins. Costs and gains are exact (integers and fractions), never floats.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, NamedTuple

from spbe_calc.answers import published_only, read_answers, unknown_indicator
from spbe_calc.bars import Bar, check_bar, spelled
from spbe_calc.core import DEFAULT_BASIS, Basis, ScoredFile, model_for_checked, score_answers
from spbe_calc.errors import Problem, SpbeError, fail
from spbe_calc.kinds import wrong_kind
from spbe_calc.model import Band, Indicator, LevelValue, Model
from spbe_calc.numbers import exact_str
from spbe_calc.scoring import band_of, score
from spbe_calc.spec import ByKind, Field, Int, MapOf, Nullable, Num, Obj, run
from spbe_calc.yamlsafe import Document, load

# --- plan file -----------------------------------------------------------------------------------

_COST = ByKind(
    scalar=Num(minimum=None, doc="Cost of every one-level step."),
    map=MapOf(Int(minimum=0, maximum=10), Num(), doc="Cost of the step that reaches each level."),
)
_ENTRY = Obj(
    {
        "cost": Field(_COST),
        "max": Field(Nullable(Int(minimum=0, maximum=10, doc="Highest level reachable this period."))),
    }
)
PLAN_SPEC = Obj(
    {
        "default": Field(_ENTRY),
        "indicators": Field(MapOf(Int(minimum=0), _ENTRY)),
    },
    doc="Costs (effort) and reachable levels for spbe-calc plan.",
)


class Limits(NamedTuple):
    """Per-indicator step costs and highest reachable levels (from a plan file)."""

    #: The cost of a step when the plan file gives none (``None``: 1).
    default_cost: Any = None
    default_max: int | None = None
    entries: dict[int, dict[str, Any]] | None = None

    def cap(self, ind: Indicator) -> int:
        """Highest level this indicator may reach."""
        entry = (self.entries or {}).get(ind.id, {})
        cap = entry.get("max") if entry.get("max") is not None else self.default_max
        return ind.scale.max if cap is None else min(cap, ind.scale.max)

    def step_cost(self, ind: Indicator, to_level: int) -> Fraction:
        """Cost of the step that brings ``ind`` (or one of its items) to ``to_level``."""
        entry = (self.entries or {}).get(ind.id, {})
        for cost in (entry.get("cost"), self.default_cost):
            if cost is None:
                continue
            if isinstance(cost, dict):
                if to_level in cost:
                    return Fraction(cost[to_level])
                continue
            return Fraction(cost)
        return Fraction(1)


def read_limits(path: str, model: Model) -> Limits:
    """Read a plan file; every problem is reported with its position."""
    return limits_from_doc(load(path), model)


def limits_from_doc(doc: Document, model: Model) -> Limits:
    """:func:`read_limits` on a document already parsed (``validate`` has it in hand)."""
    path = doc.path
    if doc.root is None:
        raise SpbeError(list(doc.problems))
    mistaken = wrong_kind(path, doc.root, "plan")
    if mistaken is not None:
        raise SpbeError([mistaken])
    data, ctx = run(PLAN_SPEC, doc.root, path)
    problems = list(doc.problems) + ctx.problems
    if problems:  # the data is None exactly when there are problems
        raise SpbeError(problems)
    entries = data.get("indicators") or {}
    for ident in entries:
        if ident not in model.by_id:
            line, col = ctx.key_at(("indicators", ident))
            problems.append(unknown_indicator(path, line, col, ident, model))
    lowest = min(i.scale.min for i in model.indicators)
    highest = max(i.scale.max for i in model.indicators)
    for ident, entry in [(None, data.get("default") or {})] + list(entries.items()):
        indicator = model.by_id.get(ident)  # None for the default entry (ident None)
        if ident is not None and indicator is None:
            continue  # reported above
        # A level the scale does not have is a mistake in the file, not an unreachable target.
        low, high = (indicator.scale.min, indicator.scale.max) if indicator else (lowest, highest)
        base = ("indicators", ident) if ident is not None else ("default",)
        top = entry.get("max")
        if top is not None and not low <= top <= high:
            line, col = ctx.at(base + ("max",))
            problems.append(
                Problem(
                    path=path,
                    line=line,
                    col=col,
                    code="plan-level-outside-scale",
                    args={"level": top, "minimum": low, "maximum": high},
                )
            )
        cost = entry.get("cost")
        for level in cost if isinstance(cost, dict) else ():
            if not low < level <= high:  # a step reaches a level above the lowest
                line, col = ctx.key_at(base + ("cost", level))
                problems.append(
                    Problem(
                        path=path,
                        line=line,
                        col=col,
                        code="plan-cost-level",
                        args={"level": level, "minimum": low + 1, "maximum": high},
                    )
                )
        for value in cost.values() if isinstance(cost, dict) else [cost]:
            if value is not None and value < 0:
                where = ctx.at(("indicators", ident, "cost") if ident else ("default", "cost"))
                problems.append(
                    Problem(
                        path=path, line=where[0], col=where[1], code="negative-cost", args={"value": exact_str(value)}
                    )
                )
    if problems:
        raise SpbeError(problems)
    default = data.get("default") or {}
    return Limits(default.get("cost"), default.get("max"), entries)


# --- plans ------------------------------------------------------------------------------------------


class Step(NamedTuple):
    """One one-level raise and where it leaves the index."""

    indicator: Indicator
    item: int | None  # 0-based item for indicators scored per item
    from_level: int
    to_level: int
    cost: Fraction
    index_after: Fraction
    band_after: Band
    enters_band: bool  # this step moves the index into a new predikat
    reaches_target: bool  # this step is the one that meets the target


class Plan(NamedTuple):
    """The answer to "what must we raise to reach the target?"."""

    model: Model
    bar: Bar
    threshold: Fraction
    strict: bool
    index_before: Fraction
    band_before: Band
    steps: tuple[Step, ...]
    index_after: Fraction
    band_after: Band
    levels_after: dict[int, LevelValue]
    reachable: bool
    already_met: bool
    max_index: Fraction  # the best index reachable within the limits
    costed: bool

    @property
    def total_cost(self) -> Fraction:
        """Sum of the steps' costs (the number of steps when no plan file is used)."""
        return sum((s.cost for s in self.steps), Fraction(0))


def _grid_ceil(value: Fraction, grid: Fraction) -> Fraction:
    return math.ceil(value / grid) * grid


def threshold(model: Model, bar: Bar) -> tuple[Fraction, bool] | None:
    """The exact index the target needs: ``(t, strict)`` means index ≥ t (or > t when strict).

    A predikat target needs that band's lower edge. When the model bands the *rounded* index,
    a value that rounds (half-up) onto the edge is enough, so the edge is moved down by half a
    display unit. ``None`` means any index meets the target (the lowest predikat).
    """
    band = check_bar(bar, model, "--target")
    if bar.number is not None:
        value, strict = bar.number, False
    else:
        assert band is not None
        if band.min is None:
            return None
        value, strict = band.min, not band.min_inclusive
    if model.banding != "rounded":
        return value, strict
    grid = Fraction(1, 10**model.precision)
    edge = (math.floor(value / grid) + 1) * grid if strict else _grid_ceil(value, grid)
    return edge - grid / 2, False


def _meets(index: Fraction, t: Fraction, strict: bool) -> bool:
    return index > t if strict else index >= t


class _Lane(NamedTuple):
    """A sequence of one-level steps: an indicator, or one item of a multi-item indicator."""

    indicator: Indicator
    item: int | None
    level: int
    cap: int
    gain: Fraction  # index gain of one step


def _lanes(model: Model, levels: dict[int, LevelValue], limits: Limits) -> list[_Lane]:
    lanes = []
    total = model.total_weight
    for ind in model.indicators:
        cap = limits.cap(ind)
        current = levels[ind.id]
        if isinstance(current, tuple):
            share = ind.weight / (len(current) * total)
            lanes += [_Lane(indicator=ind, item=n, level=lv, cap=cap, gain=share) for n, lv in enumerate(current)]
        else:
            lanes.append(_Lane(indicator=ind, item=None, level=current, cap=cap, gain=ind.weight / total))
    return lanes


def _apply(levels: dict[int, LevelValue], lane: _Lane, to_level: int) -> None:
    if lane.item is None:
        levels[lane.indicator.id] = to_level
    else:
        items = list(levels[lane.indicator.id])  # type: ignore[arg-type]
        items[lane.item] = to_level
        levels[lane.indicator.id] = tuple(items)


def make_plan(model: Model, levels: dict[int, LevelValue], bar: Bar, limits: Limits | None = None) -> Plan:
    """Plan the raises that reach ``bar`` from ``levels`` (complete, in range)."""
    costed = limits is not None
    limits = limits or Limits()
    before = score(model, levels)
    lanes = _lanes(model, levels, limits)
    best = before.value + sum((max(0, ln.cap - ln.level) * ln.gain for ln in lanes), Fraction(0))
    target = threshold(model, bar)
    bar = spelled(bar, model)  # the plan says the predikat by its official name
    t, strict = target if target is not None else (Fraction(-1), False)
    unchanged = Plan(
        model=model,
        bar=bar,
        threshold=t,
        strict=strict,
        index_before=before.value,
        band_before=before.band,
        steps=(),
        index_after=before.value,
        band_after=before.band,
        levels_after=dict(levels),
        reachable=True,
        already_met=True,
        max_index=best,
        costed=costed,
    )
    if _meets(before.value, t, strict):
        return unchanged
    if not _meets(best, t, strict):
        return unchanged._replace(reachable=False, already_met=False)
    need = t - before.value
    raises = _cheapest(lanes, need, strict, limits) if costed else _fewest(lanes, need, strict)
    raises = _present(raises)
    steps: list[Step] = []
    current = dict(levels)
    index = before.value
    band = before.band
    for lane, to_level, cost in raises:
        _apply(current, lane, to_level)
        index += lane.gain
        new_band = band_of(model, index)
        steps.append(
            Step(
                indicator=lane.indicator,
                item=lane.item,
                from_level=to_level - 1,
                to_level=to_level,
                cost=cost,
                index_after=index,
                band_after=new_band,
                enters_band=new_band is not band,
                reaches_target=not _meets(index - lane.gain, t, strict) and _meets(index, t, strict),
            )
        )
        band = new_band
    after = score(model, current)
    assert after.value == index and _meets(index, t, strict)
    return unchanged._replace(
        steps=tuple(steps), index_after=index, band_after=after.band, levels_after=current, already_met=False
    )


def _present(raises: list[tuple[_Lane, int, Fraction]]) -> list[tuple[_Lane, int, Fraction]]:
    """Order steps most effective first (gain per cost, then gain), so the index climbs fastest.

    A lane's own steps must stay in level order (2→3 before 3→4) whatever their costs, so after
    sorting, each lane's levels are dealt out again in ascending order over the places it holds.
    """

    def key(r: tuple[_Lane, int, Fraction]) -> tuple[Any, ...]:
        lane, to_level, cost = r
        ratio = lane.gain / cost if cost else None
        return (ratio is not None, -(ratio or 0), -lane.gain, to_level, lane.indicator.id, lane.item or 0)

    ordered = sorted(raises, key=key)
    per_lane: dict[int, list[tuple[int, Fraction]]] = {}
    for lane, to_level, cost in raises:
        per_lane.setdefault(id(lane), []).append((to_level, cost))
    for steps in per_lane.values():
        steps.sort()  # by level: a lane's levels differ, so the cost never decides
    out = []
    for lane, _, _ in ordered:
        to_level, cost = per_lane[id(lane)].pop(0)
        out.append((lane, to_level, cost))
    return out


def _fewest(lanes: list[_Lane], need: Fraction, strict: bool) -> list[tuple[_Lane, int, Fraction]]:
    """Greedy by step gain: provably the fewest steps (see the module docstring)."""
    units = [(ln, lv + 1) for ln in lanes for lv in range(ln.level, ln.cap)]
    # Stable: among equal keys, lanes keep their order, which is the model's and the items'.
    units.sort(key=lambda u: (-u[0].gain, u[1], u[0].indicator.id))
    chosen: list[tuple[_Lane, int, Fraction]] = []
    gained = Fraction(0)
    for lane, to_level in units:
        if gained > need or (gained == need and not strict):
            break
        chosen.append((lane, to_level, Fraction(1)))
        gained += lane.gain
    return chosen


#: The most table updates the cheapest-plan search may make: a few seconds and a few hundred MB.
#: The table grows with the precision of the weights (its unit is the greatest common divisor of
#: the steps' gains): the bundled models need at most ~1.5 million; weights with four decimals
#: can need billions, and are refused with a message instead of running for minutes.
CHEAPEST_WORK_LIMIT = 20_000_000


def _cheapest(lanes: list[_Lane], need: Fraction, strict: bool, limits: Limits) -> list[tuple[_Lane, int, Fraction]]:
    """Exact minimum-cost plan by dynamic programming over integer gain units."""
    active = [ln for ln in lanes if ln.cap > ln.level]
    # Gains as integers: multiples of the gcd of all step gains.
    den = math.lcm(*(ln.gain.denominator for ln in active))
    nums = [ln.gain.numerator * (den // ln.gain.denominator) for ln in active]
    g = math.gcd(*nums)
    unit = Fraction(g, den)
    gains = [n // g for n in nums]
    target = need / unit
    n_units = math.floor(target) + 1 if strict else math.ceil(target)
    # Costs as integers too, with the number of steps as a tie-breaker in the low digits.
    step_costs = [[limits.step_cost(ln.indicator, lv + 1) for lv in range(ln.level, ln.cap)] for ln in active]
    work = sum(len(cs) for cs in step_costs) * (n_units + 1)
    if work > CHEAPEST_WORK_LIMIT:
        raise fail("--costs", "plan-too-fine", work=work, limit=CHEAPEST_WORK_LIMIT)
    cden = math.lcm(*(c.denominator for cs in step_costs for c in cs))
    max_steps = sum(len(cs) for cs in step_costs) + 1
    inf = float("inf")
    best: list[Any] = [0] + [inf] * n_units
    choices: list[list[int]] = []
    for gain, costs in zip(gains, step_costs):
        new = best[:]
        pick = [0] * (n_units + 1)
        cumulative = 0
        for k, c in enumerate(costs, start=1):
            cumulative += int(c * cden) * max_steps + 1
            shift = gain * k
            # best[u - shift], or best[0] where the step alone covers u: the row shifted once, not an
            # index worked out per cell (a quarter of the worst case of bench/run.py).
            lead = min(shift, n_units)
            shifted = [best[0]] * (lead + 1) + best[1 : n_units + 1 - lead]
            for u, before in enumerate(shifted):
                cand = before + cumulative
                if cand < new[u]:
                    new[u] = cand
                    pick[u] = k
        best = new
        choices.append(pick)
    # Walk back through the choices to recover the levels.
    chosen: list[tuple[_Lane, int, Fraction]] = []
    u = n_units
    for lane, gain, pick, costs in reversed(list(zip(active, gains, choices, step_costs))):
        k = pick[u]
        for step in range(k):
            chosen.append((lane, lane.level + step + 1, costs[step]))
        u = max(0, u - gain * k)
    return chosen


class PlannedFile(NamedTuple):
    """An answers file and the plan that takes it to a target."""

    scored: ScoredFile
    plan: Plan


def plan_file(
    path: str, model_ref: str | None, bar: Bar, costs: str | None = None, basis: Basis = DEFAULT_BASIS
) -> PlannedFile:
    """Score a complete answers file and plan the raises to ``bar`` (the cheapest, with ``costs``).

    ``basis`` chooses the levels planned from: the instansi's own, or (``--stage akhir``) the
    levels the assessors accepted, which is where a realistic plan starts.
    """
    answers = read_answers(path)
    if answers.hasil is not None:
        raise published_only(answers)  # a published result has no levels to raise
    scored = score_answers(answers, model_for_checked(answers, model_ref), advice="assess", basis=basis)
    limits = read_limits(costs, scored.model) if costs is not None else None
    return PlannedFile(scored, make_plan(scored.model, scored.score.levels, bar, limits))
