"""Reports: self-contained HTML with a radar chart (checked in headless Chromium) and Markdown."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from spbe_calc.core import Basis, score_file
from spbe_calc.errors import SpbeError
from spbe_calc.report import ReportRequest, next_band, report_for

from .conftest import DATA, Run
from .helpers import DPS, EX21, EX22, EXAMPLES_DIR, T22, T23, _answers, _secret


def test_report_needs_known_suffix(run: Run, tmp_path: Path) -> None:
    r = run("report", EX22, "-o", str(tmp_path / "r.docx"))
    assert r.exit_code == 2 and ".html" in r.stderr
    assert "--format" in r.stderr  # the other way out


def test_report_format_option_overrides_the_suffix(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.txt"
    assert run("report", EX22, "-o", str(out), "-f", "markdown").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Laporan Penilaian Mandiri SPBE")
    html = tmp_path / "laporan.md"
    assert run("report", EX22, "-o", str(html), "--format", "html").exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = run("report", EX22, "-o", str(out), "-f", "docx")
    assert r.exit_code == 2 and "html, markdown, pdf" in r.stderr


def test_a_logo_over_its_own_limit_is_refused(run: Run, tmp_path: Path) -> None:
    """The logo's limit (2 MB) is its own, below the 10 MB of a YAML file."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * (3 * 1024 * 1024))
    out = tmp_path / "r.html"
    r = run("report", str(EXAMPLES_DIR / "kabupaten-contoh-2022.yaml"), "-o", str(out), "--logo", str(logo))
    assert r.exit_code == 2 and "terlalu besar" in r.stderr and not out.exists()


def test_the_report_legend_speaks_of_last_year_only_with_compare(run: Run, tmp_path: Path) -> None:
    alone, compared = tmp_path / "a.html", tmp_path / "b.html"
    assert run("report", EX22, "-o", str(alone)).exit_code == 0
    assert run("report", EX22, "--compare", EX21, "-o", str(compared)).exit_code == 0
    assert "putus-putus" not in alone.read_text(encoding="utf-8")
    assert "Garis putus-putus = 2021." in compared.read_text(encoding="utf-8")


def test_a_report_marks_outside_evidence_and_refuses_an_outside_logo(run: Run, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    path = _answers(folder, extra=json.dumps([str(secret)]))
    r = run("report", str(path), "-o", str(folder / "r.html"))
    assert r.exit_code == 0 and "di luar folder berkas jawaban" in (folder / "r.html").read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace('logo: "logo-contoh.svg"', f"logo: {json.dumps(str(secret))}")
    path.write_text(text, encoding="utf-8")
    r = run("report", str(path), "-o", str(folder / "r2.html"))
    assert r.exit_code == 2 and "laporan.logo" in r.stderr and "rahasia" not in r.stderr
    assert not (folder / "r2.html").exists()


def test_a_missing_logo_is_named_as_the_logo_with_its_line(run: Run, tmp_path: Path) -> None:
    path = _answers(tmp_path)
    (tmp_path / "logo-contoh.svg").unlink()
    r = run("report", str(path), "-o", str(tmp_path / "r.html"))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "logo:" in text)
    assert r.exit_code == 2 and f"jawaban.yaml:{line}:" in r.stderr and "laporan.logo" in r.stderr


def _refusal(path: Path, request: ReportRequest) -> list[tuple[str, int, int, str, dict[str, object]]]:
    with pytest.raises(SpbeError) as caught:
        report_for(str(path), request)
    return [(p.path, p.line, p.col, p.code, p.args) for p in caught.value.problems]


