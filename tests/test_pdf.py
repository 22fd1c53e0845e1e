"""Tests of spbe_calc/pdf.py."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLES, Run
from .helpers import EX22_PATH


def test_the_pdf_page_is_a_new_file_and_follows_no_planted_link(tmp_path: Path) -> None:
    if shutil.which("chromium") is None and not os.environ.get("SPBE_REQUIRE_BROWSER"):
        pytest.skip("Chromium is not installed")
    from spbe_calc.pdf import print_pdf

    victim = tmp_path / "korban.txt"
    victim.write_text("tetap")
    output = tmp_path / "laporan.pdf"
    for pid in (os.getpid(), os.getpid() + 1):  # the names the page used to have
        (tmp_path / f".laporan.pdf.{pid}.html").symlink_to(victim)
    output.write_bytes(print_pdf("<html><body><p>Laporan</p></body></html>", tmp_path))
    assert victim.read_text() == "tetap" and output.read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.is_symlink()) == ["korban.txt", "laporan.pdf"]


def test_chromium_prints_without_any_network(run: Run, tmp_path: Path) -> None:
    """A wrapper records Chromium's network log: no host is resolved, no connection made."""
    chromium = shutil.which("chromium")
    if chromium is None:
        if os.environ.get("SPBE_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required in CI")
        pytest.skip("Chromium is not installed")
    log = tmp_path / "net.json"
    wrapper = tmp_path / "chromium-log"
    wrapper.write_text(f'#!/bin/sh\nexec "{chromium}" --log-net-log="{log}" --net-log-capture-mode=Everything "$@"\n')
    wrapper.chmod(0o755)
    shutil.copy(EXAMPLES / "logo-contoh.svg", tmp_path)
    r = run("report", str(EX22_PATH), "-o", str(tmp_path / "laporan.pdf"), env={"SPBE_CALC_BROWSER": str(wrapper)})
    assert r.exit_code == 0, r.stderr
    netlog = json.loads(log.read_text())
    names = {value: key for key, value in netlog["constants"]["logEventTypes"].items()}
    events = [(names[e["type"]], e.get("params", {})) for e in netlog["events"]]
    resolved = [p for t, p in events if t == "HOST_RESOLVER_MANAGER_REQUEST" and "host" in p]
    assert all("~notfound" in p["host"] for p in resolved), resolved  # every name maps to nothing
    connected = [
        p for t, p in events if t in ("SOCKET_CONNECT", "TCP_CONNECT") and "net_error" not in p and "address" in p
    ]
    assert all(p["address"].startswith(("127.", "[::1]")) for p in connected), connected
    assert not [p for t, p in events if t == "HTTP_TRANSACTION_READ_RESPONSE_HEADERS"]  # nothing answered
