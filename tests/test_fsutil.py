"""Tests of spbe_calc/fsutil.py."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from spbe_calc import fsutil
from spbe_calc.errors import SpbeError
from spbe_calc.fsutil import atomic_write, check_replaceable, remove_leftovers

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


def test_a_pipe_is_written_to_not_replaced(run: Run, tmp_path: Path) -> None:
    """As ``-o /dev/null`` or ``-o /dev/stdout`` would be; a pipe of our own, so that a mutant that
    replaces it (mutation testing runs as root) replaces nothing of the system's."""
    pipe = tmp_path / "pipa"
    os.mkfifo(pipe)
    # Held open for writing until the report is done: the reader's open does not wait, and its
    # read ends (at this close) even if the pipe was never written.
    keep = os.open(pipe, os.O_RDWR)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    try:
        r = run("report", str(EX22_PATH), "-o", str(pipe), "-f", "markdown")
    finally:
        os.close(keep)
        reader.join()
    assert r.exit_code == 0 and stat.S_ISFIFO(pipe.stat().st_mode)
    assert received[0].startswith(b"# Laporan Penilaian Mandiri SPBE")


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
    atomic_write(target, "x")
    assert not stale.exists()  # a running writer's: test_a_running_writers_leftovers_are_not_touched...


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


def test_a_running_writers_leftovers_are_not_touched_nor_is_the_writer(tmp_path: Path) -> None:
    """Whether a writer runs is asked with signal 0, which does nothing to the process."""
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = tmp_path / f".j.yaml.{writer.pid}.abc123.tmp"
        busy.write_text("busy", encoding="utf-8")
        remove_leftovers(tmp_path / "j.yaml")
        assert busy.exists()
        time.sleep(0.2)
        assert writer.poll() is None  # still running: not signalled
    finally:
        writer.kill()
        writer.wait()


