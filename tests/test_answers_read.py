"""Answers files: every malformed entry is reported with its position; nothing is guessed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.answers import Answers, compact_ids, read_answers
from spbe_calc.answers.read import Answer, field_value, has_value, missing_problem, with_field
from spbe_calc.core import Basis, score_file
from spbe_calc.errors import SpbeError
from spbe_calc.model import load_model
from spbe_calc.render.problems import hint

from .conftest import ROOT, Run, answers_text
from .helpers import ALL3, EXAMPLES_DIR, Write


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
        ('"2.5"', "level-fraction"),
        ("tiga", "level-text"),
        ('"Level 3"', "level-text"),
        ("'3 - Terdefinisi'", "level-text"),
        ("6", "level-out-of-range"),
        ("0", "level-out-of-range"),
        ("-1", "level-out-of-range"),
        ("yes", "yaml11-bool"),
        ("[3]", "single-level-expected"),
        ("true", "level-text"),
    ],
)
def test_bad_level_values(write: Callable[..., Path], value: str, code: str) -> None:
    text = answers_text({**ALL3, 4: value})
    found = codes(write("a.yaml", text))
    assert found == [(code, 5, 6)]  # line 5 holds indicator 4; the value starts at column 6


@pytest.mark.parametrize("value", ["4", '"4"', "' 4 '", "4.0", '"4.0"', '"4 "'])
def test_a_whole_number_is_a_level_however_it_is_written(write: Callable[..., Path], value: str) -> None:
    """As in a workbook cell: a number, as text, with spaces, with a zero fraction (one reader)."""
    f = score_file(str(write("a.yaml", answers_text({**ALL3, 4: value}))))
    assert f.score.levels[4] == 4


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


def test_levels_missing_entirely_is_a_file_without_answers_yet(write: Callable[..., Path]) -> None:
    """Left out, empty or null: no answers yet; scored, every indicator is missing (one problem)."""
    for text in ("instansi: X\n", "instansi: X\nlevels:\n", "instansi: X\nlevels: {}\n"):
        assert codes(write("a.yaml", text)) == [("missing-indicators", 1 if "levels" not in text else 2, 1)], text


def test_levels_and_a_published_result_in_one_file(write: Callable[..., Path]) -> None:
    text = "levels: {1: 3}\nhasil: {indeks: 1.66, predikat: Kurang}\n"
    assert ("only-one-of", 2, 1) in codes(write("a.yaml", text))


def test_top_level_not_a_mapping(write: Callable[..., Path]) -> None:
    assert codes(write("a.yaml", "- 1\n- 2\n"))[0][0] == "wrong-type"


def test_model_mismatch_is_an_error(write: Callable[..., Path]) -> None:

    other = write(
        "other.yaml",
        (ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("id: spbe-2020", "id: spbe-lain", 1),
    )
    path = write("a.yaml", answers_text(ALL3, model="spbe-2020"))
    assert codes(path, model_ref=str(other)) == [("model-mismatch", 1, 8)]


def test_model_declared_by_relative_path(write: Callable[..., Path]) -> None:

    write("mine.yaml", (ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("id: spbe-2020", "id: mine", 1))
    f = score_file(str(write("a.yaml", answers_text(ALL3, model="mine.yaml"))))
    assert f.model.id == "mine"


def test_list_for_a_single_level_indicator(write: Callable[..., Path]) -> None:
    text = answers_text({**ALL3, 4: "{level: [3, 4], fakta: x}"})
    assert codes(write("a.yaml", text)) == [("single-level-expected", 5, 14)]


@pytest.mark.parametrize(
    ("ids", "text"),
    [([1, 2, 3, 7, 9, 10], "1-3, 7, 9-10"), ([5], "5"), ([], ""), ([4, 2], "2, 4"), ([1, 3, 2, 8], "1-3, 8")],
)
def test_compact_ids(ids: list[int], text: str) -> None:
    assert compact_ids(ids) == text


def test_answers_without_positions_point_at_the_whole_file() -> None:
    answers = Answers("a.yaml", None, None, None, {})
    assert answers.key_position(3) == answers.value_position(3) == answers.position("model") == (0, 0)


def test_positions_of_short_and_long_answers(write: Callable[..., Path]) -> None:
    path = write("a.yaml", "model: spbe-2020\nlevels:\n  1: 3\n  2:\n    fakta: x\n    level: 4\n")
    answers = read_answers(path)
    assert answers.key_position(1) == (3, 3) and answers.value_position(1) == (3, 6)
    assert answers.key_position(2) == (4, 3) and answers.value_position(2) == (6, 12)
    assert answers.position("model") == (1, 8) and answers.position("levels") == (2, 1)


def test_every_answer_is_checked_after_an_unknown_or_unanswered_one(write: Callable[..., Path]) -> None:
    """An unknown indicator, or one not answered yet, does not stop the checks of the ones after."""
    path = write("a.yaml", "levels:\n  99: 3\n  1: ~\n  2: 9\n")
    with pytest.raises(SpbeError) as info:
        score_file(str(path), None, partial=True)
    assert [(p.code, p.line) for p in info.value.problems] == [("unknown-indicator", 2), ("level-out-of-range", 4)]
    assert info.value.problems[0].args["id"] == 99


def test_levels_at_both_ends_of_the_scale_are_in_range(write: Callable[..., Path]) -> None:
    levels = "\n".join(f"  {i}: {1 if i % 2 else 5}" for i in range(1, 48))
    scored = score_file(str(write("a.yaml", f"levels:\n{levels}\n")))
    assert {i.level for i in scored.score.indicators} == {1, 5}


def test_items_problems_name_the_indicator_and_the_counts(write: Callable[..., Path]) -> None:
    """Indicator 35 of the 2018 model is scored per item (three public services)."""
    base = "model: spbe-2018\nlevels:\n" + "\n".join(f"  {i}: 3" for i in range(1, 35))
    for level, code, args in (
        ("3", "items-expected", {"id": 35, "count": 3}),
        ("[3, 2]", "items-count", {"id": 35, "count": 3, "given": 2}),
    ):
        with pytest.raises(SpbeError) as info:
            score_file(str(write("a.yaml", f"{base}\n  35: {level}\n")))
        assert [(p.code, p.args) for p in info.value.problems] == [(code, args)]


def test_a_level_of_the_wrong_kind(write: Callable[..., Path], run: Run) -> None:
    # An item of a list of levels is checked one by one: a mapping there is no level.
    path = write("j.yaml", "model: spbe-2020\nlevels:\n  1: [{a: 1}]\n")
    r = run("validate", "-f", "json", str(path))
    problem = next(p for p in json.loads(r.stdout)[0]["problems"] if p["code"] == "wrong-type")
    assert (problem["code"], problem["message"]) == (
        "wrong-type",
        "diharapkan bilangan bulat, ditemukan pemetaan (kunci: nilai)",
    )


def test_bind_needs_every_indicator_unless_told(write: Callable[..., Path]) -> None:
    from spbe_calc.answers import bind

    answers = read_answers(write("j.yaml", "model: spbe-2020\nlevels:\n  1: 3\n"))
    with pytest.raises(SpbeError):
        bind(answers, load_model("spbe-2020"))


def test_a_stage_level_out_of_range_is_pointed_at_where_it_is_written(run: Run, write: Callable[..., Path]) -> None:
    path = write("a.yaml", "model: spbe-2020\nlevels:\n  1: {level: 3, tahap: {akhir: 9}}\n")
    r = run("score", str(path), "--partial")
    assert r.exit_code == 2 and f"{path}:3:32:" in r.stderr  # the 9, not the level 3 at 3:14


def test_an_uppercase_digest_is_read_and_kept_in_lower_case(write: Callable[..., Path]) -> None:
    digest = "AB" * 32
    path = write("a.yaml", f'levels:\n  1: {{level: 3, bukti: [{{path: "sk.pdf", sha256: "{digest}"}}]}}\n')
    (entry,) = read_answers(path).answers[1].bukti
    assert not isinstance(entry, str) and entry.sha256 == digest.lower()


def test_a_date_written_as_a_number_is_a_problem_not_a_crash(run: Run, write: Callable[..., Path]) -> None:
    path = write("d.yaml", 'levels:\n  1: {level: 3, bukti: [{path: "sk.pdf", tanggal: 20230501}]}\n')
    (report,) = json.loads(run("validate", "-f", "json", str(path)).stdout)
    assert [p["code"] for p in report["problems"] if p["line"] == 2] == ["bad-date"]


def test_evidence_that_is_not_a_list_is_a_problem_not_a_crash(run: Run, write: Callable[..., Path]) -> None:
    path = write("a.yaml", "levels:\n  1: {level: 3, bukti: 5}\n")
    (report,) = json.loads(run("validate", "-f", "json", str(path)).stdout)
    assert [p["code"] for p in report["problems"] if p["line"] == 2] == ["wrong-type"]


def test_an_item_scored_indicator_with_an_item_left_empty_is_not_answered(run: Run, write: Callable[..., Path]) -> None:
    text = (EXAMPLES_DIR / "kota-denpasar-2018.yaml").read_text(encoding="utf-8")
    path = write("dps.yaml", text.replace("35: [1, 3, 3]", "35: [null, 3, 3]"))
    r = run("score", str(path))
    assert r.exit_code == 2 and "belum dijawab: 35" in r.stderr


def test_missing_final_levels_are_pointed_at_levels(run: Run) -> None:
    r = run("score", str(EXAMPLES_DIR / "kabupaten-contoh-2022.yaml"), "--stage", "akhir")
    assert r.exit_code == 2 and "kabupaten-contoh-2022.yaml:7:1:" in r.stderr  # the `levels` key


def test_a_file_without_levels_is_told_so_once(write: Callable[..., Path]) -> None:
    """No ``levels`` at all: one problem, every indicator missing, at the top of the file."""
    path = write("nolevels.yaml", 'model: spbe-2020\ninstansi: "Kabupaten X"\ntahun: 2024\n')
    with pytest.raises(SpbeError) as info:
        score_file(str(path))
    assert [(p.code, p.args["ids"], p.line) for p in info.value.problems] == [("missing-indicators", "1-47", 1)]
    assert score_file(str(path), partial=True).missing == tuple(range(1, 48))


def test_an_item_at_the_top_of_its_scale_is_a_level_like_any_other(write: Callable[..., Path]) -> None:
    """Indicator 35 of spbe-2018 is scored per item; an item at 5 (the scale's top) is in range."""
    text = (EXAMPLES_DIR / "kota-denpasar-2018.yaml").read_text(encoding="utf-8")
    scored = score_file(str(write("j.yaml", text.replace("  35: [1, 3, 3]", "  35: [5, 1, 5]"))))
    assert scored.score.levels[35] == (5, 1, 5)
    with pytest.raises(SpbeError) as info:
        score_file(str(write("k.yaml", text.replace("  35: [1, 3, 3]", "  35: [6, 1, 5]"))))
    assert [(p.code, p.args["level"]) for p in info.value.problems] == [("level-out-of-range", 6)]


def test_indicator_zero_is_not_in_the_model(run: Run, write: Write) -> None:
    r = run("score", "--partial", str(write("j.yaml", "model: spbe-2020\nlevels:\n  0: 3\n  1: 2\n")))
    assert r.exit_code == 2
    assert ":3:3: galat: indikator 0 tidak ada dalam model spbe-2020 (indikator 1-47)" in r.stderr


def test_a_renamed_indicator_is_unknown_and_missing(run: Run, write: Write) -> None:
    levels = {k: v for k, v in ALL3.items() if k != 47} | {48: 3}
    r = run("score", str(write("j.yaml", answers_text(levels))))
    assert "indikator 48 tidak ada dalam model" in r.stderr and "1 indikator belum dijawab: 47" in r.stderr


def test_a_duplicate_key_does_not_hide_a_missing_indicator(run: Run, write: Write) -> None:
    text = answers_text(ALL3).replace("  46: 3\n", "  45: 3\n")
    r = run("score", str(write("j.yaml", text)))
    assert "kunci '45' ditulis dua kali" in r.stderr and "1 indikator belum dijawab: 46" in r.stderr


def test_a_wrong_entry_is_not_also_called_missing(run: Run, write: Write) -> None:
    r = run("score", str(write("j.yaml", answers_text(ALL3 | {5: "tiga"}))))
    assert "'tiga'" in r.stderr and "belum dijawab" not in r.stderr


def test_bukti_as_text_shows_the_list_syntax(run: Run, write: Write) -> None:
    r = run("score", "--partial", str(write("j.yaml", 'model: spbe-2020\nlevels:\n  1: {level: 3, bukti: "SK"}\n')))
    assert 'Tulis sebagai daftar: bukti: ["…"]' in r.stderr


# The records' helpers, each on the case that tells its rule apart.


def test_a_level_per_item_holds_a_value_when_one_item_has_one() -> None:
    assert has_value((None, 2)) and not has_value((None, None)) and not has_value(())
    assert field_value(Answer(35, (None, None)), "level") is None
    assert field_value(Answer(35, (None, 2)), "level") == (None, 2)
    staged = Answer(35, 1, tahap=(("akhir", (None, None)),))
    assert field_value(staged, "tahap.akhir") is None and field_value(staged, "tahap.dokumen") is None
    assert field_value(staged._replace(tahap=(("akhir", (3, None)),)), "tahap.akhir") == (3, None)


@pytest.mark.parametrize("given", [{"fakta": "ada"}, {"analisis": "cukup"}, {"bukti": ("SK 1",)}, {"level": (None, 2)}])
def test_an_answer_is_given_by_any_one_of_its_parts(given: dict[str, object]) -> None:
    assert not Answer(35, (None, None)).is_given()
    assert Answer(35, (None, None))._replace(**given).is_given()


def test_a_partly_answered_level_counts_at_no_stage() -> None:
    partly = Answer(35, (3, None))
    assert partly.source_at("mandiri") is None and partly.level_at("mandiri") is None
    assert Answer(35, (3, 4)).level_at("mandiri") == (3, 4)


def test_emptying_a_field_gives_it_its_default() -> None:
    full = Answer(2, 3, fakta="a", analisis="b", bukti=("SK",), tahap=(("akhir", 4),))
    assert with_field(full, "bukti", None).bukti == ()
    assert with_field(full, "fakta", None).fakta is None
    assert with_field(full, "level", None).level is None
    assert with_field(full, "tahap.akhir", None).tahap == ()
    assert with_field(full, "bukti", ("SK 2",)) == full._replace(bukti=("SK 2",))


def test_content_is_what_a_file_says_wherever_it_is_and_whatever_was_said_of_it(write: Write) -> None:
    text = answers_text({**ALL3, 47: "{level: 3, catatan: 1}"}, instansi="Kota X")  # an unknown key
    first, second = read_answers(write("a.yaml", text)), read_answers(write("b.yaml", text))
    assert first.problems and first.invalid == {47} and first.where is not None and first != second
    content = first.content()
    assert content == second.content()
    assert (content.path, content.where, content.problems, content.invalid) == ("", None, (), frozenset())
    assert content._replace(path=first.path, where=first.where, problems=first.problems, invalid={47}) == first
    # Without positions nothing can say where the missing levels are.
    assert not content.levels_readable()


@pytest.mark.parametrize("level", [(0, 6), (5, -1), (None, 6)])
def test_an_item_off_the_scale_is_found_after_one_on_its_edge(level: tuple[int | None, ...], write: Write) -> None:
    # Indicator 35 of spbe-2018 has three items on a scale of 0-5: an edge value is on the scale.
    text = answers_text(
        {**dict.fromkeys(range(1, 36), 3), 35: f"[{', '.join('null' if v is None else str(v) for v in level)}, 3]"},
        model="spbe-2018",
    )
    found = codes(write("a.yaml", text), partial=True)
    assert found[0][0] == "level-out-of-range"


def test_missing_levels_at_a_stage_name_the_stage(write: Write) -> None:
    answers = read_answers(write("a.yaml", answers_text({1: 3})))
    assert missing_problem(answers, [2, 3]).args == {"count": 2, "ids": "2-3"}
    at_stage = missing_problem(answers, [2, 3], "akhir")
    assert (at_stage.code, at_stage.args) == ("missing-stage", {"count": 2, "ids": "2-3", "stage": "akhir"})


def test_a_problem_after_the_levels_is_not_the_last_entrys(write: Write) -> None:
    # A top-level key after `levels` is wrong: indicator 47 above it is still missing, not wrong.
    text = answers_text({**ALL3, 47: "null"}) + "catatan: 1\n"
    with pytest.raises(SpbeError) as info:
        score_file(str(write("a.yaml", text)))
    assert [(p.code, p.args.get("ids")) for p in info.value.problems] == [
        ("unknown-key", None),
        ("missing-indicators", "47"),
    ]
    # Nor is a problem at the next key of `levels`, at the same indentation as the entry's.
    lines = ["levels:", *(f" {k}: {v}" for k, v in {**ALL3, 47: "null"}.items()), " x: 3"]
    with pytest.raises(SpbeError) as info:
        score_file(str(write("c.yaml", "\n".join(lines) + "\n")))
    assert sorted((p.code, p.line, p.col) for p in info.value.problems) == [
        ("missing-indicators", 1, 1),
        ("wrong-type", 49, 2),
    ]
    # A problem at an entry's own key (written twice) is the entry's.
    with pytest.raises(SpbeError) as info:
        score_file(str(write("d.yaml", "levels:\n  46: 3\n  46: null\n")))
    assert [(p.code, p.args.get("ids")) for p in info.value.problems] == [
        ("duplicate-key", None),
        ("missing-indicators", "1-45, 47"),
    ]
    # Within an entry a problem is still the entry's: it is not said missing as well.
    text = answers_text({**ALL3, 47: "{level: null, catatan: 1}"})
    with pytest.raises(SpbeError) as info:
        score_file(str(write("b.yaml", text)))
    assert [p.code for p in info.value.problems] == ["unknown-key"]


def test_the_instansis_own_level_is_checked_when_an_assessors_stage_is_scored(write: Write) -> None:
    # An off-scale `level` under a complete `tahap` once went unseen by `score --stage akhir`.
    levels = {i: f"{{level: {9 if i == 2 else 3}, tahap: {{akhir: 3}}}}" for i in ALL3}
    for stage in ("mandiri", "akhir"):
        with pytest.raises(SpbeError) as info:
            score_file(str(write("a.yaml", answers_text(levels))), basis=Basis(stage))
        assert [(p.code, p.line, p.col) for p in info.value.problems] == [("level-out-of-range", 3, 14)]


def test_an_empty_laporan_section_says_nothing(write: Write) -> None:
    assert read_answers(write("a.yaml", answers_text(ALL3) + "laporan: {}\n")).laporan is None
    said = read_answers(write("b.yaml", answers_text(ALL3) + 'laporan: {tempat: "Kota X"}\n')).laporan
    assert said is not None and said.tempat == "Kota X"
