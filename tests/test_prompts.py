"""No input crashes a prompt: every prompt of the questionnaire takes any Unicode text.

Property tests drive the questionnaire with arbitrary text at each question (the level, the
texts, the agency, the year, a jump) and at the command line's ``--indicators``; the only
outcomes allowed are an answer, a command, a message asking again, or a documented error.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_calc.answers import read_answers
from spbe_calc.errors import SpbeError
from spbe_calc.interactive import ScriptedPrompter, run
from spbe_calc.questionnaire import Questionnaire, parse_id_list

from .conftest import answers_text

#: Any text a terminal can deliver, with the troublemakers seen so far made likely ("^C" is the
#: scripted prompter's Ctrl-C, not text).
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["²", "g ²", "g 99999999999999999999", "1e3", "٣", "-", "- 3", "3\n4", "\x00", "g", "g -1"]),
    st.text(alphabet="0123456789 ,-g²³¹٣\n\t", max_size=12),
).filter(lambda text: text != "^C")

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _session(text: str, inputs: list[str]) -> str:
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
    assert _session(text, [text]) in ("quit", "done")


@SETTINGS
@given(TEXT, TEXT, TEXT)
def test_any_text_in_the_explanations(fakta: str, analisis: str, bukti: str) -> None:
    assert _session(fakta, ["g 2", "3", fakta, analisis, bukti]) in ("quit", "done")


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
