"""Score results as a readable table (rich), fitting an 80-column terminal."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from spbe_calc.core import ScoredFile
from spbe_calc.i18n import t
from spbe_calc.model import Aspect
from spbe_calc.scoring import GroupScore, exact_str, round_half_up, level_text

_TONE = {"Kurang": "red", "Cukup": "yellow", "Baik": "green", "Sangat Baik": "bold green",
         "Memuaskan": "bold cyan"}


def _pct(value: Any) -> str:
    return f"{round_half_up(value, 2)}%"


def _one(console: Console, f: ScoredFile, detail: bool) -> None:
    s = f.score
    model = f.model
    shown = s.shown
    header = Text()
    header.append(f.answers.instansi or t("out.no-instansi"), style="bold")
    if f.answers.tahun:
        header.append(f" · {f.answers.tahun}")
    header.append(f" · {model.name} ({model.regulation.get('short', model.id)})", style="dim")
    console.print(header)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("out.col.code"), no_wrap=True)
    table.add_column(t("out.col.item.detail" if detail else "out.col.item"), ratio=1)
    table.add_column(t("out.col.weight"), justify="right", no_wrap=True)
    table.add_column(t("out.col.index.detail" if detail else "out.col.index"), justify="right", no_wrap=True)
    if detail:
        table.add_column(t("out.col.contribution"), justify="right", no_wrap=True)
    table.add_column(t("out.col.predikat"), no_wrap=True)
    indicator_scores = {i.indicator.id: i for i in s.indicators}
    aspect_scores = {a.id: a for a in s.aspects}

    def group_row(code: str, g: GroupScore, style: str) -> None:
        cells = [Text(code, style=style), Text(g.name, style=style), Text(_pct(g.weight)),
                 Text(str(shown(g.index)), style=style)]
        if detail:
            cells.append(Text(""))
        cells.append(Text(g.band.name, style=_TONE.get(g.band.name, "")))
        table.add_row(*cells)

    def aspect_rows(aspects: tuple[Aspect, ...]) -> None:
        for aspect in aspects:
            group_row(f"A{aspect.id}", aspect_scores[aspect.id], "")
            if not detail:
                continue
            for ind in aspect.indicators:
                i = indicator_scores[ind.id]
                level = "-" if ind.id in f.missing else level_text(i.level)
                table.add_row(Text(str(ind.id), style="dim"), Text(ind.name, style="dim"),
                              Text(_pct(ind.weight), style="dim"), Text(level),
                              Text(f"+{round_half_up(i.contribution, 4)}", style="dim"), Text(""))

    if model.domains:
        for domain, d in zip(model.domains, s.domains):
            group_row(f"D{d.id}", d, "bold")
            aspect_rows(domain.aspects)
    else:
        aspect_rows(model.aspects)
    console.print(table)
    line = Text()
    line.append(f"{t('out.index')}: ", style="bold")
    line.append(str(shown(s.index)), style="bold")
    line.append("  ")
    line.append(s.band.name, style=_TONE.get(s.band.name, "bold"))
    exact = exact_str(s.index)
    if exact != str(shown(s.index)):
        line.append(f"  ({t('out.exact')} {exact})", style="dim")
    if model.banding == "rounded":
        line.append(f"  [{t('out.banding.rounded')}]", style="dim")
    console.print(line)
    if detail:
        console.print(Text(t("out.detail-note"), style="dim"))


def ranking(files: list[ScoredFile]) -> list[tuple[int, ScoredFile]]:
    """Files by exact index, highest first, with competition ranks (1, 2, 2, 4)."""
    ordered = sorted(files, key=lambda f: -f.score.index)
    out: list[tuple[int, ScoredFile]] = []
    for n, f in enumerate(ordered):
        rank = out[-1][0] if out and out[-1][1].score.index == f.score.index else n + 1
        out.append((rank, f))
    return out


def _ranking(console: Console, files: list[ScoredFile]) -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("out.col.instansi"), ratio=1)
    table.add_column(t("out.col.year"), no_wrap=True)
    table.add_column(t("out.col.index"), justify="right", no_wrap=True)
    table.add_column(t("out.col.predikat"), no_wrap=True)
    for rank, f in ranking(files):
        name = f.answers.instansi or f.path
        if f.missing:
            name += " *"
        table.add_row(str(rank), name, str(f.answers.tahun or ""), str(f.score.shown(f.score.index)),
                      Text(f.score.band.name, style=_TONE.get(f.score.band.name, "")))
    console.print(table)
    counts: dict[str, int] = {}
    order = [b.name for b in files[0].model.bands]
    for f in files:
        counts[f.score.band.name] = counts.get(f.score.band.name, 0) + 1
    names = order + [n for n in counts if n not in order]
    console.print(Text(t("out.counts", total=len(files)) + " · ".join(f"{n} {counts.get(n, 0)}" for n in names),
                       style="bold"))
    if any(f.missing for f in files):
        console.print(Text(t("out.ranking.partial"), style="dim"))


def render_text(files: list[ScoredFile], detail: bool = False, color: bool = False, width: int = 80,
                **_: Any) -> str:
    """One file: its table. Several: a ranking with counts per predikat (and, with
    ``detail``, every file's table after it)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    if len(files) > 1:
        _ranking(console, files)
        if not detail:
            return buffer.getvalue().rstrip("\n")
        console.print()
    for n, f in enumerate(files):
        if n:
            console.print()
        _one(console, f, detail)
    return buffer.getvalue().rstrip("\n")