def test_a_report_refuses_an_earlier_file_it_cannot_place_and_says_where(tmp_path: Path) -> None:
    """Each refusal whole: the file, the line and column of the value at fault, the code, the values."""
    path = _answers(tmp_path)
    text = path.read_text(encoding="utf-8")
    earlier = tmp_path / "2021.yaml"
    earlier.write_text(Path(EX21).read_text(encoding="utf-8"), encoding="utf-8")
    request = ReportRequest(previous=str(earlier))
    no_year = tmp_path / "tanpa-tahun.yaml"
    no_year.write_text(text.replace("tahun: 2022\n", ""), encoding="utf-8")
    assert _refusal(no_year, request) == [(str(no_year), 0, 0, "compare-no-year", {})]
    assert _refusal(path, ReportRequest(previous=str(no_year))) == [(str(no_year), 0, 0, "compare-no-year", {})]
    same = tmp_path / "sama.yaml"
    same.write_text(text, encoding="utf-8")
    refused = _refusal(path, ReportRequest(previous=str(same)))
    assert refused == [(str(same), 6, 8, "compare-not-earlier", {"year": 2022, "current": 2022})]
    other = tmp_path / "lain.yaml"
    other.write_text(Path(EX21).read_text(encoding="utf-8").replace("Kabupaten Contoh", "Kota Lain"), encoding="utf-8")
    refused = _refusal(path, ReportRequest(previous=str(other)))
    args = {"previous": "Pemerintah Kota Lain", "current": "Pemerintah Kabupaten Contoh"}
    assert refused == [(str(other), 4, 11, "compare-other-instansi", args)]
    assert report_for(str(path), ReportRequest(previous=str(other), other_instansi=True)).other_instansi


def test_a_logo_the_file_names_is_refused_where_the_file_names_it(tmp_path: Path) -> None:
    """Outside the answers' folder, or missing: the problem points at ``laporan.logo``'s value."""
    folder = tmp_path / "unit"
    folder.mkdir()
    path = _answers(folder)
    secret = _secret(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('logo: "logo-contoh.svg"', f"logo: {json.dumps(str(secret))}"), encoding="utf-8")
    assert _refusal(path, ReportRequest(published=False)) == [(str(path), 81, 9, "logo-outside", {"file": str(secret)})]
    path.write_text(text, encoding="utf-8")
    (folder / "logo-contoh.svg").unlink()
    assert _refusal(path, ReportRequest(published=False)) == [
        (str(path), 81, 9, "logo-missing", {"file": "logo-contoh.svg"})
    ]


def test_the_next_predikat_is_the_one_just_above_and_none_at_the_top() -> None:
    scored = score_file(EX22)
    ordered = scored.model.bands_ascending()
    at = [next_band(scored._replace(score=scored.score._replace(band=band))) for band in ordered]
    assert at == [*ordered[1:], None]


def test_a_report_at_the_top_predikat_has_no_plan_and_keeps_the_day_it_was_given(tmp_path: Path) -> None:
    """Nothing above Memuaskan to aim at without --target; the day of making is the one given."""
    path = tmp_path / "puncak.yaml"
    text = Path(EX22).read_text(encoding="utf-8")
    levels = text[text.index("levels:") :]
    top = "\n".join(f"  {n}: 5" for n in range(1, 48))
    path.write_text(text.replace(levels, "levels:\n" + top + "\n"), encoding="utf-8")
    day = datetime.date(2026, 1, 2)
    report = report_for(str(path), ReportRequest(published=False), today=day)
    assert report.current.score.band.name == "Memuaskan" and report.plan is None and report.generated == day


def test_an_earlier_file_without_an_instansi_is_refused_as_such(tmp_path: Path) -> None:
    path = _answers(tmp_path)
    earlier = tmp_path / "tanpa-nama.yaml"
    earlier.write_text(
        "\n".join(
            line for line in Path(EX21).read_text(encoding="utf-8").splitlines() if not line.startswith("instansi:")
        ),
        encoding="utf-8",
    )
    refused = _refusal(path, ReportRequest(previous=str(earlier)))
    assert refused == [(str(earlier), 0, 0, "compare-no-instansi", {})]


def test_a_report_scores_with_the_model_and_stage_asked_for_both_years(tmp_path: Path) -> None:
    """--model for a file that names none, --partial and --stage for the earlier file too."""
    no_model = tmp_path / "denpasar.yaml"
    text = Path(DPS).read_text(encoding="utf-8")
    no_model.write_text(text.replace("model: spbe-2018\n", ""), encoding="utf-8")
    assert report_for(str(no_model), ReportRequest(published=False), model_ref="spbe-2018").current.model.id == (
        "spbe-2018"
    )
    akhir = Basis(stage="akhir")
    report = report_for(T23, ReportRequest(previous=T22, published=False), basis=akhir)
    assert report.previous is not None and report.previous.stage == "akhir"
    assert report.previous.score.value == score_file(T22, None, False, akhir).score.value
    partial = tmp_path / "2022-sebagian.yaml"
    partial.write_text(
        "\n".join(line for line in Path(EX21).read_text(encoding="utf-8").splitlines() if not line.startswith("  47:")),
        encoding="utf-8",
    )
    report = report_for(EX22, ReportRequest(previous=str(partial), published=False), partial=True)
    assert report.previous is not None and report.previous.missing == (47,)


