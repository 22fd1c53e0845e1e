"""Shared fixtures: the bundled model, answer-file writers and a CLI runner."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import typer.testing
from hypothesis import HealthCheck, settings

import spbe_calc
from spbe_calc import cli
from spbe_calc.i18n import LANGUAGES, set_language
from spbe_calc.model import Model, load_model

ROOT = Path(__file__).resolve().parent.parent
#: The package being tested: the source folder in a checkout, the installed wheel in CI's
#: run from the unpacked sdist (tests that read its files read the files that are shipped).
PACKAGE = Path(spbe_calc.__file__).resolve().parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"

if os.environ.get("SPBE_TEST_EXAMPLES"):
    # Mutation testing (CONTRIBUTING): property tests without their own settings try as few
    # examples as the others (helpers.examples), and a machine busy with several runs does not
    # fail them for generating slowly.
    settings.register_profile(
        "mutation",
        max_examples=int(os.environ["SPBE_TEST_EXAMPLES"]),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("mutation")


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    """Every test starts in the default language, whatever the previous one set."""
    set_language("id")


@pytest.fixture(scope="session")
def model() -> Model:
    """The bundled PermenPANRB 59/2020 model."""
    # A session fixture is made before the per-test fixture below runs: without this, a mutant
    # of the model's reader would get the model loaded before it was switched on.
    _forget_models_under_mutation()
    return load_model("spbe-2020")


def answers_text(levels: dict[Any, Any], **meta: Any) -> str:
    """Write an answers file body from a mapping of indicator -> level (or raw YAML text)."""
    lines = [f"{k}: {v}" for k, v in meta.items()]
    lines.append("levels:")
    lines += [f"  {k}: {v}" for k, v in levels.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a text file into the test's folder and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


class Run:
    """Invoke the CLI in-process, keeping stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = typer.testing.CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None, color: bool = False) -> Any:
        """``color``: keep the colours a terminal would get (the runner's output is no terminal)."""
        lang = cli.lang_from_argv(list(args))
        set_language(lang if lang in LANGUAGES else "id")
        return self.runner.invoke(
            cli.app, list(args), env=env or {}, catch_exceptions=False, color=color, prog_name="spbe-calc"
        )


@pytest.fixture
def run() -> Run:
    """The CLI runner."""
    return Run()


@pytest.fixture(autouse=True)
def _fresh_models_under_mutation() -> None:
    """Under mutation testing, load models and read scalars afresh in every test."""
    _forget_models_under_mutation()


def _forget_models_under_mutation() -> None:
    """Under mutation testing, forget the models loaded and the plain scalars read.

    Models are loaded once per process and plain scalars' readings are remembered; a mutant of
    that code would otherwise run only in the first test that needs it (mutmut sets
    MUTANT_UNDER_TEST for each mutant).
    """
    if os.environ.get("MUTANT_UNDER_TEST"):
        from spbe_calc import yamlsafe
        from spbe_calc.model import load

        load._loaded.clear()
        load._load_by_reference.cache_clear()
        yamlsafe._PLAIN_CACHE.clear()


class Bounded(NamedTuple):
    """A command run in its own process under limits, and what it used."""

    returncode: int
    stdout: str
    stderr: str
    #: processor time (user + system), seconds
    seconds: float
    #: the most memory it held (resident set), megabytes
    megabytes: float


#: The bounds every command keeps on any input under the read limits (issue 23).
MAX_SECONDS = 10.0
MAX_MEGABYTES = 200.0


#: Runs the command given after the report file's name under the limits, waits for it, and writes
#: its processor seconds and peak memory (KiB) to that file. A process's peak memory counts the
#: memory of the process it was forked from, so the command must start from this small launcher,
#: not from the test run, which may have grown past the bound by the time it runs.
_LAUNCHER = """
import os, resource, subprocess, sys
def limits():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
child = subprocess.Popen(sys.argv[2:], preexec_fn=limits)
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(f"{usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def bounded(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60) -> Bounded:
    """Run ``spbe-calc ARGS`` in a subprocess under ``resource`` limits and measure it.

    The limits are a backstop (2 GB of address space, 30 s of processor time) that keeps a
    runaway command from hurting the machine; the test then asserts the real bounds on what was
    measured: processor time and peak resident memory, read by ``os.wait4`` for the command
    (started by a small launcher, :data:`_LAUNCHER`).
    """
    if "MUTANT_UNDER_TEST" in os.environ:  # set (empty for its clean run) by mutmut
        # mutmut's copy of the package, with its trampolines, is larger and slower: the bounds are
        # measured on the real code (and a subprocess never runs the mutant under test anyway).
        pytest.skip("resource bounds are not measured under mutation testing")

    full = {**os.environ, "SPBE_CALC_LANG": "id", "NO_COLOR": "1", **(env or {})}
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        report = Path(folder) / "usage"
        command = [sys.executable, "-c", _LAUNCHER, str(report), sys.executable, "-m", "spbe_calc", *args]
        proc = subprocess.Popen(command, cwd=cwd, env=full, stdout=out, stderr=err, start_new_session=True)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the launcher and the command it started
            proc.wait()
        seconds, kib = (float(v) for v in report.read_text().split()) if report.exists() else (float(timeout), 0.0)
        out.seek(0)
        err.seek(0)
        return Bounded(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            kib / 1024,
        )
