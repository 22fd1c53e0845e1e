"""Inline SVG charts (no scripts, no external files): a radar of the aspects and index bars."""

from __future__ import annotations

import math
import textwrap
from fractions import Fraction
from html import escape

CURRENT = "#2e86c1"
PREVIOUS = "#7f8c8d"
# A radar needs three axes to enclose an area: with one or two it draws a line, which says
# less than the table of bars beside it, so reports leave it out below this.
RADAR_MIN_AXES = 3


def radar(
    labels: list[str],
    values: list[Fraction],
    top: int,
    previous: list[Fraction] | None = None,
    radius: int = 130,
    wrap: int = 22,
) -> str:
    """A radar (spider) chart: one axis per label, rings at every level from 1 to ``top``.

    Labels are the aspects' names, wrapped to ``wrap`` characters a line and set beside their
    axis (left of the chart on the left side, right on the right), so that no name is cut. There
    are at least :data:`RADAR_MIN_AXES` labels (fewer enclose no area).
    """
    n = len(labels)
    wrapped = [textwrap.wrap(label, wrap) or [""] for label in labels]
    side = 8 + 6.2 * max(len(line) for lines in wrapped for line in lines)  # room for the names
    width = round(2 * (radius + side + 16))
    height = round(2 * (radius + 14 * max(len(lines) for lines in wrapped) + 24))
    cx, cy = width / 2, height / 2

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, value) / top
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="radar">'
    ]
    for level in range(1, top + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, level) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#d5d8dc" stroke-width="1"/>')
        x, y = point(0, level)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="10" fill="#7f8c8d">{level}</text>')
    for i, lines in enumerate(wrapped):
        x, y = point(i, top)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d5d8dc" stroke-width="1"/>')
        angle = -math.pi / 2 + 2 * math.pi * i / n
        dx, dy = math.cos(angle), math.sin(angle)
        anchor = "start" if dx > 0.25 else "end" if dx < -0.25 else "middle"
        lx, ly = cx + (radius + 10) * dx, cy + (radius + 10) * dy
        # Above the chart the last line sits by the axis; below it the first; beside it, centred.
        first = (
            ly - 13 * (len(lines) - 1) - 2 if dy < -0.5 else ly + 12 if dy > 0.5 else ly + 4 - 6.5 * (len(lines) - 1)
        )
        spans = "".join(
            f'<tspan x="{lx:.1f}" y="{first + 13 * k:.1f}">{escape(line)}</tspan>' for k, line in enumerate(lines)
        )
        parts.append(f'<text font-size="11" text-anchor="{anchor}" fill="#2c3e50">{spans}</text>')
    if previous is not None:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, float(v)) for i, v in enumerate(previous)))
        parts.append(
            f'<polygon class="previous" points="{pts}" fill="none" stroke="{PREVIOUS}" '
            f'stroke-width="2" stroke-dasharray="5 4"/>'
        )
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, float(v)) for i, v in enumerate(values)))
    parts.append(
        f'<polygon class="current" points="{pts}" fill="{CURRENT}" fill-opacity="0.25" '
        f'stroke="{CURRENT}" stroke-width="3"/>'
    )
    for i, v in enumerate(values):
        x, y = point(i, float(v))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{CURRENT}"/>')
    parts.append("</svg>")
    return "".join(parts)


def bar(
    value: Fraction,
    top: int,
    fill: str,
    edges: list[Fraction],
    previous: Fraction | None = None,
    width: int = 200,
    height: int = 16,
) -> str:
    """A horizontal bar from 0 to ``top`` in the colour ``fill``, with the predikat edges marked."""
    scale = width / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef2f5"/>',
        f'<rect x="0" y="2" width="{float(value) * scale:.1f}" height="{height - 4}" fill="{fill}"/>',
    ]
    for edge in edges:
        x = float(edge) * scale
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#ffffff" stroke-width="1.5"/>')
    if previous is not None:
        x = float(previous) * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#2c3e50" '
            f'stroke-width="2" stroke-dasharray="3 2"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def profile(
    labels: list[str],
    values: list[Fraction | None],
    spreads: list[tuple[Fraction, Fraction, Fraction] | None],
    top: int,
    bottom: int = 1,
) -> str:
    """One row per domain: this agency's value as a bar, beside its peers' spread.

    The peers' middle half (lower to upper quartile) is a grey band and their median a dark
    tick, so a reader sees at once where the agency stands against the median of its province.
    """
    left, width, row = 60, 360, 30
    height = row * len(labels) + 28

    def x(value: Fraction) -> float:
        return left + width * float(value - bottom) / (top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="profile" viewBox="0 0 {left + width + 60} {height}" '
        f'width="{left + width + 60}" height="{height}" role="img" aria-label="profil domain">'
    ]
    for level in range(bottom, top + 1):
        parts.append(
            f'<line x1="{x(Fraction(level)):.1f}" y1="4" x2="{x(Fraction(level)):.1f}" y2="{height - 22}" stroke="#eaeded"/>'
        )
        parts.append(
            f'<text x="{x(Fraction(level)):.1f}" y="{height - 8}" font-size="10" text-anchor="middle" fill="#7f8c8d">{level}</text>'
        )
    for i, (label, value, spread) in enumerate(zip(labels, values, spreads)):
        y = 6 + row * i
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" font-size="11" text-anchor="end" fill="#2c3e50">{escape(label)}</text>'
        )
        if spread is not None:
            q1, median, q3 = spread
            parts.append(
                f'<rect class="peers" x="{x(q1):.1f}" y="{y + 2}" width="{max(1.0, x(q3) - x(q1)):.1f}" height="18" fill="#d5d8dc"/>'
            )
            parts.append(
                f'<line class="median" x1="{x(median):.1f}" y1="{y}" x2="{x(median):.1f}" y2="{y + 22}" stroke="{PREVIOUS}" stroke-width="3"/>'
            )
        if value is not None:
            parts.append(
                f'<rect class="value" x="{left}" y="{y + 7}" width="{max(1.0, x(value) - left):.1f}" height="8" fill="{CURRENT}"/>'
            )
    parts.append("</svg>")
    return "".join(parts)
