"""Writing an answers file: a canonical layout that reads back exactly as it was written.

Only ``assess`` writes answers files; scoring never imports this module.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from spbe_calc.answers.read import Answers
from spbe_calc.errors import SpbeError
from spbe_calc.yamlsafe import read_text

#: Characters YAML does not allow raw in a stream, and the line and paragraph separators.
_UNSAFE = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def _q(text: str) -> str:
    r"""A YAML double-quoted scalar that reads back as exactly ``text``.

    JSON's escaping is valid YAML; characters YAML does not allow raw in a stream (control
    characters, BOM, line and paragraph separators) are escaped as ``\uXXXX`` too.
    """
    quoted = json.dumps(text, ensure_ascii=False)
    # Every character the pattern matches is below U+10000 (all above are allowed raw).
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _text(text: str, indent: str) -> str:
    """A text value: a literal block (``|``) when it has several lines, else double-quoted.

    A block keeps the lines as a person reads them in the file. It is used only when it reads
    back as exactly ``text``: no character YAML refuses raw, no line of spaces only (a block
    would read it as empty), no leading space on the first line (it would set the indentation).
    """
    lines = text.split("\n")
    if (
        len(lines) < 2
        or _UNSAFE.search(text)
        or "\r" in text
        or text[:1] in (" ", "\t")
        or any(line and not line.strip(" \t") for line in lines)
    ):
        return _q(text)
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    # Chomping: "-" drops the final line break, nothing keeps one, "+" keeps them all.
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    content = body.split("\n") + [""] * (trailing - 1 if trailing > 1 else 0)
    return f"|{chomp}\n" + "\n".join(f"{indent}{line}" if line else "" for line in content)


def _level_yaml(level: Any) -> str:
    if level is None:
        return "null"
    if isinstance(level, tuple):
        return "[" + ", ".join("null" if v is None else str(v) for v in level) + "]"
    return str(level)


def dump_answers(answers: Answers, order: list[int] | None = None, header: str = "") -> str:
    """Write answers in the canonical layout that :func:`read_answers` reads back unchanged.

    Strings are always double-quoted, so nothing a user types (``yes``, ``2023-01-01``, ``#``)
    can change meaning. ``order`` lists indicator numbers in model order; answers for others
    follow in numeric order. ``header`` (comment lines) is kept at the top.
    """
    lines: list[str] = [ln for ln in header.splitlines() if ln.startswith("#")]
    if answers.model is not None:
        lines.append(f"model: {_q(answers.model)}")
    if answers.instansi is not None:
        lines.append(f"instansi: {_q(answers.instansi)}")
    if answers.tahun is not None:
        lines.append(f"tahun: {answers.tahun}")
    lines.append("levels:" if answers.answers else "levels: {}")
    ids = [i for i in (order or []) if i in answers.answers]
    ids += sorted(i for i in answers.answers if i not in set(ids))
    for ident in ids:
        a = answers.answers[ident]
        if not (a.fakta or a.analisis or a.bukti):
            lines.append(f"  {ident}: {_level_yaml(a.level)}")
            continue
        lines.append(f"  {ident}:")
        lines.append(f"    level: {_level_yaml(a.level)}")
        if a.fakta:
            lines.append(f"    fakta: {_text(a.fakta, '      ')}")
        if a.analisis:
            lines.append(f"    analisis: {_text(a.analisis, '      ')}")
        if a.bukti:
            lines.append("    bukti:")
            lines += [f"      - {_text(b, '        ')}" for b in a.bukti]
    return "\n".join(lines) + "\n"


def leading_comments(path: Path | str) -> str:
    """The comment block at the top of a file, kept when the file is rewritten."""
    try:
        text = read_text(path)  # bounded, and refuses what is not a regular file
    except SpbeError:
        return ""
    out = []
    for line in text.splitlines():
        if line.startswith("#"):
            out.append(line)
        else:
            break
    return "\n".join(out)
