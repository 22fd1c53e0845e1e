"""The seam to the command-line framework (``spbe_calc/cli/framework.py``): commands built from
their registration, help pages, the kinds of usage error, completion scripts.

What stands on the seam is tested beside it (``test_cli_usage.py``, ``test_cli_completion.py``);
CI runs the three files against every supported typer minor version (0.26, 0.27, 0.28; ``noxfile.py``,
session ``typer``), since what the seam uses is beyond typer's public API.
"""

from __future__ import annotations

import re

import pytest
import typer

from spbe_calc.cli import framework
from spbe_calc.cli.app import app

from .conftest import Run
from .helpers import EX22


def test_the_framework_is_a_supported_version() -> None:
    major, minor = (int(part) for part in typer.__version__.split(".")[:2])
    assert (0, 26) <= (major, minor) < (0, 29)


def test_every_command_is_built_from_its_registration(run: Run) -> None:
    """The lazy group builds each command alone, with our classes (translated help, --lang)."""
    from spbe_calc.cli.app import COMMANDS

    for name in COMMANDS:
        r = run(name, "-h")  # imports the command's module, which registers it
        assert r.exit_code == 0 and "Penggunaan:" in r.stdout and "--lang id|en" in r.stdout, name
        assert isinstance(framework.command_from_info(app, framework.registered(app, name)), framework.Command)


def test_no_argument_shows_help_as_asked(run: Run) -> None:
    r = run("score")
    assert r.exit_code == 2 and "Penggunaan:" in r.stderr and "Galat" not in r.stderr


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["score", "--detial", EX22], "no-such-option"),
        (["plan", EX22], "missing"),
        (["score", "-f", "xml", EX22], "bad-parameter"),
        (["score", EX22, "--lang", "xx"], "bad-parameter"),
    ],
)
def test_usage_errors_are_told_apart(args: list[str], kind: str) -> None:
    with pytest.raises(framework.UsageError) as caught:
        typer.main.get_command(app).main(args, prog_name="spbe-calc", standalone_mode=False)
    assert framework.usage_kind(caught.value) == kind and not framework.is_help_request(caught.value)


def test_completion_scripts_and_the_shell() -> None:
    for shell in ("bash", "zsh", "fish", "powershell"):
        script = framework.completion_script("spbe-calc", "_SPBE_CALC_COMPLETE", shell)
        assert "_SPBE_CALC_COMPLETE" in script and "spbe-calc" in script
    assert framework.shell_name() is None or isinstance(framework.shell_name(), str)


def test_help_has_one_metavar_style_and_whole_descriptions(run: Run) -> None:
    pages = [run("-h").stdout] + [run(c, "-h").stdout for c in ("score", "validate", "assess", "plan", "compare")]
    pages += [run(c, "-h").stdout for c in ("report", "models", "schema", "merge")]
    for page in pages:
        assert not re.search(r"<\w|\{\w|\[file\]|\[OPTIONS\]|\bCOMMAND\b|Usage:", page), page
        assert "..." not in page.replace("BERKAS...", "").replace("[ARGUMEN]...", "")
    assert "[OPSI] BERKAS..." in pages[1] and "--format text|json|jsonl|markdown|csv" in pages[1]
    assert "NUMBER|PREDIKAT" in run("--lang", "en", "score", "-h").stdout


def test_every_command_takes_lang(run: Run) -> None:
    for command in ("score", "validate", "assess", "plan", "compare", "report", "models", "schema", "merge"):
        assert "--lang id|en" in run(command, "-h").stdout


def test_an_error_the_seam_does_not_know_is_of_another_kind() -> None:
    from spbe_calc.cli.framework import usage_kind

    assert usage_kind(ValueError("x")) == "other"


def test_a_completion_variable_given_by_the_caller_is_the_one_answered() -> None:
    """A program embedding the command line may name its own completion variable (the
    framework's ``complete_var``): completions answer that one, and the usual one is then no
    request for completions."""
    from typer.testing import CliRunner

    from spbe_calc.cli import app

    request = {"COMP_WORDS": "spbe-calc sc", "COMP_CWORD": "1"}
    runner = CliRunner()
    own = runner.invoke(app, [], env={"_X_COMPLETE": "complete_bash", **request}, complete_var="_X_COMPLETE")
    assert (own.exit_code, own.stdout) == (0, "score\nschema\n")
    usual = runner.invoke(app, [], env={"_SPBE_CALC_COMPLETE": "complete_bash", **request}, complete_var="_X_COMPLETE")
    assert usual.exit_code == 2 and usual.stdout == ""  # no arguments: the help, as a usage error


def test_settings_given_by_the_caller_reach_the_commands() -> None:
    """The framework's context settings given to ``main`` (here a default ``--format``) are
    handed on, as a program embedding the command line expects."""
    import json

    from typer.testing import CliRunner

    from spbe_calc.cli import app

    from .helpers import EX22

    r = CliRunner().invoke(app, ["score", EX22], default_map={"score": {"fmt": "json"}})
    assert r.exit_code == 0 and json.loads(r.stdout)["index"] == 2.38
