"""Where an agency stands among its peers: the published 2023-2024 results, ranks and spreads.

The table (``spbe_calc/data/published-results-2023-2024.csv``, its source in the README beside
it) holds every agency's published index, predikat and domain values for 2023 and 2024. It is
read only by the commands that use it, once per process. For an agency, found by its name:

- each year's published result, and its rank in its group as the report prints it (for a
  kabupaten, kota or provinsi: the local governments of its province) and among all agencies of
  its kind in the country, as "3 of 14": equal indices share the better rank, and a group counts
  the agencies with a published index that year;
- its percentile rank: ``(below + equal / 2) / count`` of the group, in percent (the agency
  itself counted among the equal);
- the group's quartiles (as a spreadsheet's ``QUARTILE.INC``: linear between the sorted values)
  of the index and of each domain; domain values outside the index range (1-5: the two faulty
  rows of the table) are left out of the domain statistics;
- for a self-assessment (an answers file with levels), where its exact index would rank in the
  latest published year before its own, and the index that enters the top quarter of its
  province group and of its kind (the lowest index of the top quarter: equal shares the rank).

Names match tolerantly: case, spaces and punctuation do not count, "Kabupaten" is "Kab.", and
"Pemerintah" may be left out; a name that matches none, or several, gets the closest names.

A score is never looked up here: an answers file's index always comes from its levels.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import math
import re
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from spbe_calc.answers import Answers
from spbe_calc.answers.read import Published
from spbe_calc.core import DEFAULT_BASIS, Basis, ScoredFile, score_answers, score_file
from spbe_calc.errors import Problem, Severity, SpbeError, fail, problem_at
from spbe_calc.model import Model, load_model
from spbe_calc.paths import is_file

#: The kinds of agency, as the table names them.
KINDS = ("kementerian", "lembaga", "provinsi", "kabupaten", "kota")
#: The range a domain value must lie in to count in the statistics.
LOWEST, HIGHEST = Fraction(1), Fraction(5)
#: Where the table comes from, for every output that shows its figures.
SOURCE = "KemenPANRB, Laporan Evaluasi SPBE 2023 dan Laporan Pelaksanaan Evaluasi SPBE 2024"
#: The model the table's years were evaluated under (PermenPANRB 59/2020).
TABLE_MODEL = "spbe-2020"
#: How a published year is named where a file's name would stand (``compare``'s columns).
PUBLISHED_LABEL = "KemenPANRB"


class Row(NamedTuple):
    """One agency's published result of one year."""

    year: int
    group: str
    kind: str
    name: str
    #: domain number -> value as published (missing when the extraction lost it)
    domains: dict[int, Fraction]
    #: the published index
    value: Fraction
    predikat: str
    note: str


@functools.cache
def table() -> tuple[Row, ...]:
    """Every row of the published table (read once, when a command first needs it)."""
    text = resources.files("spbe_calc.data").joinpath("published-results-2023-2024.csv").read_text(encoding="utf-8")
    rows = []
    for raw in csv.DictReader(io.StringIO(text)):
        domains = {n: Fraction(raw[f"d{n}"]) for n in range(1, 5) if raw[f"d{n}"].strip()}
        rows.append(
            Row(
                year=int(raw["tahun"]),
                group=raw["kelompok"],
                kind=raw["jenis"],
                name=raw["instansi"],
                domains=domains,
                value=Fraction(raw["indeks"]),
                predikat=raw["predikat"],
                note=raw["catatan"],
            )
        )
    return tuple(rows)


def years() -> tuple[int, ...]:
    """The years the table covers, oldest first."""
    return tuple(sorted({row.year for row in table()}))


# --- names ---------------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\w]+")
_KIND_WORDS = {"kabupaten": "kab", "kab": "kab", "kota": "kota", "provinsi": "provinsi", "prov": "provinsi"}


def normalized(name: str) -> str:
    """A name as it is compared: lower case, words only, "Kabupaten" as "kab", no "Pemerintah"."""
    words = [w for w in _WORDS.split(name.casefold()) if w and w != "pemerintah"]
    return " ".join(_KIND_WORDS.get(w, w) if n == 0 else w for n, w in enumerate(words))


