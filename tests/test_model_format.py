"""spbe_calc.model.format: the model file format, run by the spec engine on real model texts."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.errors import Severity
from spbe_calc.model import check_model, load_model
from spbe_calc.model.format import FORMAT_VERSION, MODEL_SPEC
from spbe_calc.yamlsafe import parse

from .conftest import DATA, Run
from .helpers import MINI_TEXT


def _errors(text: str) -> list[tuple[str, int]]:
    _, problems = check_model(parse(text, "m.yaml"))
    return [(p.code, p.line) for p in problems if p.severity is Severity.ERROR]


def _line(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def test_a_format_newer_than_this_program_is_refused_at_its_line() -> None:
    newer = MINI_TEXT.replace("format: 1", f"format: {FORMAT_VERSION + 1}")
    assert _errors(newer) == [("format-too-new", 1)]  # the model is fine; the program is old
    assert _errors(MINI_TEXT.replace("format: 1", "format: 0")) == [("below-minimum", 1)]
    assert _errors(MINI_TEXT.replace("format: 1\n", "")) == [("missing-key", 1)]


@pytest.mark.parametrize(
    ("weight", "code"),
    [("20.00", None), ('"20/1"', None), ("0", "too-small"), ("-5", "too-small"), ("dua puluh", "wrong-type")],
)
def test_a_weight_is_a_positive_decimal_or_a_quotient(weight: str, code: str | None) -> None:
    text = MINI_TEXT.replace(
        "{id: 1, name: Indikator Satu, weight: 20.00", f"{{id: 1, name: Indikator Satu, weight: {weight}"
    )
    found = [c for c, line in _errors(text) if line == _line(text, "Indikator Satu")]
    assert found == ([] if code is None else [code])


def test_a_quotient_weight_is_read_exactly(write: Callable[..., Path]) -> None:
    thirds = MINI_TEXT.replace("weight: 10.00, criteria", 'weight: "20/3", criteria').replace(
        "weight: 15.00, criteria", 'weight: "45/3", criteria'
    )
    model = load_model(str(write("thirds.yaml", thirds.replace('"20/3"', '"30/3"'))))
    assert [i.weight for i in model.indicators][3:] == [Fraction(10), Fraction(15)]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("      5: {name: Optimum}", "      11: {name: Optimum}", "out-of-range"),  # a level is 0..10
        ("  banding: exact", "  banding: exact\n  precision: 7", "out-of-range"),  # at most 6 decimals
        ("  status: reported", "  status: resmi", "bad-choice"),
        ("name: Indeks Mini", "name: {id: Indeks Mini}", "wrong-type"),  # the index's name is plain text
        ("name: Indeks Mini", 'name: ""', "empty-string"),
        (
            "default_scale: proses",
            "warning: {en: Draft}\ndefault_scale: proses",
            "missing-key",
        ),  # a text's Indonesian is required
    ],
)
def test_each_key_has_its_kind_and_range(old: str, new: str, code: str) -> None:
    assert old in MINI_TEXT
    text = MINI_TEXT.replace(old, new, 1)
    assert code in [c for c, _ in _errors(text)]


def test_a_text_may_carry_its_english_beside_the_indonesian(write: Callable[..., Path]) -> None:
    text = MINI_TEXT.replace(
        "default_scale: proses", "warning: {id: Masih konsep, en: Still a draft}\ndefault_scale: proses"
    )
    assert _errors(text) == []
    assert load_model(str(write("m.yaml", text))).warning is not None


def test_banding_rules_name_their_years_and_may_be_assumed() -> None:
    rule = "  banding_by_year:\n    - {from: 2021, to: null, banding: rounded, assumed: true, source: x}\n"
    assert _errors(MINI_TEXT.replace("  banding: exact\n", "  banding: exact\n" + rule)) == []
    wrong = rule.replace("from: 2021", "from: 1999").replace("assumed: true", "assumed: ya")
    codes = sorted(c for c, _ in _errors(MINI_TEXT.replace("  banding: exact\n", "  banding: exact\n" + wrong)))
    assert codes == ["out-of-range", "wrong-type"]


def test_every_top_level_key_is_described() -> None:
    # The JSON Schema and the generated reference take their words from these descriptions.
    assert MODEL_SPEC.doc
    for name, field in MODEL_SPEC.fields.items():
        assert field.spec.doc, name


@pytest.mark.parametrize(
    ("value", "ok"),
    [("16.5", True), ('"5/3/3/4"', True), ("true", False), ('""', False), ("null", False), ("[1]", False)],
)
def test_a_notes_figure_is_a_number_or_a_text(run: Run, write: Callable[..., Path], value: str, ok: bool) -> None:
    text = MINI_TEXT + f'notes:\n  - {{ref: "bobot", text: "sumber lain", value: {value}}}\n'
    r = run("validate", "-f", "json", str(write("m.yaml", text)))
    (report,) = json.loads(r.stdout)
    assert [(p["line"], p["code"]) for p in report["problems"]] == ([] if ok else [(text.count("\n"), "wrong-type")])
    assert all("teks" in p["message"] for p in report["problems"])  # what was expected: a text (or a number)
    if value == "true":  # and what was found
        assert report["problems"][0]["message"] == "diharapkan teks, ditemukan true/false"


def test_a_former_status_name_is_still_read() -> None:
    """``reported`` (before ``provisional`` was its name) is read with its meaning."""
    assert "status: reported" in (DATA / "mini-model.yaml").read_text(encoding="utf-8")
    assert load_model(str(DATA / "mini-model.yaml")).regulation.status == "provisional"
