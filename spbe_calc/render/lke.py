"""The LKE workbook (``export``): as xlsx with live formulas, or its rows as CSV (:mod:`spbe_calc.lke.write`)."""

from __future__ import annotations

from spbe_calc.core import ScoredFile
from spbe_calc.lke.write import write_csv, write_xlsx
from spbe_calc.render import Options


def render_xlsx(scored: ScoredFile, options: Options) -> bytes:
    """The workbook, with the level columns of the stage it was scored at."""
    return write_xlsx(scored, scored.stage)


def render_csv(scored: ScoredFile, options: Options) -> str:
    """The workbook's rows as CSV."""
    return write_csv(scored)
