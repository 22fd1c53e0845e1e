"""Options and arguments that several commands share, declared once.

Help texts and metavars are catalogue keys (translated when the command line is built). Each
command's ``--format`` choices come from the renderer registry, so a new format needs no change
here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from spbe_calc.cli.completion import model_names
from spbe_calc.i18n import t
from spbe_calc.render.registry import formats
from spbe_calc.stages import BANDINGS, STAGES

ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", "-m", help="cli.model", metavar="cli.metavar.model", autocompletion=model_names),
]
PartialOption = Annotated[bool, typer.Option("--partial", help="help.score.partial")]
# Text, not Path: a Path turns an empty argument ("$F" unset) into ".", the current folder.
AnswersFile = Annotated[str, typer.Argument(help="help.file", show_default=False, metavar="cli.metavar.file")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="help.output", metavar="cli.metavar.file")]


def one_of(choices: list[str]) -> Callable[[Optional[str]], Optional[str]]:
    """A parameter callback that accepts only ``choices`` (or no value)."""

    def check(value: Optional[str]) -> Optional[str]:
        if value is not None and value not in choices:
            raise typer.BadParameter(t("cli.bad-choice", value=value, choices=", ".join(choices)))
        return value

    return check


def choice_option(name: str, choices: tuple[str, ...], help_key: str) -> Any:
    """An option that takes one of ``choices``, shown and completed as such (``--stage``)."""
    return typer.Option(
        name,
        help=help_key,
        metavar="|".join(choices),
        callback=one_of(list(choices)),
        autocompletion=lambda: list(choices),
    )


StageOption = Annotated[str, choice_option("--stage", STAGES, "help.stage")]
BandingOption = Annotated[Optional[str], choice_option("--banding", BANDINGS, "help.banding")]
StrictOption = Annotated[bool, typer.Option("--strict", help="help.strict")]


def choices_metavar(choices: list[str]) -> str:
    """``text|json``: how a choice is shown in help (like ``--lang id|en``)."""
    return "|".join(choices)


def format_option(command: str, *extra: str, help_key: str = "cli.format") -> Any:
    """``--format``/``-f`` with the formats the registry has for ``command`` (plus ``extra``)."""
    choices = [*extra, *formats(command)]
    return typer.Option(
        "--format",
        "-f",
        help=help_key,
        metavar=choices_metavar(choices),
        callback=one_of(choices),
        autocompletion=lambda: choices,
    )


def files_argument(help_key: str) -> Any:
    """One or more files (``FILE...``), with a command's own help."""
    return typer.Argument(help=help_key, metavar="cli.metavar.files")


#: ``--no-published``: leave the agency's published years (from the published table) out.
NoPublishedOption = Annotated[bool, typer.Option("--no-published", help="help.no-published")]
