"""spbe_calc.render.problems: validate's text, parsable, json and github formats."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from spbe_calc.errors import Problem, Severity
from spbe_calc.render import Options
from spbe_calc.render.messages import message
from spbe_calc.render.problems import render_github, render_json, render_parsable, render_text
from spbe_calc.validate import FileReport

from .conftest import Run, answers_text
from .helpers import ALL3


def test_validate_github_format(run: Run, write: Callable[..., Path]) -> None:
    bad = write("a,b.yaml", answers_text({**ALL3, 4: 9}))
    r = run("validate", str(bad), env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.startswith("::error file=")
    assert "a%2Cb.yaml" in r.stdout and ",line=5,col=6," in r.stdout


def _reports() -> list[FileReport]:
    error = Problem(path="a,b.yaml", line=5, col=6, code="empty-string", args={})
    warning = Problem(path="a,b.yaml", line=2, col=1, code="empty-string", args={}, severity=Severity.WARNING)
    whole = Problem(path="c.yaml", line=0, col=0, code="empty-file", args={})
    return [
        FileReport(path="a,b.yaml", kind="answers", problems=(error, warning)),
        FileReport(path="c.yaml", kind="answers", problems=(whole,), readable=False),
        FileReport(path="ok.yaml", kind="model"),
    ]


def test_parsable_is_one_line_per_problem_in_file_order() -> None:
    lines = render_parsable(_reports(), Options()).splitlines()
    assert [line.split(": ")[0:2] for line in lines] == [
        ["a,b.yaml:2:1", "warning"],
        ["a,b.yaml:5:6", "error"],
        ["c.yaml:0:0", "error"],  # the file as a whole
    ]


def test_text_says_each_problem_each_valid_file_and_the_count() -> None:
    text = render_text(_reports(), Options())
    assert text.index("a,b.yaml:2:1") < text.index("a,b.yaml:5:6")
    assert any(line.startswith("ok.yaml") for line in text.splitlines())
    assert text.splitlines()[-1] == "2 galat, 1 peringatan pada 3 berkas"
    assert render_text([FileReport(path="ok.yaml", kind="model")], Options()).count("\n") == 0  # no summary


def test_json_marks_unreadable_and_invalid_files() -> None:
    data = json.loads(render_json(_reports(), Options()))
    assert [(d["path"], d["valid"]) for d in data] == [("a,b.yaml", False), ("c.yaml", False), ("ok.yaml", True)]
    assert [p["level"] for p in data[0]["problems"]] == ["error", "warning"]
    assert all("hint" in p for d in data for p in d["problems"])


def test_github_annotations_escape_what_would_end_a_property() -> None:
    lines = render_github(_reports(), Options()).splitlines()
    assert lines[0].startswith("::error file=a%2Cb.yaml,line=5,col=6,title=spbe-calc empty-string::")
    assert lines[1].startswith("::warning file=a%2Cb.yaml,line=2,col=1,")
    assert lines[2].startswith("::error file=c.yaml,title=")  # no line for the whole file
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_workflow_command_escapes_follow_githubs_rules() -> None:
    """Data: %, CR and LF; a property also : and , (what would end it). Applied to every text, even
    one another layer already cleaned, so that the annotation's syntax never depends on that."""
    from spbe_calc.render.problems import _escape_data, _escape_property

    assert _escape_data("50%\r\nlagi") == "50%25%0D%0Alagi"
    assert _escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"


def test_problems_at_one_place_keep_the_order_they_were_found_in() -> None:
    """Sorted by place only: two problems at one place stay in the order the checks found them,
    in every format (a sort by the whole record would put them by code)."""
    first = Problem(path="a.yaml", line=3, col=1, code="unknown-key", args={"key": "z", "allowed": "a"})
    second = first._replace(code="empty-string", args={})
    report = [FileReport(path="a.yaml", kind="answers", problems=(first, second))]
    for render in (render_text, render_parsable):
        text = render(report, Options())
        assert text.index("tidak dikenal") < text.index(message(second)), render
    data = json.loads(render_json(report, Options()))
    assert [p["code"] for p in data[0]["problems"]] == ["unknown-key", "empty-string"]
