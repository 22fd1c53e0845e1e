"""Numbers and dates the way each language writes them; files for programs keep the dot."""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from spbe_calc.i18n import LANGUAGES, catalogue, set_language
from spbe_calc.render import exact_num, localized, long_date, num, pct, plain_num, signed
from tests.conftest import EXAMPLES, Run

EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")


def test_indonesian_writes_a_decimal_comma_and_groups_thousands_with_a_dot() -> None:
    assert num(Fraction(238, 100)) == "2,38"
    assert pct(Fraction(13)) == "13,00%"
    assert signed(Fraction(-5, 100)) == "-0,05"
    assert signed(Fraction(0)) == "+0,00"
    assert exact_num(Fraction(26615, 10000)) == "2,6615"
    assert exact_num(Fraction(4, 3)) == "4/3"  # a fraction that does not end is left as it is
    assert localized("150000000") == "150.000.000"
    assert localized("1234567.5") == "1.234.567,5"
    assert localized("1000") == "1000"  # four digits stay together, as Indonesian style guides write them
    assert localized("-12345") == "-12.345"


def test_english_keeps_the_dot() -> None:
    set_language("en")
    assert num(Fraction(238, 100)) == "2.38"
    assert pct(Fraction(13)) == "13.00%"
    assert localized("150000000") == "150,000,000"
    assert long_date(datetime.date(2026, 11, 28)) == "28 November 2026"


def test_dates_as_documents_write_them() -> None:
    assert long_date(datetime.date(2026, 11, 28)) == "28 November 2026"
    assert long_date(datetime.date(2025, 8, 1)) == "1 Agustus 2025"
    assert long_date(datetime.date(2024, 2, 29)) == "29 Februari 2024"


def test_every_language_names_twelve_months() -> None:
    for lang in LANGUAGES:
        assert len(catalogue(lang).MESSAGES["fmt.months"].split()) == 12, lang


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False))
def test_a_localized_number_reads_back_as_the_same_value(value: Decimal) -> None:
    """Undoing the separators gives the program's text again, in both languages."""
    text = format(value, "f")
    for lang, group, mark in (("id", ".", ","), ("en", ",", ".")):
        set_language(lang)
        shown = localized(text)
        assert Decimal(shown.replace(group, "").replace(mark, ".")) == value
    set_language("id")


def test_outputs_for_people_use_the_comma_outputs_for_programs_the_dot(run: Run) -> None:
    assert "Indeks SPBE: 2,38  Cukup" in run("score", EX22).stdout
    assert "Indeks SPBE: 2.38  Cukup" in run("--lang", "en", "score", EX22).stdout
    data = json.loads(run("score", EX22, "-f", "json").stdout)
    assert data["files"][0]["index"] == 2.38 if "files" in data else data["index"] == 2.38
    row = next(csv.DictReader(io.StringIO(run("score", EX22, "-f", "csv").stdout)))
    assert row["index"] == "2.38" and row["index_exact"] == "2.38"
    assert plain_num(Fraction(238, 100)) == "2.38"


def test_plan_costs_are_grouped(run: Run, write) -> None:  # type: ignore[no-untyped-def]
    costs = write("biaya.yaml", "default:\n  cost: 150000000\n")  # rupiah per raise
    out = run("plan", EX22, "--target", "Baik", "--costs", str(costs)).stdout
    assert "150.000.000" in out
    out = run("--lang", "en", "plan", EX22, "--target", "Baik", "--costs", str(costs)).stdout
    assert "150,000,000" in out
