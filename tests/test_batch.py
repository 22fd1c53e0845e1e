"""Large batches are scored on several cores with exactly the results of one process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from spbe_calc.batch import PARALLEL_MIN, score_many
from spbe_calc.errors import SpbeError
from spbe_calc.render.score_json import to_dict

from .conftest import EXAMPLES, Run, answers_text


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


def test_cli_batch_same_with_any_job_count(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    _folder(write, tmp_path)
    folder = str(tmp_path / "b")
    outputs = []
    for jobs in ("1", "2"):
        r = run("score", "-f", "jsonl", "--partial", folder, env={"SPBE_CALC_JOBS": jobs})
        assert r.exit_code == 2  # the two bad files
        outputs.append((r.stdout, r.stderr))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0].splitlines()) == PARALLEL_MIN + 11 - 2
    assert json.loads(outputs[0][0].splitlines()[0])["instansi"] == "Kab 0"
