"""The seam to the command-line framework (``spbe_calc/cli/framework.py``) and what stands on it:
help pages, usage errors in the user's language, shell completion.

CI runs this file against every supported typer minor version (0.26, 0.27, 0.28; ``noxfile.py``,
session ``typer``), since what the seam uses is beyond typer's public API.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from spbe_calc.cli import framework
from spbe_calc.cli.app import app

from .conftest import EXAMPLES, Run

EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")


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


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", "--detial", EX22], "Galat: opsi --detial tidak dikenal. Mungkin maksudnya --detail?"),
        (["plan", EX22], "Galat: opsi --target wajib diisi."),
        (["score", "--model"], "Galat: opsi --model memerlukan nilai."),
        (["scor", EX22], "Galat: perintah 'scor' tidak dikenal. Mungkin maksudnya score?"),
        (["assess", "--domain", "satu"], "Galat: --domain: 'satu' bukan bilangan bulat."),
        (["schema", "model", "extra"], "Galat: argumen berlebih: extra."),
        (["score", "-f", "xml", EX22], "Galat: --format: 'xml' bukan pilihan"),
    ],
)
def test_usage_errors_in_the_users_language(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2 and said in r.stderr, r.stderr
    assert "Usage:" not in r.stderr and "Error:" not in r.stderr and "No such" not in r.stderr


def test_usage_errors_in_english_and_lang_after_the_command(run: Run) -> None:
    r = run("score", "--lang", "en", "--detial", EX22)
    assert (
        "Error: no such option: --detial. Did you mean --detail?" in r.stderr and "score [OPTIONS] FILE..." in r.stderr
    )
    r = run("score", "--lang", "en", EX22)
    assert r.exit_code == 0 and "Weight" in r.stdout


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


def _complete(env: dict[str, str]) -> str:
    full = {**os.environ, **env}
    done = subprocess.run(
        [sys.executable, "-m", "spbe_calc"], env=full, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_completion_of_commands_options_models_and_files(tmp_path: Path) -> None:
    words = _complete({"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc sc", "COMP_CWORD": "1"})
    assert words.split() == ["score", "schema"]
    words = _complete({"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc score -f ", "COMP_CWORD": "3"})
    assert words.split() == ["text", "json", "jsonl", "markdown", "csv"]
    words = _complete(
        {"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc score --model spbe", "COMP_CWORD": "3"}
    )
    assert words.split() == ["spbe-2018", "spbe-2020"]
    zsh = _complete({"_SPBE_CALC_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "spbe-calc score --de"})
    assert "--detail" in zsh
    fish = _complete(
        {
            "_SPBE_CALC_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": "spbe-calc val",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        }
    )
    assert "validate" in fish
    pwsh = _complete(
        {
            "_SPBE_CALC_COMPLETE": "complete_powershell",
            "_TYPER_COMPLETE_ARGS": "spbe-calc mod",
            "_TYPER_COMPLETE_WORD_TO_COMPLETE": "mod",
        }
    )
    assert "models" in pwsh


def test_completion_scripts_for_every_shell() -> None:
    from spbe_calc.cli import completion

    for shell in ("bash", "zsh", "fish", "powershell"):
        completion._shell = lambda shell=shell: shell  # type: ignore[assignment,misc]
        text = completion.script()
        assert "_SPBE_CALC_COMPLETE" in text and "spbe-calc" in text


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_install_completion_never_edits_a_start_up_file(
    run: Run, tmp_path: Path, shell: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The script goes to a file of its own; the line for ~/.bashrc or ~/.zshrc is printed, quoted
    for the shell, so that a home folder named ``$(...)`` runs nothing."""
    from spbe_calc.cli import completion

    home = tmp_path / "$(touch dimiliki)"
    home.mkdir()
    (home / ".bashrc").write_text("# milik pengguna\n")
    env = {**os.environ, "HOME": str(home), "SHELL": f"/bin/{shell}", "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": ""}
    env.pop("BASH_COMPLETION_USER_DIR", None)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("BASH_COMPLETION_USER_DIR", raising=False)
    monkeypatch.setattr(completion, "_shell", lambda: shell)  # the shell this test pretends to be
    for _ in range(2):  # a second run changes nothing more
        done = run("--install-completion")
        assert done.exit_code == 0, done.stderr
    written = sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())
    script = {
        "bash": ".local/share/bash-completion/completions/spbe-calc",
        "zsh": ".local/share/zsh/site-functions/spbe-calc.zsh",
        "fish": ".config/fish/completions/spbe-calc.fish",
    }[shell]
    assert written == sorted([".bashrc", script])
    assert (home / ".bashrc").read_text() == "# milik pengguna\n"
    assert "_SPBE_CALC_COMPLETE" in (home / script).read_text()
    if shell == "fish":
        assert "source" not in done.stderr
    else:
        line = f"source '{home / script}'"
        assert line in done.stderr
        subprocess.run(["bash", "-c", f"{line} 2>/dev/null; true"], cwd=tmp_path, env=env, check=True)
    assert not (tmp_path / "dimiliki").exists()


def test_show_completion_from_the_command_line(run: Run) -> None:
    r = run("--show-completion", env={"SHELL": "/bin/bash"})
    assert r.exit_code == 0 and "_SPBE_CALC_COMPLETE" in r.stdout
