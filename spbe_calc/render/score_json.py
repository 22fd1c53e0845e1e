"""Score results as JSON (one object, or an array for several files) and JSON Lines.

Every value is given twice where it matters: ``index`` is the displayed number (rounded
half-up to the model's precision) and ``index_exact`` a string with the full exact value, so a
spreadsheet and an auditor can each use the one they need.
"""

from __future__ import annotations

import json
from typing import Any

from spbe_calc.answers import compact_ids
from spbe_calc.batch import ScoreBatch
from spbe_calc.core import ScoredFile
from spbe_calc.errors import SpbeError
from spbe_calc.numbers import exact_str
from spbe_calc.render import Options, json_num, status_note
from spbe_calc.render.messages import problem_json
from spbe_calc.scoring import GroupScore, Score, bands_by_rule


def _group(g: GroupScore, places: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": g.id,
        "name": g.name,
        "weight": json_num(g.weight),
        "index": json_num(g.value, places),
        "index_exact": exact_str(g.value),
        "predikat": g.band.name,
    }
    if g.kind == "aspect":
        out["domain"] = g.parent
    return out


def _rule(f: ScoredFile) -> dict[str, Any] | None:
    """The per-year banding rule that applied, as data (its reason in both languages)."""
    rule = f.model.banding_rule
    if rule is None:
        return None
    return {
        "from": rule.year_from,
        "to": rule.year_to,
        "assumed": rule.assumed,
        "reason": rule.reason,
        "source": rule.source,
    }


def to_dict(f: ScoredFile, detail: bool) -> dict[str, Any]:
    """The JSON object of one scored file (documented in docs/referensi/keluaran.md)."""
    s: Score = f.score
    model = f.model
    places = model.precision
    exact_band, rounded_band = bands_by_rule(model, s.value)
    out: dict[str, Any] = {
        "file": f.path,
        "instansi": f.answers.instansi,
        "tahun": f.answers.tahun,
        "model": model.id,
        "model_status": model.regulation.status,
        # What a model that is not official says of its numbers (None for an official model).
        "model_warning": status_note(model) if f.published is None else None,
        "regulation": model.regulation.short,
        "stage": f.stage,
        # At an assessors' stage: how many indicators took their level from each stage.
        "stage_sources": dict(f.stage_sources),
        "published": f.published is not None,
        "index": json_num(s.value, places),
        "index_exact": exact_str(s.value),
        "predikat": s.band.name,
        "banding": model.banding,
        # Why this banding: the model's default, the rule for the file's year, or --banding.
        "banding_basis": model.banding_basis,
        "banding_rule": _rule(f),
        # The predikat under each rule; they differ only near a band edge (Nias Barat 2023/2024).
        "predikat_by_banding": None
        if f.published is not None
        else {"exact": exact_band.name, "rounded": rounded_band.name},
        "complete": not f.missing,
        "domains": [_group(g, places) for g in s.domains],
        "aspects": [_group(g, places) for g in s.aspects],
    }
    if f.published is not None:
        out["source"] = f.published.source
    if f.score_high is not None:  # something is missing
        out["missing"] = list(f.missing)
        out["missing_text"] = compact_ids(list(f.missing))
        out["index_high"] = json_num(f.score_high.value, places)
        out["index_high_exact"] = exact_str(f.score_high.value)
        out["predikat_high"] = f.score_high.band.name
    if detail:
        out["indicators"] = [
            {
                "id": i.indicator.id,
                "name": i.indicator.name,
                "aspect": i.indicator.aspect_id,
                "weight": json_num(i.indicator.weight),
                "level": None if i.indicator.id in f.missing else i.level,
                "contribution": json_num(i.contribution, 4),
                "contribution_exact": exact_str(i.contribution),
            }
            for i in s.indicators
        ]
    return out


def error_dict(failure: SpbeError) -> dict[str, Any]:
    """The JSON object of a file that could not be scored: its path and every problem."""
    problems = failure.problems
    return {
        "file": problems[0].path if problems else "",
        "error": True,
        "problems": [problem_json(p) for p in sorted(problems, key=lambda p: (p.line, p.col))],
    }


def _dicts(batch: ScoreBatch, detail: bool) -> list[dict[str, Any]]:
    """Every named file in order: a result, or an error object in its place."""
    return [error_dict(o) if isinstance(o, SpbeError) else to_dict(o, detail) for o in batch.outcomes]


def render_json(batch: ScoreBatch, options: Options) -> str:
    """One object when one file was named, an array when several files or any folder were.

    The shape depends on the arguments only, never on what a folder holds; a file that could not
    be scored is an error object (``"error": true``) in its place.
    """
    data = _dicts(batch, options.detail)
    return json.dumps(data[0] if batch.single else data, ensure_ascii=False, indent=2)


def render_jsonl(batch: ScoreBatch, options: Options) -> str:
    """One compact JSON object per line, one line per file (error objects included)."""
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in _dicts(batch, options.detail))
