"""spbe_calc.errors: problems as values, the one exception, the cap on problems per file."""

from __future__ import annotations

import errno
import pickle

from hypothesis import given
from hypothesis import strategies as st

from spbe_calc.errors import (
    MAX_PROBLEMS,
    ExitCode,
    Problem,
    Severity,
    SpbeError,
    capped,
    errors_in,
    fail,
    os_failure,
    os_reason,
    problem_at,
)


def _problem(
    path: str = "a.yaml", line: int = 1, col: int = 1, code: str = "x", severity: Severity = Severity.ERROR
) -> Problem:
    return Problem(path=path, line=line, col=col, code=code, args={}, severity=severity)


def test_exit_codes_are_the_documented_numbers() -> None:
    # docs/referensi/keluar.md and scripts in users' CI depend on these numbers.
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 130]


def test_a_problem_is_an_error_unless_it_is_a_warning() -> None:
    assert _problem().is_error
    assert not _problem(severity=Severity.WARNING).is_error
    warning, error = _problem(severity=Severity.WARNING), _problem(line=2)
    assert errors_in([warning, error]) == [error]


def test_the_exception_carries_its_problems_and_exit_code_through_a_pickle() -> None:
    # Batch workers send failures to the parent process as pickles.
    problems = [_problem(code="a"), _problem(line=3, code="b")]
    exc = SpbeError(problems, ExitCode.FINDINGS)
    back = pickle.loads(pickle.dumps(exc))
    assert isinstance(back, SpbeError)
    assert back.problems == problems and back.exit_code is ExitCode.FINDINGS
    assert str(back) == "a; b"
    assert SpbeError(problems).exit_code is ExitCode.BAD_INPUT


def test_builders_put_the_arguments_where_the_message_finds_them() -> None:
    assert problem_at("m.yaml", (4, 7), "dup", key="k") == Problem(
        path="m.yaml", line=4, col=7, code="dup", args={"key": "k"}
    )
    (only,) = fail("m.yaml", "bad", line=2, col=3, value=9).problems
    assert (only.line, only.col, only.code, only.args) == (2, 3, "bad", {"value": 9})
    (whole,) = fail("m.yaml", "missing").problems
    assert (whole.line, whole.col) == (0, 0)  # the file as a whole


def test_an_os_error_keeps_its_errno_name_and_the_systems_words() -> None:
    exc = OSError(errno.ENOSPC, "No space left on device")
    assert os_reason(exc) == {"reason": "No space left on device", "errno": "ENOSPC"}
    (p,) = os_failure("out.pdf", "write-failed", exc).problems
    assert p.code == "write-failed" and p.args["errno"] == "ENOSPC"
    # An error without a number still says something.
    assert os_reason(OSError("odd")) == {"reason": "odd", "errno": ""}


def test_problems_are_capped_per_file_in_file_order() -> None:
    many = [_problem(line=n) for n in range(MAX_PROBLEMS + 5, 0, -1)]
    other = [_problem(path="b.yaml", line=9)]
    out = capped(many + other)
    first = [p for p in out if p.path == "a.yaml"]
    assert [p.line for p in first[:-1]] == list(range(1, MAX_PROBLEMS + 1))
    assert first[-1].code == "more-problems" and first[-1].args == {"count": 5}
    assert [p for p in out if p.path == "b.yaml"] == other  # another file keeps its own allowance
    exactly = [_problem(line=n) for n in range(1, MAX_PROBLEMS + 1)]
    assert capped(exactly) == exactly  # at the limit, nothing is counted away


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 50), st.integers(0, 9)), max_size=60))
def test_capping_keeps_every_problem_under_the_limit(places: list[tuple[str, int, int]]) -> None:
    problems = [_problem(path=f, line=line, col=col) for f, line, col in places]
    out = capped(problems, limit=10)
    for name in ("a", "b"):
        mine = [p for p in problems if p.path == name]
        kept = [p for p in out if p.path == name and p.code != "more-problems"]
        assert kept == sorted(mine, key=lambda p: (p.line, p.col))[:10]
        counted = [p.args["count"] for p in out if p.path == name and p.code == "more-problems"]
        assert counted == ([len(mine) - 10] if len(mine) > 10 else [])


def test_an_operating_system_error_is_said_of_the_whole_file() -> None:
    """No line or column: the file as a whole could not be read or written."""
    exc = os_failure("a.yaml", "cannot-read", PermissionError(errno.EACCES, "Permission denied"))
    assert exc.problems == [
        Problem(
            path="a.yaml", line=0, col=0, code="cannot-read", args={"reason": "Permission denied", "errno": "EACCES"}
        )
    ]


def test_problems_beyond_the_limit_are_counted_in_one_more_said_of_the_whole_file() -> None:
    problems = [
        Problem(path="b.yaml", line=9, col=1, code="x", args={}),
        *(Problem(path="a.yaml", line=n, col=2, code="x", args={}) for n in (5, 3, 4, 1, 2)),
        Problem(path="a.yaml", line=1, col=1, code="x", args={}),
    ]
    assert [(p.path, p.line, p.col, p.code, p.args) for p in capped(problems, limit=3)] == [
        ("b.yaml", 9, 1, "x", {}),
        ("a.yaml", 1, 1, "x", {}),
        ("a.yaml", 1, 2, "x", {}),
        ("a.yaml", 2, 2, "x", {}),
        ("a.yaml", 0, 0, "more-problems", {"count": 3}),
    ]
    assert capped(problems[:3], limit=3) == [problems[0], problems[2], problems[1]]


def test_problems_at_one_place_keep_the_order_they_were_found_in() -> None:
    found = [Problem(path="a.yaml", line=2, col=1, code=code, args={"n": n}) for n, code in enumerate("zay")]
    assert capped(found, limit=5) == found
