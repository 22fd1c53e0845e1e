"""Plans as text (a table of steps) and as JSON."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text

from spbe_calc.i18n import t
from spbe_calc.numbers import exact_str
from spbe_calc.plan import Plan, PlannedFile, Step
from spbe_calc.render import Options, bar_text, basis_line, cost_text, json_num, num, status_note
from spbe_calc.render.richtext import (
    BOLD,
    DIM,
    GREEN,
    NUMBER,
    SHORT,
    STEP,
    grid,
    status_lines,
    to_text,
)
from spbe_calc.render.safe import clean


def who(result: PlannedFile) -> str:
    """The agency and year the plan is for (the file name when the agency is not named)."""
    answers = result.scored.answers
    text = clean(answers.instansi or result.scored.path)
    return f"{text} ({answers.tahun})" if answers.tahun else text


def _step_name(step: Step) -> str:
    if step.item is None:
        return clean(step.indicator.name)
    return clean(f"{step.indicator.name} · {step.indicator.items[step.item]}")


def headline(plan: Plan, who: str) -> str:
    """One sentence that answers the question."""
    p = plan.model.precision
    before = f"{num(plan.index_before, p)} ({clean(plan.band_before.name)})"
    target = bar_text(plan.bar.text)
    if plan.already_met:
        return t("plan.already", who=who, before=before, target=target)
    if not plan.reachable:
        return t("plan.unreachable", who=who, before=before, target=target, best=num(plan.max_index, p))
    after = f"{num(plan.index_after, p)} ({clean(plan.band_after.name)})"
    if plan.costed:
        return t(
            "plan.cheapest",
            who=who,
            before=before,
            target=target,
            count=len(plan.steps),
            cost=cost_text(plan.total_cost),
            after=after,
        )
    return t("plan.fewest", who=who, before=before, target=target, count=len(plan.steps), after=after)


def render_text(result: PlannedFile, options: Options) -> str:
    """The headline, then one row per step."""
    plan = result.plan
    out: list[Any] = [Text(headline(plan, who(result)), style=BOLD)]
    if plan.steps:
        p = plan.model.precision
        table = grid()
        table.add_column("#", **NUMBER)
        table.add_column(t("out.col.indicator"))
        table.add_column(t("plan.col.step"), **STEP)
        if plan.costed:
            table.add_column(t("plan.col.cost"), **NUMBER)
        table.add_column(t("plan.col.after"), **NUMBER)
        table.add_column("", **SHORT)
        for n, step in enumerate(plan.steps, start=1):
            note = []
            if step.enters_band:
                note.append(f"→ {clean(step.band_after.name)}")
            if step.reaches_target and plan.bar.number is not None:
                note.append(t("plan.target-reached"))
            row: list[Any] = [str(n), f"{step.indicator.id}. {_step_name(step)}", f"{step.from_level}→{step.to_level}"]
            if plan.costed:
                row.append(cost_text(step.cost))
            row += [num(step.index_after, p), Text(" ".join(note), style=BOLD + " " + GREEN if note else "")]
            table.add_row(*row)
        out.append(table)
        out.append(Text(t("plan.note.cheapest" if plan.costed else "plan.note.fewest"), style=DIM))
    out.append(Text(basis_line(result.scored.stage, plan.model, result.scored.stage_sources), style=DIM))
    out += status_lines([plan.model])
    return to_text(options, *out)


def to_dict(result: PlannedFile) -> dict[str, Any]:
    """The JSON object of a plan (documented in docs/referensi/keluaran.md)."""
    plan = result.plan
    p = plan.model.precision
    return {
        "file": result.scored.path,
        "model": plan.model.id,
        "model_status": plan.model.regulation.status,
        "model_warning": status_note(plan.model),
        "stage": result.scored.stage,
        "banding": plan.model.banding,
        "target": plan.bar.text,
        "target_index_exact": exact_str(plan.threshold) if plan.threshold >= 0 else None,
        "target_strict": plan.strict,
        "reachable": plan.reachable,
        "already_met": plan.already_met,
        "index_before": json_num(plan.index_before, p),
        "index_before_exact": exact_str(plan.index_before),
        "predikat_before": plan.band_before.name,
        "index_after": json_num(plan.index_after, p),
        "index_after_exact": exact_str(plan.index_after),
        "predikat_after": plan.band_after.name,
        "max_index": json_num(plan.max_index, p),
        "costed": plan.costed,
        "total_cost": json_num(plan.total_cost),
        "steps": [
            {
                "indicator": s.indicator.id,
                "name": s.indicator.name,
                "item": s.item,
                "from": s.from_level,
                "to": s.to_level,
                "cost": json_num(s.cost),
                "index_after": json_num(s.index_after, p),
                "index_after_exact": exact_str(s.index_after),
                "predikat_after": s.band_after.name,
                "enters_band": s.enters_band,
                "reaches_target": s.reaches_target,
            }
            for s in plan.steps
        ],
    }


def render_json(result: PlannedFile, options: Options) -> str:
    """The plan as indented JSON."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2)
