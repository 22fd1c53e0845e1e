"""Everything the user reads: output formats, one module each, behind one registry.

Renderers are pure: they take a command's result and :class:`Options`, and return text; the CLI
decides where the text goes (data to stdout, messages to stderr). The registry
(:mod:`spbe_calc.render.registry`) maps a command and a format to its renderer. This module
holds the small pieces every format shares: numbers, names, colours.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from spbe_calc.answers import Answer, Answers, bukti_label
from spbe_calc.i18n import pick, t
from spbe_calc.model import Band, Level, Model
from spbe_calc.numbers import decimal_text, exact_str, round_half_up, scaled_half_up
from spbe_calc.render.safe import clean
from spbe_calc.scoring import bands_by_rule, rounded_value


class Options(NamedTuple):
    """How to render: colour (ANSI) or not, the width to fit, and how much to show."""

    color: bool = False
    width: int = 80
    detail: bool = False


#: What a spreadsheet would read as the start of a formula (or of a hidden line), in a text cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A CSV text cell a spreadsheet shows as text: a leading quote disarms a formula (OWASP, CWE-1236).

    A carriage return becomes a line feed: spreadsheets end a row at a lone CR even inside
    quotes, and what followed it would start a new cell, formula and all. The CSV writer quotes
    every cell with a line feed.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return f"'{value}" if _disarmed(value) else value


def _disarmed(value: str) -> bool:
    """Whether :func:`csv_text` puts a quote before ``value``.

    Before a formula's start, and before a text that already starts with a quote and a formula's
    start, so that :func:`csv_read_text` undoes it exactly.
    """
    return value.startswith(_FORMULA_START) or (value.startswith("'") and value[1:].startswith(_FORMULA_START))


def csv_read_text(value: str) -> str:
    """A text cell of a CSV that :func:`csv_text` wrote, as it was: the disarming quote taken off.

    A line break inside the text written CR LF or CR (by an editor on Windows, or an old Mac) is
    read as the line feed :func:`csv_text` writes, as YAML reads the line breaks of a text.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value[1:] if value.startswith("'") and _disarmed(value[1:]) else value


def localized(text: str) -> str:
    """A number written the program way (``1234567.5``) the current language's way.

    Indonesian writes ``1.234.567,5``, English ``1,234,567.5``: the decimal mark and the
    thousands separator come from the catalogue (``fmt.decimal``, ``fmt.group``), so a new
    language brings its own. Thousands are grouped from five digits on (``1000`` stays, as
    Indonesian style guides write four-digit numbers); indices and weights never reach that,
    costs do. Anything that is not a plain decimal (``7/3``) is returned unchanged.
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        return text
    sign, whole, point, decimals = match.groups()
    if len(whole) > 4:
        group = t("fmt.group")
        whole = group.join(whole[max(0, i - 3) : i] for i in range(len(whole), 0, -3)[::-1])
    return sign + whole + (t("fmt.decimal") + decimals if point else "")


#: A number as Python writes it: sign, whole part, and the decimals after a dot.
_NUMBER = re.compile(r"([-+]?)([0-9]+)(?:(\.)([0-9]+))?")


def plain_num(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A value rounded half-up, written for programs (CSV): ``2.38`` in every language."""
    return str(round_half_up(Fraction(value), places))


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between words only.

    A word longer than a line (a path, a long name on a very narrow terminal) gets a line of its
    own rather than being cut; ``indent`` starts every line after the first.
    """
    return textwrap.wrap(text, width, subsequent_indent=indent, break_long_words=False)


def num(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A value rounded half-up for people, in the current language: ``2,38`` or ``2.38``."""
    return localized(plain_num(value, places))


def exact_num(value: Fraction) -> str:
    """An exact value for people (:func:`decimal_text` in the current language's way): ``2,6615``."""
    return localized(decimal_text(value))


