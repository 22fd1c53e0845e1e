"""Bad input of every kind: a clear message with a position and the documented exit code.

``tests/corpus.yaml`` lists each file of ``tests/corpus/`` with the command that reads it, the
problem code it must produce, the line, and the exit code. Huge and pathological inputs are
generated here instead of being committed, and run in a child process with a memory limit.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import Run

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED: dict[str, dict] = yaml.safe_load((HERE / "corpus.yaml").read_text(encoding="utf-8"))


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file(run: Run, name: str) -> None:
    exp = EXPECTED[name]
    path = str(CORPUS / name)
    r = run(exp["command"], "-f", "parsable", path) if exp["command"] == "validate" else run("score", path)
    assert r.exit_code == exp["exit"], (r.stdout, r.stderr)
    out = r.stdout if exp["command"] == "validate" else r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    if exp["command"] == "validate":
        lines = [ln for ln in out.splitlines() if ln.strip()]
        assert lines, out
        wanted = f"{path}:{exp['line']}:" if exp["line"] else f"{path}:"
        assert any(ln.startswith(wanted) for ln in lines), (wanted, out)
    else:
        wanted = f"{path}:{exp['line']}:" if exp["line"] else ""
        assert wanted in out, (wanted, out)
    # The code is checked through the JSON report, which names it.
    r = run("validate", "-f", "json", path)
    import json

    codes = [p["code"] for f in json.loads(r.stdout) for p in f["problems"]]
    assert exp["code"] in codes, codes


def _limited(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child limited to 1 GiB of address space and 60 s of CPU."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    env = {**os.environ, "SPBE_CALC_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "spbe_calc", *args],
        capture_output=True,
        text=True,
        preexec_fn=limits,
        cwd=tmp,
        env=env,
        timeout=120,
        check=False,
    )


def test_fifty_megabyte_file_is_refused_early(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("w") as fh:
        fh.write("levels:\n")
        line = "  # " + "x" * 1020 + "\n"
        for _ in range(50 * 1024):
            fh.write(line)
    r = _limited(["score", str(path)], tmp_path)
    assert r.returncode == 2
    assert "file too large" in r.stderr and "Traceback" not in r.stderr


def test_very_deep_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("levels: " + "[" * 100_000 + "]" * 100_000 + "\n")
    r = _limited(["score", str(path)], tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{path}:1:" in r.stderr


def test_deep_block_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep-block.yaml"
    path.write_text("".join(" " * i + f"k{i}:\n" for i in range(2000)))
    r = _limited(["validate", str(path)], tmp_path)
    assert r.returncode == 1 and "nested more than 64" in r.stdout


def test_wide_alias_bomb(tmp_path: Path) -> None:
    lines = ["a0: &a0 [" + ",".join(["lol"] * 50) + "]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 50) + "]")
    lines.append("levels: *a11")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    r = _limited(["score", str(path)], tmp_path)
    assert r.returncode == 2 and "200000 values" in r.stderr


def test_many_problems_in_one_file(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "noisy.yaml"
    path.write_text("levels:\n" + "".join(f"  {i}: {'tiga' if i % 2 else 9}\n" for i in range(1, 48)))
    r = run("score", str(path))
    assert r.exit_code == 2
    assert r.stderr.count(f"{path}:") == 47


SNAPSHOT = yaml.safe_load((HERE / "data" / "corpus-problems.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SNAPSHOT))
def test_every_problem_of_the_corpus_word_for_word(run: Run, name: str) -> None:
    """Positions, codes and messages (with their arguments) of every problem, as users read them
    (regression values; see tests/data/corpus-problems.yaml)."""
    import json

    r = run("validate", "-f", "json", str(CORPUS / name))
    found = [[p["line"], p["column"], p["level"], p["code"], p["message"]] for p in json.loads(r.stdout)[0]["problems"]]
    assert found == SNAPSHOT[name]


def test_the_snapshot_covers_the_corpus() -> None:
    assert set(SNAPSHOT) == set(EXPECTED) - {"a-alias-flood.yaml"}
