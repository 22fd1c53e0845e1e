"""Answers files: every malformed entry is reported with its position; nothing is guessed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.core import score_file
from spbe_calc.errors import SpbeError
from spbe_calc.render.problems import hint

from .conftest import answers_text

ALL3 = dict.fromkeys(range(1, 48), 3)


def codes(path: Path, **kw: object) -> list[tuple[str, int, int]]:
    with pytest.raises(SpbeError) as info:
        score_file(str(path), **kw)  # type: ignore[arg-type]
    return [(p.code, p.line, p.col) for p in info.value.problems]


def test_complete_file_scores(write: Callable[..., Path]) -> None:
    f = score_file(str(write("a.yaml", answers_text(ALL3, instansi="Kota X", tahun=2023))))
    assert f.score.value == 3 and f.score.band.name == "Baik"
    assert (f.answers.instansi, f.answers.tahun) == ("Kota X", 2023)


def test_rich_answer_form(write: Callable[..., Path]) -> None:
    text = answers_text({**ALL3, 2: '{level: 2, fakta: "ada", analisis: "cukup", bukti: ["SK 1", "SK 2"]}'})
    f = score_file(str(write("a.yaml", text)))
    assert f.answers.answers[2].bukti == ("SK 1", "SK 2")
    assert f.answers.answers[2].level == 2


def test_missing_indicator_is_an_error_with_position(write: Callable[..., Path]) -> None:
    levels = dict(ALL3)
    del levels[17]
    assert codes(write("a.yaml", answers_text(levels))) == [("missing-indicators", 1, 1)]


def test_missing_indicator_with_partial_is_reported_not_hidden(write: Callable[..., Path]) -> None:
    levels = dict(ALL3)
    del levels[17], levels[18]
    f = score_file(str(write("a.yaml", answers_text(levels))), partial=True)
    assert f.missing == (17, 18)
    assert f.score_high is not None
    assert f.score.value < 3 < f.score_high.value


def test_empty_level_counts_as_unanswered(write: Callable[..., Path]) -> None:
    text = answers_text({**ALL3, 5: "", 6: "{level: null, fakta: belum}"})
    assert codes(write("a.yaml", text))[0][0] == "missing-indicators"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2.5", "level-fraction"),
        ('"3"', "level-text"),
        ("tiga", "level-text"),
        ("6", "level-out-of-range"),
        ("0", "level-out-of-range"),
        ("-1", "level-out-of-range"),
        ("yes", "yaml11-bool"),
        ("[3]", "single-level-expected"),
        ("true", "level-text"),
        ("3.0", "level-fraction"),
    ],
)
def test_bad_level_values(write: Callable[..., Path], value: str, code: str) -> None:
    text = answers_text({**ALL3, 4: value})
    found = codes(write("a.yaml", text))
    assert found == [(code, 5, 6)]  # line 5 holds indicator 4; the value starts at column 6


def test_unknown_indicator(write: Callable[..., Path]) -> None:
    found = codes(write("a.yaml", answers_text({**ALL3, 48: 3})))
    assert found == [("unknown-indicator", 49, 3)]


def test_several_problems_at_once_in_file_order(write: Callable[..., Path]) -> None:
    found = codes(write("a.yaml", answers_text({**ALL3, 2: "2.5", 9: "9", 50: 1})))
    assert sorted(c for c, _, _ in found) == ["level-fraction", "level-out-of-range", "unknown-indicator"]


def test_duplicate_indicator_key(write: Callable[..., Path]) -> None:
    text = answers_text(ALL3) + "  3: 4\n"
    assert ("duplicate-key", 49, 3) in codes(write("a.yaml", text))


def test_unknown_top_level_key_with_suggestion(write: Callable[..., Path]) -> None:
    text = answers_text(ALL3).replace("levels:", "instansy: X\nlevels:")
    with pytest.raises(SpbeError) as info:
        score_file(str(write("a.yaml", text)))
    problem = info.value.problems[0]
    assert (problem.code, problem.line) == ("unknown-key", 1)
    assert "instansi" in (hint(problem) or "")


def test_levels_missing_entirely(write: Callable[..., Path]) -> None:
    assert codes(write("a.yaml", "instansi: X\n")) == [("missing-one-of", 1, 1)]


def test_levels_and_a_published_result_in_one_file(write: Callable[..., Path]) -> None:
    text = "levels: {1: 3}\nhasil: {indeks: 1.66, predikat: Kurang}\n"
    assert ("only-one-of", 2, 1) in codes(write("a.yaml", text))


def test_top_level_not_a_mapping(write: Callable[..., Path]) -> None:
    assert codes(write("a.yaml", "- 1\n- 2\n"))[0][0] == "wrong-type"


def test_model_mismatch_is_an_error(write: Callable[..., Path]) -> None:
    from .conftest import ROOT

    other = write(
        "other.yaml",
        (ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("id: spbe-2020", "id: spbe-lain", 1),
    )
    path = write("a.yaml", answers_text(ALL3, model="spbe-2020"))
    assert codes(path, model_ref=str(other)) == [("model-mismatch", 1, 8)]


def test_model_declared_by_relative_path(write: Callable[..., Path]) -> None:
    from .conftest import ROOT

    write("mine.yaml", (ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("id: spbe-2020", "id: mine", 1))
    f = score_file(str(write("a.yaml", answers_text(ALL3, model="mine.yaml"))))
    assert f.model.id == "mine"


def test_list_for_a_single_level_indicator(write: Callable[..., Path]) -> None:
    text = answers_text({**ALL3, 4: "{level: [3, 4], fakta: x}"})
    assert codes(write("a.yaml", text)) == [("single-level-expected", 5, 14)]
