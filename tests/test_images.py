"""Tests of spbe_calc/images.py."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from spbe_calc.images import MAX_PIXELS, MAX_SVG_BYTES, MAX_SVG_ELEMENTS, Image, ImageProblem, check_image

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


# --- check_image itself, in this process: each format's size, each refusal with its arguments ---

SVG = b'<svg xmlns="http://www.w3.org/2000/svg">'


def _jpeg(width: int, height: int, before: bytes = b"") -> bytes:
    """A JPEG's markers up to its start of frame (SOF0), after ``before`` (other segments)."""
    sof = b"\xff\xc0" + struct.pack(">HBHH", 11, 8, height, width) + b"\x01\x01\x11\x00"
    return b"\xff\xd8" + before + sof + b"\xff\xd9"


def _webp(chunk: bytes, body: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(body)) + b"WEBP" + chunk + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_png(200, 100), ("image/png", 200, 100)),
        (b"GIF89a" + struct.pack("<HH", 300, 20) + b"\x00" * 10, ("image/gif", 300, 20)),
        (b"GIF87a" + struct.pack("<HH", 7, 9), ("image/gif", 7, 9)),
        (_jpeg(640, 480), ("image/jpeg", 640, 480)),
        # an APP0 segment, a restart marker and a Huffman table (0xC4, not a frame) before the frame
        (_jpeg(33, 44, b"\xff\xe0\x00\x04ab" + b"\xff\xd0" + b"\xff\xc4\x00\x04cd"), ("image/jpeg", 33, 44)),
        (_jpeg(5, 6, b"\xff\x01" + b"\xff\xc8\x00\x03z" + b"\xff\xcc\x00\x03z"), ("image/jpeg", 5, 6)),
        (_jpeg(8, 9, b"\xff\xd7"), ("image/jpeg", 8, 9)),
        (_webp(b"VP8 ", b"\x00" * 6 + struct.pack("<HH", 0xC000 | 320, 0x4000 | 240)), ("image/webp", 320, 240)),
        (_webp(b"VP8L", b"\x2f" + (399 | (299 << 14) | (1 << 28)).to_bytes(4, "little")), ("image/webp", 400, 300)),
        (
            _webp(b"VP8X", b"\x00" * 4 + (1023).to_bytes(3, "little") + (767).to_bytes(3, "little")),
            ("image/webp", 1024, 768),
        ),
        (b"\xef\xbb\xbf \n\t" + SVG + b"<path d='M0 0'/></svg>", ("image/svg+xml", 0, 0)),
    ],
)
def test_a_logo_of_each_format_is_read_with_its_size(data: bytes, expected: tuple[str, int, int]) -> None:
    image = check_image(data)
    assert isinstance(image, Image) and (image.mime, image.width, image.height) == expected and image.data == data


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, ("logo-broken", {"format": "image/png"})),
        (b"GIF89a\x01", ("logo-broken", {"format": "image/gif"})),
        (b"\xff\xd8\xff\xe0", ("logo-broken", {"format": "image/jpeg"})),
        (b"\xff\xd8\xff\xe0\x00\x04ab" + b"\x00" * 10, ("logo-broken", {"format": "image/jpeg"})),  # no marker after
        (_jpeg(1, 1)[:10], ("logo-broken", {"format": "image/jpeg"})),  # cut inside the frame's size
        (_webp(b"VP8 ", b"\x00" * 4), ("logo-broken", {"format": "image/webp"})),
        (_webp(b"VP8L", b"\x2f"), ("logo-broken", {"format": "image/webp"})),
        (_webp(b"VP8X", b"\x00" * 4), ("logo-broken", {"format": "image/webp"})),
        (_webp(b"ALPH", b"\x00" * 20), ("logo-broken", {"format": "image/webp"})),
        (_png(4001, 4000), ("logo-too-many-pixels", {"width": 4001, "height": 4000, "limit": MAX_PIXELS})),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", ("logo-format", {})),
        (b"%PDF-1.7", ("logo-format", {})),
        (b"", ("logo-format", {})),
        (b"<html><body/></html>", ("logo-format", {})),
        (b"<!-- nothing -->", ("logo-broken", {"format": "image/svg+xml"})),  # XML without an element
        (SVG + b"<g>", ("logo-broken", {"format": "image/svg+xml"})),
        (SVG + b"<script>x</script></svg>", ("logo-svg-refused", {"what": "<script>"})),
        (SVG + b"<foreignObject/></svg>", ("logo-svg-refused", {"what": "<foreignObject>"})),
        (b"<!doctype svg>" + SVG + b"</svg>", ("logo-svg-refused", {"what": "<!DOCTYPE>"})),
        (SVG + b"<g/>" * MAX_SVG_ELEMENTS + b"</svg>", ("logo-svg-too-complex", {"limit": MAX_SVG_ELEMENTS})),
        (
            SVG + b" " * MAX_SVG_BYTES,
            ("logo-svg-too-large", {"size": MAX_SVG_BYTES + len(SVG), "limit": MAX_SVG_BYTES}),
        ),
    ],
)
def test_a_logo_that_is_broken_false_or_heavy_is_refused_with_its_reason(
    data: bytes, problem: tuple[str, dict[str, object]]
) -> None:
    assert check_image(data) == ImageProblem(*problem)


