"""Tests of spbe_calc/images.py."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from .conftest import Run, bounded
from .helpers import EX22_PATH


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<path d='M0 0 L1 1'/>" * 45_000 + b"</svg>", "logo SVG ini"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
            "<!DOCTYPE>",
        ),
        (b'<?xml version="1.0"?><catatan>bukan gambar, walau menyebut <svg></svg> di awal</catatan>', "bukan gambar"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><filter id="f"/></svg>', "<filter>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 6000 + b"</svg>", "lebih dari 5000 unsur"),
        (_png(100_000, 100_000), "piksel"),
        (b"\x89PNG\r\n\x1a\n", "rusak"),
    ],
)
def test_a_heavy_or_false_logo_is_refused_with_the_reason(tmp_path: Path, content: bytes, said: str) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_bytes(content)
    result = bounded("report", str(EX22_PATH), "-o", str(tmp_path / "laporan.pdf"), "--logo", str(logo))
    assert result.returncode == 2 and said in result.stderr, result.stderr
    assert not (tmp_path / "laporan.pdf").exists()
    assert result.seconds < 2


def test_a_plain_logo_is_embedded(run: Run, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(200, 200))
    r = run("report", str(EX22_PATH), "-o", str(tmp_path / "r.html"), "--logo", str(logo))
    assert r.exit_code == 0 and "data:image/png;base64," in (tmp_path / "r.html").read_text(encoding="utf-8")
