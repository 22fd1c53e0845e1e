"""The evidence of an answers file: listed per indicator (text), as JSON, or as GitHub annotations."""

from __future__ import annotations

import json
from typing import Any

from spbe_calc.evidence import FAILED, EvidenceReport
from spbe_calc.i18n import t
from spbe_calc.render import Options
from spbe_calc.render.messages import format_problem, problem_json
from spbe_calc.render.problems import github
from spbe_calc.render.safe import clean
from spbe_calc.scoring import level_text

#: How each status is marked in the list (a mark that reads without colour); a failed one is ✗.
MARKS = {"ok": "✓", "unrecorded": "·", "url": "→", "text": "–", **dict.fromkeys(FAILED, "✗")}


def render_text(report: EvidenceReport, options: Options) -> str:
    """Each indicator with its documents and their state; then the problems and a count."""
    lines: list[str] = []
    current = None
    for item in report.items:
        if item.indicator != current:
            current = item.indicator
            level = report.levels.get(item.indicator)
            lines.append(t("ev.indicator", id=item.indicator, level=level_text(level)))  # type: ignore[arg-type]
        details = [t(f"ev.status.{item.status}")]
        details += [x for x in (item.nomor, item.tanggal) if x]
        lines.append(f"  {MARKS[item.status]} {clean(item.label)}  ({clean(', '.join(details))})")
    if not report.items:
        lines.append(t("ev.none"))
    for p in sorted(report.problems, key=lambda p: (p.line, p.col)):
        lines.append(format_problem(p, options.color))
    files = sum(i.kind == "file" for i in report.items)
    lines.append(
        t(
            "ev.summary",
            entries=t("n.entries", count=len(report.items)),
            files=t("n.local-files", count=files),
            errors=t("n.errors", count=report.errors()),
            warnings=t("n.warnings", count=report.warnings()),
            recorded=report.recorded,
        )
    )
    return "\n".join(lines)


def render_json(report: EvidenceReport, options: Options) -> str:
    """``{file, recorded, items: [...], problems: [...]}``."""
    data: dict[str, Any] = {
        "file": report.path,
        "recorded": report.recorded,
        "items": [
            {
                "indicator": i.indicator,
                "kind": i.kind,
                "label": i.label,
                "status": i.status,
                "line": i.line,
                "column": i.col,
                "path": i.resolved,
                "sha256": i.sha256,
                "nomor": i.nomor,
                "tanggal": i.tanggal,
            }
            for i in report.items
        ],
        "problems": [problem_json(p) for p in sorted(report.problems, key=lambda p: (p.line, p.col))],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_github(report: EvidenceReport, options: Options) -> str:
    """One GitHub Actions annotation per problem."""
    return github(list(report.problems))
