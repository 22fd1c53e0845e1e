"""The result of ``merge``: the conflicts left (text and JSON)."""

from __future__ import annotations

import json
from typing import Any

from spbe_calc.answers import bukti_label
from spbe_calc.i18n import t
from spbe_calc.merge import Merged, Value
from spbe_calc.render import Options
from spbe_calc.render.safe import clean
from spbe_calc.scoring import level_text


def _shown(field: str, value: Any) -> str:
    """A value as one short line: a level as written, texts on one line and cut."""
    if field == "level":
        return level_text(value)
    text = "; ".join(bukti_label(b) for b in value) if field == "bukti" else str(value)
    one = clean(" ".join(text.split()))
    return one if len(one) <= 60 else one[:59] + "…"


def _where(v: Value) -> str:
    return f"{clean(v.path)}:{v.line}:{v.col}" if v.line else clean(v.path)


def render_text(result: Merged, options: Options) -> str:
    """One block per conflict: the indicator and field, then each file's value and position."""
    lines: list[str] = []
    for c in result.conflicts:
        lines.append(t("out.merge.conflict", id=c.indicator, field=t(f"out.merge.field.{c.field}")))
        lines += [f"    {_where(v)}: {_shown(c.field, v.value)}" for v in c.values]
    return "\n".join(lines)


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):  # bukti: words, or a described document as an object
        return [b if isinstance(b, str) else {k: v for k, v in b._asdict().items() if v is not None} for b in value]
    return value


def render_json(result: Merged, options: Options) -> str:
    """``{written, output, indicators, conflicts: [{indicator, field, values: [...]}]}``."""
    data = {
        "written": result.written,
        "output": result.output,
        "files": result.sources,
        "indicators": len(result.answers.answers),
        "conflicts": [
            {
                "indicator": c.indicator,
                "field": c.field,
                "values": [
                    {"file": v.path, "line": v.line, "column": v.col, "value": _json_value(v.value)} for v in c.values
                ],
            }
            for c in result.conflicts
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
