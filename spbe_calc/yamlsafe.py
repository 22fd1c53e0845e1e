"""A strict, safe YAML reader that keeps the position of every value.

PyYAML's loaders silently keep the last of two duplicate keys, read ``yes``/``no`` as booleans
and unquoted dates as dates, recurse once per nesting level and expand aliases without bound.
This module therefore consumes PyYAML's *event* stream (iterative, and in C when libyaml is
present) and builds its own small node tree, so that it can:

- report duplicate keys, YAML 1.1 surprises and unsupported tags as :class:`Problem` values
  with line and column instead of guessing;
- never construct anything but plain data (str, int, Decimal, bool, None, lists, mappings);
- bound the work done on hostile input: file size, nesting depth, and what the document says
  once its aliases are expanded, counted in nodes and in characters (see :data:`LIMITS`), so
  that a small file cannot make any command print, write or hold much more than it reads.

Numbers with a fraction are returned as :class:`decimal.Decimal` built from the literal text, so
``1.30`` is exactly 1.30 and never a binary approximation.
"""

from __future__ import annotations

import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, Union

import yaml

from spbe_calc.errors import Problem, fail, os_failure

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Hard limits on input; each has its own message in the catalogue.
LIMITS = {
    "max_bytes": 10 * 1024 * 1024,  # no model or answers file comes near 10 MiB
    "max_depth": 64,  # the model nests 7 levels deep; 64 leaves room for hand-made files
    "max_nodes": 200_000,  # counted after alias expansion: stops "billion laughs"
    # The characters of every key and value, counted after alias expansion: what a document may
    # say at most, and so what any output made from it may repeat. A long self-assessment (47
    # indicators with pages of fakta and analisis each) says under 0.5 M; 2 M leaves room and keeps
    # every output within bounds: a report of that much text prints to PDF in seconds.
    "max_chars": 2_000_000,
}

Scalar = Union[str, int, Decimal, bool, None]

_BOOL_11 = {"yes", "no", "on", "off", "y", "n"}


_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?\Z")  # YAML 1.1 timestamp
_BASE60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")  # YAML 1.1 base 60
_OTHER_NUMBER = re.compile(  # YAML 1.1 hexadecimal, octal, binary, underscores, infinity, NaN
    r"[-+]?(?:0[xob][0-9a-fA-F_]+|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|\.(?:inf|Inf|INF|nan|NaN|NAN))\Z"
)


_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}


class Node(NamedTuple):
    """One YAML node: a mapping, a sequence or a scalar, with its 1-based position."""

    kind: str  # "map" | "seq" | "scalar"
    line: int
    col: int
    value: Any = None  # map: list[(key Node, value Node)]; seq: list[Node]; scalar: Scalar
    size: int = 1  # number of nodes in this subtree, aliases expanded
    chars: int = 0  # characters of the keys and scalars in this subtree, aliases expanded

    @classmethod
    def scalar(cls, line: int, col: int, value: Any, chars: int) -> Node:
        """A scalar node, built by position: the one exception to records built by keyword.

        It is the hot path of parsing (100,000 scalars in a batch of 1,000 files), where matching
        six keywords took a fifth of the walk. The fields are listed just above, and a test checks
        that this builds what the keywords build, so a field added to ``Node`` fails it.
        """
        return tuple.__new__(cls, ("scalar", line, col, value, 1, chars))

    def type_name(self) -> str:
        """Name the node's type in the words of the message catalogue (``type.*`` keys)."""
        if self.kind != "scalar":
            return self.kind
        v = self.value
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, int):
            return "int"
        if isinstance(v, Decimal):
            return "decimal"
        return "str"


class Document(NamedTuple):
    """The result of reading one file: its root node (``None`` if unreadable) and problems."""

    path: str
    root: Node | None
    problems: list[Problem]


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - before.rfind("\n")


