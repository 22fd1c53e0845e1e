"""Tests of spbe_calc/yamlsafe.py."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from spbe_calc import yamlsafe
from spbe_calc.errors import Problem, SpbeError
from spbe_calc.yamlsafe import LIMITS, Node, decode, parse, read_bytes

from .conftest import Run, answers_text, bounded
from .helpers import HEAD, Write, _within_bounds


def alias_bomb(folder: Path, length: int = 100_000) -> Path:
    """A valid file of ~100 KB whose one long text is aliased in every fakta and bukti."""
    lines = [HEAD.rstrip("\n"), f'  1: {{level: 3, fakta: &t "{"x" * length}", bukti: [*t]}}']
    lines += [f"  {i}: {{level: 3, fakta: *t, analisis: *t, bukti: [*t, *t, *t]}}" for i in range(2, 48)]
    path = folder / "bom.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def at_the_limit(folder: Path) -> Path:
    """A file without aliases that says just under the characters a document may say."""
    words = ["kebijakan", "arsitektur", "layanan", "data", "aplikasi", "keamanan", "infrastruktur", "proses", "bisnis"]
    per = (LIMITS["max_chars"] - 40_000) // 47
    text = " ".join(words[i % len(words)] for i in range(per))[:per]
    lines = [HEAD.rstrip("\n")] + [f'  {i}:\n    level: 3\n    fakta: "{text}"' for i in range(1, 48)]
    path = folder / "besar.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "Y", "N"])
def test_every_yaml_11_boolean_is_flagged(word: str) -> None:
    doc = parse(f"instansi: {word}\n", "a.yaml")
    assert [(p.code, p.line, p.col) for p in doc.problems] == [("yaml11-bool", 1, 11)]
    assert doc.root is not None and doc.root.value[0][1].value == word  # kept as the text written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: x\x07y\n", ("yaml-syntax", 2, 5)),  # a control character, on a later line
        ("a\x07: 1\n", ("yaml-syntax", 1, 2)),  # and on the first line
        ("a:\n\tb: 1\n", ("yaml-tab", 2, 1)),
        ("\t- a\n", ("yaml-tab", 1, 1)),  # a tab on the very first line
        ("- a\n-\tb: [\n", ("yaml-tab", 2, 2)),  # the tab is where the error is
        ("a: 1\n b:\t2\n", ("yaml-syntax", 2, 3)),  # a tab after the error is not its cause
        ("a: [1\n", ("yaml-syntax", 1, 4)),  # where the bracket opened, not where the file ended
    ],
)
def test_syntax_errors_name_their_position(text: str, expected: tuple[str, int, int]) -> None:
    doc = parse(text, "a.yaml")
    assert doc.root is None
    assert [(p.code, p.line, p.col) for p in doc.problems] == [expected]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a: 1\nbb: \x00", ("binary-file", 2, 5)),
        (b"\x00", ("binary-file", 1, 1)),
        (b"a: 1\nb: \xff\n", ("not-utf8", 2, 4)),
        (b"\xff", ("not-utf8", 1, 1)),
    ],
)
def test_bytes_that_are_not_text_are_placed(data: bytes, expected: tuple[str, int, int]) -> None:
    with pytest.raises(SpbeError) as info:
        decode(data, "a.yaml")
    assert [(p.code, p.line, p.col) for p in info.value.problems] == [expected]


def test_node_type_names() -> None:
    doc = parse("a: ~\nb: true\nc: 1\nd: 1.5\ne: x\nf: [1]\ng: {h: 1}\n", "a.yaml")
    assert doc.root is not None
    assert [v.type_name() for _, v in doc.root.value] == ["null", "bool", "int", "decimal", "str", "seq", "map"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\nab\x07", (2, 3)),  # the only line break is the first character
        ("a\nbbbb\ncc\x07", (3, 3)),  # several line breaks before: the last one counts
    ],
)
def test_positions_after_line_breaks(text: str, expected: tuple[int, int]) -> None:
    doc = parse(text, "a.yaml")
    assert [(p.line, p.col) for p in doc.problems] == [expected]
    with pytest.raises(SpbeError) as info:
        decode(text.replace("\x07", "\x00").encode("utf-8"), "a.yaml")
    assert [(p.line, p.col) for p in info.value.problems] == [expected]


@pytest.mark.parametrize(("text", "expected"), [("\n\u2028", (2, 1)), ("a\nbb\ncc\u2028", (3, 3))])
def test_line_separator_positions_after_line_breaks(text: str, expected: tuple[int, int]) -> None:
    doc = parse(text, "a.yaml")
    assert [(p.code, p.line, p.col) for p in doc.problems] == [("unicode-line-break", *expected)]


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("levels: [\n", 8),  # a bracket on the first line
        ("a: [1, [2]]\nb: {\n", 15),  # closed brackets do not count
        ("a: ]\nb: [\n", 8),  # a stray closer is ignored
        ('a: "[" \nb: [\n', 11),  # a bracket in double quotes is text
        ("a: '{'\nb: [\n", 10),  # in single quotes too
        ('"[": 1\nb: {\n', 10),  # a quote at the very start
        ('a: ["x", [\n', 9),  # a quote after [
        ('a: {k: "}", z: [\n', 15),  # after : and ,
        ('a: x"[\n', 5),  # a quote inside a word is not a quote
        ('a: "abc\nb: [\n', 11),  # an unclosed quote ends with its line
        ("# [\nb: 1\n", None),  # a comment at the start
        ("a: 1 # {\nb: [\n", 12),  # a comment after a space
        ("a: 1\t# {\n", None),  # after a tab
        ("a: x#[\n", 5),  # '#' inside a word is not a comment
        ("a: [X, [\n", 7),  # letters neither open nor close
        ("a: [1]\nX\n", None),
        ("a: [X\n", 3),
        ("a: X#[\n", 5),
        ('a: X"[\n', 5),
        ("a: 1\n", None),
        ("a: [1\n  # ]\n", 3),
    ],
)
def test_the_bracket_left_open(text: str, offset: int | None) -> None:
    """Where an unclosed bracket was opened (REGRESSION VALUES, checked by hand)."""
    from spbe_calc.yamlsafe import _last_open_bracket

    assert _last_open_bracket(text) == offset


@pytest.mark.parametrize(
    "data",
    [
        "1\n".encode("utf-16-le"),
        "1\n".encode("utf-16-be"),
        "levels: {}\n".encode("utf-16-be"),
        "levels: {}\n".encode("utf-16-le"),  # not UTF-32: every second byte only is NUL
        ("a" * 100 + "中").encode("utf-16-be"),  # told by its first 100 characters
    ],
)
def test_utf16_without_a_byte_order_mark(data: bytes) -> None:
    with pytest.raises(SpbeError) as info:
        decode(data, "j.yaml")
    assert [p.code for p in info.value.problems] == ["utf16-file"]


@pytest.mark.parametrize(
    ("data", "code", "where"),
    [
        ("levels: {}\n".encode("utf-32-le"), "utf32-file", (1, 1)),  # no byte-order mark
        ("levels: {}\n".encode("utf-32-be"), "utf32-file", (1, 1)),
        (b"\x00\x00\xfe\xff" + "1\n".encode("utf-32-be"), "utf32-file", (1, 1)),  # big-endian mark
        ("1\n".encode("utf-32-le"), "utf32-file", (1, 1)),  # two characters: the fewest that tell
        ("1".encode("utf-32-le") + b"\n\x00\x00", "utf16-file", (1, 1)),  # seven bytes: too few for UTF-32
        ("a\n".encode("utf-32-le") + b"b", "utf32-file", (1, 1)),  # a stray byte after whole characters
        ("a\n".encode("utf-32-be") + b"b", "utf32-file", (1, 1)),
        (b"ab\x00\x00cd\x00\x00", "binary-file", (1, 3)),  # two NULs of four: not UTF-32
        ("ab".encode("utf-32-le") + b"cdefgh", "binary-file", (1, 2)),  # UTF-32 for two characters only
        (b"a\x00\x00\x00b\x00\x00c", "binary-file", (1, 2)),  # one byte not NUL where three are
        (b"\x00\x00\x00a\x00\x00b\x00", "binary-file", (1, 1)),
        (b"ab\ncd" + b"\x00" * 10, "binary-file", (2, 3)),  # NULs after text are not UTF-32
    ],
)
def test_utf32_is_told_from_binary_by_the_whole_head(data: bytes, code: str, where: tuple[int, int]) -> None:
    with pytest.raises(SpbeError) as info:
        decode(data, "j.yaml")
    assert [(p.code, p.line, p.col) for p in info.value.problems] == [(code, *where)]


def test_a_folder_or_an_impossible_name_where_a_file_is_read(run: Run, tmp_path: Path) -> None:
    r = run("plan", str(tmp_path), "-t", "Baik")
    assert r.exit_code == 2 and r.stderr.startswith(f"{tmp_path}: galat: ")
    assert "folder" in r.stderr.splitlines()[0]
    long_name = str(tmp_path / ("a" * 300 + ".yaml"))
    r = run("score", long_name)
    assert r.exit_code == 2 and r.stderr.startswith(
        f"{long_name}: galat: berkas tidak dapat dibaca (nama terlalu panjang)"
    )


def test_the_size_limit_is_checked_before_and_while_reading(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file over the limit is refused from its size; a file whose size says nothing (as in
    /proc, or one that grows while read) after one byte more than the limit."""
    from spbe_calc import yamlsafe

    monkeypatch.setitem(yamlsafe.LIMITS, "max_bytes", 100)
    assert yamlsafe.read_text(write("pas.yaml", "#" * 99 + "\n")).startswith("#")  # exactly the limit
    big = write("besar.yaml", "#" * 200)
    with pytest.raises(SpbeError) as info:
        yamlsafe.read_text(big, "besar.yaml")
    assert [(p.path, p.code, p.args) for p in info.value.problems] == [
        ("besar.yaml", "too-large", {"size": 200, "limit": 100})
    ]
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size:
        pytest.skip("no file that reports a size of 0 on this system")
    with pytest.raises(SpbeError) as info:
        yamlsafe.read_text(status, "status")
    assert [(p.path, p.code, p.args) for p in info.value.problems] == [
        ("status", "too-large", {"size": 101, "limit": 100})
    ]


