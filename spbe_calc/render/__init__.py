"""Output formats, one module each, behind small registries.

Renderers are pure: they take results and return text; :mod:`spbe_calc.cli` decides where the
text goes (data to stdout, messages to stderr). Modules are imported only when their format is
used, so that start-up stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spbe_calc.answers import Answers

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


# --- small pieces every format shares --------------------------------------------------------


def title(answers: Answers) -> str:
    """``Pemerintah Kabupaten Contoh · 2022``: who was assessed, and when."""
    from spbe_calc.i18n import t

    text = answers.instansi or t("out.no-instansi")
    return f"{text} · {answers.tahun}" if answers.tahun else text


def num(value: Any, places: int = 2) -> str:
    """A value rounded half-up for display."""
    from spbe_calc.scoring import round_half_up

    return str(round_half_up(value, places))


def pct(value: Any) -> str:
    """A weight as shown everywhere: ``13.00%``."""
    return f"{num(value)}%"
