"""Tests of spbe_calc/render/report_html.py: a self-contained page, user text escaped, the radar chart drawn (checked in headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import DATA, EXAMPLES, ROOT, Run
from .helpers import EX21, EX22, chromium
from .pngread import count_color


def test_html_report_is_self_contained(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.html"
    r = run("report", EX22, "--compare", EX21, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and 'class="radar"' in html and 'class="previous"' in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "no external resources"
    assert "<script" not in html
    # content: index, predikat, every indicator, an explanation, the plan to the next predikat
    assert ">2,38<" in html and "Cukup" in html and "+0,72" in html
    for n in (1, 18, 47):
        assert f"<td class='num no'>{n}</td>" in html
    assert "Perbup Nomor 12 Tahun 2021" in html
    assert "Rencana menuju predikat Baik" in html


def test_html_report_escapes_user_text(run: Run, tmp_path: Path) -> None:
    text = (
        (EXAMPLES / "kabupaten-contoh-2022.yaml")
        .read_text(encoding="utf-8")
        .replace("Pemerintah Kabupaten Contoh", "<script>alert(1)</script> & Co")
    )
    src = tmp_path / "a.yaml"
    src.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLES / "logo-contoh.svg", tmp_path)  # the cover's logo, named in the file
    out = tmp_path / "r.html"
    assert run("report", str(src), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_radar_is_drawn_in_chromium(run: Run, tmp_path: Path) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium not installed (apt-get install chromium)")
    out = tmp_path / "laporan.html"
    assert run("report", EX22, "--compare", EX21, "-o", str(out)).exit_code == 0
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=1100,4000",
            f"--screenshot={shot}",
            out.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    # The radar's outline is drawn in the current-year blue (#2e86c1), which nothing else on the
    # page uses.
    assert count_color(data, (0x2E, 0x86, 0xC1)) > 400
    # and the bars are drawn in the predikat colours (Cukup: #d68910)
    assert count_color(data, (0xD6, 0x89, 0x10)) > 1000


@pytest.mark.parametrize(("aspects", "drawn"), [(1, False), (2, False), (3, True)])
def test_radar_needs_three_aspects(run: Run, tmp_path: Path, aspects: int, drawn: bool) -> None:
    # One or two axes draw a line, not an area: the table of bars says it better, so the radar is left out.
    model = (DATA / "sepertiga" / "model.yaml").read_text(encoding="utf-8")
    head = model[: model.index("aspects:")].replace("total_weight: 3", f"total_weight: {aspects}")
    body = "".join(
        f"  - id: {a}\n    name: Aspek {a}\n    weight: 1\n    indicators:\n      - {{id: {a}, name: Satu {a}, weight: 1}}\n"
        for a in range(1, aspects + 1)
    )
    (tmp_path / "model.yaml").write_text(head + "aspects:\n" + body, encoding="utf-8")
    levels = "".join(f"  {a}: {a}\n" for a in range(1, aspects + 1))
    (tmp_path / "a.yaml").write_text(f"model: model.yaml\nlevels:\n{levels}", encoding="utf-8")
    out = tmp_path / "r.html"
    r = run("report", str(tmp_path / "a.yaml"), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert ('class="radar"' in html) is drawn
    assert html.count("Aspek ") >= aspects  # every aspect is still in the table
    assert '<div class="charts"></div>' not in html


def test_a_report_to_standard_output_links_documents_from_the_working_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_calc.render import Options
    from spbe_calc.render.report_html import render_html
    from spbe_calc.report import report_for

    monkeypatch.chdir(ROOT)
    report = report_for("tests/data/sepertiga/bukti.yaml")
    assert report.links_from is None
    html = render_html(report, Options())
    assert 'href="tests/data/sepertiga/laporan%E2%80%932025.pdf"' in html


def test_a_domain_without_a_spread_among_the_peers_is_drawn_without_one() -> None:
    # The shipped table has every domain in every group; the profile still draws a domain without.
    from spbe_calc.render import Options
    from spbe_calc.render.report_html import render_html
    from spbe_calc.report import report_for

    report = report_for(EX22)
    assert report.position is not None and report.position.assessed is not None
    kind = report.position.assessed.kind
    assert kind is not None and report.position.assessed.group is None  # placed among its kind
    lost = kind._replace(domains={n: s for n, s in kind.domains.items() if n != 3})
    report = report._replace(position=report.position._replace(assessed=report.position.assessed._replace(kind=lost)))
    profile = render_html(report, Options()).split('class="profile"')[1].split("</svg>")[0]
    assert profile.count('class="peers"') == 3  # the grey band of the peers' middle half: D1, D2, D4
    from spbe_calc.render.report_md import render_md

    (medians,) = [line for line in render_md(report, Options()).splitlines() if line.startswith("| Median ")]
    assert medians.split(" | ")[3] == "–" and medians.count("–") == 1
