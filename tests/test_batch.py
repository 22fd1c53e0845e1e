"""Large batches are scored on several cores with exactly the results of one process."""

from __future__ import annotations

import csv
import gc
import io
import json
import multiprocessing
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from spbe_calc import batch
from spbe_calc.batch import PARALLEL_MIN, expand_paths, score_batch, score_files, score_many
from spbe_calc.core import DEFAULT_BASIS, Basis, score_file
from spbe_calc.errors import SpbeError
from spbe_calc.model import load_model
from spbe_calc.render.score_json import to_dict

from .conftest import EXAMPLES, Run, answers_text
from .helpers import DPS, EX21, EX22, EX22_PATH


def _folder(write: Callable[..., Path], tmp_path: Path) -> list[str]:
    (tmp_path / "b").mkdir()
    paths = []
    for k in range(PARALLEL_MIN + 11):
        levels = {i: 1 + (i * 7 + k) % 5 for i in range(1, 48)}
        if k == 5:
            levels[9] = "tiga"  # a bad file in the parent's share
        if k == PARALLEL_MIN:
            levels[40] = 9  # and one in a worker's share
        if k % 13 == 0:
            del levels[47]  # incomplete: scored with --partial, reported otherwise
        paths.append(str(write(f"b/kab-{k:03d}.yaml", answers_text(levels, instansi=f'"Kab {k}"', tahun=2024))))
    paths.append(str(EXAMPLES / "kota-denpasar-2018.yaml"))  # another model in the same batch
    return paths


def _summary(outcomes: list[object]) -> list[object]:
    out = []
    for o in outcomes:
        if isinstance(o, SpbeError):
            out.append(("error", [(p.path, p.line, p.col, p.code) for p in o.problems], int(o.exit_code)))
        else:
            out.append(to_dict(o, detail=True))  # type: ignore[arg-type]
    return out


def test_parallel_equals_sequential(write: Callable[..., Path], tmp_path: Path) -> None:
    paths = _folder(write, tmp_path)
    for partial in (False, True):
        one = _summary(score_many(paths, None, partial, jobs=1))
        two = _summary(score_many(paths, None, partial, jobs=2))
        three = _summary(score_many(paths, None, partial, jobs=3))
        assert one == two == three
        assert sum(1 for o in one if isinstance(o, tuple)) == (2 if partial else 2 + 6)


@pytest.mark.parametrize(
    ("model_ref", "basis"),
    [
        ("spbe-2020", DEFAULT_BASIS),
        ("spbe-2018", DEFAULT_BASIS),  # the first file (scored by the parent) refused too
        (None, Basis(banding="rounded", strict=True)),
        (None, Basis(stage="akhir")),
    ],
)
def test_workers_score_with_the_model_and_basis_asked_for(
    write: Callable[..., Path], tmp_path: Path, model_ref: str | None, basis: Basis
) -> None:
    """``--model``, ``--banding``, ``--strict`` and ``--stage`` reach the workers' share too."""
    paths = _folder(write, tmp_path)
    one = _summary(score_many(paths, model_ref, True, jobs=1, basis=basis))
    two = _summary(score_many(paths, model_ref, True, jobs=2, basis=basis))
    assert one == two
    assert one != _summary(score_many(paths, None, True, jobs=1))  # the option changes some result
    if model_ref == "spbe-2020":  # the last file, of spbe-2018, is refused under spbe-2020
        assert one[-1][0] == "error" and one[-1][1][0][3] == "model-mismatch"  # type: ignore[index]
    if model_ref == "spbe-2018":  # a file of 47 indicators does not fit a model of 35
        assert one[0][0] == "error"  # type: ignore[index]


