"""Start-up stays lean: importing the CLI, or scoring a file, loads only what that needs.

Not a timing test (timings live in bench/): it checks *which modules* get imported, which is
what decides start-up cost and does not depend on the machine.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import EXAMPLES

# Only some commands need these; they must be imported inside those commands.
HEAVY = [
    "rich", "rich.console", "rich.table", "rich.markdown",  # tables and markdown of other commands
    "readline", "spbe_calc.interactive", "spbe_calc.questionnaire",  # the prompt machinery
    "spbe_calc.report", "spbe_calc.render.report_html", "spbe_calc.render.report_md",  # report code
    "spbe_calc.render.charts", "spbe_calc.plan", "spbe_calc.compare", "spbe_calc.schema",
    "jsonschema", "pydantic", "multiprocessing",  # workers only for batches of 64 files or more
]


def imported_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_cli_module_is_light() -> None:
    modules = imported_after("import spbe_calc.cli")
    assert not [m for m in HEAVY if m in modules]
    # Not even the YAML machinery: --version and -h need none of it.
    assert "yaml" not in modules and "spbe_calc.model" not in modules


@pytest.mark.parametrize("args", [["score", str(EXAMPLES / "kabupaten-contoh-2022.yaml")],
                                  ["score", "-f", "json", str(EXAMPLES / "kabupaten-contoh-2022.yaml")],
                                  ["validate"]])
def test_score_and_validate_do_not_load_other_commands(args: list[str]) -> None:
    code = ("import sys\nfrom spbe_calc.cli import main\n"
            f"sys.argv = ['spbe-calc', *{args!r}]\n"
            "import contextlib, io\n"
            "try:\n    with contextlib.redirect_stdout(io.StringIO()):\n        main()\n"
            "except SystemExit as exc:\n    assert not exc.code, exc.code\n")
    modules = imported_after(code)
    assert not [m for m in HEAVY if m in modules]
