"""Tests of spbe_calc/peers.py: ranks, percentiles and spreads against the published table.

Every expected number is computed here, independently, from the CSV the reference ships
(``../shared/reference/published-results-2023-2024.csv``, a copy in ``tests/data/``) with the
standard library: ranks by counting, quartiles with ``statistics.quantiles(method="inclusive")``.
"""

from __future__ import annotations

import csv
import difflib
import json
import math
import statistics
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc import peers
from spbe_calc.core import score_file
from spbe_calc.errors import SpbeError
from spbe_calc.peers import kind_of, normalized, quantile, spread

from .conftest import DATA, EXAMPLES, Run
from .helpers import EX22

ROWS = list(csv.DictReader((DATA / "published-results-2023-2024.csv").open(encoding="utf-8")))


def _members(year: int, key: str, label: str) -> list[dict[str, str]]:
    return [r for r in ROWS if int(r["tahun"]) == year and r[key] == label]


def _expected(name: str, year: int, key: str) -> dict[str, object]:
    """Rank, total, percentile and quartiles of the agency's group, computed from the CSV."""
    own = next(r for r in ROWS if r["instansi"] == name and int(r["tahun"]) == year)
    members = _members(year, key, own[key])
    values = [Fraction(r["indeks"]) for r in members]
    mine = Fraction(own["indeks"])
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    below, equal = sum(v < mine for v in values), sum(v == mine for v in values)
    return {
        "rank": 1 + sum(v > mine for v in values),
        "total": len(values),
        "percentile": round(float(100 * (below + Fraction(equal, 2)) / len(values)), 1),
        "q1": round(float(q1), 4),
        "median": round(float(median), 4),
        "q3": round(float(q3), 4),
        "top": float(sorted(values, reverse=True)[math.ceil(len(values) / 4) - 1]),
    }


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Kabupaten Banyuasin", "Pemerintah Kab. Banyuasin"),
        ("Kota Denpasar", "Pemerintah Kota Denpasar"),
        ("Provinsi Jawa Timur", "Pemerintah Provinsi Jawa Timur"),
        ("Kementerian Agama", "Kementerian Agama"),
        ("Kab. Nias Barat", "Pemerintah Kab. Nias Barat"),
    ],
)
def test_ranks_percentiles_and_spreads_are_the_tables(run: Run, query: str, name: str) -> None:
    r = run("peers", query, "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["instansi"] == name
    assert [y["year"] for y in data["published"]] == [2023, 2024]
    for year in data["published"]:
        for scope, key in (("group", "kelompok"), ("kind", "jenis")):
            want = _expected(name, year["year"], key)
            got = year[scope]
            assert (got["rank"], got["total"], got["percentile"]) == (want["rank"], want["total"], want["percentile"])
            assert (got["index"]["q1"], got["index"]["median"], got["index"]["q3"]) == (
                want["q1"],
                want["median"],
                want["q3"],
            )
            assert got["top_quarter"] == want["top"]


def test_equal_indices_share_the_better_rank(run: Run) -> None:
    """Nias Barat published 1.80 in 2023, like others of Sumatera Utara: they share one rank."""
    data = json.loads(run("peers", "Kab. Nias Barat", "-f", "json").stdout)
    year = next(y for y in data["published"] if y["year"] == 2023)
    group = _members(2023, "kelompok", "Pemerintah Daerah di Sumatera Utara")
    same = [r for r in group if r["indeks"] == "1.80"]
    assert len(same) >= 1 and year["group"]["rank"] == 1 + sum(Fraction(r["indeks"]) > Fraction("1.80") for r in group)


def test_domain_spreads_leave_out_values_outside_the_index_range(run: Run) -> None:
    """Jawa Timur 2024 shows D1 0.60 (an extraction error): not a province's D1 at all."""
    data = json.loads(run("peers", "Provinsi Jawa Timur", "-f", "json").stdout)
    year = next(y for y in data["published"] if y["year"] == 2024)
    provinces = [Fraction(r["d1"]) for r in _members(2024, "jenis", "provinsi") if r["d1"]]
    kept = [v for v in provinces if 1 <= v <= 5]
    assert len(kept) == len(provinces) - 1 and year["kind"]["domains"]["1"]["n"] == len(kept)
    assert year["kind"]["domains"]["1"]["median"] == round(float(statistics.median(kept)), 4)
    assert "salah baca" in year["note"]


def test_quantiles_are_those_of_a_spreadsheet() -> None:
    values = [Fraction(v) for v in (1, 2, 3, 4, 10)]
    assert [quantile(values, Fraction(p, 4)) for p in (1, 2, 3)] == [2, 3, 4]
    assert quantile([Fraction(1), Fraction(2)], Fraction(1, 4)) == Fraction(5, 4)


@pytest.mark.parametrize(
    "spelling",
    ["Pemerintah Kabupaten Banyuasin", "kab banyuasin", "KABUPATEN  BANYUASIN", "Kab. Banyuasin", "Banyuasin"],
)
def test_names_match_tolerantly(run: Run, spelling: str) -> None:
    r = run("peers", spelling, "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["instansi"] == "Pemerintah Kab. Banyuasin"
    assert normalized(spelling) in ("kab banyuasin", "banyuasin")


def test_an_ambiguous_or_unknown_name_gets_the_closest_names(run: Run) -> None:
    r = run("peers", "Bandung")
    assert r.exit_code == 2 and "Kab. Bandung; Kota Bandung" in r.stderr
    r = run("peers", "Kabupaten Bandungg")
    assert r.exit_code == 2 and "tidak ada dalam hasil terbit" in r.stderr and "paling mirip: Kab. Bandung" in r.stderr


def test_a_self_assessment_is_placed_in_last_years_table(run: Run, tmp_path: Path) -> None:
    """A 2025 file of Kab. Banyuasin at 2.38 (the example's levels): its rank among the 2024 results of its province
    (its own 2024 row left out, itself put in) and of all kabupaten, and the top quarter's index."""
    path = _file_of(tmp_path, "Pemerintah Kabupaten Banyuasin", 2025)
    data = json.loads(run("peers", str(path), "-f", "json").stdout)
    assessed = data["self_assessment"]
    assert (assessed["year"], assessed["against"], assessed["index_exact"]) == (2025, 2024, "2.38")
    for scope, key, label in (
        ("group", "kelompok", "Pemerintah Daerah di Sumatera Selatan"),
        ("kind", "jenis", "kabupaten"),
    ):
        others = [
            Fraction(r["indeks"]) for r in _members(2024, key, label) if r["instansi"] != "Pemerintah Kab. Banyuasin"
        ]
        mine = Fraction("2.38")
        assert assessed[scope]["rank"] == 1 + sum(v > mine for v in others)
        assert assessed[scope]["total"] == len(others) + 1
        assert assessed[scope]["top_quarter"] == float(sorted(others, reverse=True)[math.ceil(len(others) / 4) - 1])
    text_out = " ".join(run("peers", str(path)).stdout.split())  # read as one text, lines wrapped at 80
    assert "Indeks 2025, tahap penilaian mandiri (2,38, Cukup), dibandingkan dengan hasil terbit 2024" in text_out


def test_the_index_placed_names_its_stage(run: Run) -> None:
    """The 2023 example at its final levels (2.57, Cukup), not the team's own (2.85, Baik): the
    predikat is the stage's too, in every format."""
    path = str(EXAMPLES / "tahap" / "kabupaten-contoh-2023.yaml")
    out = " ".join(run("peers", path, "--stage", "akhir").stdout.split())
    assert "Indeks 2023, tahap akhir (2,57, Cukup), dibandingkan dengan hasil terbit 2023" in out
    data = json.loads(run("peers", path, "--stage", "akhir", "-f", "json").stdout)["self_assessment"]
    assert (data["stage"], data["index"], data["predikat"]) == ("akhir", 2.57, "Cukup")
    rows = list(csv.DictReader(run("peers", path, "--stage", "akhir", "-f", "csv").stdout.splitlines()))
    assert {(r["sumber"], r["indeks"], r["predikat"]) for r in rows} == {("akhir", "2.57", "Cukup")}
    own = json.loads(run("peers", path, "-f", "json").stdout)["self_assessment"]
    assert (own["stage"], own["index"], own["predikat"]) == ("mandiri", 2.85, "Baik")
    rows = list(csv.DictReader(run("peers", path, "-f", "csv").stdout.splitlines()))
    assert {(r["sumber"], r["predikat"]) for r in rows} == {("mandiri", "Baik")}


def test_an_agency_the_table_lacks_is_placed_among_its_kind_with_a_warning(run: Run) -> None:
    r = run("peers", str(EXAMPLES / "kabupaten-contoh-2022.yaml"))
    assert r.exit_code == 0 and "peringatan" in r.stderr and "tidak ada dalam hasil terbit" in r.stderr
    out = " ".join(r.stdout.split())
    assert "kabupaten seluruh Indonesia: peringkat" in out and "hasil terbit 2023" in out


def test_english(run: Run) -> None:
    out = run("--lang", "en", "peers", "Kota Denpasar").stdout
    assert "In province" in out and "2 of 10" in out and "Among kota" in out


def _file_of(tmp_path: Path, instansi: str, tahun: int) -> Path:
    """The 2022 example as a file of ``instansi`` for ``tahun`` (with the logo its report names)."""
    text = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    path = tmp_path / f"{tahun}.yaml"
    path.write_text(
        text.replace("Pemerintah Kabupaten Contoh", instansi).replace("tahun: 2022", f"tahun: {tahun}"), "utf-8"
    )
    (tmp_path / "logo-contoh.svg").write_bytes((EXAMPLES / "logo-contoh.svg").read_bytes())
    return path


def test_compare_adds_the_published_years_marked_as_published(run: Run, tmp_path: Path) -> None:
    path = _file_of(tmp_path, "Pemerintah Kabupaten Banyuasin", 2025)
    r = run("compare", str(path), "-f", "json")
    assert r.exit_code == 0, r.stderr
    files = json.loads(r.stdout)["files"]
    assert [(f["tahun"], f["published"]) for f in files] == [(2023, True), (2024, True), (2025, False)]
    text = run("compare", str(path)).stdout
    assert "2023 †   2024 †    2025" in text and "† dipublikasikan" in text
    r = run("compare", str(path), "--no-published")
    assert r.exit_code == 2 and "dua berkas" in r.stderr


def test_the_report_has_a_position_part_and_last_years_published_result(run: Run, tmp_path: Path) -> None:
    path = _file_of(tmp_path, "Pemerintah Kabupaten Banyuasin", 2025)
    out = tmp_path / "laporan.html"
    assert run("report", str(path), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<h2>Posisi</h2>" in html and 'class="profile"' in html
    assert "peringkat 15 dari 18 di Pemerintah Daerah di Sumatera Selatan" in html
    assert "2,71" in html and "dipublikasikan" in html  # 2024 as published, beside this year
    assert run("report", str(path), "-o", str(out), "--no-published").exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<h2>Posisi</h2>" not in html and "2,71" not in html


# --- names ---------------------------------------------------------------------------------------


def test_only_a_names_first_word_says_its_kind() -> None:
    assert normalized("Pemerintah Kabupaten Banyuasin") == "kab banyuasin"
    assert normalized("Badan Kabupaten Prov") == "badan kabupaten prov"  # not the first word: kept
    assert [
        kind_of(n) for n in ("Kabupaten Contoh Barat", "Kota Contoh Raya", "Pemerintah Provinsi Contoh Selatan")
    ] == [
        "kabupaten",
        "kota",
        "provinsi",
    ]
    assert kind_of("Kementerian Agama") is None and kind_of("Badan Kota Baru") is None


def _problem(name: str) -> tuple[str, dict[str, object]]:
    with pytest.raises(SpbeError) as caught:
        peers.find(name)
    (problem,) = caught.value.problems
    return problem.code, problem.args


def test_a_name_without_its_kind_is_found_when_only_one_agency_has_it() -> None:
    # "Musi Banyuasin": the whole name after the kind, not its last word.
    assert peers.find("Musi Banyuasin") == "Pemerintah Kab. Musi Banyuasin"
    assert peers.find("Jawa Timur") == "Pemerintah Provinsi Jawa Timur"
    # Only a kabupaten's, kota's or provinsi's kind may be left out: "Agama" is not "Kementerian Agama".
    assert _problem("Agama")[0] == "peers-unknown"


def test_a_name_that_fits_none_or_several_lists_the_closest() -> None:
    assert _problem("Bandung") == (
        "peers-ambiguous",
        {"name": "Bandung", "names": "Kab. Bandung; Kota Bandung"},
    )
    code, args = _problem("Kabupaten Bandungg")
    names = {peers.normalized(r.name): r.name for r in peers.table()}
    close = difflib.get_close_matches("kab bandungg", list(names), n=10)
    assert len(close) > 3  # more than three are close: three are shown
    assert (code, args) == (
        "peers-unknown",
        {"name": "Kabupaten Bandungg", "names": "; ".join(names[c].removeprefix("Pemerintah ") for c in close[:3])},
    )
    assert _problem("Qwzx") == ("peers-unknown", {"name": "Qwzx", "names": "–"})


# --- numbers -------------------------------------------------------------------------------------


def test_the_quartiles_of_one_value_are_that_value() -> None:
    one = [Fraction("2.5")]
    assert spread(one) == (Fraction("2.5"), Fraction("2.5"), Fraction("2.5"), 1)
    assert spread([]) is None


@pytest.mark.parametrize(("year", "against"), [(2024, 2023), (2025, 2024), (2031, 2024), (2023, 2023), (2019, 2023)])
def test_a_self_assessment_is_compared_with_the_year_before_its_own(year: int, against: int) -> None:
    """The latest published year before the file's; a file older than the table: the first year."""
    assert peers.against_year(year) == against
    scored = score_file(EX22)
    scored = scored._replace(answers=scored.answers._replace(tahun=year))
    assert peers.assess(scored, None, "kota", None).against == against


def test_an_agency_of_one_published_year(run: Run) -> None:
    name = "Kementerian Koordinator Bidang Kemaritiman"
    assert [r["tahun"] for r in ROWS if r["instansi"] == name] == ["2023"]
    data = json.loads(run("peers", name, "-f", "json").stdout)
    assert [y["year"] for y in data["published"]] == [2023]
    assert (data["kind"], data["group"]) == ("kementerian", "Kementerian")


def test_a_group_renamed_between_years_places_the_self_assessment_in_this_years_group(run: Run, tmp_path: Path) -> None:
    """Kab. Bangka's province group was "... Bangka Belitung" in 2023 and "... Kepulauan Bangka Belitung" in
    2024: a 2025 file is placed among the 2024 group, and the agency is shown with its latest group."""
    groups = {r["tahun"]: r["kelompok"] for r in ROWS if r["instansi"] == "Pemerintah Kab. Bangka"}
    assert groups == {
        "2023": "Pemerintah Daerah di Bangka Belitung",
        "2024": "Pemerintah Daerah di Kepulauan Bangka Belitung",
    }
    data = json.loads(run("peers", str(_file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2025)), "-f", "json").stdout)
    assert data["group"] == groups["2024"] and data["kind"] == "kabupaten"
    assessed = data["self_assessment"]["group"]
    others = [
        Fraction(r["indeks"])
        for r in _members(2024, "kelompok", groups["2024"])
        if r["instansi"] != "Pemerintah Kab. Bangka"
    ]
    assert assessed["total"] == len(others) + 1 == 8
    assert assessed["rank"] == 1 + sum(v > Fraction("2.38") for v in others)
    assert json.loads(run("peers", "Kab. Bangka", "-f", "json").stdout)["group"] == groups["2024"]


# --- files ---------------------------------------------------------------------------------------


def test_a_file_without_instansi_is_refused_where_it_would_be(run: Run, tmp_path: Path) -> None:
    text = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    path = tmp_path / "tanpa-instansi.yaml"
    path.write_text("".join(line for line in text.splitlines(True) if not line.startswith("instansi:")), "utf-8")
    r = run("peers", str(path))
    assert r.exit_code == 2
    assert f"{path}:4:1: galat: berkas jawaban ini tidak menyebut instansi" in " ".join(r.stderr.split())
    # Written but empty: said at its value.
    for empty, col in (("instansi:", 10), ('instansi: ""', 11)):
        path.write_text(text.replace("instansi: Pemerintah Kabupaten Contoh", empty), "utf-8")
        assert f"{path}:5:{col}: galat: berkas jawaban ini tidak menyebut instansi" in " ".join(
            run("peers", str(path)).stderr.split()
        )


def test_a_file_is_scored_whole_under_the_model_asked_for(run: Run, tmp_path: Path) -> None:
    path = _file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2025)
    r = run("peers", str(path), "--model", "spbe-2018")
    assert r.exit_code == 2 and "dinilai dengan 'spbe-2018'" in r.stderr
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n  47:", "\n  # 47:", 1), encoding="utf-8")
    assert "\n  # 47:" in path.read_text(encoding="utf-8")
    r = run("peers", str(path))
    assert r.exit_code == 2 and "47" in r.stderr  # an unanswered indicator: no index to place


@pytest.mark.parametrize("name", ["hilang.YAML", "hilang.yml", "hilang.Yaml"])
def test_a_name_ending_in_yaml_is_a_file_even_when_it_is_missing(run: Run, tmp_path: Path, name: str) -> None:
    r = run("peers", str(tmp_path / name))
    assert r.exit_code == 2 and "berkas tidak ditemukan" in r.stderr


def test_a_file_with_another_suffix_is_read_as_a_file(run: Run, tmp_path: Path) -> None:
    path = _file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2025).rename(tmp_path / "jawaban.txt")
    data = json.loads(run("peers", str(path), "-f", "json").stdout)
    assert data["instansi"] == "Pemerintah Kab. Bangka" and data["self_assessment"]["year"] == 2025


