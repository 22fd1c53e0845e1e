"""The LKE workbook: export with live formulas (evaluated by an independent engine), CSV, and import."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import formulas
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_calc.answers import Answer, Answers, Evidence, Laporan, Signer, read_answers
from spbe_calc.answers.write import dump_answers
from spbe_calc.core import score_answers
from spbe_calc.model import load_model
from spbe_calc.numbers import round_half_up

from .conftest import DATA, EXAMPLES, Run
from .helpers import examples

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"
STAGED = EXAMPLES / "tahap" / "kabupaten-contoh-2022.yaml"
MODEL = load_model("spbe-2020")


def _export(run: Run, source: Path, out: Path, *args: str) -> openpyxl.Workbook:
    r = run("export", str(source), "-o", str(out), *args)
    assert r.exit_code == 0, r.stderr
    return openpyxl.load_workbook(out)


def test_the_workbook_has_the_shape_of_the_lke(run: Run, tmp_path: Path) -> None:
    book = _export(run, STAGED, tmp_path / "lke.xlsx")
    assert book.sheetnames == ["LKE", "Hasil", "Info"]
    lke = book["LKE"]
    headers = [c.value for c in lke[2]]
    assert headers[:10] == [
        "Domain", "Aspek", "No", "Indikator", "Bobot (%)", "Tingkat", "Nama Tingkat", "Fakta", "Analisis", "Bukti",
    ]  # fmt: skip
    assert {"Tingkat Dokumen", "Tingkat Interviu", "Tingkat Akhir"} <= set(headers)
    assert lke.max_row == 49  # a title, a header and the 47 indicators
    assert lke["A1"].value.startswith("Lembar Kerja Evaluasi — Pemerintah Kabupaten Contoh · 2022")
    first = {h: c.value for h, c in zip(headers, lke[3])}
    assert (first["No"], first["Tingkat"], first["Tingkat Akhir"]) == ("1", 4, 3)
    assert first["Nama Tingkat"].startswith("=IF(ISNUMBER(F3),CHOOSE(")  # a formula: follows the level
    assert lke.freeze_panes == "E3" and lke.print_title_rows == "$2:$2"
    assert lke.page_setup.orientation == "landscape" and int(lke.page_setup.paperSize) == 9  # A4
    assert lke.row_dimensions[3].outline_level == 1  # the indicator rows, one outline group
    lists = {dv.formula1 for dv in lke.data_validations.dataValidation}
    assert lists == {'"1,2,3,4,5"'}
    covered = " ".join(str(dv.sqref) for dv in lke.data_validations.dataValidation)
    assert "F3:F49" in covered
    helpers = [
        c.column_letter for c in lke[2] if c.value in ("bukti (data)", "satuan", "kode aspek", "nilai", "kosong")
    ]
    assert len(helpers) == 5 and all(lke.column_dimensions[c].hidden for c in helpers)


def test_texts_stay_texts(run: Run, tmp_path: Path, write: Any) -> None:
    """A fakta that starts with '=' is not a formula in the workbook, nor in the CSV."""
    path = write("a.yaml", 'model: spbe-2020\nlevels:\n  1: {level: 2, fakta: "=HYPERLINK(\\"http://x\\")"}\n')
    book = _export(run, path, tmp_path / "a.xlsx")
    cell = book["LKE"]["H3"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'
    assert run("export", str(path), "-o", str(tmp_path / "a.csv")).exit_code == 0
    row = next(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert row["Fakta"] == '\'=HYPERLINK("http://x")'


def test_csv_has_the_same_rows(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "lke.csv"
    assert run("export", str(EX22), "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 47
    assert rows[0]["No"] == "1" and rows[0]["Bobot (%)"] == "1.3" and rows[0]["Tingkat"] == "3"
    assert rows[0]["Nama Tingkat"] == "Terdefinisi"
    assert "Perbup Nomor 12 Tahun 2021" in rows[0]["Bukti"]


# --- the formulas, evaluated by an independent engine -------------------------------------------


class Sheet:
    """An exported workbook loaded once into the `formulas` engine; levels are then set as inputs."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.model = formulas.ExcelModel().loads(str(path)).finish()
        book = openpyxl.load_workbook(path)
        self.rows = {str(c.value): c.row for c in book["LKE"]["C"][1:]}  # "12", or "35.2" for an item
        #: the Hasil row of each domain and aspect (D1, A1, ...)
        self.result = {str(c.value): c.row for c in book["Hasil"]["A"] if c.value and str(c.value)[:1] in "DA"}

    def ref(self, sheet: str, cell: str) -> str:
        return f"'[{self.name}]{sheet.upper()}'!{cell}"

    def evaluate(self, levels: dict[int, int], outputs: list[str]) -> dict[str, Any]:
        inputs = {self.ref("LKE", f"F{self.rows[str(i)]}"): level for i, level in levels.items()}
        refs = [self.ref("HASIL", c) for c in outputs]
        solution = self.model.calculate(inputs=inputs, outputs=refs)
        return {c: solution[r].value[0, 0] for c, r in zip(outputs, refs)}


