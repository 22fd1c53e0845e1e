"""The report leadership signs: cover, summary, grouped indicators, signatures, print and PDF, safe --compare."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

from spbe_calc.answers.read import Signer
from spbe_calc.errors import SpbeError
from spbe_calc.report import parse_signer

from .conftest import EXAMPLES, Run
from .helpers import EX21, EX22, chromium

DENPASAR = str(EXAMPLES / "kota-denpasar-2018.yaml")
COSTS = str(EXAMPLES / "rencana-2023.yaml")


def _html(run: Run, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "laporan.html"
    r = run("report", EX22, "-o", str(out), *args)
    assert r.exit_code == 0, r.stderr
    return out.read_text(encoding="utf-8")


def test_the_summary_is_written_from_the_numbers(run: Run, tmp_path: Path) -> None:
    html = _html(run, tmp_path, "--compare", EX21)
    assert "Indeks SPBE Pemerintah Kabupaten Contoh tahun 2022 adalah 2,38 dengan predikat Cukup" in html
    assert "Dibanding tahun 2021 (1,66, Kurang), indeks naik 0,72. Predikat naik dari Kurang menjadi Cukup." in html
    # A7 is at 3,00 and A6 at 1,00 in the example (see `score --detail`)
    assert "Aspek terkuat adalah Layanan Administrasi Pemerintahan Berbasis Elektronik (3,00)" in html
    assert "aspek terlemah adalah Pelaksanaan Audit TIK (1,00)" in html
    assert "Untuk mencapai predikat Baik diperlukan sedikitnya 8 kenaikan tingkat" in html


def test_the_plan_follows_target_and_costs(run: Run, tmp_path: Path) -> None:
    html = _html(run, tmp_path, "--target", "2.75", "--costs", COSTS)
    assert "Rencana menuju indeks 2,75" in html
    assert "dengan biaya terendah (" in html and "Biaya" in html
    # the same plan as `plan` prints
    planned = run("plan", EX22, "--target", "2.75", "--costs", COSTS).stdout
    assert "biaya terendah" in planned
    reached = _html(run, tmp_path, "--target", "Cukup")
    assert "Target predikat Cukup sudah tercapai." in reached


def test_cover_logo_and_signatures_come_from_the_answers_file(run: Run, tmp_path: Path) -> None:
    html = _html(run, tmp_path)
    logo = base64.b64encode((EXAMPLES / "logo-contoh.svg").read_bytes()).decode()
    assert f'src="data:image/svg+xml;base64,{logo}"' in html  # embedded: the page stays one file
    assert "Kota Contoh, 14 Oktober 2022" in html
    assert "Mengetahui," in html and "Sekretaris Daerah Kabupaten Contoh" in html
    assert "Dr. Ir. Hendra Wijaya, M.Si." in html and "NIP. 19700512 199503 1 002" in html


def test_signers_on_the_command_line_replace_the_files(run: Run, tmp_path: Path) -> None:
    html = _html(run, tmp_path, "--signer", "Bupati Contoh|H. Ahmad Fauzi, S.H.|", "--place", "Contoh")
    assert "H. Ahmad Fauzi, S.H." in html and "Hendra Wijaya" not in html
    assert "Contoh, 14 Oktober 2022" in html
    r = run("report", EX22, "-o", str(tmp_path / "x.html"), "--signer", "only a name")
    assert r.exit_code == 2 and "Jabatan|Nama|NIP" in r.stderr


@pytest.mark.parametrize(("option", "value"), [("--place", "Ni\udce9s"), ("--signer", "Bupati|Ni\udce9s")])
def test_a_text_in_bytes_that_are_not_utf8_is_refused_with_its_option(
    option: str, value: str, run: Run, tmp_path: Path
) -> None:
    # A shell in Latin-1 passes "é" as the byte E9; the report could not hold it.
    out = tmp_path / "x.html"
    r = run("report", EX22, "-o", str(out), option, value)
    assert r.exit_code == 2 and not out.exists()
    assert r.stderr.startswith(f"{option}: galat: teks memuat bita yang bukan UTF-8 (\\xe9)\n")


#: A PNG of one white pixel (made with zlib, as any PNG writer does).
PNG_1X1 = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\r\xefF\xb8\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_a_logo_that_is_not_an_image_is_refused(run: Run, tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not an image", encoding="utf-8")
    out = tmp_path / "x.html"
    r = run("report", EX22, "-o", str(out), "--logo", str(fake))
    assert r.exit_code == 2 and "PNG" in r.stderr and not out.exists()
    png = tmp_path / "real.png"
    png.write_bytes(PNG_1X1)
    assert "data:image/png;base64," in _html(run, tmp_path, "--logo", str(png))


def test_a_logo_over_its_own_limit_is_refused_by_its_size(run: Run, tmp_path: Path) -> None:
    # Images have a limit of their own, below the 10 MiB of YAML files.
    from spbe_calc.images import MAX_BYTES

    big = tmp_path / "logo.png"
    big.write_bytes(PNG_1X1 + b"\x00" * (MAX_BYTES + 1 - len(PNG_1X1)))
    out = tmp_path / "x.html"
    r = run("report", EX22, "-o", str(out), "--logo", str(big))
    assert r.exit_code == 2 and not out.exists()
    assert f"berkas terlalu besar ({MAX_BYTES + 1} bita; batasnya {MAX_BYTES} bita)" in r.stderr


def test_indicators_are_grouped_with_the_earlier_level(run: Run, tmp_path: Path) -> None:
    html = _html(run, tmp_path, "--compare", EX21)
    d1 = html.index("Domain 1: Kebijakan Internal SPBE")
    a1 = html.index("Aspek 1: Kebijakan Internal Tata Kelola SPBE")
    first = html.index("<td class='num no'>1</td>", a1)  # (the plan's first step is numbered 1 too)
    assert d1 < a1 < first < html.index("Domain 2: Tata Kelola SPBE")
    assert "Tingkat 2021" in html and "Perubahan" in html
    # indicator 1: level 3 now, 2 in 2021; weight 1,30% × 3 / 100 = 0,039, shown with 2 decimals
    row = html[first : html.index("</tr>", first)]
    assert ">2</td>" in row and ">+1</td>" in row and ">0,04</td>" in row


def test_the_page_is_set_up_for_a4_and_phones(run: Run, tmp_path: Path) -> None:
    html = _html(run, tmp_path)
    assert "@page{size:A4;margin:" in html and "counter(page)" in html and "counter(pages)" in html
    assert "thead{display:table-header-group}" in html  # headers repeat on every page
    assert "tr,.charts,svg,.signer,.signing,.hero{break-inside:avoid}" in html
    assert "@media (max-width:640px)" in html and "table.cards" in html


def test_hostile_names_cannot_leave_the_style_element(run: Run, tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    text = (
        Path(EX22)
        .read_text(encoding="utf-8")
        .replace("instansi: Pemerintah Kabupaten Contoh", 'instansi: "X\\"}</style><script>alert(1)</script>"')
    )
    text = text.replace('logo: "logo-contoh.svg"', "")
    path = write("a.yaml", text)
    out = tmp_path / "r.html"
    assert run("report", str(path), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and html.count("</style>") == 1


def test_compare_refuses_another_instansi_unless_allowed(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    r = run("report", EX22, "--compare", DENPASAR, "-o", str(out))
    assert r.exit_code == 2 and not out.exists()
    assert "kota-denpasar-2018.yaml:5:11" in r.stderr and "Pemerintah Kota Denpasar" in r.stderr
    assert "--allow-other-instansi" in r.stderr
    html = _html(run, tmp_path, "--compare", DENPASAR, "--allow-other-instansi")
    assert "Pembanding dari instansi lain: Pemerintah Kota Denpasar" in html
    assert "pembanding adalah Pemerintah Kota Denpasar, bukan instansi ini" in html
    # another model: both indices named after their models
    assert "Indeks SPBE (spbe-2018)" in html and "Indeks SPBE (spbe-2020)" in html


def test_compare_refuses_a_later_year_or_a_file_without_one(run: Run, tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    r = run("report", EX21, "--compare", EX22, "-o", str(tmp_path / "x.html"))
    assert r.exit_code == 2 and "tidak lebih awal dari 2021" in r.stderr
    same = run("report", EX22, "--compare", EX22, "-o", str(tmp_path / "x.html"))
    assert same.exit_code == 2
    undated = write("u.yaml", Path(EX21).read_text(encoding="utf-8").replace("tahun: 2021", ""))
    r = run("report", EX22, "--compare", str(undated), "-o", str(tmp_path / "x.html"))
    assert r.exit_code == 2 and "tahun" in r.stderr


def test_compare_with_an_earlier_model_of_the_same_instansi(run: Run, tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    earlier = write(
        "kc-2019.yaml",
        "model: spbe-2018\ninstansi: Pemerintah Kabupaten Contoh\ntahun: 2019\nhasil: {indeks: 2.10, predikat: Cukup}\n",
    )
    html = _html(run, tmp_path, "--compare", str(earlier))
    assert "Sebelumnya (2019): 2,10 Cukup · Indeks SPBE (spbe-2018)" in html
    assert "Indeks SPBE (spbe-2020)" in html and "dinilai dengan model lain" in html


def test_pdf_without_a_browser_says_what_to_install(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    r = run("report", EX22, "-o", str(out), env={"PATH": str(tmp_path / "kosong")})  # no browser anywhere
    assert r.exit_code == 2 and "apt install chromium" in r.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing left behind


def test_a_browser_variable_that_names_nothing_says_so(run: Run, tmp_path: Path) -> None:
    """The fix is the variable, not installing Chromium (which may well be installed)."""
    out = tmp_path / "laporan.pdf"
    r = run("report", EX22, "-o", str(out), env={"SPBE_CALC_BROWSER": "/tidak/ada/chromium"})
    assert r.exit_code == 2 and "SPBE_CALC_BROWSER=/tidak/ada/chromium tidak menunjuk program" in r.stderr
    assert "unset SPBE_CALC_BROWSER" in r.stderr and "apt install" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_pdf_is_a4_and_holds_the_index(run: Run, tmp_path: Path) -> None:
    """The browser test: printed by headless Chromium, then read back with pypdf."""
    from pypdf import PdfReader

    if chromium() is None:  # required in CI (SPBE_REQUIRE_BROWSER), as for the radar test
        pytest.skip("Chromium not installed (apt-get install chromium)")
    out = tmp_path / "laporan.pdf"
    r = run("report", EX22, "--compare", EX21, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    pdf = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(pdf.pages) >= 3
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "2,38" in text and "Cukup" in text
    assert f"Halaman 2 dari {len(pdf.pages)}" in text  # page numbers from the page's own print rules
    assert "Sri Rahayu" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.pdf"]  # temporary files removed


@pytest.mark.parametrize(
    ("text", "signer"),
    [
        ("Bupati|Nama", Signer(jabatan="Bupati", nama="Nama", nip=None, peran=None)),
        (" Bupati | Nama | 1970 ", Signer(jabatan="Bupati", nama="Nama", nip="1970", peran=None)),
        ("Bupati|Nama||Mengetahui", Signer(jabatan="Bupati", nama="Nama", nip=None, peran="Mengetahui")),
        ("Bupati|Nama|1970|Mengetahui", Signer(jabatan="Bupati", nama="Nama", nip="1970", peran="Mengetahui")),
        ("Bupati|Nama|1970|", Signer(jabatan="Bupati", nama="Nama", nip="1970", peran=None)),
    ],
)
def test_a_signer_is_read_from_its_parts(text: str, signer: Signer) -> None:
    assert parse_signer(text) == signer


@pytest.mark.parametrize("text", ["Bupati", "|Nama", "Bupati|", " | ", "a|b|c|d|e", ""])
def test_a_signer_without_a_post_and_a_name_or_with_too_many_parts_is_refused(text: str) -> None:
    with pytest.raises(SpbeError) as caught:
        parse_signer(text)
    assert [(p.path, p.code, p.args) for p in caught.value.problems] == [("--signer", "bad-signer", {"value": text})]