def test_the_limits_themselves_are_allowed() -> None:
    assert isinstance(check_image(_png(4000, 4000)), Image)
    assert isinstance(check_image(SVG + b"<g/>" * (MAX_SVG_ELEMENTS - 1) + b"</svg>"), Image)
    padded = SVG + b"</svg>"
    assert isinstance(check_image(padded + b" " * (MAX_SVG_BYTES - len(padded))), Image)
    # A refused element deep in a large drawing is found (the drawing is read in blocks).
    deep = SVG + b"<path d='M0 0'/>" * 1500 + b"<script/></svg>"
    assert len(deep) > 16384 and check_image(deep) == ImageProblem("logo-svg-refused", {"what": "<script>"})


PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (PNG_HEAD + struct.pack(">II", 3, 2), (3, 2)),  # the header alone, 24 bytes, gives the size
        (PNG_HEAD + struct.pack(">II", 2**31, 0), (2**31, 0)),  # sizes are unsigned
        (b"GIF89a" + struct.pack("<HH", 40000, 0), (40000, 0)),
        (_jpeg(40000, 1), (40000, 1)),
        (_jpeg(1, 40000), (1, 40000)),
        (_jpeg(3, 4)[:11], (3, 4)),  # cut right after the frame's size: still read
        # every marker without a length may come before the frame: TEM, RST0, RST7, SOI, EOI
        (_jpeg(5, 6, b"\xff\x01\xff\xd0\xff\xd7\xff\xd8\xff\xd9"), (5, 6)),
        # SOF15 is a frame; SOS (0xDA) has a length, like every marker after EOI
        (_jpeg(7, 8).replace(b"\xff\xc0", b"\xff\xcf"), (7, 8)),
        (_jpeg(7, 8, b"\xff\xda\x00\x04ab\xff\xdb\x00\x04cd"), (7, 8)),
        (_webp(b"VP8 ", b"\x00" * 6 + struct.pack("<HH", 320, 240) + b"\xff" * 8), (320, 240)),
        (
            _webp(b"VP8X", b"\x00" * 4 + (1023).to_bytes(3, "little") + (767).to_bytes(3, "little") + b"\xff"),
            (1024, 768),
        ),
    ],
)
def test_sizes_are_read_from_the_headers_to_their_last_byte(data: bytes, size: tuple[int, int]) -> None:
    from spbe_calc.images import _bitmap

    assert _bitmap(data)[1] == size


def test_a_jpeg_segment_longer_than_the_file_gives_no_size() -> None:
    from spbe_calc.images import _bitmap

    assert _bitmap(b"\xff\xd8\xff\xe0\x90\x00" + b"\x00" * 20) == ("image/jpeg", None)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b" " * 511 + SVG + b"</svg>", None),  # a file's first 512 bytes tell whether it is XML
        (b" " * 512 + SVG + b"</svg>", ("logo-format", {})),
        (b"X" + SVG + b"</svg>", ("logo-format", {})),
        # an element in any namespace, or in none, is named by its local name
        (SVG + b'<script xmlns=""/></svg>', ("logo-svg-refused", {"what": "<script>"})),
        (SVG + b'<x:script xmlns:x="urn:lain"/></svg>', ("logo-svg-refused", {"what": "<script>"})),
    ],
)
def test_an_svg_is_told_by_its_start_and_its_elements_by_their_names(
    data: bytes, problem: tuple[str, dict[str, object]] | None
) -> None:
    got = check_image(data)
    if problem is None:
        assert isinstance(got, Image) and got.mime == "image/svg+xml"
    else:
        assert got == ImageProblem(*problem)
