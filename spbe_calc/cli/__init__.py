"""The command line: option parsing, one call into the core, one call into a renderer.

:mod:`spbe_calc.cli.app` holds the typer application, the error funnel and the output helpers;
each sibling module holds a group of commands as plain functions. Importing this package
registers them all, in the order the help page lists them.
"""
# isort: skip_file

from spbe_calc.cli import check  # noqa: F401  score, validate
from spbe_calc.cli import assess  # noqa: F401
from spbe_calc.cli import decide  # noqa: F401  plan, compare, report
from spbe_calc.cli import info  # noqa: F401  models, schema
from spbe_calc.cli.app import app, lang_from_argv, main

__all__ = ["app", "lang_from_argv", "main"]
