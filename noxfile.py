"""Test sessions beyond the main test run, called by ``.ci/run`` (see CONTRIBUTING.md).

- ``typer``: the framework seam (``tests/test_cli_framework.py``) against every supported typer
  minor version, since what the seam uses is beyond typer's public API;
- ``tests``: the whole suite on the lowest and the highest supported Python.

Run one with ``.venv/bin/nox -s typer`` (``nox -l`` lists them).
"""

from __future__ import annotations

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
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_cli_framework.py")


@nox.session(python=["3.10", "3.13"])
def tests(session: nox.Session) -> None:
    """The whole suite on the lowest and the highest supported Python."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider")
