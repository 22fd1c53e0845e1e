"""``spbe-calc merge``: copies filled by different units combined, conflicts shown, nothing lost."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from spbe_calc import merge
from spbe_calc.answers import read_answers
from spbe_calc.answers.read import Laporan
from spbe_calc.answers.store import lock_path
from spbe_calc.errors import Problem, SpbeError
from spbe_calc.merge import merge_files
from spbe_calc.model import Model

from .conftest import Run
from .helpers import EXAMPLES_DIR, TWO_SCALES

Write = Callable[..., Path]

HEAD = "model: spbe-2020\ninstansi: Kab Uji\ntahun: 2024\nlevels:\n"


def test_the_union_of_copies(run: Run, write: Write, tmp_path: Path) -> None:
    hukum = write("hukum.yaml", "# salinan Bagian Hukum\n" + HEAD + '  1: 3\n  2: {level: 2, fakta: "ada SK"}\n')
    bappeda = write("bappeda.yaml", HEAD + "  2: {level: 2, bukti: [SK 1]}\n  10: 4\n")
    out = tmp_path / "gabung.yaml"
    r = run("merge", str(hukum), str(bappeda), "-o", str(out))
    assert r.exit_code == 0 and "Tersimpan di" in r.stderr and "3 indikator dari 2 berkas" in r.stderr
    a = read_answers(out)
    assert (a.instansi, a.tahun, a.model) == ("Kab Uji", 2024, "spbe-2020")
    assert {k: v.level for k, v in a.answers.items()} == {1: 3, 2: 2, 10: 4}
    assert (a.answers[2].fakta, a.answers[2].bukti) == ("ada SK", ("SK 1",))  # each file's part
    assert out.read_text().startswith("# salinan Bagian Hukum\n")  # the first file's comments


def test_conflicts_are_listed_and_nothing_is_written(run: Run, write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + '  1: 3\n  2: {level: 2, fakta: "lama"}\n')
    b = write("b.yaml", HEAD + '  1: 4\n  2: {level: 2, fakta: "baru"}\n')
    out = tmp_path / "gabung.yaml"
    r = run("merge", str(a), str(b), "-o", str(out))
    assert r.exit_code == 1 and not out.exists()
    assert "Indikator 1, tingkat berbeda:" in r.stdout
    assert f"{a}:5:6: 3" in r.stdout and f"{b}:5:6: 4" in r.stdout
    assert "Indikator 2, fakta berbeda:" in r.stdout and f"{a}:6:24: lama" in r.stdout
    assert "tidak ditulis: 2 konflik" in r.stderr
    data = json.loads(run("merge", str(a), str(b), "-o", str(out), "-f", "json").stdout)
    assert data["written"] is False and not out.exists()
    assert data["conflicts"][0] == {
        "indicator": 1,
        "field": "level",
        "values": [
            {"file": str(a), "line": 5, "column": 6, "value": 3},
            {"file": str(b), "line": 5, "column": 6, "value": 4},
        ],
    }


def test_prefer_a_file_or_the_latest(run: Run, write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: 3\n  5: 1\n")
    b = write("b.yaml", HEAD + "  1: 4\n  6: 2\n")
    out = tmp_path / "gabung.yaml"
    assert run("merge", str(a), str(b), "-o", str(out), "--prefer", str(a)).exit_code == 0
    assert {k: v.level for k, v in read_answers(out).answers.items()} == {1: 3, 5: 1, 6: 2}
    os.utime(a, (1_000_000, 1_000_000))  # a is older
    # gabung.yaml now holds answers and is not an input: replacing it needs --force.
    refused = run("merge", str(a), str(b), "-o", str(out), "--prefer", "latest")
    assert refused.exit_code == 2 and "bukan salah satu berkas yang digabung" in refused.stderr
    r = run("merge", str(a), str(b), "-o", str(out), "--prefer", "latest", "--force")
    assert r.exit_code == 0 and read_answers(out).answers[1].level == 4
    assert "Konflik yang diselesaikan dengan --prefer (1):" in r.stdout
    assert f"Indikator 1, tingkat: nilai dari {b}" in r.stdout
    r = run("merge", str(a), str(b), "-o", str(out), "--prefer", "c.yaml")
    assert r.exit_code == 2 and "bukan salah satu berkas masukan" in r.stderr


def test_merge_into_one_of_the_inputs(run: Run, write: Write) -> None:
    shared = write("bersama.yaml", HEAD + "  1: 3\n")
    unit = write("unit.yaml", HEAD + "  2: 4\n")
    assert run("merge", str(shared), str(unit), "-o", str(shared)).exit_code == 0
    assert sorted(read_answers(shared).answers) == [1, 2]


@pytest.mark.parametrize(
    ("change", "key"),
    [("instansi: Kab Uji", "instansi"), ("tahun: 2024", "tahun"), ("model: spbe-2020", "model")],
)
def test_different_agency_year_or_model_is_an_error(
    run: Run, write: Write, tmp_path: Path, change: str, key: str
) -> None:
    other = {"instansi": "instansi: Kota Lain", "tahun": "tahun: 2023", "model": "model: spbe-2018"}[key]
    a = write("a.yaml", HEAD + "  1: 3\n")
    b = write("b.yaml", (HEAD + "  2: 3\n").replace(change, other))
    r = run("merge", str(a), str(b), "-o", str(tmp_path / "g.yaml"))
    assert r.exit_code == 2 and f"berkas tidak dapat digabung: {key} berbeda" in r.stderr
    assert not (tmp_path / "g.yaml").exists()


def test_a_broken_input_is_reported_with_its_position(run: Run, write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: 3\n")
    b = write("b.yaml", HEAD + "  2: tiga\n")
    r = run("merge", str(a), str(b), "-o", str(tmp_path / "g.yaml"))
    assert r.exit_code == 2 and f"{b}:5:6:" in r.stderr


def test_merge_takes_its_turn_under_the_lock(run: Run, write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge into a file someone is saving waits for the lock (and says so when it cannot)."""
    import spbe_calc.answers.store

    monkeypatch.setattr(spbe_calc.answers.store, "LOCK_WAIT", 0.3)
    a = write("a.yaml", HEAD + "  1: 3\n")
    b = write("b.yaml", HEAD + "  2: 3\n")
    with FileLock(lock_path(a)):  # an assess session saving a.yaml right now
        r = run("merge", str(a), str(b), "-o", str(a))
    assert r.exit_code == 2 and "sedang disimpan oleh sesi lain" in r.stderr
    assert sorted(read_answers(a).answers) == [1]
    assert run("merge", str(a), str(b), "-o", str(a)).exit_code == 0
    assert sorted(read_answers(a).answers) == [1, 2]


