"""Scoring many files at once, on every core for large batches.

A batch of answers files is split into contiguous chunks; the first is scored here, the others
in forked worker processes, and the results come back in the original order. Forking after the
model is loaded means the workers share it instead of reading it again. Small batches, systems
without ``fork`` and ``SPBE_CALC_JOBS=1`` stay in one process; the results are the same either
way (a test checks this).

A worker sends back, per file, only its identity and levels (or its problems); the parent, which
holds the same model, recomputes the score from those, which costs far less than unpickling
whole results. The answers' texts (fakta, analisis, bukti) do not travel: ``score`` shows none.
"""

from __future__ import annotations

import os
from typing import Union

from spbe_calc.answers import Answers
from spbe_calc.core import ScoredFile, score_bounds, score_file
from spbe_calc.errors import ExitCode, Problem, SpbeError
from spbe_calc.model import Model, load_model

#: Below this many files, starting workers costs more than it saves.
PARALLEL_MIN = 64

Outcome = Union[ScoredFile, SpbeError]


def jobs_wanted() -> int:
    """Worker count: ``SPBE_CALC_JOBS`` if set, else the number of CPUs this process may use."""
    raw = os.environ.get("SPBE_CALC_JOBS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _one(path: str, model_ref: str | None, partial: bool) -> Outcome:
    try:
        return score_file(path, model_ref, partial)
    except SpbeError as exc:
        return exc


def _chunk(paths: list[str], model_ref: str | None, partial: bool) -> list[tuple[object, ...]]:
    """Worker side: score a chunk and send back only what rebuilding a result needs.

    Sending whole results would cost the parent more to unpickle than scoring saves, so a file
    comes back as its levels and identity; the parent recomputes the (cheap) score from them.
    Errors come back as plain problem lists.
    """
    out: list[tuple[object, ...]] = []
    for path in paths:
        result = _one(path, model_ref, partial)
        if isinstance(result, SpbeError):
            out.append(("error", result.problems, int(result.exit_code)))
            continue
        s = result.score
        levels = {i.indicator.id: i.level for i in s.indicators if i.indicator.id not in result.missing}
        a = result.answers
        out.append(("ok", result.path, result.model._source, a.model, a.instansi, a.tahun, levels,
                    tuple(result.missing)))
    return out


def _restore(item: tuple[object, ...], models: dict[object, Model]) -> Outcome:
    """Parent side: rebuild a worker's result (the model is the parent's own copy)."""
    if item[0] == "error":
        return SpbeError(list(item[1]), ExitCode(int(item[2])))  # type: ignore[call-overload,arg-type]
    _, path, source, declared, instansi, tahun, levels, missing = item
    model = models.get(source)
    if model is None:
        model = models[source] = load_model(source)  # type: ignore[arg-type]
    answers = Answers(path, declared, instansi, tahun, {}, None)  # type: ignore[arg-type]
    low, high = score_bounds(model, levels, missing)  # type: ignore[arg-type]
    return ScoredFile(path, answers, model, low, missing, high)


def score_many(paths: list[str], model_ref: str | None = None, partial: bool = False,
               jobs: int | None = None) -> list[Outcome]:
    """Score every file, in order: each result is a :class:`ScoredFile` or the file's error."""
    jobs = jobs or jobs_wanted()
    if jobs < 2 or len(paths) < PARALLEL_MIN:
        return [_one(p, model_ref, partial) for p in paths]
    import multiprocessing  # only for large batches: its import alone costs a few ms

    if "fork" not in multiprocessing.get_all_start_methods():
        return [_one(p, model_ref, partial) for p in paths]
    # Score the first file here: it loads the model(s) once, and the workers inherit them.
    first = _one(paths[0], model_ref, partial)
    rest = paths[1:]
    # This process also rebuilds the workers' results (~1/7 of the work of scoring a file), so it
    # takes a somewhat smaller share of the files than each worker.
    mine_count = int(len(rest) / jobs * 0.85)
    theirs_all = rest[mine_count:]
    size = -(-len(theirs_all) // (jobs - 1))
    chunks = [theirs_all[i:i + size] for i in range(0, len(theirs_all), size)]
    context = multiprocessing.get_context("fork")
    models: dict[object, Model] = {}
    with context.Pool(len(chunks)) as pool:
        pending = [pool.apply_async(_chunk, (chunk, model_ref, partial)) for chunk in chunks]
        mine = [_one(p, model_ref, partial) for p in rest[:mine_count]]
        theirs = [_restore(item, models) for job in pending for item in job.get()]
    return [first, *mine, *theirs]


def problems_of(outcomes: list[Outcome]) -> list[Problem]:
    """All problems of the failed files, in file order."""
    return [p for o in outcomes if isinstance(o, SpbeError) for p in o.problems]