def exact_beside(model: Model, value: Fraction) -> str | None:
    """The exact value to show beside the rounded one, when rounding changed it (else ``None``).

    Compared as values: an index of exactly 3 is shown ``3,00`` with nothing beside it.
    """
    return None if rounded_value(model, value) == value else exact_num(value)


def cost_text(value: Fraction) -> str:
    """A cost as people read it: every digit, thousands grouped (``150.000.000``, ``2,5``)."""
    return localized(exact_str(value))


def bar_text(text: str) -> str:
    """A number as someone wrote it (``--target 2.50``, a model's value), the current language's way: ``2,50``.

    Anything that is not a plain number (a predikat, ``1/3``) is shown as it is.
    """
    plain = text.strip().replace(",", ".")
    return localized(plain) if _NUMBER.fullmatch(plain) else clean(text)


def long_date(day: datetime.date) -> str:
    """A date as a document writes it: ``28 November 2026`` (month names from the catalogue)."""
    month = t("fmt.months").split()[day.month - 1]
    return t("fmt.date", day=day.day, month=month, year=day.year)


def signed(value: Fraction, places: int = 2) -> str:
    """A change with its sign: ``+0,12``, ``-0,05``, ``+0,00`` (a dot in English)."""
    text = num(value, places)
    return text if text.startswith("-") else f"+{text}"


def json_num(value: Fraction, places: int | None = None) -> int | float:
    """A number for JSON: rounded half-up to ``places``, or (``None``) the value as written.

    Written as is, a whole number stays an integer: a weight of 13 is ``13``, of 2.5 is ``2.5``.
    """
    if places is None:
        return int(value) if value.denominator == 1 else float(exact_str(value))
    # Integer true division is correctly rounded: the same float as float("2.38"), cheaper.
    scale: int = 10**places
    return scaled_half_up(value, places) / scale


def pct(value: Fraction, total: Fraction) -> str:
    """A weight as people read it, its share of the model's ``total_weight``: ``13,00%``.

    The official models' weights add up to 100, so a weight is its percentage; a model whose
    weights add up to 3 shows a weight of 1 as ``33,33%``, not ``1,00%``.
    """
    return f"{num(value * 100 / total)}%"


def title(answers: Answers) -> str:
    """``Pemerintah Kabupaten Contoh · 2022``: who was assessed, and when."""
    text = clean(answers.instansi or t("out.no-instansi"))
    return f"{text} · {answers.tahun}" if answers.tahun else text


def regulation(model: Model) -> str:
    """The regulation's short name (``PermenPANRB 59/2020``)."""
    return clean(model.regulation.short)


def level_label(level: Level) -> str:
    """The official name of a level, or "Tingkat n" / "Level n" when the regulation gives none."""
    return level.name or t("out.level-n", n=level.value)


def explanation(answer: Answer | None) -> list[tuple[str, str]]:
    """An answer's fakta, analisis and bukti as (label, text) pairs, for the report formats."""
    if answer is None:
        return []
    pairs = [
        (t("rep.fakta"), answer.fakta),
        (t("rep.analisis"), answer.analisis),
        (t("rep.bukti"), "; ".join(bukti_label(b) for b in answer.bukti)),
    ]
    return [(label, text) for label, text in pairs if text]  # what is empty or not written is left out


def index_name(model: Model) -> str:
    """The index named after its model, ``Indeks SPBE (spbe-2020)``: indices of two models differ."""
    return clean(f"{model.name} ({model.id})")


def stage_name(stage: str) -> str:
    """A stage by its name: ``penilaian mandiri``, ``tingkat akhir``."""
    return t(f"stage.{stage}")


def banding_note(model: Model) -> str:
    """Which rule banded the index, and why: "predikat dari indeks tepat (aturan tahun 2024)".

    A year's rule that is an assumption says so: "(aturan tahun 2025, anggapan)".
    """
    if model.banding_basis == "year":
        assumed = model.banding_rule is not None and model.banding_rule.assumed
        why = t("out.banding.by-year.assumed" if assumed else "out.banding.by-year", year=model.year)
    else:
        why = t(f"out.banding.by-{model.banding_basis}")
    return f"{t(f'out.banding.{model.banding}')} ({why})"