def _without_kind(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in ("kab", "kota", "provinsi") else key


def find(name: str) -> str:
    """The agency's name as the table prints it; :class:`SpbeError` with the closest names if none or several."""
    wanted = normalized(name)
    names = {normalized(row.name): row.name for row in table()}
    if wanted in names:
        return names[wanted]
    # "Banyuasin" for "Pemerintah Kab. Banyuasin" (and not "Kab. Musi Banyuasin").
    found = sorted({full for key, full in names.items() if _without_kind(key) == wanted})
    if len(found) == 1:
        return found[0]
    if found:
        raise fail(name, "peers-ambiguous", name=name, names="; ".join(_short(f) for f in found))
    close = difflib.get_close_matches(wanted, list(names))  # the three closest, at difflib's cut-off (0.6)
    raise fail(name, "peers-unknown", name=name, names="; ".join(_short(names[c]) for c in close) or "–")


def _short(name: str) -> str:
    """A name as a message lists it: without "Pemerintah " (found all the same), so that several fit."""
    return name.removeprefix("Pemerintah ")


def rows_of(name: str) -> tuple[Row, ...]:
    """Every year's row of the agency named exactly as the table prints it, oldest first."""
    return tuple(sorted((r for r in table() if r.name == name), key=lambda r: r.year))


# --- numbers of a group --------------------------------------------------------------------------


def rank(value: Fraction, values: list[Fraction]) -> int:
    """Competition rank of ``value`` among ``values`` (highest first; equal values share the better rank)."""
    return 1 + sum(v > value for v in values)


def percentile(value: Fraction, values: list[Fraction]) -> Fraction:
    """Percentile rank in percent: ``(below + equal / 2) / count`` (``value`` is one of ``values``)."""
    below = sum(v < value for v in values)
    equal = sum(v == value for v in values)
    return Fraction(100) * (below + Fraction(equal, 2)) / len(values)


def quantile(values: list[Fraction], p: Fraction) -> Fraction:
    """The ``p`` quantile, linear between the sorted values (``QUARTILE.INC``), exactly."""
    ordered = sorted(values)
    h = (len(ordered) - 1) * p
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


class Spread(NamedTuple):
    """The lower quartile, the median and the upper quartile of some values, and how many."""

    q1: Fraction
    median: Fraction
    q3: Fraction
    #: how many values
    n: int


def spread(values: list[Fraction]) -> Spread | None:
    """The quartiles of ``values`` (``None`` when there are none)."""
    if not values:
        return None
    quarter = Fraction(1, 4)
    return Spread(
        q1=quantile(values, quarter),
        median=quantile(values, 2 * quarter),
        q3=quantile(values, 3 * quarter),
        n=len(values),
    )


def top_quarter(values: list[Fraction]) -> Fraction:
    """The lowest index in the top quarter of ``values``: reaching it enters the top quarter."""
    ordered = sorted(values, reverse=True)
    return ordered[math.ceil(len(ordered) / 4) - 1]


class Group(NamedTuple):
    """An agency's place in one group of one year, and the group's spread."""

    #: ``group``: its group as the report prints it; ``kind``: its kind in the whole country
    scope: str
    #: the group's name ("Pemerintah Daerah di Sumatera Selatan", or the kind: "kabupaten")
    label: str
    #: agencies in the group (with the one placed)
    total: int
    rank: int
    percentile: Fraction
    #: the spread of the group's indices
    spread: Spread
    #: domain number -> spread of that domain's values in range
    domains: dict[int, Spread]
    #: the lowest index of the group's top quarter
    top_quarter: Fraction


def _members(year: int, scope: str, label: str) -> list[Row]:
    """The rows of a year whose ``scope`` (a row's field: ``group`` or ``kind``) is ``label``."""
    return [r for r in table() if r.year == year and getattr(r, scope) == label]


def place(
    value: Fraction, year: int, scope: str, label: str | None, extra: bool = False, leave_out: str | None = None
) -> Group | None:
    """Where ``value`` stands in a group of a year; ``extra``: it is not one of the group's rows.

    ``scope`` is ``"group"`` or ``"kind"``. ``leave_out`` names an agency whose row is not its
    own peer (a self-assessment is placed among the others). ``None`` when the table has no
    such group that year, or ``label`` is ``None`` (an agency whose group is not known).
    """
    if label is None:
        return None
    members = [r for r in _members(year, scope, label) if r.name != leave_out]
    if not members:
        return None
    values = [r.value for r in members] + ([value] if extra else [])
    whole = spread([r.value for r in members])
    assert whole is not None  # members is not empty
    domains = {
        n: s
        for n in range(1, 5)
        if (s := spread([r.domains[n] for r in members if LOWEST <= r.domains.get(n, Fraction(0)) <= HIGHEST]))
    }
    return Group(
        scope=scope,
        label=label,
        total=len(values),
        rank=rank(value, values),
        percentile=percentile(value, values),
        spread=whole,
        domains=domains,
        top_quarter=top_quarter([r.value for r in members]),
    )


# --- an agency -----------------------------------------------------------------------------------


class Year(NamedTuple):
    """An agency's published result of one year, and its place in its group and its kind."""

    row: Row
    group: Group
    kind: Group


class Assessed(NamedTuple):
    """A self-assessed index placed among last year's published results."""

    #: the self-assessed index (exact)
    value: Fraction
    #: its predikat, by the model's rule for the file's year (exact or rounded index)
    predikat: str
    #: the year of the file (``None`` when it does not say)
    year: int | None
    #: the published year it is compared with
    against: int
    group: Group | None
    kind: Group | None
    #: the model that scored it (its status is said beside the place)
    model: Model
    #: the stage whose levels gave the index (``mandiri``: the agency's own)
    stage: str


class Peers(NamedTuple):
    """Where one agency stands: its published years and, for a self-assessment, that too."""

    #: as the table prints it (``None``: not in the table, only a self-assessment to place)
    name: str | None
    kind: str | None
    group: str | None
    years: tuple[Year, ...]
    assessed: Assessed | None = None
    source: str = SOURCE
    #: said beside the result: an agency the table does not have (with the closest names)
    warnings: tuple[Problem, ...] = ()


def kind_of(name: str) -> str | None:
    """The kind an agency's name says (a Kabupaten, a Kota, a Provinsi), when it says one."""
    first = normalized(name).partition(" ")[0]
    return {"kab": "kabupaten", "kota": "kota", "provinsi": "provinsi"}.get(first)


def published_years(name: str) -> tuple[Year, ...]:
    """Each year's published result of the agency (its table name) with its places."""
    out = []
    for row in rows_of(name):
        group = place(row.value, row.year, "group", row.group)
        kind = place(row.value, row.year, "kind", row.kind)
        assert group is not None and kind is not None  # the row is a member of both
        out.append(Year(row=row, group=group, kind=kind))
    return tuple(out)


def against_year(year: int | None) -> int:
    """The published year a self-assessment of ``year`` is compared with.

    The latest year before the file's (the latest of all when it does not say); for a file
    older than the table, the table's first year.
    """
    earlier = [y for y in years() if year is None or y < year]
    return earlier[-1] if earlier else years()[0]


def assess(scored: ScoredFile, name: str | None, kind: str | None, group: str | None) -> Assessed:
    """A scored self-assessment placed in :func:`against_year` among its kind and its group.

    ``name`` is the agency's own row, left out of the table it is placed in.
    """
    index, year = scored.score.value, scored.answers.tahun
    against = against_year(year)
    return Assessed(
        value=index,
        predikat=scored.score.band.name,
        year=year,
        against=against,
        group=place(index, against, "group", group, extra=True, leave_out=name),
        kind=place(index, against, "kind", kind, extra=True, leave_out=name),
        model=scored.model,
        stage=scored.stage,
    )


def peers_for(target: str, model_ref: str | None = None, basis: Basis = DEFAULT_BASIS) -> Peers:
    """Where the agency of an answers file, or of a name, stands (see the module docstring).

    ``target`` is an answers file when it names one (a path that exists, or ends in .yaml), else
    the agency's name. A file's agency is found by its ``instansi``; a file with levels is
    scored (``basis``: its stage and banding) and placed too, even when the table does not have
    its agency (then among its kind, and the closest names are said).
    """
    if not _is_file_name(target):
        name = find(target)
        latest = rows_of(name)[-1]
        return Peers(name=name, kind=latest.kind, group=latest.group, years=published_years(name))
    scored = score_file(target, model_ref, basis=basis)  # every indicator answered
    if not scored.answers.instansi:
        line, col = scored.answers.position("instansi")
        raise fail(target, "peers-no-instansi", line, col)
    return standing(scored)


def standing(scored: ScoredFile) -> Peers:
    """Where the agency of a scored file (with its ``instansi``) stands.

    Its published years when the table has it; a self-assessment (a file with levels) placed
    too, among its kind only when the table lacks the agency (the closest names said as a warning).
    """
    instansi = scored.answers.instansi
    assert instansi is not None  # both callers check that the file names its agency
    try:
        found = find(instansi)
    except SpbeError as exc:
        # Said at the file's instansi, where the name to correct is written.
        line, col = scored.answers.position("instansi")
        said = [p._replace(path=scored.path, line=line, col=col) for p in exc.problems]
        if scored.published is not None:  # a published result of an agency the table lacks
            raise SpbeError(said) from None
        return Peers(
            name=None,
            kind=kind_of(instansi),
            group=None,
            years=(),
            assessed=assess(scored, None, kind_of(instansi), None),
            warnings=(*_other_model(scored), *(p._replace(severity=Severity.WARNING) for p in said)),
        )
    rows = rows_of(found)
    latest = rows[-1]
    if scored.published is not None:
        assessed = None
    else:
        # Placed in the group the agency had in the year compared with: a group's name can change
        # from one year to the next ("... Bangka Belitung" became "... Kepulauan Bangka Belitung").
        against = against_year(scored.answers.tahun)
        row = next((r for r in rows if r.year == against), latest)
        assessed = assess(scored, found, row.kind, row.group)
    return Peers(
        name=found,
        kind=latest.kind,
        group=latest.group,
        years=published_years(found),
        assessed=assessed,
        warnings=_other_model(scored) if assessed is not None else (),
    )


def _other_model(scored: ScoredFile) -> tuple[Problem, ...]:
    """A warning when the index placed is not the one the table publishes (another model's index)."""
    if scored.model.id == TABLE_MODEL:
        return ()
    where = scored.answers.position("model")
    problem = problem_at(scored.path, where, "peers-other-model", model=scored.model.id, table=TABLE_MODEL)
    return (problem._replace(severity=Severity.WARNING),)


def _is_file_name(target: str) -> bool:
    return target.lower().endswith((".yaml", ".yml")) or is_file(Path(target))


def published_scored(name: str, shown: str | None = None) -> list[ScoredFile]:
    """The agency's published years as results (``published`` set), to put beside a file.

    Each is scored as a file holding ``hasil`` would be, under the model of those years; a domain
    value outside the index range (a faulty row) is left out. ``shown``: the agency's name as the
    team's own files write it, so that every column names the agency alike.
    """
    model = load_model(TABLE_MODEL)
    out = []
    for row in rows_of(name):
        hasil = Published(
            value=row.value,
            predikat=row.predikat,
            domains={n: v for n, v in row.domains.items() if LOWEST <= v <= HIGHEST},
            aspects={},
        )
        answers = Answers(
            path=f"{PUBLISHED_LABEL} {row.year}",
            model=model.id,
            instansi=shown or row.name,
            tahun=row.year,
            answers={},
            hasil=hasil,
        )
        out.append(score_answers(answers, model))
    return out


def published_beside(files: list[ScoredFile]) -> list[ScoredFile]:
    """The published years of the agency of ``files`` that none of them covers.

    Only when every file names the same agency (by ``instansi``) and the table has it; else none.
    """
    names = {f.answers.instansi for f in files}
    if len(names) != 1:
        return []
    (instansi,) = names
    if instansi is None:
        return []
    try:
        name = find(instansi)
    except SpbeError:
        return []
    covered = {f.answers.tahun for f in files}
    return [f for f in published_scored(name, instansi) if f.answers.tahun not in covered]