def _index_row(path: Path) -> int:
    book = openpyxl.load_workbook(path)
    return int(book.defined_names["IndeksSPBE"].attr_text.rsplit("$", 1)[1])


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Sheet, int]:
    from .conftest import Run

    out = tmp_path_factory.mktemp("lke") / "lke.xlsx"
    assert Run()("export", str(EX22), "-o", str(out)).exit_code == 0
    return Sheet(out), _index_row(out)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(levels=st.lists(st.integers(1, 5), min_size=47, max_size=47))
def test_the_workbook_computes_what_score_computes(exported: tuple[Sheet, int], levels: list[int]) -> None:
    sheet, index_row = exported
    chosen = dict(enumerate(levels, start=1))
    answers = Answers("x.yaml", "spbe-2020", None, 2022, {i: Answer(i, lv) for i, lv in chosen.items()})
    scored = score_answers(answers, MODEL)
    s = scored.score
    # the index, and every domain and aspect on its own row: rounded, predikat, exact
    groups = [(index_row, s)] + [
        (sheet.result[f"{code}{g.id}"], g) for code, gs in (("D", s.domains), ("A", s.aspects)) for g in gs
    ]
    got = sheet.evaluate(chosen, [f"{c}{row}" for row, _ in groups for c in "DEF"])
    for row, g in groups:
        assert Fraction(str(got[f"D{row}"])) == Fraction(round_half_up(g.value, 2)), row
        assert got[f"E{row}"] == g.band.name, row
        assert abs(got[f"F{row}"] - float(g.value)) < 1e-12, row


@pytest.mark.parametrize(("year", "predikat"), [(2023, "Cukup"), (2024, "Kurang")])
def test_the_workbook_bands_as_the_year_rule_says(run: Run, tmp_path: Path, year: int, predikat: str) -> None:
    """Nias Barat's exact 1.7975: rounded banding in 2023 (Cukup), exact in 2024 (Kurang)."""
    out = tmp_path / f"nias-{year}.xlsx"
    _export(run, DATA / f"nias-barat-{year}.yaml", out)
    row = _index_row(out)
    got = Sheet(out).evaluate({}, [f"D{row}", f"E{row}"])
    assert got == {f"D{row}": 1.8, f"E{row}": predikat}


# --- import --------------------------------------------------------------------------------------


def _edited(run: Run, tmp_path: Path, edit: Any) -> tuple[Any, Path]:
    source = tmp_path / "lke.xlsx"
    book = _export(run, EX22, source)
    edit(book["LKE"])
    book.save(source)
    out = tmp_path / "jawaban.yaml"
    return run("import", str(source), "-o", str(out)), out


def test_import_reads_levels_however_they_were_typed(run: Run, tmp_path: Path) -> None:
    def edit(lke: Any) -> None:
        lke["F3"] = "4"
        lke["F4"] = 4.0
        lke["F5"] = " 3 "  # a cell typed as text, as an answers file may quote it
        lke["F6"] = "2.0"
        lke["F7"] = None  # left empty: not answered
        lke.insert_rows(10)  # an empty row in the middle
        lke["A61"] = "Catatan: diperiksa tim"  # a note below the table
        lke.move_range("A21:T21", rows=45)  # a row moved to the end

    result, out = _edited(run, tmp_path, edit)
    assert result.exit_code == 0, result.stderr
    answers = read_answers(out)
    assert [answers.answers[i].level for i in (1, 2, 3, 4)] == [4, 4, 3, 2]
    assert 5 not in answers.answers
    assert len(answers.answers) == 46
    assert answers.instansi == "Pemerintah Kabupaten Contoh" and answers.tahun == 2022
    assert answers.laporan is not None and answers.laporan.penandatangan[0].nama == "Dr. Ir. Hendra Wijaya, M.Si."


