"""The result of ``merge``: the conflicts left and those ``--prefer`` settled (text and JSON)."""

from __future__ import annotations

import json
from typing import Any

from spbe_calc.answers import bukti_label
from spbe_calc.answers.read import Published
from spbe_calc.i18n import t
from spbe_calc.merge import Conflict, Merged, Value
from spbe_calc.numbers import exact_str
from spbe_calc.render import Options
from spbe_calc.render.safe import clean
from spbe_calc.scoring import level_text


def _shown(field: str, value: Any) -> str:
    """A value as one short line: a level as written, texts on one line and cut."""
    if field == "level" or field.startswith("tahap."):
        return level_text(value)
    if isinstance(value, Published):
        text = f"{exact_str(value.value)} {value.predikat}"
    elif field == "bukti":
        text = "; ".join(bukti_label(b) for b in value)
    elif field == "laporan.penandatangan":
        text = "; ".join(f"{s.jabatan}: {s.nama}" for s in value)
    else:
        text = str(value)
    one = clean(" ".join(text.split()))
    return one if len(one) <= 60 else one[:59] + "…"


def _where(v: Value) -> str:
    return f"{clean(v.path)}:{v.line}:{v.col}" if v.line else clean(v.path)


def _heading(c: Conflict) -> str:
    field = t(f"out.merge.field.{c.field}")
    if c.indicator is None:
        return t("out.merge.file-conflict", field=field)
    return t("out.merge.conflict", id=c.indicator, field=field)


def render_text(result: Merged, options: Options) -> str:
    """One block per conflict (its values and their places), then what ``--prefer`` settled."""
    lines: list[str] = []
    for c in result.conflicts:
        lines.append(_heading(c))
        lines += [f"    {_where(v)}: {_shown(c.field, v.value)}" for v in c.values]
    if result.settled:
        lines.append(t("out.merge.settled", count=len(result.settled)))
        for s in result.settled:
            field, file = t(f"out.merge.field.{s.conflict.field}"), clean(s.chosen.path)
            if s.conflict.indicator is None:
                lines.append("    " + t("out.merge.settled-file", field=field, file=file))
            else:
                lines.append("    " + t("out.merge.settled-item", id=s.conflict.indicator, field=field, file=file))
            lines.append(f"        {_shown(s.conflict.field, s.chosen.value)}")
    return "\n".join(lines)


def _json_value(value: Any) -> Any:
    """A value as JSON: documents and signers as objects, a published result with its numbers."""
    if isinstance(value, Published):
        return {
            "indeks": exact_str(value.value),
            "predikat": value.predikat,
            "domains": {str(k): exact_str(v) for k, v in value.domains.items()},
            "aspects": {str(k): exact_str(v) for k, v in value.aspects.items()},
            "sumber": value.source,
        }
    if isinstance(value, tuple):  # levels per item, bukti (words or documents), signers
        return [b if isinstance(b, (str, int)) or b is None else _fields(b) for b in value]
    return value


def _fields(record: Any) -> dict[str, Any]:
    return {k: v for k, v in record._asdict().items() if v is not None}


def _json_values(values: tuple[Value, ...]) -> list[dict[str, Any]]:
    return [{"file": v.path, "line": v.line, "column": v.col, "value": _json_value(v.value)} for v in values]


def render_json(result: Merged, options: Options) -> str:
    """``{written, output, files, indicators, conflicts: [...], settled: [...]}``."""
    data = {
        "written": result.written,
        "output": result.output,
        "files": result.sources,
        "indicators": len(result.answers.answers),
        "conflicts": [
            {"indicator": c.indicator, "field": c.field, "values": _json_values(c.values)} for c in result.conflicts
        ],
        "settled": [
            {
                "indicator": s.conflict.indicator,
                "field": s.conflict.field,
                "chosen": _json_values((s.chosen,))[0],
                "values": _json_values(s.conflict.values),
            }
            for s in result.settled
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
