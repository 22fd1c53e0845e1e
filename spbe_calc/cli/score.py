"""``score``: the index and predikat of answers files, for one agency or hundreds."""

from typing import Annotated, Optional

import typer

from spbe_calc.bars import parse_bar
from spbe_calc.batch import score_batch
from spbe_calc.cli.app import command, emit, options, report, say, warn_models
from spbe_calc.cli.params import (
    BandingOption,
    ModelOption,
    PartialOption,
    StageOption,
    StrictOption,
    files_argument,
    format_option,
)
from spbe_calc.core import Basis
from spbe_calc.errors import ExitCode
from spbe_calc.render.notes import below_bar, mixed_models, partial_note
from spbe_calc.render.registry import render_text


@command("score", help="help.score", no_args_is_help=True)
def score(
    files: Annotated[list[str], files_argument("help.score.files")],
    model: ModelOption = None,
    fmt: Annotated[str, format_option("score")] = "text",
    detail: Annotated[bool, typer.Option("--detail", "-d", help="help.score.detail")] = False,
    partial: PartialOption = False,
    recursive: Annotated[bool, typer.Option("--recursive/--no-recursive", help="help.score.recursive")] = True,
    fail_under: Annotated[
        Optional[str], typer.Option("--fail-under", metavar="cli.metavar.bar", help="help.score.fail-under")
    ] = None,
    stage: StageOption = "mandiri",
    banding: BandingOption = None,
    strict: StrictOption = False,
) -> ExitCode:
    """Score answers files (and folders of them); 1 when one is below ``--fail-under``."""
    bar = parse_bar(fail_under, "--fail-under") if fail_under is not None else None
    batch = score_batch(files, model, partial, bar, recursive, Basis(stage, banding, strict))
    report([p for failure in batch.failures for p in failure.problems])  # a file named twice: said once
    warnings = [w for f in batch.scored for w in f.warnings]
    if warnings:
        report(warnings)
    for f in batch.scored:
        say(partial_note(f))
    warn_models([f.model for f in batch.scored], shown=fmt in ("text", "markdown"))
    say(mixed_models(batch.scored))
    emit(render_text("score", fmt, batch, options(detail)))
    if bar is not None:  # a file is below a bar only when one was given
        for f in batch.below:
            say(below_bar(f, bar))
    return batch.exit_code()