def test_every_result_of_a_batch_is_kept_without_positions_or_entries(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    """In one process or several: no output can then differ with the number of processes.

    The header stays (who, which year, which model); the entries, with their texts and
    documents, do not travel (the example of 2022 has both).
    """
    paths = [*_folder(write, tmp_path), str(EX22_PATH)]
    alone = score_file(str(EX22_PATH))
    assert alone.answers.answers[1].fakta and alone.answers.where is not None
    for jobs in (1, 2):
        scored = [o for o in score_many(paths, None, True, jobs=jobs) if not isinstance(o, SpbeError)]
        assert scored and all(o.answers.where is None and o.answers.answers == {} for o in scored)
        last = scored[-1]
        assert last.answers == alone.answers._replace(answers={}, where=None)
        assert last.score == alone.score  # the levels scored stay in the score


def _as_a_worker(conn: Connection) -> None:
    """In a forked child: start as a pool's worker does, and say what that set up."""
    from multiprocessing.reduction import ForkingPickler

    gc.disable()
    batch._worker_start(os.getppid())
    model = load_model("spbe-2020")
    by_rule = model.for_year(2023)  # a year whose rule bands the rounded index: the rule goes too
    by_option = model.for_year(2024, override="rounded")
    other = model._replace(name="Indeks lain")  # not what a year sets: sent whole
    models = (model, by_rule, by_option, other)
    sent = [bytes(ForkingPickler.dumps(m)) for m in models]
    conn.send(
        (
            gc.isenabled(),
            signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
            [len(s) for s in sent],
            [pickle.loads(s) == m for s, m in zip(sent, models)],
        )
    )


def test_a_worker_collects_ignores_ctrl_c_and_sends_models_by_reference() -> None:
    """A model the parent loaded goes back as a reference of a few hundred bytes, rebuilt equal."""
    load_model("spbe-2020")  # loaded before the fork, as a batch's first file does
    ours, theirs = multiprocessing.get_context("fork").Pipe()
    child = multiprocessing.get_context("fork").Process(target=_as_a_worker, args=(theirs,))
    child.start()
    collects, ignores, sizes, equal = ours.recv()
    child.join()
    assert collects and ignores and equal == [True, True, True, True]
    assert max(sizes[:3]) < 1000 < sizes[3]


def _record_who_scores(monkeypatch: pytest.MonkeyPatch, record: Path, interrupt_at: str | None = None) -> None:
    """Make every process that scores a file append its pid and the file to ``record``.

    Forked workers inherit the patched ``score_file``; a worker started any other way would not,
    and would record nothing. With ``interrupt_at``, the worker that scores that file then sends
    Ctrl-C to its parent (this test's process), as a terminal would.
    """
    score_file = batch.score_file

    def recording(path: str, *args: object) -> object:
        with record.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {path}\n")
        if path == interrupt_at:
            os.kill(os.getppid(), signal.SIGINT)
        if interrupt_at is not None:
            time.sleep(0.01)  # time for the parent to act on Ctrl-C, however busy the machine
        return score_file(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "score_file", recording)


def _recorded(record: Path) -> list[tuple[int, str]]:
    rows = [line.split(" ", 1) for line in record.read_text(encoding="utf-8").splitlines()]
    return [(int(pid), path) for pid, path in rows]


@pytest.mark.parametrize("count", [PARALLEL_MIN - 1, PARALLEL_MIN])
def test_a_batch_forks_no_more_workers_than_asked(
    monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path], tmp_path: Path, count: int
) -> None:
    """From ``PARALLEL_MIN`` files on, at most ``jobs`` workers, forked even where the default
    start method is another (Python 3.14 starts workers otherwise) and on a machine with more
    CPUs than the jobs asked for; below it, the parent scores every file."""
    _texts(write, tmp_path / "b", count)
    paths = sorted(str(p) for p in (tmp_path / "b").iterdir())
    record = tmp_path / "who.txt"
    _record_who_scores(monkeypatch, record)
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    if hasattr(os, "process_cpu_count"):  # what Python 3.13 sizes a default pool by
        monkeypatch.setattr(os, "process_cpu_count", lambda: 16)
    default = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        outcomes = score_many(paths, None, False, jobs=2)
    finally:
        multiprocessing.set_start_method(default, force=True)
    assert [o.answers.instansi for o in outcomes] == [f"Kab {k}" for k in range(count)]  # type: ignore[union-attr]
    scored = _recorded(record)
    assert sorted(path for _, path in scored) == paths
    workers = {pid for pid, _ in scored} - {os.getpid()}
    # Two workers at most (one of them may take every chunk on a busy machine), and forked ones.
    assert (1 <= len(workers) <= 2) if count == PARALLEL_MIN else not workers


def test_ctrl_c_in_a_parallel_batch_drops_the_files_not_started(
    monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path], tmp_path: Path
) -> None:
    """The chunks that no worker has started are not scored after Ctrl-C: the batch ends as soon
    as the chunks under way are done (of its eight chunks, the pool has handed out at most four)."""
    _texts(write, tmp_path / "b", PARALLEL_MIN * 2)
    paths = sorted(str(p) for p in (tmp_path / "b").iterdir())
    record = tmp_path / "who.txt"
    _record_who_scores(monkeypatch, record, interrupt_at=paths[1])  # the first file of a worker
    # Ctrl-C as Python takes it by default, whatever the test runner made of it.
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            score_many(paths, None, False, jobs=2)
    finally:
        signal.signal(signal.SIGINT, handler)
    scored = [path for _, path in _recorded(record)]
    assert paths[1] in scored and len(scored) < len(paths) * 3 // 4


