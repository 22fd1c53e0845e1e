"""A cache of checked model files, so that start-up does not re-read 70 KB of YAML every time.

What is cached is the *plain, structurally checked data* of a model file that had no problem
at all, stored with :mod:`marshal` (plain data only: nothing in it can run) together with the
file's full text. The entry's name comes from a cheap checksum (hashlib alone costs 2 ms to
import); an entry is used only when its stored text equals the file's text exactly, so a
checksum collision can only cost a re-read, never a wrong model. On a hit the semantic checks
still run (:func:`spbe_calc.model._build`). Any problem with the cache (no home folder, read-only disk,
corrupt file) silently falls back to reading the YAML.

Location: ``$SPBE_CALC_CACHE_DIR``, else ``$XDG_CACHE_HOME/spbe-calc``, else
``~/.cache/spbe-calc``. ``SPBE_CALC_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from fractions import Fraction
from pathlib import Path
from typing import Any

from spbe_calc import __version__

_FRACTION = "\x00fraction"


def cache_dir() -> Path | None:
    """Where cache entries live, or ``None`` when caching is off or has no place."""
    if os.environ.get("SPBE_CALC_NO_CACHE"):
        return None
    explicit = os.environ.get("SPBE_CALC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "spbe-calc"
    home = os.environ.get("HOME")
    return Path(home) / ".cache" / "spbe-calc" if home else None


def key_of(text: str) -> str:
    """Name of the entry for a file's text (checksums, length, spbe-calc and Python versions)."""
    raw = text.encode("utf-8")
    py = "".join(map(str, sys.version_info[:2]))
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}-{len(raw)}-{__version__}-py{py}"


def _encode(value: Any) -> Any:
    if isinstance(value, Fraction):
        return (_FRACTION, value.numerator, value.denominator)
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 3 and value[0] == _FRACTION:
        return Fraction(value[1], value[2])
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def read(text: str) -> dict[str, Any] | None:
    """The cached data of a model file with exactly this text, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = marshal.loads((folder / f"{key_of(text)}.marshal").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == text and isinstance(entry[1], dict)):
        return None
    return _decode(entry[1])


def write(text: str, data: dict[str, Any]) -> None:
    """Store checked data; failures are ignored (the cache is only an optimisation)."""
    folder = cache_dir()
    if folder is None:
        return
    key = key_of(text)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(marshal.dumps((text, _encode(data))))
        os.replace(tmp, folder / f"{key}.marshal")
    except (OSError, ValueError):
        pass
