#!/usr/bin/env python3
"""Benchmarks of spbe-calc against floors measured in the same run (see README, "Performance").

Each comparison alternates the command and its floor, run after run, and compares medians, so
that a busy machine slows both alike. Reported as ratios; nothing here is a pass/fail test
unless ``--check`` is given.

  (a) start-up: ``spbe-calc score examples/kabupaten-contoh-2022.yaml`` and
      ``spbe-calc validate indicators.yaml``, each against the stack they stand on:
      ``python -c "import typer, yaml; yaml.load(open(F), Loader=yaml.CSafeLoader)"`` on the
      same file;
  (b) batch: ``spbe-calc score -f jsonl`` over 1,000 generated answers files in one invocation,
      against importing typer and parsing the same files with CSafeLoader in one process;
  (c) plan: the worst case of the bundled model (every indicator at level 1, target 5.00, a
      cost for every level step), time of the planning work itself;
  (d) assess: in a real pseudo-terminal (pexpect), the time from typing a level to the next
      indicator's prompt, answer saved to disk in between.

Usage: python bench/run.py [--repeat 21] [--batch-repeat 5] [--files 1000] [--check] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spbe_calc.bars import parse_bar
from spbe_calc.model import load_model
from spbe_calc.plan import Limits, make_plan

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"score": 1.5, "validate": 1.5, "batch": 1.5, "plan_seconds": 0.1, "assess_seconds": 0.05}


def cli() -> list[str]:
    """The console script next to this Python, as a user runs it (else ``python -m``)."""
    script = Path(sys.executable).with_name("spbe-calc")
    return [str(script)] if script.exists() else [sys.executable, "-m", "spbe_calc"]


def floor_cmd(path: Path) -> list[str]:
    """The stack a command stands on: the framework and the YAML parser, parsing the file."""
    code = f"import typer, yaml; yaml.load(open({str(path)!r}), Loader=yaml.CSafeLoader)"
    return [sys.executable, "-c", code]


def run_once(cmd: list[str]) -> float:
    """Wall-clock seconds of one run of a command."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    return time.perf_counter() - start


def interleaved(a: list[str], b: list[str], repeat: int) -> tuple[float, float]:
    """Medians of ``a`` and ``b``, run alternately (after one warm-up run of each)."""
    run_once(a)
    run_once(b)
    times_a, times_b = [], []
    for n in range(repeat):
        first, second = (a, b) if n % 2 == 0 else (b, a)
        t1, t2 = run_once(first), run_once(second)
        if first is a:
            times_a.append(t1)
            times_b.append(t2)
        else:
            times_a.append(t2)
            times_b.append(t1)
    return statistics.median(times_a), statistics.median(times_b)


def make_batch(folder: Path, count: int) -> None:
    """Write ``count`` complete answers files with random levels (always the same ones)."""
    rng = random.Random(2024)
    for k in range(count):
        lines = [f"  {i}: {rng.randint(1, 5)}" for i in range(1, 48)]
        (folder / f"kab-{k:04d}.yaml").write_text(
            f'model: spbe-2020\ninstansi: "Kabupaten {k:04d}"\ntahun: 2024\nlevels:\n' + "\n".join(lines) + "\n",
            encoding="utf-8",
        )


def bench_plan(repeat: int) -> float:
    """Median seconds of the worst-case costed plan, in this process (the work, not start-up)."""
    model = load_model("spbe-2020")
    levels = {i.id: 1 for i in model.indicators}
    costs = {
        i.id: {"cost": {2: 1 + i.id % 3, 3: 2 + i.id % 4, 4: 3 + i.id % 5, 5: 5 + i.id % 7}} for i in model.indicators
    }
    limits = Limits(entries=costs)
    bar = parse_bar("5", "--target")
    make_plan(model, levels, bar, limits)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        plan = make_plan(model, levels, bar, limits)
        times.append(time.perf_counter() - start)
    assert plan.reachable and len(plan.steps) == 4 * len(model.indicators)
    return statistics.median(times)