@pytest.mark.parametrize(
    ("raw", "value", "problem"),
    [
        ("Null", None, None),
        ("NULL", None, None),
        ("True", True, None),
        ("TRUE", True, None),
        ("False", False, None),
        ("FALSE", False, None),
        ("+0", 0, None),
        ("+010", "+010", ("yaml11-octal", "+010")),
        ("-010", "-010", ("yaml11-octal", "-010")),
        ("1" * 30, int("1" * 30), None),
        ("+" + "1" * 30, int("1" * 30), None),
        ("1" * 31, "1" * 31, ("number-too-long", "1" * 31)),
        ("1." + "1" * 38, Decimal("1." + "1" * 38), None),  # 40 characters
        ("1." + "1" * 39, "1." + "1" * 39, ("number-too-long", "1." + "1" * 38)),  # cut at 40
        ("1" + "0" * 30 + ".5", Decimal("1" + "0" * 30 + ".5"), None),  # 10^30
        ("1" + "0" * 31 + ".5", "1" + "0" * 31 + ".5", ("number-too-long", "1" + "0" * 31 + ".5")),
        ("1E5", "1E5", ("yaml11-number", "1E5")),
        ("1.5e2", "1.5e2", ("yaml11-number", "1.5e2")),
        ("2020-09-02", "2020-09-02", ("yaml11-date", "2020-09-02")),  # YAML 1.1 would make it a date
        ("12:30", "12:30", ("yaml11-number", "12:30")),  # and this 750 (base 60)
        ("0x1F", "0x1F", ("yaml11-number", "0x1F")),
    ],
)
def test_plain_scalars_in_every_spelling(raw: str, value: object, problem: tuple[str, str] | None) -> None:
    from spbe_calc import yamlsafe

    yamlsafe._PLAIN_CACHE.clear()  # resolved here, not remembered from another test
    doc = parse(f"a: {raw}\n", "t.yaml")
    assert doc.root is not None
    node = doc.root.value[0][1]
    assert node.value == value and type(node.value) is type(value)
    found = [(p.path, p.line, p.col, p.code, p.args) for p in doc.problems]
    # An octal-looking number also says what was meant (the digits in base 10).
    extra = {"number": int(problem[1])} if problem and problem[0] == "yaml11-octal" else {}
    extra = {"year": problem[1][:4]} if problem and problem[0] == "yaml11-date" else extra  # 2020, said
    assert found == ([("t.yaml", 1, 4, problem[0], {"text": problem[1], **extra})] if problem else [])


