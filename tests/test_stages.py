"""Tests of spbe_calc/stages.py and of the stages as every command reads them, with each year's banding.

The Nias Barat files in tests/data/ are reconstructions of the published 2023 and 2024 rows of
``banding_by_year`` in public-figures.yaml (their levels give exactly the published domain values
and the exact index 1.7975); the predikat asserted below are the published ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_calc.answers import read_answers
from spbe_calc.answers.write import dump_answers
from spbe_calc.core import Basis, score_file
from spbe_calc.model import load_model

from .conftest import DATA, EXAMPLES, Run
from .helpers import NIAS, T21, T22, T23, examples

FIGURES = yaml.safe_load((DATA / "public-figures.yaml").read_text(encoding="utf-8"))


def _published(year: int) -> dict[str, object]:
    return next(r for r in FIGURES["banding_by_year"]["rows"] if r["year"] == year)


# --- 3. each year's banding ---------------------------------------------------------------


@pytest.mark.parametrize("year", [2023, 2024])
def test_nias_barat_is_banded_as_published(year: int) -> None:
    row = _published(year)
    f = score_file(NIAS[year])
    assert f.score.value == Fraction("1.7975")
    # The reconstruction gives the published (rounded) domain values.
    assert [round(float(d.value), 2) for d in f.score.domains] == row["d"]
    assert f.score.band.name == row["predikat"]
    assert f.model.banding_basis == "year" and f.model.year == year


def test_banding_rules_of_the_bundled_model() -> None:
    model = load_model("spbe-2020")
    by_year = {y: model.for_year(y).banding for y in range(2021, 2027)}
    assert by_year == {2021: "exact", 2022: "exact", 2023: "rounded", 2024: "exact", 2025: "exact", 2026: "exact"}
    assert model.for_year(None).banding_basis == "model"
    assert all(r.reason and r.source for r in model.banding_rules)


def test_banding_option_overrides_the_year() -> None:
    f = score_file(NIAS[2024], basis=Basis(banding="rounded"))
    assert (f.score.band.name, f.model.banding_basis) == ("Cukup", "option")
    f = score_file(NIAS[2023], basis=Basis(banding="exact"))
    assert f.score.band.name == "Kurang"


def test_a_bar_uses_the_years_rule(run: Run) -> None:
    """``--fail-under Cukup`` passes Nias Barat 2023 (rounded 1.80) and fails 2024 (exact 1.7975)."""
    assert run("score", NIAS[2023], "--fail-under", "Cukup").exit_code == 0
    result = run("score", NIAS[2024], "--fail-under", "Cukup")
    assert result.exit_code == 1
    assert "Indeks SPBE (spbe-2020) 1,80 (Kurang) di bawah batas Cukup" in result.stderr


def test_text_explains_when_the_rules_disagree(run: Run) -> None:
    out = " ".join(run("score", NIAS[2023]).stdout.split())  # the explanation is wrapped to the terminal
    assert "aturan tahun 2023" in out
    assert "Indeks tepat 1,7975 termasuk Kurang, dibulatkan 1,80 termasuk Cukup; yang berlaku Cukup" in out
    out = run("score", str(EXAMPLES / "kabupaten-contoh-2022.yaml")).stdout
    assert "termasuk" not in out  # 2.38 is far from any edge: nothing to explain


def test_every_format_says_the_stage_and_the_rule(run: Run) -> None:
    data = json.loads(run("score", NIAS[2023], "-f", "json").stdout)
    assert (data["stage"], data["banding"], data["banding_basis"]) == ("mandiri", "rounded", "year")
    assert data["banding_rule"]["from"] == 2023 and "Nias Barat" in data["banding_rule"]["reason"]["en"]
    assert data["predikat_by_banding"] == {"exact": "Kurang", "rounded": "Cukup"}
    line = json.loads(run("score", NIAS[2024], "-f", "jsonl").stdout)
    assert (line["stage"], line["banding"], line["predikat"]) == ("mandiri", "exact", "Kurang")
    rows = run("score", T22, "-f", "csv", "--stage", "akhir").stdout.splitlines()
    header, row = rows[0].split(","), rows[1].split(",")
    assert dict(zip(header, row))["stage"] == "akhir" and dict(zip(header, row))["banding"] == "exact"
    md = run("score", T22, "-f", "markdown", "--stage", "dokumen").stdout
    assert "Tahap: penilaian dokumen · predikat dari indeks tepat (aturan tahun 2022, anggapan)" in md


def test_overlapping_or_reversed_banding_years_are_refused(write: Callable[..., Path], run: Run) -> None:
    text = (DATA / "mini-model.yaml").read_text(encoding="utf-8")
    rules = (
        "scoring:\n  banding: exact\n  banding_by_year:\n    - {from: 2021, to: 2023, banding: exact}\n"
        "    - {from: 2023, banding: rounded}\n    - {from: 2025, to: 2024, banding: exact}\n"
    )
    bad = text.replace("scoring:\n  banding: exact\n", rules)
    assert bad != text
    result = run("validate", str(write("m.yaml", bad)), "-f", "json")
    codes = [p["code"] for f in json.loads(result.stdout) for p in f["problems"]]
    assert codes == ["banding-years-overlap", "banding-years-reversed"] and result.exit_code == 1


# --- 1. stages ----------------------------------------------------------------------------


def test_each_stage_is_scored_from_its_own_levels() -> None:
    values = {s: score_file(T22, basis=Basis(s)).score.value for s in ("mandiri", "dokumen", "interviu", "akhir")}
    # Independent sums over the file's levels (weights of 59/2020, Lampiran Tabel 7-9).
    model = load_model("spbe-2020")
    raw = yaml.safe_load(Path(T22).read_text(encoding="utf-8"))["levels"]
    for stage, value in values.items():
        levels = {i: (e["level"] if stage == "mandiri" else e["tahap"][stage]) for i, e in raw.items()}
        assert value == sum(model.by_id[i].weight * lv for i, lv in levels.items()) / 100
    assert values["akhir"] == Fraction("2.38")  # the figure the example is built on (published 2022)


def test_a_missing_stage_names_the_indicators(write: Callable[..., Path], run: Run) -> None:
    text = Path(T22).read_text(encoding="utf-8").replace("    tahap: {dokumen: 3, interviu: 3, akhir: 3}\n", "", 1)
    path = write("a.yaml", text)
    result = run("score", str(path), "--stage", "akhir")
    assert result.exit_code == 2
    assert "1 indikator belum punya tingkat akhir: 1" in result.stderr and "--stage akhir" in result.stderr
    result = run("score", str(path), "--stage", "akhir", "--partial", "-f", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["missing"] == [1] and data["stage"] == "akhir"
    assert "belum punya tingkat akhir" in result.stderr


def test_a_stage_level_off_the_scale_is_an_error_whatever_the_stage(write: Callable[..., Path], run: Run) -> None:
    text = (
        Path(T22).read_text(encoding="utf-8").replace("tahap: {dokumen: 3, interviu: 3, akhir: 3}", "tahap: {akhir: 9}")
    )
    result = run("score", str(write("a.yaml", text)))
    assert result.exit_code == 2 and ":12:" in result.stderr and "9" in result.stderr


def test_stage_names_are_checked(run: Run) -> None:
    result = run("score", T22, "--stage", "final")
    assert result.exit_code == 2 and "mandiri" in result.stderr


def test_old_files_stay_valid(run: Run) -> None:
    for name in ("kabupaten-contoh-2021.yaml", "kabupaten-contoh-2022.yaml", "kota-denpasar-2018.yaml"):
        assert run("validate", str(EXAMPLES / name)).exit_code == 0


@settings(max_examples=examples(40), deadline=None)
@given(
    stages=st.lists(
        st.tuples(st.sampled_from(["dokumen", "interviu", "visitasi", "akhir"]), st.integers(1, 5) | st.none()),
        unique_by=lambda p: p[0],
    )
)
def test_stages_are_written_back_unchanged(tmp_path_factory: pytest.TempPathFactory, stages: list) -> None:
    order = ["dokumen", "interviu", "visitasi", "akhir"]
    tahap = tuple(sorted(stages, key=lambda p: order.index(p[0])))
    path = tmp_path_factory.mktemp("w") / "a.yaml"
    path.write_text("levels:\n  1: 3\n", encoding="utf-8")
    answers = read_answers(path)
    answers = answers._replace(answers={1: answers.answers[1]._replace(tahap=tahap)})
    path.write_text(dump_answers(answers), encoding="utf-8")
    assert read_answers(path).answers[1].tahap == tahap


# --- 2. calibration -----------------------------------------------------------------------


def test_plan_from_the_final_levels(run: Run) -> None:
    own = json.loads(run("plan", T22, "-t", "Baik", "-f", "json").stdout)
    final = json.loads(run("plan", T22, "-t", "Baik", "-f", "json", "--stage", "akhir").stdout)
    assert own["index_before_exact"] == "2.6615" and final["index_before_exact"] == "2.38"
    assert (own["stage"], final["stage"]) == ("mandiri", "akhir")
    assert final["steps"] and not own["steps"]  # already Baik by its own levels, not by the final ones


# --- 4. year checks -----------------------------------------------------------------------


def test_a_year_outside_the_model_is_a_warning(write: Callable[..., Path], run: Run) -> None:
    path = str(write("a.yaml", Path(T22).read_text(encoding="utf-8").replace("tahun: 2022", "tahun: 2019")))
    result = run("score", path)
    assert result.exit_code == 0 and "tahun 2019 di luar tahun evaluasi model spbe-2020 (2021-2025)" in result.stderr
    assert run("score", path, "--strict").exit_code == 2
    assert run("validate", path).exit_code == 0
    assert run("validate", path, "--strict").exit_code == 1


# --- 5. published results -----------------------------------------------------------------


def test_the_seed_story_from_files(run: Run) -> None:
    """2021 published 1.66 Kurang, 2022 published 2.38 Cukup (public-figures.yaml, seed facts)."""
    seed = {f["year"]: f for f in FIGURES["seed_facts_kotawaringin_timur"]["facts"] if "index" in f}
    data = json.loads(run("compare", T21, T22, "--stage", "akhir", "-f", "json").stdout)
    assert [(f["tahun"], f["index"], f["predikat"]) for f in data["files"]] == [
        (y, seed[y]["index"], seed[y]["predikat"]) for y in (2021, 2022)
    ]
    assert [f["published"] for f in data["files"]] == [True, False]
    assert data["index_delta_exact"] == "0.72"
    text = run("compare", T21, T22, "--stage", "akhir").stdout
    assert "2021 †" in text and "† dipublikasikan, tidak dihitung" in text


# --- 6. the model speaks ------------------------------------------------------------------


# --- assess --stage akhir ------------------------------------------------------------------


def test_assess_enters_final_levels_beside_the_own_ones(tmp_path: Path) -> None:
    from spbe_calc.interactive import ScriptedPrompter, run
    from spbe_calc.questionnaire import Questionnaire

    text = Path(T23).read_text(encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(re.sub(r"\n    tahap: \{akhir: \d\}", "", text), encoding="utf-8")
    q = Questionnaire.open(path, None, [], [], [], "akhir")
    io_ = ScriptedPrompter(["3", "2", "-", "q"])
    run(q, io_, explain=True)
    transcript = "".join(io_.transcript)
    assert "Tahap yang diisi: akhir" in transcript and "mandiri: 3 › Tingkat 1-5" in transcript
    answers = read_answers(path).answers
    assert (answers[1].level, answers[1].tahap) == (3, (("akhir", 3),))
    assert (answers[2].level, answers[2].tahap) == (4, (("akhir", 2),))  # the team's own 4 is kept
    assert answers[3].tahap == ()  # "-" cleared nothing at that stage, and wrote nothing
    assert "fakta" not in transcript.lower()  # no explanation asked at an assessor's stage


# --- stages as the evaluation reads them (issue 25) ------------------------------------------------


def test_a_stage_without_its_own_level_takes_the_latest_earlier_assessors_level(run: Run) -> None:
    """The example has no visitasi: at visitasi every indicator keeps its interviu level."""
    visitasi = json.loads(run("score", str(T22), "--stage", "visitasi", "-f", "json").stdout)
    interviu = json.loads(run("score", str(T22), "--stage", "interviu", "-f", "json").stdout)
    assert visitasi["index_exact"] == interviu["index_exact"]
    assert visitasi["stage_sources"] == {"interviu": 47}
    text = run("score", str(T22), "--stage", "visitasi").stdout
    assert "tingkat dari tahap penilaian interviu 47" in text


def test_the_instansis_own_level_never_stands_in_for_an_assessors(write: Callable[..., Path], run: Run) -> None:
    """Indicator 1 has only its own level: at dokumen it is missing, not taken from mandiri."""
    text = Path(T22).read_text(encoding="utf-8").replace("    tahap: {dokumen: 3, interviu: 3, akhir: 3}\n", "", 1)
    path = write("a.yaml", text)
    r = run("score", str(path), "--stage", "dokumen")
    assert r.exit_code == 2 and "1 indikator belum punya tingkat" in r.stderr


def test_sources_count_each_stage_that_gave_a_level(write: Callable[..., Path]) -> None:
    """Indicator 1 has a final level, the others only interviu: at akhir, 1 from akhir, 46 from interviu."""
    raw = yaml.safe_load(Path(T22).read_text(encoding="utf-8"))
    for ident, entry in raw["levels"].items():
        entry["tahap"] = {"akhir": 4} if ident == 1 else {"interviu": entry["tahap"]["interviu"]}
    path = write("b.yaml", yaml.safe_dump(raw, allow_unicode=True))
    scored = score_file(str(path), basis=Basis("akhir"))
    assert scored.stage_sources == (("interviu", 46), ("akhir", 1))
    model = load_model("spbe-2020")
    expected = (
        sum(model.by_id[i].weight * (4 if i == 1 else e["tahap"]["interviu"]) for i, e in raw["levels"].items()) / 100
    )
    assert scored.score.value == expected


def test_the_workbook_reads_stages_as_the_evaluation_does(run: Run, tmp_path: Path) -> None:
    """Exported at visitasi (a column with no level at all), the formulas take interviu's levels."""
    from .test_lke import Sheet, _export, _index_row

    out = tmp_path / "lke.xlsx"
    _export(run, T22, out, "--stage", "visitasi")
    row = _index_row(out)
    got = Sheet(out).evaluate({}, [f"F{row}"])
    scored = json.loads(run("score", str(T22), "--stage", "visitasi", "-f", "json").stdout)
    assert abs(got[f"F{row}"] - float(scored["index_exact"])) < 1e-12