def _published_file(tmp_path: Path, instansi: str, model: str = "spbe-2020") -> Path:
    text = (EXAMPLES / "tahap" / "kabupaten-contoh-2021.yaml").read_text(encoding="utf-8")
    path = tmp_path / "terbit.yaml"
    path.write_text(
        text.replace("Pemerintah Kabupaten Contoh", instansi).replace("model: spbe-2020", f"model: {model}"), "utf-8"
    )
    return path


def test_a_published_result_is_not_placed_as_a_self_assessment(run: Run, tmp_path: Path) -> None:
    for model in ("spbe-2020", "spbe-2018"):
        r = run("peers", str(_published_file(tmp_path, "Pemerintah Kota Denpasar", model)), "-f", "json")
        assert r.exit_code == 0, r.stderr
        data = json.loads(r.stdout)
        assert (data["instansi"], data["kind"], data["group"]) == (
            "Pemerintah Kota Denpasar",
            "kota",
            "Pemerintah Daerah di Bali",
        )
        assert [y["year"] for y in data["published"]] == [2023, 2024]
        assert data["self_assessment"] is None and data["warnings"] == []


def test_a_published_result_of_an_agency_the_table_lacks_is_refused_at_its_instansi(run: Run, tmp_path: Path) -> None:
    path = _published_file(tmp_path, "Pemerintah Kabupaten Tidakada")
    r = run("peers", str(path))
    assert r.exit_code == 2
    assert f"{path}:6:11: galat: instansi 'Pemerintah Kabupaten Tidakada' tidak ada" in " ".join(r.stderr.split())


