"""Calibration (``spbe-calc calibrate``) as a text table and as JSON."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from rich.text import Text

from spbe_calc.calibrate import Calibration, Gap, YearCalibration
from spbe_calc.i18n import t
from spbe_calc.numbers import exact_str, round_half_up
from spbe_calc.render import Options, json_num, num, signed, stage_name, status_note, title
from spbe_calc.render.richtext import (
    BOLD,
    CYAN,
    DIM,
    GREEN,
    NUMBER,
    RED,
    SHORT,
    grid,
    listing,
    status_lines,
    to_text,
)
from spbe_calc.render.safe import clean
from spbe_calc.scoring import level_text


def shown_gap(own: Fraction, final: Fraction, places: int) -> str:
    """The gap between two values as they are printed: the difference of the rounded values.

    Rounded separately, 2,354 and 2,125 print as 2,35 and 2,13; their exact gap 0,229 would print
    as 0,23 while the numbers beside it differ by 0,22. The printed gap is always the difference
    of the printed numbers (JSON keeps the exact gap).
    """
    return signed(Fraction(round_half_up(own, places)) - Fraction(round_half_up(final, places)), places)


def _tone(gap: Fraction) -> str:
    """Over-claimed in red (the assessor gave less), under-claimed in cyan."""
    return "" if not gap else (RED if gap > 0 else CYAN)


def _year(y: YearCalibration) -> list[Any]:
    places = y.own.model.precision
    head = t(
        "cal.year",
        who=title(y.own.answers),
        own=num(y.own.score.value, places),
        own_band=y.own.score.band.name,
        final=num(y.final.score.value, places),
        final_band=y.final.score.band.name,
        gap=shown_gap(y.own.score.value, y.final.score.value, places),
    )
    out: list[Any] = [Text(clean(head), style=BOLD)]
    if y.final.stage_sources:  # where the final levels come from (an earlier stage when akhir has none)
        counts = ", ".join(f"{stage_name(st)} {n}" for st, n in y.final.stage_sources)
        out.append(Text(t("cal.sources", counts=counts), style=DIM))
    table = grid()
    table.add_column(t("out.col.code"), **SHORT)
    table.add_column(t("out.col.item"))
    for key in ("cal.col.self", "cal.col.final", "cal.col.gap"):
        table.add_column(t(key), **NUMBER)
    aspects = {g.code: g for g in y.aspects}
    rows: list[tuple[Gap, str]] = []
    for domain in y.own.model.domains:
        rows += [(g, BOLD) for g in y.domains if g.code == f"D{domain.id}"]
        rows += [(aspects[f"A{a.id}"], "") for a in domain.aspects]
    if not y.own.model.domains:
        rows = [(g, "") for g in y.aspects]
    for g, style in rows:
        table.add_row(
            Text(g.code, style=style),
            Text(clean(g.name), style=style),
            num(g.self, places),
            num(g.final, places),
            Text(shown_gap(g.self, g.final, places), style=_tone(g.gap)),
        )
    out.append(table)
    changed = [g for g in y.indicators if g.gap]
    if changed:
        out.append(Text(t("cal.indicators", count=len(changed), over=sum(g.gap > 0 for g in changed)), style=BOLD))
        sub = listing()
        sub.add_column(**NUMBER)
        sub.add_column()
        sub.add_column(**SHORT)
        for g in sorted(changed, key=lambda g: (-g.gap, int(g.code))):
            # A changed indicator has both levels; the record leaves them empty for aspects only.
            levels = "→".join(level_text(lv) for lv in (g.self_level, g.final_level) if lv is not None)
            sub.add_row(g.code, clean(g.name), Text(levels, style=_tone(g.gap)))
        out.append(sub)
    else:
        out.append(Text(t("cal.no-gap"), style=GREEN))
    return out


def render_text(c: Calibration, options: Options) -> str:
    """Each year: index, domains and aspects self-assessed and final, and the indicators that moved."""
    out: list[Any] = []
    for y in c.years:
        out += [*_year(y), Text("")]
    if len(c.years) > 1:
        if c.repeated:
            out.append(Text(t("cal.repeated", count=len(c.repeated)), style=BOLD))
            sub = listing()
            sub.add_column(**NUMBER)
            sub.add_column()
            sub.add_column()
            for r in c.repeated:
                years = ", ".join(f"{year or '?'}: {level_text(a)}→{level_text(b)}" for year, a, b in r.years)
                sub.add_row(str(r.id), clean(r.name), Text(years, style=RED))
            out.append(sub)
        else:
            out.append(Text(t("cal.repeated.none"), style=GREEN))
    else:
        out.pop()  # no trailing blank line
    out += status_lines(y.own.model for y in c.years)
    return to_text(options, *out)


def _gap(g: Gap, places: int) -> dict[str, Any]:
    return {
        "id": g.code,
        "name": g.name,
        "self": json_num(g.self, places),
        "final": json_num(g.final, places),
        "gap": json_num(g.gap, places),
        "gap_exact": exact_str(g.gap),
    }


def render_json(c: Calibration, options: Options) -> str:
    """Per year: ``index_self``, ``index_final``, ``gap``, groups and an ``indicators`` list."""
    years = []
    for y in c.years:
        places = y.own.model.precision
        years.append(
            {
                "file": y.own.path,
                "instansi": y.own.answers.instansi,
                "tahun": y.own.answers.tahun,
                "model": y.own.model.id,
                "model_status": y.own.model.regulation.status,
                "model_warning": status_note(y.own.model),
                "index_self": json_num(y.own.score.value, places),
                "index_self_exact": exact_str(y.own.score.value),
                "predikat_self": y.own.score.band.name,
                "index_final": json_num(y.final.score.value, places),
                "index_final_exact": exact_str(y.final.score.value),
                "predikat_final": y.final.score.band.name,
                "gap": json_num(y.gap, places),
                "gap_exact": exact_str(y.gap),
                "domains": [_gap(g, places) for g in y.domains],
                "aspects": [_gap(g, places) for g in y.aspects],
                "indicators": [
                    {
                        "id": int(g.code),
                        "self": g.self_level,  # items' levels as a list: JSON writes a tuple so
                        "final": g.final_level,
                        "gap": json_num(g.gap),
                    }
                    for g in y.indicators
                ],
            }
        )
    data = {
        "years": years,
        "repeated_overclaims": [
            {
                "model": r.model,
                "id": r.id,
                "name": r.name,
                "years": [{"tahun": year, "self": a, "final": b} for year, a, b in r.years],
            }
            for r in c.repeated
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
