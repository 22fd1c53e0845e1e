"""Test sessions beyond the main test run, called by ``.ci/run`` (see CONTRIBUTING.md).

- ``typer``: the framework seam (``tests/test_cli_framework.py``) and what stands on it (usage
  errors, completion) against every supported typer minor version, since what the seam uses is beyond typer's public API;
- ``dist``: the whole suite from the unpacked sdist against the built wheel, on the lowest and
  the highest supported Python.

Run one with ``.venv/bin/nox -s typer`` (``nox -l`` lists them).
"""

from __future__ import annotations

import shutil
import tarfile
from collections.abc import Iterable
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

#: The typer minor versions spbe-calc supports (pyproject.toml: typer>=0.26,<0.29).
TYPER = ("0.26", "0.27", "0.28")


@nox.session
@nox.parametrize("typer", TYPER)
def typer(session: nox.Session, typer: str) -> None:
    """The seam to the framework, against one typer minor version."""
    session.install("-e", ".[test]", f"typer=={typer}.*")
    seam = ["tests/test_cli_framework.py", "tests/test_cli_usage.py", "tests/test_cli_completion.py"]
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *seam)


@nox.session(python=["3.10", "3.13"])
def dist(session: nox.Session) -> None:
    """The whole suite from the unpacked sdist, against the built wheel (``dist/``, from ``.ci/run``).

    What users install is tested with the files the sdist ships: the wheel is installed with the
    test extras, the sdist unpacked, and its own copy of the package set aside, so that every
    ``import spbe_calc`` (and every ``python -m spbe_calc`` a test starts) runs the wheel.
    """
    wheel = _one(DIST.glob("spbe_calc-*.whl"))
    sdist = _one(DIST.glob("spbe_calc-*.tar.gz"))
    session.install(f"{wheel}[test]")
    where = Path(session.create_tmp()) / "sdist"
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir()
    with tarfile.open(sdist) as archive:
        archive.extractall(where, filter="data")
    (top,) = where.iterdir()
    shutil.rmtree(top / "spbe_calc")
    session.chdir(top)
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *session.posargs)


#: Where ``.ci/run`` builds the wheel and the sdist.
DIST = Path(__file__).resolve().parent / "dist"


def _one(paths: Iterable[Path]) -> Path:
    """The one file a glob finds (the build wrote one of each)."""
    found = sorted(paths)
    if len(found) != 1:
        raise RuntimeError(f"expected one file, found {[p.name for p in found]}: run python -m build first")
    return found[0].resolve()