@pytest.mark.parametrize(
    ("hidden", "shown"),
    [
        ('[{"nomor": "1"}]', " (1)"),  # neither path nor url
        ('[{"path": "a.pdf", "url": "https://contoh.go.id"}]', "a.pdf"),  # both
        ('[{"path": "a.pdf", "sha256": "abc"}]', "a.pdf"),  # not a SHA-256
        ('[{"path": "a.pdf", "tanggal": "kemarin"}]', "a.pdf"),  # not a date
        ('[{"path": "a.pdf", "path": "b.pdf"}]', "b.pdf"),  # a key twice
        ('{"path": "a.pdf"}', "a.pdf"),  # not a list
        ("[[[", "a.pdf"),  # not JSON at all
    ],
)
def test_an_edited_hidden_evidence_column_cannot_make_a_bad_answers_file(
    run: Run, tmp_path: Path, hidden: str, shown: str
) -> None:
    """The hidden column is held to the answers file's rules; what breaks one leaves the visible text.

    The visible cell reads as the hidden entry would be shown, so only the rules decide.
    """

    def edit(lke: Any) -> None:
        lke["J3"] = shown
        lke["K3"] = hidden

    result, out = _edited(run, tmp_path, edit)
    assert result.exit_code == 0, result.stderr
    assert read_answers(out).answers[1].bukti == (shown,)
    assert run("score", str(out)).exit_code == 0


def test_a_valid_hidden_evidence_entry_keeps_its_details(run: Run, tmp_path: Path) -> None:
    def edit(lke: Any) -> None:
        lke["J3"] = "https://contoh.go.id/sk (12/2024)"
        lke["K3"] = '[{"url": "https://contoh.go.id/sk", "nomor": "12/2024"}]'

    result, out = _edited(run, tmp_path, edit)
    assert result.exit_code == 0, result.stderr
    assert read_answers(out).answers[1].bukti == (Evidence(url="https://contoh.go.id/sk", nomor="12/2024"),)


def test_the_hidden_evidence_column_keeps_control_characters(run: Run, tmp_path: Path) -> None:
    """Written as JSON that YAML reads alike: a DEL or a BOM inside an entry survives the trip."""
    entry = Evidence(path="a\x7f\ufeff.pdf", nomor="1/\x00")
    source = tmp_path / "jawaban.yaml"
    source.write_text(
        dump_answers(Answers("x", None, None, None, answers={1: Answer(1, 3, bukti=(entry,))})), encoding="utf-8"
    )
    _export(run, source, tmp_path / "lke.xlsx")
    result = run("import", str(tmp_path / "lke.xlsx"), "-o", str(tmp_path / "b.yaml"))
    assert result.exit_code == 0, result.stderr
    assert read_answers(tmp_path / "b.yaml").answers[1].bukti == (entry,)


def test_import_names_every_problem_by_cell_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    def edit(lke: Any) -> None:
        lke["F15"] = 7
        lke["F16"] = 2.5
        lke["F17"] = "3 - Terkelola"
        lke["C18"] = "99"
        lke["C19"] = "1"

    result, out = _edited(run, tmp_path, edit)
    assert result.exit_code == 1 and not out.exists()
    err = result.stderr
    assert "lke.xlsx:LKE!F15: galat: tingkat 7 untuk indikator 13 di luar skala Kapabilitas Proses (1-5)" in err
    assert "LKE!F16: galat: tingkat 2.5 bukan bilangan bulat" in err
    # The same words as for an answers file: one reader of levels (spbe_calc/answers/level.py).
    assert "LKE!F17: galat: '3 - Terkelola' bukan tingkat" in err and "bilangan bulat saja" in err
    assert "LKE!C18" in err and "'99' bukan nomor indikator" in err
    assert "LKE!C19" in err and "sudah ada di baris 3" in err
    parsable = run("import", str(tmp_path / "lke.xlsx"), "-o", str(out), "--lang", "en")
    assert parsable.exit_code == 1


def test_import_refuses_what_is_not_an_lke(run: Run, tmp_path: Path, write: Any) -> None:
    out = tmp_path / "j.yaml"
    not_xlsx = write("x.xlsx", "model: spbe-2020\n")
    r = run("import", str(not_xlsx), "-o", str(out))
    assert r.exit_code == 2 and f"{not_xlsx}: galat: bukan buku kerja Excel (.xlsx) yang dapat dibaca" in r.stderr
    book = openpyxl.Workbook()
    book.active.title = "Lain"
    book.save(tmp_path / "other.xlsx")
    r = run("import", str(tmp_path / "other.xlsx"), "-o", str(out))
    assert r.exit_code == 2 and "'LKE'" in r.stderr and not out.exists()


