"""spbe_calc.render.merge: each conflict with its values and places, on one line each; JSON whole."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Run
from .helpers import Write

HEAD = "model: spbe-2020\ninstansi: Kab Uji\ntahun: 2024\n"


def _merge(run: Run, tmp_path: Path, *files: Path, fmt: str = "text") -> str:
    r = run("merge", *map(str, files), "-o", str(tmp_path / "gabung.yaml"), "-f", fmt)
    assert r.exit_code == 1 and not (tmp_path / "gabung.yaml").exists(), r.stderr
    return r.stdout


def test_long_and_multi_line_texts_are_shown_on_one_cut_line(run: Run, write: Write, tmp_path: Path) -> None:
    long = "Kebijakan internal " + "ditetapkan dengan peraturan bupati " * 4
    a = write("a.yaml", HEAD + "levels:\n  1:\n    level: 3\n    fakta: |-\n      baris satu\n      baris dua\n")
    b = write("b.yaml", HEAD + f'levels:\n  1: {{level: 3, fakta: "{long}"}}\n')
    lines = _merge(run, tmp_path, a, b).splitlines()
    assert lines[0] == "Indikator 1, fakta berbeda:"
    assert lines[1] == f"    {a}:7:12: baris satu baris dua"  # at the block's indicator
    shown = lines[2].split(": ", 1)[1]
    assert len(shown) == 60 and shown.endswith("…") and long.startswith(shown[:-1])


def test_control_characters_in_a_value_are_escaped(run: Run, write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + 'levels:\n  1: {level: 3, analisis: "ok \\e[31mmerah"}\n')
    b = write("b.yaml", HEAD + 'levels:\n  1: {level: 3, analisis: "lain"}\n')
    out = _merge(run, tmp_path, a, b)
    assert "\x1b" not in out and "ok \\u001b[31mmerah" in out


def test_documents_and_signers_are_named_as_people_read_them(run: Run, write: Write, tmp_path: Path) -> None:
    signer = "laporan:\n  penandatangan:\n    - {{jabatan: Kepala Dinas, nama: {name}}}\n"
    a = write(
        "a.yaml",
        HEAD
        + signer.format(name="Sri")
        + 'levels:\n  1: {level: 3, bukti: [{url: "https://a.go.id/sk", nomor: "1/2024"}]}\n',
    )
    b = write("b.yaml", HEAD + signer.format(name="Budi") + "levels:\n  1: {level: 3, bukti: [SK lama]}\n")
    text = _merge(run, tmp_path, a, b)
    assert "Berkas, penanda tangan (laporan.penandatangan) berbeda:" in text
    assert ": Kepala Dinas: Sri" in text and ": Kepala Dinas: Budi" in text
    assert "Indikator 1, bukti berbeda:" in text and ": SK lama" in text
    data = json.loads(_merge(run, tmp_path, a, b, fmt="json"))
    by_field = {c["field"]: c for c in data["conflicts"]}
    assert by_field["bukti"]["values"][0]["value"] == [{"url": "https://a.go.id/sk", "nomor": "1/2024"}]
    assert by_field["bukti"]["values"][1]["value"] == ["SK lama"]
    assert by_field["laporan.penandatangan"]["indicator"] is None
    assert by_field["laporan.penandatangan"]["values"][0]["value"] == [{"jabatan": "Kepala Dinas", "nama": "Sri"}]
    assert (data["written"], data["files"], data["settled"]) == (False, [str(a), str(b)], [])


def test_stage_levels_are_shown_as_written(run: Run, write: Write, tmp_path: Path) -> None:
    a = write("a.yaml", HEAD + "levels:\n  1: {level: 3, tahap: {akhir: 2}}\n")
    b = write("b.yaml", HEAD + "levels:\n  1: {level: 3, tahap: {akhir: 3}}\n")
    text = _merge(run, tmp_path, a, b)
    assert text.splitlines()[0] == "Indikator 1, tingkat akhir berbeda:"
    assert text.splitlines()[1].endswith(": 2") and text.splitlines()[2].endswith(": 3")


def test_a_conflicting_value_is_shown_as_one_short_line() -> None:
    """Levels as written (items joined), signers in order, texts on one line and cut past 60."""
    from spbe_calc.answers import Signer
    from spbe_calc.merge import Value
    from spbe_calc.render.merge import _shown, _where

    assert _shown("level", (1, 3, 3)) == "1, 3, 3" and _shown("tahap.akhir", (2, 4)) == "2, 4"
    signers = (Signer(jabatan="Kepala", nama="A"), Signer(jabatan="Sekretaris", nama="B"))
    assert _shown("laporan.penandatangan", signers) == "Kepala: A; Sekretaris: B"
    assert _shown("fakta", "satu\n dua\tтри") == "satu dua три"
    assert _shown("fakta", "x" * 60) == "x" * 60
    assert _shown("fakta", "x" * 61) == "x" * 59 + "…"
    assert _where(Value(path="a.yaml", line=3, col=5, value=1)) == "a.yaml:3:5"
    assert _where(Value(path="a.yaml", line=0, col=0, value=1)) == "a.yaml"  # a value with no place
