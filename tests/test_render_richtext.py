"""spbe_calc.render.richtext: rich set up one way (colour or none, a fixed width, no emoji)."""

from __future__ import annotations

import pytest
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


def test_colour_asked_for_stays_whatever_the_environment_says(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line has read NO_COLOR already; rich must not read it a second time.
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert to_text(Options(color=True), Text("merah", style="red")) == "\x1b[31mmerah\x1b[0m"
    assert to_text(Options(color=False), Text("merah", style="red")) == "merah"


def test_text_in_cells_is_shown_as_written() -> None:
    # No emoji codes turned into pictures, no numbers or links highlighted.
    table = Table("a", "b", box=None, show_header=False)
    table.add_row(":smile: 2,50", "http://contoh.go.id 'kutip' 12")
    assert to_text(Options(color=True), table) == " :smile: 2,50  http://contoh.go.id 'kutip' 12"


def test_only_riches_padding_and_the_blank_end_are_taken_off() -> None:
    table = Table("Nama", box=None)
    table.add_row("Kab. X")
    table.add_row("Kabupaten Panjang")
    shown = to_text(Options(), Text("Kota X\u00a0"), table, Text(" "), Text(""))
    assert shown == "Kota X\u00a0\n Nama              \n Kab. X\n Kabupaten Panjang".replace("              \n", "\n")


def test_the_last_line_keeps_what_ends_it() -> None:
    # Only rich's padding (spaces) and blank lines are taken off, never a letter or another space.
    assert to_text(Options(), Text("Kota X")) == "Kota X"
    assert to_text(Options(), Text("Kota\u00a0")) == "Kota\u00a0"
