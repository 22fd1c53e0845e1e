"""Work on many files at once: scoring folders and lists, on every core for large batches.

Files are read, checked and scored one by one; a file that fails does not stop the others.
From :data:`PARALLEL_MIN` files on, the files are spread over a
:class:`concurrent.futures.ProcessPoolExecutor`. Each worker scores its files with the very
function a run in one process uses and sends back each result (as :func:`_listed` keeps it) or
its error, so results are identical whatever the batch size or ``SPBE_CALC_JOBS`` (a test
compares every file's JSON with scoring it alone). A chunk's results share one pickled copy of
their model.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, Union

from spbe_calc.bars import Bar, check_bar, meets
from spbe_calc.core import DEFAULT_BASIS, Basis, ScoredFile, score_file
from spbe_calc.errors import ExitCode, Problem, SpbeError, fail
from spbe_calc.model import BandingRule, Model, loaded_models
from spbe_calc.paths import is_file, is_folder

#: Below this many files, starting worker processes costs more than it saves (see bench/).
PARALLEL_MIN = 64

#: What scoring one file gives: its result, or the error that explains why there is none.
Outcome = Union[ScoredFile, SpbeError]


def jobs_wanted() -> int:
    """Worker count: ``SPBE_CALC_JOBS`` (at most the CPUs this process may use), else those CPUs.

    A value that is not a whole number of at least 1 is an error, not silently ignored.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    raw = os.environ.get("SPBE_CALC_JOBS")
    if raw is None or not raw.strip():
        return cpus
    digits = raw.strip()
    # Any whole number is taken, however large (it is capped); only its length is bounded.
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 30) or int(digits) < 1:
        raise fail("SPBE_CALC_JOBS", "bad-jobs", value=raw[:40], cpus=cpus)
    return min(int(digits), cpus)


def _one(path: str, model_ref: str | None, partial: bool, basis: Basis = DEFAULT_BASIS) -> Outcome:
    try:
        return score_file(path, model_ref, partial, basis)
    except SpbeError as exc:
        return exc


def _listed(outcome: Outcome) -> Outcome:
    """A result as a batch keeps it: its answers' header, without each indicator's entry or positions.

    No output of a batch reads them: positions serve only messages about the file, and a file
    that scored has none left to give; the levels scored are in its score, and the entries' texts
    and documents are read by the one-file commands (``report``, ``export``). Sent between
    processes, the entries were an eighth of a 1,000-file batch (bench/run.py). Every batch
    result is kept so, in one process or several, so that no output can differ with the number
    of processes.
    """
    if isinstance(outcome, ScoredFile):
        return outcome._replace(answers=outcome.answers._replace(answers={}, where=None))
    return outcome


def _score_chunk(paths: list[str], model_ref: str | None, partial: bool, basis: Basis) -> list[Outcome]:
    """Worker side: score each file, as :func:`_one` does, and send back its result or error."""
    return [_listed(_one(path, model_ref, partial, basis)) for path in paths]


