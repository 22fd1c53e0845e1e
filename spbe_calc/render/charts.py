"""Inline SVG charts (no scripts, no external files): a radar of the aspects and index bars."""

from __future__ import annotations

import math
from fractions import Fraction
from html import escape

CURRENT = "#2e86c1"
PREVIOUS = "#7f8c8d"


def radar(
    labels: list[str], values: list[Fraction], top: int, previous: list[Fraction] | None = None, size: int = 360
) -> str:
    """A radar (spider) chart: one axis per label, rings at every level from 1 to ``top``."""
    n = len(labels)
    cx = cy = size / 2
    radius = size / 2 - 40

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, value) / top
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 {size} {size}" '
        f'width="{size}" height="{size}" role="img" aria-label="radar">'
    ]
    for level in range(1, top + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, level) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#d5d8dc" stroke-width="1"/>')
        x, y = point(0, level)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="10" fill="#7f8c8d">{level}</text>')
    for i, label in enumerate(labels):
        x, y = point(i, top)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d5d8dc" stroke-width="1"/>')
        lx, ly = point(i, top + 0.55)
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" font-size="12" text-anchor="middle" '
            f'fill="#2c3e50">{escape(label)}</text>'
        )
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
