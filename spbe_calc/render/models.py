"""The list of bundled models (``spbe-calc models``) as a table or JSON."""

from __future__ import annotations

import json
from typing import Any

from spbe_calc.core import ModelInfo
from spbe_calc.i18n import t
from spbe_calc.render import Options, warning, wrap
from spbe_calc.render.plaintable import Column, PlainTable, paint


def _years(info: ModelInfo) -> str:
    start, end = info.model.regulation.year_from, info.model.regulation.year_to
    if start is None:
        return ""
    return f"{start}–{end}" if end else f"{start}–"


def _counts(info: ModelInfo) -> tuple[int, int, int]:
    m = info.model
    return len(m.domains), len(m.aspects), len(m.indicators)


def render_text(infos: list[ModelInfo], options: Options) -> str:
    """A table (name, regulation, evaluation years, status, counts), then what its marks mean.

    The plain table, not rich's: on a narrow terminal its rows become blocks, where rich would
    cut every name to fit ("spbe-…").
    """
    keys = ("out.col.name", "out.col.regulation", "out.col.years", "out.col.status", "out.col.counts")
    table = PlainTable([Column(header=t(key), wrap=key == "out.col.regulation") for key in keys])
    for info in infos:
        status = info.model.regulation.status
        style = "yellow" if status != "official" else ""
        d, a, i = _counts(info)
        cells = (
            info.name + (" *" if info.default else ""),
            info.model.regulation.short,
            _years(info),
            t(f"out.status.{status}"),
            f"{d or '-'}/{a}/{i}",
        )
        table.add(*((cell, style) for cell in cells))
    caption = [paint(line, "dim", options.color) for line in wrap(t("out.models.caption"), options.width)]
    return "\n".join([table.render(options.width, options.color), *caption])


def render_json(infos: list[ModelInfo], options: Options) -> str:
    """One object per model."""
    data: list[dict[str, Any]] = []
    for info in infos:
        m = info.model
        d, a, i = _counts(info)
        data.append(
            {
                "name": info.name,
                "default": info.default,
                "id": m.id,
                "index": m.name,
                "regulation": m.regulation.short,
                "title": m.regulation.title,
                "status": m.regulation.status,
                "years": [m.regulation.year_from, m.regulation.year_to],
                "domains": d,
                "aspects": a,
                "indicators": i,
                "levels": [m.level_min, m.level_max],
                "warning": warning(m),
            }
        )
    return json.dumps(data, ensure_ascii=False, indent=2)
