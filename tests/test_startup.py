"""Start-up stays lean: the few imports that cost 10 ms or more happen only where they are used.

Not a timing test (timings live in bench/): it checks *which modules* get imported, which is
what decides start-up cost and does not depend on the machine. Everything lighter is imported at
module level, by design (CONTRIBUTING.md, "Imports").
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import EXAMPLES

# Imports of 10 ms or more that only some commands need (rich: ~20 ms); the registry and the
# assess command import them when used.
HEAVY = [
    "rich",
    "rich.console",
    "rich.table",  # tables of plan, compare, models; the questionnaire
    "readline",
    "spbe_calc.interactive",  # the prompt machinery
    "spbe_calc.render.plan",
    "spbe_calc.render.compare",
    "spbe_calc.render.models",
    "jsonschema",
    "pydantic",  # never at run time (pydantic: typer 0.29 would bring it)
]


def imported_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_importing_the_cli_imports_no_command() -> None:
    """Commands are imported when run (the lazy group of cli/app.py)."""
    modules = imported_after("import spbe_calc.cli")
    assert not [m for m in HEAVY if m in modules]
    assert not [
        m
        for m in modules
        if m.startswith("spbe_calc.cli.")
        and m not in ("spbe_calc.cli.app", "spbe_calc.cli.usage", "spbe_calc.cli.completion", "spbe_calc.cli.framework")
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["score", str(EXAMPLES / "kabupaten-contoh-2022.yaml")],
        ["score", "-f", "json", str(EXAMPLES / "kabupaten-contoh-2022.yaml")],
        ["validate"],
    ],
)
def test_score_and_validate_do_not_load_other_commands(args: list[str]) -> None:
    code = (
        "import sys\nfrom spbe_calc.cli import main\n"
        f"sys.argv = ['spbe-calc', *{args!r}]\n"
        "import contextlib, io\n"
        "try:\n    with contextlib.redirect_stdout(io.StringIO()):\n        main()\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    modules = imported_after(code)
    assert not [m for m in HEAVY if m in modules]
    # Only the command being run: not the other commands, nor writing answers files.
    others = {"spbe_calc.cli.decide", "spbe_calc.cli.info", "spbe_calc.cli.assess", "spbe_calc.answers.write"}
    assert not others & modules
    assert "multiprocessing" not in modules  # a single file needs no worker processes


@pytest.mark.parametrize("name", ["assess", "decide", "info", "score", "sheet", "team", "validate"])
def test_command_annotations_are_not_postponed(name: str) -> None:
    """typer reads a command's annotations on every start; postponed ones are parsed again each time."""
    import importlib
    import inspect

    module = importlib.import_module(f"spbe_calc.cli.{name}")
    commands = [f for f in vars(module).values() if inspect.isfunction(f) and f.__module__ == module.__name__]
    assert commands
    for function in commands:
        assert not any(isinstance(a, str) for a in function.__annotations__.values()), function.__name__
