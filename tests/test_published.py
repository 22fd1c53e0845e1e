"""Tests of spbe_calc/published.py: a year known only by its published result (``hasil``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.answers import Answers
from spbe_calc.answers.read import Published
from spbe_calc.core import score_file
from spbe_calc.errors import Severity, SpbeError
from spbe_calc.model import Band, Model
from spbe_calc.published import could_be, published_score

from .conftest import Run
from .helpers import T21


def test_a_published_result_is_shown_not_computed(run: Run) -> None:
    out = run("score", T21).stdout
    assert "Indeks SPBE: 1,66  Kurang  [dipublikasikan, tidak dihitung]" in out
    data = json.loads(run("score", T21, "-f", "json").stdout)
    assert (data["published"], data["index"], data["predikat"], data["stage"]) == (True, 1.66, "Kurang", "akhir")
    assert "ANTARA" in data["source"]


@pytest.mark.parametrize(
    "command",
    [["plan", "-t", "Baik"], ["export", "-o", "lke.xlsx"], ["report", "-o", "laporan.html"], ["calibrate"]],
)
def test_a_command_that_needs_levels_refuses_a_published_result_at_its_hasil(
    run: Run, write: Callable[..., Path], command: list[str]
) -> None:
    path = write("a.yaml", "model: spbe-2020\ntahun: 2021\nhasil: {indeks: 1.66, predikat: Kurang}\n")
    result = run(command[0], str(path), *(str(path.parent / a) if "." in a else a for a in command[1:]))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3:8: galat: berkas ini memuat hasil yang dipublikasikan (hasil)")
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.yaml"]  # nothing written


@pytest.mark.parametrize(
    ("hasil", "code"),
    [
        ("{indeks: 6.2, predikat: Kurang}", "published-out-of-range"),
        ("{indeks: 1.66, predikat: Buruk}", "unknown-predikat"),
        ("{indeks: 1.66, predikat: Kurang, domains: {5: 1.2}}", "published-unknown-group"),
        ("{indeks: 1.66, predikat: Kurang, aspects: {1: 0.5}}", "published-out-of-range"),
        ("{indeks: 1.66, predikat: Kurang, domains: {1: 6.5}}", "published-out-of-range"),
    ],
)
def test_a_published_result_must_fit_its_model(write: Callable[..., Path], hasil: str, code: str) -> None:
    path = write("a.yaml", f"model: spbe-2020\ntahun: 2021\nhasil: {hasil}\n")
    with pytest.raises(SpbeError) as info:
        score_file(str(path))
    assert [p.code for p in info.value.problems] == [code]
    assert info.value.problems[0].line == 3


def test_a_predikat_the_index_cannot_have_is_a_warning(write: Callable[..., Path]) -> None:
    ok = score_file(str(write("a.yaml", "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang}\n")))
    assert not ok.warnings  # 1.80 may be the rounding of 1.7975 (Nias Barat 2024)
    odd = score_file(str(write("b.yaml", "tahun: 2024\nhasil: {indeks: 3.10, predikat: Kurang}\n")))
    assert [p.code for p in odd.warnings] == ["published-predikat-mismatch"]


def test_published_domains_are_shown(write: Callable[..., Path], run: Run) -> None:
    text = "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang, domains: {4: 2.70, 1: 1.0, 2: 1.1, 3: 1.0}}\n"
    data = json.loads(run("score", str(write("a.yaml", text)), "-f", "json").stdout)
    assert [(d["id"], d["index"]) for d in data["domains"]] == [(1, 1.0), (2, 1.1), (3, 1.0), (4, 2.7)]


def test_published_domains_and_aspects_are_coded_apart_in_text(write: Callable[..., Path], run: Run) -> None:
    text = "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang, domains: {4: 2.70}, aspects: {1: 1.5}}\n"
    lines = run("score", str(write("a.yaml", text))).stdout.splitlines()
    assert [line.split()[0] for line in lines if line[:2] in ("D4", "A1")] == ["D4", "A1"]
    assert any(line.startswith("A1     Kebijakan Internal Tata Kelola SPBE") for line in lines)


@pytest.mark.parametrize(
    ("hasil", "problem"),
    [
        (
            "{indeks: 6.2, predikat: Kurang}",
            (3, 17, "published-out-of-range", {"value": "6.2", "minimum": 1, "maximum": 5}),
        ),
        (
            "{indeks: 0.99, predikat: Kurang}",
            (3, 17, "published-out-of-range", {"value": "0.99", "minimum": 1, "maximum": 5}),
        ),
        (
            "{indeks: 1.66, predikat: Buruk}",
            (3, 33, "unknown-predikat", {"value": "Buruk", "known": "Memuaskan, Sangat Baik, Baik, Cukup, Kurang"}),
        ),
        (
            "{indeks: 1.66, predikat: Kurang, domains: {5: 1.2}}",
            (3, 54, "published-unknown-group", {"kind": "domain", "id": 5, "model": "spbe-2020"}),
        ),
        (
            "{indeks: 1.66, predikat: Kurang, aspects: {9: 1.2}}",
            (3, 54, "published-unknown-group", {"kind": "aspect", "id": 9, "model": "spbe-2020"}),
        ),
        (
            "{indeks: 1.66, predikat: Kurang, aspects: {1: 0.5}}",
            (3, 54, "published-out-of-range", {"value": "0.5", "minimum": 1, "maximum": 5}),
        ),
        (
            "{indeks: 1.66, predikat: Kurang, domains: {1: 6.5}}",
            (3, 54, "published-out-of-range", {"value": "6.5", "minimum": 1, "maximum": 5}),
        ),
    ],
)
def test_a_published_results_problem_is_said_where_it_is_written(
    write: Callable[..., Path], hasil: str, problem: tuple[int, int, str, dict[str, object]]
) -> None:
    path = write("a.yaml", f"model: spbe-2020\ntahun: 2021\nhasil: {hasil}\n")
    with pytest.raises(SpbeError) as info:
        score_file(str(path))
    assert [(p.path, p.line, p.col, p.code, p.args, p.severity) for p in info.value.problems] == [
        (str(path), *problem, Severity.ERROR)
    ]


@pytest.mark.parametrize("value", ["1", "5", "1.00", "5.0"])
def test_the_ends_of_the_index_range_are_in_it(write: Callable[..., Path], value: str) -> None:
    predikat = "Kurang" if value.startswith("1") else "Memuaskan"
    text = f"tahun: 2024\nhasil: {{indeks: {value}, predikat: {predikat}, domains: {{1: {value}}}, aspects: {{2: {value}}}}}\n"
    scored = score_file(str(write("a.yaml", text)))
    assert scored.score.value == Fraction(value) and not scored.warnings
    assert [(g.kind, g.id, g.value) for g in (*scored.score.domains, *scored.score.aspects)] == [
        ("domain", 1, Fraction(value)),
        ("aspect", 2, Fraction(value)),
    ]


def test_published_aspects_keep_their_domain(write: Callable[..., Path], run: Run) -> None:
    text = "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang, aspects: {1: 1.5, 7: 2.25}}\n"
    data = json.loads(run("score", str(write("a.yaml", text)), "-f", "json").stdout)
    assert [(a["id"], a["domain"], a["predikat"]) for a in data["aspects"]] == [(1, 1, "Kurang"), (7, 4, "Cukup")]


def test_a_predikat_mismatch_says_what_fits(write: Callable[..., Path]) -> None:
    path = write("b.yaml", "tahun: 2024\nhasil: {indeks: 3.10, predikat: Kurang}\n")
    (warning,) = score_file(str(path)).warnings
    assert (warning.path, warning.line, warning.col, warning.code, warning.args, warning.severity) == (
        str(path),
        2,
        33,
        "published-predikat-mismatch",
        {"index": "3.1", "predikat": "Kurang", "expected": "Baik"},
        Severity.WARNING,
    )
    # Off the index range: said once, as out of range, not as a predikat it cannot have.
    with pytest.raises(SpbeError) as info:
        score_file(str(write("c.yaml", "tahun: 2024\nhasil: {indeks: 5.5, predikat: Kurang}\n")))
    assert [p.code for p in info.value.problems] == ["published-out-of-range"]
    with pytest.raises(SpbeError) as info:
        score_file(str(write("d.yaml", "tahun: 2024\nhasil: {indeks: 0.5, predikat: Memuaskan}\n")))
    assert [p.code for p in info.value.problems] == ["published-out-of-range"]


def test_a_result_built_in_code_is_checked_without_positions(model: Model) -> None:
    answers = Answers(
        path="KemenPANRB 2024",
        model=model.id,
        instansi=None,
        tahun=2024,
        answers={},
        hasil=Published(value=Fraction(7), predikat="Kurang", domains={}, aspects={}),
    )
    with pytest.raises(SpbeError) as info:
        published_score(answers, model)
    assert [(p.path, p.line, p.col, p.code) for p in info.value.problems] == [
        ("KemenPANRB 2024", 0, 0, "published-out-of-range")
    ]


def _rounds_into(model: Model, shown: Fraction, band: Band) -> bool:
    """Whether some value that rounds half-up to ``shown`` lies in ``band``, by trying a fine grid of them."""
    half = Fraction(1, 2 * 10**model.precision)
    step = half / 500
    return any(band.contains(shown - half + k * step) for k in range(1000))


SHOWN = [Fraction(v) for v in ("1.79", "1.794", "1.795", "1.7955", "1.796", "1.80", "1.805", "1.81", "2.595", "2.60")]


@pytest.mark.parametrize("shown", SHOWN)
def test_could_be_is_whether_some_value_that_rounds_to_it_lies_in_the_band(model: Model, shown: Fraction) -> None:
    exclusive = [
        Band("(1.8, 2.6]", Fraction("1.8"), Fraction("2.6"), min_inclusive=False, max_inclusive=True),
        Band("(1.795, 2.6)", Fraction("1.795"), Fraction("2.6"), min_inclusive=False, max_inclusive=False),
    ]
    for band in (*model.bands, *exclusive):
        assert could_be(model, shown, band) == _rounds_into(model, shown, band), (shown, band.name)


@pytest.mark.parametrize(
    ("value", "predikat", "expected"), [("1", "Memuaskan", "Kurang"), ("5", "Kurang", "Memuaskan")]
)
def test_a_predikat_that_cannot_be_is_said_at_the_ends_of_the_range_too(
    write: Callable[..., Path], value: str, predikat: str, expected: str
) -> None:
    path = write("a.yaml", f"tahun: 2024\nhasil: {{indeks: {value}, predikat: {predikat}}}\n")
    (warning,) = score_file(str(path)).warnings
    assert (warning.code, warning.args) == (
        "published-predikat-mismatch",
        {"index": value, "predikat": predikat, "expected": expected},
    )
