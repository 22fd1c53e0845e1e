"""spbe_calc.cli.params: the options several commands share, and their choices from one table."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from spbe_calc.cli.params import choices_metavar, one_of
from spbe_calc.render.registry import formats
from spbe_calc.stages import STAGES

from .conftest import Run
from .helpers import EX22, T22


def test_a_choice_is_one_of_its_list_or_nothing() -> None:
    check = one_of(["a", "b"])
    assert check("a") == "a" and check(None) is None
    with pytest.raises(typer.BadParameter) as info:
        check("c")
    assert "'c'" in str(info.value) and "a, b" in str(info.value)


def test_choices_are_shown_as_the_help_shows_them() -> None:
    assert choices_metavar(["text", "json"]) == "text|json"


@pytest.mark.parametrize("command", ["score", "plan", "compare", "calibrate", "peers", "report"])
def test_each_commands_formats_come_from_the_registry(run: Run, command: str) -> None:
    # A format registered for a command is offered by its --format, in help and in the refusal.
    shown = "|".join(formats(command))
    assert shown in " ".join(run(command, "--help").stdout.split())
    r = run(command, "-f", "xml", EX22)
    assert r.exit_code == 2
    assert ", ".join(formats(command)) in r.stderr


def test_a_stage_outside_the_list_is_refused_with_the_list(run: Run) -> None:
    r = run("score", "--stage", "akir", EX22)
    assert r.exit_code == 2
    assert "'akir'" in r.stderr and ", ".join(STAGES) in r.stderr
    assert run("score", "--stage", "akhir", T22).exit_code == 0  # a known stage is taken


@pytest.mark.parametrize(
    "args",
    [["plan", "-t", "Baik", "--costs"], ["report", "-o", "r.html", "--costs"], ["report", "-o", "r.html", "--logo"],
     ["report", "-o", "r.html", "--compare"]],
)  # fmt: skip
def test_an_empty_file_option_is_said_empty_not_ignored_nor_a_folder(args: list[str], run: Run, tmp_path: Path) -> None:
    name, *rest = args
    r = run(name, EX22, *[str(tmp_path / a) if a.endswith(".html") else a for a in rest], "")
    assert r.exit_code == 2 and r.stderr.startswith("'': galat: argumen kosong\n")
    assert not (tmp_path / "r.html").exists()


def test_an_empty_file_argument_is_not_the_current_folder(run: Run) -> None:
    # "$F" unset gives an empty argument; a Path would read it as ".", the folder.
    r = run("score", "")
    assert r.exit_code == 2 and "argumen kosong" in r.stderr and "variabel shell" in r.stderr
