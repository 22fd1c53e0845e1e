"""The LKE workbook: ``export`` writes one (or CSV), ``import`` reads one back into an answers file."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from spbe_calc.cli.app import command, options, say, warn_models
from spbe_calc.cli.output import check_output, write_output
from spbe_calc.cli.params import AnswersFile, BandingOption, ModelOption, StageOption, choice_option
from spbe_calc.core import Basis
from spbe_calc.errors import ExitCode
from spbe_calc.i18n import t
from spbe_calc.lke.read import import_workbook
from spbe_calc.lke.write import export_file
from spbe_calc.render.registry import choose, formats, render

OutputFile = Annotated[Path, typer.Option("--output", "-o", help="help.export.output", metavar="cli.metavar.file")]


@command("export", help="help.export", no_args_is_help=True)
def export(
    file: AnswersFile,
    output: OutputFile,
    model: ModelOption = None,
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
    fmt: Annotated[Optional[str], choice_option("--format", tuple(formats("export")), "help.export.format")] = None,
) -> ExitCode:
    """Write an answers file as an LKE workbook with live formulas (or its rows as CSV)."""
    name = choose("export", fmt, str(output), "export-format")
    check_output(output)
    scored = export_file(file, model, Basis(stage, banding))
    warn_models([scored.model])
    write_output(output, render("export", name, scored, options()))
    say(t("out.written", path=output))
    return ExitCode.OK


@command("import", help="help.import", no_args_is_help=True)
def import_(
    workbook: Annotated[str, typer.Argument(help="help.import.file", show_default=False, metavar="cli.metavar.file")],
    output: Annotated[Path, typer.Option("--output", "-o", help="help.import.output", metavar="cli.metavar.file")],
    model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="help.import.force")] = False,
) -> ExitCode:
    """Read an LKE workbook back into an answers file; nothing is written while it has a problem."""
    book = import_workbook(workbook, output, model, force)
    warn_models([book.model])
    say(t("out.import.written", path=output, count=len(book.answers.answers)))
    return ExitCode.OK
