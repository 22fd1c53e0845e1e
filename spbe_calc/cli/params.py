"""Options and arguments that several commands share, declared once.

Help texts and metavars are catalogue keys (translated when the command line is built). Each
command's ``--format`` choices come from the renderer registry, so a new format needs no change
here.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from spbe_calc.render.registry import formats


def format_choices(command: str, *extra: str) -> type[enum.Enum]:
    """An enumeration of the formats a command can write (plus ``extra`` pseudo-formats)."""
    names = [*extra, *formats(command)]
    return enum.Enum(f"{command.title()}Format", {name: name for name in names}, type=str)  # type: ignore[return-value]


ModelOption = Annotated[
    Optional[str], typer.Option("--model", "-m", help="cli.model", metavar="cli.metavar.model")
]
PartialOption = Annotated[bool, typer.Option("--partial", help="help.score.partial")]
AnswersFile = Annotated[Path, typer.Argument(help="help.file", show_default=False, metavar="cli.metavar.file")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="help.output")]


def files_argument(help_key: str) -> typer.models.ArgumentInfo:
    """One or more files (``FILE...``), with a command's own help."""
    return typer.Argument(help=help_key, show_default=False, metavar="cli.metavar.files")


def format_option() -> typer.models.OptionInfo:
    """``--format``/``-f``."""
    return typer.Option("--format", "-f", help="cli.format")
