"""spbe_calc.render.evidence: each document with a mark that reads without colour, as text, JSON
and GitHub annotations."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from spbe_calc.evidence import FAILED
from spbe_calc.render.evidence import MARKS

from .conftest import Run

HEAD = "model: spbe-2020\ninstansi: Kab Uji\ntahun: 2024\nlevels:\n"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "sk.pdf").write_bytes(b"%PDF SK")
    (tmp_path / "lama.pdf").write_bytes(b"%PDF lama")
    good = hashlib.sha256(b"%PDF SK").hexdigest()
    path = tmp_path / "jawaban.yaml"
    path.write_text(
        HEAD
        + f'  1: {{level: 3, bukti: [{{path: sk.pdf, sha256: "{good}", nomor: "12/2024", tanggal: "2024-05-02"}}]}}\n'
        + f'  2: {{level: 3, bukti: [{{path: lama.pdf, sha256: "{"0" * 64}"}}, hilang.pdf]}}\n'
        + '  3: {level: 2, bukti: ["https://jdih.contoh.go.id/sk", "Notulen \\e[2J rapat"]}\n',
        encoding="utf-8",
    )
    return path


def test_every_status_has_its_own_mark_and_failures_share_one() -> None:
    assert {MARKS[s] for s in FAILED} == {"✗"}
    others = [m for s, m in MARKS.items() if s not in FAILED]
    assert len(others) == len(set(others)) and "✗" not in others


def test_text_lists_documents_under_their_indicator(run: Run, tmp_path: Path) -> None:
    path = _folder(tmp_path)
    r = run("evidence", str(path))
    lines = r.stdout.splitlines()
    assert lines[:3] == [
        "Indikator 1 (tingkat 3)",
        "  ✓ sk.pdf  (sesuai SHA-256, 12/2024, 2024-05-02)",
        "Indikator 2 (tingkat 3)",
    ]
    assert "  ✗ lama.pdf  (berubah sejak dicatat)" in lines and "  ✗ hilang.pdf  (tidak ada)" in lines
    assert "  → https://jdih.contoh.go.id/sk  (alamat web, tidak diperiksa)" in lines
    notulen = next(line for line in lines if "Notulen" in line)
    assert "\x1b" not in notulen and "\\u001b[2J" in notulen  # a file's text never drives the terminal
    assert lines[-1] == "5 bukti, 3 berkas lokal: 2 galat, 0 peringatan; 0 SHA-256 dicatat." and r.exit_code == 1


def test_json_carries_each_document_with_its_place(run: Run, tmp_path: Path) -> None:
    path = _folder(tmp_path)
    data = json.loads(run("evidence", str(path), "-f", "json").stdout)
    assert (data["file"], data["recorded"]) == (str(path), 0)  # checked, not recorded
    first = data["items"][0]
    assert (first["indicator"], first["kind"], first["status"], first["nomor"], first["line"]) == (
        1,
        "file",
        "ok",
        "12/2024",
        5,
    )
    assert first["path"] == str(tmp_path / "sk.pdf")
    assert [i["status"] for i in data["items"]] == ["ok", "changed", "missing", "url", "text"]
    assert {p["code"] for p in data["problems"]} >= {"evidence-changed", "evidence-missing"}


def test_github_annotations_point_at_each_failure(run: Run, tmp_path: Path) -> None:
    path = _folder(tmp_path)
    lines = run("evidence", str(path), "-f", "github").stdout.splitlines()
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert any(",line=6," in line and "::error" in line for line in lines)


def test_a_file_without_documents_says_so(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "  1: 1\n", encoding="utf-8")
    assert run("evidence", str(path)).stdout.splitlines()[0] == "Belum ada bukti dukung yang dicatat."
