"""One way to set up rich for our output: plain ANSI colours or none, a fixed width, no emoji.

Used by the renderers that draw tables with rich (plan, compare, models) and by the
questionnaire; ``score`` draws its own tables (:mod:`spbe_calc.render.plaintable`) and does not
import rich at all.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import IO, Any

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from spbe_calc.model import Model
from spbe_calc.render import Options, status_notes

# The look of everything rich draws, named once: the renderers say what a thing is (a number,
# a code, a heading), and these say how it looks.

#: The palette.
BOLD, DIM, ITALIC, RED, GREEN, YELLOW, CYAN = "bold", "dim", "italic", "red", "green", "yellow", "cyan"
#: Column kinds: a short value that never wraps (a code, a level change), and a number, set right.
SHORT: Mapping[str, Any] = MappingProxyType({"no_wrap": True})
NUMBER: Mapping[str, Any] = MappingProxyType({"justify": "right", "no_wrap": True})
#: A change of level ("2→3"), centred under its heading.
STEP: Mapping[str, Any] = MappingProxyType({"justify": "center", "no_wrap": True})
_GRID: Mapping[str, Any] = MappingProxyType({"box": box.SIMPLE_HEAD, "show_edge": False, "pad_edge": False})
_LIST: Mapping[str, Any] = MappingProxyType({"box": None, "show_header": False, "pad_edge": False})
#: Text is shown as written: rich neither colours what looks like a number or a link (which it
#: would do only to plain strings it prints, and the renderers hand it Text and tables) nor turns
#: ":codes:" into emoji.
_PLAIN: Mapping[str, Any] = MappingProxyType({"highlight": False, "emoji": False})


def grid() -> Table:
    """A table of numbers: a rule under its header, no outer border."""
    return Table(**_GRID)


def listing() -> Table:
    """Rows under a heading of their own: no header, no border (the biggest changes, a list)."""
    return Table(**_LIST)


def console(options: Options, file: IO[str] | None = None) -> Console:
    """A console that writes to ``file`` (a terminal, or a buffer)."""
    return Console(
        file=file,
        width=options.width,
        # Colour is decided once, by the command line (--color, NO_COLOR, the terminal): rich
        # neither detects a terminal nor reads NO_COLOR again; its colour system alone says.
        no_color=False,
        color_system="standard" if options.color else None,
        **_PLAIN,
    )


def to_text(options: Options, *items: RenderableType) -> str:
    """Render rich items to text (with ANSI codes when ``options.color``).

    A :class:`~rich.text.Text` marked ``no_wrap`` is written whole on one line (a path that a user
    copies must not be cut in two); everything else fits the width. Rich pads a table's lines to
    its width; the padding is taken off, as no other output has spaces at the end of a line, and
    so are blank lines at the end.
    """
    buffer = io.StringIO()
    out = console(options, buffer)
    for item in items:
        out.print(item, soft_wrap=isinstance(item, Text) and bool(item.no_wrap))
    return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n")).rstrip("\n")


def status_lines(models: Iterable[Model]) -> list[Text]:
    """The status note of each model used that is not official, as warnings beside the numbers."""
    return [Text(f"⚠ {note}", style=YELLOW) for note in status_notes(models)]
