"""What a report contains: the score, an optional earlier score, and the plan to the next predikat.

The renderers (:mod:`spbe_calc.render.report_html`, :mod:`spbe_calc.render.report_md`) only lay
this out; all figures come from here and from the scoring core.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from spbe_calc.answers import Answer
from spbe_calc.bars import Bar
from spbe_calc.compare import Comparison, compare
from spbe_calc.core import ScoredFile
from spbe_calc.i18n import t
from spbe_calc.model import Band
from spbe_calc.plan import Plan, make_plan


@dataclass(frozen=True)
class Report:
    """The content of one report."""

    current: ScoredFile
    previous: ScoredFile | None
    comparison: Comparison | None
    next_band: Band | None
    plan: Plan | None
    generated: datetime.date


def explanation(answer: Answer | None) -> list[tuple[str, str]]:
    """An answer's fakta, analisis and bukti as (label, text) pairs, for both report formats."""
    if answer is None:
        return []
    pairs = [(t("rep.fakta"), answer.fakta), (t("rep.analisis"), answer.analisis),
             (t("rep.bukti"), "; ".join(answer.bukti) if answer.bukti else None)]
    return [(label, text) for label, text in pairs if text]


def next_band(current: ScoredFile) -> Band | None:
    """The predikat just above the current one, or ``None`` at the top."""
    ordered = current.model.bands_ascending()
    rank = ordered.index(current.score.band)
    return ordered[rank + 1] if rank + 1 < len(ordered) else None


def build_report(current: ScoredFile, previous: ScoredFile | None = None,
                 today: datetime.date | None = None) -> Report:
    """Assemble a report; the plan aims at the next predikat with the fewest raises."""
    band = next_band(current)
    plan = None
    if band is not None:
        levels = {i.indicator.id: i.level for i in current.score.indicators}
        plan = make_plan(current.model, levels, Bar(band.name, predikat=band.name))
    comparison = compare([previous, current]) if previous is not None else None
    return Report(current, previous, comparison, band, plan, today or datetime.date.today())
