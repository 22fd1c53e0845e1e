"""Tests of spbe_calc/interactive.py: the session loop and its prompts.

No input crashes a prompt: property tests drive the loop with arbitrary text at each question
(the level, the texts, the agency, the year, a jump) and at the command line's ``--indicators``;
the only outcomes allowed are an answer, a command, a message asking again, or a documented error.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from spbe_calc.answers import read_answers
from spbe_calc.errors import SpbeError
from spbe_calc.interactive import ScriptedPrompter, fit_prompt, run
from spbe_calc.interactive import run as run_questionnaire
from spbe_calc.questionnaire import Questionnaire, parse_id_list

from .conftest import answers_text
from .helpers import THIRDS, examples


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


@pytest.mark.parametrize(
    ("typed", "fakta", "analisis"),
    [
        (["q"], None, None),  # at the fakta
        (["Perbup 12/2023", "Keluar"], "Perbup 12/2023", None),  # at the analisis, in either case
        (["", "", "q"], None, None),  # at the bukti
    ],
)
def test_assess_quit_word_at_a_text_question_ends_the_session(
    tmp_path: Path, typed: list[str], fakta: str | None, analisis: str | None
) -> None:
    """The hint says "q untuk berhenti" for the whole session: a lone quit word at a text
    question stops there, with what was typed before saved, and is never saved as the text."""
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}))
    q = Questionnaire.open(path, None, [], [], [])
    io = ScriptedPrompter(["g 2", "4", *typed, "5"])  # "5" would be the next indicator's level
    assert run_questionnaire(q, io, explain=True) == "quit"
    answer = read_answers(path).answers[2]
    assert (answer.level, answer.fakta, answer.analisis, answer.bukti) == (4, fakta, analisis, ())
    assert 3 not in read_answers(path).answers
    assert "Berhenti. Semua jawaban tersimpan di" in io.text


def test_the_scripted_prompter_lays_out_at_80_columns_unless_told() -> None:
    """As a terminal of unknown width (and the golden sessions) would: 81 characters wrap."""
    io = ScriptedPrompter([])
    io.show(Text("x" * 80))
    io.show(Text("y" * 81))
    assert io.text == "x" * 80 + "\n" + "y" * 80 + "\ny\n"
    io = ScriptedPrompter([], width=81)
    io.show(Text("y" * 81))
    assert io.text == "y" * 81 + "\n"


@pytest.mark.parametrize(
    ("prompt", "width", "shown"),
    [
        ("aaa bbb ccc: ", 14, "aaa bbb ccc: "),  # fits beside the cursor
        ("aaa bbb ccc:", 12, "aaa bbb\nccc:"),  # as wide as the terminal: no room for the cursor
        ("aaa bbb ccc: ", 12, "aaa bbb\nccc: "),  # the space before the answer kept
        ("aaa bbb ccc ddd: ", 12, "aaa bbb ccc\nddd: "),  # a line one column short of the edge
        ("aaaaaaaaaaaaaaa bbb: ", 12, "aaaaaaaaaaaaaaa\nbbb: "),  # a word never cut
    ],
)
def test_a_question_wider_than_the_terminal_is_wrapped_between_words(prompt: str, width: int, shown: str) -> None:
    assert fit_prompt(prompt, width) == shown


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


def test_assess_ctrl_c_before_anything_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    outcome, text = _session(path, ["^C"])
    assert outcome == "interrupted" and "sebelum ada jawaban yang tersimpan" in text and not path.exists()


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


#: Any text a terminal can deliver, with the troublemakers seen so far made likely ("^C" is the
#: scripted prompter's Ctrl-C, not text).
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["²", "g ²", "g 99999999999999999999", "1e3", "٣", "-", "- 3", "3\n4", "\x00", "g", "g -1"]),
    st.text(alphabet="0123456789 ,-g²³¹٣\n\t", max_size=12),
).filter(lambda text: text != "^C")


SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _any_text_session(text: str, inputs: list[str]) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "j.yaml"
        path.write_text(answers_text({1: 3}), encoding="utf-8")
        q = Questionnaire.open(path, None, [], [], [])
        outcome = run(q, ScriptedPrompter([*inputs, "q"]), explain=True)
        read_answers(path)  # whatever was typed, the file still reads
        return outcome


@SETTINGS
@given(TEXT)
def test_any_text_at_the_level_question(text: str) -> None:
    assert _any_text_session(text, [text]) in ("quit", "done")


@SETTINGS
@given(TEXT, TEXT, TEXT)
def test_any_text_in_the_explanations(fakta: str, analisis: str, bukti: str) -> None:
    assert _any_text_session(fakta, ["g 2", "3", fakta, analisis, bukti]) in ("quit", "done")


@SETTINGS
@given(TEXT, TEXT)
def test_any_text_for_the_agency_and_the_year(instansi: str, tahun: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        q = Questionnaire.open(Path(folder) / "baru.yaml", None, [], [], [])
        assert run(q, ScriptedPrompter([instansi, tahun, "2024", "q"]), explain=False) in ("quit", "done")


@SETTINGS
@given(TEXT)
def test_any_text_as_an_indicator_list(text: str) -> None:
    try:
        ids = parse_id_list(text)
    except SpbeError as exc:
        assert [p.code for p in exc.problems] == ["bad-id-list"]
    else:
        assert all(isinstance(i, int) for i in ids)


@pytest.mark.parametrize("stdin", ["devnull", "no-file", "no-termios"])
def test_typeahead_is_looked_for_only_on_a_terminal(
    stdin: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Input that is no terminal (a file, a stream without a descriptor, a system without a
    terminal driver) has no typeahead to drop; the question is then asked as usual."""
    from spbe_calc.interactive import TerminalPrompter

    prompter = TerminalPrompter(False, lambda: 80)
    with open(os.devnull, encoding="utf-8") as devnull:
        if stdin == "devnull":  # readable at once, and the terminal driver refuses it
            monkeypatch.setattr(sys, "stdin", devnull)
        elif stdin == "no-file":
            monkeypatch.setattr(sys, "stdin", io.StringIO("4\n"))
        else:
            monkeypatch.setattr(sys, "stdin", devnull)
            monkeypatch.setitem(sys.modules, "termios", None)  # as on Windows: the import fails
        assert prompter._discard_typeahead() is False


