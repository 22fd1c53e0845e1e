"""The list of bundled models (``spbe-calc models``) as a table or JSON."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from spbe_calc.i18n import pick, t

if TYPE_CHECKING:
    from spbe_calc.core import ModelInfo


def _years(info: ModelInfo) -> str:
    years = info.model.regulation.get("years") or {}
    start, end = years.get("from"), years.get("to")
    if start is None:
        return ""
    return f"{start}–{end}" if end else f"{start}–"


def _counts(info: ModelInfo) -> tuple[int, int, int]:
    m = info.model
    return len(m.domains), len(m.aspects), len(m.indicators)


def render_text(infos: list[ModelInfo], color: bool = False, width: int = 80) -> str:
    """A table: name, regulation, evaluation years, status, counts."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, caption=t("out.models.caption"),
                  caption_justify="left")
    for key in ("out.col.name", "out.col.regulation", "out.col.years", "out.col.status", "out.col.counts"):
        table.add_column(t(key), no_wrap=True)
    for info in infos:
        status = info.model.regulation.get("status", "official")
        name = info.name + (" *" if info.default else "")
        d, a, i = _counts(info)
        table.add_row(name, info.model.regulation.get("short", ""), _years(info),
                      t(f"out.status.{status}"), f"{d or '-'}/{a}/{i}",
                      style="yellow" if status != "official" else "")
    console.print(table)
    return buffer.getvalue().rstrip("\n")


def render_json(infos: list[ModelInfo]) -> str:
    """One object per model."""
    data: list[dict[str, Any]] = []
    for info in infos:
        m = info.model
        years = m.regulation.get("years") or {}
        d, a, i = _counts(info)
        data.append({
            "name": info.name, "default": info.default, "id": m.id, "index": m.name,
            "regulation": m.regulation.get("short"), "title": m.regulation.get("title"),
            "status": m.regulation.get("status", "official"), "years": [years.get("from"), years.get("to")],
            "domains": d, "aspects": a, "indicators": i, "levels": [m.level_min, m.level_max],
            "warning": pick(m.warning) if m.warning else None,
        })
    return json.dumps(data, ensure_ascii=False, indent=2)
