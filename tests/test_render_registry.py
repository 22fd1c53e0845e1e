"""spbe_calc.render.registry: one table for every output of every command."""

from __future__ import annotations

import inspect

import pytest

from spbe_calc.batch import score_batch
from spbe_calc.core import DEFAULT_BASIS
from spbe_calc.errors import SpbeError
from spbe_calc.render import Options
from spbe_calc.render.registry import FORMATS, choose, format_for_suffix, format_of, formats, render, renderer

from .helpers import EX22


def test_each_command_names_each_format_once() -> None:
    keys = [(f.command, f.name) for f in FORMATS]
    assert len(keys) == len(set(keys))
    for command in {f.command for f in FORMATS}:
        endings = [s for f in FORMATS if f.command == command for s in f.suffixes]
        assert len(endings) == len(set(endings)), command  # an ending chooses one format


@pytest.mark.parametrize("entry", FORMATS, ids=lambda f: f"{f.command}-{f.name}")
def test_every_renderer_exists_with_the_one_contract(entry: object) -> None:
    command, name = entry.command, entry.name  # type: ignore[attr-defined]
    function = renderer(command, name)
    signature = inspect.signature(function)
    (_, result), (options_name, options) = signature.parameters.items()
    assert options_name == "options" and options.annotation == "Options", function
    assert result.annotation not in ("Any", inspect.Parameter.empty), function  # typed, not Any
    returns = str(signature.return_annotation)
    assert returns == ("bytes" if format_of(command, name).binary else "str"), (command, name, returns)


def test_binary_formats_are_chosen_by_a_file_ending() -> None:
    # Bytes are never printed on a terminal: a binary format must be one a file can ask for.
    for f in FORMATS:
        assert all(s.startswith(".") and s == s.lower() for s in f.suffixes), f
        if f.binary:
            assert f.suffixes, f


def test_the_first_format_is_the_default_and_order_follows_the_table() -> None:
    assert formats("score")[0] == "text"
    assert formats("report") == ["html", "markdown", "pdf"]
    assert formats("no-such-command") == []


def test_a_format_is_chosen_by_option_first_then_by_ending() -> None:
    assert choose("report", "markdown", "laporan.pdf", "x") == "markdown"
    assert choose("report", None, "laporan.PDF", "x") == "pdf"  # endings in any case
    assert choose("export", None, "lke.csv", "x") == "csv"
    assert format_for_suffix("report", ".docx") is None
    with pytest.raises(SpbeError) as info:
        choose("report", None, "laporan.docx", "report-suffix")
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("laporan.docx", "report-suffix")


def test_render_returns_what_the_format_is() -> None:
    result = score_batch([EX22], None, False, None, True, DEFAULT_BASIS)
    out = render("score", "json", result, Options(color=False, width=80, detail=False))
    assert isinstance(out, str) and '"index": 2.38' in out
    with pytest.raises(KeyError):
        format_of("score", "xml")


def test_a_binary_format_is_never_rendered_as_text() -> None:
    from spbe_calc.core import score_file
    from spbe_calc.render.registry import render_text

    with pytest.raises(TypeError, match=r"^export xlsx is a binary format$"):
        render_text("export", "xlsx", score_file(EX22), Options())