def test_a_parallel_batch_leaves_the_collector_as_it_found_it(write: Callable[..., Path], tmp_path: Path) -> None:
    """The batch pauses collection and freezes what the workers inherit; both end with the pool."""
    paths = _folder(write, tmp_path)
    assert gc.isenabled()
    score_many(paths, None, False, jobs=2)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()  # a caller that keeps collection off finds it off
    try:
        score_many(paths, None, False, jobs=2)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cli_batch_same_with_any_job_count(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    _folder(write, tmp_path)
    folder = str(tmp_path / "b")
    outputs = []
    for jobs in ("1", "2"):
        r = run("score", "-f", "jsonl", "--partial", folder, env={"SPBE_CALC_JOBS": jobs})
        assert r.exit_code == 2  # the two bad files
        outputs.append((r.stdout, r.stderr))
    assert outputs[0] == outputs[1]
    lines = [json.loads(line) for line in outputs[0][0].splitlines()]
    assert len(lines) == PARALLEL_MIN + 11  # the two bad files are error objects in their place
    assert sum(1 for d in lines if d.get("error")) == 2 and lines[0]["instansi"] == "Kab 0"


def _texts(write: Callable[..., Path], folder: Path, count: int) -> None:
    """``count`` complete files, each with its own fakta, analisis and bukti."""
    folder.mkdir()
    for k in range(count):
        levels: dict[object, object] = {i: 1 + (i + k) % 5 for i in range(1, 48)}
        levels[1] = f'{{level: 2, fakta: "fakta {k}", analisis: "analisis {k}", bukti: ["SK {k}"]}}'
        write(f"{folder.name}/kab-{k:03d}.yaml", answers_text(levels, instansi=f'"Kab {k}"', tahun=2024))


@pytest.mark.parametrize("count", [PARALLEL_MIN - 1, PARALLEL_MIN, PARALLEL_MIN + 1])
def test_results_do_not_depend_on_batch_size_or_jobs(
    run: Run, write: Callable[..., Path], tmp_path: Path, count: int
) -> None:
    """Below, at and above the size where workers start, with one and two processes, every file's
    JSON is byte for byte what scoring it alone gives, and every result keeps its header only."""
    folder = tmp_path / f"n{count}"
    _texts(write, folder, count)
    alone = {}
    for path in sorted(folder.iterdir()):
        r = run("score", "--detail", "-f", "json", str(path))
        assert r.exit_code == 0, r.stderr
        alone[str(path)] = json.loads(r.stdout)
    for jobs in ("1", "2"):
        r = run("score", "--detail", "-f", "jsonl", str(folder), env={"SPBE_CALC_JOBS": jobs})
        assert r.exit_code == 0, r.stderr
        lines = r.stdout.splitlines()
        assert len(lines) == count
        for line in lines:
            data = json.loads(line)
            assert json.dumps(data, sort_keys=True) == json.dumps(alone[data["file"]], sort_keys=True)
        outcomes = score_many(sorted(str(p) for p in folder.iterdir()), jobs=int(jobs))
        names = {o.answers.instansi for o in outcomes if not isinstance(o, SpbeError)}
        assert names == {f"Kab {k}" for k in range(count)}
        assert all(o.answers.answers == {} for o in outcomes)  # type: ignore[union-attr]


def _sigint_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_parallel_batch(tmp_path: Path) -> None:
    """Ctrl-C reaches the parent and its workers (one process group): one line, exit 130, no
    traceback, no process left behind, no hang."""
    folder = tmp_path / "many"
    folder.mkdir()
    body = answers_text({i: 1 + i % 5 for i in range(1, 48)}, instansi='"Kab"', tahun=2024)
    for k in range(4000):
        (folder / f"k{k:04d}.yaml").write_text(body, encoding="utf-8")
    env = {**os.environ, "SPBE_CALC_JOBS": "2"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "spbe_calc", "score", "-f", "jsonl", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        # As at a terminal: a test run started in the background (CI's parallel sessions) would
        # pass on an ignored SIGINT, and Python keeps a signal ignored that it starts with.
        preexec_fn=_sigint_as_at_a_terminal,
    )
    time.sleep(0.8)  # the workers are busy by now; the whole batch takes seconds
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["dihentikan."]


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


def _spbe(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "spbe_calc", *args], capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.mark.parametrize(
    "args",
    [["score", ""], ["validate", ""], ["plan", "", "-t", "Baik"], ["compare", EX21, ""], ["score", EX22, "-m", ""]],
)
def test_an_empty_argument_is_an_error(run: Run, args: list[str]) -> None:
    r = run(*args)
    assert r.exit_code == 2 and "'': galat: argumen kosong" in r.stdout + r.stderr  # validate reports on stdout


def test_folders_skip_hidden_files_and_take_any_case(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "berkas"
    (folder / ".git").mkdir(parents=True)
    (folder / "sub").mkdir()
    text = Path(EX22).read_text(encoding="utf-8")
    (folder / ".git" / "x.yaml").write_text(text)
    (folder / "._kab.yaml").write_bytes(b"\x00\x05\x16\x07 mac resource fork")
    (folder / "KAB.YAML").write_text(text)
    (folder / "sub" / "b.yml").write_text(text.replace("2022", "2023"))
    r = run("score", "-f", "json", str(folder))
    assert r.exit_code == 0 and [d["file"] for d in json.loads(r.stdout)] == [
        str(folder / "KAB.YAML"),
        str(folder / "sub" / "b.yml"),
    ]
    r = run("score", "-f", "json", "--no-recursive", str(folder))
    assert [d["file"] for d in json.loads(r.stdout)] == [str(folder / "KAB.YAML")]


def test_a_batch_of_two_models_says_so_and_names_each_row(run: Run, tmp_path: Path) -> None:
    r = run("score", EX22, EX22, DPS)
    assert "berkas dinilai dengan model yang berbeda: spbe-2020 (2), spbe-2018 (1)" in r.stderr
    header = r.stdout.splitlines()[0]
    assert "Berkas" in header and "Model" in header  # instansi and year repeat: the file tells them apart
    assert "Berkas" not in run("score", EX21, EX22).stdout.splitlines()[0]


@pytest.mark.parametrize("value", ["0", "-1", "abc", "²", "1.5"])
def test_spbe_calc_jobs_is_checked(run: Run, value: str) -> None:
    r = run("score", str(EX22_PATH), env={"SPBE_CALC_JOBS": value})
    assert r.exit_code == 2 and "SPBE_CALC_JOBS" in r.stderr


def test_the_job_count_falls_back_on_the_cpu_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the CPUs this process may use are unknown (not Linux), all the CPUs; if even their
    number is unknown, one."""
    monkeypatch.delenv("SPBE_CALC_JOBS", raising=False)
    monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert batch.jobs_wanted() == 3
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert batch.jobs_wanted() == 1


def test_spbe_calc_jobs_is_capped_at_the_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.batch import jobs_wanted

    monkeypatch.setenv("SPBE_CALC_JOBS", "999")
    assert jobs_wanted() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("SPBE_CALC_JOBS", "1")
    assert jobs_wanted() == 1


def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    body = EX22_PATH.read_text(encoding="utf-8")
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


def test_a_huge_job_count_is_capped_not_refused(tmp_path: Path) -> None:
    for n in range(3):
        shutil.copy(EX22_PATH, tmp_path / f"{n}.yaml")
    done = _spbe("score", str(tmp_path), env={**os.environ, "SPBE_CALC_JOBS": "1000000000"})
    assert done.returncode == 0, done.stderr


def _many(write: Callable[..., Path], n: int) -> list[Path]:
    paths = []
    for k in range(n):
        level = 1 + k % 5
        paths.append(
            write(
                f"jawaban/kab-{k:02d}.yaml",
                answers_text(dict.fromkeys(range(1, 48), level), instansi=f'"Kabupaten {k:02d}"', tahun=2024),
            )
        )
    return paths


def test_batch_ranking_and_counts(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "jawaban").mkdir()
    _many(write, 10)
    r = run("score", str(tmp_path / "jawaban"))
    assert r.exit_code == 0, r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    rows = [ln for ln in lines if "Kabupaten" in ln]
    assert len(rows) == 10
    # ties share a rank: two agencies at each level 5, 4, ...
    assert [row.split()[0] for row in rows] == ["1", "1", "3", "3", "5", "5", "7", "7", "9", "9"]
    assert rows[0].split()[-1] == "Memuaskan"
    assert "10 berkas: Memuaskan 2 · Sangat Baik 2 · Baik 2 · Cukup 2 · Kurang 2" in r.stdout


def test_csv(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "jawaban").mkdir()
    _many(write, 3)
    r = run("score", "-f", "csv", str(tmp_path / "jawaban"), DPS)
    assert r.exit_code == 0
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["instansi"] for row in table] == [
        "Kabupaten 00",
        "Kabupaten 01",
        "Kabupaten 02",
        "Pemerintah Kota Denpasar",
    ]
    # Two models: each domain column names its model, so D1 of one is never under D1 of the other.
    assert table[1]["index"] == "2.00" and table[1]["predikat"] == "Cukup" and table[1]["spbe-2020:D4"] == "2.00"
    assert table[1]["spbe-2018:D1"] == "" and table[3]["spbe-2020:D1"] == ""
    assert table[3]["model"] == "spbe-2018" and table[3]["spbe-2018:D3"] == "3.00"
    assert "D1" not in table[0]
    assert list(table[0])[:8] == ["file", "instansi", "tahun", "model", "index", "index_exact", "predikat", "complete"]


def test_empty_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    r = run("score", str(tmp_path / "kosong"))
    assert r.exit_code == 2 and "tidak ada berkas" in r.stderr


def test_folders_are_expanded_in_the_order_given(tmp_path: Path, write: Callable[..., Path]) -> None:
    for folder in ("a", "b/sub"):
        (tmp_path / folder).mkdir(parents=True)
    b, a = write("b/x.yaml", "levels: {}\n"), write("a/y.yaml", "levels: {}\n")
    nested = write("b/sub/z.yml", "levels: {}\n")
    write("b/.tersembunyi.yaml", "levels: {}\n")
    write("b/catatan.txt", "")
    assert expand_paths([str(tmp_path / "b"), str(tmp_path / "a")], True) == [str(nested), str(b), str(a)]
    assert expand_paths([str(tmp_path / "b"), str(tmp_path / "a")], False) == [str(b), str(a)]


def test_no_files_to_score_names_what_was_given(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    for files, said in (([str(tmp_path / "kosong")], str(tmp_path / "kosong")), ([], ".")):
        with pytest.raises(SpbeError) as caught:
            score_batch(files, None, False, None, True, DEFAULT_BASIS)
        assert [(p.path, p.code) for p in caught.value.problems] == [(said, "no-files")]


def test_a_set_of_files_is_scored_all_or_nothing_with_the_options_given(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    """``compare``'s files: the model, --partial and the basis reach each; one bad file fails them all."""
    incomplete = str(write("a.yaml", answers_text(dict.fromkeys(range(1, 47), 3), tahun=2024)))
    with pytest.raises(SpbeError) as caught:
        score_files([EX22, incomplete], None, False, DEFAULT_BASIS)
    assert [p.code for p in caught.value.problems] == ["missing-indicators"]
    assert [f.path for f in score_files([EX22, incomplete], None, True, DEFAULT_BASIS)] == [EX22, incomplete]
    with pytest.raises(SpbeError) as caught:
        score_files([EX22], "spbe-2018", False, DEFAULT_BASIS)
    assert [p.code for p in caught.value.problems] == ["model-mismatch"]
    (rounded,) = score_files([EX22], None, False, Basis(banding="rounded"))
    assert rounded.model.banding == "rounded"
    assert _summary(score_many([incomplete]))[0][0] == "error"  # not partial unless asked


@pytest.mark.parametrize(
    ("value", "jobs"), [(None, "cpus"), ("", "cpus"), (" ", "cpus"), ("1", 1), (" 1 ", 1), ("9" * 30, "cpus")]
)
def test_the_job_count_is_the_variable_capped_by_the_cpus(
    monkeypatch: pytest.MonkeyPatch, value: str | None, jobs: object
) -> None:
    cpus = len(os.sched_getaffinity(0))
    if value is None:
        monkeypatch.delenv("SPBE_CALC_JOBS", raising=False)
    else:
        monkeypatch.setenv("SPBE_CALC_JOBS", value)
    assert batch.jobs_wanted() == (cpus if jobs == "cpus" else jobs)


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "dua", "٣", "9" * 31, "x" * 50])
def test_a_job_count_that_is_no_whole_number_of_at_least_one_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SPBE_CALC_JOBS", value)
    with pytest.raises(SpbeError) as caught:
        batch.jobs_wanted()
    assert [(p.path, p.code, p.args) for p in caught.value.problems] == [
        ("SPBE_CALC_JOBS", "bad-jobs", {"value": value[:40], "cpus": len(os.sched_getaffinity(0))})
    ]