def test_merge_points_at_a_published_result(run: Run, tmp_path: Path) -> None:
    tahap = EXAMPLES_DIR / "tahap"
    r = run(
        "merge",
        str(tahap / "kabupaten-contoh-2021.yaml"),
        str(tahap / "kabupaten-contoh-2022.yaml"),
        "-o",
        str(tmp_path / "m.yaml"),
    )
    assert r.exit_code == 2 and "kabupaten-contoh-2021.yaml:9:3:" in r.stderr  # the value of `hasil`


def _refused(*paths: Path) -> list[Problem]:
    out = paths[0].parent / "gabung.yaml"
    with pytest.raises(SpbeError) as info:
        merge_files([str(p) for p in paths], str(out))
    assert not out.exists()
    return info.value.problems


def _mismatch(first: Path, key: str, values: str) -> Problem:
    """The problem of files that disagree on ``key``, said of the first file (the file as a whole)."""
    return Problem(path=str(first), line=0, col=0, code="merge-mismatch", args={"key": key, "values": values})


def test_files_of_other_agencies_or_years_are_named_with_the_first_file_of_each(write: Write) -> None:
    a = write("a.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2024\nlevels: {1: 3}\n")
    b = write("b.yaml", "model: spbe-2020\ninstansi: Kab B\ntahun: 2024\nlevels: {2: 3}\n")
    c = write("c.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2023\nlevels: {3: 3}\n")
    assert _refused(a, b, c) == [
        _mismatch(a, "instansi", f"Kab A ({a}); Kab B ({b})"),
        _mismatch(a, "tahun", f"2024 ({a}); 2023 ({c})"),
    ]


def test_a_published_result_cannot_join_levels_but_an_empty_copy_can(write: Write, tmp_path: Path) -> None:
    published = write(
        "hasil.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2024\nhasil: {indeks: 2.5, predikat: Baik}\n"
    )
    levels = write("isi.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2024\nlevels: {1: 3}\n")
    empty = write("kosong.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2024\n")
    (problem,) = _refused(published, levels)
    assert (problem.code, problem.path, problem.line, problem.args) == (
        "merge-published",
        str(published),
        4,
        {"other": str(levels)},
    )
    merged = merge_files([str(published), str(empty)], str(tmp_path / "gabung.yaml"))
    assert merged.written and merged.answers.hasil is not None