def test_an_index_of_another_model_is_placed_with_a_warning(run: Run, tmp_path: Path) -> None:
    data = json.loads(run("peers", str(EXAMPLES / "kota-denpasar-2018.yaml"), "-f", "json").stdout)
    (warning,) = data["warnings"]
    assert (warning["line"], warning["column"], warning["level"], warning["code"]) == (
        4,
        8,
        "warning",
        "peers-other-model",
    )
    assert "model spbe-2018, sedangkan hasil terbit memakai spbe-2020" in warning["message"]
    assert data["self_assessment"]["model"] == "spbe-2018"
    same_model = json.loads(
        run("peers", str(_file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2025)), "-f", "json").stdout
    )
    assert same_model["self_assessment"]["model"] == "spbe-2020" and same_model["warnings"] == []


def test_an_agency_the_table_lacks_keeps_the_kind_its_name_says(run: Run) -> None:
    r = run("peers", str(EXAMPLES / "kabupaten-contoh-2022.yaml"), "-f", "json")
    data = json.loads(r.stdout)
    assert (data["instansi"], data["kind"], data["group"], data["published"]) == (None, "kabupaten", None, [])
    (warning,) = data["warnings"]
    assert (warning["line"], warning["column"], warning["code"]) == (5, 11, "peers-unknown")
    assert data["self_assessment"]["group"] is None and data["self_assessment"]["kind"]["total"] > 300


