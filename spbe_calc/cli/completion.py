"""Shell completion for bash, zsh, fish and PowerShell, the way typer tools offer it.

``spbe-calc --install-completion`` installs it for the shell it runs in, ``--show-completion``
prints the script (to install by hand, or for another shell: ``SHELL=zsh`` when no shell can be
detected). Installing writes the script to a file of its own, atomically, where the shell (or
bash-completion, or fish) finds it, and never edits a shell start-up file (``~/.bashrc``,
``~/.zshrc``, a PowerShell profile): where the shell needs a line there, the line is printed,
quoted, for the user to add once. The shell then calls ``spbe-calc`` with
``_SPBE_CALC_COMPLETE`` set, and the framework answers with commands, options, format choices,
bundled model names and file paths.

The two options are declared here rather than by typer's ``add_completion`` so that their help
and their messages are in the user's language. Typer's shell classes (PowerShell among them)
are registered only when a shell asks for completions; a normal start does nothing more.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any, NamedTuple

import typer

from spbe_calc.cli import framework
from spbe_calc.errors import SpbeError, os_failure
from spbe_calc.fsutil import atomic_write
from spbe_calc.i18n import t
from spbe_calc.model import bundled_models
from spbe_calc.render.messages import problem_text

#: The variable the installed scripts set when they ask for completions.
COMPLETE_VAR = "_SPBE_CALC_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell() -> str:
    """The shell this process runs in (found from its parent processes, else ``$SHELL``)."""
    shell = framework.shell_name() or Path(os.environ.get("SHELL", "")).name
    if shell not in SHELLS:
        # A usage error: the framework shows it with the usage line, in the user's language.
        raise typer.BadParameter(t("cli.bad-choice", value=shell or "?", choices=", ".join(SHELLS)))
    return shell


def script(prog_name: str = "spbe-calc") -> str:
    """The completion script for the shell this process runs in."""
    return framework.completion_script(prog_name, COMPLETE_VAR, _shell())


#: Where each shell finds a completion script by itself, and whether it needs a start-up line.
#: bash-completion loads ``completions/NAME`` from its user folder when NAME is first completed;
#: fish loads ``completions/NAME.fish``; zsh and PowerShell are told to source the file.
def _script_file(shell: str, prog_name: str) -> tuple[Path, bool]:
    home = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    if shell == "bash":
        folder = Path(os.environ.get("BASH_COMPLETION_USER_DIR") or data / "bash-completion") / "completions"
        return folder / prog_name, True  # loaded by bash-completion; without it, a line to add
    if shell == "fish":
        return config / "fish" / "completions" / f"{prog_name}.fish", False
    if shell == "zsh":
        return data / "zsh" / "site-functions" / f"{prog_name}.zsh", True
    return config / "powershell" / f"{prog_name}-completion.ps1", True


def _startup_line(shell: str, path: Path) -> str:
    """The line that loads the script, quoted for the shell (a HOME with ``$(…)`` in it stays text)."""
    if shell in ("powershell", "pwsh"):
        return ". '" + str(path).replace("'", "''") + "'"
    return f"source {shlex.quote(str(path))}"


class Installed(NamedTuple):
    """Where the completion script was written, and the start-up line the user may need to add."""

    shell: str
    path: Path
    #: ``None`` when the shell loads the script by itself
    line: str | None
    #: the start-up file the line belongs in
    startup: str | None


_STARTUP = {"bash": "~/.bashrc", "zsh": "~/.zshrc", "powershell": "$PROFILE", "pwsh": "$PROFILE"}


def install(prog_name: str = "spbe-calc") -> Installed:
    """Write the completion script for the current shell to its own file (see the module docstring)."""
    shell = _shell()
    path, needs_line = _script_file(shell, prog_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, framework.completion_script(prog_name, COMPLETE_VAR, shell))
    line = _startup_line(shell, path) if needs_line else None
    return Installed(shell=shell, path=path, line=line, startup=_STARTUP.get(shell))  # fish: neither


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
                    done = install()
                except OSError as exc:  # the folder cannot be made
                    raise typer.BadParameter(problem_text(os_failure(str(exc.filename), "write-failed", exc))) from None
                except SpbeError as exc:  # the file cannot be replaced
                    raise typer.BadParameter(problem_text(exc)) from None
                typer.echo(t("out.completion-installed", shell=done.shell, path=done.path), err=True)
                if done.shell == "bash":
                    typer.echo(t("out.completion-bash", line=done.line), err=True)
                elif done.line:
                    typer.echo(t("out.completion-line", file=done.startup, line=done.line), err=True)
            raise typer.Exit()

        return callback

    return [
        framework.Option(
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
