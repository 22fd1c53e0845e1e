"""The README and the user guide in docs/: every command they show runs, and shows what they say.

A page's commands run in order, in a folder of their own holding a copy of ``examples/`` and
``indicators.yaml`` (a later command may use a file an earlier one wrote), with the installed
``spbe-calc`` first on ``PATH``, 80 columns, no colour, in Indonesian. Fenced blocks:

- ``console``: each ``$ command`` runs and must print what follows it (stdout and stderr as a
  terminal shows them); a line ``...`` stands for any number of lines. ``$ echo $?`` shows the
  exit code of the command before it.
- ``sh``: each command (a line, or lines joined by a trailing ``\\``) runs and must succeed.
- A block right after ``<!-- contoh -->`` is an illustration (an interactive session, a
  placeholder, an install from elsewhere) and is not run; after ``<!-- ci -->`` it is the
  set-up that ``.ci/run`` itself runs, which must hold it word for word.
- Other blocks (``yaml``, ``json``, ``text``) are not commands.

The site (``mkdocs.yml``) is built with warnings as errors, and the command reference page is
the CLI's own help (``python -m tests.docs_reference`` writes it again).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from .conftest import ROOT

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
_FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)
_MARK = re.compile(r"<!--\s*(contoh|ci)\s*-->\s*$")


class Block(NamedTuple):
    """A fenced block of a page: its language, text, line, and how it is marked."""

    kind: str
    body: str
    line: int
    mark: str


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a page, in order."""
    text = page.read_text(encoding="utf-8")
    out = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = _MARK.search(before)
        indent = len(match.group("indent"))
        body = "\n".join(line[indent:] for line in match.group("body").splitlines())
        line = text.count("\n", 0, match.start()) + 1
        out.append(Block(match.group("info").strip().split(" ")[0], body, line, mark.group(1) if mark else ""))
    return out


def commands(body: str) -> list[str]:
    """The commands of an ``sh`` block: lines joined at a trailing backslash, comments left out."""
    out: list[str] = []
    pending = ""
    for line in body.splitlines():
        if pending:
            line = pending + " " + line.strip()
            pending = ""
        if line.rstrip().endswith("\\"):
            pending = line.rstrip()[:-1].rstrip()
            continue
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.strip())
    return out


def steps(body: str) -> list[tuple[str, list[str]]]:
    """The ``$ command`` lines of a ``console`` block, each with the output shown under it."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:].strip(), []))
        elif out:
            out[-1][1].append(line)
    return out


def matches(expected: list[str], got: list[str]) -> bool:
    """Whether ``got`` is ``expected`` line by line, trailing spaces aside; ``...`` is any lines."""
    expected = [e.rstrip() for e in expected]
    got = [g.rstrip() for g in got]
    while expected and not expected[-1]:
        expected.pop()
    while got and not got[-1]:
        got.pop()
    if not expected:
        return not got
    if expected[0] == "...":
        return any(matches(expected[1:], got[i:]) for i in range(len(got) + 1))
    return bool(got) and expected[0] == got[0] and matches(expected[1:], got[1:])


class Shell:
    """One bash for a page: commands share its folder and the exit code of the one before."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "COLUMNS": "80",
            "NO_COLOR": "1",
            "SPBE_CALC_LANG": "id",
            "PYTHONUNBUFFERED": "1",  # stdout and stderr in the order a terminal shows them
        }
        self.last = 0

    def run(self, command: str) -> tuple[int, str]:
        """Run a command (``echo $?`` answers with the code of the one before); its code and output."""
        script = f"(exit {self.last}); {command}" if "$?" in command else command
        done = subprocess.run(
            ["bash", "-c", script],
            cwd=self.folder,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
            check=False,
        )
        self.last = done.returncode
        return done.returncode, done.stdout


def _page_id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_every_command_of_the_page_runs_as_shown(page: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copy(ROOT / "indicators.yaml", tmp_path)
    shell = Shell(tmp_path)
    where = _page_id(page)
    for block in blocks(page):
        if block.mark == "contoh" or block.kind not in ("sh", "console"):
            continue
        if block.mark == "ci":
            ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
            for command in commands(block.body):
                assert command in ci, f"{where}:{block.line}: .ci/run does not run {command!r}"
            continue
        if block.kind == "sh":
            for command in commands(block.body):
                code, output = shell.run(command)
                assert code == 0, f"{where}:{block.line}: {command}\nexit {code}\n{output}"
            continue
        for command, expected in steps(block.body):
            code, output = shell.run(command)
            got = output.splitlines()
            assert matches(expected, got), (
                f"{where}:{block.line}: {command}\n--- shown\n" + "\n".join(expected) + "\n--- printed\n" + output
            )


def test_every_page_is_linked_and_the_site_builds(tmp_path: Path) -> None:
    """MkDocs with warnings as errors: no broken link, no page left out of the navigation."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "index.html").exists()


def test_the_command_reference_is_the_programs_own_help() -> None:
    from .docs_reference import page, target

    assert target().read_text(encoding="utf-8") == page(), "run: python -m tests.docs_reference"


def test_the_readme_is_short_and_indonesian() -> None:
    """At most 12 KB; its quick start in Indonesian (the guide says the rest)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= 12 * 1024
    for words in ("## Mulai cepat", "spbe-calc init", "spbe-calc report", "spbe-calc export", "## Kode keluar"):
        assert words in text


def test_the_harness_reads_blocks_as_documented() -> None:
    """The collector itself: marks, continuation lines, and the ``...`` wildcard."""
    page = "Teks\n\n<!-- contoh -->\n```sh\nspbe-calc assess\n```\n\n```sh\na \\\n  b  # c\n# d\n```\n"
    path = Path(__file__).with_name("_page.md")
    try:
        path.write_text(page, encoding="utf-8")
        found = blocks(path)
    finally:
        path.unlink()
    assert [(b.kind, b.mark, b.line) for b in found] == [("sh", "contoh", 4), ("sh", "", 8)]
    assert commands(found[1].body) == ["a b  # c"]
    assert matches(["a", "...", "z"], ["a", "b", "c", "z"]) and matches(["a", "...", "z"], ["a", "z"])
    assert not matches(["a", "...", "z"], ["a", "b"]) and not matches(["a"], ["a", "b"])
    assert matches(["a", "..."], ["a"]) and matches(["x  "], ["x"])
