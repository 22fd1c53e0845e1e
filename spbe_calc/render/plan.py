"""Plans as text (a table of steps) and as JSON."""

from __future__ import annotations

import io
import json
from typing import Any

from spbe_calc.i18n import t
from spbe_calc.plan import Plan, Step
from spbe_calc.scoring import exact_str, round_half_up


def _num(value: Any, places: int) -> str:
    return str(round_half_up(value, places))


def _cost(value: Any) -> str:
    return exact_str(value)


def _step_name(step: Step) -> str:
    if step.item is None:
        return step.indicator.name
    return f"{step.indicator.name} · {step.indicator.items[step.item]}"


def headline(plan: Plan, who: str) -> str:
    """One sentence that answers the question."""
    p = plan.model.precision
    before = f"{_num(plan.index_before, p)} ({plan.band_before.name})"
    target = plan.bar.text
    if plan.already_met:
        return t("plan.already", who=who, before=before, target=target)
    if not plan.reachable:
        return t("plan.unreachable", who=who, before=before, target=target, best=_num(plan.max_index, p))
    after = f"{_num(plan.index_after, p)} ({plan.band_after.name})"
    if plan.costed:
        return t("plan.cheapest", who=who, before=before, target=target, count=len(plan.steps),
                 cost=_cost(plan.total_cost), after=after)
    return t("plan.fewest", who=who, before=before, target=target, count=len(plan.steps), after=after)


def render_text(plan: Plan, who: str, color: bool = False, width: int = 80) -> str:
    """The headline, then one row per step."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(Text(headline(plan, who), style="bold"))
    if plan.steps:
        p = plan.model.precision
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(t("out.col.indicator"), ratio=1)
        table.add_column(t("plan.col.step"), no_wrap=True, justify="center")
        if plan.costed:
            table.add_column(t("plan.col.cost"), justify="right", no_wrap=True)
        table.add_column(t("plan.col.after"), justify="right", no_wrap=True)
        table.add_column("", no_wrap=True)
        for n, step in enumerate(plan.steps, start=1):
            note = []
            if step.enters_band:
                note.append(f"→ {step.band_after.name}")
            if step.reaches_target and plan.bar.number is not None:
                note.append(t("plan.target-reached"))
            row: list[Any] = [str(n), f"{step.indicator.id}. {_step_name(step)}", f"{step.from_level}→{step.to_level}"]
            if plan.costed:
                row.append(_cost(step.cost))
            row += [_num(step.index_after, p), Text(" ".join(note), style="bold green" if note else "")]
            table.add_row(*row)
        console.print(table)
    if plan.already_met or not plan.steps:
        pass
    elif plan.costed:
        console.print(Text(t("plan.note.cheapest"), style="dim"))
    else:
        console.print(Text(t("plan.note.fewest"), style="dim"))
    return buffer.getvalue().rstrip("\n")


def to_dict(plan: Plan, path: str) -> dict[str, Any]:
    """The JSON object of a plan (documented in the README)."""
    p = plan.model.precision

    def num(value: Any) -> float:
        return float(round_half_up(value, p))

    return {
        "file": path,
        "model": plan.model.id,
        "target": plan.bar.text,
        "target_index_exact": exact_str(plan.threshold) if plan.threshold >= 0 else None,
        "target_strict": plan.strict,
        "reachable": plan.reachable,
        "already_met": plan.already_met,
        "index_before": num(plan.index_before),
        "index_before_exact": exact_str(plan.index_before),
        "predikat_before": plan.band_before.name,
        "index_after": num(plan.index_after),
        "index_after_exact": exact_str(plan.index_after),
        "predikat_after": plan.band_after.name,
        "max_index": num(plan.max_index),
        "costed": plan.costed,
        "total_cost": float(plan.total_cost) if plan.total_cost.denominator != 1 else int(plan.total_cost),
        "steps": [
            {
                "indicator": s.indicator.id,
                "name": s.indicator.name,
                "item": s.item,
                "from": s.from_level,
                "to": s.to_level,
                "cost": float(s.cost) if s.cost.denominator != 1 else int(s.cost),
                "index_after": num(s.index_after),
                "index_after_exact": exact_str(s.index_after),
                "predikat_after": s.band_after.name,
                "enters_band": s.enters_band,
                "reaches_target": s.reaches_target,
            }
            for s in plan.steps
        ],
    }


def render_json(plan: Plan, path: str) -> str:
    """The plan as indented JSON."""
    return json.dumps(to_dict(plan, path), ensure_ascii=False, indent=2)