def test_a_report_of_a_published_result_is_refused_at_its_hasil() -> None:
    published = DATA / "terbit-bagian.yaml"
    refused = _refusal(published, ReportRequest())
    assert [(p, line, code) for p, line, _, code, _ in refused] == [(str(published), 6, "published-only")]


def test_without_an_earlier_file_the_latest_published_year_before_is_taken(tmp_path: Path) -> None:
    """Kota Denpasar's results of 2023 and 2024 are published: a 2025 file is compared with 2024's,
    a 2024 file with 2023's, a 2023 file with none."""
    text = Path(EX22).read_text(encoding="utf-8").replace("Pemerintah Kabupaten Contoh", "Pemerintah Kota Denpasar")
    text = text.replace('  logo: "logo-contoh.svg"\n', "")
    years = {}
    for year in (2025, 2024, 2023):
        path = tmp_path / f"{year}.yaml"
        path.write_text(text.replace("tahun: 2022", f"tahun: {year}"), encoding="utf-8")
        before = report_for(str(path)).previous
        years[year] = None if before is None else before.answers.tahun
    assert years == {2025: 2024, 2024: 2023, 2023: None}


def test_a_file_without_an_instansi_is_named_when_it_is_this_one() -> None:
    from spbe_calc.report import check_previous

    current = score_file(str(DATA / "sepertiga" / "kalibrasi.yaml"))  # 2026, no instansi
    earlier = score_file(str(DATA / "sepertiga" / "tahun-2021.yaml"))
    with pytest.raises(SpbeError) as caught:
        check_previous(current, earlier, False)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.args) == (current.path, "compare-no-instansi", {})
    assert check_previous(current, earlier, True) is True  # allowed, and said


@pytest.mark.parametrize(
    ("content", "code", "args"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "logo-broken", {"format": "image/png"}),
        (b"x" * (2 * 1024 * 1024 + 1), "too-large", None),
    ],
)
def test_a_logo_that_cannot_be_used_is_named_with_its_reason(
    tmp_path: Path, content: bytes, code: str, args: dict[str, str] | None
) -> None:
    from spbe_calc.report import read_logo

    logo = tmp_path / "logo.png"
    logo.write_bytes(content)
    with pytest.raises(SpbeError) as caught:
        read_logo(str(logo))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == (str(logo), code)
    if args is not None:
        assert problem.args == args


def test_a_report_refuses_a_file_not_fully_answered_unless_partial() -> None:
    incomplete = str(DATA / "sepertiga" / "sebagian-2025.yaml")
    with pytest.raises(SpbeError) as caught:
        report_for(incomplete)
    assert caught.value.problems[0].code == "missing-indicators"
    assert report_for(incomplete, partial=True).current.missing == (3,)


def test_a_file_of_a_published_year_is_compared_with_the_year_before(tmp_path: Path) -> None:
    text = (DATA / "denpasar-tanpa-tahun.yaml").read_text(encoding="utf-8")
    file = tmp_path / "denpasar-2024.yaml"
    file.write_text(text.replace("levels:", "tahun: 2024\nlevels:", 1), encoding="utf-8")
    report = report_for(str(file))
    assert report.previous is not None and report.previous.answers.tahun == 2023


def test_a_report_with_allow_outside_reads_documents_outside_the_folder() -> None:
    bukti = str(DATA / "sepertiga" / "bukti.yaml")
    outside = [i for i in report_for(bukti).evidence.items if i.label == "../model-thirds.yaml"]
    assert [i.status for i in outside] == ["outside"]
    allowed = report_for(bukti, ReportRequest(allow_outside=True)).evidence.items
    assert [i.status for i in allowed if i.label == "../model-thirds.yaml"] != ["outside"]
