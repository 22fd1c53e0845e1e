"""Commands for teams that share answers files: ``merge`` and ``evidence``."""

from typing import Annotated, Optional

import typer

from spbe_calc.cli.app import command, emit, options, say
from spbe_calc.cli.params import AnswersFile, ModelOption, files_argument, format_option
from spbe_calc.errors import ExitCode
from spbe_calc.evidence import MAX_AGE, check_evidence, record
from spbe_calc.i18n import t
from spbe_calc.merge import merge_files
from spbe_calc.render.registry import render_text


@command("merge", help="help.merge", no_args_is_help=True)
def merge(
    files: Annotated[list[str], files_argument("help.merge.files")],
    output: Annotated[str, typer.Option("--output", "-o", help="help.merge.output", metavar="cli.metavar.file")],
    prefer: Annotated[
        Optional[str], typer.Option("--prefer", help="help.merge.prefer", metavar="cli.metavar.prefer")
    ] = None,
    model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="help.merge.force")] = False,
    fmt: Annotated[str, format_option("merge")] = "text",
) -> ExitCode:
    """Combine answers files of one agency, year and model; 1 when conflicts are left."""
    result = merge_files(files, output, prefer, model, force)
    emit(render_text("merge", fmt, result, options()))
    if result.written:
        say(
            t(
                "out.merge.written",
                path=result.output,
                count=len(result.answers.answers),
                files=t("n.files", count=len(files)),
            )
        )
        return ExitCode.OK
    say(t("out.merge.not-written", path=result.output, count=len(result.conflicts)))
    return ExitCode.FINDINGS


@command("evidence", help="help.evidence", no_args_is_help=True)
def evidence(
    file: AnswersFile,
    record_digests: Annotated[bool, typer.Option("--record", help="help.evidence.record")] = False,
    max_age: Annotated[
        int, typer.Option("--max-age", min=0, max=100, help="help.evidence.max-age", metavar="cli.metavar.years")
    ] = MAX_AGE,
    strict: Annotated[bool, typer.Option("--strict", help="help.validate.strict")] = False,
    allow_outside: Annotated[bool, typer.Option("--allow-outside", help="help.allow-outside")] = False,
    model: ModelOption = None,
    fmt: Annotated[str, format_option("evidence")] = "text",
) -> ExitCode:
    """List and check the evidence of an answers file; 1 when a check fails."""
    check = record if record_digests else check_evidence
    report = check(file, model, max_age, allow_outside)
    emit(render_text("evidence", fmt, report, options()), commands=fmt == "github")
    return ExitCode.FINDINGS if report.errors() or (strict and report.warnings()) else ExitCode.OK
