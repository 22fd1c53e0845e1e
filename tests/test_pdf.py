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


# A stand-in browser: it writes its arguments, one a line, beside itself, then prints a PDF of
# one line where --print-to-pdf says, as Chromium would.
FAKE_BROWSER = """#!/bin/sh
printf '%s\\n' "$@" > "$(dirname "$0")/args"
for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "${a#--print-to-pdf=}";; esac; done
"""

OFFLINE = [
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
]


def _program(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text)
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("root", [False, True])
def test_the_browser_is_started_headless_offline_and_in_its_own_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, root: bool
) -> None:
    from spbe_calc import pdf

    bin_ = tmp_path / "bin"
    browser = _program(bin_, "chromium", FAKE_BROWSER)
    # As root, the browser runs without its sandbox, in a network namespace: a stand-in
    # unshare records how it was called and runs the rest.
    _program(bin_, "unshare", '#!/bin/sh\necho "$@" >> "$(dirname "$0")/unshare.log"\nshift\nexec "$@"\n')
    monkeypatch.setenv("PATH", f"{bin_}:{os.environ['PATH']}")
    monkeypatch.delenv("SPBE_CALC_BROWSER", raising=False)
    monkeypatch.setattr(pdf.os, "geteuid", lambda: 0 if root else 1000)
    out = tmp_path / "out"
    out.mkdir()
    assert pdf.print_pdf("<p>Laporan</p>", out) == b"%PDF-1.4 fake"
    args = (bin_ / "args").read_text().splitlines()
    sandbox = ["--no-sandbox"] if root else []
    start = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions"]
    assert args[:-4] == sandbox + start + OFFLINE
    profile, header, target, page = args[-4:]
    work = Path(target.removeprefix("--print-to-pdf=")).parent
    assert work.parent == out and work.name.startswith(".spbe-calc-pdf-") and target.endswith("/report.pdf")
    assert profile == f"--user-data-dir={work / 'profile'}" and header == "--no-pdf-header-footer"
    assert page.startswith(f"file://{out}/.spbe-calc-page.") and page.endswith(".html")
    assert list(out.iterdir()) == []  # the page and the profile are gone
    calls = (bin_ / "unshare.log").read_text().splitlines() if root else []
    assert calls == (["--net true", f"--net {browser} {' '.join(args)}"] if root else [])


def test_a_browser_that_prints_nothing_is_said_with_its_last_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    say = "x" * 300
    for script, reason in [
        (f"#!/bin/sh\necho awal >&2\necho '{say}' >&2\nexit 3\n", say[:200]),
        ("#!/bin/sh\nexit 3\n", "exit 3"),
        ("#!/bin/sh\nfor a; do case $a in --print-to-pdf=*) echo bukan > ${a#*=};; esac; done\n", "exit 0"),
    ]:
        browser = _program(tmp_path / "bin", "browser", script)
        monkeypatch.setenv("SPBE_CALC_BROWSER", str(browser))
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(SpbeError) as caught:
            pdf.print_pdf("<p>Laporan</p>", out)
        (problem,) = caught.value.problems
        assert (problem.path, problem.code, problem.args) == (str(out), "pdf-failed", {"reason": reason})
        assert list(out.iterdir()) == []
        out.rmdir()


def test_a_browser_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 1)
    monkeypatch.setenv("SPBE_CALC_BROWSER", str(_program(tmp_path / "bin", "browser", "#!/bin/sh\nexec sleep 30\n")))
    with pytest.raises(SpbeError) as caught:
        pdf.print_pdf("<p>Laporan</p>", tmp_path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.args) == (str(tmp_path), "pdf-failed", {"reason": "timeout (1 s)"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]


def test_a_browser_that_cannot_start_is_said_with_the_systems_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    monkeypatch.setenv("SPBE_CALC_BROWSER", str(_program(tmp_path / "bin", "browser", "#!/tidak/ada/sh\n")))
    monkeypatch.setattr(pdf.os, "geteuid", lambda: 1000)  # as root, unshare would start it and say so
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(SpbeError) as caught:
        pdf.print_pdf("<p>Laporan</p>", out)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == (str(out), "pdf-failed") and "No such file" in problem.args["reason"]
    assert list(out.iterdir()) == []


def test_a_folder_that_cannot_hold_the_page_is_said_as_a_write_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    monkeypatch.setenv("SPBE_CALC_BROWSER", str(_program(tmp_path / "bin", "chromium", FAKE_BROWSER)))
    with pytest.raises(SpbeError) as caught:
        pdf.print_pdf("<p>Laporan</p>", tmp_path / "tidak-ada")
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == (str(tmp_path / "tidak-ada"), "write-failed")


@pytest.mark.parametrize(
    ("script", "network"),
    [
        ("#!/bin/sh\necho bising; echo bising >&2\n", True),  # works, and says nothing to the user
        ("#!/bin/sh\necho 'unshare: Operation not permitted' >&2\nexit 1\n", False),
        ("#!/tidak/ada/sh\n", False),  # cannot even start
    ],
)
def test_the_network_namespace_is_used_only_where_the_system_allows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], script: str, network: bool
) -> None:
    from spbe_calc.pdf import _without_network

    unshare = _program(tmp_path / "bin", "unshare", script)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert _without_network(["chromium", "x"]) == (
        [str(unshare), "--net", "chromium", "x"] if network else ["chromium", "x"]
    )
    assert capfd.readouterr() == ("", "")
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    assert _without_network(["chromium"]) == ["chromium"]


