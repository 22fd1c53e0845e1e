"""Writing an answers file: a canonical layout that reads back exactly as it was written.

The comments a person wrote are kept beside their entries.

Only the one writer (:mod:`spbe_calc.answers.store`) calls :func:`dump_answers`; scoring never
imports this module.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from spbe_calc.answers.comments import Comments, EntryPath, find_comments
from spbe_calc.answers.read import Answers, Bukti, Evidence, Laporan, Published, Signer, answers_from_doc
from spbe_calc.numbers import exact_str
from spbe_calc.yamlsafe import parse, read_text

#: Characters YAML does not allow raw in a stream, and the line and paragraph separators.
_UNSAFE = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def yaml_json(value: Any) -> str:
    r"""``value`` as JSON that reads back as the same value as YAML too (one line).

    For a string, a YAML double-quoted scalar that reads back as exactly that string.

    JSON's escaping is valid YAML; characters YAML does not allow raw in a stream (control
    characters, BOM, line and paragraph separators) are escaped as ``\uXXXX`` too, which JSON
    reads alike.
    """
    text = json.dumps(value, ensure_ascii=False)
    # Every character the pattern matches is below U+10000 (all above are allowed raw).
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _text(text: str, indent: str) -> str:
    """A text value: a literal block (``|``) when it has several lines, else double-quoted.

    A block keeps the lines as a person reads them in the file. It is used only when it reads
    back as exactly ``text``: no character YAML refuses raw, no line of spaces only (a block
    would read it as empty), no leading space on the first line (it would set the indentation).
    """
    lines = text.split("\n")
    if (
        len(lines) < 2
        or not text.strip("\n")  # only line breaks: an empty block would read back as ""
        or _UNSAFE.search(text)  # a carriage return among them: a block would read it as a line break
        or text[:1] in (" ", "\t")
        or any(line and not line.strip(" \t") for line in lines)
    ):
        return yaml_json(text)
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    # Chomping: "-" drops the final line break, nothing keeps one, "+" keeps them all.
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    # Every line break after the first is an empty line of the block (none for 0 or 1).
    content = body.split("\n") + [""] * (trailing - 1)
    return f"|{chomp}\n" + "\n".join(f"{indent}{line}" if line else "" for line in content)


def _bukti(entry: Bukti) -> str:
    """One ``bukti`` entry: its words, or a described document as a one-line mapping."""
    if isinstance(entry, str):
        return _text(entry, "        ")
    fields = [f"{name}: {yaml_json(value)}" for name, value in zip(Evidence._fields, entry) if value is not None]
    return "{" + ", ".join(fields) + "}"


def _level_yaml(level: Any) -> str:
    if level is None:
        return "null"
    if isinstance(level, tuple):
        return "[" + ", ".join("null" if v is None else str(v) for v in level) + "]"
    return str(level)


def dump_answers(answers: Answers, order: list[int] | None = None, comments: Comments | None = None) -> str:
    """Write answers in the canonical layout that :func:`read_answers` reads back unchanged.

    Strings are always quoted (or written as a literal block), so nothing a user types (``yes``,
    ``2023-01-01``, ``#``) can change meaning. ``order`` lists indicator numbers in model order;
    answers for others follow in numeric order. ``comments`` (from :func:`read_for_update`) are
    put back beside the entries they belong to; an entry written in another form (a short
    ``12: 3`` that became a mapping) takes the comments of its parts.
    """
    rows: list[tuple[EntryPath, str]] = []  # (entry, line) in file order
    if answers.model is not None:
        rows.append((("model",), f"model: {yaml_json(answers.model)}"))
    if answers.instansi is not None:
        rows.append((("instansi",), f"instansi: {yaml_json(answers.instansi)}"))
    if answers.tahun is not None:
        rows.append((("tahun",), f"tahun: {answers.tahun}"))
    if answers.hasil is None or answers.answers:
        rows.append((("levels",), "levels:" if answers.answers else "levels: {}"))
    ids = [i for i in (order or []) if i in answers.answers]
    ids += sorted(i for i in answers.answers if i not in set(ids))
    for ident in ids:
        a = answers.answers[ident]
        at: EntryPath = ("levels", ident)
        if not (a.fakta or a.analisis or a.bukti or a.tahap):
            rows.append((at, f"  {ident}: {_level_yaml(a.level)}"))
            continue
        rows.append((at, f"  {ident}:"))
        rows.append((at + ("level",), f"    level: {_level_yaml(a.level)}"))
        if a.tahap:
            stages = ", ".join(f"{stage}: {_level_yaml(level)}" for stage, level in a.tahap)
            rows.append((at + ("tahap",), f"    tahap: {{{stages}}}"))
        if a.fakta:
            rows.append((at + ("fakta",), f"    fakta: {_text(a.fakta, '      ')}"))
        if a.analisis:
            rows.append((at + ("analisis",), f"    analisis: {_text(a.analisis, '      ')}"))
        if a.bukti:
            rows.append((at + ("bukti",), "    bukti:"))
            rows += [(at + ("bukti", n), f"      - {_bukti(b)}") for n, b in enumerate(a.bukti)]
    if answers.hasil is not None:
        rows += _hasil_rows(answers.hasil)
    if answers.laporan is not None:
        rows += _laporan_rows(answers.laporan)
    return _with_comments(rows, comments or Comments.none())


def _hasil_rows(hasil: Published) -> list[tuple[EntryPath, str]]:
    """The ``hasil`` section: a published result, its numbers written exactly as decimals."""
    at: EntryPath = ("hasil",)
    rows: list[tuple[EntryPath, str]] = [
        (at, "hasil:"),
        (at + ("indeks",), f"  indeks: {exact_str(hasil.value)}"),
        (at + ("predikat",), f"  predikat: {yaml_json(hasil.predikat)}"),
    ]
    for key, values in (("domains", hasil.domains), ("aspects", hasil.aspects)):
        if values:
            shown = ", ".join(f"{k}: {exact_str(v)}" for k, v in sorted(values.items()))
            rows.append((at + (key,), f"  {key}: {{{shown}}}"))
    if hasil.source is not None:
        rows.append((at + ("sumber",), f"  sumber: {yaml_json(hasil.source)}"))
    return rows


def _laporan_rows(laporan: Laporan) -> list[tuple[EntryPath, str]]:
    """The ``laporan`` section: each value quoted, each signer one flow mapping."""
    at: EntryPath = ("laporan",)
    rows: list[tuple[EntryPath, str]] = [(at, "laporan:")]
    for key in ("tempat", "tanggal", "logo"):
        value = getattr(laporan, key)
        if value is not None:
            rows.append((at + (key,), f"  {key}: {yaml_json(value)}"))
    if laporan.penandatangan:
        rows.append((at + ("penandatangan",), "  penandatangan:"))
        for n, signer in enumerate(laporan.penandatangan):
            fields = ", ".join(f"{k}: {yaml_json(v)}" for k, v in zip(Signer._fields, signer) if v is not None)
            rows.append((at + ("penandatangan", n), f"    - {{{fields}}}"))
    return rows if len(rows) > 1 else []


def _with_comments(rows: list[tuple[EntryPath, str]], comments: Comments) -> str:
    """The lines of ``rows`` with each comment beside its entry (or the nearest written parent)."""
    written = {path for path, _ in rows}

    def home(path: EntryPath) -> EntryPath:
        while path and path not in written:
            path = path[:-1]
        return path

    before: dict[EntryPath, list[str]] = {}
    inline: dict[EntryPath, list[str]] = {}
    for path, lines in comments.before.items():
        before.setdefault(home(path), []).extend(lines)
    for path, text in comments.inline.items():
        inline.setdefault(home(path), []).append(text)
    out = list(comments.header) + before.pop((), []) + inline.pop((), [])
    for path, line in rows:
        indent = line[: len(line) - len(line.lstrip())]
        out += [indent + c for c in before.get(path, [])]
        first, newline, rest = line.partition("\n")  # a literal block: the comment goes on its header
        if path in inline:
            first += "  " + " ".join(inline[path])
        out.append(first + newline + rest)
    out += comments.footer
    return "\n".join(out) + "\n"


def read_for_update(path: Path | str) -> tuple[Answers, Comments]:
    """Read an answers file to change it: the answers, and the comments to keep in the rewrite."""
    text = read_text(path)
    answers = answers_from_doc(parse(text, str(path)))
    if answers.where is None or "#" not in text:
        return answers, Comments.none()
    return answers, find_comments(text, answers.where)
