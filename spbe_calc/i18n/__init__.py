"""Languages and lookup in the message catalogues.

Each language is one module in this package, named by its code (``id.py``, ``en.py``) and
holding ``MESSAGES`` (key -> ``str.format`` template). Adding a language is adding
one such file: it is found by its name, and a test checks that it has every key of the
Indonesian catalogue with the same placeholders. Indonesian (``id``) is the default; another is
chosen with ``--lang`` or the ``SPBE_CALC_LANG`` environment variable.

Plural forms follow gettext's idea: a message that counts something is written once per plural
form of the language, as ``KEY.one``, ``KEY.other`` (and whatever forms a language has), and the
catalogue's ``plural(n)`` names the form for a count. ``t(KEY, count=n, ...)`` picks it: callers
never choose between "1 indicator" and "2 indicators". Indonesian has one form (``|other``).

Official names (domains, aspects, indicators, levels, predikat) are data from the model and
never pass through here. Only the rendering layer (``render/``, ``interactive.py`` and the CLI's
help) calls these functions: the core returns codes and arguments, never words.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, Union

DEFAULT = "id"
ENV_VAR = "SPBE_CALC_LANG"

#: Language codes, from the catalogue files beside this one (default first).
LANGUAGES: tuple[str, ...] = tuple(
    sorted(
        (p.stem for p in Path(__file__).parent.glob("*.py") if p.stem != "__init__"),
        key=lambda code: (code != DEFAULT, code),
    )
)

#: A text in a model file: one string, or one per language (``{id: …, en: …}``).
ModelText = Union[str, dict[str, str]]


def catalogue(lang: str) -> ModuleType:
    """The catalogue module of a language (its ``MESSAGES``)."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    return importlib.import_module(f"{__name__}.{lang}")


def default_language() -> str:
    """The language named by ``SPBE_CALC_LANG`` when it is one we have, else Indonesian."""
    lang = os.environ.get(ENV_VAR, DEFAULT).strip().lower()
    return lang if lang in LANGUAGES else DEFAULT


_current = default_language()
_messages: dict[str, str] = catalogue(_current).MESSAGES
_plural: Callable[[int], str] = catalogue(_current).plural


def set_language(lang: str) -> None:
    """Select the language of every later message; ``ValueError`` for an unknown code."""
    global _current, _messages, _plural
    module = catalogue(lang)
    _messages, _plural = module.MESSAGES, module.plural
    _current = lang


def language() -> str:
    """The language currently in use."""
    return _current


def t(key: str, /, **args: Any) -> str:
    """The message ``key`` in the current language, with ``args`` filled in.

    A key missing from the catalogue is a bug (a test looks for them); it is shown as the key
    itself rather than crashing, so that a user still sees something meaningful.
    """
    text = t_optional(key, **args)
    return key if text is None else text


def t_optional(key: str, /, **args: Any) -> str | None:
    """Like :func:`t`, but ``None`` when the catalogue has no such key.

    A key written in plural forms (``KEY|one``, ``KEY|other``) takes the form of ``count``; a
    count that is not a whole number ("1.5 files") takes "other". Every form a language's rule
    names is in its catalogue (``test_i18n`` checks), so a form is never looked up in vain.
    Every message is a ``str.format`` template, with or without arguments: ``{{`` is one brace.
    """
    text = _messages.get(key)
    if text is None and "count" in args:
        count = args["count"]
        text = _messages.get(f"{key}|{_plural(count) if isinstance(count, int) else 'other'}")
    if text is None:
        return None
    return text.format(**args)


def is_key(key: str) -> bool:
    """Whether the catalogue has ``key``, as a message or in plural forms."""
    return key in _messages or f"{key}|other" in _messages


def pick(text: ModelText | None) -> str:
    """The current language's version of a model text (a plain string or ``{id: …, en: …}``)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(_current) or text.get(DEFAULT) or next(iter(text.values()), "")


def words(key: str) -> set[str]:
    """Every spelling of a command word in every language (a catalogue entry ``"q, quit"``).

    Typed commands are recognised in all languages, so that a user who learnt ``quit`` is not
    stopped by a session that happens to run in Indonesian.
    """
    return {w.strip().lower() for lang in LANGUAGES for w in catalogue(lang).MESSAGES[key].split(",") if w.strip()}