def bench_assess(answers: int) -> float | None:
    """Median seconds from typing a level at the prompt to the next indicator's prompt.

    Runs ``spbe-calc assess`` in a pseudo-terminal as a user would, on a file that already names
    the agency and the year, answering ``answers`` indicators with levels only. ``None`` without
    pexpect (a test dependency, absent from a plain ``pip install .``).
    """
    try:
        import pexpect
    except ImportError:
        return None

    folder = Path(tempfile.mkdtemp(prefix="spbe-bench-assess-"))
    try:
        path = folder / "jawaban.yaml"
        path.write_text('model: spbe-2020\ninstansi: "Kabupaten Bench"\ntahun: 2026\nlevels: {}\n', encoding="utf-8")
        env = {**os.environ, "NO_COLOR": "1", "SPBE_CALC_LANG": "en", "COLUMNS": "100", "LINES": "40"}
        child = pexpect.spawn(
            cli()[0],
            [*cli()[1:], "assess", "--no-explain", str(path)],
            env=env,
            encoding="utf-8",
            timeout=10,
            dimensions=(40, 100),
        )
        child.delaybeforesend = None  # pexpect waits 50 ms before each send by default
        prompt = "Level "
        child.expect(prompt)
        times = []
        for n in range(answers):
            start = time.perf_counter()
            child.sendline(str(1 + n % 5))
            child.expect(f"Indicator {n + 2} ")
            child.expect(prompt)
            times.append(time.perf_counter() - start)
        child.sendline("q")
        child.expect(pexpect.EOF)
        saved = path.read_text(encoding="utf-8")
        assert f"  {answers}: " in saved, "the last answer was not saved"
        return statistics.median(times)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    """Run every measurement, print a table, and (with ``--check``) fail on a missed target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs per start-up measurement")
    parser.add_argument("--batch-repeat", type=int, default=5, help="runs per batch measurement")
    parser.add_argument("--files", type=int, default=1000, help="answers files in the batch")
    parser.add_argument("--answers", type=int, default=20, help="levels typed in the assess measurement")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()

    # Users' installs carry compiled bytecode (pip writes it); make sure ours exists too, or every
    # run would compile the sources again (PYTHONDONTWRITEBYTECODE may be set).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "spbe_calc")], check=True)
    exe = cli()
    answers = ROOT / "examples" / "kabupaten-contoh-2022.yaml"
    model = ROOT / "indicators.yaml"
    results: dict[str, dict[str, float]] = {}

    t_score, t_floor = interleaved(exe + ["score", str(answers)], floor_cmd(answers), args.repeat)
    results["score"] = {"seconds": t_score, "floor": t_floor, "ratio": t_score / t_floor}
    t_val, t_floor = interleaved(exe + ["validate", str(model)], floor_cmd(model), args.repeat)
    results["validate"] = {"seconds": t_val, "floor": t_floor, "ratio": t_val / t_floor}

    folder = Path(tempfile.mkdtemp(prefix="spbe-bench-"))
    try:
        make_batch(folder, args.files)
        floor = [
            sys.executable,
            "-c",
            "import glob, typer, yaml\n"
            f"for f in sorted(glob.glob({str(folder / '*.yaml')!r})):\n"
            "    yaml.load(open(f), Loader=yaml.CSafeLoader)",
        ]
        t_batch, t_floor = interleaved(exe + ["score", "-f", "jsonl", str(folder)], floor, args.batch_repeat)
        results["batch"] = {"seconds": t_batch, "floor": t_floor, "ratio": t_batch / t_floor, "files": args.files}
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    results["plan_seconds"] = {"seconds": bench_plan(args.repeat)}
    assess = bench_assess(args.answers)
    if assess is not None:
        results["assess_seconds"] = {"seconds": assess}

    missed = []
    print(f"{'measure':<10} {'spbe-calc':>10} {'floor':>10} {'ratio':>7} {'target':>8}")
    for name in ("score", "validate", "batch"):
        r = results[name]
        ok = r["ratio"] <= TARGETS[name]
        missed += [] if ok else [name]
        print(
            f"{name:<10} {r['seconds'] * 1000:>8.1f}ms {r['floor'] * 1000:>8.1f}ms {r['ratio']:>6.2f}x "
            f"{'<=' + str(TARGETS[name]) + 'x':>8} {'ok' if ok else 'MISSED'}"
        )
    for name, label in (("plan_seconds", "plan"), ("assess_seconds", "assess")):
        if name not in results:
            print(f"{label:<10} not measured: pexpect is missing (pip install -e '.[test]')")
            continue
        took = results[name]["seconds"]
        ok = took < TARGETS[name]
        missed += [] if ok else [label]
        limit = f"<{TARGETS[name] * 1000:.0f}ms"
        print(f"{label:<10} {took * 1000:>8.1f}ms {'':>10} {'':>7} {limit:>8} {'ok' if ok else 'MISSED'}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {' '.join(exe)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
