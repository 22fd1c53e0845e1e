"""Published results: a year known only by what KemenPANRB announced, not by its levels.

For past years most agencies have only the published index, predikat and perhaps domain
values. Such a file is read, checked against its model and shown as published, never
recomputed: its numbers are the evaluator's, so the tool can only check that they fit the model.
"""

from __future__ import annotations

from fractions import Fraction

from spbe_calc.answers import Answers
from spbe_calc.errors import Problem, Severity, SpbeError, errors_in
from spbe_calc.model import Aspect, Band, Domain, Model
from spbe_calc.numbers import decimal_text
from spbe_calc.scoring import GroupScore, Score, band_of


def could_be(model: Model, shown: Fraction, band: Band) -> bool:
    """Whether some exact index that rounds (half-up) to ``shown`` lies in ``band``.

    A published 1.80 may be the rounding of 1.7975 (Kurang under exact banding) or of 1.80
    itself (Cukup): both predikat fit it, and only a predikat outside both is a misprint.
    """
    half = Fraction(1, 2 * 10**model.precision)
    lo, hi = shown - half, shown + half  # every value in [lo, hi) rounds half-up to `shown`
    # Either the band holds lo, or it starts inside [lo, hi): at its lower edge when that edge is
    # included, just above it when not (so an excluded edge at lo itself counts too).
    return band.contains(lo) or (band.min is not None and lo <= band.min < hi)


def published_score(answers: Answers, model: Model) -> tuple[Score, list[Problem]]:
    """The published result as a :class:`Score` without indicators, and its warnings.

    Errors (a predikat the model does not have, a value off the index range, a domain or aspect
    the model does not have) raise :class:`SpbeError`; a predikat that no index rounding to the
    published one could have is a warning (a misprint, or the wrong model).
    """
    hasil = answers.hasil
    assert hasil is not None
    problems: list[Problem] = list(answers.problems)
    where = answers.where

    def add(path: tuple[object, ...], code: str, severity: Severity = Severity.ERROR, **args: object) -> None:
        line, col = where.at(("hasil", *path)) if where else (0, 0)
        problems.append(Problem(path=answers.path, line=line, col=col, code=code, args=dict(args), severity=severity))

    lo, hi = Fraction(model.level_min), Fraction(model.level_max)

    def in_range(path: tuple[object, ...], value: Fraction) -> bool:
        if lo <= value <= hi:
            return True
        add(path, "published-out-of-range", value=decimal_text(value), minimum=model.level_min, maximum=model.level_max)
        return False

    in_range(("indeks",), hasil.value)
    band = next((b for b in model.bands if b.name == hasil.predikat), None)
    if band is None:
        add(("predikat",), "unknown-predikat", value=hasil.predikat, known=", ".join(b.name for b in model.bands))
    elif lo <= hasil.value <= hi and not could_be(model, hasil.value, band):
        add(
            ("predikat",),
            "published-predikat-mismatch",
            Severity.WARNING,
            index=decimal_text(hasil.value),
            predikat=hasil.predikat,
            expected=band_of(model, hasil.value).name,
        )

    def groups(kind: str, given: dict[int, Fraction], known: tuple[Domain | Aspect, ...]) -> tuple[GroupScore, ...]:
        """The published values of domains or aspects, checked, in the model's order."""
        by_id = {g.id: g for g in known}
        valid: set[int] = set()
        for ident, value in given.items():
            if ident not in by_id:
                add((f"{kind}s", ident), "published-unknown-group", kind=kind, id=ident, model=model.id)
            elif in_range((f"{kind}s", ident), value):
                valid.add(ident)
        return tuple(
            GroupScore(
                kind=kind,
                id=g.id,
                name=g.name,
                weight=g.weight,
                value=given[g.id],
                band=band_of(model, given[g.id]),
                parent=getattr(g, "domain_id", None),
            )
            for g in known
            if g.id in valid
        )

    domains = groups("domain", hasil.domains, model.domains)
    aspects = groups("aspect", hasil.aspects, model.aspects)
    if errors_in(problems):
        raise SpbeError(problems)
    assert band is not None
    return Score(model=model, value=hasil.value, band=band, domains=domains, aspects=aspects, levels={}), [
        p for p in problems if not p.is_error
    ]
