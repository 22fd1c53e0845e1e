"""Tests of spbe_calc/answers/write.py."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.answers import Answer, Answers, read_answers
from spbe_calc.answers.comments import Comments
from spbe_calc.answers.read import Laporan, Published
from spbe_calc.answers.write import dump_answers, read_for_update

from .helpers import _NOTHING


def test_written_answers_follow_the_given_order_and_keep_the_header() -> None:
    answers = Answers(
        "a.yaml",
        "spbe-2018",
        None,
        None,
        {1: Answer(1, 2), 35: Answer(35, (3, None, 2)), 3: Answer(3, None), 99: Answer(99, 1)},
    )
    comments = Comments(("# Satu", "# Dua"), {}, {}, ())
    text = dump_answers(answers, order=[35, 3, 1], comments=comments)
    lines = text.splitlines()
    assert lines[:2] == ["# Satu", "# Dua"]
    assert lines[3:] == ["levels:", "  35: [3, null, 2]", "  3: null", "  1: 2", "  99: 1"]


def test_partly_answered_items_read_back(write: Callable[..., Path]) -> None:
    answers = Answers("a.yaml", "spbe-2018", None, None, {35: Answer(35, (3, None, 2))})
    back = read_answers(write("a.yaml", dump_answers(answers)))
    assert back.problems == () and back.answers[35].level == (3, None, 2)


def test_unusual_characters_are_escaped_and_read_back(write: Callable[..., Path]) -> None:
    text = "tab\tline\u2028sep\x07bell\ufeffbom\uffffend 𝔸"
    answers = Answers("a.yaml", None, text, None, {})
    dumped = dump_answers(answers)
    assert "\\u2028" in dumped and "\\u0007" in dumped and "\\uffff" in dumped and "𝔸" in dumped
    assert read_answers(write("a.yaml", dumped)).instansi == text


def test_evidence_written_over_several_lines_reads_back(write: Callable[..., Path]) -> None:
    answers = _NOTHING._replace(answers={1: Answer(1, 3, bukti=("Notulen rapat\nSK Bupati Nomor 5",))})
    text = dump_answers(answers)
    assert "      - |-\n        Notulen rapat\n        SK Bupati Nomor 5\n" in text
    assert read_answers(write("j.yaml", text)).answers == answers.answers


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("a\nb", "|-\n      a\n      b"),  # no final line break: "-"
        ("a\nb\n", "|\n      a\n      b"),  # one: kept as it is
        ("a\nb\n\n", "|+\n      a\n      b\n"),  # several: "+", and the empty lines
        ("a\nb\n\n\n", "|+\n      a\n      b\n\n"),
        ("\u3000\n\u3000", "|-\n      \u3000\n      \u3000"),  # not only line breaks
        ("a\n\nb", "|-\n      a\n\n      b"),  # an empty line inside is written empty
        ("a\nb \n", "|\n      a\n      b "),  # a blank at a line's end stays
        ("a\nX\n", "|\n      a\n      X"),
        ("X\nX", "|-\n      X\n      X"),
        ("a\n\u3000\nb", "|-\n      a\n      \u3000\n      b"),  # an ideographic space is text
        (" a\nb", '" a\\nb"'),  # a first line that starts with a blank: quoted
        ("\ta\nb", '"\\ta\\nb"'),
        ("a\n  \nb", '"a\\n  \\nb"'),  # a line of blanks only: quoted (a block would lose it)
        ("a\r\nb", '"a\\r\\nb"'),
        ("\n\n", '"\\n\\n"'),  # only line breaks: quoted
        ("one line", '"one line"'),
    ],
)
def test_texts_are_written_as_blocks_only_when_they_read_back(
    text: str, written: str, write: Callable[..., Path]
) -> None:
    answers = Answers("j.yaml", None, None, None, {1: Answer(1, 3, fakta=text)})
    dumped = dump_answers(answers)
    assert dumped == f"levels:\n  1:\n    level: 3\n    fakta: {written}\n"
    assert read_answers(write("j.yaml", dumped)).answers[1].fakta == text


def test_a_file_without_answers_has_an_empty_levels_mapping_and_no_empty_laporan() -> None:
    # What a new file starts as: `levels: {}` says "none yet" (a bare `levels:` would be null).
    # A laporan with nothing in it is not written at all.
    answers = _NOTHING._replace(model="spbe-2018", laporan=Laporan())
    assert dump_answers(answers) == 'model: "spbe-2018"\nlevels: {}\n'


def test_fakta_and_analisis_of_several_lines_are_blocks_under_their_key() -> None:
    answers = _NOTHING._replace(answers={1: Answer(1, 3, fakta="a\nb", analisis="c\nd")})
    assert dump_answers(answers) == (
        "levels:\n  1:\n    level: 3\n    fakta: |-\n      a\n      b\n    analisis: |-\n      c\n      d\n"
    )


def test_comments_on_a_published_result_stay_beside_its_lines(write: Callable[..., Path]) -> None:
    hasil = Published(Fraction(251, 100), "Baik", {1: Fraction(3)}, {2: Fraction(5, 2)}, "Keputusan 2024")
    lines = dump_answers(_NOTHING._replace(hasil=hasil)).splitlines()
    assert lines == [
        "hasil:",
        "  indeks: 2.51",
        '  predikat: "Baik"',
        "  domains: {1: 3}",
        "  aspects: {2: 2.5}",
        '  sumber: "Keputusan 2024"',
    ]
    # Each line's own comment, and one on a line of its own before it (at the line's indent).
    text = "".join(
        f"{line[: len(line) - len(line.lstrip())]}# above {n}\n{line}  # on {n}\n" for n, line in enumerate(lines)
    )
    answers, comments = read_for_update(write("h.yaml", text))
    assert dump_answers(answers, comments=comments) == text
