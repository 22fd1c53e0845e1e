"""Checking an image before a browser shows it: the report's logo, which may come from anyone.

A logo named in an answers file arrives with it (a pull request, an e-mail). Before it is
embedded in a page that a headless browser prints, it is held to what a crest or seal needs:

- a known format, told by its first bytes (PNG, JPEG, GIF, WebP) or, for SVG, by parsing it as
  XML whose root is an SVG element; an XML file that merely mentions ``<svg`` is not a logo;
- a size in bytes (:data:`MAX_BYTES`, :data:`MAX_SVG_BYTES`) and in pixels
  (:data:`MAX_PIXELS`): a small file that unpacks to a giant bitmap is refused before decoding;
- for SVG, no document type (entity expansion), a bounded number of elements, and none of the
  elements that make a drawing slow or active (filters, scripts, embedded documents).

Each refusal is a problem with its reason; nothing here decodes pixels.
"""

from __future__ import annotations

import re
import struct
from typing import Any, NamedTuple
from xml.etree.ElementTree import ParseError, XMLPullParser

#: The largest image file embedded (a crest or seal is a few hundred kilobytes at most).
MAX_BYTES = 2 * 1024 * 1024
#: The largest SVG: its drawing cost grows with its text, not with pixels.
MAX_SVG_BYTES = 256 * 1024
#: The most elements an SVG logo may have.
MAX_SVG_ELEMENTS = 5000
#: The most pixels a bitmap logo may unpack to (4,000 × 4,000).
MAX_PIXELS = 16_000_000
#: SVG elements a logo does not need and that make a drawing slow or active.
_SVG_REFUSED = frozenset({"filter", "script", "foreignObject", "iframe", "video", "audio", "animate", "set"})
_SVG_NS = "{http://www.w3.org/2000/svg}"


class Image(NamedTuple):
    """An image that passed the checks: its MIME type, its bytes and, for a bitmap, its size."""

    mime: str
    data: bytes
    width: int
    height: int


class ImageProblem(NamedTuple):
    """Why an image is refused: a catalogue code and its arguments."""

    code: str
    args: dict[str, Any]


def check_image(data: bytes) -> Image | ImageProblem:
    """The image, checked as the module docstring says, or the reason it is refused."""
    mime, size = _bitmap(data)
    if mime is not None:
        if size is None:
            return ImageProblem("logo-broken", {"format": mime})
        width, height = size
        if width * height > MAX_PIXELS:
            return ImageProblem("logo-too-many-pixels", {"width": width, "height": height, "limit": MAX_PIXELS})
        return Image(mime=mime, data=data, width=width, height=height)
    if _looks_like_xml(data):
        return _svg(data)
    return ImageProblem("logo-format", {})


def _bitmap(data: bytes) -> tuple[str | None, tuple[int, int] | None]:
    """A bitmap's MIME type from its first bytes, and its size in pixels when the header gives it."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        if len(data) >= 24 and data[12:16] == b"IHDR":
            return "image/png", struct.unpack(">II", data[16:24])
        return "image/png", None
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", struct.unpack("<HH", data[6:10]) if len(data) >= 10 else None
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", _jpeg_size(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", _webp_size(data)
    return None, None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's start-of-frame segment."""
    at = 2
    while at + 9 <= len(data):  # room for a frame's size (its bytes at + 5 to at + 9)
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0x01 or 0xD0 <= marker <= 0xD9:  # TEM, RST0-7, SOI, EOI: markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker >> 4 == 0xC and marker not in (0xC4, 0xC8, 0xCC):  # a start of frame: SOF0-15 but DHT, JPG, DAC
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a WebP's first chunk (lossy, lossless or extended)."""
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def _looks_like_xml(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _svg(data: bytes) -> Image | ImageProblem:
    """An SVG: parsed as XML, its root an SVG element, bounded and plain (see the module docstring)."""
    if len(data) > MAX_SVG_BYTES:
        return ImageProblem("logo-svg-too-large", {"size": len(data), "limit": MAX_SVG_BYTES})
    if _DOCTYPE.search(data):
        return ImageProblem("logo-svg-refused", {"what": "<!DOCTYPE>"})
    parser: XMLPullParser[Any] = XMLPullParser(events=("start",))
    count = 0
    try:
        for start in range(0, len(data), 16384):  # fed in blocks: a refusal stops the parse early
            parser.feed(data[start : start + 16384])
            for _, element in parser.read_events():  # type: ignore[misc]  # ("start", element) only
                count += 1
                tag = str(element.tag)  # type: ignore[union-attr]  # "start" events carry elements only
                if count == 1 and tag != f"{_SVG_NS}svg":
                    return ImageProblem("logo-format", {})
                name = tag.rpartition("}")[2]  # "{namespace}name", or a name without one
                if name in _SVG_REFUSED:
                    return ImageProblem("logo-svg-refused", {"what": f"<{name}>"})
                if count > MAX_SVG_ELEMENTS:
                    return ImageProblem("logo-svg-too-complex", {"limit": MAX_SVG_ELEMENTS})
        parser.close()
    except ParseError:  # no element at all is a parse error too
        return ImageProblem("logo-broken", {"format": "image/svg+xml"})
    return Image(mime="image/svg+xml", data=data, width=0, height=0)
