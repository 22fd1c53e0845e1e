"""Hostile and unlucky input: no wrong score, no flood, no injection (issue "hostile input")."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.errors import SpbeError
from spbe_calc.fsutil import atomic_write
from spbe_calc.render.messages import message

from .conftest import EXAMPLES, ROOT, Run

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"


# --- 1. the referenced model is the one the answers file means -------------------------------------


def _model_with_baik_from(edge: str) -> str:
    return (
        (ROOT / "indicators.yaml")
        .read_text(encoding="utf-8")
        .replace("min: 2.6", f"min: {edge}")
        .replace("max: 2.6", f"max: {edge}")
    )


def test_a_relative_model_path_is_relative_to_the_answers_file(tmp_path: Path) -> None:
    """The same file gives the same predikat from any folder, even with a decoy model in the
    current folder (before: 2.38 Cukup from one folder, 2.38 Baik from another)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "model.yaml").write_text(_model_with_baik_from("2.6"), encoding="utf-8")
    (tmp_path / "model.yaml").write_text(_model_with_baik_from("2.3"), encoding="utf-8")  # the decoy
    answers = EX22.read_text(encoding="utf-8").replace("model: spbe-2020", "model: ./model.yaml")
    (tmp_path / "sub" / "a.yaml").write_text(answers, encoding="utf-8")
    outputs = []
    for cwd, arg in ((tmp_path, "sub/a.yaml"), (tmp_path / "sub", "a.yaml")):
        proc = subprocess.run(
            [sys.executable, "-m", "spbe_calc", "score", arg], cwd=cwd, capture_output=True, text=True, env=os.environ
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(next(line for line in proc.stdout.splitlines() if line.startswith("Indeks SPBE:")))
    assert outputs == ["Indeks SPBE: 2,38  Cukup"] * 2


def test_a_model_that_cannot_be_read_is_reported_at_the_model_line(run: Run, write: Callable[..., Path]) -> None:
    text = EX22.read_text(encoding="utf-8").replace("model: spbe-2020", "model: ../tidak-ada.yaml")
    path = write("a.yaml", text)
    line = text.splitlines().index("model: ../tidak-ada.yaml") + 1
    for command in (["score"], ["validate"], ["validate", "-f", "parsable"]):
        r = run(*command, str(path))
        assert r.exit_code == 2, command
        assert f"{path}:{line}:8:" in r.stdout + r.stderr
        assert "tidak-ada.yaml" in r.stdout + r.stderr


# --- 3. no injection through names and texts -------------------------------------------------------

#: The nastiest strings of each family: terminal control (OSC 52 clipboard, clear screen, bell,
#: carriage return), bidirectional override, line separators, GitHub workflow commands (new and
#: old syntax), HTML and Markdown (script, javascript: link, table pipe), spreadsheet formulas.
NASTY = (
    "\x1b]52;c;ZXZpbA==\x07\x1b[2J\rA\u202eB\u2028C\x85D\n"
    "::add-mask::secret\n  ::error file=x::forged\n##[group]old\n"
    "<script>alert(1)</script> [klik](javascript:alert(1)) | pipa"
)
CSV_FORMULA = '=HYPERLINK("http://x","y")'


def _nasty_answers(write: Callable[..., Path], instansi: str, name: str = "a.yaml") -> Path:
    text = EX22.read_text(encoding="utf-8").replace(
        "instansi: Pemerintah Kabupaten Contoh", f"instansi: {json.dumps(instansi)}"
    )
    return write(name, text)


def _no_raw_controls(out: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", out), repr(out[:200])


def _no_workflow_commands(out: str) -> None:
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown", "csv"])
def test_score_output_escapes_what_a_file_holds(run: Run, write: Callable[..., Path], fmt: str) -> None:
    path = _nasty_answers(write, NASTY)
    r = run("score", "--detail", "-f", fmt, str(path))
    assert r.exit_code == 0, r.stderr
    _no_raw_controls(r.stdout)
    _no_workflow_commands(r.stdout)
    if fmt == "json":
        assert json.loads(r.stdout)["instansi"] == NASTY  # escapes JSON reads back as the original
    if fmt == "jsonl":
        assert json.loads(r.stdout.splitlines()[0])["instansi"] == NASTY
    if fmt == "markdown":
        assert "<script>" not in r.stdout and "&lt;script&gt;" in r.stdout
        assert not re.search(r"(?<!\\)\]\(javascript", r.stdout) and "\\[klik\\]" in r.stdout
        assert "\\| pipa" in r.stdout


def test_csv_cells_never_start_a_formula(run: Run, write: Callable[..., Path]) -> None:
    for n, start in enumerate(["=", "+", "-", "@", "\t"]):
        path = _nasty_answers(write, f"{start}{CSV_FORMULA}", f"f{n}.yaml")
        r = run("score", "-f", "csv", str(path))
        row = next(csv.DictReader(io.StringIO(r.stdout)))
        assert row["instansi"].startswith("'"), row["instansi"]
    formula_file = write("=cmd.yaml", EX22.read_text(encoding="utf-8"))
    row = next(csv.DictReader(io.StringIO(run("score", "-f", "csv", str(formula_file)).stdout)))
    assert not row["file"].startswith("=")


def test_file_names_are_escaped_too(run: Run, write: Callable[..., Path]) -> None:
    bad = write("x\x1b[2J\x07.yaml", "levels: {1: yes}\n")
    for args in (["score"], ["validate"], ["validate", "-f", "parsable"]):
        r = run(*args, str(bad))
        _no_raw_controls(r.stdout + r.stderr)
        assert "\\u001b[2J" in r.stdout + r.stderr


@pytest.mark.parametrize("fmt", ["text", "parsable", "json", "github"])
def test_problem_reports_escape_quoted_values(run: Run, write: Callable[..., Path], fmt: str) -> None:
    path = write("m.yaml", "levels:\n  1: " + json.dumps(NASTY) + "\n")
    r = run("validate", "-f", fmt, str(path))
    assert r.exit_code == 1
    _no_raw_controls(r.stdout)
    lines = r.stdout.splitlines()
    if fmt == "github":  # every line is one of our own annotations, its data escaped the runner's way
        assert all(re.match(r"::(error|warning) file=", line) for line in lines)
    else:
        _no_workflow_commands(r.stdout)


def test_values_quoted_in_messages_are_cut(run: Run, write: Callable[..., Path]) -> None:
    path = write("m.yaml", "levels:\n  1: " + "x" * 5000 + "\n")
    r = run("score", str(path))
    assert r.exit_code == 2 and len(r.stderr) < 600  # the quoted value, and the 46 missing indicators
    assert "x" * 79 + "…" in r.stderr and "x" * 81 not in r.stderr


# --- 2. bounded work for any input ----------------------------------------------------------------


def test_an_anchor_repeated_everywhere_gives_a_short_report(run: Run, write: Callable[..., Path]) -> None:
    """One value aliased where 1,999 levels and 40,000 list items are expected: every message
    quotes at most 80 characters, and at most 200 problems are listed per file. A 20,000-character
    value repeated so is more than a document may say: one problem, before anything is checked."""
    for size, refused in ((20, False), (20000, True)):
        lines = ["levels:", "  1: &a " + "x" * size, *[f"  {i}: *a" for i in range(2, 2000)]]
        lines.append("extra: [" + ", ".join(["*a"] * 40000) + "]")
        path = write("h.yaml", "\n".join(lines) + "\n")
        for fmt in ("json", "text", "parsable"):
            r = run("validate", "-f", fmt, str(path))
            assert r.exit_code == 1
            assert len(r.stdout) < 100_000, (fmt, len(r.stdout))  # was gigabytes
        problems = json.loads(run("validate", "-f", "json", str(path)).stdout)[0]["problems"]
        if refused:
            assert [p["code"] for p in problems] == ["too-many-chars"]
        else:
            assert len(problems) <= 201 and problems[-1]["code"] == "more-problems"
        r = run("score", str(path))
        assert r.exit_code == 2 and len(r.stderr) < 100_000


@pytest.mark.parametrize("bar", ["1e999999999", "1e-999999999", "9" * 40, "NaN", "Infinity"])
def test_numbers_in_options_are_bounded(run: Run, bar: str) -> None:
    r = run("score", "--fail-under", bar, str(EX22))
    assert r.exit_code == 2 and "--fail-under" in r.stderr
    r = run("plan", str(EX22), "--target", bar)
    assert r.exit_code == 2 and "--target 2.5" in r.stderr  # the example names the option used


def test_a_cheapest_plan_too_fine_to_compute_is_refused(run: Run, write: Callable[..., Path]) -> None:
    """Weights with four decimals make the exact search table huge: a message, not minutes."""
    text = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = text.replace("weight: 10.00, criteria", "weight: 10.0001, criteria").replace(
        "Indikator Lima, weight: 15.00", "Indikator Lima, weight: 14.9999"
    )
    model = write("m.yaml", text)
    answers = write("a.yaml", f"model: {model}\nlevels: {{1: 1, 2: 1, 3: 1, 4: 1, 5: 1}}\n")
    costs = write("c.yaml", "default: {cost: 1}\n")
    r = run("plan", str(answers), "-t", "4.5", "-c", str(costs))
    assert r.exit_code == 2 and "--costs" in r.stderr
    assert run("plan", str(answers), "-t", "4.5").exit_code == 0  # the fewest raises still work


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_pipes_and_devices_are_refused_not_read(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.yaml"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        r = run("score", target)  # a pipe would block, /dev/zero would never end
        assert r.exit_code == 2 and "bukan berkas biasa" in r.stderr
        r = run("validate", target)
        assert r.exit_code == 2


def test_assess_refuses_a_huge_file_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    from spbe_calc.errors import SpbeError
    from spbe_calc.questionnaire import Questionnaire

    with pytest.raises(SpbeError) as info:
        Questionnaire.open(path, None, [], [], [])
    assert [p.code for p in info.value.problems] == ["too-large"]


# --- 8. right positions and words -------------------------------------------------------------------


def test_positions_count_characters_not_bytes(run: Run, write: Callable[..., Path]) -> None:
    """300 two-byte characters before a control character: line 2, column 304 (it said 4:294)."""
    path = write("e.yaml", "a: 1\nb: " + "é" * 300 + "\x07\nc: 2\n")
    assert f"{path}:2:304:" in run("validate", "-f", "parsable", str(path)).stdout
    nonutf8 = write("n.yaml", ("a: 1\nb: " + "é" * 10).encode("utf-8") + b"\xff\n")
    assert f"{nonutf8}:2:14:" in run("validate", "-f", "parsable", str(nonutf8)).stdout


@pytest.mark.parametrize(("char", "where"), [("\u2028", "in a comment"), ("\u2029", "in a string"), ("\x85", "plain")])
def test_unicode_line_separators_are_refused_where_they_stand(
    run: Run, write: Callable[..., Path], char: str, where: str
) -> None:
    text = {"in a comment": f"a: 1  # x{char}y\n", "in a string": f'a: "x{char}y"\n', "plain": f"a: x{char}y\n"}[where]
    path = write("s.yaml", "levels: {}\n" + text)
    r = run("validate", "-f", "parsable", str(path))
    assert r.exit_code == 1  # like any file that is not YAML: a finding of validate
    col = text.index(char) + 1
    assert f"{path}:2:{col}:" in r.stdout and f"U+{ord(char):04X}" in r.stdout


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("levels:\n  1: 1e0\n", "yaml11-number", "'1e0'"),  # was "level 1 is not a whole number"
        ("levels:\n  -1: 3\n", "below-minimum", "kurang dari batas terendah 0"),  # was "1..None"
        ("levels:\n  0: 3\n", "unknown-indicator", "indikator 0 tidak ada dalam model spbe-2020 (indikator 1-47)"),
    ],
)
def test_messages_say_what_was_written(run: Run, write: Callable[..., Path], text: str, code: str, words: str) -> None:
    path = write("w.yaml", text)
    r = run("validate", "-f", "json", str(path))
    problems = [p for p in json.loads(r.stdout)[0]["problems"] if p["code"] != "missing-indicators"]
    assert problems[0]["code"] == code and words in problems[0]["message"]
    assert "None" not in problems[0]["message"]


def test_weight_sums_are_shown_exactly(write: Callable[..., Path]) -> None:
    """Two sums that differ are never shown alike (it said "10 differs from 10"), and the total
    is named without a type-name lookup (it said "expected type.99.5")."""
    from spbe_calc.errors import SpbeError
    from spbe_calc.model import load_model

    text = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "weight: 10.00, criteria",
        'weight: "10000000000000000000000000000001/1000000000000000000000000000000", criteria',
    )
    with pytest.raises(SpbeError) as info:
        load_model(str(write("m.yaml", text)))
    args = {p.code: p.args for p in info.value.problems}
    assert args["weight-sum"]["total"] != args["weight-sum"]["weight"]
    assert args["weight-sum"]["total"] == "25.000000000000000000000000000001"
    off = (
        (ROOT / "tests" / "data" / "mini-model.yaml")
        .read_text(encoding="utf-8")
        .replace("  banding: exact\n", "  banding: exact\n  total_weight: 99.5\n")
    )
    with pytest.raises(SpbeError) as info:
        load_model(str(write("t.yaml", off)))
    (problem,) = info.value.problems
    assert problem.args == {"total": "100", "required": "99.5"}
    assert message(problem) == "jumlah bobot teratas 100, seharusnya 99.5"


