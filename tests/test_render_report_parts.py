"""spbe_calc.render.report_parts: the words and cells the HTML and Markdown reports share."""

from __future__ import annotations

import datetime
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.bars import parse_bar, spelled
from spbe_calc.i18n import set_language
from spbe_calc.model import Model
from spbe_calc.render.report_parts import dateline, level_change, target_text


def test_the_dateline_names_the_place_when_there_is_one() -> None:
    day = datetime.date(2022, 10, 14)
    assert dateline("Kota Contoh", day) == "Kota Contoh, 14 Oktober 2022"
    assert dateline(None, day) == dateline("", day) == "14 Oktober 2022"
    assert dateline("Kota\x1b[2J", day).startswith("Kota\\u001b[2J, ")  # a file's text, escaped


@pytest.mark.parametrize(
    ("typed", "places", "said"),
    [
        ("2.5", 2, "indeks 2,50"),  # at least the model's decimals
        ("2.375", 2, "indeks 2,375"),  # and as many as were typed
        ("3", 2, "indeks 3,00"),
        ("2.123456", 2, "indeks 2,123456"),
        ("2.1234567", 2, "indeks 2,123457"),  # at most six decimals: a typing slip, not a target
        ("sangat baik", 2, "predikat Sangat Baik"),  # an official name, however it was typed
    ],
)
def test_a_target_is_said_as_it_was_typed(model: Model, typed: str, places: int, said: str) -> None:
    assert target_text(spelled(parse_bar(typed, "--target"), model), places) == said


def test_a_target_in_english() -> None:
    set_language("en")
    assert target_text(parse_bar("2.5", "--target"), 2) == "an index of 2.50"


@pytest.mark.parametrize(
    ("change", "cell"),
    [(None, ""), (Fraction(0), "0"), (Fraction(1), "+1"), (Fraction(-2), "-2"), (Fraction(1, 2), "+0,50")],
)
def test_a_level_change_fits_a_cell(change: Fraction | None, cell: str) -> None:
    assert level_change(change) == cell


@pytest.mark.parametrize(("target", "others"), [("2.46", False), ("2.48", True)])
def test_a_plan_names_three_indicators_and_says_others_only_past_three(target: str, others: bool) -> None:
    from spbe_calc.render.report_parts import NAMED_STEPS, plan_sentence
    from spbe_calc.report import ReportRequest, report_for

    from .helpers import EX22

    report = report_for(EX22, ReportRequest(target=parse_bar(target, "--target")))
    assert report.plan is not None
    assert len({s.indicator.name for s in report.plan.steps}) == NAMED_STEPS + others
    sentence = plan_sentence(report)
    assert ("dan lainnya" in sentence) is others and sentence.count("Tingkat Kematangan") == NAMED_STEPS


def test_the_summary_speaks_in_the_models_decimals(tmp_path: Path) -> None:
    """A model shown to three decimals: the change, the strongest and the weakest aspect in three."""
    from spbe_calc.render.report_parts import summary
    from spbe_calc.report import ReportRequest, report_for

    from .conftest import DATA

    model = (DATA / "sepertiga" / "model.yaml").read_text(encoding="utf-8")
    head = model[: model.index("aspects:")].replace("total_weight: 3", "total_weight: 4")
    (tmp_path / "model.yaml").write_text(
        head + "aspects:\n"
        "  - {id: 1, name: Pertama, weight: 3, indicators: [{id: 1, name: Satu, weight: 1},"
        " {id: 2, name: Dua, weight: 1}, {id: 3, name: Tiga, weight: 1}]}\n"
        "  - {id: 2, name: Kedua, weight: 1, indicators: [{id: 4, name: Empat, weight: 1}]}\n",
        encoding="utf-8",
    )
    for year, levels in ((2025, "1: 1, 2: 1, 3: 2, 4: 3"), (2026, "1: 1, 2: 2, 3: 2, 4: 3")):
        (tmp_path / f"{year}.yaml").write_text(
            f"model: model.yaml\ninstansi: Kota Uji\ntahun: {year}\nlevels: {{{levels}}}\n", encoding="utf-8"
        )
    report = report_for(str(tmp_path / "2026.yaml"), ReportRequest(previous=str(tmp_path / "2025.yaml")))
    text = " ".join(summary(report))
    assert "naik 0,250" in text  # (5 + 3) / 4 - (4 + 3) / 4
    assert "Kedua (3,000)" in text and "Pertama (1,667)" in text