def basis_line(stage: str, model: Model, sources: tuple[tuple[str, int], ...] = ()) -> str:
    """What a score stands on: "Tahap: akhir · predikat dari indeks tepat (aturan tahun 2022)".

    At an assessors' stage, ``sources`` (:attr:`spbe_calc.core.ScoredFile.stage_sources`) says how
    many indicators took their level from each stage: "tingkat dari tahap interviu 40, akhir 7".
    """
    line = t("out.stage", stage=stage_name(stage)) + " · " + banding_note(model)
    if sources:
        counts = ", ".join(f"{stage_name(s)} {n}" for s, n in sources)
        line += " · " + t("out.stage-sources", counts=counts)
    return line


def banding_conflict(model: Model, value: Fraction) -> str | None:
    """When the exact and the rounded index have different predikat: both, and which one holds.

    Nias Barat 2023 and 2024 both published 1.80 for an exact index just below 1.8: Cukup in
    2023 (rounded banding), Kurang in 2024 (exact). A reader needs to see why.
    """
    exact_band, rounded_band = bands_by_rule(model, value)
    if exact_band == rounded_band:
        return None
    text = t(
        "out.banding.conflict",
        exact=exact_num(value),
        exact_band=exact_band.name,
        rounded=num(value, model.precision),
        rounded_band=rounded_band.name,
        chosen=(rounded_band if model.banding == "rounded" else exact_band).name,
        rule=banding_note(model),
    )
    rule = model.banding_rule  # set only when a year's rule decided
    if rule is not None and rule.reason:
        text += " " + pick(rule.reason)
    return clean(text)


def warning(model: Model) -> str | None:
    """The model's one-line warning (a provisional model) in the current language."""
    return pick(model.warning) if model.warning else None


def status_note(model: Model) -> str | None:
    """What every output of a model that is not official says of it (``None`` for an official one).

    Its status (reconstructed, provisional) and the model's own warning, or, without one, what the
    status means and where the model comes from: "rekonstruksi: model spbe-2018 disusun ulang …".
    Renderers put it next to the index, so that no printed or shared number hides its footing.
    """
    status = model.regulation.status
    if status == "official":
        return None
    basis = model.regulation.confidence or model.regulation.source or "–"
    said = warning(model) or t(f"out.status-note.{status}", model=model.id, basis=basis)
    return clean(f"{t(f'out.status.{status}')}: {said}")


def status_notes(models: Iterable[Model]) -> list[str]:
    """The status notes of the models that are not official, once per model, in order of use."""
    notes: dict[str, str] = {}
    for m in models:
        note = status_note(m)
        if note is not None:
            notes.setdefault(m.id, note)
    return list(notes.values())


#: Terminal styles from the lowest predikat to the highest.
TONES = ("red", "yellow", "green", "bold green", "bold cyan")
#: Page colours from the lowest predikat to the highest.
COLORS = ("#c0392b", "#d68910", "#1e8449", "#117a65", "#1f618d")


def band_step(model: Model, band: Band, steps: int) -> int:
    """Where a band sits on a scale of ``steps`` colours, by its rank among the model's bands.

    Colour follows rank, not name, so a model with other predikat names or another number of
    bands is coloured too: the lowest band gets the first colour, the highest the last.
    """
    count = len(model.bands)
    if count < 2:
        return steps - 1
    return round(model.band_rank(band) * (steps - 1) / (count - 1))


def band_tone(model: Model, band: Band) -> str:
    """The terminal style of a predikat."""
    return TONES[band_step(model, band, len(TONES))]


def band_color(model: Model, band: Band) -> str:
    """The page colour of a predikat."""
    return COLORS[band_step(model, band, len(COLORS))]