def _position_bytes(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, as an editor counts them) of a byte offset."""
    before = data[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def read_text(path: Path | str, display: str | None = None) -> str:
    """Read a file as UTF-8 text within the size limit, or raise :class:`SpbeError`.

    Missing, unreadable, too large, binary and non-UTF-8 files each get their own message.
    """
    shown = display or str(path)
    return decode(read_bytes(path, shown), shown)


def read_bytes(path: Path | str, display: str | None = None, limit: int | None = None) -> bytes:
    """Read a file's bytes within ``limit`` (the YAML limit by default), or raise :class:`SpbeError`.

    Only regular files are read: a folder, a named pipe or a device is refused before anything
    is read from it (a pipe would block, a device might never end).
    """
    shown = display or str(path)
    limit = LIMITS["max_bytes"] if limit is None else limit
    if not str(path).strip():  # ``spbe-calc score "$F"`` with F unset: never the current folder
        raise fail(repr(str(path)), "empty-argument")
    try:
        # Opened without blocking, so that a named pipe is seen for what it is, not waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise fail(shown, "file-not-found") from None
    except PermissionError:
        raise fail(shown, "file-unreadable", reason="permission denied", errno="EACCES") from None
    except OSError as exc:
        raise os_failure(shown, "file-unreadable", exc) from None
    # Looked at before it becomes a file object: Python refuses to wrap a folder, with an error
    # of its own (a folder opens fine for reading on POSIX).
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise fail(shown, "is-directory" if stat.S_ISDIR(info.st_mode) else "not-a-regular-file")
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > limit:
            raise fail(shown, "too-large", size=info.st_size, limit=limit)
        try:
            # One byte more than allowed: a file that grew meanwhile cannot slip past.
            data = fh.read(limit + 1)
        except OSError as exc:
            raise os_failure(shown, "file-unreadable", exc) from None
    if len(data) > limit:
        raise fail(shown, "too-large", size=len(data), limit=limit)
    return data


#: What the YAML readers' English sentences mean, for a message in the user's language: a piece
#: of the sentence (libyaml's or PyYAML's wording), the reason's catalogue name, and whether the
#: mistake is where the construct started rather than where the reader gave up.
_SYNTAX_REASONS = (
    ("node content", "unclosed-bracket", False),
    ("',' or ']'", "unclosed-sequence", True),
    ("',' or '}'", "unclosed-mapping", True),
    ("end of stream", "unclosed-quote", True),
    ("mapping values are not allowed", "colon-in-value", False),
    ("expected key", "indentation", False),
    ("<block end>", "indentation", False),
    ("cannot start any token", "reserved-character", False),
    ("undefined alias", "undefined-alias", False),
    ("unknown escape", "escape", False),
    ("alphabetic or numeric", "anchor-name", False),
    ("<document start>", "indentation", False),
    ("another document", "several-documents", False),
)


def _last_open_bracket(text: str) -> int | None:
    """Offset of the last ``[`` or ``{`` of ``text`` that is not closed.

    Quotes and comments are skipped; a good guess for a message, not a parser.
    """
    stack: list[int] = []
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote or ch == "\n":
                quote = ""
        elif ch in "'\"" and (i == 0 or text[i - 1] in " \t[{,:\n"):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t\n"):
            quote = "\n"  # a comment runs to the end of the line
        elif ch in "[{":
            stack.append(i)
        elif ch in "]}" and stack:
            stack.pop()
    return stack[-1] if stack else None


def _syntax_reason(exc: yaml.MarkedYAMLError) -> tuple[str, bool]:
    """The reason for a YAML syntax error (``"other"`` when unknown) and where to point."""
    # The problem says what went wrong; its context only where (the marks carry that).
    problem = exc.problem or ""
    for piece, reason, at_start in _SYNTAX_REASONS:
        if piece in problem:
            return reason, at_start
    return "other", False


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII text with a NUL beside every character."""
    head = data[:200]
    return len(head) >= 4 and (head[0::2].count(0) == len(head[0::2]) or head[1::2].count(0) == len(head[1::2]))


def _looks_utf32(data: bytes) -> bool:
    """UTF-32: its byte-order mark, or ASCII text with three NULs beside every character."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return True
    head = data[: min(len(data), 400) // 4 * 4]  # whole characters of four bytes
    # Little-endian: the last three bytes of every character are NUL; big-endian: the first three.
    return len(head) >= 8 and any(all(not any(head[k::4]) for k in zeros) for zeros in ((1, 2, 3), (0, 1, 2)))


def decode(data: bytes, shown: str) -> str:
    """Decode bytes as UTF-8 (a BOM is allowed), refusing binary content with its position."""
    if _looks_utf32(data):
        raise fail(shown, "utf32-file", 1, 1)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(data):
        # Windows editors save "Unicode" as UTF-16; it is text, only in the wrong encoding.
        raise fail(shown, "utf16-file", 1, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _position_bytes(data, nul)
        raise fail(shown, "binary-file", line, col)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position_bytes(data, exc.start)
        raise fail(shown, "not-utf8", line, col, byte=f"0x{data[exc.start]:02x}") from None
    return text


_PLAIN_CACHE: dict[str, Scalar] = {}


def _resolve_plain(raw: str, line: int, col: int, path: str, problems: list[Problem]) -> Scalar:
    """Give a plain (unquoted) scalar its value, flagging what YAML 1.1 tools would misread.

    Batch runs see the same few hundred plain scalars (indicator numbers, levels, keys) over and
    over, so values that raise no problem are remembered: ~40 ms saved per 1,000 files (measured,
    a twelfth of such a batch).
    """
    cached = _PLAIN_CACHE.get(raw, _MISSING)
    if cached is not _MISSING:
        return cached  # type: ignore[return-value]
    before = len(problems)
    value = _resolve_plain_uncached(raw, line, col, path, problems)
    if len(problems) == before and len(raw) <= 64:
        if len(_PLAIN_CACHE) >= 4096:
            _PLAIN_CACHE.clear()
        _PLAIN_CACHE[raw] = value
    return value


_MISSING = object()


def _resolve_plain_uncached(raw: str, line: int, col: int, path: str, problems: list[Problem]) -> Scalar:
    """The resolution itself (see :func:`_resolve_plain`)."""
    if raw in ("", "~", "null", "Null", "NULL"):
        return None
    if raw in ("true", "True", "TRUE"):
        return True
    if raw in ("false", "False", "FALSE"):
        return False
    if raw.isdigit() and raw.isascii() and (raw[0] != "0" or len(raw) == 1) and len(raw) <= 30:
        return int(raw)  # the common case (levels, ids), decided without a regular expression
    lower = raw.lower()
    if lower in _BOOL_11:
        problems.append(Problem(path=path, line=line, col=col, code="yaml11-bool", args={"text": raw}))
        return raw
    if raw[0].isalpha():
        # Words: no number, date or base-60 form starts with a letter (0x… and .inf do not either).
        return raw
    return _number_or_text(raw, line, col, path, problems)


def _number_or_text(raw: str, line: int, col: int, path: str, problems: list[Problem]) -> Scalar:
    """A plain scalar that starts like a number: a number, or text with the surprise it hides."""
    if _INT.match(raw):
        digits = raw.lstrip("+-")
        if len(digits) > 1 and digits[0] == "0":
            # YAML 1.1 reads 010 as octal 8; nobody means that in an assessment file.
            number = int(raw)  # what was meant: the digits in base 10 (Python ignores the zeros)
            problems.append(
                Problem(path=path, line=line, col=col, code="yaml11-octal", args={"text": raw, "number": number})
            )
            return raw
        if len(digits) > 30:
            problems.append(Problem(path=path, line=line, col=col, code="number-too-long", args={"text": raw[:40]}))
            return raw
        return int(raw)
    if _FLOAT.match(raw):
        return _decimal(raw, line, col, path, problems)
    if _DATE.match(raw):
        problems.append(Problem(path=path, line=line, col=col, code="yaml11-date", args={"text": raw, "year": raw[:4]}))
        return raw
    if _BASE60.match(raw) or _OTHER_NUMBER.match(raw):
        problems.append(Problem(path=path, line=line, col=col, code="yaml11-number", args={"text": raw}))
    return raw


def _decimal(raw: str, line: int, col: int, path: str, problems: list[Problem]) -> Scalar:
    """A number with a fraction, read exactly; an exponent or too many digits is text with a problem."""
    if "e" in raw or "E" in raw:
        # 1e0 is a number to YAML 1.2 and text to YAML 1.1; no weight or level needs it.
        problems.append(Problem(path=path, line=line, col=col, code="yaml11-number", args={"text": raw}))
        return raw
    if len(raw) > 40:
        problems.append(Problem(path=path, line=line, col=col, code="number-too-long", args={"text": raw[:40]}))
        return raw
    value = Decimal(raw)
    if abs(value.adjusted()) > 30:
        problems.append(Problem(path=path, line=line, col=col, code="number-too-long", args={"text": raw}))
        return raw
    return value


def _tab_near(text: str, mark: Any) -> bool:
    """Tell whether a syntax error sits on a tab: YAML forbids tabs for indentation."""
    if mark is None:
        return False
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines):
        return False
    here = lines[mark.line]
    return "\t" in here[: mark.column + 1]


#: What YAML reads as a line break besides LF and CRLF: NEL, LINE and PARAGRAPH SEPARATOR, and a
#: carriage return alone. Diffs and most editors do not break lines there, so what a reviewer
#: sees would not be what is scored (``# note<CR>  3: 5`` looks like a comment and is a key).
_LINE_SEPARATOR = re.compile("[\x85\u2028\u2029]|\r(?!\n)")


class _TooMuch(Exception):  # noqa: N818  (a signal inside the walk, not an error for users)
    """A limit was passed: the walk stops, and the document is refused with :attr:`problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems


class _Builder:
    """Builds the node tree from PyYAML's events, one method per kind of event.

    Open collections are parallel stacks: the node, its anchor, the mapping key waiting for its
    value, and the keys seen so far. Every method checks the limits as it counts; passing one
    raises :class:`_TooMuch`.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        self.nodes: list[Node] = []
        self.open_anchors: list[str | None] = []
        self.pending: list[Node | None] = []
        self.seen: list[dict[Any, Node]] = []
        self.root: Node | None = None
        self.documents = 0
        self.total = 0  # values, aliases expanded
        self.said = 0  # characters, aliases expanded
        self.max_nodes, self.max_chars = LIMITS["max_nodes"], LIMITS["max_chars"]

    def _count(self, line: int, col: int, nodes: int, chars: int) -> None:
        self.total += nodes
        self.said += chars
        if self.total > self.max_nodes:
            limit = Problem(path=self.path, line=line, col=col, code="too-many-nodes", args={"limit": self.max_nodes})
            raise _TooMuch([*self.problems, limit])
        if self.said > self.max_chars:
            limit = Problem(path=self.path, line=line, col=col, code="too-many-chars", args={"limit": self.max_chars})
            raise _TooMuch([*self.problems, limit])

    def _tag(self, tag: str | None, line: int, col: int) -> None:
        if tag is not None and tag not in _ALLOWED_TAGS:
            self.problems.append(Problem(path=self.path, line=line, col=col, code="unsupported-tag", args={"tag": tag}))

    def scalar(self, event: Any) -> None:
        """A scalar: its value (a plain one resolved the strict way), counted, then attached.

        The most frequent event of all (a batch of 1,000 files has 100,000): the common case
        (no tag, no anchor, within the limits) is decided inline.
        """
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        raw, tag = event.value, event.tag
        if tag is not None:
            self._tag(tag, line, col)
        # libyaml reports a plain style as "", the pure parser as None.
        plain = event.implicit[0] and not event.style and tag in (None, "!")
        value = _resolve_plain(raw, line, col, self.path, self.problems) if plain else raw
        node = Node.scalar(line, col, value, len(raw))
        if event.anchor:
            self.anchors[event.anchor] = node
        self.total += 1
        self.said += node.chars
        if self.total > self.max_nodes or self.said > self.max_chars:
            self._count(line, col, 0, 0)  # raises, with the limit passed
        self._attach(node)

    def start(self, event: Any) -> None:
        """A mapping or a sequence opens: a new node on the stacks (within the depth limit)."""
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        self._tag(event.tag, line, col)
        self._count(line, col, 1, 0)
        if len(self.nodes) >= LIMITS["max_depth"]:
            self.problems.append(
                Problem(path=self.path, line=line, col=col, code="too-deep", args={"limit": LIMITS["max_depth"]})
            )
            raise _TooMuch(self.problems)
        node = Node(kind="map" if event.__class__ is yaml.MappingStartEvent else "seq", line=line, col=col, value=[])
        if event.anchor:
            # Registered now so that a recursive alias finds a node; its size is 1 until closed,
            # which keeps a self-reference from counting as an explosion.
            self.anchors[event.anchor] = node
        self.nodes.append(node)
        self.open_anchors.append(event.anchor)
        self.pending.append(None)
        self.seen.append({})

    def end(self, event: Any) -> None:
        """A collection closes: its size is known, its anchor now names the whole of it."""
        node = self.nodes.pop()
        self.pending.pop()
        self.seen.pop()
        if node.kind == "seq":
            size = 1 + sum(child.size for child in node.value)
            chars = sum(child.chars for child in node.value)
        else:
            size = 1 + sum(k.size + v.size for k, v in node.value)
            chars = sum(k.chars + v.chars for k, v in node.value)
        node = node._replace(size=size, chars=chars)
        anchor = self.open_anchors.pop()
        if anchor:
            self.anchors[anchor] = node
        self._attach(node)

    def alias(self, event: Any) -> None:
        """An alias: the anchored node itself (shared, not copied), counted as often as it is used."""
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        target = self.anchors.get(event.anchor)
        if target is None:  # an alias before its anchor: the event parsers let it through
            self.problems.append(
                Problem(path=self.path, line=line, col=col, code="unknown-alias", args={"name": event.anchor})
            )
            target = Node(kind="scalar", line=line, col=col)  # no value
        # The tree is a DAG: `size` and `chars` already count what the alias repeats.
        self._count(line, col, target.size, target.chars)
        self._attach(target)

    def document(self, event: Any) -> bool:
        """A document starts; ``False`` for a second one (reported: one document per file)."""
        self.documents += 1
        if self.documents > 1:
            mark = event.start_mark
            self.problems.append(
                Problem(path=self.path, line=mark.line + 1, col=mark.column + 1, code="multiple-documents", args={})
            )
            return False
        return True

    def _attach(self, node: Node) -> None:
        """Put a finished node in its parent: an item, a mapping's key, or a key's value."""
        if not self.nodes:
            self.root = node
            return
        parent = self.nodes[-1]
        if parent.kind == "seq":
            parent.value.append(node)
            return
        key = self.pending[-1]
        if key is not None:
            parent.value.append((key, node))
            self.pending[-1] = None
            return
        if node.kind != "scalar":
            self.problems.append(Problem(path=self.path, line=node.line, col=node.col, code="complex-key", args={}))
            node = Node(kind="scalar", line=node.line, col=node.col, value=f"<{node.kind}>")
        value = node.value
        hashable = (type(value), value)  # 1, true and 1.0 are equal in Python, not as keys
        first = self.seen[-1].get(hashable)
        if first is not None:
            args = {"key": value, "first": first.line}
            self.problems.append(Problem(path=self.path, line=node.line, col=node.col, code="duplicate-key", args=args))
        else:
            self.seen[-1][hashable] = node
        self.pending[-1] = node


def _line_separator(text: str, path: str) -> Document | None:
    """A line break that editors and diffs do not show (see :data:`_LINE_SEPARATOR`), refused."""
    separator = _LINE_SEPARATOR.search(text)
    if separator is None:
        return None
    # Refused where it stands as an editor counts: every position after it would be wrong.
    line, col = _position(text, separator.start())
    char = f"U+{ord(separator.group()):04X}"
    code = "bare-cr" if separator.group() == "\r" else "unicode-line-break"
    return Document(path, None, [Problem(path=path, line=line, col=col, code=code, args={"char": char})])


def parse(text: str, path: str) -> Document:
    """Parse YAML text into a :class:`Document`; never raises for bad YAML, reports problems.

    The events are handed to :class:`_Builder`, one method per kind (the hot path of batch
    scoring: the dispatch is one dictionary lookup per event).
    """
    refused = _line_separator(text, path)
    if refused is not None:
        return refused
    builder = _Builder(path)
    handlers = {
        yaml.ScalarEvent: builder.scalar,
        yaml.MappingStartEvent: builder.start,
        yaml.SequenceStartEvent: builder.start,
        yaml.MappingEndEvent: builder.end,
        yaml.SequenceEndEvent: builder.end,
        yaml.AliasEvent: builder.alias,
    }
    loader = None
    try:
        loader = _Loader(text)  # the pure-Python reader checks every character here already
        while True:
            event = loader.get_event()
            handler = handlers.get(event.__class__)
            if handler is not None:
                handler(event)
            elif event.__class__ is yaml.StreamEndEvent or (
                event.__class__ is yaml.DocumentStartEvent and not builder.document(event)
            ):
                break
    except _TooMuch as stop:
        return Document(path, None, stop.problems)
    except yaml.MarkedYAMLError as exc:
        return Document(path, None, [*builder.problems, _syntax_problem(exc, text, path)])
    except yaml.reader.ReaderError as exc:  # a character the reader refuses, at its position
        return Document(path, None, [*builder.problems, _reader_problem(exc, text, path)])
    finally:
        if loader is not None:
            loader.dispose()
    if builder.root is None:
        builder.problems.append(Problem(path=path, line=1, col=1, code="empty-file", args={}))
    return Document(path, builder.root, builder.problems)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """A YAML syntax error, placed where the mistake is and named in the catalogue's words."""
    detail = exc.problem or ""
    reason, at_start = _syntax_reason(exc)
    # An unclosed bracket or quote is found at the end of the file; the mistake is where it was opened.
    mark = (exc.context_mark if at_start else None) or exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if reason == "unclosed-bracket" and mark is not None:
        # "Expected node content": an entry inside brackets is empty or not one (``[1, , 2]``,
        # ``[- a]``), where the reader stopped; or the file ended inside brackets, and the
        # mistake is where the last one still open was opened.
        if text[mark.index :].strip():
            reason = "flow-entry"
        elif (opened := _last_open_bracket(text)) is not None:
            line, col = _position(text, opened)
            reason = "unclosed-sequence" if text[opened] == "[" else "unclosed-mapping"
    # A tab where the mistake is (not where the reader gave up: a quote left open at a tab-indented
    # last line is a quote left open).
    if _tab_near(text, mark) or "tab" in detail:
        return Problem(path=path, line=line, col=col, code="yaml-tab", args={"detail": detail})
    return Problem(path=path, line=line, col=col, code="yaml-syntax", args={"detail": detail, "advice": reason})


def _reader_problem(exc: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    """A character the YAML reader refuses (a control character), at its position."""
    if _Loader is getattr(yaml, "CSafeLoader", None):  # libyaml counts bytes of UTF-8
        line, col = _position_bytes(text.encode("utf-8"), exc.position)
    else:
        line, col = _position(text, exc.position)
    detail = exc.reason
    # libyaml says "control characters are not allowed", the pure-Python reader "special characters".
    advice = "control-character" if "characters are not allowed" in detail else "other"
    return Problem(path=path, line=line, col=col, code="yaml-syntax", args={"detail": detail, "advice": advice})


def load(path: Path | str, display: str | None = None) -> Document:
    """Read and parse a YAML file; I/O failures raise :class:`SpbeError`, YAML ones are problems."""
    shown = display or str(path)
    return parse(read_text(path, shown), shown)
