"""Language selection and lookup in the message catalogue.

Indonesian (``id``) is the default; English (``en``) is chosen with ``--lang en`` or the
``SPBE_CALC_LANG`` environment variable. Official names (domains, aspects, indicators, levels,
predikat) are data from the model and never pass through here.
"""

from __future__ import annotations

import os
from typing import Any

from spbe_calc.messages import CATALOGUE

LANGUAGES = ("id", "en")
ENV_VAR = "SPBE_CALC_LANG"

_current = "id"  # replaced below, once default_language() exists


def default_language() -> str:
    """Return the language named by ``SPBE_CALC_LANG`` when valid, else Indonesian."""
    lang = os.environ.get(ENV_VAR, "").strip().lower()
    return lang if lang in LANGUAGES else "id"


_current = default_language()


def set_language(lang: str) -> None:
    """Select the language of every later message (``id`` or ``en``)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def language() -> str:
    """Return the language currently in use."""
    return _current


def t(key: str, /, **args: Any) -> str:
    """Return the message ``key`` in the current language, with ``args`` filled in.

    A key missing from the catalogue is a bug; it is shown as the key itself rather than
    crashing, so that a user still sees something meaningful.
    """
    text = t_optional(key, **args)
    return key if text is None else text


def t_optional(key: str, /, **args: Any) -> str | None:
    """Like :func:`t` but return ``None`` when the catalogue has no such key."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return None
    text = entry[0] if _current == "id" else entry[1]
    return text.format(**args) if args else text


def pick(text: str | dict[str, str] | None) -> str:
    """Choose the current language from a model text (a plain string or ``{id: …, en: …}``)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(_current) or text.get("id") or text.get("en") or ""