def test_leftovers_of_a_writer_this_user_may_not_signal_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user's process (EPERM) runs: its file is kept; a process not there (ESRCH) is gone."""
    leftover = tmp_path / ".j.yaml.4242.abc123.tmp"
    leftover.write_text("busy", encoding="utf-8")

    def not_ours(pid: int, sig: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", not_ours)
    remove_leftovers(tmp_path / "j.yaml")
    assert leftover.exists()

    def gone(pid: int, sig: int) -> None:
        raise ProcessLookupError(3, "No such process")

    monkeypatch.setattr(os, "kill", gone)
    remove_leftovers(tmp_path / "j.yaml")
    assert not leftover.exists()


def _as_user(monkeypatch: pytest.MonkeyPatch, uid: int, gid: int, groups: list[int]) -> list[tuple[int, int]]:
    """This process as a user ``uid`` in ``gid`` and ``groups``; returns where chown calls are recorded."""
    monkeypatch.setattr(os, "getuid", lambda: uid)
    monkeypatch.setattr(os, "getgid", lambda: gid)
    monkeypatch.setattr(os, "getgroups", lambda: groups)
    calls: list[tuple[int, int]] = []

    def chown(path: str, u: int, g: int) -> None:
        assert path == "t.tmp"  # the new file, never the old one
        calls.append((u, g))

    monkeypatch.setattr(os, "chown", chown)
    return calls


def _stat(uid: int, gid: int, mode: int) -> os.stat_result:
    return os.stat_result((0o100000 | mode, 0, 0, 1, uid, gid, 0, 0, 0, 0))


def test_the_groups_of_this_user_include_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    _as_user(monkeypatch, 1000, 100, [20, 30])
    assert fsutil._groups() == {20, 30, 100}


@pytest.mark.parametrize(
    ("owner", "group", "mode", "keeps"),
    [
        (1000, 100, 0o600, True),  # our own file
        (1000, 20, 0o660, True),  # ours, open to a group we are in: the new file keeps that group
        (1000, 77, 0o660, False),  # ours, open to a group we are not in: that group would lose it
        (1000, 77, 0o600, True),  # ours, nothing given to that group
        (2000, 20, 0o660, True),  # a colleague's, open to our group
        (2000, 20, 0o640, False),  # a colleague's, our group may only read it
        (2000, 77, 0o660, False),  # a colleague's, open to a group we are not in
        (2000, 77, 0o666, True),  # anyone may write it
        (2000, 77, 0o664, False),
        (2000, 77, 0o661, False),  # others may only run it
        (2000, 20, 0o641, False),  # our group may only read it, others only run it
        (1000, 77, 0o601, True),  # ours, only others may run it: that group had nothing
        (1000, 77, 0o610, False),  # ours, that group may run it
    ],
)
def test_a_file_is_replaced_only_when_everyone_keeps_their_access(
    monkeypatch: pytest.MonkeyPatch, owner: int, group: int, mode: int, keeps: bool
) -> None:
    _as_user(monkeypatch, 1000, 100, [20])
    assert fsutil._keeps_access(_stat(owner, group, mode)) is keeps


def test_a_platform_without_owners_keeps_everyones_access_and_gives_no_owner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the system knows no users or groups (Windows), no access can be lost and no owner
    given: the file is replaced as it is."""
    recorded = _as_user(monkeypatch, 1000, 100, [20])
    monkeypatch.delattr(os, "getuid")
    assert fsutil._own_ids() == (-1, -1)
    assert fsutil._keeps_access(_stat(2000, 77, 0o600))
    fsutil._give_owner("t.tmp", _stat(2000, 20, 0o660))  # whatever groups the system may list
    assert recorded == []
    monkeypatch.setattr(os, "getuid", lambda: 1000, raising=False)
    monkeypatch.delattr(os, "getgid")
    assert fsutil._own_ids() == (-1, -1)
    monkeypatch.delattr(os, "getgroups")
    assert fsutil._groups() == set()


def test_the_superuser_keeps_everyones_access(monkeypatch: pytest.MonkeyPatch) -> None:
    _as_user(monkeypatch, 0, 0, [])
    assert fsutil._keeps_access(_stat(2000, 77, 0o600))


@pytest.mark.parametrize(
    ("uid", "gid", "owner", "group", "calls"),
    [
        (0, 0, 2000, 77, [(2000, 77)]),  # the superuser gives the file back to its owner and group
        (1000, 100, 1000, 100, []),  # ours already
        (1000, 100, 2000, 20, [(-1, 20)]),  # a colleague's in our group: the group stays
        (1000, 100, 2000, 77, []),  # a group we are not in: nothing this user may do
        (1000, 100, 2000, 100, []),  # our own group: the new file has it already
    ],
)
def test_a_new_file_gets_the_old_ones_owner_as_far_as_allowed(
    monkeypatch: pytest.MonkeyPatch, uid: int, gid: int, owner: int, group: int, calls: list[tuple[int, int]]
) -> None:
    recorded = _as_user(monkeypatch, uid, gid, [20])
    fsutil._give_owner("t.tmp", _stat(owner, group, 0o660))
    assert recorded == calls


def test_a_path_is_named_as_it_was_given(tmp_path: Path) -> None:
    given = f"{tmp_path}/./tidak-ada//j.yaml"  # not what Path() would make of it
    with pytest.raises(SpbeError) as caught:
        atomic_write(given, "x")
    assert [(p.path, p.line, p.col, p.code) for p in caught.value.problems] == [(given, 0, 0, "folder-missing")]


def test_a_failed_write_says_why_and_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up while the new file is written (not /dev/full: a mutant that replaced
    it would replace the system's, and mutation testing runs as root)."""
    target = tmp_path / "j.yaml"
    target.write_text("lama", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SpbeError) as caught:
        atomic_write(str(target), "baru")
    assert [(p.path, p.code, p.args["errno"]) for p in caught.value.problems] == [
        (str(target), "write-failed", "ENOSPC")
    ]
    assert target.read_text(encoding="utf-8") == "lama" and os.listdir(tmp_path) == ["j.yaml"]


def _dead_pid() -> int:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return dead.pid


def test_only_this_files_leftovers_are_removed(tmp_path: Path) -> None:
    """Another file's leftover, a name that is not a leftover's, and a link named like one are kept."""
    pid = _dead_pid()
    others = [f".k.yaml.{pid}.abc123.tmp", f".j.yaml.{pid}.abc123.bak", "j.yaml.tmp", f".j.yaml.{pid}x.abc.tmp"]
    for name in sorted(others)[:2]:  # some before the leftover, whatever order the folder lists
        (tmp_path / name).write_text("x", encoding="utf-8")
    stale = tmp_path / f".j.yaml.{pid}.abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    for name in sorted(others)[2:]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "real.yaml").write_text("real", encoding="utf-8")
    link = tmp_path / f".j.yaml.{pid}.link00.tmp"
    link.symlink_to(tmp_path / "real.yaml")
    remove_leftovers(tmp_path / "j.yaml")
    assert not stale.exists()
    assert all((tmp_path / name).exists() for name in others) and link.is_symlink()


def test_a_leftover_that_cannot_be_removed_is_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / f".j.yaml.{_dead_pid()}.abc123.tmp"
    stale.write_text("half", encoding="utf-8")

    def refused(path: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "unlink", refused)
    remove_leftovers(tmp_path / "j.yaml")  # no error: the write goes on
    assert stale.exists()


@pytest.mark.parametrize(
    ("given", "code", "args"),
    [
        ("", "is-directory", {}),
        (".", "is-directory", {}),
        ("{tmp}", "is-directory", {}),
        ("{tmp}/tidak-ada/j.yaml", "folder-missing", {"folder": "{tmp}/tidak-ada"}),
        ("{tmp}/berkas.txt/j.yaml", "folder-missing", {"folder": "{tmp}/berkas.txt"}),
        ("{tmp}/baca-saja.yaml", "read-only", {}),
    ],
)
def test_a_target_that_cannot_be_replaced_is_named_with_the_reason(
    tmp_path: Path, given: str, code: str, args: dict[str, str]
) -> None:
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    (tmp_path / "baca-saja.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "baca-saja.yaml").chmod(0o444)
    path = given.format(tmp=tmp_path)
    with pytest.raises(SpbeError) as caught:
        check_replaceable(path)
    expected_path = path or "''"
    assert [(p.path, p.code, p.args) for p in caught.value.problems] == [
        (expected_path, code, {k: v.format(tmp=tmp_path) for k, v in args.items()})
    ]


def test_a_folder_this_user_may_not_write_in_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a user without write and search rights on the folder (root has them all, so asked of os.access)."""
    monkeypatch.setattr(os, "access", lambda path, mode: mode == os.F_OK)  # it exists, nothing more
    with pytest.raises(SpbeError) as caught:
        check_replaceable(tmp_path / "j.yaml")
    assert [(p.path, p.code) for p in caught.value.problems] == [(str(tmp_path / "j.yaml"), "not-writable")]


def test_a_check_that_fails_in_the_system_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: object, *args: object, **kwargs: object) -> os.stat_result:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "stat", broken)
    with pytest.raises(SpbeError) as caught:
        check_replaceable(str(tmp_path / "j.yaml"))
    assert [(p.path, p.code, p.args["errno"]) for p in caught.value.problems] == [
        (str(tmp_path / "j.yaml"), "write-failed", "EIO")
    ]


def test_a_colleagues_file_a_new_one_could_not_keep_open_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As user 1000: a file of another owner, open to nobody else, would lose its owner's access."""
    target = tmp_path / "j.yaml"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o644)
    _as_user(monkeypatch, 1000, 100, [20])
    with pytest.raises(SpbeError) as caught:
        check_replaceable(target)
    assert [(p.path, p.code, p.args) for p in caught.value.problems] == [(str(target), "foreign-owner", {})]


@pytest.mark.parametrize(
    ("uid", "gid", "mode", "system_says", "writable"),
    [
        (0, 0, 0o444, True, False),  # the system lets root write anything; nobody is meant to
        (0, 0, 0o551, True, False),  # no write bit, only others may run it
        (0, 0, 0o604, True, True),
        (0, 0, 0o402, True, True),
        (1000, 0, 0o644, False, False),  # in root's group, not root: the system decides
        (1000, 100, 0o444, True, True),  # the system knows better (an access list)
    ],
)
def test_whether_a_file_may_be_written_is_asked_of_the_system_except_by_root(
    monkeypatch: pytest.MonkeyPatch, uid: int, gid: int, mode: int, system_says: bool, writable: bool
) -> None:
    _as_user(monkeypatch, uid, gid, [])
    asked = []

    def access(path: object, how: int) -> bool:
        asked.append((path, how))
        return system_says

    monkeypatch.setattr(os, "access", access)
    assert fsutil._writable(Path("j.yaml"), _stat(uid, gid, mode)) is writable
    assert asked == ([] if uid == 0 else [(Path("j.yaml"), os.W_OK)])


def test_a_writer_is_assumed_running_where_it_cannot_be_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside POSIX, signal 0 would end the process instead of asking about it."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    assert not fsutil._running(dead.pid)

    def kill(pid: int, sig: int) -> None:
        raise AssertionError("no signal may be sent")

    monkeypatch.setattr(os, "kill", kill)
    monkeypatch.setattr(os, "name", "nt")
    assert fsutil._running(dead.pid)
