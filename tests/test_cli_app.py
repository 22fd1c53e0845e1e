"""The command line as a user meets it: exit codes, stdout for data, stderr for messages."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc import __version__
from spbe_calc.cli import app

from .conftest import Run, answers_text
from .helpers import ALL3, EX22, EX22_PATH


def test_version_and_help(run: Run) -> None:
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"spbe-calc {__version__}"
    r = run("-h")
    assert r.exit_code == 0 and "score" in r.stdout and "validate" in r.stdout
    assert "Kalkulator" in r.stdout
    assert r.stdout.startswith("Penggunaan: ") and "\nOpsi:" in r.stdout and "\nPerintah:" in r.stdout
    assert "Tampilkan bantuan ini lalu keluar." in r.stdout
    r = run("score", "-h")
    assert "\nArgumen:" in r.stdout and "[wajib]" in r.stdout and "[bawaan: text]" in r.stdout
    r = run("--lang", "en", "-h")
    assert "calculator" in r.stdout and r.stdout.startswith("Usage: ") and "Show this help" in r.stdout


def test_english_messages(run: Run, write: Callable[..., Path]) -> None:
    path = write("a.yaml", answers_text({**ALL3, 4: "tiga"}))
    r = run("--lang", "en", "score", str(path))
    assert "is not a level" in r.stderr
    # The environment variable, read by the program's own entry point (a real process).
    env = {**os.environ, "SPBE_CALC_LANG": "en"}
    proc = subprocess.run(
        [sys.executable, "-m", "spbe_calc", "score", str(path)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 2
    assert "is not a level" in proc.stderr and "bukan" not in proc.stderr


def test_module_and_console_script() -> None:
    r = subprocess.run([sys.executable, "-m", "spbe_calc", "--version"], capture_output=True, text=True, check=False)
    assert r.returncode == 0 and __version__ in r.stdout
    r = subprocess.run(
        [sys.executable, "-m", "spbe_calc", "score", EX22], capture_output=True, text=True, check=False, cwd="/"
    )
    assert r.returncode == 0 and "2,38" in r.stdout


def test_no_traceback_on_internal_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import spbe_calc.batch

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("x")

    monkeypatch.setattr(spbe_calc.batch, "score_file", boom)
    r = run("score", EX22)
    assert r.exit_code == 3 and "kesalahan internal" in r.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_message_not_a_bug() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "spbe_calc", "score", str(EX22_PATH)], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 2
    assert proc.stderr == (
        "stdout: galat: keluaran tidak dapat ditulis (ruang disk penuh)\n"
        "    Periksa ruang kosong disk atau tujuan keluaran.\n"
    )


def test_a_full_stderr_keeps_the_exit_code() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "spbe_calc", "score", "tidak-ada.yaml"], stderr=full)
    assert done.returncode == 2


def test_a_closed_stdout_is_an_error_not_silence() -> None:
    done = subprocess.run(
        f"'{sys.executable}' -m spbe_calc score '{EX22_PATH}' >&-", shell=True, capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stderr.startswith(
        "stdout: galat: keluaran standar tertutup, jadi hasilnya tidak dapat ditulis\n"
    )


def test_a_terminal_gets_colour_and_its_width_a_file_neither(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.cli.app import is_terminal, options
    from spbe_calc.render import Options

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert options(stream=Terminal()) == Options(color=True, width=100, detail=False)
    assert options(True, io.StringIO()) == Options(color=False, width=80, detail=True)
    monkeypatch.setenv("NO_COLOR", "1")  # https://no-color.org: the width stays the terminal's
    assert options(stream=Terminal()) == Options(color=False, width=100, detail=False)
    assert not is_terminal(None)  # started with the stream closed (>&-)


def test_the_width_is_the_terminals_at_least_twenty_columns_else_eighty(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.cli.app import terminal_width

    monkeypatch.setenv("COLUMNS", "132")
    assert terminal_width() == 132
    monkeypatch.setenv("COLUMNS", "7")
    assert terminal_width() == 20  # narrower is not laid out: lines wrap instead
    monkeypatch.delenv("COLUMNS")

    def no_terminal(fd: int = 1) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert terminal_width() == 80  # output to a pipe or a file


@pytest.mark.parametrize(
    ("args", "env_lang", "word"),
    [
        (["--lang", "en", "score", EX22], "", "Weight"),  # before the command: help and all
        (["score", EX22, "--lang", "en"], "", "Weight"),
        (["score", EX22], "en", "Weight"),  # the variable
        (["--lang", "id", "score", EX22], "en", "Bobot"),  # the option over the variable
        (["--lang", "xx", "score", EX22], "en", "--lang"),  # refused, in the variable's language
        (["score", EX22], "", "Bobot"),
        (["score", "--zzz", EX22], "", "Penggunaan: spbe-calc score [OPSI] BERKAS..."),  # named as installed
    ],
)
def test_the_program_speaks_the_language_asked_for(args: list[str], env_lang: str, word: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SPBE_CALC_LANG"}
    env["SPBE_CALC_LANG"] = env_lang
    r = subprocess.run([sys.executable, "-m", "spbe_calc", *args], capture_output=True, text=True, env=env, check=False)
    assert word in r.stdout + r.stderr
    if word == "--lang":
        assert r.returncode == 2 and "Error: --lang: 'xx' is not a choice" in r.stderr


def test_a_program_embedding_the_command_line_gets_errors_and_codes_back() -> None:
    """``standalone_mode=False``: the framework's own way, errors raised and the code returned,
    nothing printed in their place and no exit."""
    import typer

    from spbe_calc.cli import framework

    group = typer.main.get_command(app)
    with pytest.raises(framework.UsageError, match="'scor'"):  # in the framework's words, not ours
        group.main(["scor", str(EX22_PATH)], prog_name="spbe-calc", standalone_mode=False)
    assert group.main(["--version"], prog_name="spbe-calc", standalone_mode=False) == 0


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["--lang", "en", "score"], "en"),
        (["score", "--lang=en"], "en"),
        (["--lang=a=b"], "a=b"),  # the value whole, refused later as no catalogue's
        (["score", "--lang"], None),  # no value after it: the framework says so
        (["score", "--language=en", "--LANG", "en"], None),
        ([], None),
    ],
)
def test_the_language_is_found_before_the_command_line_is_built(argv: list[str], lang: str | None) -> None:
    from spbe_calc.cli import lang_from_argv

    assert lang_from_argv(argv) == lang


@pytest.mark.parametrize("key", [KeyboardInterrupt, EOFError])
def test_ctrl_c_or_d_before_any_command_runs_is_an_interruption(
    run: Run, monkeypatch: pytest.MonkeyPatch, key: type[BaseException]
) -> None:
    """Ctrl-C or Ctrl-D while the command line is still being read (here in
    --install-completion's callback) ends with the interruption's exit code, never a traceback
    nor the framework's "Aborted!"; where the framework hands the interruption on (Ctrl-D), it
    is said in our words."""
    from spbe_calc.cli import completion

    def interrupted() -> None:
        raise key

    monkeypatch.setattr(completion, "install", interrupted)
    r = run("--install-completion")
    assert r.exit_code == 130 and r.stdout == "" and "Aborted" not in r.stderr
    if key is EOFError:
        assert r.stderr.strip() == "dihentikan."


def test_data_that_looks_like_a_ci_command_is_written_so_that_no_runner_obeys_it(run: Run, tmp_path: Path) -> None:
    """An agency named like a GitHub workflow command (a file from a pull request): ``score``'s
    output names it with the colon escaped, so that a CI log does not run it."""
    path = tmp_path / "j.yaml"
    path.write_text(answers_text({1: 3}, instansi='"::error::pwned"'))
    r = run("score", "--partial", str(path))
    assert r.exit_code == 0, r.stderr
    assert "\\u003a:error::pwned" in r.stdout and not any(line.startswith("::") for line in r.stdout.splitlines())
