"""The report as PDF: the HTML page (:mod:`spbe_calc.render.report_html`) printed by a headless browser."""

from __future__ import annotations

from pathlib import Path

from spbe_calc.pdf import print_pdf
from spbe_calc.render import Options
from spbe_calc.render.report_html import page
from spbe_calc.render.safe import guard
from spbe_calc.report import Report


def render_pdf(report: Report, options: Options) -> bytes:
    """The printed page, as PDF bytes.

    The page is printed from the report's folder (``links_from``), so that links to local
    evidence resolve as they do in the HTML; it is made safe to show first, as every output is.
    """
    folder = Path(report.links_from or ".")
    return print_pdf(guard(page(report)), folder)
