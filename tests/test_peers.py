"""Tests of spbe_calc/peers.py: ranks, percentiles and spreads against the published table.

Every expected number is computed here, independently, from the CSV the reference ships
(``../shared/reference/published-results-2023-2024.csv``, a copy in ``tests/data/``) with the
standard library: ranks by counting, quartiles with ``statistics.quantiles(method="inclusive")``.
"""

from __future__ import annotations

import csv
import json
import math
import statistics
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.peers import normalized, quantile

from .conftest import DATA, EXAMPLES, Run

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
    text = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("Pemerintah Kabupaten Contoh", "Pemerintah Kabupaten Banyuasin").replace(
        "tahun: 2022", "tahun: 2025"
    )
    path = tmp_path / "banyuasin-2025.yaml"
    path.write_text(text, encoding="utf-8")
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
    assert "Indeks 2025, tahap penilaian mandiri (2,38), dibandingkan dengan hasil terbit 2024" in text_out


def test_the_index_placed_names_its_stage(run: Run) -> None:
    """The 2023 example at its final levels (2.57), not the team's own (2.85)."""
    path = str(EXAMPLES / "tahap" / "kabupaten-contoh-2023.yaml")
    out = " ".join(run("peers", path, "--stage", "akhir").stdout.split())
    assert "Indeks 2023, tahap akhir (2,57), dibandingkan dengan hasil terbit 2023" in out
    data = json.loads(run("peers", path, "--stage", "akhir", "-f", "json").stdout)["self_assessment"]
    assert (data["stage"], data["index"]) == ("akhir", 2.57)
    rows = list(csv.DictReader(run("peers", path, "--stage", "akhir", "-f", "csv").stdout.splitlines()))
    assert {r["sumber"] for r in rows} == {"akhir"}
    own = json.loads(run("peers", path, "-f", "json").stdout)["self_assessment"]
    assert (own["stage"], own["index"]) == ("mandiri", 2.85)


def test_an_agency_the_table_lacks_is_placed_among_its_kind_with_a_warning(run: Run) -> None:
    r = run("peers", str(EXAMPLES / "kabupaten-contoh-2022.yaml"))
    assert r.exit_code == 0 and "peringatan" in r.stderr and "tidak ada dalam hasil terbit" in r.stderr
    out = " ".join(r.stdout.split())
    assert "kabupaten seluruh Indonesia: peringkat" in out and "hasil terbit 2023" in out


def test_english(run: Run) -> None:
    out = run("--lang", "en", "peers", "Kota Denpasar").stdout
    assert "In province" in out and "2 of 10" in out and "Among kota" in out


def _banyuasin_2025(tmp_path: Path) -> Path:
    text = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("Pemerintah Kabupaten Contoh", "Pemerintah Kabupaten Banyuasin").replace(
        "tahun: 2022", "tahun: 2025"
    )
    path = tmp_path / "banyuasin-2025.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "logo-contoh.svg").write_bytes((EXAMPLES / "logo-contoh.svg").read_bytes())
    return path


def test_compare_adds_the_published_years_marked_as_published(run: Run, tmp_path: Path) -> None:
    path = _banyuasin_2025(tmp_path)
    r = run("compare", str(path), "-f", "json")
    assert r.exit_code == 0, r.stderr
    files = json.loads(r.stdout)["files"]
    assert [(f["tahun"], f["published"]) for f in files] == [(2023, True), (2024, True), (2025, False)]
    text = run("compare", str(path)).stdout
    assert "2023 †   2024 †    2025" in text and "† dipublikasikan" in text
    r = run("compare", str(path), "--no-published")
    assert r.exit_code == 2 and "dua berkas" in r.stderr


def test_the_report_has_a_position_part_and_last_years_published_result(run: Run, tmp_path: Path) -> None:
    path = _banyuasin_2025(tmp_path)
    out = tmp_path / "laporan.html"
    assert run("report", str(path), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<h2>Posisi</h2>" in html and 'class="profile"' in html
    assert "peringkat 15 dari 18 di Pemerintah Daerah di Sumatera Selatan" in html
    assert "2,71" in html and "dipublikasikan" in html  # 2024 as published, beside this year
    assert run("report", str(path), "-o", str(out), "--no-published").exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<h2>Posisi</h2>" not in html and "2,71" not in html
