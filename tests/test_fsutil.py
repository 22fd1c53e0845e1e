"""Tests of spbe_calc/fsutil.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spbe_calc.errors import SpbeError
from spbe_calc.fsutil import atomic_write

from .conftest import Run
from .helpers import EX22, EX22_PATH, EXAMPLES_DIR


def test_a_folder_given_as_output_is_named_in_the_message(run: Run, tmp_path: Path) -> None:
    workbook = tmp_path / "lke.xlsx"
    assert run("export", str(EXAMPLES_DIR / "kabupaten-contoh-2022.yaml"), "-o", str(workbook)).exit_code == 0
    folder = tmp_path / "jawaban.yaml"
    folder.mkdir()
    r = run("import", str(workbook), "-o", str(folder))
    assert r.exit_code == 2 and r.stderr.startswith(f"{folder}: ")


def test_a_missing_folder_is_named(run: Run, tmp_path: Path) -> None:
    r = run("report", EX22, "-o", str(tmp_path / "tidak-ada" / "laporan.html"))
    assert r.exit_code == 2 and f"folder {tmp_path / 'tidak-ada'} tidak ada" in r.stderr
    r = run("--lang", "en", "report", EX22, "-o", str(tmp_path / "tidak-ada" / "laporan.html"))
    assert "does not exist" in r.stderr


def test_a_new_file_gets_the_umasks_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "baru.yaml", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "baru.yaml").stat().st_mode & 0o777 == 0o640


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "asli").mkdir()
    real = tmp_path / "asli" / "jawaban.yaml"
    real.write_text("lama", encoding="utf-8")
    link = tmp_path / "jawaban.yaml"
    link.symlink_to(real)
    atomic_write(link, "baru")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "baru"
    assert not list((tmp_path / "asli").glob(".*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_hard_linked_file_is_refused_not_rewritten_in_place(tmp_path: Path) -> None:
    """Replacing would cut the other name off; rewriting in place could leave it empty."""
    first = tmp_path / "a.yaml"
    first.write_text("lama", encoding="utf-8")
    second = tmp_path / "b.yaml"
    os.link(first, second)
    with pytest.raises(SpbeError) as caught:
        atomic_write(first, "baru")
    assert [(p.code, p.args) for p in caught.value.problems] == [("hard-linked", {"links": 2})]
    assert second.read_text(encoding="utf-8") == "lama" and first.stat().st_ino == second.stat().st_ino


def test_a_device_is_written_to_not_replaced(run: Run) -> None:
    r = run("report", str(EX22_PATH), "-o", "/dev/null", "-f", "markdown")
    assert r.exit_code == 0 and Path("/dev/null").is_char_device()


def test_report_to_stdout() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "spbe_calc", "report", str(EX22_PATH), "-o", "/dev/stdout", "-f", "markdown"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("# Laporan Penilaian Mandiri SPBE")


def test_leftovers_of_a_killed_writer_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "j.yaml"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".j.yaml.{dead.pid}.abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    live = tmp_path / f".j.yaml.{os.getppid()}.def456.tmp"  # a writer that still runs
    live.write_text("busy", encoding="utf-8")
    atomic_write(target, "x")
    assert not stale.exists() and live.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_the_owner_of_a_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "milik-orang.yaml"
    path.write_text("lama", encoding="utf-8")
    os.chown(path, 12345, 12345)
    atomic_write(path, "baru")
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 12345)
    assert path.read_text(encoding="utf-8") == "baru"


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, "new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


WRITER = """
import sys
from spbe_calc.fsutil import atomic_write
# 200 MB of text, slow enough to be killed while the temporary file is being written.
atomic_write(sys.argv[1], "x" * (200 * 1024 * 1024))
"""


def test_killed_writer_leaves_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("levels: {1: 3}\n")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)])
    try:
        deadline = time.monotonic() + 30
        while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert path.read_text() == "levels: {1: 3}\n"
