"""Tests of spbe_calc/render/score_json.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import DATA, Run
from .helpers import EX21, EX22, MINI_TEXT, Write


def test_json_rounds_to_the_models_precision(run: Run, write: Callable[..., Path]) -> None:
    """Weights of 10.4 and 14.6 give an index of 1.146: three decimals with precision 3, where
    two would show 1.15."""
    text = (
        MINI_TEXT.replace("  banding: exact\n", "  banding: exact\n  precision: 3\n")
        .replace("{id: 4, name: Indikator Empat, weight: 10.00", "{id: 4, name: Indikator Empat, weight: 10.40")
        .replace("{id: 5, name: Indikator Lima, weight: 15.00", "{id: 5, name: Indikator Lima, weight: 14.60")
    )
    model = write("m3.yaml", text)
    answers = write("a.yaml", f"model: {model}\nlevels: {{1: 1, 2: 1, 3: 1, 4: 1, 5: 2}}\n")
    data = json.loads(run("score", "-f", "json", str(answers)).stdout)
    # (20 + 20 + 35 + 10.4 + 2 × 14.6) / 100 = 1.146; aspect 3: (10.4 + 29.2) / 25 = 1.584
    assert data["index"] == 1.146 and data["index_exact"] == "1.146"
    assert data["aspects"][2]["index"] == 1.584
    two = write("m2.yaml", text.replace("  precision: 3\n", ""))
    answers2 = write("b.yaml", f"model: {two}\nlevels: {{1: 1, 2: 1, 3: 1, 4: 1, 5: 2}}\n")
    assert json.loads(run("score", "-f", "json", str(answers2)).stdout)["index"] == 1.15


def test_json_aspects_name_their_domain_and_domains_do_not(run: Run) -> None:
    data = json.loads(
        run("score", "-f", "json", str(DATA.parent.parent / "examples" / "kabupaten-contoh-2022.yaml")).stdout
    )
    assert [a["domain"] for a in data["aspects"]] == [1, 2, 2, 2, 3, 3, 4, 4]
    assert all("domain" not in d for d in data["domains"])


def test_json_shape_depends_on_the_arguments_only(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "satu"
    folder.mkdir()
    (folder / "a.yaml").write_text(Path(EX22).read_text(encoding="utf-8"))
    assert isinstance(json.loads(run("score", "-f", "json", EX22).stdout), dict)
    assert isinstance(json.loads(run("score", "-f", "json", str(folder)).stdout), list)
    assert isinstance(json.loads(run("score", "-f", "json", EX21, EX22).stdout), list)


def test_files_that_cannot_be_scored_are_error_objects_in_their_place(run: Run, write: Write) -> None:
    bad = write("rusak.yaml", "levels: [\n")
    r = run("score", "-f", "json", EX21, str(bad), EX22)
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert [d["file"] for d in data] == [EX21, str(bad), EX22]
    assert data[1]["error"] is True and data[1]["problems"][0]["code"] == "yaml-syntax"
    assert set(data[1]["problems"][0]) == {"file", "line", "column", "level", "code", "message"}
    assert data[1]["problems"][0]["file"] == str(bad)
    single = json.loads(run("score", "-f", "json", str(bad)).stdout)
    assert single["file"] == str(bad) and single["error"] is True