def _can_fork() -> bool:
    """Whether workers can be forked (not on Windows), so that they inherit the loaded models.

    Imported here, for large batches only: multiprocessing and the process pool cost ~13 ms per
    start (import and teardown, measured against ``import typer, yaml``).
    """
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def score_many(
    paths: list[str],
    model_ref: str | None = None,
    partial: bool = False,
    jobs: int | None = None,
    basis: Basis = DEFAULT_BASIS,
) -> list[Outcome]:
    """Score every file, in order: each outcome a :class:`ScoredFile` (see :func:`_listed`) or an error."""
    jobs = jobs or jobs_wanted()
    if jobs < 2 or len(paths) < PARALLEL_MIN or not _can_fork():
        return [_listed(_one(p, model_ref, partial, basis)) for p in paths]
    import multiprocessing  # imported by _can_fork already
    from concurrent.futures import ProcessPoolExecutor

    # The first file is scored here: it loads the model(s), which forked workers then inherit.
    first = _listed(_one(paths[0], model_ref, partial, basis))
    rest = paths[1:]
    size = -(-len(rest) // (jobs * 4))  # a few chunks per worker evens out uneven files
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),))
    # The collector, as the gc documentation advises around fork(): what the workers inherit is
    # frozen (no process walks it again, nor copies its pages by touching it), and the parent,
    # which only receives results (records without cycles) until the pool is done, does not
    # collect meanwhile. The workers read hostile files and collect as usual (_worker_start).
    # ~15 ms of a batch of 1,000 files (bench/run.py).
    collecting = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        # Ctrl-C reaches every process of the terminal's group; the workers ignore it. Interrupted,
        # map's results drop the chunks not started yet, and the with block waits only for the
        # chunks under way.
        with pool:
            read = pool.map(_score_chunk, chunks, repeat(model_ref), repeat(partial), repeat(basis))
            return [first, *(item for chunk in read for item in chunk)]
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _worker_start(parent: int) -> None:
    """Worker start-up: Ctrl-C is the parent's to handle, and the worker ends with its parent.

    A worker killed by Ctrl-C can hang the pool, so workers ignore it; the parent winds the pool
    down. A parent that is killed outright cannot: its workers would wait for work forever, so
    each watches that its parent is still the one that started it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()  # off in the parent while the pool runs; a file may hold cycles (recursive aliases)
    _send_models_by_reference()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        # Ended the way a pool ends its workers; the main thread is blocked reading the queue.
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


#: In a worker: the models it inherited from its parent, by the identity of their indicators
#: (which every model set up for a year shares with the model it was made from).
_INHERITED: dict[int, Path] = {}


def _send_models_by_reference() -> None:
    """Send a model the parent already has as a reference to it, not as its contents.

    Every result carries its model (the loaded model set up for the file's year); pickled by
    value, each chunk of results carried one copy of the whole model, and unpickling those in the
    parent, one after another, was a sixth of a batch (bench/run.py). A model made from one the
    parent loaded before the workers started goes back as that model's file and the four fields a
    year sets, and is rebuilt from the parent's own copy; any other is sent whole.
    """
    from multiprocessing.reduction import ForkingPickler  # the pool's pickler (a pool is running)

    _INHERITED.update({id(model.indicators): key for key, model in loaded_models().items()})
    ForkingPickler.register(Model, _reduce_model)


def _reduce_model(model: Model) -> tuple[Any, tuple[Any, ...]]:
    key = _INHERITED.get(id(model.indicators))
    if key is not None:
        year = (model.banding, model.banding_basis, model.banding_rule, model.year)
        if _restore_model(key, *year) == model:  # the reference stands for exactly this model
            return _restore_model, (key, *year)
    return model.__class__._make, (tuple(model),)


def _restore_model(key: Path, banding: str, basis: str, rule: BandingRule | None, year: int | None) -> Model:
    """A model this process loaded, set up as a worker's result says."""
    return loaded_models()[key]._replace(banding=banding, banding_basis=basis, banding_rule=rule, year=year)


def problems_of(outcomes: list[Outcome]) -> list[Problem]:
    """All problems of the failed files, in file order."""
    return [p for o in outcomes if isinstance(o, SpbeError) for p in o.problems]


def score_files(paths: list[str], model_ref: str | None, partial: bool, basis: Basis) -> list[ScoredFile]:
    """Score several files, all or nothing: the problems of every bad file are raised together."""
    outcomes = score_many(paths, model_ref, partial, basis=basis)
    problems = problems_of(outcomes)
    if problems:
        raise SpbeError(problems)
    return [o for o in outcomes if isinstance(o, ScoredFile)]


#: Suffixes of answers files in a folder (any case: Windows tools write ``.YAML``).
SUFFIXES = (".yaml", ".yml")


def _hidden(name: str) -> bool:
    """Hidden files and folders (``.git``, ``._x.yaml`` that macOS leaves on shared drives)."""
    return name.startswith(".")


def expand_paths(paths: list[str], recursive: bool) -> list[str]:
    """Replace each folder by the YAML files in it, sorted.

    Subfolders are searched too when ``recursive``. Hidden files and folders are skipped; an
    empty argument is an error, never the current folder.
    """
    out: list[str] = []
    for p in paths:
        if not p.strip():
            raise fail(repr(p), "empty-argument")
        path = Path(p)
        if not is_folder(path):
            out.append(p)
            continue
        found: list[Path] = []
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not _hidden(d)) if recursive else []
            found += [
                Path(folder, n)
                for n in names
                if not _hidden(n) and n.lower().endswith(SUFFIXES) and is_file(Path(folder, n))
            ]
        out += [str(q) for q in sorted(found)]
    return out


class ScoreBatch(NamedTuple):
    """What ``score`` did with its files: the results, the failures, and who is below the bar."""

    scored: list[ScoredFile]
    failures: list[SpbeError]
    below: list[ScoredFile]
    #: every file's result or failure, in the order the files were named (folders expanded)
    outcomes: list[ScoredFile | SpbeError]
    #: one file was named (not a folder): output for programs is one object, not an array
    single: bool

    def exit_code(self) -> ExitCode:
        """2 when a file could not be scored, else 1 when one is below the bar, else 0."""
        if self.failures:
            return max(e.exit_code for e in self.failures)
        return ExitCode.FINDINGS if self.below else ExitCode.OK


def score_batch(
    files: list[str],
    model_ref: str | None,
    partial: bool,
    bar: Bar | None,
    recursive: bool,
    basis: Basis,
) -> ScoreBatch:
    """Score files and folders; a bad file does not stop the others (see :class:`ScoreBatch`)."""
    paths = expand_paths(files, recursive)
    if not paths:
        raise fail(files[0] if files else ".", "no-files")
    outcomes = list(score_many(paths, model_ref, partial, basis=basis))
    scored = [o for o in outcomes if not isinstance(o, SpbeError)]
    failures = [o for o in outcomes if isinstance(o, SpbeError)]
    below: list[ScoredFile] = []
    if bar is not None:
        for f in scored:
            check_bar(bar, f.model)
            if not meets(bar, f.score):
                below.append(f)
    single = len(files) == 1 and not is_folder(Path(files[0]))
    return ScoreBatch(scored=scored, failures=failures, below=below, outcomes=outcomes, single=single)
