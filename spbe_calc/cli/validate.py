"""``validate``: check model, answers and plan files, with every problem's position."""

import os
from typing import Annotated, Optional

import typer

from spbe_calc.cli.app import command, emit, options, warn_models
from spbe_calc.cli.params import ModelOption, files_argument, format_option
from spbe_calc.errors import ExitCode
from spbe_calc.render.registry import render_text
from spbe_calc.validate import validate_exit_code, validate_files


@command("validate", help="help.validate")
def validate(
    files: Annotated[Optional[list[str]], files_argument("help.validate.files")] = None,
    model: ModelOption = None,
    fmt: Annotated[str, format_option("validate", "auto")] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="help.validate.strict")] = False,
) -> ExitCode:
    """Check model, answers and plan files (the bundled model without files); 1 on problems."""
    reports = validate_files(files or [], model)
    warn_models([r.model for r in reports])
    name = fmt
    if name == "auto":  # annotations in a GitHub Actions log, text elsewhere (as yamllint does)
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    emit(render_text("validate", name, reports, options()), commands=name == "github")
    return validate_exit_code(reports, strict)
