"""spbe_calc.render.richtext: rich set up one way (colour or none, a fixed width, no emoji)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from spbe_calc.model import load_model
from spbe_calc.render import Options
from spbe_calc.render.richtext import status_lines, to_text


def test_a_path_marked_no_wrap_is_never_cut() -> None:
    path = "/data/" + "sangat-panjang/" * 10 + "jawaban.yaml"
    assert to_text(Options(width=40), Text(path, no_wrap=True)) == path
    wrapped = to_text(Options(width=40), Text("kata " * 20))
    assert max(len(line) for line in wrapped.splitlines()) <= 40


def test_colour_only_when_asked_and_no_emoji() -> None:
    table = Table("a")
    table.add_row(Text(":smile: merah", style="red"))
    plain, coloured = to_text(Options(color=False), table), to_text(Options(color=True), table)
    assert "\x1b[" not in plain and "\x1b[31m" in coloured
    assert ":smile:" in plain  # text from a file is not turned into pictures


def test_an_unofficial_model_gets_a_warning_line() -> None:
    assert status_lines([load_model("spbe-2020")]) == []
    (line,) = status_lines([load_model("pemdi-2026"), load_model("pemdi-2026")])  # said once
    assert line.plain.startswith("⚠ ") and line.style == "yellow"
