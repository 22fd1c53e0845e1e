"""Rules of the house kept by reading the code (CONTRIBUTING.md, "The house")."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from .conftest import PACKAGE


def _records() -> dict[str, dict[Path, list[str]]]:
    """Every NamedTuple record of the package: its name, and its fields in each module defining one."""
    found: dict[str, dict[Path, list[str]]] = defaultdict(dict)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", getattr(base, "attr", None)) == "NamedTuple" for base in node.bases
            ):
                fields = [
                    s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                ]
                found[node.name][path] = fields
    return found


def test_records_of_more_than_three_fields_are_built_by_keyword() -> None:
    """Built by position, a record silently takes a value into the wrong field, or drops a field
    added later (how merge came to lose tahap and laporan)."""
    records = _records()
    positional = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            defs = records.get(node.func.id, {})
            fields = defs.get(path) or (next(iter(defs.values())) if len(defs) == 1 else [])
            if len(fields) > 3:
                positional.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.func.id}")
    assert positional == []


def test_the_rule_sees_records() -> None:
    """The rule above reads what it should: the answers' and the model's records are found."""
    records = _records()
    assert len(records["Answer"][PACKAGE / "answers" / "read.py"]) == 6
    assert "LevelValue" not in records and len(records["Model"][PACKAGE / "model" / "records.py"]) > 10
