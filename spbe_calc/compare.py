"""Year-on-year comparison of scored answers files: index, predikat, domains, aspects, indicators.

Files are put in year order (``tahun``; files without a year keep their place at the end). Domain,
aspect and indicator changes need every file to use the same model; across models (for example
2020 under 5/2018 and 2021 under 59/2020) only the index and predikat are compared, with a note,
because the structure and weights differ. A file that holds a published result (``hasil``) takes
part with what was published: its index, and the domains and aspects it gives; its indicators
are unknown.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from spbe_calc.batch import score_files
from spbe_calc.core import DEFAULT_BASIS, Basis, ScoredFile
from spbe_calc.errors import fail
from spbe_calc.peers import published_beside


class Row(NamedTuple):
    """One compared quantity across the files, with the change from first to last."""

    values: tuple[Fraction | None, ...]
    code: str = ""  # "D1", "A3" or the indicator number; none for the index itself
    name: str = ""
    levels: tuple[object, ...] = ()  # indicators: the level in each file

    @property
    def delta(self) -> Fraction | None:
        """Last minus first (``None`` when either is missing)."""
        first, last = self.values[0], self.values[-1]
        return None if first is None or last is None else last - first


class Comparison(NamedTuple):
    """Everything ``compare`` shows."""

    files: tuple[ScoredFile, ...]
    same_model: bool
    #: The index of each file, and its change.
    overall: Row
    domains: tuple[Row, ...]
    aspects: tuple[Row, ...]
    gains: tuple[Row, ...]  # indicators whose contribution rose, biggest first
    losses: tuple[Row, ...]  # indicators whose contribution fell, biggest fall first

    @property
    def predikat(self) -> tuple[str, ...]:
        """Predikat of each file."""
        return tuple(f.score.band.name for f in self.files)


def order_by_year(files: list[ScoredFile]) -> list[ScoredFile]:
    """Sort by ``tahun``, keeping the given order for equal or missing years."""
    return sorted(files, key=lambda f: (f.answers.tahun is None, f.answers.tahun or 0))


def compare(files: list[ScoredFile]) -> Comparison:
    """Compare two or more scored files (see the module docstring)."""
    files = order_by_year(files)
    same = len({f.model.id for f in files}) == 1
    index = Row(values=tuple(f.score.value for f in files))
    if not same:
        return Comparison(
            files=tuple(files), same_model=False, overall=index, domains=(), aspects=(), gains=(), losses=()
        )
    model = files[0].model
    domains = tuple(
        Row(
            code=f"D{d.id}",
            name=d.name,
            values=tuple(next((x.value for x in f.score.domains if x.id == d.id), None) for f in files),
        )
        for d in model.domains
    )
    aspects = tuple(
        Row(
            code=f"A{a.id}",
            name=a.name,
            values=tuple(next((x.value for x in f.score.aspects if x.id == a.id), None) for f in files),
        )
        for a in model.aspects
    )
    indicators = []
    scored = [{x.indicator.id: x for x in f.score.indicators} for f in files]
    for ind in model.indicators:
        contributions = []
        levels = []
        for f, by_id in zip(files, scored):
            s = by_id.get(ind.id)
            # A published result has no indicators; a --partial file's missing ones have no level.
            known = s if s is not None and ind.id not in f.missing else None
            contributions.append(known.contribution if known else None)
            levels.append(known.level if known else None)
        indicators.append(Row(code=str(ind.id), name=ind.name, values=tuple(contributions), levels=tuple(levels)))
    # (change, indicator number, row); the number is unique, so rows themselves are never compared.
    changes = [(delta, int(r.code), r) for r in indicators if (delta := r.delta)]
    gains = tuple(r for _, _, r in sorted((-d, n, r) for d, n, r in changes if d > 0))
    losses = tuple(r for _, _, r in sorted((d, n, r) for d, n, r in changes if d < 0))
    return Comparison(
        files=tuple(files), same_model=True, overall=index, domains=domains, aspects=aspects, gains=gains, losses=losses
    )


def compare_files(
    paths: list[str],
    model_ref: str | None = None,
    partial: bool = False,
    basis: Basis = DEFAULT_BASIS,
    published: bool = True,
) -> Comparison:
    """Score answers files (all must be valid) and compare them, two or more years in all.

    With ``published``, the agency's published years that no file covers are added from the
    published table (:func:`spbe_calc.peers.published_beside`), marked as published.
    """
    files = score_files(paths, model_ref, partial, basis)
    if published:
        files += published_beside(files)
    if len(files) < 2:
        raise fail("compare", "compare-needs-two")
    return compare(files)
