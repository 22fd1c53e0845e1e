"""The questionnaire core driven by scripted answers: navigation, saving, resuming."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_calc.answers import Answer, read_answers
from spbe_calc.errors import Problem, SpbeError
from spbe_calc.i18n import set_language
from spbe_calc.interactive import ScriptedPrompter, run
from spbe_calc.questionnaire import Questionnaire, parse_id_list
from spbe_calc.render.messages import format_problem

from .conftest import EXAMPLES, answers_text
from .helpers import THIRDS


def session(
    path: Path,
    inputs: list[str],
    model: str | None = None,
    domains: list[int] | None = None,
    aspects: list[int] | None = None,
    ids: list[int] | None = None,
    explain: bool = True,
) -> tuple[str, ScriptedPrompter, Questionnaire]:
    q = Questionnaire.open(path, model, domains or [], aspects or [], ids or [])
    io = ScriptedPrompter(inputs)
    return run(q, io, explain=explain), io, q


def levels_of(path: Path) -> dict[int, object]:
    return {k: a.level for k, a in read_answers(path).answers.items()}


def test_new_file_answer_explain_and_quit(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    outcome, io, _ = session(path, ["Kabupaten Uji", "2023", "3", "Perbup ada", "Lengkap", "SK 1; SK 2", "q"])
    assert outcome == "quit"
    a = read_answers(path)
    assert (a.model, a.instansi, a.tahun) == ("spbe-2020", "Kabupaten Uji", 2023)
    first = a.answers[1]
    assert (first.level, first.fakta, first.analisis, first.bukti) == (3, "Perbup ada", "Lengkap", ("SK 1", "SK 2"))
    assert "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE" in io.text
    assert "Rintisan" in io.text and "Optimum" in io.text  # all levels with names
    assert "Terjawab 0/47 · D1 0/10" in io.text


def test_every_answer_is_on_disk_before_the_next_question(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    seen: list[dict[int, object]] = []

    class Watching(ScriptedPrompter):
        def ask(self, prompt: str) -> str:
            if path.exists():
                seen.append(levels_of(path))
            return super().ask(prompt)

    q = Questionnaire.open(path, None, [], [], [])
    run(q, Watching(["", "", "4", "5", "2", "q"]), explain=False)
    # before the level of indicator 3 is asked, 1 and 2 are saved
    assert {1: 4, 2: 5} in seen
    assert levels_of(path) == {1: 4, 2: 5, 3: 2}


def test_back_skip_jump(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    inputs = ["", "", "1", "s", "3", "b", "b", "b", "b", "g 47", "5", "y", "4", "q"]
    outcome, io, _ = session(path, inputs, explain=False)
    # after 47, the last one, it offers to go back to the skipped ones, starting with 2
    assert levels_of(path) == {1: 1, 3: 3, 47: 5, 2: 4}
    assert "Ini indikator pertama." in io.text
    assert "Kembali ke 44 indikator pilihan yang belum dijawab?" in io.text
    outcome, io, _ = session(path, ["g 47", "", "n"], explain=False)
    assert outcome == "done" and "Tersimpan di" in io.text


def test_resume_starts_at_first_unanswered_and_enter_keeps(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    session(path, ["", "", "2", "3", "q"], explain=False)
    _outcome, io, _q = session(path, ["4", "q"], explain=False)
    flat = " ".join(io.text.split())  # the message names the file first: a long path wraps it
    assert "Melanjutkan" in flat and "2 dari 47" in flat
    assert "Indikator 3 ·" in io.text.split("Melanjutkan")[1]
    assert levels_of(path) == {1: 2, 2: 3, 3: 4}
    # Going back shows the saved answer, and Enter keeps it.
    _outcome, io, _ = session(path, ["b", "", "q"], explain=False)
    assert "Jawaban saat ini: 4 Terpadu dan Terukur" in io.text
    assert levels_of(path) == {1: 2, 2: 3, 3: 4}


def test_enter_keeps_explanations_and_dash_clears(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: '{level: 2, fakta: "lama", analisis: "lama", bukti: ["A"]}'}))
    session(path, ["b", "3", "", "-", "", "q"], ids=[1, 2])
    a = read_answers(path).answers[1]
    assert (a.level, a.fakta, a.analisis, a.bukti) == (3, "lama", None, ("A",))


def test_invalid_level_is_asked_again(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    _outcome, io, _ = session(path, ["", "", "7", "tiga", "2.5", "2", "q"], explain=False)
    assert io.text.count("tidak dikenali") == 3
    assert levels_of(path) == {1: 2}


def test_selection_by_domain_aspect_and_ids(tmp_path: Path) -> None:
    p1 = tmp_path / "a.yaml"
    session(p1, ["", "", *["3"] * 11, "q"], domains=[3], explain=False)
    assert sorted(levels_of(p1)) == list(range(21, 32))
    p2 = tmp_path / "b.yaml"
    outcome, io, _ = session(p2, ["", "", "1", "2", "3", "q"], aspects=[4], ids=[47], explain=False)
    assert levels_of(p2) == {19: 1, 20: 2, 47: 3}
    assert outcome == "done"
    assert "pilihan ini 2/3" in io.text


def test_end_shows_summary_and_unanswered(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    outcome, io, _ = session(path, ["", "", "4", "4"], ids=[46, 47], explain=False)  # all selected answered
    assert outcome == "done"
    assert "Selesai: semua indikator pilihan sudah dijawab." in io.text
    assert "Indeks SPBE:" in io.text and "D4" in io.text
    assert "Belum dijawab (45): 1-45" in io.text


def test_summary_on_request(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text((EXAMPLES / "kabupaten-contoh-2022.yaml").read_text())
    _outcome, io, _ = session(path, ["r", "q"], explain=False)
    assert "Indeks SPBE: 2,38  Cukup" in io.text
    assert "Belum dijawab" not in io.text
    assert "Semua indikator pilihan sudah dijawab" in io.text


def test_ctrl_c_keeps_everything_answered(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    outcome, io, _ = session(path, ["", "", "3", "fakta satu", "^C"])
    assert outcome == "interrupted"
    assert read_answers(path).answers[1].level == 3
    assert read_answers(path).answers[1].fakta == "fakta satu"
    assert "Dihentikan" in io.text


def test_end_of_input_is_a_quit(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    outcome, _, _ = session(path, ["", "", "3"], explain=False)
    assert outcome == "quit" and levels_of(path) == {1: 3}


def test_items_indicator_takes_one_level_per_item(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    _outcome, io, _ = session(path, ["", "", "3 2", "3 2 6", "3 2 3", "q"], model="spbe-2018", ids=[35], explain=False)
    assert levels_of(path) == {35: (3, 2, 3)}
    assert "Layanan publik 1" in io.text and io.text.count("tidak dikenali") == 2


def test_never_overwrites_with_less(tmp_path: Path) -> None:
    """An answer written to the file by someone else during the session survives."""
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 2}, instansi='"Kota A"'))
    q = Questionnaire.open(path, None, [], [], [])
    path.write_text(answers_text({1: 2, 10: 5}, instansi='"Kota A"'))  # edited meanwhile
    run(q, ScriptedPrompter(["4", "q"]), explain=False)
    assert levels_of(path) == {1: 2, 2: 4, 10: 5}


def test_refuses_a_broken_file_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    text = answers_text({1: 2, 2: "dua"})
    path.write_text(text)
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(path, None, [], [], [])
    assert info.value.problems[0].code == "level-text"
    path.write_text(answers_text({1: 9}))
    with pytest.raises(SpbeError):
        Questionnaire.open(path, None, [], [], [])
    assert path.read_text() == answers_text({1: 9})


def test_file_broken_during_session_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    q = Questionnaire.open(path, None, [], [], [])
    q.set_answer(1, level=3)
    path.write_text("levels: {1: [\n")
    with pytest.raises(SpbeError):
        q.set_answer(2, level=3)
    assert path.read_text() == "levels: {1: [\n"


def test_comments_at_the_top_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("# Tim SPBE, draf 1\n" + answers_text({1: 2}))
    session(path, ["3", "q"], explain=False)
    assert path.read_text().startswith("# Tim SPBE, draf 1\n")


def test_english(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "j.yaml"
    _outcome, io, _ = session(path, ["", "", "?", "q"], explain=False)
    assert "Answered 0/47" in io.text and "Commands at the level question" in io.text
    # official names are never translated, criteria come in English
    assert "Rintisan" in io.text and "No internal policy has been enacted" in io.text


@pytest.mark.parametrize(("text", "ids"), [("1-3,9", [1, 2, 3, 9]), (" 5 ", [5]), ("2,2", [2, 2])])
def test_parse_id_list(text: str, ids: list[int]) -> None:
    assert parse_id_list(text) == ids


@pytest.mark.parametrize("text", ["a", "3-1", "1-", "-2", "1..3"])
def test_parse_id_list_errors(text: str) -> None:
    with pytest.raises(SpbeError):
        parse_id_list(text)


def test_unknown_selection_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "j.yaml", None, [9], [], [48])
    assert [p.code for p in info.value.problems] == ["unknown-domain", "unknown-indicator"]
    assert not (tmp_path / "j.yaml").exists()


def test_blank_or_comment_only_file_is_started_fresh(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("# Kabupaten Uji, penilaian 2024\n\n")
    _outcome, io, _ = session(path, ["Kabupaten Uji", "2024", "3", "q"], explain=False)
    assert "Berkas baru" in io.text
    assert path.read_text().startswith("# Kabupaten Uji, penilaian 2024\n")
    assert levels_of(path) == {1: 3}


def test_assess_domain_on_a_model_without_domains(tmp_path: Path) -> None:
    model = tmp_path / "sepertiga.yaml"
    model.write_text(THIRDS)
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "j.yaml", str(model), [1], [], [])
    problem = info.value.problems[0]
    assert problem.code == "model-without-domains" and problem.args["aspects"] == "1"
    assert "--aspect" in format_problem(problem)


def test_assess_refuses_an_unwritable_target_before_asking(tmp_path: Path) -> None:
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "tidak-ada" / "j.yaml", None, [], [], [])
    assert info.value.problems[0].code == "folder-missing"
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path, None, [], [], [])
    assert info.value.problems[0].code == "is-directory"


def test_assess_refuses_a_huge_file_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    from spbe_calc.errors import SpbeError
    from spbe_calc.questionnaire import Questionnaire

    with pytest.raises(SpbeError) as info:
        Questionnaire.open(path, None, [], [], [])
    assert [p.code for p in info.value.problems] == ["too-large"]


def _two_sessions(tmp_path: Path) -> tuple[Path, Questionnaire, Questionnaire]:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({5: 2}), encoding="utf-8")
    return path, Questionnaire.open(path, None, [], [], []), Questionnaire.open(path, None, [], [], [])


def test_a_save_over_anothers_answer_is_a_conflict_with_both_versions(tmp_path: Path) -> None:
    path, mine, theirs = _two_sessions(tmp_path)
    mine.look(1)
    theirs.look(1)
    assert theirs.set_answer(1, level=3, fakta="punya B") is None
    conflict = mine.set_answer(1, level=2)
    assert conflict is not None
    assert (conflict.indicator, conflict.theirs, conflict.mine) == (
        1,
        Answer(indicator=1, level=3, fakta="punya B"),
        Answer(indicator=1, level=2),  # edited from what this session saw: nothing
    )
    assert read_answers(path).answers[1].level == 3  # nothing written over theirs
    assert (mine.saves, theirs.saves) == (0, 1)
    assert mine.keep_mine(conflict) is None  # settled with this session's version
    assert read_answers(path).answers[1] == Answer(indicator=1, level=2) and mine.saves == 1


def test_taking_theirs_goes_on_from_their_version(tmp_path: Path) -> None:
    path, mine, theirs = _two_sessions(tmp_path)
    mine.look(1)
    theirs.look(1)
    theirs.set_answer(1, level=3, fakta="punya B")
    conflict = mine.set_answer(1, analisis="analisis A")
    assert conflict is not None
    mine.take_theirs(conflict)
    assert mine.set_answer(1, analisis="analisis A") is None
    assert read_answers(path).answers[1] == Answer(indicator=1, level=3, fakta="punya B", analisis="analisis A")


def test_an_answer_seen_before_a_refresh_is_still_guarded(tmp_path: Path) -> None:
    """Reading the file for another indicator must not make this session take their answer as seen."""
    path, mine, theirs = _two_sessions(tmp_path)
    mine.look(1)
    theirs.look(1)
    theirs.set_answer(1, level=4)
    mine.look(2)  # reads the file again: their level 4 is now in this session's copy
    assert mine.answer(1) == Answer(indicator=1, level=4)
    assert mine.set_answer(1, level=2) is not None  # still a conflict: this session showed none
    assert read_answers(path).answers[1].level == 4


def test_an_answer_never_shown_is_guarded_from_the_file_as_opened(tmp_path: Path) -> None:
    path, mine, _ = _two_sessions(tmp_path)
    # Indicator 5 was in the file when the session opened it: changing it is no conflict.
    assert mine.set_answer(5, fakta="baru") is None
    assert read_answers(path).answers[5] == Answer(indicator=5, level=2, fakta="baru")


def test_a_new_file_names_its_model_and_counts_its_saves(tmp_path: Path) -> None:
    path = tmp_path / "baru.yaml"
    q = Questionnaire.open(path, "spbe-2018", [], [], [])
    assert q.created and q.saves == 0 and not path.exists()
    q.set_meta("Kota Uji", None)
    assert not q.created and q.saves == 1
    q.set_meta(None, 2019)  # what is not given is kept
    a = read_answers(path)
    assert (a.model, a.instansi, a.tahun) == ("spbe-2018", "Kota Uji", 2019)
    bare = tmp_path / "tanpa-model.yaml"
    bare.write_text("tahun: 2024\nlevels: {1: 3}\n", encoding="utf-8")
    Questionnaire.open(bare, None, [], [], []).set_answer(2, level=3)
    assert read_answers(bare).model == "spbe-2020"  # the model used is written down


def test_moving_says_whether_it_moved(tmp_path: Path) -> None:
    q = Questionnaire.open(tmp_path / "j.yaml", None, [], [], [1, 2])
    assert q.back() is False and q.position == 0
    assert q.next() is True and q.position == 1 and q.next() is False
    assert q.back() is True and q.position == 0
    assert q.jump(2) is True and q.position == 1
    assert q.jump(7) is False and q.position == 1  # not in the selection: stays


@pytest.mark.parametrize(
    ("text", "ok"),
    [("1-10001", True), ("1-10002", False), ("5000-5002", True), ("1,,3", True), ("3-1", False), ("satu", False)],
)
def test_a_range_is_at_most_ten_thousand_and_one_numbers(text: str, ok: bool) -> None:
    if ok:
        expected = {"1-10001": list(range(1, 10_002)), "5000-5002": [5000, 5001, 5002], "1,,3": [1, 3]}
        assert parse_id_list(text) == expected[text]
        return
    with pytest.raises(SpbeError) as info:
        parse_id_list(text)
    assert info.value.problems == [
        Problem(path="--indicators", line=0, col=0, code="bad-id-list", args={"value": text})
    ]


def test_a_conflict_keeps_what_this_session_saw_besides_its_change(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}).replace("  1: 3", '  1: {level: 2, analisis: "lama"}'), encoding="utf-8")
    mine, theirs = (Questionnaire.open(path, None, [], [], []) for _ in range(2))
    mine.look(1)
    theirs.look(1)
    theirs.set_answer(1, fakta="punya B")
    conflict = mine.set_answer(1, level=3)
    assert conflict is not None and conflict.mine == Answer(indicator=1, level=3, analisis="lama")


def test_saves_are_counted_and_meta_not_given_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "baru.yaml"
    q = Questionnaire.open(path, None, [], [], [])
    q.set_meta("Kota Uji", 2024)
    q.set_meta("Kota Lain", None)
    assert q.saves == 2
    a = read_answers(path)
    assert (a.instansi, a.tahun) == ("Kota Lain", 2024)


def test_the_next_unanswered_indicator_wraps_round_to_this_one(tmp_path: Path) -> None:
    q = Questionnaire.open(tmp_path / "j.yaml", None, [], [], [1, 2, 3])
    assert (q.position, q.next_unanswered()) == (0, 1)  # the next, not this one
    q.set_answer(2, level=3)
    q.set_answer(3, level=3)
    assert q.next_unanswered() == 0  # after every other, this one
    q.set_answer(1, level=3)
    assert q.next_unanswered() is None
    assert q.unanswered(selected_only=True) == [] and len(q.unanswered()) == 44


def test_a_session_starts_at_the_first_indicator_without_a_level(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3, 2: 3}).replace("levels:\n", "levels:\n"), encoding="utf-8")
    assert Questionnaire.open(path, None, [], [], []).position == 2


def test_progress_counts_by_aspect_in_a_model_without_domains(tmp_path: Path) -> None:
    model = tmp_path / "sepertiga.yaml"
    model.write_text(THIRDS, encoding="utf-8")
    q = Questionnaire.open(tmp_path / "j.yaml", str(model), [], [], [1, 3])
    assert q.progress().groups == [("A1", 0, 3)]  # one aspect of three indicators
    for ident in (1, 2, 3):  # 2 is answered, but not in the selection
        q.set_answer(ident, level=1)
    progress = q.progress()
    assert progress.groups == [("A1", 3, 3)]
    assert (progress.answered, progress.total, progress.selected_answered, progress.selected_total) == (3, 3, 2, 2)


def test_the_summary_scores_the_sessions_stage(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    levels = dict.fromkeys(range(1, 48), 5)
    text = answers_text(levels).replace("  1: 5\n", "  1: {level: 5, tahap: {akhir: 1}}\n")
    path.write_text(text, encoding="utf-8")
    at_akhir = Questionnaire.open(path, None, [], [], [], stage="akhir").summary()
    own = Questionnaire.open(path, None, [], [], []).summary()
    assert at_akhir is not None and own is not None and at_akhir.stage == "akhir"
    assert at_akhir.score.value < own.score.value  # indicator 1 at 1, not at 5


def test_a_file_broken_meanwhile_is_refused_and_what_was_read_stays(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}), encoding="utf-8")
    q = Questionnaire.open(path, None, [], [], [])
    path.write_text(answers_text({1: 3}) + "  2: {level: 3, fakta: [x]}\n", encoding="utf-8")  # YAML, not an answer
    with pytest.raises(SpbeError):
        q.refresh()
    assert q.answer(1) == Answer(indicator=1, level=3)


def test_selection_errors_name_the_option_and_what_is_known(tmp_path: Path) -> None:
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "j.yaml", None, [9], [], [])
    assert info.value.problems == [
        Problem(path="--domain", line=0, col=0, code="unknown-domain", args={"id": 9, "known": "1-4"})
    ]
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "j.yaml", None, [], [99], [48])
    assert info.value.problems == [
        Problem(path="--aspect", line=0, col=0, code="unknown-aspect", args={"id": 99, "known": "1-8"}),
        Problem(
            path="--indicators",
            line=0,
            col=0,
            code="unknown-indicator",
            args={"id": 48, "first": 1, "last": 47, "model": "spbe-2020"},
        ),
    ]
    model = tmp_path / "sepertiga.yaml"
    model.write_text(THIRDS, encoding="utf-8")
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(tmp_path / "j.yaml", str(model), [1], [], [])
    (problem,) = info.value.problems
    assert (problem.path, problem.args) == ("--domain", {"model": "sepertiga", "aspects": "1"})


def test_a_published_result_is_refused_at_its_hasil(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text((EXAMPLES / "tahap" / "kabupaten-contoh-2021.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(path, None, [], [], [])
    (problem,) = info.value.problems
    assert (problem.path, problem.line, problem.code) == (
        str(path),
        9,
        "published-only",
    )  # where hasil's content starts


def test_the_model_option_is_held_against_the_file_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}, model="spbe-2020"), encoding="utf-8")
    with pytest.raises(SpbeError) as info:
        Questionnaire.open(path, "spbe-2018", [], [], [])
    assert [p.code for p in info.value.problems] == ["model-mismatch"]
    path.write_text("levels:\n  1: 0\n", encoding="utf-8")  # no model named: --model says which
    assert Questionnaire.open(path, "spbe-2018", [], [], []).model.id == "spbe-2018"
