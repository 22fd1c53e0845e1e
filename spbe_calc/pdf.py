"""Printing the HTML report to PDF with a headless Chromium (or Chrome, or Edge).

Why Chromium: it is packaged on every Debian and Ubuntu desktop (``apt install chromium``, or
the ``chromium-browser`` snap on Ubuntu), it prints exactly what the user sees in the browser,
and it honours the page's print rules (A4, margins, page numbers in the margin boxes, repeated
table headers). WeasyPrint would be a second layout engine with its own Pango and Cairo
system libraries to install, whose output can differ from the page on screen.

The page is written next to the output (not in ``/tmp``): the Ubuntu snap of Chromium cannot
read the system's ``/tmp``, and links to local evidence stay relative to the report's folder. It
is a new file with a random name (``O_EXCL``: a link planted under a predictable name is never
followed). The PDF's bytes are returned, and written like every other output (a read-only or
hard-linked output is refused). A throw-away browser
profile keeps a running desktop browser out of the way.

The browser prints offline: the page needs nothing from the network, so every way Chromium has
of going online by itself (updates, sync, metrics, safe browsing, DNS prefetch and DNS over
HTTPS) is switched off, every host name resolves to nothing, and every connection goes to a
proxy that does not exist. Its sandbox stays on, except as root, where Chromium refuses to
start with it; there, in its place, the browser runs in a network namespace of its own
(``unshare --net``), which has no network at all, whenever the system allows one.
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
#: How long the test of ``unshare --net`` may take before the system is taken not to allow it.
PROBE_SECONDS = 10


def find_browser() -> str:
    """The browser that prints, or an error that says what to install (or what to fix).

    A program named by :data:`ENV_VAR` that is not there is said as such, with the browsers
    that are installed: the fix is the variable, not an installation.
    """
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        found = shutil.which(chosen)
        if found:
            return found
        installed = [name for name in BROWSERS if shutil.which(name)]
        raise fail(ENV_VAR, "browser-variable", variable=ENV_VAR, value=chosen, installed=", ".join(installed) or "–")
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise fail("chromium", "no-browser", variable=ENV_VAR)


#: Flags that keep the browser offline and quiet (see the module docstring).
OFFLINE_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--metrics-recording-only",
    "--no-pings",
    "--dns-prefetch-disable",
    "--disable-features=DnsOverHttps,AsyncDns,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,"
    "CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)


def _without_network(command: list[str]) -> list[str]:
    """``command`` in a new network namespace (only loopback, and down) when the system allows it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return command
    try:
        probe = subprocess.run([unshare, "--net", "true"], capture_output=True, timeout=PROBE_SECONDS)
    except (OSError, subprocess.TimeoutExpired):
        return command
    return [unshare, "--net", *command] if probe.returncode == 0 else command


def print_pdf(html: str, folder: Path) -> bytes:
    """Print ``html`` to PDF, the page placed in ``folder`` (see the module docstring)."""
    browser = find_browser()
    shown = str(folder)
    folder = folder.resolve()
    try:
        work = Path(tempfile.mkdtemp(prefix=".spbe-calc-pdf-", dir=folder))
        fd, name = tempfile.mkstemp(prefix=".spbe-calc-page.", suffix=".html", dir=folder)
    except OSError as exc:
        raise os_failure(shown, "write-failed", exc) from None
    page = Path(name)
    pdf = work / "report.pdf"
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(html.encode())  # UTF-8, as the page says, whatever the locale
        except OSError as exc:
            raise os_failure(shown, "write-failed", exc) from None
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            *OFFLINE_FLAGS,
            f"--user-data-dir={work / 'profile'}",
            "--no-pdf-header-footer",  # the page's own margin boxes carry the page numbers
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
            command = _without_network(command)
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise fail(shown, "pdf-failed", reason=f"timeout ({TIMEOUT_SECONDS} s)") from None
        except OSError as exc:
            raise os_failure(shown, "pdf-failed", exc) from None
        data = pdf.read_bytes() if pdf.is_file() else b""
        if data[:5] != b"%PDF-":
            lines = done.stderr.decode(errors="replace").strip().splitlines()
            raise fail(shown, "pdf-failed", reason=(lines[-1] if lines else f"exit {done.returncode}")[:200])
        return data
    finally:
        page.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
