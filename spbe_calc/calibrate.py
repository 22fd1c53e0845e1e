"""Calibration: how far an instansi's own levels were from the final ones, year by year.

Every Diskominfo knows "we claimed 3, the assessor gave 2". With both the self-assessed level
(``level``, penilaian mandiri) and the final level (``tahap.akhir``) in its answers files, a team
sees per indicator, aspect and domain how optimistic it was, what that cost in index, and which
indicators it over-claimed in more than one year: the ones to document better before claiming.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from spbe_calc.answers import bind, read_answers
from spbe_calc.compare import order_by_year
from spbe_calc.core import Basis, ScoredFile, model_for_checked, prepare, scored
from spbe_calc.errors import Problem, SpbeError, errors_in, fail
from spbe_calc.model import LevelValue
from spbe_calc.scoring import GroupScore


class Gap(NamedTuple):
    """One quantity as self-assessed and as final; ``gap`` > 0 means the team claimed more."""

    code: str  # "D1", "A3", or the indicator number
    name: str
    self: Fraction
    final: Fraction
    #: Indicators: the levels as written (a number, or one per item).
    self_level: LevelValue | None = None
    final_level: LevelValue | None = None

    @property
    def gap(self) -> Fraction:
        """Self-assessed minus final."""
        return self.self - self.final


class YearCalibration(NamedTuple):
    """One answers file: its self-assessed and final scores, and the gaps."""

    own: ScoredFile
    final: ScoredFile
    domains: tuple[Gap, ...]
    aspects: tuple[Gap, ...]
    indicators: tuple[Gap, ...]

    @property
    def gap(self) -> Fraction:
        """Index self-assessed minus index final."""
        return self.own.score.value - self.final.score.value


class Repeat(NamedTuple):
    """An indicator over-claimed in more than one year (of one model)."""

    model: str
    id: int
    name: str
    #: (year, self level, final level) for every year it was over-claimed.
    years: tuple[tuple[int | None, LevelValue, LevelValue], ...]


class Calibration(NamedTuple):
    """What ``calibrate`` shows."""

    years: tuple[YearCalibration, ...]
    repeated: tuple[Repeat, ...]


def _groups(own: tuple[GroupScore, ...], final: tuple[GroupScore, ...], prefix: str) -> tuple[Gap, ...]:
    return tuple(Gap(code=f"{prefix}{a.id}", name=a.name, self=a.value, final=b.value) for a, b in zip(own, final))


def calibrate_year(path: str, model_ref: str | None = None) -> YearCalibration:
    """Score one file twice, its own levels and its final levels, and compare them."""
    answers = read_answers(path)
    model = model_for_checked(answers, model_ref)
    # Both scorings bind the levels (a published result, without levels, is refused there); what
    # is missing at either stage is said at once, each problem of the file once.
    levels: dict[str, dict[int, LevelValue]] = {}
    problems: list[Problem] = []
    for stage in ("mandiri", "akhir"):
        try:
            levels[stage] = bind(answers, model, advice="calibrate", stage=stage)[0]
        except SpbeError as exc:
            problems += [p for p in exc.problems if p not in problems]
    if problems:
        raise SpbeError(problems)
    model, warnings = prepare(answers, model, Basis())
    own = scored(answers, model, levels["mandiri"], [], Basis("mandiri"), warnings)
    final = scored(answers, model, levels["akhir"], [], Basis("akhir"), warnings)
    indicators = tuple(
        Gap(
            code=str(a.indicator.id),
            name=a.indicator.name,
            self=a.value,
            final=b.value,
            self_level=a.level,
            final_level=b.level,
        )
        for a, b in zip(own.score.indicators, final.score.indicators)
    )
    return YearCalibration(
        own=own,
        final=final,
        domains=_groups(own.score.domains, final.score.domains, "D"),
        aspects=_groups(own.score.aspects, final.score.aspects, "A"),
        indicators=indicators,
    )


def calibrate_files(paths: list[str], model_ref: str | None = None) -> Calibration:
    """Calibrate one or more years of one instansi, oldest first.

    Every file must hold both levels for every indicator; the problems of every file are
    reported together. Files of different instansi are refused: one team's optimism says
    nothing about another's.
    """
    years: list[YearCalibration] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            years.append(calibrate_year(path, model_ref))
        except SpbeError as exc:
            problems += exc.problems
    if errors_in(problems):
        raise SpbeError(problems)
    names = {y.own.answers.instansi for y in years}
    if len(names) > 1:
        raise fail(paths[0], "calibrate-instansi", names=", ".join(sorted(str(n) for n in names)))
    ordered = order_by_year([y.own for y in years])
    years.sort(key=lambda y: ordered.index(y.own))
    return Calibration(tuple(years), _repeated(years))


def _repeated(years: list[YearCalibration]) -> tuple[Repeat, ...]:
    """Indicators over-claimed in two years or more, per model, most often first."""
    found: dict[tuple[str, int], list[tuple[int | None, LevelValue, LevelValue]]] = {}
    names: dict[tuple[str, int], str] = {}
    for y in years:
        for g in y.indicators:
            if g.gap > 0 and g.self_level is not None and g.final_level is not None:
                key = (y.own.model.id, int(g.code))
                found.setdefault(key, []).append((y.own.answers.tahun, g.self_level, g.final_level))
                names[key] = g.name
    repeats = [Repeat(model=m, id=i, name=names[(m, i)], years=tuple(v)) for (m, i), v in found.items() if len(v) > 1]
    return tuple(sorted(repeats, key=lambda r: (-len(r.years), r.model, r.id)))
