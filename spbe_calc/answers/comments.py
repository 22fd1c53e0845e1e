"""The comments a person wrote in an answers file, found so that a rewrite can keep them.

``assess`` rewrites the file in a canonical layout at every save. Each comment is tied to the
line it belongs to: a comment on its own line(s) to the entry that follows it, a comment at the
end of a line to that line's entry, comments before the first entry to the top and after the
last one to the end. :func:`spbe_calc.answers.write.dump_answers` puts each one back beside its
entry, wherever the entry is written. Only writers need this; scoring never reads comments.

A ``#`` is a comment only outside every token the YAML scanner sees, so a ``#`` inside a quoted
text or a block of several lines stays text.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import yaml

from spbe_calc.spec import Context

#: Where an entry is: ``("levels", 12, "fakta")``.
EntryPath = tuple[Any, ...]


class Comments(NamedTuple):
    """Comments of a file, by the entry (path) they belong to."""

    #: comment lines before the first entry
    header: tuple[str, ...]
    #: comment lines written just before an entry's line
    before: dict[EntryPath, tuple[str, ...]]
    #: a comment at the end of an entry's line
    inline: dict[EntryPath, str]
    #: comment lines after the last entry
    footer: tuple[str, ...]

    @classmethod
    def none(cls) -> Comments:
        """A file without comments."""
        return cls((), {}, {}, ())


def _covered(text: str) -> dict[int, list[tuple[int, float]]]:
    """Per line (0-based), the column ranges that tokens occupy (a comment cannot start there)."""
    spans: dict[int, list[tuple[int, float]]] = {}
    # The pure-Python scanner counts columns in characters (libyaml's count bytes). A token of no
    # width adds an empty range, which covers nothing.
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        start, end = token.start_mark, token.end_mark
        if start.line == end.line:
            spans.setdefault(start.line, []).append((start.column, end.column))
            continue
        # A token that spans lines covers the rest of its first line, except a block scalar
        # (``|``, ``>``): after its indicator only a comment may follow on that line (the
        # indicator and its modifiers, ``|-2``, are never a "#" after a blank).
        if not (isinstance(token, yaml.ScalarToken) and token.style in ("|", ">")):
            spans.setdefault(start.line, []).append((start.column, math.inf))
        for line in range(start.line + 1, end.line):
            spans.setdefault(line, []).append((0, math.inf))
        spans.setdefault(end.line, []).append((0, end.column))
    return spans


def _comment_at(line: str, spans: list[tuple[int, float]]) -> int | None:
    """Column where a comment starts on ``line``, if there is one."""
    for col, ch in enumerate(line):
        if ch == "#" and (col == 0 or line[col - 1] in " \t") and not any(a <= col < b for a, b in spans):
            return col
    return None


def find_comments(text: str, where: Context) -> Comments:
    """The comments of ``text``, tied to the entries whose positions ``where`` recorded."""
    # The entry that a line starts with (1-based lines, as positions are): an entry is where its
    # key is, or where it starts when it has none (a list item). On "  1: {level: 3}  # x" that
    # is indicator 1, whatever its mapping holds; on "- SK 1  # x" the list item (the list's own
    # key is on the line above); on "  12: 3  # x" indicator 12. A comment stays with that entry
    # when the entry is written in another form.
    keyed = where.key_positions
    starts = [*keyed.items(), *((p, at) for p, at in where.positions.items() if p not in keyed)]
    firsts: dict[int, tuple[int, EntryPath]] = {}
    for path, (row, column) in starts:
        if path and (row not in firsts or column < firsts[row][0]):
            firsts[row] = (column, path)
    entries = {row: path for row, (_, path) in firsts.items()}
    try:
        spans = _covered(text)
    except yaml.YAMLError:  # a file that does not scan has no comments we could place
        return Comments.none()
    header: list[str] = []
    before: dict[EntryPath, tuple[str, ...]] = {}
    inline: dict[EntryPath, str] = {}
    pending: list[str] = []
    last: EntryPath | None = None  # the entry of the nearest line above that has one
    for number, line in enumerate(text.split("\n"), start=1):
        col = _comment_at(line, spans.get(number - 1, []))
        entry = entries.get(number)
        if col is not None and not line[:col].strip():  # a comment line of its own
            pending.append(line[col:].rstrip())
            continue
        if entry is None:
            if col is not None:
                comment = line[col:].rstrip()
                if last is None:
                    # On a line before the first entry that holds no entry ("---  # c"): kept
                    # at the top with the comment lines there.
                    pending.append(comment)
                else:
                    # After the last line of a value written over several lines ("…"  # c):
                    # the comment belongs to that value's entry.
                    inline[last] = f"{inline[last]}  {comment}" if last in inline else comment
            continue
        if pending:
            if last is None:  # the first entry: what is above it is the file's header
                header = pending
            else:
                before[entry] = tuple(pending)
            pending = []
        last = entry
        if col is not None:
            inline[entry] = line[col:].rstrip()
    return Comments(header=tuple(header), before=before, inline=inline, footer=tuple(pending))
