"""spbe_calc.cli.completion: shell completion of commands, options, model names and files, and
its installation, which never edits a start-up file.

Run by CI against every supported typer minor version with the framework seam (``noxfile.py``).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Run


def test_completion_of_commands_options_models_and_files(tmp_path: Path) -> None:
    words = _complete({"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc sc", "COMP_CWORD": "1"})
    assert words.split() == ["score", "schema"]
    words = _complete({"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc score -f ", "COMP_CWORD": "3"})
    assert words.split() == ["text", "json", "jsonl", "markdown", "csv"]
    words = _complete(
        {"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc score --model spbe", "COMP_CWORD": "3"}
    )
    assert words.split() == ["spbe-2018", "spbe-2020"]
    words = _complete(
        {"_SPBE_CALC_COMPLETE": "complete_bash", "COMP_WORDS": "spbe-calc score --stage ", "COMP_CWORD": "3"}
    )
    assert words.split() == ["mandiri", "dokumen", "interviu", "visitasi", "akhir"]
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


def test_completion_scripts_for_every_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.cli import completion

    for shell in ("bash", "zsh", "fish", "powershell"):
        monkeypatch.setattr(completion, "_shell", lambda shell=shell: shell)
        text = completion.script()
        assert "_SPBE_CALC_COMPLETE" in text and "spbe-calc" in text


@pytest.mark.parametrize(
    ("detected", "variable", "shell"),
    [
        ("zsh", "/bin/bash", "zsh"),  # the parent processes come first
        (None, "/usr/local/bin/fish", "fish"),  # then $SHELL
        (None, "/bin/tcsh", "'tcsh' bukan pilihan; pilih salah satu: bash, zsh, fish, powershell, pwsh"),
        (None, None, "'?' bukan pilihan; pilih salah satu: bash, zsh, fish, powershell, pwsh"),
    ],
)
def test_the_shell_is_the_parent_process_else_the_variable(
    monkeypatch: pytest.MonkeyPatch, detected: str | None, variable: str | None, shell: str
) -> None:
    import typer

    from spbe_calc.cli import completion, framework

    monkeypatch.setattr(framework, "shell_name", lambda: detected)
    if variable is None:
        monkeypatch.delenv("SHELL", raising=False)
    else:
        monkeypatch.setenv("SHELL", variable)
    if " " not in shell:
        assert completion._shell() == shell
        return
    with pytest.raises(typer.BadParameter) as caught:
        completion._shell()
    assert caught.value.message == shell


def _home_only(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """``home`` as the user's folder, with no variable that would move the scripts elsewhere."""
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "BASH_COMPLETION_USER_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("shell", "env", "where", "needs_line"),
    [
        ("bash", {}, "H/.local/share/bash-completion/completions/spbe-calc", True),
        ("bash", {"XDG_DATA_HOME": "/d"}, "/d/bash-completion/completions/spbe-calc", True),
        ("bash", {"BASH_COMPLETION_USER_DIR": "/b", "XDG_DATA_HOME": "/d"}, "/b/completions/spbe-calc", True),
        ("zsh", {}, "H/.local/share/zsh/site-functions/spbe-calc.zsh", True),
        ("zsh", {"XDG_DATA_HOME": "/d"}, "/d/zsh/site-functions/spbe-calc.zsh", True),
        ("fish", {}, "H/.config/fish/completions/spbe-calc.fish", False),
        ("fish", {"XDG_CONFIG_HOME": "/c"}, "/c/fish/completions/spbe-calc.fish", False),
        ("powershell", {}, "H/.config/powershell/spbe-calc-completion.ps1", True),
        ("pwsh", {"XDG_CONFIG_HOME": "/c"}, "/c/powershell/spbe-calc-completion.ps1", True),
    ],
)
def test_each_shell_finds_its_script_where_it_looks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shell: str, env: dict[str, str], where: str, needs_line: bool
) -> None:
    from spbe_calc.cli import completion

    _home_only(monkeypatch, tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert completion._script_file(shell, "spbe-calc") == (Path(where.replace("H", str(tmp_path), 1)), needs_line)


def test_the_start_up_line_is_quoted_for_its_shell() -> None:
    from spbe_calc.cli import completion

    path = Path("/home/o'neil/$(x)/s.ps1")
    assert completion._startup_line("powershell", path) == ". '/home/o''neil/$(x)/s.ps1'"
    assert completion._startup_line("pwsh", path) == ". '/home/o''neil/$(x)/s.ps1'"
    assert completion._startup_line("zsh", path) == "source '/home/o'\"'\"'neil/$(x)/s.ps1'"


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
    # What was done is said on stderr, where messages go: stdout stays for data.
    assert done.stdout == "" and f"Skrip pelengkapan {shell} ditulis ke {home / script};" in " ".join(
        done.stderr.split()
    )
    said = " ".join(done.stderr.split())
    if shell == "bash":  # bash-completion finds the script itself; the line is for a bash without it
        assert "bash-completion memuatnya sendiri" in said and "Tambahkan baris ini sekali ke" not in said
    elif shell == "zsh":
        assert "Tambahkan baris ini sekali ke ~/.zshrc (spbe-calc tidak mengubah berkas itu)" in said
    if shell == "fish":
        assert "source" not in done.stderr and "Tambahkan" not in said
    else:
        line = f"source '{home / script}'"
        assert line in done.stderr
        subprocess.run(["bash", "-c", f"{line} 2>/dev/null; true"], cwd=tmp_path, env=env, check=True)
    assert not (tmp_path / "dimiliki").exists()


@pytest.mark.parametrize(
    ("in_the_way", "said"),
    [
        (
            ".local",
            "{home}/.local/share/bash-completion/completions: berkas tidak dapat ditulis (bagian jalur bukan folder)",
        ),
        (
            ".local/share/bash-completion/completions/spbe-calc/",
            "completions/spbe-calc: ini sebuah folder, bukan berkas",
        ),
    ],
)
def test_install_completion_that_cannot_write_its_script_is_a_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_the_way: str, said: str
) -> None:
    """A file where a folder must be made, or a folder where the script goes: said at the option."""
    from spbe_calc.cli import completion

    home = tmp_path / "rumah"
    blocker = home / in_the_way
    if in_the_way.endswith("/"):
        blocker.mkdir(parents=True)
    else:
        blocker.parent.mkdir(parents=True)
        blocker.write_text("a file where the folder would be\n")
    _home_only(monkeypatch, home)
    monkeypatch.setattr(completion, "_shell", lambda: "bash")
    done = run("--install-completion")
    assert done.exit_code == 2 and done.stdout == ""
    assert "Galat: --install-completion: " in done.stderr and said.format(home=home) in done.stderr


