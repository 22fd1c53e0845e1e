"""Text a person typed, at a terminal or on the command line, checked before it is used.

A terminal or shell in another encoding (Latin-1, say) hands Python the bytes that are not UTF-8
as lone surrogates (``surrogateescape``): no YAML file can hold them, and no report can print
them. They are refused where they are typed: ``assess`` keeps the text in its field, ``init``
asks again, an option is refused (``text-not-utf8``).
"""

from __future__ import annotations

import re

from spbe_calc.errors import fail

#: Halves of a surrogate pair: what Python makes of bytes that are not UTF-8 (``surrogateescape``).
_SURROGATE = re.compile("[\ud800-\udfff]")


def first_undecoded(text: str) -> int | None:
    """Where the first byte of ``text`` that was not UTF-8 is (see :func:`undecoded_bytes`)."""
    found = _SURROGATE.search(text)
    return found.start() if found else None


def undecoded_bytes(text: str) -> str | None:
    r"""The bytes of ``text`` that were not UTF-8, as ``\xe9``; ``None`` when there are none."""
    found = dict.fromkeys(_undecoded(m.group()) for m in _SURROGATE.finditer(text))
    return " ".join(found) or None


def typed_text(option: str, text: str) -> str:
    """A text given on the command line, refused (``text-not-utf8``) if it holds bytes that are not UTF-8."""
    shown = undecoded_bytes(text)
    if shown is not None:
        raise fail(option, "text-not-utf8", bytes=shown)
    return text


def _undecoded(ch: str) -> str:
    r"""A lone surrogate as the byte it stands for (``\xe9``), or as itself (``\ud800``)."""
    return f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else f"\\u{ord(ch):04x}"
