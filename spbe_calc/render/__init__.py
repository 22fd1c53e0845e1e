"""Output formats, one module each, behind small registries.

Renderers are pure: they take results and return text; :mod:`spbe_calc.cli` decides where the
text goes (data to stdout, messages to stderr). Modules are imported only when their format is
used, so that start-up stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

#: score output formats -> module under spbe_calc.render
SCORE_FORMATS = {"text": "score_text", "json": "score_json", "jsonl": "score_json", "markdown": "score_markdown",
                 "csv": "score_csv"}

#: problem report formats -> function name in spbe_calc.render.problems
PROBLEM_FORMATS = ("text", "parsable", "json", "github")


def score_renderer(name: str) -> Callable[..., str]:
    """Return the ``render(files, **options)`` function of a score format."""
    module = importlib.import_module(f"spbe_calc.render.{SCORE_FORMATS[name]}")
    return getattr(module, f"render_{name}")


def problem_renderer(name: str) -> Callable[..., Any]:
    """Return the renderer of a problem-report format."""
    module = importlib.import_module("spbe_calc.render.problems")
    return getattr(module, f"render_{name}")
