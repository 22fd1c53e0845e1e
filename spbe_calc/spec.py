"""A small declarative description of file formats: one source of truth for checking and schemas.

A format is a tree of :class:`Spec` objects. ``check`` walks a positioned YAML node tree,
reports every structural problem (wrong type, missing or unknown key, value out of range) with
its line and column, and returns plain Python data together with the position of every path.
``json_schema`` turns the same tree into a JSON Schema (draft-07) for editors, so the schema
can never drift from what the loader accepts.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple, Protocol

from spbe_calc.errors import Problem, Severity
from spbe_calc.yamlsafe import Node

Path = tuple[Any, ...]


class Context:
    """What a check collects: the file name, the problems, and a position for every path."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}

    def add(self, node: Node | tuple[int, int], code: str, severity: Severity = Severity.ERROR, **args: Any) -> None:
        """Record a problem at a node (or an explicit ``(line, col)``)."""
        line, col = (node.line, node.col) if isinstance(node, Node) else node
        self.problems.append(Problem(path=self.file, line=line, col=col, code=code, args=args, severity=severity))

    def at(self, path: Path) -> tuple[int, int]:
        """Position of the value at ``path``, falling back to the closest ancestor."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (0, 0))

    def key_at(self, path: Path) -> tuple[int, int]:
        """Position of the key that names ``path`` (its value's position if there is no key)."""
        return self.key_positions.get(path) or self.at(path)

    def fail_if_said(self, since: int, partial: Any) -> None:
        """Raise :class:`Invalid` with ``partial`` when a problem was recorded after the ``since``-th.

        A collection is invalid exactly when something inside it was said to be wrong: every
        check records a problem before it raises, so the problems themselves tell.
        """
        if len(self.problems) > since:
            raise Invalid(partial)


class Invalid(Exception):  # noqa: N818  (a signal inside the checker, not an error for users)
    """Internal signal: the node did not fit; the problem is already recorded.

    ``partial`` holds what could be checked of a collection despite the failure, so that a
    caller may go on to report semantic problems of the valid parts too.
    """

    def __init__(self, partial: Any = None) -> None:
        super().__init__()
        self.partial = partial


class Spec(Protocol):
    """What every description of a kind of value does (each is an immutable named tuple)."""

    def check(self, node: Node, path: Path, ctx: Context) -> Any:
        """The plain value of ``node``; or record why it does not fit and raise :class:`Invalid`."""

    def json_schema(self) -> dict[str, Any]:
        """The draft-07 JSON Schema of this value."""

    def expected(self) -> str:
        """Short name of the expected type, for messages (a ``type.*`` catalogue key)."""


def _described(schema: dict[str, Any], doc: str) -> dict[str, Any]:
    """A schema with its description, when there is one."""
    if doc:
        schema["description"] = doc
    return schema


def field_label(path: Path) -> str:
    """The key a value is written under, as a message names it (``tahun``, ``fakta``; ``""`` at the top).

    Only the last key: the message's line and column say which one, and list positions or
    indicator numbers in a dotted path would read as one more thing to decode.
    """
    return next((part for part in reversed(path) if isinstance(part, str)), "")


def _wrong_type(spec: Spec, node: Node, ctx: Context, path: Path) -> Invalid:
    ctx.add(node, "wrong-type", expected=spec.expected(), found=node.type_name(), field=field_label(path))
    return Invalid()


#: A whole number in quotes (``tahun: "2025"``), or with the leading zeros YAML 1.1 reads as octal.
_DIGITS = re.compile(r"\s*([0-9]{1,30})\s*")


#: The longest text any value may hold (a fakta of some forty pages).
MAX_TEXT = 100_000


class Str(NamedTuple):
    """A string (quoted or plain). ``choices`` restricts it to a fixed set."""

    choices: tuple[str, ...] = ()
    min_length: int = 0
    max_length: int = MAX_TEXT
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> str:
        """Accept a string scalar within the length bounds and choices."""
        if node.kind != "scalar" or not isinstance(node.value, str):
            raise _wrong_type(self, node, ctx, path)
        value: str = node.value
        if self.choices and value not in self.choices:
            ctx.add(node, "bad-choice", value=value, choices=", ".join(self.choices))
            raise Invalid()
        if len(value.strip()) < self.min_length:
            ctx.add(node, "empty-string")
            raise Invalid()
        if len(value) > self.max_length:
            ctx.add(node, "string-too-long", limit=self.max_length)
            raise Invalid()
        return value

    def expected(self) -> str:
        """Name of the type for messages."""
        return "str"

    def json_schema(self) -> dict[str, Any]:
        """Schema of a string."""
        base: dict[str, Any] = {"type": "string"}
        if self.choices:
            base["enum"] = list(self.choices)
        if self.min_length:
            # The loader counts length without surrounding blanks, so "   " is empty to it too.
            base["pattern"] = "\\S"
            base["minLength"] = self.min_length
        base["maxLength"] = self.max_length
        return _described(base, self.doc)


class Int(NamedTuple):
    """A whole number written without quotes, optionally bounded."""

    minimum: int | None = None
    maximum: int | None = None
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> int:
        """Accept an integer scalar within bounds."""
        v = node.value
        if node.kind == "scalar" and isinstance(v, str) and _DIGITS.fullmatch(v):
            # "2025" in quotes: a number written as text; the fix is to drop the quotes.
            number = int(_DIGITS.fullmatch(v).group(1))  # type: ignore[union-attr]
            ctx.add(node, "quoted-number", value=v, number=number, field=field_label(path))
            raise Invalid()
        if node.kind != "scalar" or isinstance(v, bool) or not isinstance(v, int):
            raise _wrong_type(self, node, ctx, path)
        low = self.minimum is not None and v < self.minimum
        high = self.maximum is not None and v > self.maximum
        if low or high:
            if self.minimum is not None and self.maximum is not None:
                ctx.add(node, "out-of-range", value=v, minimum=self.minimum, maximum=self.maximum)
            elif low:
                ctx.add(node, "below-minimum", value=v, minimum=self.minimum)
            else:
                ctx.add(node, "above-maximum", value=v, maximum=self.maximum)
            raise Invalid()
        return v

    def expected(self) -> str:
        """Name of the type for messages."""
        return "int"

    def json_schema(self) -> dict[str, Any]:
        """Schema of an integer."""
        base: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            base["minimum"] = self.minimum
        if self.maximum is not None:
            base["maximum"] = self.maximum
        return _described(base, self.doc)


_RATIO = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*\Z")
#: The same quotient for the JSON Schema, with a denominator that is not zero.
_RATIO_SCHEMA = "^\\s*[0-9]+\\s*/\\s*0*[1-9][0-9]*\\s*$"


class Num(NamedTuple):
    """An exact number, returned as a :class:`Fraction`.

    Integers and decimals (``1.30``) are always accepted. With ``ratio``, a quotient of whole
    numbers written as text (``10/3``) is accepted too, for weights such as 20 % shared by six
    items that no finite decimal can state exactly.
    """

    minimum: Decimal | None = None
    exclusive_minimum: bool = False
    ratio: bool = False
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> Fraction:
        """Accept an int, a decimal or (with ``ratio``) ``a/b``; return the exact value."""
        v = node.value
        if self.ratio and node.kind == "scalar" and isinstance(v, str) and (m := _RATIO.match(v)):
            if int(m.group(2)) == 0:
                ctx.add(node, "division-by-zero", value=v)
                raise Invalid()
            value = Fraction(int(m.group(1)), int(m.group(2)))
        elif node.kind != "scalar" or isinstance(v, bool) or not isinstance(v, (int, Decimal)):
            raise _wrong_type(self, node, ctx, path)
        else:
            value = Fraction(v)
        if self.minimum is not None and (value < self.minimum or (self.exclusive_minimum and value == self.minimum)):
            ctx.add(node, "too-small", value=v, minimum=self.minimum)
            raise Invalid()
        return value

    def expected(self) -> str:
        """Name of the type for messages."""
        return "number"

    def json_schema(self) -> dict[str, Any]:
        """Schema of a number (or of a ``a/b`` string when ratios are allowed)."""
        base: dict[str, Any] = {"type": "number"}
        if self.minimum is not None:
            key = "exclusiveMinimum" if self.exclusive_minimum else "minimum"
            base[key] = float(self.minimum)
        if self.ratio:
            return _described({"anyOf": [base, {"type": "string", "pattern": _RATIO_SCHEMA}]}, self.doc)
        return _described(base, self.doc)


class Bool(NamedTuple):
    """``true`` or ``false``."""

    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> bool:
        """Accept a boolean scalar."""
        if node.kind != "scalar" or not isinstance(node.value, bool):
            raise _wrong_type(self, node, ctx, path)
        return node.value

    def expected(self) -> str:
        """Name of the type for messages."""
        return "bool"

    def json_schema(self) -> dict[str, Any]:
        """Schema of a boolean."""
        return _described({"type": "boolean"}, self.doc)


class Nullable(NamedTuple):
    """The inner spec, or an empty value (``null``, ``~`` or nothing)."""

    inner: Spec
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> Any:
        """Accept null or whatever the inner spec accepts."""
        if node.kind == "scalar" and node.value is None:
            return None
        return self.inner.check(node, path, ctx)

    def expected(self) -> str:
        """Name of the inner type for messages."""
        return self.inner.expected()

    def json_schema(self) -> dict[str, Any]:
        """Schema of the inner type or null."""
        return _described({"anyOf": [self.inner.json_schema(), {"type": "null"}]}, self.doc)


class Seq(NamedTuple):
    """A list of items of one kind."""

    item: Spec
    min_items: int = 0
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> list[Any]:
        """Check every item, collecting all problems before failing."""
        if node.kind != "seq":
            if node.kind == "scalar" and path and isinstance(node.value, str):
                # ``bukti: "SK Bupati"``: show how a list of one item is written.
                ctx.add(
                    node, "wrong-type", expected=self.expected(), found=node.type_name(), advice="list", key=path[-1]
                )
                raise Invalid()
            raise _wrong_type(self, node, ctx, path)
        out: list[Any] = []
        since = len(ctx.problems)
        for i, child in enumerate(node.value):
            sub = path + (i,)
            ctx.positions[sub] = (child.line, child.col)
            try:
                out.append(self.item.check(child, sub, ctx))
            except Invalid as exc:
                # What could be checked of the item (None if nothing), in its place: positions
                # and length stay right, and later checks see the valid parts (as in Obj).
                out.append(exc.partial)
        if len(ctx.problems) == since and len(out) < self.min_items:  # too few, of valid items
            ctx.add(node, "too-few-items", count=self.min_items)
        ctx.fail_if_said(since, out)
        return out

    def expected(self) -> str:
        """Name of the type for messages."""
        return "seq"

    def json_schema(self) -> dict[str, Any]:
        """Schema of an array."""
        base: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            base["minItems"] = self.min_items
        return _described(base, self.doc)


class Field(NamedTuple):
    """One key of an :class:`Obj`."""

    spec: Spec
    required: bool = False


def _check_entry(spec: Spec, key: Node, value: Node, sub: Path, name: Any, out: dict[Any, Any], ctx: Context) -> None:
    """Check one mapping entry into ``out[name]``, recording where it is.

    What could be checked of an invalid collection is kept, so that later checks see it too.
    """
    ctx.positions[sub] = (value.line, value.col)
    ctx.key_positions[sub] = (key.line, key.col)
    try:
        out[name] = spec.check(value, sub, ctx)
    except Invalid as exc:
        if exc.partial is not None:
            out[name] = exc.partial


class Obj(NamedTuple):
    """A mapping with a fixed set of keys; unknown keys are errors (with a suggestion)."""

    fields: dict[str, Field]
    doc: str = ""
    #: Keys of which at most one may be written (an answers file's ``levels`` or ``hasil``).
    exclusive: tuple[str, ...] = ()

    def check(self, node: Node, path: Path, ctx: Context) -> dict[str, Any]:
        """Check every known key, report unknown and missing ones, collect all problems."""
        if node.kind != "map":
            raise _wrong_type(self, node, ctx, path)
        out: dict[str, Any] = {}
        since = len(ctx.problems)
        for key, value in node.value:
            name = key.value
            if not isinstance(name, str) or name not in self.fields:
                close = difflib.get_close_matches(str(name), list(self.fields), n=1)
                ctx.add(
                    key, "unknown-key", key=name, allowed=", ".join(self.fields), suggestion=close[0] if close else ""
                )
                continue
            _check_entry(self.fields[name].spec, key, value, path + (name,), name, out, ctx)
        present = {k.value for k, _ in node.value}
        for name, f in self.fields.items():
            if f.required and name not in present:
                ctx.add(node, "missing-key", key=name)
        written = [k for k, _ in node.value if k.value in self.exclusive]
        if len(written) > 1:
            ctx.add(written[1], "only-one-of", keys=" | ".join(self.exclusive))
        ctx.fail_if_said(since, out)
        return out

    def expected(self) -> str:
        """Name of the type for messages."""
        return "map"

    def json_schema(self) -> dict[str, Any]:
        """Schema of an object with fixed properties."""
        base: dict[str, Any] = {
            "type": "object",
            "properties": {name: f.spec.json_schema() for name, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [name for name, f in self.fields.items() if f.required]
        if required:
            base["required"] = required
        if self.exclusive:
            base["not"] = {"required": list(self.exclusive)}
        return _described(base, self.doc)


class MapOf(NamedTuple):
    """A mapping whose keys are ids (checked by ``key``) and whose values share one spec."""

    key: Spec
    value: Spec
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> dict[Any, Any]:
        """Check each key and each value, collecting all problems."""
        if node.kind != "map":
            raise _wrong_type(self, node, ctx, path)
        out: dict[Any, Any] = {}
        since = len(ctx.problems)
        for key, value in node.value:
            try:
                k = self.key.check(key, path, ctx)
            except Invalid:
                continue
            _check_entry(self.value, key, value, path + (k,), k, out, ctx)
        ctx.fail_if_said(since, out)
        return out

    def expected(self) -> str:
        """Name of the type for messages."""
        return "map"

    def json_schema(self) -> dict[str, Any]:
        """Schema of an object whose property names follow a pattern."""
        base: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "patternProperties": {key_pattern(self.key): self.value.json_schema()},
        }
        return _described(base, self.doc)


class ByKind(NamedTuple):
    """One of several specs, chosen by the node's kind (scalar, map or seq), not by trial."""

    scalar: Spec | None = None
    map: Spec | None = None
    seq: Spec | None = None
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> Any:
        """Dispatch on the node kind so that errors come from the one spec that applies."""
        spec = getattr(self, node.kind)  # the kinds "scalar", "map", "seq" name the fields
        if spec is None:
            raise _wrong_type(self, node, ctx, path)
        return spec.check(node, path, ctx)

    def expected(self) -> str:
        """Names of the accepted types for messages."""
        return " | ".join(s.expected() for s in (self.scalar, self.map, self.seq) if s is not None)

    def json_schema(self) -> dict[str, Any]:
        """Schema accepting any of the alternatives."""
        return _described(
            {"anyOf": [s.json_schema() for s in (self.scalar, self.map, self.seq) if s is not None]}, self.doc
        )


class Custom(NamedTuple):
    """A scalar checked by a function (for ids that may be written as ``12`` or ``35-2``)."""

    func: Callable[[Node, Context], Any]
    schema: dict[str, Any]
    name: str = "value"
    doc: str = ""

    def check(self, node: Node, path: Path, ctx: Context) -> Any:
        """Apply the function; it records a problem and raises Invalid when the value is wrong."""
        return self.func(node, ctx)

    def expected(self) -> str:
        """Name of the type for messages."""
        return self.name

    def json_schema(self) -> dict[str, Any]:
        """The schema given at construction."""
        return _described(dict(self.schema), self.doc)


def key_pattern(key: Spec) -> str:
    """The pattern JSON keys must match for a mapping keyed by ``key`` (JSON keys are strings).

    Whole-number keys get the pattern of exactly the numbers the loader accepts: no sign, no
    leading zero, within the bounds (small ranges are listed, open ones start at 0 or 1).
    """
    if not isinstance(key, Int):
        return ".*"
    low = key.minimum if key.minimum is not None else 0
    if key.maximum is not None and key.maximum - low <= 100:
        return "^(?:" + "|".join(str(n) for n in range(max(low, 0), key.maximum + 1)) + ")$"
    if low <= 0:
        return "^(?:0|[1-9][0-9]*)$"
    if low == 1:
        return "^[1-9][0-9]*$"
    raise ValueError(f"no key pattern for a minimum of {low}")  # no format uses one


def run(spec: Spec, root: Node, file: str) -> tuple[Any, Context]:
    """Check ``root`` against ``spec``; return the plain value (``None`` if invalid) and context."""
    value, ctx = run_partial(spec, root, file)
    return (None if ctx.problems else value), ctx


def run_partial(spec: Spec, root: Node, file: str) -> tuple[Any, Context]:
    """Like :func:`run`, but return whatever parts were valid even when problems were found."""
    ctx = Context(file)
    ctx.positions[()] = (root.line, root.col)
    try:
        value = spec.check(root, (), ctx)
    except Invalid as exc:
        value = exc.partial
    return value, ctx
