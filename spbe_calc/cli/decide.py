"""Commands that help decide: ``plan``, ``compare`` and ``report``."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from spbe_calc.bars import parse_bar
from spbe_calc.calibrate import calibrate_files
from spbe_calc.cli.app import command, emit, options, say, warn_models
from spbe_calc.cli.app import report as report_problems
from spbe_calc.cli.output import check_output, write_output
from spbe_calc.cli.params import (
    AnswersFile,
    BandingOption,
    ModelOption,
    NoPublishedOption,
    PartialOption,
    StageOption,
    files_argument,
    format_option,
)
from spbe_calc.compare import compare_files
from spbe_calc.core import Basis
from spbe_calc.errors import ExitCode
from spbe_calc.i18n import t
from spbe_calc.peers import peers_for
from spbe_calc.plan import plan_file
from spbe_calc.render.registry import choose, render, render_text
from spbe_calc.report import ReportRequest, parse_signer, report_for
from spbe_calc.typed import typed_text


@command("plan", help="help.plan", no_args_is_help=True)
def plan(
    file: AnswersFile,
    target: Annotated[str, typer.Option("--target", "-t", metavar="cli.metavar.bar", help="help.plan.target")],
    costs: Annotated[
        Optional[str], typer.Option("--costs", "-c", help="help.plan.costs", metavar="cli.metavar.file")
    ] = None,
    model: ModelOption = None,
    fmt: Annotated[str, format_option("plan")] = "text",
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
) -> ExitCode:
    """Plan the raises that reach a target; 1 when it cannot be reached."""
    bar = parse_bar(target, "--target")
    result = plan_file(file, model, bar, costs, Basis(stage, banding))
    warn_models([result.scored.model], shown=fmt == "text")
    emit(render_text("plan", fmt, result, options()))
    return ExitCode.OK if result.plan.reachable else ExitCode.FINDINGS


@command("compare", help="help.compare", no_args_is_help=True)
def compare(
    files: Annotated[list[str], files_argument("help.compare.files")],
    model: ModelOption = None,
    partial: PartialOption = False,
    fmt: Annotated[str, format_option("compare")] = "text",
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
    no_published: NoPublishedOption = False,
) -> ExitCode:
    """Compare answers files, oldest first, with the agency's published years beside them."""
    result = compare_files(files, model, partial, Basis(stage, banding), not no_published)
    warn_models([f.model for f in result.files if f.published is None], shown=fmt == "text")
    emit(render_text("compare", fmt, result, options()))
    return ExitCode.OK


@command("calibrate", help="help.calibrate", no_args_is_help=True)
def calibrate(
    files: Annotated[list[str], files_argument("help.calibrate.files")],
    model: ModelOption = None,
    fmt: Annotated[str, format_option("calibrate")] = "text",
) -> ExitCode:
    """Self-assessed against final levels, per indicator, aspect, domain and year."""
    result = calibrate_files(files, model)
    warn_models([y.own.model for y in result.years], shown=fmt == "text")
    emit(render_text("calibrate", fmt, result, options()))
    return ExitCode.OK


@command("peers", help="help.peers", no_args_is_help=True)
def peers(
    target: Annotated[str, typer.Argument(help="help.peers.target", show_default=False, metavar="cli.metavar.target")],
    model: ModelOption = None,
    fmt: Annotated[str, format_option("peers")] = "text",
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
) -> ExitCode:
    """Where an agency stands among its peers in the published results."""
    result = peers_for(target, model, Basis(stage, banding))
    report_problems(list(result.warnings))
    if result.assessed is not None:
        warn_models([result.assessed.model], shown=fmt in ("text", "markdown"))
    emit(render_text("peers", fmt, result, options()))
    return ExitCode.OK


@command("report", help="help.report", no_args_is_help=True)
def report(
    file: AnswersFile,
    output: Annotated[Path, typer.Option("--output", "-o", help="help.report.output", metavar="cli.metavar.file")],
    previous: Annotated[
        Optional[str], typer.Option("--compare", help="help.report.compare", metavar="cli.metavar.file")
    ] = None,
    target: Annotated[
        Optional[str], typer.Option("--target", "-t", metavar="cli.metavar.bar", help="help.report.target")
    ] = None,
    costs: Annotated[
        Optional[str], typer.Option("--costs", "-c", help="help.plan.costs", metavar="cli.metavar.file")
    ] = None,
    signers: Annotated[
        Optional[list[str]], typer.Option("--signer", help="help.report.signer", metavar="cli.metavar.signer")
    ] = None,
    place: Annotated[
        Optional[str], typer.Option("--place", help="help.report.place", metavar="cli.metavar.text")
    ] = None,
    logo: Annotated[Optional[str], typer.Option("--logo", help="help.report.logo", metavar="cli.metavar.file")] = None,
    other_instansi: Annotated[bool, typer.Option("--allow-other-instansi", help="help.report.other")] = False,
    allow_outside: Annotated[bool, typer.Option("--allow-outside", help="help.allow-outside")] = False,
    no_published: NoPublishedOption = False,
    model: ModelOption = None,
    partial: PartialOption = False,
    fmt: Annotated[Optional[str], format_option("report", help_key="help.report.format")] = None,
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
) -> ExitCode:
    """Write a report to sign (HTML, PDF or Markdown) to a file."""
    name = choose("report", fmt, str(output), "report-format")
    check_output(output)  # before the work (a PDF takes seconds): a file that cannot be written is said now
    request = ReportRequest(
        previous=previous,
        target=parse_bar(target, "--target") if target is not None else None,
        costs=costs,
        other_instansi=other_instansi,
        signers=tuple(parse_signer(s) for s in signers or ()),
        logo=logo,
        place=typed_text("--place", place) if place is not None else None,
        allow_outside=allow_outside,
        published=not no_published,
    )
    result = report_for(file, request, model, partial, str(output), Basis(stage, banding))
    warn_models([result.current.model])
    write_output(output, render("report", name, result, options()))
    say(t("out.written", path=output))
    return ExitCode.OK
