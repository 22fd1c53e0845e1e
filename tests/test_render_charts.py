"""spbe_calc.render.charts: inline SVG drawn to scale, parsed as XML the way a browser reads it."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from spbe_calc.render.charts import bar, profile, radar

SVG = "{http://www.w3.org/2000/svg}"


def _points(element: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in element.attrib["points"].split()]  # type: ignore[misc]


def _centre(svg: ET.Element) -> tuple[float, float]:
    _, _, width, height = map(float, svg.attrib["viewBox"].split())
    return width / 2, height / 2


def test_the_radar_puts_each_value_at_its_distance_from_the_centre() -> None:
    values = [Fraction(1), Fraction(5, 2), Fraction(5), Fraction(0)]
    svg = ET.fromstring(radar(["A", "B", "C", "D"], values, top=5, radius=100))
    cx, cy = _centre(svg)
    current = next(p for p in svg.iter(f"{SVG}polygon") if p.get("class") == "current")
    distances = [math.hypot(x - cx, y - cy) for x, y in _points(current)]
    assert [round(d) for d in distances] == [20, 50, 100, 0]
    rings = [p for p in svg.iter(f"{SVG}polygon") if p.get("class") is None]
    assert len(rings) == 5  # one per level
    # The first axis points up: its value lies straight above the centre.
    assert _points(current)[0] == (round(cx, 1), round(cy - 20, 1))


def test_the_radar_draws_last_year_only_when_given() -> None:
    labels, values = ["A", "B", "C"], [Fraction(3)] * 3
    assert 'class="previous"' not in radar(labels, values, top=5)
    svg = ET.fromstring(radar(labels, values, top=5, previous=[Fraction(2)] * 3))
    assert [p.get("class") for p in svg.iter(f"{SVG}polygon") if p.get("class")] == ["previous", "current"]


def test_radar_labels_are_escaped_and_wrapped_whole() -> None:
    name = "Tata Kelola <SPBE> & Manajemen Risiko Keamanan Informasi"
    svg = ET.fromstring(radar([name, "B", "C"], [Fraction(1)] * 3, top=5, wrap=22))
    lines = [span.text or "" for span in svg.iter(f"{SVG}tspan")]
    assert " ".join(lines[:-2]) == name  # every word kept, in order
    assert all(len(line) <= 22 for line in lines)


@given(st.lists(st.fractions(min_value=0, max_value=5), min_size=3, max_size=12))
def test_any_radar_is_well_formed_and_inside_its_box(values: list[Fraction]) -> None:
    svg = ET.fromstring(radar([f"Aspek {i}" for i in range(len(values))], values, top=5))
    _, _, width, height = map(float, svg.attrib["viewBox"].split())
    for polygon in svg.iter(f"{SVG}polygon"):
        assert all(0 <= x <= width and 0 <= y <= height for x, y in _points(polygon))


def test_a_bar_is_as_long_as_its_value_with_every_edge_marked() -> None:
    svg = ET.fromstring(
        bar(Fraction(5, 2), top=5, fill="#123456", edges=[Fraction(18, 10), Fraction(26, 10)], width=200)
    )
    rects = list(svg.iter(f"{SVG}rect"))
    assert rects[1].get("width") == "100.0" and rects[1].get("fill") == "#123456"
    assert [line.get("x1") for line in svg.iter(f"{SVG}line")] == ["72.0", "104.0"]
    with_last_year = ET.fromstring(bar(Fraction(1), 5, "#000", [], previous=Fraction(2), width=200))
    (mark,) = with_last_year.iter(f"{SVG}line")
    assert mark.get("x1") == "80.0" and mark.get("stroke-dasharray")


def test_a_profile_sets_each_value_beside_its_peers_spread() -> None:
    spread = (Fraction(2), Fraction(3), Fraction(4))
    svg = ET.fromstring(profile(["D1", "D<2>"], [Fraction(3), None], [spread, None], top=5))
    (value,) = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "value"]
    (peers,) = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "peers"]
    (median,) = [m for m in svg.iter(f"{SVG}line") if m.get("class") == "median"]
    # 1..5 over 360 units from x=60: 3 is at 240, the quartiles 2..4 span 180.
    assert float(value.get("width", 0)) == 180.0
    assert (peers.get("x"), peers.get("width")) == ("150.0", "180.0")
    assert median.get("x1") == "240.0"
    assert [t.text for t in svg.iter(f"{SVG}text")][-2:] == ["D1", "D<2>"]  # escaped in the file, read back whole


def test_a_spread_of_one_value_is_still_drawn_one_unit_wide() -> None:
    same = (Fraction(3), Fraction(3), Fraction(3))
    svg = ET.fromstring(profile(["D1"], [Fraction(3)], [same], top=5))
    (peers,) = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "peers"]
    assert (peers.get("x"), peers.get("width")) == ("240.0", "1.0")
