"""No input produces a traceback: random mutations of valid files give results or SpbeError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_calc.core import score_file
from spbe_calc.errors import SpbeError
from spbe_calc.render.problems import message
from spbe_calc.validate import validate_file

from .conftest import EXAMPLES, ROOT
from .helpers import examples

ANSWERS = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
MINI = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
TOKENS = [
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "\t",
    "\n",
    "  ",
    "yes",
    "~",
    "null",
    "2023-01-01",
    "1.5",
    "-3",
    "0x1F",
    "01",
    "1:30",
    "?",
    "---",
    "...",
    "%YAML 1.1\n",
    "\x00",
    "\x07",
    "é",
    "levels:",
    "level:",
    "weight:",
    "id:",
    "99",
    "1e400",
    ".inf",
    "<<: *a",
]

mutation = st.tuples(
    st.integers(0, 10**6),
    st.sampled_from(["insert", "delete", "replace", "dup-line", "drop-line"]),
    st.sampled_from(TOKENS),
    st.integers(1, 20),
)


def mutate(text: str, steps: list[tuple[int, str, str, int]]) -> str:
    for pos, kind, token, length in steps:
        if not text:
            text = token
            continue
        i = pos % len(text)
        lines = text.split("\n")
        j = pos % len(lines)
        if kind == "insert":
            text = text[:i] + token + text[i:]
        elif kind == "delete":
            text = text[:i] + text[i + length :]
        elif kind == "replace":
            text = text[:i] + token + text[i + length :]
        elif kind == "dup-line":
            text = "\n".join(lines[: j + 1] + lines[j:])
        else:
            text = "\n".join(lines[:j] + lines[j + 1 :])
    return text


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["answers", "model"]), st.lists(mutation, min_size=1, max_size=4))
def test_mutated_files_never_crash(tmp_path: Path, which: str, steps: list[tuple[int, str, str, int]]) -> None:
    text = mutate(ANSWERS if which == "answers" else MINI, steps)
    path = tmp_path / f"{which}.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    report = validate_file(str(path))  # never raises
    for p in report.problems:
        assert message(p) and (p.line >= 0 and p.col >= 0)
    if which == "answers":
        try:
            score_file(str(path))
        except SpbeError as exc:
            assert exc.problems