def test_import_keeps_the_comments_of_the_file_it_replaces(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "jawaban.yaml"
    out.write_text(EX22.read_text(encoding="utf-8"), encoding="utf-8")
    source = tmp_path / "lke.xlsx"
    _export(run, EX22, source)
    refused = run("import", str(source), "-o", str(out))
    assert refused.exit_code == 2 and "--force" in refused.stderr  # it holds answers: not replaced unasked
    assert run("import", str(source), "-o", str(out), "--force").exit_code == 0
    assert "# What the signed report needs" in out.read_text(encoding="utf-8")


# --- the round trip --------------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_words = _text.filter(str.strip)
#: A date as answers files write it (YYYY-MM-DD)
_dates = st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10)
_evidence = st.builds(
    Evidence,
    path=_words,
    url=st.none(),
    nomor=st.one_of(st.none(), _words),
    tanggal=st.one_of(st.none(), _dates),
    sha256=st.one_of(st.none(), st.text("0123456789abcdef", min_size=64, max_size=64)),
)
_level = st.one_of(st.none(), st.integers(1, 5))
_stages = st.lists(st.sampled_from(["dokumen", "interviu", "visitasi", "akhir"]), unique=True).map(
    lambda names: sorted(names, key=["dokumen", "interviu", "visitasi", "akhir"].index)
)


@st.composite
def _answer(draw: st.DrawFn, ident: int) -> Answer:
    stages = draw(_stages)
    return Answer(
        ident,
        draw(_level),
        draw(st.one_of(st.none(), _words)),
        draw(st.one_of(st.none(), _words)),
        tuple(draw(st.lists(st.one_of(_words, _evidence), max_size=3))),
        tuple((s, draw(st.integers(1, 5))) for s in stages),
    )


