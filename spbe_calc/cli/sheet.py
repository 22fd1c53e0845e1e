"""The LKE workbook: ``export`` writes one (or CSV), ``import`` reads one back into an answers file."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from spbe_calc.cli.app import command, say, warn_models
from spbe_calc.cli.output import write_output
from spbe_calc.cli.params import AnswersFile, BandingOption, ModelOption, StageOption, choice_option
from spbe_calc.core import Basis
from spbe_calc.errors import ExitCode, fail
from spbe_calc.i18n import t
from spbe_calc.lke.read import import_workbook
from spbe_calc.lke.write import export_file, write_csv, write_xlsx

#: What an output file name ending means.
_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv"}

OutputFile = Annotated[Path, typer.Option("--output", "-o", help="help.export.output", metavar="cli.metavar.file")]


@command("export", help="help.export", no_args_is_help=True)
def export(
    file: AnswersFile,
    output: OutputFile,
    model: ModelOption = None,
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
    fmt: Annotated[Optional[str], choice_option("--format", ("xlsx", "csv"), "help.export.format")] = None,
) -> ExitCode:
    """Write an answers file as an LKE workbook with live formulas (or its rows as CSV)."""
    name = fmt or _SUFFIXES.get(output.suffix.lower())
    if name is None:
        raise fail(str(output), "export-format")
    scored = export_file(file, model, Basis(stage, banding))
    warn_models([scored.model])
    write_output(output, write_xlsx(scored, stage) if name == "xlsx" else write_csv(scored))
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
