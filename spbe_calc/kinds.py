"""The kind of a spbe-calc file (model, answers, plan), told by its top-level keys.

Each command reads one kind. Given a file of another kind (``score indicators.yaml``,
``--model jawaban.yaml``) it says so in one line instead of listing every key as unknown; and
``validate`` uses the same rule to choose which checks to run.
"""

from __future__ import annotations

from spbe_calc.errors import Problem
from spbe_calc.yamlsafe import Node

#: Keys that only a model has.
_MODEL_KEYS = frozenset({"format", "scales", "predikat", "domains", "aspects", "default_scale"})
#: The keys of a plan file (and only those).
_PLAN_KEYS = frozenset({"default", "indicators"})
#: Keys that only an answers file has (a model names itself with ``id``, not ``model``).
_ANSWERS_KEYS = frozenset({"model", "instansi", "tahun", "laporan"})


def kind_of(root: Node | None) -> str | None:
    """``"answers"``, ``"plan"``, ``"model"``, or ``None`` when unclear.

    ``levels`` or a published ``hasil`` make an answers file; then a plan's keys, a model's
    keys, and last an answers file's other keys: a file with only ``instansi`` and ``tahun`` is
    an answers file that lacks its levels, not a model that lacks everything.
    """
    if root is None or root.kind != "map":
        return None
    keys = {k.value for k, _ in root.value}
    if "levels" in keys or "hasil" in keys:
        return "answers"
    if keys and keys <= _PLAN_KEYS:
        return "plan"
    if keys & _MODEL_KEYS:
        return "model"
    if keys & _ANSWERS_KEYS:
        return "answers"
    return None


def wrong_kind(path: str, root: Node | None, expected: str) -> Problem | None:
    """The problem "this is a FOUND file, not an EXPECTED one", when the kinds clearly differ."""
    found = kind_of(root)
    if found is None or found == expected or root is None:
        return None
    return Problem(
        path=path, line=root.line, col=root.col, code="wrong-kind", args={"found_kind": found, "wanted_kind": expected}
    )
