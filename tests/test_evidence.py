"""``spbe-calc evidence``: documents that exist, and stay unchanged after they were recorded."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from pathlib import Path

import pytest

from spbe_calc import evidence
from spbe_calc.answers import Evidence, read_answers
from spbe_calc.errors import SpbeError
from spbe_calc.evidence import _Files, check_evidence, record, sha256_of

from .conftest import MAX_MEGABYTES, MAX_SECONDS, Run, bounded
from .helpers import MINI_TEXT, TWO_SCALES, _answers, _secret

ANSWERS = """\
model: spbe-2020
instansi: Kab Uji
tahun: 2024
levels:
  1:
    level: 3
    bukti:
      - docs/perbup.pdf
      - {path: "docs/Notulen rapat.docx", nomor: "5/2019", tanggal: "2019-03-02"}
      - https://jdih.example.go.id/perbup
      - Notulen rapat koordinasi
  2: 4
  3: 1
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "perbup.pdf").write_bytes(b"%PDF Perbup 12/2023")
    (tmp_path / "docs" / "Notulen rapat.docx").write_bytes(b"notulen")
    (tmp_path / "jawaban.yaml").write_text(ANSWERS, encoding="utf-8")
    return tmp_path


def test_lists_and_checks_the_evidence(run: Run, folder: Path) -> None:
    path = str(folder / "jawaban.yaml")
    r = run("evidence", path)
    assert r.exit_code == 0  # warnings only
    assert "Indikator 1 (tingkat 3)" in r.stdout
    assert "· docs/perbup.pdf  (ada; SHA-256 belum dicatat)" in r.stdout
    assert "→ https://jdih.example.go.id/perbup  (alamat web, tidak diperiksa)" in r.stdout
    assert "– Notulen rapat koordinasi  (keterangan, tidak diperiksa)" in r.stdout
    assert f"{path}:12:3: peringatan: indikator 2 di atas tingkat terendah tanpa bukti dukung" in r.stdout
    assert "3: 1" in ANSWERS and "indikator 3" not in r.stdout  # the lowest level needs no evidence
    assert f"{path}:9:9: peringatan: bukti indikator 1 bertanggal 2019-03-02" in r.stdout
    assert run("evidence", path, "--strict").exit_code == 1
    assert "bertanggal" not in run("evidence", path, "--max-age", "5").stdout


def test_a_missing_file_is_an_error(run: Run, folder: Path) -> None:
    (folder / "docs" / "perbup.pdf").unlink()
    path = str(folder / "jawaban.yaml")
    r = run("evidence", path)
    assert r.exit_code == 1 and f"{path}:8:9: galat: bukti indikator 1 tidak ada: docs/perbup.pdf" in r.stdout