@st.composite
def _answers(draw: st.DrawFn) -> Answers:
    ids = draw(st.lists(st.integers(1, 47), unique=True, max_size=8))
    entries = {i: draw(_answer(i)) for i in ids}
    # An entry that says nothing (no level, no text, no stage) is unanswered either way; the
    # workbook has no way to hold "written but empty", so such entries are left out here.
    entries = {i: a for i, a in entries.items() if a.level is not None or a.fakta or a.analisis or a.bukti or a.tahap}
    signers = draw(
        st.lists(
            st.builds(Signer, _words, _words, st.one_of(st.none(), _words), st.one_of(st.none(), _words)), max_size=2
        )
    )
    laporan = Laporan(
        tempat=draw(st.one_of(st.none(), _words)),
        tanggal=draw(st.one_of(st.none(), _dates)),
        logo=draw(st.one_of(st.none(), _words)),
        penandatangan=tuple(signers),
    )
    return Answers(
        "a.yaml",
        draw(st.one_of(st.none(), st.just("spbe-2020"))),
        draw(st.one_of(st.none(), _words)),
        draw(st.one_of(st.none(), st.integers(2018, 2030))),
        entries,
        laporan=None if laporan == Laporan() else laporan,
    )


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=_answers())
def test_export_then_import_gives_the_same_answers_file(
    run: Run, tmp_path_factory: pytest.TempPathFactory, answers: Answers
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    order = [i.id for i in MODEL.indicators]
    text = dump_answers(answers, order)
    source = folder / "a.yaml"
    source.write_text(text, encoding="utf-8")
    assert run("export", str(source), "-o", str(folder / "a.xlsx"), "--stage", "mandiri").exit_code == 0
    result = run("import", str(folder / "a.xlsx"), "-o", str(folder / "b.yaml"))
    assert result.exit_code == 0, result.stderr
    assert (folder / "b.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("source", "stage"),
    [
        (EXAMPLES / "kota-denpasar-2018.yaml", "mandiri"),  # spbe-2018: an indicator scored per item
        (STAGED, "mandiri"),
        (STAGED, "akhir"),  # the formulas score the stage asked for
    ],
)
def test_the_workbook_of_each_example_gives_its_score(run: Run, tmp_path: Path, source: Path, stage: str) -> None:
    out = tmp_path / "lke.xlsx"
    _export(run, source, out, "--stage", stage)
    row = _index_row(out)
    got = Sheet(out).evaluate({}, [f"D{row}", f"E{row}", f"F{row}"])
    scored = json.loads(run("score", str(source), "--stage", stage, "-f", "json").stdout)
    scored = scored["files"][0] if "files" in scored else scored
    assert got[f"D{row}"] == scored["index"] and got[f"E{row}"] == scored["predikat"]
    assert abs(got[f"F{row}"] - float(scored["index_exact"])) < 1e-12


def test_a_zip_bomb_is_refused_before_it_is_opened(run: Run, tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (30 * 1024 * 1024))  # 30 MB of zeros: tiny zipped
    assert bomb.stat().st_size < 100_000
    r = run("import", str(bomb), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and "terurai menjadi" in r.stderr


def test_a_formula_in_a_level_cell_is_not_run(run: Run, tmp_path: Path) -> None:
    def edit(lke: Any) -> None:
        lke["F3"] = "=2+1"

    result, out = _edited(run, tmp_path, edit)
    assert result.exit_code == 1 and "LKE!F3" in result.stderr and not out.exists()


def _mini_variant(folder: Path, *edits: tuple[str, str]) -> Path:
    """The mini model with text replaced (each edit must apply), written beside the answers."""
    from .helpers import MINI_TEXT

    text = MINI_TEXT
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "m.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edits", "levels", "predikat"),
    [
        # an upper edge that belongs to the band below: 1.80 exactly is still Kurang
        (
            [
                ("{name: Cukup,       min: 1.8, max: 2.6, min_inclusive: true,",
                 "{name: Cukup,       min: 1.8, max: 2.6, min_inclusive: false,"),
                ("{name: Kurang,      min: null, max: 1.8, max_inclusive: false}",
                 "{name: Kurang,      min: null, max: 1.8, max_inclusive: true}"),
            ],
            {1: 2, 2: 1, 3: 2, 4: 2, 5: 2},
            "Kurang",
        ),
        # banded on the index rounded to two places: 2.58 is Cukup (not 2.60, Baik)
        (
            [
                ("  banding: exact", "  banding: rounded"),
                ("{id: 4, name: Indikator Empat, weight: 10.00,", "{id: 4, name: Indikator Empat, weight: 9.00,"),
                ("{id: 5, name: Indikator Lima, weight: 15.00,", "{id: 5, name: Indikator Lima, weight: 16.00,"),
            ],
            {1: 1, 2: 1, 3: 5, 4: 3, 5: 1},
            "Cukup",
        ),
    ],
)  # fmt: skip
def test_the_workbook_bands_at_an_edge_as_score_does(
    run: Run, tmp_path: Path, edits: list[tuple[str, str]], levels: dict[int, int], predikat: str
) -> None:
    _mini_variant(tmp_path, *edits)
    source = tmp_path / "j.yaml"
    source.write_text("model: m.yaml\nlevels:\n" + "".join(f"  {k}: {v}\n" for k, v in levels.items()))
    scored = json.loads(run("score", str(source), "-f", "json").stdout)
    assert scored["predikat"] == predikat
    out = tmp_path / "lke.xlsx"
    _export(run, source, out)
    row = _index_row(out)
    assert Sheet(out).evaluate({}, [f"E{row}"]) == {f"E{row}": predikat}


def test_a_level_name_with_quotes_is_named_by_the_workbook_as_written(run: Run, tmp_path: Path) -> None:
    _mini_variant(tmp_path, ("3: {name: Terdefinisi}", "3: {name: 'Ter\"defi\"nisi'}"))
    source = tmp_path / "j.yaml"
    source.write_text("model: m.yaml\nlevels:\n  1: 3\n")
    out = tmp_path / "lke.xlsx"
    _export(run, source, out)
    model = formulas.ExcelModel().loads(str(out)).finish()
    ref = f"'[{out.name}]LKE'!G3"
    assert model.calculate(outputs=[ref])[ref].value[0, 0] == 'Ter"defi"nisi'


def test_texts_that_look_like_cell_escapes_come_back_as_written(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "j.yaml"
    fakta = "kode _x0041_ dan _X0042_ dan _x005F_ tetap"
    source.write_text(f'model: spbe-2020\nlevels:\n  1: {{level: 3, fakta: "{fakta}"}}\n', encoding="utf-8")
    out = tmp_path / "lke.xlsx"
    _export(run, source, out)
    assert openpyxl.load_workbook(out)["LKE"]["H3"].value == fakta.replace("_x0", "_x005F_x0")  # escaped
    back = tmp_path / "k.yaml"
    assert run("import", str(out), "-o", str(back)).exit_code == 0
    assert read_answers(back).answers[1].fakta == fakta
