"""What a report contains: the score, an optional earlier score, and the plan to the next predikat.

The renderers (:mod:`spbe_calc.render.report_html`, :mod:`spbe_calc.render.report_md`) lay
this out in words; all figures come from here and from the scoring core.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from spbe_calc.bars import Bar
from spbe_calc.compare import Comparison, compare
from spbe_calc.core import DEFAULT_BASIS, Basis, ScoredFile, score_file
from spbe_calc.errors import fail
from spbe_calc.evidence import EvidenceReport, check_evidence
from spbe_calc.model import Band
from spbe_calc.plan import Plan, make_plan


class Report(NamedTuple):
    """The content of one report."""

    current: ScoredFile
    previous: ScoredFile | None
    comparison: Comparison | None
    next_band: Band | None
    plan: Plan | None
    generated: datetime.date
    #: the checked evidence (documents linked and marked in the HTML report)
    evidence: EvidenceReport | None = None
    #: the folder the report is written to: links to local documents start from there
    links_from: str | None = None


def next_band(current: ScoredFile) -> Band | None:
    """The predikat just above the current one, or ``None`` at the top."""
    ordered = current.model.bands_ascending()
    rank = ordered.index(current.score.band)
    return ordered[rank + 1] if rank + 1 < len(ordered) else None


def build_report(current: ScoredFile, previous: ScoredFile | None = None, today: datetime.date | None = None) -> Report:
    """Assemble a report; the plan aims at the next predikat with the fewest raises."""
    band = next_band(current)
    plan = None
    if band is not None:
        plan = make_plan(current.model, current.score.levels(), Bar(band.name, predikat=band.name))
    comparison = compare([previous, current]) if previous is not None else None
    return Report(current, previous, comparison, band, plan, today or datetime.date.today())


def report_for(
    path: str,
    previous: str | None = None,
    model_ref: str | None = None,
    partial: bool = False,
    output: str | None = None,
    basis: Basis = DEFAULT_BASIS,
) -> Report:
    """Score an answers file (and the earlier one it is compared with) and assemble the report.

    The evidence is checked too, so that the report can link each local document (relative to
    ``output``'s folder) and mark the ones that are missing or changed.
    """
    current = score_file(path, model_ref, partial, None, basis)
    if current.published is not None:
        raise fail(path, "published-only")  # a report explains levels; a published result has none
    # The earlier file may be a published result (its index and predikat are what the report needs).
    before = score_file(previous, None, partial, None, basis) if previous else None
    evidence = check_evidence(path, model_ref)
    folder = str(Path(output).parent) if output else None
    return build_report(current, before)._replace(evidence=evidence, links_from=folder)