def test_the_browser_variable_names_the_browsers_that_are_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc.errors import SpbeError
    from spbe_calc.pdf import find_browser

    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("SPBE_CALC_BROWSER", "tidak-ada")
    for names, installed in [
        ((), "–"),
        (("chromium",), "chromium"),
        (("google-chrome", "chromium"), "chromium, google-chrome"),
    ]:
        for name in names:
            _program(tmp_path / "bin", name, "#!/bin/sh\n")
        with pytest.raises(SpbeError) as caught:
            find_browser()
        (problem,) = caught.value.problems
        assert (problem.path, problem.code) == ("SPBE_CALC_BROWSER", "browser-variable")
        assert problem.args == {"variable": "SPBE_CALC_BROWSER", "value": "tidak-ada", "installed": installed}
    monkeypatch.setenv("SPBE_CALC_BROWSER", " google-chrome ")
    assert find_browser() == str(tmp_path / "bin" / "google-chrome")
    monkeypatch.setenv("SPBE_CALC_BROWSER", "")
    assert find_browser() == str(tmp_path / "bin" / "chromium")  # the first of the list that is there
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    with pytest.raises(SpbeError) as caught:
        find_browser()
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.args) == ("chromium", "no-browser", {"variable": "SPBE_CALC_BROWSER"})


def test_the_page_is_printed_from_the_outputs_folder_or_the_working_one(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Links to local documents resolve from where the PDF goes (or, with no output, from here)."""
    from spbe_calc.render import Options
    from spbe_calc.render.report_pdf import render_pdf
    from spbe_calc.report import report_for

    bin_ = tmp_path / "bin"
    browser = _program(bin_, "chromium", FAKE_BROWSER)
    out = tmp_path / "keluar"
    out.mkdir()
    shutil.copy(EXAMPLES / "logo-contoh.svg", out)
    r = run("report", str(EX22_PATH), "-o", str(out / "laporan.pdf"), env={"SPBE_CALC_BROWSER": str(browser)})
    assert r.exit_code == 0, r.stderr
    assert (bin_ / "args").read_text().splitlines()[-1].startswith(f"file://{out}/.spbe-calc-page.")
    here = tmp_path / "di-sini"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setenv("SPBE_CALC_BROWSER", str(browser))
    report = report_for(str(EX22_PATH))
    assert report.links_from is None and render_pdf(report, Options()) == b"%PDF-1.4 fake"
    assert (bin_ / "args").read_text().splitlines()[-1].startswith(f"file://{here}/.spbe-calc-page.")


def test_a_page_that_cannot_be_written_is_said_as_a_write_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    def full(fd: int, mode: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("SPBE_CALC_BROWSER", str(_program(tmp_path / "bin", "chromium", FAKE_BROWSER)))
    monkeypatch.setattr(pdf.os, "fdopen", full)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(SpbeError) as caught:
        pdf.print_pdf("<p>Laporan</p>", out)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == (str(out), "write-failed") and "No space left" in problem.args["reason"]
    assert list(out.iterdir()) == []


def test_the_page_is_written_in_utf8_and_the_browsers_words_read_whatever_their_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    script = '#!/bin/sh\nfor a; do case $a in file://*) cp "${a#file://}" "$(dirname "$0")/page";; esac; done\nprintf \'gagal \\377\' >&2\nexit 1\n'
    browser = _program(tmp_path / "bin", "browser", script)
    monkeypatch.setenv("SPBE_CALC_BROWSER", str(browser))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(SpbeError) as caught:
        pdf.print_pdf("<p>Sekretariat Daerah — Bagian Organisasi</p>", out)
    assert caught.value.problems[0].args == {"reason": "gagal \ufffd"}
    assert (tmp_path / "bin" / "page").read_bytes() == "<p>Sekretariat Daerah — Bagian Organisasi</p>".encode()


def test_a_browser_that_removes_what_it_was_given_leaves_no_error_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf
    from spbe_calc.errors import SpbeError

    # It prints, then removes the page it read: the PDF still comes back.
    removes_page = FAKE_BROWSER + 'for a; do case $a in file://*) rm "${a#file://}";; esac; done\n'
    monkeypatch.setenv("SPBE_CALC_BROWSER", str(_program(tmp_path / "bin", "chromium", removes_page)))
    out = tmp_path / "out"
    out.mkdir()
    assert pdf.print_pdf("<p>Laporan</p>", out) == b"%PDF-1.4 fake"
    # It removes its whole working folder (the PDF with it): said as no PDF, not as a crash.
    removes_work = '#!/bin/sh\nfor a; do case $a in --user-data-dir=*) rm -r "$(dirname "${a#*=}")";; esac; done\n'
    monkeypatch.setenv("SPBE_CALC_BROWSER", str(_program(tmp_path / "bin", "chromium2", removes_work)))
    with pytest.raises(SpbeError) as caught:
        pdf.print_pdf("<p>Laporan</p>", out)
    assert caught.value.problems[0].code == "pdf-failed"
    assert list(out.iterdir()) == []


def test_a_probe_of_the_network_namespace_that_hangs_is_given_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_calc import pdf

    _program(tmp_path / "bin", "unshare", "#!/bin/sh\nexec sleep 30\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + ":/usr/bin:/bin")
    monkeypatch.setattr(pdf, "PROBE_SECONDS", 1)
    assert pdf._without_network(["chromium"]) == ["chromium"]
