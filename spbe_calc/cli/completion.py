"""Shell completion for bash, zsh, fish and PowerShell, the way typer tools offer it.

``spbe-calc --install-completion`` installs it for the shell it runs in, ``--show-completion``
prints the script (to install by hand, or for another shell: ``SHELL=zsh`` when no shell can be
detected). The shell then calls ``spbe-calc`` with
``_SPBE_CALC_COMPLETE`` set, and the framework answers with commands, options, format choices,
bundled model names and file paths.

The two options are declared here rather than by typer's ``add_completion`` so that their help
and their messages are in the user's language. Typer's shell classes (PowerShell among them)
are registered only when a shell asks for completions; a normal start does nothing more.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer
from typer import _completion_shared as shared  # the scripts and installer typer tools use
from typer import completion as typer_completion
from typer.core import TyperOption

from spbe_calc.errors import os_failure
from spbe_calc.i18n import t
from spbe_calc.model import bundled_models
from spbe_calc.render.messages import problem_text

#: The variable the installed scripts set when they ask for completions.
COMPLETE_VAR = "_SPBE_CALC_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def prepare() -> None:
    """Register typer's completion classes when (and only when) the shell is asking for them."""
    if os.environ.get(COMPLETE_VAR):
        typer_completion.completion_init()


def _shell() -> str:
    """The shell this process runs in (found from its parent processes, else ``$SHELL``)."""
    shell = shared._get_shell_name() or Path(os.environ.get("SHELL", "")).name
    if shell not in SHELLS:
        # A usage error: the framework shows it with the usage line, in the user's language.
        raise typer.BadParameter(t("cli.bad-choice", value=shell or "?", choices=", ".join(SHELLS)))
    return shell


def script(prog_name: str = "spbe-calc") -> str:
    """The completion script for the shell this process runs in."""
    return shared.get_completion_script(prog_name=prog_name, complete_var=COMPLETE_VAR, shell=_shell())


def install(prog_name: str = "spbe-calc") -> tuple[str, Path]:
    """Install the script where the current shell reads it at start; return the shell and file."""
    name, path = shared.install(shell=_shell(), prog_name=prog_name, complete_var=COMPLETE_VAR)
    return name, Path(path)


def model_names(incomplete: str) -> list[str]:
    """Completions for ``--model``: bundled model names, then the YAML files the path starts."""
    names = [n for n in bundled_models() if n.startswith(incomplete)]
    folder, slash, stem = incomplete.rpartition("/")
    try:
        entries = sorted(Path(folder or slash or ".").iterdir())
    except OSError:  # a folder that does not exist (yet): nothing to offer
        entries = []
    files = [
        f"{folder}{slash}{p.name}"
        for p in entries
        if p.name.startswith(stem) and not p.name.startswith(".") and p.suffix.lower() in (".yaml", ".yml")
    ]
    return names + files


def options() -> list[Any]:
    """The root's ``--install-completion`` and ``--show-completion`` options."""

    def run(action: str) -> Any:
        def callback(ctx: Any, param: Any, value: bool) -> None:
            if not value or ctx.resilient_parsing:
                return
            if action == "show":
                typer.echo(script())
            else:
                try:
                    shell, path = install()
                except OSError as exc:  # the shell's start-up file cannot be written
                    raise typer.BadParameter(problem_text(os_failure(str(exc.filename), "write-failed", exc))) from None
                typer.echo(t("out.completion-installed", shell=shell, path=path), err=True)
            raise typer.Exit()

        return callback

    return [
        TyperOption(
            param_decls=[f"--{action}-completion"],
            help=t(f"cli.{action}-completion"),
            is_flag=True,
            default=False,
            expose_value=False,
            is_eager=True,
            callback=run(action),
        )
        for action in ("install", "show")
    ]
