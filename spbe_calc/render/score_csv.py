"""Score results as CSV, one row per file, for spreadsheets.

Columns: file, instansi, tahun, model, index, index_exact, predikat, complete, stage, banding,
published, model_status, model_warning, then one column per domain (``D1`` …) and per aspect (``A1`` …) holding the rounded index. When the files use
different models, these columns carry the model (``spbe-2018:D1``), so that one header never
holds two different domains; a cell is empty where a file's model has no such column.
"""

from __future__ import annotations

import csv
import io

from spbe_calc.batch import ScoreBatch
from spbe_calc.core import ScoredFile
from spbe_calc.numbers import exact_str
from spbe_calc.render import Options, csv_text, plain_num, status_note
from spbe_calc.scoring import GroupScore


def render_csv(batch: ScoreBatch, options: Options) -> str:
    """The CSV text (RFC 4180, with a header row)."""
    files = batch.scored
    # D1 of one model is not D1 of another: with several models, a column names its model.
    several = len({f.model.id for f in files}) > 1

    def columns(f: ScoredFile) -> dict[str, GroupScore]:
        prefix = f"{f.model.id}:" if several else ""
        return {f"{prefix}D{d.id}": d for d in f.score.domains} | {f"{prefix}A{a.id}": a for a in f.score.aspects}

    codes: list[str] = []
    for f in files:
        codes += [c for c in columns(f) if c not in codes]
    codes.sort(key=lambda c: (c.rpartition(":")[0], c.rpartition(":")[2][0] != "D", int(c.rpartition(":")[2][1:])))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "file",
            "instansi",
            "tahun",
            "model",
            "index",
            "index_exact",
            "predikat",
            "complete",
            "stage",
            "banding",
            "published",
            "model_status",
            "model_warning",
            *codes,
        ]
    )
    for f in files:
        p = f.model.precision
        groups = columns(f)
        writer.writerow(
            [
                csv_text(f.path),
                csv_text(f.answers.instansi or ""),
                f.answers.tahun or "",
                csv_text(f.model.id),
                plain_num(f.score.value, p),
                exact_str(f.score.value),
                csv_text(f.score.band.name),
                "true" if not f.missing else "false",
                f.stage,
                f.model.banding,
                "true" if f.published is not None else "false",
                f.model.regulation.status,
                csv_text((status_note(f.model) if f.published is None else None) or ""),
                *[plain_num(groups[c].value, p) if c in groups else "" for c in codes],
            ]
        )
    return out.getvalue().rstrip("\n")