def test_the_node_limit_counts_aliases_expanded(monkeypatch: pytest.MonkeyPatch) -> None:
    """In process (the corpus's billion laughs runs in a subprocess, which no mutant reaches)."""
    from spbe_calc import yamlsafe

    monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", 10)
    # a mapping of 4 pairs: 1 + 8 nodes; an alias to it counts its whole size again
    assert parse("a: 1\nb: 2\nc: 3\nd: 4\n", "t.yaml").problems == []
    over = parse("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n", "t.yaml")  # 11 nodes
    assert [(p.path, p.line, p.code, p.args) for p in over.problems] == [("t.yaml", 5, "too-many-nodes", {"limit": 10})]
    assert over.root is None and over.path == "t.yaml"
    aliased = parse("a: &x [1, 2, 3]\nb: *x\n", "t.yaml")  # 1 + (1 + 4) + (1 + 4) = 11
    assert [p.code for p in aliased.problems] == ["too-many-nodes"]
    monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", 11)
    assert parse("a: &x [1, 2, 3]\nb: *x\n", "t.yaml").problems == []


def test_the_character_limit_counts_a_mapping_alias_expanded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys and values inside an aliased mapping count again at every alias (bytes after aliases)."""
    from spbe_calc import yamlsafe

    text = "a: &x {kk: vvvv}\nb: *x\n"  # a, kk, vvvv, b, then kk and vvvv again: 1 + 6 + 1 + 6
    monkeypatch.setitem(yamlsafe.LIMITS, "max_chars", 14)
    assert parse(text, "t.yaml").problems == []  # exactly at the limit
    monkeypatch.setitem(yamlsafe.LIMITS, "max_chars", 13)
    over = parse(text, "t.yaml")
    assert [(p.line, p.col, p.code, p.args) for p in over.problems] == [(2, 4, "too-many-chars", {"limit": 13})]
    assert over.root is None


def test_a_file_at_the_node_limit_and_over_the_character_limit_is_said_over_the_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from spbe_calc import yamlsafe

    monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", 3)  # the mapping, a, bbbb: exactly 3
    monkeypatch.setitem(yamlsafe.LIMITS, "max_chars", 4)  # a and bbbb: 5
    over = parse("a: bbbb\n", "t.yaml")
    assert [(p.line, p.col, p.code, p.args) for p in over.problems] == [(1, 4, "too-many-chars", {"limit": 4})]


def test_a_quoted_bracket_or_hash_does_not_hide_the_open_bracket() -> None:
    """An unclosed bracket is pointed at where it opened, past quotes: after a blank, and at the start."""
    # The file ends inside the brackets, after a comma: the reader cannot tell which bracket is open.
    # The last one ends in a comment without a line break: its quote opens the file.
    for text, col in (('x: [1, "a[b",\n', 4), ('"a #b": [1,', 9), ('"a #b": [1, # c', 9), ("x: [1,  #[a\n", 4)):
        (problem,) = parse(text, "t.yaml").problems
        assert (problem.line, problem.col, problem.args["advice"]) == (1, col, "unclosed-sequence")


def test_a_number_too_long_is_quoted_by_its_first_forty_characters(run: Run, write: Callable[..., Path]) -> None:
    digits = "1234567890" * 4 + "12345"  # 45 digits
    (report,) = json.loads(run("validate", "-f", "json", str(write("a.yaml", f"levels:\n  1: {digits}\n"))).stdout)
    (message,) = [p["message"] for p in report["problems"] if p["code"] == "number-too-long"]
    assert digits[:40] in message and digits[:41] not in message


def test_a_utf16_file_with_a_big_endian_mark_is_named_as_such(run: Run, write: Callable[..., Path]) -> None:
    path = write("a.yaml", "levels: {1: 3}\n".encode("utf-16-be").join([b"\xfe\xff", b""]))
    (report,) = json.loads(run("validate", "-f", "json", str(path)).stdout)
    assert [p["code"] for p in report["problems"]] == ["utf16-file"]


def test_an_unexplained_syntax_error_points_where_the_reader_stopped() -> None:
    (problem,) = parse("- a\nb: c\n", "t.yaml").problems
    assert (problem.line, problem.col, problem.args["advice"]) == (2, 1, "other")


def test_a_folder_or_a_pipe_where_a_file_is_read_is_named_for_what_it_is(tmp_path: Path) -> None:
    with pytest.raises(SpbeError) as info:
        read_bytes(tmp_path)
    assert [(p.path, p.code) for p in info.value.problems] == [(str(tmp_path), "is-directory")]
    pipe = tmp_path / "pipa.yaml"
    os.mkfifo(pipe)
    with pytest.raises(SpbeError) as info:
        read_bytes(pipe, "jawaban")
    assert [(p.path, p.code) for p in info.value.problems] == [("jawaban", "not-a-regular-file")]


def test_a_file_that_cannot_be_opened_or_read_says_why(
    monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path]
) -> None:
    """Permission denied (which root, running the tests, never meets) and a failing disk."""
    path = write("j.yaml", "levels: {1: 3}\n")

    def refused(*args: Any) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as m:
        m.setattr(os, "open", refused)
        with pytest.raises(SpbeError) as info:
            read_bytes(path, "jawaban")
    problem = info.value.problems[0]
    assert (problem.path, problem.code, problem.args) == (
        "jawaban",
        "file-unreadable",
        {"reason": "permission denied", "errno": "EACCES"},
    )

    class Failing(io.BytesIO):
        def read(self, *args: Any) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as m:
        m.setattr(os, "fdopen", lambda fd, mode: (os.close(fd), Failing())[1])
        with pytest.raises(SpbeError) as info:
            read_bytes(path, "jawaban")
    problem = info.value.problems[0]
    assert (problem.path, problem.code, problem.args["errno"]) == ("jawaban", "file-unreadable", "EIO")


def test_a_non_specific_tag_reads_like_no_tag() -> None:
    """``! 1`` is read as PyYAML reads it: the tag "!" leaves the plain scalar's type to its text."""
    doc = parse("a: ! 1\nb: 1\n", "x")
    assert [(k.value, v.value) for k, v in doc.root.value] == [("a", 1), ("b", 1)] and not doc.problems