def test_show_completion_from_the_command_line(run: Run) -> None:
    r = run("--show-completion", env={"SHELL": "/bin/bash"})
    assert r.exit_code == 0 and "_SPBE_CALC_COMPLETE" in r.stdout
    assert r.stdout.rstrip().endswith(" spbe-calc")  # the program it completes, by its name
    # Eager, as --help is: shown even when another option of the command line is wrong.
    r = run("--lang", "xx", "--show-completion", env={"SHELL": "/bin/bash"})
    assert r.exit_code == 0 and "_SPBE_CALC_COMPLETE" in r.stdout


def _complete(env: dict[str, str]) -> str:
    full = {**os.environ, **env}
    done = subprocess.run(
        [sys.executable, "-m", "spbe_calc"], env=full, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_model_path_from_the_root_folder_is_completed_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--model /…``: the files of ``/``, not of the current folder."""
    from spbe_calc.cli.completion import model_names

    monkeypatch.chdir(tmp_path)
    (tmp_path / "lokal.yaml").write_text("x: 1\n")
    assert model_names("/") == [f"/{p.name}" for p in sorted(Path("/").iterdir()) if p.suffix in (".yaml", ".yml")]
    assert model_names("")[-1:] == ["lokal.yaml"]  # and from here, the current folder's


def test_model_names_offer_the_bundled_models_then_the_yaml_files_the_path_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from spbe_calc.cli.completion import model_names
    from spbe_calc.model import bundled_models

    for name in ("a.yaml", "b.YML", ".tersembunyi.yaml", "c.txt", "sub/d.yaml", "sub/e.yml", "sub/dalam/f.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert model_names("") == [*bundled_models(), "a.yaml", "b.YML"]
    assert model_names("spbe") == [n for n in bundled_models() if n.startswith("spbe")]
    assert model_names("sub/") == ["sub/d.yaml", "sub/e.yml"]
    assert model_names("sub/e") == ["sub/e.yml"]
    assert model_names("sub/dalam/") == ["sub/dalam/f.yaml"]
    assert model_names("tidak-ada/x") == []
    assert "tmp/" not in " ".join(model_names("/t"))  # a path from the root is looked up there


@pytest.mark.parametrize(
    ("shell", "line", "startup"),
    [
        ("zsh", "source {quoted}", "~/.zshrc"),
        ("fish", None, None),  # fish loads the script by itself
        ("pwsh", ". '{path}'", "$PROFILE"),
    ],
)
def test_install_says_which_shell_where_and_what_line_goes_in_which_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shell: str, line: str | None, startup: str | None
) -> None:
    from spbe_calc.cli import completion

    _home_only(monkeypatch, tmp_path)
    monkeypatch.setattr(completion, "_shell", lambda: shell)
    done = completion.install()
    path, _ = completion._script_file(shell, "spbe-calc")
    shown = line.format(path=path, quoted=shlex.quote(str(path))) if line else None
    assert done == (shell, path, shown, startup)
    assert "_SPBE_CALC_COMPLETE" in path.read_text(encoding="utf-8")


def test_the_shell_found_from_the_parent_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.cli import framework

    monkeypatch.setattr(framework._completion_shared, "_get_shell_name", lambda: "zsh")
    assert framework.shell_name() == "zsh"
    monkeypatch.setattr(framework._completion_shared, "_get_shell_name", lambda: None)
    assert framework.shell_name() is None
