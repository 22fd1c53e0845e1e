"""The one table of output formats: which renderer writes which command's result in which format.

Every renderer has the same contract: ``render(result, options) -> str``, where ``result`` is
what the command's core call returned and ``options`` an :class:`spbe_calc.render.Options`.
Adding a format is one module with such a function and one line in :data:`RENDERERS`; the
command's ``--format`` choices come from this table.

Entries name ``module:function`` and the module is imported when the format is used: several
renderers stand on rich, whose import alone costs more than 10 ms, and ``score`` (the command
that runs in CI and in batches) needs none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from spbe_calc.render import Options

Renderer = Callable[[Any, Options], str]

_PREFIX = "spbe_calc.render."

#: (command, format) -> "module:function" under spbe_calc.render.
RENDERERS: dict[tuple[str, str], str] = {
    ("score", "text"): "score_text:render_text",
    ("score", "json"): "score_json:render_json",
    ("score", "jsonl"): "score_json:render_jsonl",
    ("score", "markdown"): "score_markdown:render_markdown",
    ("score", "csv"): "score_csv:render_csv",
    ("validate", "text"): "problems:render_text",
    ("validate", "parsable"): "problems:render_parsable",
    ("validate", "json"): "problems:render_json",
    ("validate", "github"): "problems:render_github",
    ("plan", "text"): "plan:render_text",
    ("plan", "json"): "plan:render_json",
    ("compare", "text"): "compare:render_text",
    ("compare", "json"): "compare:render_json",
    ("calibrate", "text"): "calibrate:render_text",
    ("calibrate", "json"): "calibrate:render_json",
    ("models", "text"): "models:render_text",
    ("models", "json"): "models:render_json",
    ("model", "text"): "model:render_text",
    ("model", "json"): "model:render_json",
    ("report", "html"): "report_html:render_html",
    ("report", "markdown"): "report_md:render_md",
    # A PDF is the HTML page printed by a headless browser (spbe_calc.pdf): same content, same renderer.
    ("report", "pdf"): "report_html:render_html",
    ("merge", "text"): "merge:render_text",
    ("merge", "json"): "merge:render_json",
    ("evidence", "text"): "evidence:render_text",
    ("evidence", "json"): "evidence:render_json",
    ("evidence", "github"): "evidence:render_github",
}

#: File-name endings that choose a format when none is given (``report -o laporan.html``).
SUFFIXES: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
}


def formats(command: str) -> list[str]:
    """The formats a command can write, in the order of the table (the first is the default)."""
    return [fmt for cmd, fmt in RENDERERS if cmd == command]


def format_for_suffix(suffix: str) -> str | None:
    """The format a file-name ending stands for, if any."""
    return SUFFIXES.get(suffix.lower())


def renderer(command: str, fmt: str) -> Renderer:
    """The renderer of a command's result in a format (``KeyError`` if there is none)."""
    module, function = RENDERERS[(command, fmt)].split(":")
    found: Renderer = getattr(importlib.import_module(_PREFIX + module), function)
    return found


def render(command: str, fmt: str, result: Any, options: Options) -> str:
    """Render a command's result in a format."""
    return renderer(command, fmt)(result, options)
