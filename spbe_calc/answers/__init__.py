"""The answers file: what an instansi answered for each indicator.

Format (``score`` reads it, ``assess`` writes it)::

    model: spbe-2020            # optional; the bundled default when absent
    instansi: Pemerintah Kabupaten Contoh
    tahun: 2023
    levels:
      1: 3                      # indicator number -> level
      2: {level: 2, fakta: "...", analisis: "...", bukti: ["..."]}

:mod:`spbe_calc.answers.read` checks the structure (:data:`ANSWERS_SPEC`) and binds answers to a
model (unknown indicators, levels outside the scale, missing indicators);
:mod:`spbe_calc.answers.write` writes the canonical layout.
"""

from spbe_calc.answers.read import (
    ANSWERS_SPEC,
    Answer,
    Answers,
    Bukti,
    Evidence,
    Laporan,
    Signer,
    answers_from_doc,
    bind,
    bukti_label,
    compact_ids,
    is_answered,
    missing_problem,
    published_only,
    read_answers,
    read_bukti,
    unknown_indicator,
)

__all__ = [
    "ANSWERS_SPEC",
    "Answer",
    "Answers",
    "Bukti",
    "Evidence",
    "Laporan",
    "Signer",
    "answers_from_doc",
    "bind",
    "bukti_label",
    "compact_ids",
    "is_answered",
    "missing_problem",
    "published_only",
    "read_answers",
    "read_bukti",
    "unknown_indicator",
]
