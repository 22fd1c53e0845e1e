"""The bundled model is the regulation's; malformed models are reported with positions."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from spbe_calc.errors import Severity, SpbeError
from spbe_calc.model import Model, bundled_models, check_model, load_model
from spbe_calc.yamlsafe import load, parse

from .conftest import DATA, ROOT

MODEL_TEXT = (ROOT / "indicators.yaml").read_text(encoding="utf-8")


def problems_of(text: str) -> list[tuple[str, int, int]]:
    doc = parse(text, "m.yaml")
    _, problems = check_model(doc)
    return [(p.code, p.line, p.col) for p in problems if p.severity is Severity.ERROR]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth occurrence of ``needle``."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


def test_bundled_model_is_valid_without_warnings() -> None:
    model, problems = check_model(load(ROOT / "indicators.yaml"))
    assert model is not None
    assert problems == []


def test_structure_counts(model: Model) -> None:
    assert (len(model.domains), len(model.aspects), len(model.indicators)) == (4, 8, 47)
    assert [i.id for i in model.indicators] == list(range(1, 48))
    assert [a.id for a in model.aspects] == list(range(1, 9))
    assert sum((i.weight for i in model.indicators), Fraction(0)) == 100
    assert [d.weight for d in model.domains] == [13, 25, Fraction("16.5"), Fraction("45.5")]
    assert [a.weight for a in model.aspects] == [13, 10, 10, 5, 12, Fraction("4.5"), Fraction("27.5"), 18]


def test_scales_and_level_names(model: Model) -> None:
    proses = [lv.name for lv in model.by_id[1].scale.levels]
    layanan = [lv.name for lv in model.by_id[32].scale.levels]
    assert proses == ["Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"]
    assert layanan == ["Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum"]
    assert all(i.scale.id == "proses" for i in model.indicators if i.id <= 31)
    assert all(i.scale.id == "layanan" for i in model.indicators if i.id >= 32)
    for ind in model.indicators:
        assert isinstance(ind.scope, dict) and ind.scope["id"] and ind.scope["en"], ind.id  # "what it covers"
        assert sorted(ind.criteria) == [1, 2, 3, 4, 5]
        for text in ind.criteria.values():
            assert isinstance(text, dict) and text["id"] and text["en"]


def test_bands_and_settings(model: Model) -> None:
    assert [b.name for b in model.bands] == ["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"]
    assert model.banding == "exact" and model.precision == 2
    assert {n.kind for n in model.notes} >= {"erratum", "conflict"}
    assert model.regulation.short == "PermenPANRB 59/2020"


def test_matches_reference_names_and_weights(model: Model) -> None:
    ref = yaml.safe_load((DATA / "permenpanrb-59-2020.yaml").read_text(encoding="utf-8"))
    for d_ref, d in zip(ref["domains"], model.domains):
        assert (d.id, d.name, d.weight) == (d_ref["id"], d_ref["name"], Fraction(str(d_ref["weight_pct"])))
        for a_ref, a in zip(d_ref["aspects"], d.aspects):
            assert (a.id, a.name, a.weight) == (a_ref["id"], a_ref["name"], Fraction(str(a_ref["weight_pct"])))
            for i_ref, i in zip(a_ref["indicators"], a.indicators):
                assert (i.id, i.name, i.weight) == (i_ref["id"], i_ref["name"], Fraction(str(i_ref["weight_pct"])))


def test_bundled_copy_is_the_root_file(model: Model) -> None:
    """The package ships a copy of indicators.yaml (no symlink: it breaks on Windows checkouts)."""
    packaged = ROOT / "spbe_calc" / "model" / "bundled" / "spbe-2020.yaml"
    assert not packaged.is_symlink()
    assert packaged.read_bytes() == (ROOT / "indicators.yaml").read_bytes()
    assert bundled_models()["spbe-2020"] == packaged


# --- malformed models: each gives its code at the right line ---------------------------------------

Mutation = Callable[[str], tuple[str, str, int]]


def _replace(old: str, new: str, code: str, expect: str | None = None, nth: int = 1) -> Mutation:
    """Replace the first ``old`` by ``new``; the problem is expected on the line of the nth
    occurrence of ``expect`` (default: ``new``) in the changed text."""

    def mutate(text: str) -> tuple[str, str, int]:
        assert old in text, old
        changed = text.replace(old, new, 1)
        return changed, code, line_of(changed, expect or new, nth)

    return mutate


CASES = {
    # the aspect's weight no longer matches its indicators: reported at the aspect's weight
    "indicator weight off by 0.01": _replace(
        "            weight: 1.30", "            weight: 1.31", "weight-sum", expect="        weight: 13.00"
    ),
    "aspect weight off by 0.01": _replace("        weight: 13.00", "        weight: 13.01", "weight-sum"),
    "duplicate indicator id": _replace("          - id: 2\n", "          - id: 1\n", "duplicate-id", nth=2),
    "unknown key": _replace("            scope:", "            skope:", "unknown-key"),
    "yaml 1.1 boolean": _replace("name: Rintisan", "name: yes", "yaml11-bool"),
    "unquoted date": _replace("short: PermenPANRB 59/2020", "short: 2020-09-02", "yaml11-date"),
    "duplicate key": _replace(
        "    name: Kapabilitas Proses\n",
        "    name: Kapabilitas Proses\n    name: X\n",
        "duplicate-key",
        expect="    name: X",
    ),
    "weight as text": _replace("weight: 2.50", "weight: dua", "wrong-type"),
    "band gap": _replace("min: 2.6, max: 3.5", "min: 2.7, max: 3.5", "band-gap"),
    "band overlap": _replace(
        "min: 3.5, max: 4.2, min_inclusive: true, max_inclusive: false",
        "min: 3.5, max: 4.2, min_inclusive: true, max_inclusive: true",
        "band-overlap",
    ),
    "band does not reach 5": _replace(
        "min: 4.2, max: 5.0, min_inclusive: true, max_inclusive: true",
        "min: 4.2, max: 5.0, min_inclusive: true, max_inclusive: false",
        "band-gap",
    ),
    "unknown scale": _replace("    scale: layanan", "    scale: servis", "unknown-scale"),
    "bad banding value": _replace("banding: exact", "banding: rata", "bad-choice"),
    "python tag": _replace("name: Indeks SPBE\n", "name: !!python/object:os.system Indeks SPBE\n", "unsupported-tag"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_model_reports_code_and_line(case: str) -> None:
    text, code, line = CASES[case](MODEL_TEXT)
    found = problems_of(text)
    assert any(c == code for c, _, _ in found), found
    if code not in ("band-gap", "band-overlap"):  # band problems point at the predikat list
        assert any(c == code and ln == line for c, ln, _ in found), (found, line)


def test_missing_criterion_is_a_warning_only() -> None:
    mini = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = mini.replace("{1: a, 2: b, 3: c, 4: d, 5: e}", "{1: a, 2: b, 3: c, 4: d}", 1)
    model, problems = check_model(parse(text, "m.yaml"))
    assert model is not None
    assert [(p.code, p.severity, p.args["levels"]) for p in problems] == [("missing-criteria", Severity.WARNING, "5")]


def test_scale_description_explains_a_level_without_criterion() -> None:
    # The bundled scales describe every level, so an indicator may leave a criterion out.
    text = MODEL_TEXT.replace(
        '              5:\n                id: "Hasil reviu dan evaluasi berkala ditindaklanjuti dengan mengubah atau mengganti kebijakan."\n'
        '                en: "Findings of the periodic review lead to an amended or replaced policy."\n',
        "",
        1,
    )
    assert text != MODEL_TEXT
    model, problems = check_model(parse(text, "m.yaml"))
    assert model is not None and problems == []


def test_all_problems_are_reported_at_once() -> None:
    text = MODEL_TEXT.replace("weight: 2.75", "weight: 2.76", 1).replace("scope:", "skope:", 1)
    codes = [c for c, _, _ in problems_of(text)]
    assert "unknown-key" in codes
    # structural problems stop semantic checks, so fix the key and check the sums
    codes = [c for c, _, _ in problems_of(text.replace("skope:", "scope:"))]
    assert codes.count("weight-sum") == 1


def test_load_model_raises_with_all_errors(write: Callable[..., Path]) -> None:
    path = write(
        "m.yaml", MODEL_TEXT.replace("weight: 1.30", "weight: 1.31", 1).replace("weight: 3.00", "weight: 3.10", 1)
    )
    with pytest.raises(SpbeError) as info:
        load_model(str(path))
    assert sorted({p.code for p in info.value.problems}) == ["weight-sum"]
    assert len(info.value.problems) == 2


def test_unknown_model_name() -> None:
    with pytest.raises(SpbeError) as info:
        load_model("spbe-1999")
    assert info.value.problems[0].code == "unknown-model"
