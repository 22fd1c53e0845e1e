"""One model in full (``spbe-calc models NAME``): what it encodes, how sure it is, and its rules.

A Diskominfo or an evaluator deciding whether to trust a number needs more than the list of
models: the regulation and its status, the evaluation years, how each year's predikat was
decided and why, every note, and every disputed number with what other sources say.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from spbe_calc.i18n import pick, t
from spbe_calc.model import Band, Model
from spbe_calc.numbers import decimal_text
from spbe_calc.render import Options, bar_text, exact_num, level_label, pct
from spbe_calc.render.safe import clean


def _years(start: int | None, end: int | None) -> str:
    if start is None:
        return "–"
    if end == start:
        return str(start)
    return f"{start}–{end}" if end else f"{start}–"


def _band(b: Band) -> str:
    """``Baik 2.6 – <3.5``: the edges as the regulation writes them."""
    lo = "" if b.min is None else ("" if b.min_inclusive else ">") + exact_num(b.min)
    hi = "" if b.max is None else ("" if b.max_inclusive else "<") + exact_num(b.max)
    return f"{b.name} {lo}–{hi}".strip()


#: Width of the labels of the first section, so that the values line up.
_LABEL = 16


def _wrap(label: str, text: str, width: int, hang: int | None = None) -> list[str]:
    """A labelled paragraph; continued under its text, or ``hang`` spaces in."""
    indent = " " * (len(label) if hang is None else hang)
    return textwrap.wrap(clean(text), width, initial_indent=label, subsequent_indent=indent) or [label]


def _field(key: str, text: str, width: int) -> list[str]:
    """One fact of the first section, its label padded so that the values line up."""
    return _wrap(t(key).strip().ljust(_LABEL - 1) + " ", text, width)


def _banding_rules(model: Model, w: int) -> list[str]:
    """The default banding, then each year's rule (an assumption marked as one)."""
    lines = _wrap("  ", t("mdl.banding.default", how=t(f"mdl.banding.{model.default_banding}")), w)
    for rule in model.banding_rules:
        text = f"{_years(rule.year_from, rule.year_to)}: {t(f'mdl.banding.{rule.banding}')}"
        if rule.assumed:
            text += f" ({t('mdl.banding.assumed')})"
        if rule.reason:
            text += f". {pick(rule.reason)}"
        if rule.source:
            text += f" ({t('mdl.source').strip()} {rule.source})"
        lines += _wrap("  ", text, w, hang=4)
    return lines


def render_text(model: Model, options: Options) -> str:
    """Every fact about a model, in sections."""
    w = options.width
    reg = model.regulation
    lines = [clean(f"{model.id} · {model.name}"), ""]
    lines += _field("mdl.regulation", f"{reg.short} — {reg.title}", w)
    if reg.source:
        lines += _field("mdl.source", reg.source, w)
    status = t(f"out.status.{reg.status}")
    lines += _field("mdl.status", status + (f" ({reg.confidence})" if reg.confidence else ""), w)
    lines += _field("mdl.years", _years(reg.year_from, reg.year_to), w)
    counts = t(
        "mdl.counts.value", domains=len(model.domains), aspects=len(model.aspects), indicators=len(model.indicators)
    )
    lines += _field("mdl.counts", counts, w)
    for scale in model.scales.values():
        levels = ", ".join(f"{lv.value} {level_label(lv)}" for lv in scale.levels)
        lines += _field("mdl.scale", f"{scale.name}: {levels}", w)
    lines += _field("mdl.predikat", " · ".join(_band(b) for b in model.bands), w)
    lines += ["", t("mdl.banding.title"), *_banding_rules(model, w)]
    lines += ["", t("mdl.structure")]
    for domain in model.domains:
        lines += _wrap("  ", f"D{domain.id} {domain.name} · {pct(domain.weight, model.total_weight)}", w)
        for a in domain.aspects:
            lines += _wrap(
                "    ",
                t("mdl.aspect", id=a.id, name=a.name, weight=pct(a.weight, model.total_weight), n=len(a.indicators)),
                w,
                6,
            )
    if not model.domains:
        for a in model.aspects:
            lines += _wrap(
                "  ",
                t("mdl.aspect", id=a.id, name=a.name, weight=pct(a.weight, model.total_weight), n=len(a.indicators)),
                w,
            )
    if model.notes:
        lines += ["", t("mdl.notes")]
        for n in model.notes:
            head = f"  [{t(f'mdl.kind.{n.kind}')}] {n.ref}: "
            text = pick(n.text)
            if n.value is not None:
                text += " " + t("mdl.disputed", value=bar_text(n.value))
                if n.alternatives:
                    text += " " + t("mdl.alternatives", values="; ".join(bar_text(v) for v in n.alternatives))
            lines += _wrap(head, text, w, hang=4)
    if model.warning:
        lines += [""] + _field("mdl.warning", pick(model.warning), w)
    return "\n".join(lines)


def render_json(model: Model, options: Options) -> str:
    """The model's facts as JSON: regulation, status, years, banding per year, notes, structure."""
    reg = model.regulation
    data: dict[str, Any] = {
        "id": model.id,
        "index": model.name,
        "regulation": {"short": reg.short, "title": reg.title, "source": reg.source, "confidence": reg.confidence},
        "status": reg.status,
        "years": [reg.year_from, reg.year_to],
        "warning": model.warning,
        "precision": model.precision,
        "banding": model.default_banding,
        "banding_by_year": [
            {
                "from": r.year_from,
                "to": r.year_to,
                "banding": r.banding,
                "assumed": r.assumed,
                "reason": r.reason,
                "source": r.source,
            }
            for r in model.banding_rules
        ],
        "predikat": [
            {
                "name": b.name,
                "min": None if b.min is None else decimal_text(b.min),
                "max": None if b.max is None else decimal_text(b.max),
                "min_inclusive": b.min_inclusive,
                "max_inclusive": b.max_inclusive,
            }
            for b in model.bands
        ],
        "scales": {
            s.id: {"name": s.name, "levels": [{"value": lv.value, "name": lv.name} for lv in s.levels]}
            for s in model.scales.values()
        },
        "notes": [
            {"ref": n.ref, "kind": n.kind, "text": n.text, "value": n.value, "alternatives": list(n.alternatives)}
            for n in model.notes
        ],
        "domains": [
            {"id": d.id, "name": d.name, "weight": decimal_text(d.weight), "aspects": [a.id for a in d.aspects]}
            for d in model.domains
        ],
        "aspects": [
            {
                "id": a.id,
                "name": a.name,
                "weight": decimal_text(a.weight),
                "domain": a.domain_id,
                "indicators": [
                    {
                        "id": i.id,
                        "name": i.name,
                        "weight": decimal_text(i.weight),
                        "scale": i.scale.id,
                        "items": list(i.items),
                    }
                    for i in a.indicators
                ],
            }
            for a in model.aspects
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
