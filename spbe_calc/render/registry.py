"""The one table of output formats: every output of every command, and how it is written.

Each entry is a :class:`Format`: the command and the format's name (``--format``), the file-name
endings that choose it (``report -o laporan.pdf``), whether it is text or bytes, and its
renderer. Every renderer has the same contract: ``render(result, options)``, where ``result`` is
what the command's core call returned and ``options`` an :class:`spbe_calc.render.Options`; it
returns ``str`` for a text format and ``bytes`` for a binary one (a PDF, a workbook). Commands
choose a format by ``--format`` or by the output's ending (:func:`choose`), call :func:`render`,
and write the result with :func:`spbe_calc.cli.output.write_output` or print it: nothing else
decides how an output looks. Adding a format is one renderer module and one line in
:data:`FORMATS` (CONTRIBUTING.md shows an example); ``--format`` choices follow from the table.

Renderers are named ``module:function`` and imported when their format is used: several stand
on rich or openpyxl, whose import alone costs more than 10 ms, and ``score`` (the command that
runs in CI and in batches) needs none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, NamedTuple

from spbe_calc.errors import fail
from spbe_calc.render import Options

#: What a renderer is: the command's result and the options, to text or bytes.
Renderer = Callable[[Any, Options], "str | bytes"]

_PREFIX = "spbe_calc.render."


class Format(NamedTuple):
    """One output of one command."""

    command: str
    #: what ``--format`` calls it
    name: str
    #: ``module:function`` under :mod:`spbe_calc.render`
    renderer: str
    #: file-name endings that choose this format for ``-o`` (lower case, with the dot)
    suffixes: tuple[str, ...] = ()
    #: ``True`` for bytes (PDF, xlsx), ``False`` for text
    binary: bool = False


#: Every output of every command, in the order ``--format`` lists them (the first is the default).
FORMATS: tuple[Format, ...] = (
    Format(command="score", name="text", renderer="score_text:render_text"),
    Format(command="score", name="json", renderer="score_json:render_json"),
    Format(command="score", name="jsonl", renderer="score_json:render_jsonl"),
    Format(command="score", name="markdown", renderer="score_markdown:render_markdown"),
    Format(command="score", name="csv", renderer="score_csv:render_csv"),
    Format(command="validate", name="text", renderer="problems:render_text"),
    Format(command="validate", name="parsable", renderer="problems:render_parsable"),
    Format(command="validate", name="json", renderer="problems:render_json"),
    Format(command="validate", name="github", renderer="problems:render_github"),
    Format(command="plan", name="text", renderer="plan:render_text"),
    Format(command="plan", name="json", renderer="plan:render_json"),
    Format(command="compare", name="text", renderer="compare:render_text"),
    Format(command="compare", name="json", renderer="compare:render_json"),
    Format(command="calibrate", name="text", renderer="calibrate:render_text"),
    Format(command="calibrate", name="json", renderer="calibrate:render_json"),
    Format(command="models", name="text", renderer="models:render_text"),
    Format(command="models", name="json", renderer="models:render_json"),
    Format(command="model", name="text", renderer="model:render_text"),
    Format(command="model", name="json", renderer="model:render_json"),
    Format(command="report", name="html", renderer="report_html:render_html", suffixes=(".html", ".htm")),
    Format(command="report", name="markdown", renderer="report_md:render_md", suffixes=(".md", ".markdown")),
    # The HTML page printed by a headless browser: same content, same page.
    Format(command="report", name="pdf", renderer="report_pdf:render_pdf", suffixes=(".pdf",), binary=True),
    Format(command="merge", name="text", renderer="merge:render_text"),
    Format(command="merge", name="json", renderer="merge:render_json"),
    Format(command="evidence", name="text", renderer="evidence:render_text"),
    Format(command="evidence", name="json", renderer="evidence:render_json"),
    Format(command="evidence", name="github", renderer="evidence:render_github"),
    Format(command="peers", name="text", renderer="peers:render_text"),
    Format(command="peers", name="json", renderer="peers:render_json"),
    Format(command="peers", name="csv", renderer="peers:render_csv"),
    Format(command="peers", name="markdown", renderer="peers:render_markdown"),
    # The Lembar Kerja Evaluasi: a workbook with live formulas, or its rows as CSV.
    Format(command="export", name="xlsx", renderer="lke:render_xlsx", suffixes=(".xlsx",), binary=True),
    Format(command="export", name="csv", renderer="lke:render_csv", suffixes=(".csv",)),
)

_BY_KEY = {(f.command, f.name): f for f in FORMATS}


def formats(command: str) -> list[str]:
    """The formats a command can write, in the order of the table (the first is the default)."""
    return [f.name for f in FORMATS if f.command == command]


def format_for_suffix(command: str, suffix: str) -> str | None:
    """The format of ``command`` that a file-name ending stands for, if any."""
    return next((f.name for f in FORMATS if f.command == command and suffix.lower() in f.suffixes), None)


def choose(command: str, fmt: str | None, output: str, problem: str) -> str:
    """The format to write ``output`` in: ``--format`` if given, else the file's ending.

    An ending that names no format of the command is the problem ``problem`` (exit 2).
    """
    if fmt is not None:
        return fmt
    found = format_for_suffix(command, PurePath(output).suffix)
    if found is None:
        raise fail(output, problem)
    return found


def format_of(command: str, fmt: str) -> Format:
    """The table's entry (``KeyError`` if the command has no such format)."""
    return _BY_KEY[(command, fmt)]


def renderer(command: str, fmt: str) -> Renderer:
    """The renderer of a command's result in a format (``KeyError`` if there is none)."""
    module, function = format_of(command, fmt).renderer.split(":")
    found: Renderer = getattr(importlib.import_module(_PREFIX + module), function)
    return found


def render(command: str, fmt: str, result: Any, options: Options) -> str | bytes:
    """Render a command's result in a format: text, or bytes for a binary format."""
    return renderer(command, fmt)(result, options)


def render_text(command: str, fmt: str, result: Any, options: Options) -> str:
    """Render a text format (what is printed on stdout)."""
    content = render(command, fmt, result, options)
    if not isinstance(content, str):  # pragma: no cover  (a binary format is never printed)
        raise TypeError(f"{command} {fmt} is a binary format")
    return content