# --- 6. interrupts and worker processes -----------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "-1", "abc", "²", "1.5"])
def test_spbe_calc_jobs_is_checked(run: Run, value: str) -> None:
    r = run("score", str(EX22), env={"SPBE_CALC_JOBS": value})
    assert r.exit_code == 2 and "SPBE_CALC_JOBS" in r.stderr


def test_spbe_calc_jobs_is_capped_at_the_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.batch import jobs_wanted

    monkeypatch.setenv("SPBE_CALC_JOBS", "999")
    assert jobs_wanted() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("SPBE_CALC_JOBS", "1")
    assert jobs_wanted() == 1


def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    body = EX22.read_text(encoding="utf-8")
    for k in range(3000):
        (folder / f"k{k:04d}.yaml").write_text(body, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "spbe_calc", "score", "-f", "jsonl", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SPBE_CALC_JOBS": "2"},
    )
    deadline = time.monotonic() + 20
    workers = _children(proc.pid)
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert workers, "the batch should have started its workers by now"
    proc.kill()
    _, err = proc.communicate(timeout=10)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]
    assert "Traceback" not in err


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- 7. exit 3 only for real bugs -----------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_message_not_a_bug() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "spbe_calc", "score", str(EX22)], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 2
    assert "tidak dapat ditulis" in proc.stderr and "internal" not in proc.stderr


@pytest.mark.parametrize("text", ["levels:\n  1: ²\n", "tahun: ²\nlevels: {}\n", "levels:\n  ²: 3\n"])
def test_non_ascii_digits_in_files_are_messages(run: Run, write: Callable[..., Path], text: str) -> None:
    r = run("score", str(write("d.yaml", text)))
    assert r.exit_code == 2 and "internal" not in r.stderr


# --- 5. writing files does what users expect --------------------------------------------------------


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
    r = run("report", str(EX22), "-o", "/dev/null", "-f", "markdown")
    assert r.exit_code == 0 and Path("/dev/null").is_char_device()


def test_report_to_stdout() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "spbe_calc", "report", str(EX22), "-o", "/dev/stdout", "-f", "markdown"],
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