def test_compare_names_the_published_columns_by_their_source(run: Run, tmp_path: Path) -> None:
    path = _file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2025)
    (tmp_path / "logo-contoh.svg").write_bytes((EXAMPLES / "logo-contoh.svg").read_bytes())
    data = json.loads(run("compare", str(path), "-f", "json").stdout)
    files = data["files"]
    assert [(f["file"], f["model"], f["instansi"]) for f in files[:2]] == [
        ("KemenPANRB 2023", "spbe-2020", "Pemerintah Kabupaten Bangka"),
        ("KemenPANRB 2024", "spbe-2020", "Pemerintah Kabupaten Bangka"),
    ]
    # Bangka's D3 of 2023 is 1.00, the lowest a domain can be: kept, not taken for a faulty value.
    d3 = next(d for d in data["domains"] if d["id"] == "D3")
    assert d3["values"][0] == 1.0


def test_compare_adds_no_published_years_to_files_of_different_agencies(run: Run, tmp_path: Path) -> None:
    path = _file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2025)
    (tmp_path / "logo-contoh.svg").write_bytes((EXAMPLES / "logo-contoh.svg").read_bytes())
    other = str(EXAMPLES / "kabupaten-contoh-2022.yaml")
    r = run("compare", other, str(path), "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert [f["published"] for f in json.loads(r.stdout)["files"]] == [False, False]


def test_a_file_of_2024_is_placed_in_the_group_of_2023(run: Run, tmp_path: Path) -> None:
    data = json.loads(run("peers", str(_file_of(tmp_path, "Pemerintah Kabupaten Bangka", 2024)), "-f", "json").stdout)
    assessed = data["self_assessment"]
    assert assessed["against"] == 2023
    assert assessed["group"]["label"] == "Pemerintah Daerah di Bangka Belitung"  # its group's name in 2023
    assert data["group"] == "Pemerintah Daerah di Kepulauan Bangka Belitung"  # and its latest


def test_a_self_assessment_of_an_agency_with_one_published_year(run: Run, tmp_path: Path) -> None:
    """Kemenko Kemaritiman was published in 2023 only: a 2025 file is placed in 2024 among its kind
    and the group it had in 2023."""
    path = _file_of(tmp_path, "Kementerian Koordinator Bidang Kemaritiman", 2025)
    data = json.loads(run("peers", str(path), "-f", "json").stdout)
    assessed = data["self_assessment"]
    assert (data["group"], assessed["against"], assessed["kind"]["label"]) == ("Kementerian", 2024, "kementerian")
    others = _members(2024, "kelompok", "Kementerian")
    assert assessed["group"]["total"] == len(others) + 1


def test_a_published_domain_of_five_is_kept(run: Run, tmp_path: Path) -> None:
    """BRIN's D1 of 2024 is 5.00, the highest a domain can be."""
    path = _file_of(tmp_path, "Badan Riset dan Inovasi Nasional", 2025)
    data = json.loads(run("compare", str(path), "-f", "json").stdout)
    d1 = next(d for d in data["domains"] if d["id"] == "D1")
    assert d1["values"][:2] == [4.9, 5.0]
