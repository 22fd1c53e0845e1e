"""The stages of an SPBE evaluation and the two ways of banding an index: names every layer shares.

An indicator's level is set first by the instansi itself (penilaian mandiri), then by the
external assessors in penilaian dokumen, interviu and (when needed) visitasi; the last stage's
level is final (``akhir``), and that is the number KemenPANRB publishes.
"""

from __future__ import annotations

#: The stages, in order. ``mandiri`` is an answer's ``level``; the others are under ``tahap``.
STAGES = ("mandiri", "dokumen", "interviu", "visitasi", "akhir")

#: How a predikat is decided: on the exact index, or on the index rounded for display.
BANDINGS = ("exact", "rounded")