def test_the_terminal_shows_text_as_given_and_drawings_at_its_width_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """A string (already coloured by a renderer) goes out untouched, with its line end; what rich
    draws is laid out at the terminal's width at the moment it is shown (a window resized
    between screens)."""
    from spbe_calc.interactive import TerminalPrompter

    widths = iter([30, 12])
    prompter = TerminalPrompter(False, lambda: next(widths))
    out = io.StringIO()
    prompter.console.file = out
    prompter.show("\x1b[1mIndeks\x1b[0m 2,38")
    prompter.show(Text("satu dua tiga empat lima"))
    prompter.show(Text("satu dua tiga empat lima"))
    lines = out.getvalue().split("\n")
    assert lines[0] == "\x1b[1mIndeks\x1b[0m 2,38"
    assert [line.rstrip() for line in lines[1:]] == ["satu dua tiga empat lima", "satu dua", "tiga empat", "lima", ""]


def test_an_enter_with_keys_behind_it_is_a_line_break_not_the_answer() -> None:
    """Keys already queued after Enter, or arriving within the burst, make it a line break; the
    line editor's own flush marker is no key."""
    from types import SimpleNamespace

    from prompt_toolkit.key_binding.key_processor import KeyPress, _Flush

    from spbe_calc.interactive import TerminalPrompter

    prompter = TerminalPrompter(False, lambda: 80)
    read, write = os.pipe()
    try:
        prompter.session = SimpleNamespace(input=SimpleNamespace(fileno=lambda: read))

        def enter(*queued: KeyPress) -> bool:
            return prompter._more_keys(SimpleNamespace(key_processor=SimpleNamespace(input_queue=list(queued))))

        assert enter(KeyPress("4", "4")) is True  # typed or pasted with the Enter
        assert enter() is False and enter(_Flush) is False  # nothing behind it: the answer ends
        os.write(write, b"5")  # a key arriving within the burst
        assert enter(_Flush) is True

        def no_descriptor() -> int:
            raise OSError("no file to wait on (a Windows console)")

        prompter.session = SimpleNamespace(input=SimpleNamespace(fileno=no_descriptor))
        assert enter(_Flush) is False  # nothing to wait on: the Enter ends the answer
    finally:
        os.close(read)
        os.close(write)


def test_keys_typed_before_a_question_are_dropped_with_a_notice_in_yellow() -> None:
    from types import SimpleNamespace

    from spbe_calc.interactive import TerminalPrompter

    prompter = TerminalPrompter(True, lambda: 80)
    out = io.StringIO()
    prompter.console.file = out
    asked: list[str] = []
    prompter.session = SimpleNamespace(prompt=lambda question: asked.append(question) or "4")
    prompter._discard_typeahead = lambda: True  # type: ignore[method-assign]
    assert prompter.ask("Tingkat 1-5: ") == "4" and asked == ["Tingkat 1-5: "]
    assert out.getvalue().startswith("\x1b[33m") and "sebelum pertanyaan" in out.getvalue()
