"""The edges a user meets (issue 14): messages that name the right thing, no silent surprises,
output that scripts can rely on. Each test runs the command line as a user would."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.answers import read_answers
from spbe_calc.errors import SpbeError
from spbe_calc.interactive import ScriptedPrompter
from spbe_calc.interactive import run as run_questionnaire
from spbe_calc.questionnaire import Questionnaire
from spbe_calc.render.messages import format_problem

from .conftest import DATA, EXAMPLES, ROOT, Run, answers_text

EX21 = str(EXAMPLES / "kabupaten-contoh-2021.yaml")
EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")
DPS = str(EXAMPLES / "kota-denpasar-2018.yaml")
ALL = dict.fromkeys(range(1, 48), 3)

Write = Callable[..., Path]

#: A model of aspects only whose weights are thirds: 1, 1, 2 give the index 4/3.
THIRDS = (DATA / "model-thirds.yaml").read_text(encoding="utf-8")


# --- 1. messages name the right thing ------------------------------------------------------------


def test_plan_names_its_own_options(run: Run, write: Write) -> None:
    r = run("plan", EX22, "--target", "abc")
    assert r.exit_code == 2 and r.stderr.startswith("--target:") and "--fail-under" not in r.stderr
    incomplete = write("j.yaml", answers_text({1: 3}))
    r = run("plan", str(incomplete), "--target", "Baik")
    assert r.exit_code == 2 and "--partial" not in r.stderr
    assert f"spbe-calc assess {incomplete} --indicators '2-47'" in r.stderr


def test_indicator_zero_is_not_in_the_model(run: Run, write: Write) -> None:
    r = run("score", "--partial", str(write("j.yaml", "model: spbe-2020\nlevels:\n  0: 3\n  1: 2\n")))
    assert r.exit_code == 2
    assert ":3:3: galat: indikator 0 tidak ada dalam model spbe-2020 (indikator 1-47)" in r.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", str(ROOT / "indicators.yaml")], "ini berkas model, bukan berkas jawaban"),
        (["score", str(EXAMPLES / "rencana-2023.yaml")], "ini berkas rencana, bukan berkas jawaban"),
        (["score", EX22, "--model", EX21], "ini berkas jawaban, bukan berkas model"),
        (["plan", EX22, "-t", "Baik", "-c", EX21], "ini berkas jawaban, bukan berkas rencana"),
    ],
)
def test_a_file_of_the_wrong_kind_is_one_line(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2
    errors = [line for line in r.stderr.splitlines() if ": galat: " in line]
    assert len(errors) == 1 and said in errors[0] and "tidak dikenal" not in r.stderr


def test_a_model_with_a_misspelt_key_still_gets_its_sums_and_ids_checked(run: Run, write: Write) -> None:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("\nscales:", "\nscalez:", 1)
    first = text.index("- id: 2\n", text.index("indicators:"))  # indicator 2 becomes a second 1
    text = text[:first] + "- id: 1\n" + text[first + len("- id: 2\n") :]
    weight = text.index("weight: 2.50", text.index("indicators:"))
    text = text[:weight] + "weight: 9.99" + text[weight + len("weight: 2.50") :]
    r = run("validate", "-f", "json", str(write("m.yaml", text)))
    codes = {p["code"] for p in json.loads(r.stdout)[0]["problems"]}
    assert {"unknown-key", "missing-key", "duplicate-id", "weight-sum"} <= codes


def test_a_renamed_indicator_is_unknown_and_missing(run: Run, write: Write) -> None:
    levels = {k: v for k, v in ALL.items() if k != 47} | {48: 3}
    r = run("score", str(write("j.yaml", answers_text(levels))))
    assert "indikator 48 tidak ada dalam model" in r.stderr and "1 indikator belum dijawab: 47" in r.stderr


def test_a_duplicate_key_does_not_hide_a_missing_indicator(run: Run, write: Write) -> None:
    text = answers_text(ALL).replace("  46: 3\n", "  45: 3\n")
    r = run("score", str(write("j.yaml", text)))
    assert "kunci '45' ditulis dua kali" in r.stderr and "1 indikator belum dijawab: 46" in r.stderr


def test_a_wrong_entry_is_not_also_called_missing(run: Run, write: Write) -> None:
    r = run("score", str(write("j.yaml", answers_text(ALL | {5: "tiga"}))))
    assert "'tiga'" in r.stderr and "belum dijawab" not in r.stderr


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        (
            "model: spbe-2020\nlevels:\n  1: [3,\n",
            ":3:6:",
            "daftar yang dibuka dengan kurung siku di sini tidak ditutup",
        ),
        ("model: spbe-2020\nlevels: {1: 3, 2: 4\n", ":2:9:", "pemetaan yang dibuka dengan kurung kurawal"),
        ('instansi: "Kab\nlevels: {}\n', ":1:11:", "teks yang dibuka dengan tanda kutip di sini tidak ditutup"),
        ("instansi: Kab: X\nlevels: {}\n", ":1:14:", "titik dua diikuti spasi di tengah nilai"),
        ("levels:\n  1: 3\n 2: 4\n", ":3:2:", "indentasi tidak sesuai"),
    ],
)
def test_yaml_syntax_errors_in_the_users_language_where_they_are(
    run: Run, write: Write, text: str, where: str, said: str
) -> None:
    path = write("j.yaml", text)
    r = run("score", str(path))
    assert r.exit_code == 2 and f"{path}{where} galat: kesalahan sintaks YAML: {said}" in r.stderr
    assert "did not find" not in r.stderr and "expected" not in r.stderr


def test_utf16_gets_the_same_advice_as_windows_1252(run: Run, write: Write) -> None:
    text = answers_text({1: 3})
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), "instansi: Médan\n".encode("cp1252")):
        r = run("score", str(write("j.yaml", data)))
        assert r.exit_code == 2 and "Simpan ulang berkas dengan pengodean UTF-8." in r.stderr


def test_bukti_as_text_shows_the_list_syntax(run: Run, write: Write) -> None:
    r = run("score", "--partial", str(write("j.yaml", 'model: spbe-2020\nlevels:\n  1: {level: 3, bukti: "SK"}\n')))
    assert 'Tulis sebagai daftar: bukti: ["…"]' in r.stderr


def test_a_missing_model_names_the_answers_file_and_line(run: Run, write: Write) -> None:
    path = write("j.yaml", "model: ../tidak-ada.yaml\nlevels:\n  1: 3\n")
    r = run("score", "--partial", str(path))
    assert r.exit_code == 2 and f"{path}:1:8: galat: model '../tidak-ada.yaml' yang disebut di sini" in r.stderr


def test_operating_system_errors_in_the_users_language(run: Run, tmp_path: Path) -> None:
    r = run("report", EX22, "-o", "/dev/full", "-f", "markdown")  # a device that is always full
    assert r.exit_code == 2 and "ruang disk penuh" in r.stderr and "No space" not in r.stderr
    r = run("--lang", "en", "report", EX22, "-o", "/dev/full", "-f", "markdown")
    assert "no space left on the disk" in r.stderr


def test_a_missing_folder_is_named(run: Run, tmp_path: Path) -> None:
    r = run("report", EX22, "-o", str(tmp_path / "tidak-ada" / "laporan.html"))
    assert r.exit_code == 2 and f"folder {tmp_path / 'tidak-ada'} tidak ada" in r.stderr
    r = run("--lang", "en", "report", EX22, "-o", str(tmp_path / "tidak-ada" / "laporan.html"))
    assert "does not exist" in r.stderr


def test_the_empty_file_hint_needs_no_readme(run: Run, write: Write) -> None:
    path = write("j.yaml", "")
    r = run("score", str(path))
    assert "README" not in r.stderr and f"spbe-calc assess {path}" in r.stderr


def test_a_date_for_the_year_gets_a_hint_that_works(run: Run, write: Write) -> None:
    r = run("score", "--partial", str(write("j.yaml", "model: spbe-2020\ntahun: 2022-12-31\nlevels:\n  1: 3\n")))
    assert "tulis angkanya saja (2022)" in r.stderr
    fixed = run("score", "--partial", str(write("k.yaml", "model: spbe-2020\ntahun: 2022\nlevels:\n  1: 3\n")))
    assert fixed.exit_code == 0


# --- shell completion ----------------------------------------------------------------------------


# --- 2. silent surprises ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["score", ""], ["validate", ""], ["plan", "", "-t", "Baik"], ["compare", EX21, ""], ["score", EX22, "-m", ""]],
)
def test_an_empty_argument_is_an_error(run: Run, args: list[str]) -> None:
    r = run(*args)
    assert r.exit_code == 2 and "'': galat: argumen kosong" in r.stdout + r.stderr  # validate reports on stdout


def test_folders_skip_hidden_files_and_take_any_case(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "berkas"
    (folder / ".git").mkdir(parents=True)
    (folder / "sub").mkdir()
    text = Path(EX22).read_text(encoding="utf-8")
    (folder / ".git" / "x.yaml").write_text(text)
    (folder / "._kab.yaml").write_bytes(b"\x00\x05\x16\x07 mac resource fork")
    (folder / "KAB.YAML").write_text(text)
    (folder / "sub" / "b.yml").write_text(text.replace("2022", "2023"))
    r = run("score", "-f", "json", str(folder))
    assert r.exit_code == 0 and [d["file"] for d in json.loads(r.stdout)] == [
        str(folder / "KAB.YAML"),
        str(folder / "sub" / "b.yml"),
    ]
    r = run("score", "-f", "json", "--no-recursive", str(folder))
    assert [d["file"] for d in json.loads(r.stdout)] == [str(folder / "KAB.YAML")]


def test_a_batch_of_two_models_says_so_and_names_each_row(run: Run, tmp_path: Path) -> None:
    r = run("score", EX22, EX22, DPS)
    assert "berkas dinilai dengan model yang berbeda: spbe-2020 (2), spbe-2018 (1)" in r.stderr
    header = r.stdout.splitlines()[0]
    assert "Berkas" in header and "Model" in header  # instansi and year repeat: the file tells them apart
    assert "Berkas" not in run("score", EX21, EX22).stdout.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", EX22, "--fail-under", "7"], "--fail-under 7 di luar rentang indeks model ini (1-5)"),
        (["score", EX22, "--fail-under", "0"], "--fail-under 0 di luar rentang indeks model ini (1-5)"),
        (["plan", EX22, "--target", "5.5"], "--target 5.5 di luar rentang indeks model ini (1-5)"),
        (["plan", DPS, "--target", "5.01"], "--target 5.01 di luar rentang indeks model ini (0-5)"),
    ],
)
def test_bars_outside_the_scale_are_errors(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2 and said in r.stderr
    assert run("plan", DPS, "--target", "0").exit_code == 0  # spbe-2018 starts at 0


def test_a_plan_file_with_levels_outside_the_scale_is_an_error(run: Run, write: Write) -> None:
    costs = write("rencana.yaml", "default: {max: 6}\nindicators:\n  5: {max: 9, cost: {1: 3, 4: 2}}\n")
    r = run("plan", EX22, "-t", "Baik", "-c", str(costs))
    assert r.exit_code == 2
    assert f"{costs}:1:16: galat: tingkat 6 di luar skala (1-5)" in r.stderr
    assert f"{costs}:3:12: galat: tingkat 9 di luar skala (1-5)" in r.stderr
    assert f"{costs}:3:22: galat: biaya untuk tingkat 1, padahal kenaikan hanya mencapai tingkat 2-5" in r.stderr


def test_compare_says_whose_each_column_is(run: Run, tmp_path: Path) -> None:
    r = run("compare", DPS, EX22)
    assert (
        "(1) Pemerintah Kota Denpasar · 2018 ·" in r.stdout and "(2) Pemerintah Kabupaten Contoh · 2022 ·" in r.stdout
    )
    copy = tmp_path / "salinan.yaml"
    copy.write_text(Path(EX22).read_text(encoding="utf-8"))
    r = run("compare", EX21, EX22, str(copy))
    assert f"(3) Pemerintah Kabupaten Contoh · 2022 · {copy}" in r.stdout
    header = next(line for line in run("compare", EX21, EX22).stdout.splitlines() if line.startswith("Kode"))
    assert "2021" in header and "2022" in header  # one agency, one file a year: the years say it


# --- assess -------------------------------------------------------------------------------------


def _session(path: Path, inputs: list[str], model: str | None = None, **kw: list[int]) -> tuple[str, str]:
    q = Questionnaire.open(path, model, kw.get("domains", []), kw.get("aspects", []), kw.get("ids", []))
    io = ScriptedPrompter(inputs)
    return run_questionnaire(q, io, explain=False), io.text


def test_assess_dash_clears_a_level(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3, 2: 4}))
    _, text = _session(path, ["g 1", "-", "q"])
    assert "Tingkat indikator 1 dikosongkan." in text
    assert read_answers(path).answers[1].level is None and read_answers(path).answers[2].level == 4


def test_assess_yes_no_asks_again(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text(dict.fromkeys(range(1, 47), 3)))
    outcome, text = _session(path, ["g 47", "", "mungkin", "n"])
    assert "Jawab y (ya) atau n (tidak)." in text and outcome == "done"


def test_assess_after_going_back_the_next_is_the_next_skipped(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({i: 3 for i in range(1, 48) if i not in (5, 9, 40)}))
    _, text = _session(path, ["g 47", "", "y", "2", "2", "q"])
    assert {k: a.level for k, a in read_answers(path).answers.items() if k in (5, 9, 40)} == {5: 2, 9: 2}
    asked = re.findall(r"Indikator (\d+) ·", text)
    assert asked == ["5", "47", "5", "9", "40"]  # after 5, the next skipped one (9), not 6


def test_assess_items_prompt_says_how_many_numbers(tmp_path: Path) -> None:
    model = tmp_path / "butir.yaml"
    model.write_text(
        THIRDS.replace("{id: 1, name: Satu, weight: 1}", "{id: 1, name: Satu, weight: 1, items: [A, B, C]}")
    )
    _, out = _session(tmp_path / "j.yaml", ["", "", "9", "3 2 3", "q"], model=str(model))
    assert "Tingkat: 3 angka (1-5), satu per butir, dipisah spasi" in out
    assert "'9' tidak dikenali. Ketik 3 angka 1-5, satu per butir" in out
    assert read_answers(tmp_path / "j.yaml").answers[1].level == (3, 2, 3)


def test_assess_help_shows_the_models_own_scale(tmp_path: Path) -> None:
    _, text = _session(tmp_path / "j.yaml", ["", "", "?", "q"], model="spbe-2018")
    assert "0-5    pilih tingkat itu" in text or "0-5  pilih tingkat itu" in text
    _, text = _session(tmp_path / "k.yaml", ["", "", "?", "q"])
    assert re.search(r"1-5\s+pilih tingkat itu", text)


def test_assess_domain_on_a_model_without_domains(tmp_path: Path) -> None:
    model = tmp_path / "sepertiga.yaml"
    model.write_text(THIRDS)
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "j.yaml", str(model), [1], [], [])
    problem = info.value.problems[0]
    assert problem.code == "model-without-domains" and problem.args["aspects"] == "1"
    assert "--aspect" in format_problem(problem)


def test_assess_ctrl_c_before_anything_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    outcome, text = _session(path, ["^C"])
    assert outcome == "interrupted" and "sebelum ada jawaban yang tersimpan" in text and not path.exists()


def test_assess_refuses_an_unwritable_target_before_asking(tmp_path: Path) -> None:
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "tidak-ada" / "j.yaml", None, [], [], [])
    assert info.value.problems[0].code == "folder-missing"
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path, None, [], [], [])
    assert info.value.problems[0].code == "is-directory"


def test_assess_a_file_broken_mid_session_can_be_retried(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}))
    good = path.read_text()

    class Breaking(ScriptedPrompter):
        """Breaks the file by hand before the level is typed, repairs it at the retry question."""

        def ask(self, prompt: str) -> str:
            if "Tingkat 1-5" in prompt and "fixed" not in self.__dict__:
                path.write_text("levels: [\n")
            if "coba menyimpan lagi" in prompt:
                self.fixed = True
                path.write_text(good)
            return super().ask(prompt)

    q = Questionnaire.open(path, None, [], [], [])
    io = Breaking(["4", "", "q"])
    assert run_questionnaire(q, io, explain=False) == "quit"
    assert "kesalahan sintaks YAML" in io.text and read_answers(path).answers[2].level == 4


# --- 3. stable output for programs -----------------------------------------------------------------


def test_json_shape_depends_on_the_arguments_only(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "satu"
    folder.mkdir()
    (folder / "a.yaml").write_text(Path(EX22).read_text(encoding="utf-8"))
    assert isinstance(json.loads(run("score", "-f", "json", EX22).stdout), dict)
    assert isinstance(json.loads(run("score", "-f", "json", str(folder)).stdout), list)
    assert isinstance(json.loads(run("score", "-f", "json", EX21, EX22).stdout), list)


def test_files_that_cannot_be_scored_are_error_objects_in_their_place(run: Run, write: Write) -> None:
    bad = write("rusak.yaml", "levels: [\n")
    r = run("score", "-f", "json", EX21, str(bad), EX22)
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert [d["file"] for d in data] == [EX21, str(bad), EX22]
    assert data[1]["error"] is True and data[1]["problems"][0]["code"] == "yaml-syntax"
    assert set(data[1]["problems"][0]) == {"line", "column", "level", "code", "message"}
    single = json.loads(run("score", "-f", "json", str(bad)).stdout)
    assert single["file"] == str(bad) and single["error"] is True


def test_the_exact_index_is_shown_only_when_it_says_more(run: Run, write: Write) -> None:
    assert "nilai tepat" not in run("score", EX22).stdout  # 2.38 is exact
    model = write("sepertiga.yaml", THIRDS)
    assert run("validate", str(model)).exit_code == 0
    out = run("score", str(write("j.yaml", "model: sepertiga.yaml\nlevels: {1: 1, 2: 1, 3: 2}\n"))).stdout
    assert "Model Sepertiga: 1,33" in out
    assert "(nilai tepat 4/3)" in out and "1.3333" not in out


def test_the_report_legend_speaks_of_last_year_only_with_compare(run: Run, tmp_path: Path) -> None:
    alone, compared = tmp_path / "a.html", tmp_path / "b.html"
    assert run("report", EX22, "-o", str(alone)).exit_code == 0
    assert run("report", EX22, "--compare", EX21, "-o", str(compared)).exit_code == 0
    assert "putus-putus" not in alone.read_text(encoding="utf-8")
    assert "Garis putus-putus = 2021." in compared.read_text(encoding="utf-8")


def test_assess_abandoning_a_failed_save_shows_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}))

    class Breaking(ScriptedPrompter):
        def ask(self, prompt: str) -> str:
            if prompt.startswith("  Fakta"):
                path.write_text("levels: [\n")  # broken by hand while the fakta is typed
            return super().ask(prompt)

    q = Questionnaire.open(path, None, [], [], [])
    io = Breaking(["g 2", "4", "Perbup 12/2023 sudah ditetapkan", "q"])
    assert run_questionnaire(q, io, explain=True) == "quit"
    assert "Belum tersimpan (salin bila perlu): 2 · fakta: Perbup 12/2023 sudah ditetapkan" in " ".join(io.text.split())
