"""Commands that describe spbe-calc itself: ``models`` and ``schema``."""

from typing import Annotated, Optional

import typer

from spbe_calc.cli.app import command, emit, options, say
from spbe_calc.cli.completion import model_names
from spbe_calc.cli.output import write_output
from spbe_calc.cli.params import OutputOption, format_option, one_of
from spbe_calc.core import bundled_model_infos
from spbe_calc.errors import ExitCode
from spbe_calc.i18n import t
from spbe_calc.model import load_model
from spbe_calc.render.registry import render_text
from spbe_calc.schema import KINDS, schema_text


@command("models", help="help.models")
def models(
    name: Annotated[
        Optional[str],
        typer.Argument(help="help.models.name", metavar="cli.metavar.model", autocompletion=model_names),
    ] = None,
    fmt: Annotated[str, format_option("models")] = "text",
) -> ExitCode:
    """List the bundled models, or show one model in full."""
    if name is not None:
        emit(render_text("model", fmt, load_model(name), options()))
    else:
        emit(render_text("models", fmt, bundled_model_infos(), options()))
    return ExitCode.OK


@command("schema", help="help.schema")
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            help="help.schema.kind",
            metavar="cli.metavar.kind",
            callback=one_of(list(KINDS)),
            autocompletion=lambda: list(KINDS),
        ),
    ],
    output: OutputOption = None,
) -> ExitCode:
    """Print (or write) the JSON Schema of a file kind."""
    text = schema_text(kind)
    if output is None:
        emit(text.rstrip("\n"))
    else:
        write_output(output, text)
        say(t("out.written", path=output))
    return ExitCode.OK
