"""Shell completion for bash, zsh, fish and PowerShell, the way typer tools offer it.

``spbe-calc --install-completion`` installs it for the shell it runs in, ``--show-completion``
prints the script (to install by hand, or for another shell: ``SHELL=zsh`` when no shell can be
detected). The shell then calls ``spbe-calc`` with
``_SPBE_CALC_COMPLETE`` set, and the framework answers with commands, options, format choices,
bundled model names and file paths.

Typer's completion machinery is imported only on those paths: importing it on every start
costs ~3 ms (``python -X importtime``), which is why ``add_completion`` is off and these two
options are declared here instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from spbe_calc.i18n import t

#: The variable the installed scripts set when they ask for completions.
COMPLETE_VAR = "_SPBE_CALC_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def prepare() -> None:
    """Register typer's completion classes when (and only when) the shell is asking for them."""
    if os.environ.get(COMPLETE_VAR):
        from typer import completion  # deferred: see the module docstring

        completion.completion_init()


def _shell() -> str:
    """The shell this process runs in (found from its parent processes, else ``$SHELL``)."""
    from typer import _completion_shared as shared  # deferred: see the module docstring

    shell = shared._get_shell_name() or Path(os.environ.get("SHELL", "")).name
    if shell not in SHELLS:
        # A usage error: the framework shows it with the usage line, in the user's language.
        raise typer.BadParameter(t("cli.bad-choice", value=shell or "?", choices=", ".join(SHELLS)))
    return shell


def script(prog_name: str = "spbe-calc") -> str:
    """The completion script for ``shell``."""
    from typer import _completion_shared as shared  # deferred: see the module docstring

    return shared.get_completion_script(prog_name=prog_name, complete_var=COMPLETE_VAR, shell=_shell())


def install(prog_name: str = "spbe-calc") -> tuple[str, Path]:
    """Install the script where ``shell`` reads it at start; return the shell and that file."""
    from typer import _completion_shared as shared  # deferred: see the module docstring

    name, path = shared.install(shell=_shell(), prog_name=prog_name, complete_var=COMPLETE_VAR)
    return name, Path(path)


def model_names(incomplete: str) -> list[str]:
    """Completions for ``--model``: bundled model names, then YAML files."""
    from spbe_calc.model import bundled_models

    names = [n for n in bundled_models() if n.startswith(incomplete)]
    files = [str(p) for p in sorted(Path().glob(f"{incomplete}*")) if p.suffix.lower() in (".yaml", ".yml")]
    return names + files


def options() -> list[Any]:
    """The root's ``--install-completion`` and ``--show-completion`` options."""
    from typer.core import TyperOption

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
                    raise typer.BadParameter(f"{exc.filename}: {exc.strerror}") from None
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
