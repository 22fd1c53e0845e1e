"""The command line: option parsing, one call into the core, one call into a renderer.

:mod:`spbe_calc.cli.app` holds the typer application, the error funnel and the output helpers;
each sibling module holds a group of commands as plain functions, imported when one of its
commands is run (:data:`spbe_calc.cli.app.COMMANDS`). Unlike the rest of the package, the
command modules do not postpone their annotations: typer reads them to build each command, and
postponed ones would be parsed and evaluated again on every start.
"""

from spbe_calc.cli.app import COMMANDS, app, lang_from_argv, main

__all__ = ["COMMANDS", "app", "lang_from_argv", "main"]