def test_the_node_limit_is_reached_not_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", 5)
    assert parse("a: 1\nb: 2\n", "x").problems == []  # the mapping and four scalars: five nodes
    problems = parse("a: 1\nb: 2\nc: 3\n", "x").problems
    assert [(p.path, p.code, p.line, p.col, p.args) for p in problems] == [("x", "too-many-nodes", 3, 1, {"limit": 5})]
    # The same when the node one too many is a mapping or a list.
    assert parse("a: 1\nb: {}\n", "x").problems == []
    for text in ("a: 1\nb: 2\nc: {}\n", "a: 1\nb: 2\nc: []\n"):
        monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", 6)
        problems = parse(text, "x").problems
        assert [(p.path, p.code, p.line, p.col, p.args) for p in problems] == [
            ("x", "too-many-nodes", 3, 4, {"limit": 6})
        ]


def test_without_libyaml_a_control_character_is_a_problem_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python reader checks characters when it is created; that is reported, not a crash."""
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    monkeypatch.delattr(yaml, "CSafeLoader")  # as PyYAML is without libyaml
    problems = parse("a: \x07\n", "x").problems
    assert [(p.code, p.line, p.col, p.args) for p in problems] == [
        ("yaml-syntax", 1, 4, {"detail": "special characters are not allowed", "advice": "control-character"})
    ]


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("a: &x {b: 1, c: 2}\nd: *x\n", 13),  # the mapping: itself, two keys, two values
        ("a: &x [1, [2, 3]]\nd: *x\n", 13),  # the list: itself, 1, the inner list and its two
    ],
)
def test_an_alias_counts_every_node_it_repeats(monkeypatch: pytest.MonkeyPatch, text: str, nodes: int) -> None:
    """Aliases are bounded by what they expand to ("billion laughs"), counted exactly."""
    monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", nodes)
    assert parse(text, "x").problems == []
    monkeypatch.setitem(yamlsafe.LIMITS, "max_nodes", nodes - 1)
    problems = parse(text, "x").problems
    assert [(p.path, p.code, p.line, p.col) for p in problems] == [("x", "too-many-nodes", 2, 4)]


def test_a_recursive_alias_finds_its_own_collection() -> None:
    """Not an unknown alias: the list holds itself (the checks that read it then refuse its shape)."""
    doc = parse("a: &x [1, *x]\n", "x")
    assert doc.problems == []
    inner = doc.root.value[0][1].value[1]
    assert inner.kind == "seq" and inner.value is doc.root.value[0][1].value


def test_without_libyaml_an_unknown_alias_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    problems = parse("a: *x\n", "x").problems
    assert [(p.path, p.code, p.line, p.col, p.args) for p in problems] == [("x", "unknown-alias", 1, 4, {"name": "x"})]


@pytest.mark.parametrize(
    ("text", "where", "advice", "detail"),
    [
        ("a: [1, @b]\n", (1, 8), "reserved-character", "found character that cannot start any token"),
        ("a: {b: 1,\n", (1, 4), "unclosed-mapping", "did not find expected node content"),
        ("a: [1,\n", (1, 4), "unclosed-sequence", "did not find expected node content"),
        ("a: [1,\n# [komentar\n\n", (1, 4), "unclosed-sequence", "did not find expected node content"),
        ("a: [x, {b: 1,\n", (1, 8), "unclosed-mapping", "did not find expected node content"),
        # Closed brackets with an empty entry, or a block entry inside them: where it is.
        ("a: [1, , 2]\n", (1, 8), "flow-entry", "did not find expected node content"),
        ("a: [1, , 2\n", (1, 8), "flow-entry", "did not find expected node content"),
        ("a: {b: , ,}\n", (1, 10), "flow-entry", "did not find expected node content"),
        ("a: [\n- b\n]\n", (2, 1), "flow-entry", "did not find expected node content"),
        # A "#" after a word is text, not a comment: the bracket after it counts.
        ("a#: [1,\n", (1, 5), "unclosed-sequence", "did not find expected node content"),
        # A tab on the last line of a quote left open does not make it a tab problem.
        ('a: "abc\n\tdef', (1, 4), "unclosed-quote", "found unexpected end of stream"),
    ],
)
def test_a_syntax_error_inside_brackets_is_placed_by_its_kind(
    text: str, where: tuple[int, int], advice: str, detail: str
) -> None:
    """An unclosed bracket is pointed at where it opened; any other mistake where it is."""
    problems = parse(text, "x").problems
    assert [((p.line, p.col), p.code, p.args) for p in problems] == [
        (where, "yaml-syntax", {"detail": detail, "advice": advice})
    ]


def test_what_stands_in_for_an_unknown_alias_and_a_complex_key() -> None:
    """A scalar in the same place, so that the checks after the problem still see a plain tree."""
    doc = parse("a: [1, *x]\n", "x")
    assert [p.code for p in doc.problems] == ["unknown-alias"]
    assert doc.root is not None and doc.root.value[0][1].value[1] == yamlsafe.Node("scalar", 1, 8, None)
    doc = parse("? [a]\n: 1\n", "x")
    assert [p.code for p in doc.problems] == ["complex-key"]
    assert doc.root is not None and doc.root.value[0][0] == yamlsafe.Node("scalar", 1, 3, "<seq>")


def test_keys_that_python_finds_equal_are_different_keys() -> None:
    assert parse("1: a\n1.0: b\ntrue: c\n", "x").problems == []
    assert [p.code for p in parse("1: a\n1: b\n", "x").problems] == ["duplicate-key"]


def test_a_tab_that_breaks_the_indentation_is_named_with_the_readers_words() -> None:
    problems = parse("a: 1\n\tb: 2\n", "x").problems
    assert [(p.code, p.line, p.col, p.args) for p in problems] == [
        ("yaml-tab", 2, 1, {"detail": "found a tab character that violates indentation"})
    ]


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        (
            "model: spbe-2020\nlevels:\n  1: [3,\n",
            ":3:6:",
            "daftar yang dibuka dengan kurung siku di sini tidak ditutup",
        ),
        ("model: spbe-2020\nlevels: {1: 3, 2: 4\n", ":2:9:", "pemetaan yang dibuka dengan kurung kurawal"),
        ('instansi: "Kab\nlevels: {}\n', ":1:11:", "teks yang dibuka dengan tanda kutip di sini tidak ditutup"),
        ("instansi: Kab: X\nlevels: {}\n", ":1:14:", "titik dua diikuti spasi di tengah nilai"),
        ("levels:\n  1: 3\n 2: 4\n", ":3:2:", "indentasi tidak sesuai"),
    ],
)
def test_yaml_syntax_errors_in_the_users_language_where_they_are(
    run: Run, write: Write, text: str, where: str, said: str
) -> None:
    path = write("j.yaml", text)
    r = run("score", str(path))
    assert r.exit_code == 2 and f"{path}{where} galat: kesalahan sintaks YAML: {said}" in r.stderr
    assert "did not find" not in r.stderr and "expected" not in r.stderr


def test_utf16_gets_the_same_advice_as_windows_1252(run: Run, write: Write) -> None:
    text = answers_text({1: 3})
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), "instansi: Médan\n".encode("cp1252")):
        r = run("score", str(write("j.yaml", data)))
        assert r.exit_code == 2 and "Simpan ulang berkas dengan pengodean UTF-8." in r.stderr


def test_an_anchor_repeated_everywhere_gives_a_short_report(run: Run, write: Callable[..., Path]) -> None:
    """One value aliased where 1,999 levels and 40,000 list items are expected: every message
    quotes at most 80 characters, and at most 200 problems are listed per file. A 20,000-character
    value repeated so is more than a document may say: one problem, before anything is checked."""
    for size, refused in ((20, False), (20000, True)):
        lines = ["levels:", "  1: &a " + "x" * size, *[f"  {i}: *a" for i in range(2, 2000)]]
        lines.append("extra: [" + ", ".join(["*a"] * 40000) + "]")
        path = write("h.yaml", "\n".join(lines) + "\n")
        for fmt in ("json", "text", "parsable"):
            r = run("validate", "-f", fmt, str(path))
            assert r.exit_code == 1
            assert len(r.stdout) < 100_000, (fmt, len(r.stdout))  # was gigabytes
        problems = json.loads(run("validate", "-f", "json", str(path)).stdout)[0]["problems"]
        if refused:
            assert [p["code"] for p in problems] == ["too-many-chars"]
        else:
            assert len(problems) <= 201 and problems[-1]["code"] == "more-problems"
        r = run("score", str(path))
        assert r.exit_code == 2 and len(r.stderr) < 100_000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_pipes_and_devices_are_refused_not_read(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.yaml"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        r = run("score", target)  # a pipe would block, /dev/zero would never end
        assert r.exit_code == 2 and "bukan berkas biasa" in r.stderr
        r = run("validate", target)
        assert r.exit_code == 2


def test_positions_count_characters_not_bytes(run: Run, write: Callable[..., Path]) -> None:
    """300 two-byte characters before a control character: line 2, column 304 (it said 4:294)."""
    path = write("e.yaml", "a: 1\nb: " + "é" * 300 + "\x07\nc: 2\n")
    assert f"{path}:2:304:" in run("validate", "-f", "parsable", str(path)).stdout
    nonutf8 = write("n.yaml", ("a: 1\nb: " + "é" * 10).encode("utf-8") + b"\xff\n")
    assert f"{nonutf8}:2:14:" in run("validate", "-f", "parsable", str(nonutf8)).stdout


@pytest.mark.parametrize(("char", "where"), [("\u2028", "in a comment"), ("\u2029", "in a string"), ("\x85", "plain")])
def test_unicode_line_separators_are_refused_where_they_stand(
    run: Run, write: Callable[..., Path], char: str, where: str
) -> None:
    text = {"in a comment": f"a: 1  # x{char}y\n", "in a string": f'a: "x{char}y"\n', "plain": f"a: x{char}y\n"}[where]
    path = write("s.yaml", "levels: {}\n" + text)
    r = run("validate", "-f", "parsable", str(path))
    assert r.exit_code == 1  # like any file that is not YAML: a finding of validate
    col = text.index(char) + 1
    assert f"{path}:2:{col}:" in r.stdout and f"U+{ord(char):04X}" in r.stdout


@pytest.mark.parametrize("text", ["levels:\n  1: ²\n", "tahun: ²\nlevels: {}\n", "levels:\n  ²: 3\n"])
def test_non_ascii_digits_in_files_are_messages(run: Run, write: Callable[..., Path], text: str) -> None:
    r = run("score", str(write("d.yaml", text)))
    assert r.exit_code == 2 and "internal" not in r.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["evidence"],
        ["report", "-o", "r.html"],
        ["export", "-o", "l.xlsx"],
        ["export", "-o", "l.csv"],
        ["merge", "bom.yaml", "-o", "bom.yaml"],
        ["validate"],
    ],
)
def test_a_small_file_that_says_too_much_is_refused_before_anything_is_made(tmp_path: Path, command: list[str]) -> None:
    path = alias_bomb(tmp_path)
    before = path.read_bytes()
    name, *rest = command
    result = bounded(name, str(path), *rest, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stderr
    assert "karakter setelah alias diuraikan" in result.stderr + result.stdout
    assert len(result.stdout) + len(result.stderr) < 10_000
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["bom.yaml"]
    _within_bounds(result)


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["evidence"],
        ["report", "-o", "r.html"],
        ["report", "-o", "r.md"],
        ["export", "-o", "l.xlsx"],
        ["export", "-o", "l.csv"],
        ["merge", "salinan.yaml", "-o", "gabung.yaml"],
        ["plan", "-t", "Baik"],
        ["compare", "salinan.yaml"],
    ],
)
def test_a_file_at_the_limit_is_served_within_the_bounds(tmp_path: Path, command: list[str]) -> None:
    path = at_the_limit(tmp_path)
    shutil.copy(path, tmp_path / "salinan.yaml")
    name, *rest = command
    result = bounded(name, str(path), *rest, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _within_bounds(result)
    if name == "merge":  # what the tool writes, it reads back
        assert bounded("score", "gabung.yaml", cwd=tmp_path).returncode == 0
    if name == "export" and rest[-1].endswith("xlsx"):
        back = bounded("import", "l.xlsx", "-o", "kembali.yaml", cwd=tmp_path)
        assert back.returncode == 0, back.stderr
        _within_bounds(back)


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\r", "bare-cr"),
        ("\x85", "unicode-line-break"),
        ("\u2028", "unicode-line-break"),
        ("\u2029", "unicode-line-break"),
    ],
)
def test_a_line_break_a_diff_does_not_show_is_an_error_with_its_place(
    run: Run, tmp_path: Path, char: str, code: str
) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(HEAD + "  1: 3\n  # catatan" + char + "  2: 5\n", encoding="utf-8")
    r = run("validate", "-f", "json", str(path))
    problems = json.loads(r.stdout)[0]["problems"]
    assert r.exit_code == 1 and [(p["code"], p["line"], p["column"]) for p in problems] == [(code, 6, 12)]
    assert run("score", "--partial", str(path)).exit_code == 2


def test_line_ends_in_crlf_are_fine(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_bytes((HEAD + "  1: 3\n").replace("\n", "\r\n").encode())
    assert run("score", "--partial", str(path)).exit_code == 0


def test_utf32_is_named_as_such(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_bytes(HEAD.encode("utf-32"))
    r = run("score", str(path))
    assert r.exit_code == 2 and "UTF-32" in r.stderr and "UTF-16" not in r.stderr


def test_a_scalar_node_built_by_position_is_the_one_built_by_keyword() -> None:
    # Node.scalar skips keyword matching on the parser's hot path; a field added to Node must
    # be added there too, and this fails until it is.
    assert Node.scalar(2, 3, "x", 1) == Node(kind="scalar", line=2, col=3, value="x", size=1, chars=1)
    assert type(Node.scalar(2, 3, "x", 1)) is Node


def test_an_error_the_readers_give_without_a_position_is_still_said() -> None:
    """No reader gives these today (every syntax error has a mark, every reader error an offset
    and a known reason); if one ever does, the problem is said without a place, never raised."""
    unplaced = yamlsafe._syntax_problem(yaml.scanner.ScannerError(problem="odd"), "a: 1\n", "x")
    assert unplaced == Problem(path="x", line=0, col=0, code="yaml-syntax", args={"detail": "odd", "advice": "other"})
    blank = yamlsafe._syntax_problem(yaml.scanner.ScannerError(), "a: 1\n", "x")
    assert blank.args == {"detail": "", "advice": "other"}
    tab = yamlsafe._syntax_problem(yaml.scanner.ScannerError(problem="found a tab"), "a: 1\n", "x")
    assert (tab.code, tab.line, tab.col) == ("yaml-tab", 0, 0)
    other = yamlsafe._reader_problem(yaml.reader.ReaderError("x", 3, 7, "utf-8", "odd input"), "a: \a\n", "x")
    assert other == Problem(
        path="x", line=1, col=4, code="yaml-syntax", args={"detail": "odd input", "advice": "other"}
    )


@pytest.mark.parametrize("text", ["a: \x07\n", "ab\ncd: \x07\n", "é\nañ: \x07\n", "\x07"])
def test_a_refused_character_is_placed_alike_by_both_readers(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml counts bytes, the pure-Python reader characters: the place is the same."""
    line = text.count("\n", 0, text.index("\x07")) + 1
    col = text.index("\x07") - text.rfind("\n", 0, text.index("\x07"))
    fast = parse(text, "x").problems
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    slow = parse(text, "x").problems
    assert [(p.line, p.col) for p in fast] == [(p.line, p.col) for p in slow] == [(line, col)]


