"""Tests of spbe_calc/kinds.py."""

from __future__ import annotations

import pytest

from spbe_calc.errors import Problem
from spbe_calc.kinds import kind_of, wrong_kind
from spbe_calc.yamlsafe import parse

from .conftest import EXAMPLES, ROOT, Run
from .helpers import EX21, EX22


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", str(ROOT / "indicators.yaml")], "ini berkas model, bukan berkas jawaban"),
        (["score", str(EXAMPLES / "rencana-2023.yaml")], "ini berkas rencana, bukan berkas jawaban"),
        (["score", EX22, "--model", EX21], "ini berkas jawaban, bukan berkas model"),
        (["plan", EX22, "-t", "Baik", "-c", EX21], "ini berkas jawaban, bukan berkas rencana"),
    ],
)
def test_a_file_of_the_wrong_kind_is_one_line(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2
    errors = [line for line in r.stderr.splitlines() if ": galat: " in line]
    assert len(errors) == 1 and said in errors[0] and "tidak dikenal" not in r.stderr


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("levels: {}\n", "answers"),
        ("hasil: {indeks: 2.5}\n", "answers"),  # a published result alone
        ("hasil: 2.5\ndomains: []\n", "answers"),  # levels or hasil decide before a model's keys
        ("default: 3\n", "plan"),
        ("default: 3\nindicators: {}\n", "plan"),
        ("default: 3\ninstansi: X\n", "answers"),  # a plan has no other keys
        ("format: 1\n", "model"),
        ("scales: {}\ninstansi: X\n", "model"),
        ("instansi: X\ntahun: 2024\n", "answers"),  # an answers file that lacks its levels
        ("laporan: {}\n", "answers"),
        ("nama: X\n", None),  # nothing tells
        ("{}\n", None),
        ("- 1\n", None),
        ("", None),
    ],
)
def test_the_kind_of_a_file_is_told_by_its_keys(text: str, kind: str | None) -> None:
    assert kind_of(parse(text, "f.yaml").root) == kind


def test_a_file_of_another_kind_is_one_problem_at_its_top() -> None:
    root = parse("# a model\n  format: 1\n", "m.yaml").root
    assert wrong_kind("m.yaml", root, "answers") == Problem(
        path="m.yaml", line=2, col=3, code="wrong-kind", args={"found_kind": "model", "wanted_kind": "answers"}
    )
    assert wrong_kind("m.yaml", root, "model") is None
    assert wrong_kind("n.yaml", parse("nama: X\n", "n.yaml").root, "model") is None