def test_file_values_come_from_whichever_file_gives_them(write: Write, tmp_path: Path) -> None:
    bare = write("a.yaml", "levels: {1: 3}\n")  # says nothing of itself
    full = write("b.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2024\nlevels: {2: 4}\n")
    merged = merge_files([str(bare), str(full)], str(tmp_path / "gabung.yaml"))
    result = merged.answers
    assert (result.model, result.instansi, result.tahun) == ("spbe-2020", "Kab A", 2024)
    assert (result.problems, result.invalid, result.laporan, result.where) == ((), frozenset(), None, None)
    assert "laporan" not in (tmp_path / "gabung.yaml").read_text(encoding="utf-8")


def test_a_report_part_given_once_is_taken_and_the_rest_stays_empty(write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: 3\nlaporan: {tempat: Kota Uji}\n")
    b = write("b.yaml", HEAD + "  2: 3\n")
    out = tmp_path / "gabung.yaml"
    merged = merge_files([str(a), str(b)], str(out))
    assert merged.answers.laporan == Laporan(tempat="Kota Uji")  # signers: none, not "null"
    assert read_answers(out).laporan == Laporan(tempat="Kota Uji")
    assert "penandatangan" not in out.read_text(encoding="utf-8")


def test_conflicts_are_placed_where_each_value_is_written(write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: {level: 3, tahap: {akhir: 2}}\nlaporan:\n  tempat: Kota A\n")
    b = write("b.yaml", HEAD + "  1:\n    level: 4\n    tahap: {akhir: 3}\nlaporan: {tempat: Kota B}\n")
    merged = merge_files([str(a), str(b)], str(tmp_path / "gabung.yaml"))
    places = {(c.indicator, c.field): [(v.line, v.col, v.value) for v in c.values] for c in merged.conflicts}
    assert places == {
        (1, "level"): [(5, 14, 3), (6, 12, 4)],
        (1, "tahap.akhir"): [(5, 32, 2), (7, 20, 3)],
        (None, "laporan.tempat"): [(7, 11, "Kota A"), (8, 19, "Kota B")],
    }


def test_prefer_latest_trusts_the_newest_file_whatever_its_name(write: Write, tmp_path: Path) -> None:
    newer = write("a.yaml", HEAD + "  1: 4\n")
    older = write("b.yaml", HEAD + "  1: 3\n")
    os.utime(older, (1_000_000, 1_000_000))
    merged = merge_files([str(older), str(newer)], str(tmp_path / "gabung.yaml"), prefer="latest")
    assert merged.answers.answers[1].level == 4
    assert [s.chosen.path for s in merged.settled] == [str(newer)]


def test_an_input_named_another_way_is_still_the_output(write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: 3\n")
    b = write("b.yaml", HEAD + "  2: 3\n")
    (tmp_path / "sub").mkdir()
    same = tmp_path / "sub" / ".." / "a.yaml"  # not the same name, the same file
    merged = merge_files([str(a), str(b)], str(same))
    assert merged.written and {k: v.level for k, v in read_answers(a).answers.items()} == {1: 3, 2: 3}


def test_what_merge_refuses_before_reading_anything(write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: 3\n")
    out = str(tmp_path / "gabung.yaml")
    with pytest.raises(SpbeError) as info:
        merge_files([str(a)], out)
    assert info.value.problems == [Problem(path=str(a), line=0, col=0, code="merge-one-file", args={})]
    with pytest.raises(SpbeError) as info:
        merge_files([], out)
    assert [(p.path, p.code) for p in info.value.problems] == [("merge", "merge-one-file")]
    with pytest.raises(SpbeError) as info:
        merge_files([str(a), str(a)], out, prefer="c.yaml")
    (problem,) = info.value.problems
    assert (problem.path, problem.code, problem.args) == (
        "--prefer",
        "merge-prefer",
        {"value": "c.yaml", "files": f"{a}, {a}"},
    )


def test_an_output_with_answers_is_kept_unless_forced(write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "  1: 3\n")
    b = write("b.yaml", HEAD + "  2: 3\n")
    out = write("lain.yaml", HEAD + "  9: 1\n")
    with pytest.raises(SpbeError) as info:
        merge_files([str(a), str(b)], str(out))  # force is off by default
    assert [p.code for p in info.value.problems] == ["merge-output-exists"]
    assert read_answers(out).answers[9].level == 1
    assert merge_files([str(a), str(b)], str(out), force=True).written


def test_every_broken_input_is_reported_at_once(write: Write, tmp_path: Path) -> None:
    bad_yaml = write("a.yaml", HEAD + "  1: [3\n")
    good = write("b.yaml", HEAD + "  2: 3\n")
    bad_field = write("c.yaml", HEAD + "  3: {level: 3, fakta: [x]}\n")
    off_scale = write("d.yaml", HEAD + "  4: 9\n")
    also_off = write("e.yaml", HEAD + "  5: 0\n")
    also_bad_yaml = write("f.yaml", HEAD + "  6: {level: 3\n")
    problems = _refused(bad_yaml, good, bad_field, also_bad_yaml)
    assert sorted({Path(p.path).name for p in problems}) == ["a.yaml", "c.yaml", "f.yaml"]
    # Files that read cleanly are checked against the model, every one of them.
    problems = _refused(good, off_scale, also_off)
    assert [(Path(p.path).name, p.code) for p in problems] == [
        ("d.yaml", "level-out-of-range"),
        ("e.yaml", "level-out-of-range"),
    ]


def test_files_of_two_models_are_named_with_their_models(write: Write) -> None:
    a = write("a.yaml", "model: spbe-2020\ninstansi: X\ntahun: 2021\nlevels: {1: 3}\n")
    b = write("b.yaml", "model: spbe-2018\ninstansi: X\ntahun: 2021\nlevels: {2: 3}\n")
    assert _refused(a, b) == [_mismatch(a, "model", f"spbe-2020 ({a}); spbe-2018 ({b})")]


def test_files_that_name_nothing_merge_with_the_model_asked_for(write: Write, tmp_path: Path) -> None:
    # Indicator 2 of this model starts at level 0, which the bundled model would refuse.
    model = write("m.yaml", TWO_SCALES)
    a = write("a.yaml", "levels: {1: 3}\n")
    b = write("b.yaml", "levels: {2: 0}\n")
    merged = merge_files([str(a), str(b)], str(a), model_ref=str(model))  # into one of them
    assert merged.written and merged.output == str(a)
    result = read_answers(a)
    assert (result.model, result.instansi, result.tahun) == (None, None, None)
    assert {k: v.level for k, v in result.answers.items()} == {1: 3, 2: 0}
    assert {p.code for p in _refused(a, b)} == {"level-out-of-range"}  # without it: the bundled model


def test_an_output_saved_meanwhile_is_merged_as_it_is_now(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    """The output is one of the inputs, and someone saves it between merge's read and its write:
    what they saved is merged, not the copy read before."""
    a = write("a.yaml", HEAD + "  1: 3\n")
    b = write("b.yaml", HEAD + "  2: 3\n")
    real_check = merge._check
    calls = []

    def check_then_someone_saves(inputs: list[merge._Input], model_ref: str | None) -> Model:
        calls.append(len(inputs))
        if len(calls) == 1:  # after merge has read the inputs, before it takes the lock
            a.write_text(HEAD + "  1: 3\n  7: 4\n", encoding="utf-8")
        return real_check(inputs, model_ref)

    monkeypatch.setattr(merge, "_check", check_then_someone_saves)
    merged = merge_files([str(a), str(b)], str(a))
    assert merged.written and len(calls) == 2  # checked again as the file is now
    assert {k: v.level for k, v in read_answers(a).answers.items()} == {1: 3, 2: 3, 7: 4}


def test_the_json_of_a_merge_says_each_conflict_and_what_was_chosen(run: Run, write: Write, tmp_path: Path) -> None:
    """Two copies of a published result that disagree: every value of each, and the one --prefer took."""
    a = write("a.yaml", "tahun: 2024\nhasil: {indeks: 2.5, predikat: Baik, domains: {1: 2.7}, sumber: Laporan – A}\n")
    b = write("b.yaml", "tahun: 2024\nhasil: {indeks: 2.51, predikat: Baik, aspects: {2: 3.1}}\n")
    out = str(tmp_path / "gabung.yaml")
    raw = run("merge", str(a), str(b), "-o", out, "--prefer", str(b), "-f", "json").stdout
    data = json.loads(raw)
    hasil_a = {"indeks": "2.5", "predikat": "Baik", "domains": {"1": "2.7"}, "aspects": {}, "sumber": "Laporan – A"}
    hasil_b = {"indeks": "2.51", "predikat": "Baik", "domains": {}, "aspects": {"2": "3.1"}, "sumber": None}
    assert data["conflicts"] == []
    (settled,) = data["settled"]
    assert (settled["indicator"], settled["field"]) == (None, "hasil")
    assert settled["chosen"] == {"file": str(b), "line": 2, "column": 8, "value": hasil_b}
    assert settled["values"] == [
        {"file": str(a), "line": 2, "column": 8, "value": hasil_a},
        {"file": str(b), "line": 2, "column": 8, "value": hasil_b},
    ]
    assert '"Laporan – A"' in raw  # written as it is, not escaped