def test_record_then_any_change_is_seen(run: Run, folder: Path) -> None:
    path = folder / "jawaban.yaml"
    r = run("evidence", str(path), "--record")
    assert r.exit_code == 0 and "2 SHA-256 dicatat" in r.stdout
    entries = read_answers(path).answers[1].bukti
    assert isinstance(entries[0], Evidence) and entries[0].path == "docs/perbup.pdf" and entries[0].sha256
    assert isinstance(entries[1], Evidence) and entries[1].nomor == "5/2019"  # its details kept
    assert entries[2:] == ("https://jdih.example.go.id/perbup", "Notulen rapat koordinasi")
    assert "✓ docs/perbup.pdf  (sesuai SHA-256)" in run("evidence", str(path)).stdout
    (folder / "docs" / "perbup.pdf").write_bytes(b"%PDF Perbup 12/2023, diubah")
    r = run("evidence", str(path), "-f", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [i["status"] for i in data["items"]] == ["changed", "ok", "url", "text"]
    assert data["problems"][0]["code"] == "evidence-changed" and data["problems"][0]["line"] == 8
    r = run("evidence", str(path), "-f", "github")
    assert r.stdout.startswith(f"::error file={path},line=8,col=9,title=spbe-calc evidence-changed::")


def test_record_keeps_comments_and_takes_the_lock(run: Run, folder: Path) -> None:
    path = folder / "jawaban.yaml"
    path.write_text("# ditandatangani Kepala Dinas\n" + ANSWERS.replace("  2: 4\n", "  2: 4  # menyusul\n"))
    assert run("evidence", str(path), "--record").exit_code == 0
    text = path.read_text()
    assert text.startswith("# ditandatangani Kepala Dinas\n") and "  2: 4  # menyusul" in text


def test_described_documents_are_checked_when_read(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "j.yaml"
    bad.write_text(
        "model: spbe-2020\nlevels:\n  1:\n    level: 3\n    bukti:\n"
        '      - {path: a.pdf, url: "https://x"}\n'
        '      - {path: b.pdf, tanggal: "2023-13-01", sha256: abc}\n'
    )
    r = run("evidence", str(bad))
    assert r.exit_code == 2
    assert f"{bad}:6:9: galat: bukti ini harus menyebut path (berkas) atau url" in r.stderr
    assert "'2023-13-01' bukan tanggal" in r.stderr and "'abc' bukan SHA-256" in r.stderr


def test_the_report_links_documents_and_marks_failed_ones(run: Run, folder: Path) -> None:
    path = folder / "jawaban.yaml"
    text = ANSWERS.replace("      - Notulen rapat koordinasi\n", '      - {url: "javascript:alert(1)"}\n')
    path.write_text(text.replace("      - docs/perbup.pdf\n", "      - docs/perbup.pdf\n      - docs/hilang.pdf\n"))
    (folder / "laporan").mkdir()
    out = folder / "laporan" / "laporan.html"
    assert run("report", str(path), "--partial", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert '<a href="../docs/perbup.pdf">docs/perbup.pdf</a>' in html
    assert '<a href="../docs/Notulen%20rapat.docx">' in html
    assert '<span class="down">✗ <a href="../docs/hilang.pdf">docs/hilang.pdf</a> (tidak ada)</span>' in html
    assert '<a href="https://jdih.example.go.id/perbup">' in html
    assert 'href="javascript' not in html and "javascript:alert(1)" in html  # shown, never linked


@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
def test_evidence_outside_the_folder_is_named_not_read_nor_recorded(run: Run, tmp_path: Path, how: str) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    entry = {"absolute": str(secret), "dotdot": "../rumah/shadow", "link": "sk.pdf"}[how]
    if how == "link":
        (folder / "sk.pdf").symlink_to(secret)
    path = _answers(folder, extra=json.dumps([entry]))
    r = run("evidence", str(path))
    assert r.exit_code == 1 and "di luar folder berkas jawaban" in r.stdout and "--allow-outside" in r.stdout
    before = path.read_text(encoding="utf-8")
    r = run("evidence", str(path), "--record")
    assert r.exit_code == 1 and read_answers(path).answers[2].bukti == (entry,)
    assert "sha256" not in path.read_text(encoding="utf-8").split("\n  3:")[0].split("\n  2:")[1]
    assert path.read_text(encoding="utf-8").count("sha256") == before.count("sha256")
    r = run("evidence", str(path), "--record", "--allow-outside")
    assert r.exit_code == 0 and read_answers(path).answers[2].bukti[0].sha256 is not None  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["fifo", "proc", "device", "huge"])
def test_evidence_reads_only_regular_files_bounded(tmp_path: Path, kind: str) -> None:
    """A pipe, /proc/kmsg, a device or twenty mentions of a 4 GB file: named, never a hang."""
    folder = tmp_path / "unit"
    folder.mkdir()
    if kind == "fifo":
        os.mkfifo(folder / "pipa.pdf")
        entries = ["pipa.pdf"]
    elif kind == "proc":
        entries = ["/proc/kmsg", "/proc/self/environ"]
    elif kind == "device":
        (folder / "nol.pdf").symlink_to("/dev/zero")
        entries = ["nol.pdf", "/dev/urandom"]
    else:
        with open(folder / "besar.pdf", "wb") as fh:
            fh.truncate(4 << 30)  # sparse: 4 GB that takes no disk
        entries = [{"path": "besar.pdf", "sha256": "0" * 64}] * 20
    path = _answers(folder, extra=json.dumps(entries))
    result = bounded("evidence", str(path), "--allow-outside", "--record", timeout=30)
    assert result.returncode == 1, result.stderr
    said = {"fifo": "bukan berkas biasa", "proc": "bukan berkas biasa", "device": "bukan berkas biasa"}
    assert said.get(kind, "terlalu besar untuk diperiksa") in result.stdout
    assert result.seconds < MAX_SECONDS and result.megabytes < MAX_MEGABYTES


def test_an_unreadable_document_is_a_finding_not_a_crash(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spbe_calc.evidence as evidence

    (tmp_path / "sk.pdf").write_bytes(b"%PDF-1.4")
    path = _answers(tmp_path, extra=json.dumps([{"path": "sk.pdf", "sha256": "0" * 64}]))

    def denied(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(evidence, "sha256_of", denied)  # root reads every file; a user would not
    r = run("evidence", str(path))
    assert r.exit_code == 1 and "tidak dapat dibaca" in r.stdout


def test_sha256_reads_in_blocks_and_never_past_the_size_it_was_given(tmp_path: Path) -> None:
    data = bytes(range(256)) * (5 * 4096 + 1)  # a little over 5 MiB: several blocks
    f = tmp_path / "besar.pdf"
    f.write_bytes(data)
    assert sha256_of(f) == hashlib.sha256(data).hexdigest()
    # The size stat gave: a file that grows while it is read is not followed.
    for size in (0, 1, 3, len(data) - 1):
        assert sha256_of(f, size) == hashlib.sha256(data[:size]).hexdigest(), size
    assert sha256_of(f, len(data) + 10) == hashlib.sha256(data).hexdigest()


def test_a_pipe_does_not_hang_the_hash(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.pdf"
    os.mkfifo(fifo)

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("opening the pipe blocked")

    # In this thread, with an alarm: a blocking open would be interrupted, and the test fail.
    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(5)
    try:
        digest = sha256_of(fifo)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert digest == hashlib.sha256(b"").hexdigest()  # no writer, nothing to read


def test_file_states_as_the_check_sees_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _Files(tmp_path, allow_outside=False)
    doc = tmp_path / "sk.pdf"
    doc.write_bytes(b"%PDF 12345")
    digest = hashlib.sha256(b"%PDF 12345").hexdigest()
    assert files.status(doc, None) == ("unrecorded", None)  # not read unless asked
    assert files.status(doc, None, wanted=True) == ("unrecorded", digest)
    assert files.status(doc, digest) == ("ok", digest)
    assert files.status(doc, "0" * 64) == ("changed", digest)
    assert files.status(tmp_path / "tidak-ada.pdf", None) == ("missing", None)
    assert files.status(tmp_path, None) == ("not-a-file", None)  # a folder
    (tmp_path / "putar").symlink_to(tmp_path / "putar")
    assert files.status(tmp_path / "putar", None) == ("unreadable", None)  # a link to itself
    monkeypatch.setattr(evidence, "MAX_HASHED", len(b"%PDF 12345"))
    assert files.status(doc, None, wanted=True) == ("unrecorded", digest)  # at the bound: read
    doc.write_bytes(b"%PDF 123456")
    assert files.status(doc, None) == ("too-large", None)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    (tmp_path / "kecil.pdf").write_bytes(b"x")
    assert files.status(tmp_path / "kecil.pdf", None) == ("unreadable", None)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="a system without /proc")
def test_system_folders_are_never_read_even_when_allowed(tmp_path: Path) -> None:
    # /proc holds regular files of size 0 whose reading never ends the same way twice.
    files = _Files(tmp_path, allow_outside=True)
    assert files.status(Path("/proc/self/status"), None, wanted=True) == ("not-a-file", None)
    assert files.status(Path("/dev/null"), None, wanted=True) == ("not-a-file", None)


def test_a_digest_covers_the_file_as_it_was_looked_at(tmp_path: Path) -> None:
    files = _Files(tmp_path, allow_outside=False)
    doc = tmp_path / "sk.pdf"
    doc.write_bytes(b"abc")
    info = os.stat(doc)
    with doc.open("ab") as grow:
        grow.write(b"def")
    assert files.digest(doc, info) == hashlib.sha256(b"abc").hexdigest()


def test_record_counts_what_it_wrote_and_leaves_outside_files_alone(tmp_path: Path) -> None:
    folder = tmp_path / "tim"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "a.pdf").write_bytes(b"a")
    (folder / "docs" / "b.pdf").write_bytes(b"b")
    (tmp_path / "luar.pdf").write_bytes(b"luar")
    path = folder / "jawaban.yaml"
    path.write_text(
        "model: spbe-2020\ninstansi: X\ntahun: 2024\nlevels:\n"
        "  1: {level: 3, bukti: [docs/a.pdf, docs/b.pdf, ../luar.pdf, https://contoh.go.id/x]}\n",
        encoding="utf-8",
    )
    assert record(str(path)).recorded == 2
    bukti = read_answers(path).answers[1].bukti
    assert [b.sha256 is not None for b in bukti[:2] if isinstance(b, Evidence)] == [True, True]
    assert bukti[2:] == ("../luar.pdf", "https://contoh.go.id/x")  # outside: not read, not written
    assert record(str(path)).recorded == 0  # nothing new the second time
    assert record(str(path), allow_outside=True).recorded == 1


def test_record_refuses_a_broken_file_and_reads_with_the_model_asked_for(tmp_path: Path) -> None:
    (tmp_path / "sk.pdf").write_bytes(b"sk")
    broken = tmp_path / "rusak.yaml"
    text = "model: spbe-2020\ninstansi: X\ntahun: dua\nlevels:\n  1: {level: 3, bukti: [sk.pdf]}\n"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(SpbeError) as info:
        record(str(broken))
    assert [p.code for p in info.value.problems] == ["wrong-type"]
    assert broken.read_text(encoding="utf-8") == text  # nothing written
    (tmp_path / "m.yaml").write_text(MINI_TEXT, encoding="utf-8")
    mine = tmp_path / "mini.yaml"
    mine.write_text(
        "tahun: 2024\nlevels:\n  1: {level: 3, bukti: [sk.pdf]}\n  2: 1\n  3: 1\n  4: 1\n  5: 1\n", encoding="utf-8"
    )
    report = record(str(mine), str(tmp_path / "m.yaml"))
    assert report.recorded == 1 and report.errors() == 0
    assert isinstance(read_answers(mine).answers[1].bukti[0], Evidence)


def test_entries_as_the_json_lists_them(run: Run, tmp_path: Path) -> None:
    (tmp_path / "sk.pdf").write_bytes(b"sk")
    digest = hashlib.sha256(b"sk").hexdigest()
    path = tmp_path / "a.yaml"
    path.write_text(
        "model: spbe-2020\ninstansi: X\ntahun: 2024\nlevels:\n  1:\n    level: 3\n    bukti:\n"
        f'      - {{path: sk.pdf, sha256: "{digest}"}}\n'
        '      - {url: "https://jdih.contoh.go.id/sk", nomor: "7/2024"}\n'
        "      - Notulen rapat\n",
        encoding="utf-8",
    )
    items = json.loads(run("evidence", str(path), "-f", "json").stdout)["items"]
    assert [(i["kind"], i["status"], i["path"], i["sha256"], i["line"]) for i in items] == [
        ("file", "ok", str(tmp_path / "sk.pdf"), digest, 8),
        ("url", "url", None, None, 9),  # a described web address is a web address, not a file
        ("text", "text", None, None, 10),
    ]
    assert items[1]["nomor"] == "7/2024" and items[1]["label"] == "https://jdih.contoh.go.id/sk"


def test_the_check_refuses_a_broken_file_and_keeps_to_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "tim"
    folder.mkdir()
    (tmp_path / "luar.pdf").write_bytes(b"luar")
    path = folder / "a.yaml"
    path.write_text(
        "model: spbe-2020\ninstansi: X\ntahun: 2024\nlevels:\n  1: {level: 3, bukti: [../luar.pdf]}\n", encoding="utf-8"
    )
    assert [i.status for i in check_evidence(str(path)).items] == ["outside"]  # by default
    assert [i.status for i in check_evidence(str(path), allow_outside=True).items] == ["unrecorded"]
    path.write_text("model: spbe-2020\ntahun: dua\nlevels: {1: 3}\n", encoding="utf-8")
    with pytest.raises(SpbeError) as info:
        check_evidence(str(path))
    assert [p.code for p in info.value.problems] == ["wrong-type"]


def test_the_lowest_level_is_the_models_asked_for(tmp_path: Path) -> None:
    # Indicator 2 of this model starts at level 0: its level 1 needs a document, as the bundled
    # model's level 1 (its lowest) would not.
    (tmp_path / "m.yaml").write_text(TWO_SCALES, encoding="utf-8")
    (tmp_path / "sk.pdf").write_bytes(b"sk")
    path = tmp_path / "a.yaml"
    path.write_text("tahun: 2024\nlevels:\n  1: {level: 1}\n  2: {level: 1, bukti: [sk.pdf]}\n", encoding="utf-8")
    model = str(tmp_path / "m.yaml")
    assert [p.code for p in check_evidence(str(path), model).problems] == []
    recorded = record(str(path), model)
    assert recorded.recorded == 1 and recorded.problems == []
    path.write_text("tahun: 2024\nlevels:\n  1: {level: 1}\n  2: {level: 1}\n", encoding="utf-8")
    assert [p.code for p in check_evidence(str(path), model).problems] == ["evidence-none"]
    assert [p.code for p in record(str(path), model).problems] == ["evidence-none"]


def test_record_refuses_a_model_other_than_the_files(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = "model: spbe-2020\ninstansi: X\ntahun: 2024\nlevels:\n  1: {level: 3, bukti: [sk.pdf]}\n"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "sk.pdf").write_bytes(b"sk")
    with pytest.raises(SpbeError) as info:
        record(str(path), "spbe-2018")
    assert [p.code for p in info.value.problems] == ["model-mismatch"]
    assert path.read_text(encoding="utf-8") == text