def test_a_file_read_as_text_is_named_by_its_path_unless_shown_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: \xff\n")
    for display, shown in ((None, str(path)), ("jawaban.yaml", "jawaban.yaml")):
        with pytest.raises(SpbeError) as info:
            yamlsafe.read_text(path, display)
        assert [(p.path, p.code, p.line, p.col) for p in info.value.problems] == [(shown, "not-utf8", 1, 4)]


@pytest.mark.parametrize("text", ["a: [1,\n", "a: \x07\n", "a: 1\u2028b: 2\n"])
def test_a_refused_document_keeps_the_name_it_was_read_as(text: str) -> None:
    """A syntax error, a refused character and an invisible line break: no tree, the same name."""
    doc = parse(text, "t.yaml")
    assert doc.root is None and doc.path == "t.yaml" and [p.path for p in doc.problems] == ["t.yaml"]


def test_a_second_document_is_said_and_not_read() -> None:
    """Only the first document counts: a second one neither replaces it nor adds its mistakes."""
    for second in ("b: 2\n", "b: [\n"):
        doc = parse("a: 1\n---\n" + second, "t.yaml")
        assert [(p.code, p.line, p.col) for p in doc.problems] == [("multiple-documents", 2, 1)]
        assert doc.root is not None and [k.value for k, _ in doc.root.value] == ["a"]


def test_a_file_loaded_under_another_name_is_said_by_that_name(tmp_path: Path) -> None:
    with pytest.raises(SpbeError) as info:
        yamlsafe.load(tmp_path / "tidak-ada.yaml", "spbe-2099")
    assert [(p.path, p.code) for p in info.value.problems] == [("spbe-2099", "file-not-found")]
