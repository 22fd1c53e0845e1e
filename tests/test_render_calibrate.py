"""Tests of spbe_calc/render/calibrate.py: calibrate's text and JSON, whose gaps agree with the numbers beside them."""

from __future__ import annotations

import json
import re
from fractions import Fraction

from .conftest import EXAMPLES, Run
from .helpers import T22, T23


def test_calibrate_json(run: Run) -> None:
    result = run("calibrate", T22, T23, "-f", "json")
    data = json.loads(result.stdout)
    first = data["years"][0]
    assert (first["index_self"], first["index_final"], first["gap"]) == (2.66, 2.38, 0.28)
    one = next(i for i in first["indicators"] if i["id"] == 1)
    assert one == {"id": 1, "self": 4, "final": 3, "gap": 1}
    assert [r["id"] for r in data["repeated_overclaims"]] == [3, 12, 19, 33]


def test_calibrate_prints_gaps_that_agree_with_the_numbers_beside_them(run: Run) -> None:
    """Each row's printed gap is its printed self-assessed value minus its printed final value."""
    files = [str(EXAMPLES / "tahap" / f"kabupaten-contoh-{y}.yaml") for y in (2022, 2023)]
    out = run("calibrate", *files).stdout
    rows = re.findall(r"^[DA]\d+ .*?(\d+,\d\d)\s+(\d+,\d\d)\s+([+-]\d+,\d\d)\s*$", out, re.MULTILINE)
    assert len(rows) >= 24
    for own, final, gap in rows:
        value = lambda text: Fraction(text.replace(",", "."))  # noqa: E731
        assert value(own) - value(final) == value(gap), (own, final, gap)
    assert "Tingkat akhir diambil dari tahap: akhir 47." in out
