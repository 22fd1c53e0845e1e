"""Printing the HTML report to PDF with a headless Chromium (or Chrome, or Edge).

Why Chromium: it is packaged on every Debian and Ubuntu desktop (``apt install chromium``, or
the ``chromium-browser`` snap on Ubuntu), it prints exactly what the user sees in the browser,
and it honours the page's print rules (A4, margins, page numbers in the margin boxes, repeated
table headers). WeasyPrint would be a second layout engine with its own Pango and Cairo
system libraries to install, whose output can differ from the page on screen.

The page is written next to the output (not in ``/tmp``): the Ubuntu snap of Chromium cannot
read the system's ``/tmp``, and links to local evidence stay relative to the report's folder.
A throw-away browser profile keeps a running desktop browser out of the way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from spbe_calc.errors import fail, os_failure

#: Set to the browser's program (a name on ``PATH`` or a path) to choose it.
ENV_VAR = "SPBE_CALC_BROWSER"
#: Programs tried in order when the variable is not set.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "msedge")
#: A report prints in a second or two; a browser that hangs is stopped.
TIMEOUT_SECONDS = 120


def find_browser() -> str:
    """The browser that prints, or an error that says what to install."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    for name in [chosen] if chosen else BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise fail(chosen or "chromium", "no-browser", variable=ENV_VAR)


def print_pdf(html: str, output: Path) -> None:
    """Print ``html`` to ``output`` as PDF; the file appears whole or not at all."""
    browser = find_browser()
    folder = output.resolve().parent
    try:
        work = Path(tempfile.mkdtemp(prefix=".spbe-calc-pdf-", dir=folder))
    except OSError as exc:
        raise os_failure(str(output), "write-failed", exc) from None
    page = folder / f".{output.name}.{os.getpid()}.html"
    pdf = work / "report.pdf"
    try:
        try:
            page.write_text(html, encoding="utf-8")
        except OSError as exc:
            raise os_failure(str(output), "write-failed", exc) from None
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            f"--user-data-dir={work / 'profile'}",
            "--no-pdf-header-footer",  # the page's own margin boxes carry the page numbers
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise fail(str(output), "pdf-failed", reason=f"timeout ({TIMEOUT_SECONDS} s)") from None
        except OSError as exc:
            raise os_failure(str(output), "pdf-failed", exc) from None
        if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise fail(str(output), "pdf-failed", reason=(lines[-1] if lines else f"exit {done.returncode}")[:200])
        try:
            os.replace(pdf, output)  # same folder, so the new file replaces the old one in one step
        except OSError as exc:
            raise os_failure(str(output), "write-failed", exc) from None
    finally:
        page.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
