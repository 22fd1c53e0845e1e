"""The one seam to the command-line framework: everything spbe-calc needs beyond typer's public API.

typer's public API (``typer.Typer``, ``typer.Option``, ``typer.echo``, ``typer.Exit``, ...) is used
everywhere in :mod:`spbe_calc.cli`. What lies beyond it lives here, and only here, so that a
new typer release is checked in one place (``tests/test_cli_framework.py``, which CI runs against
typer 0.26, 0.27 and 0.28, see ``noxfile.py``):

- the command, group and option classes, to translate help and add options of our own;
- building one command from its registration (the lazy group imports one command's module);
- the two usage errors told apart by their class: a help page asked for by giving no argument,
  and the kind of a usage error (no such option, a missing parameter, a bad value);
- shell completion: the scripts, the shell's name, the classes registered on demand, and the
  group's hook that answers a shell asking for completions.
"""

from __future__ import annotations

import os
from typing import Any

import typer
from typer import _completion_shared  # the completion scripts and shell detection of typer tools
from typer import completion as _completion
from typer import main as _main
from typer.core import TyperCommand, TyperGroup, TyperOption

#: The classes every command, the group and our own options are made of.
Command = TyperCommand
Group = TyperGroup
Option = TyperOption

#: The framework's base class of the errors it shows itself (usage errors among them): typer
#: 0.27 and later export it as ``TyperException``; 0.26 only has its vendored click's
#: ``ClickException``, which every one of its exported errors derives from.
UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
#: An aborted prompt.
Abort = typer.Abort


def command_from_info(app: typer.Typer, info: Any) -> Any:
    """The command object of one registered command (built only when that command is run)."""
    return _main.get_command_from_info(
        info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
    )


def registered(app: typer.Typer, name: str) -> Any:
    """The registration of command ``name`` in ``app``."""
    return next(c for c in app.registered_commands if c.name == name)


def is_help_request(exc: BaseException) -> bool:
    """Whether a usage error is the framework showing help because no argument was given."""
    return type(exc).__name__ == "NoArgsIsHelpError"


def help_page(exc: BaseException) -> str:
    """The help page that a help request (:func:`is_help_request`) carries."""
    return str(getattr(exc, "format_message")())  # noqa: B009  (ClickException's, untyped here)


def usage_kind(exc: BaseException) -> str:
    """The kind of a usage error: ``no-such-option``, ``missing``, ``bad-parameter`` or ``other``."""
    return {"NoSuchOption": "no-such-option", "MissingParameter": "missing", "BadParameter": "bad-parameter"}.get(
        type(exc).__name__, "other"
    )


def shell_name() -> str | None:
    """The shell this process runs in, found from its parent processes (``None`` if unknown)."""
    name = _completion_shared._get_shell_name()
    return str(name) if name else None


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    """The completion script of ``shell`` for ``prog_name``, answering through ``complete_var``."""
    return str(_completion_shared.get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell))


def register_completion_classes() -> None:
    """Register the framework's shell classes (PowerShell among them): only when a shell asks."""
    getattr(_completion, "completion_init")()  # noqa: B009  (not exported by typer.completion)


class CompletingGroup(Group):
    """A group that registers the completion classes only when a shell asks for completions.

    Registering them costs an import on every start; a shell asks by setting the completion
    variable (``_SPBE_CALC_COMPLETE``), which the framework checks in this private hook.
    """

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        variable = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(variable):
            register_completion_classes()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)
