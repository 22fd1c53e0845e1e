"""Writing the LKE workbook (with live formulas) and the same rows as CSV.

Only ``export`` imports this module (openpyxl alone takes about 0.2 s to import).

The formulas recompute the index exactly as ``score`` does. Spreadsheets count in binary
floating point, where 2.345 is 2.34499…; so every sum is kept in whole weight units (the
model's :class:`~spbe_calc.model.Units`, exact in a double up to 2^53), rounding is done in
whole numbers (``INT((2·units·10^p + total) / (2·total))``, half-up like ``score``), and the
predikat compares whole numbers (``units · den < num · total`` for an edge ``num/den``), on
the exact or the rounded index as the model's rule for the year says.
"""

from __future__ import annotations

import csv
import io
import itertools
from fractions import Fraction
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from spbe_calc.answers import Answer, Bukti, Evidence, bukti_label, published_only
from spbe_calc.answers.write import yaml_json
from spbe_calc.core import Basis, ScoredFile, score_file
from spbe_calc.lke import (
    BASE_COLUMNS,
    HEADER_ROW,
    HELPER_COLUMNS,
    INFO,
    INFO_FIELDS,
    RESULT,
    SHEET,
    SIGNER_COLUMNS,
    SIGNERS,
    STAGE_HEADERS,
    row_number,
    to_cell,
)
from spbe_calc.model import Aspect, Band, Indicator, Model
from spbe_calc.numbers import exact_str
from spbe_calc.render import csv_text, status_note
from spbe_calc.stages import STAGES


class Row(NamedTuple):
    """One row of the LKE sheet: an indicator, or one item of an indicator scored per item."""

    indicator: Indicator
    item: int | None
    domain: str
    aspect: str
    #: the level at each stage written (``mandiri`` first), ``None`` where not answered
    levels: dict[str, int | None]
    fakta: str | None
    analisis: str | None
    bukti: tuple[Bukti, ...]
    units: int
    aspect_id: int
    domain_id: int | None

    @property
    def number(self) -> str:
        """``12`` or ``35.2``."""
        return row_number(self.indicator.id, self.item)

    @property
    def weight(self) -> Fraction:
        """The row's weight: the indicator's, shared equally by its items."""
        return self.indicator.weight / max(1, len(self.indicator.items))

    @property
    def name(self) -> str:
        """The indicator's name, with the item's for an indicator scored per item."""
        if self.item is None:
            return self.indicator.name
        return f"{self.indicator.name} · {self.indicator.items[self.item]}"


def _level(level: Any, item: int | None) -> int | None:
    """A stage's level for one row: the level, or one item's."""
    if item is None:
        return level if isinstance(level, int) else None
    if isinstance(level, tuple) and item < len(level):
        value = level[item]
        return value if isinstance(value, int) else None
    return None


def export_file(path: str, model_ref: str | None, basis: Basis) -> ScoredFile:
    """Score an answers file for export: a file still being filled in is welcome (``--partial``)."""
    scored = score_file(path, model_ref, True, basis)
    if scored.published is not None:
        raise published_only(scored.answers)  # a published result has no levels to put in rows
    return scored


def stages_written(scored: ScoredFile) -> list[str]:
    """The stages the workbook has a column for: ``mandiri``, and every later stage some answer has."""
    present = {stage for answer in scored.answers.answers.values() for stage, _ in answer.tahap}
    return [s for s in STAGES if s == "mandiri" or s in present]


def rows(scored: ScoredFile) -> list[Row]:
    """The LKE rows of an answers file, in the model's order."""
    model = scored.model
    stages = stages_written(scored)
    domains: dict[int | None, str] = {d.id: d.name for d in model.domains}  # no domain (None): ""
    out: list[Row] = []
    for aspect in model.aspects:
        for ind in aspect.indicators:
            answer = scored.answers.answers.get(ind.id) or Answer(indicator=ind.id, level=None)
            for item in range(len(ind.items)) if ind.items else [None]:
                first = item is None or item == 0  # the explanation belongs to the indicator, once
                out.append(
                    Row(
                        indicator=ind,
                        item=item,
                        domain=domains.get(aspect.domain_id, ""),
                        aspect=aspect.name,
                        levels={stage: _level(answer.stage_level(stage), item) for stage in stages},
                        fakta=answer.fakta if first else None,
                        analisis=answer.analisis if first else None,
                        bukti=answer.bukti if first else (),
                        units=model.units.per_level[ind.id],
                        aspect_id=aspect.id,
                        domain_id=aspect.domain_id,
                    )
                )
    return out


def bukti_text(bukti: tuple[Bukti, ...]) -> str:
    """The evidence as people read it in the cell: one document a line."""
    lines = []
    for entry in bukti:
        if isinstance(entry, str):
            lines.append(entry)
        else:
            extra = ", ".join(v for v in (entry.nomor, entry.tanggal) if v)
            lines.append(bukti_label(entry) + (f" ({extra})" if extra else ""))
    return "\n".join(lines)


def bukti_data(bukti: tuple[Bukti, ...]) -> str:
    """The evidence exactly as written, for the hidden column that import reads back."""
    # Read back by the answers file's own rules (answers.read_bukti), so written as YAML reads it.
    return yaml_json(
        [b if isinstance(b, str) else {k: v for k, v in zip(Evidence._fields, b) if v is not None} for b in bukti]
    )


def _level_name(ind: Indicator, level: int | None) -> str:
    if level is None or not ind.scale.min <= level <= ind.scale.max:
        return ""
    return ind.scale.level(level).name or ""


# --- CSV ------------------------------------------------------------------------------------


#: The CSV's column that carries the status of a model that is not official.
STATUS_HEADER = "Status model"


def write_csv(scored: ScoredFile) -> str:
    """The LKE rows as CSV (numbers with a dot; no formulas, no hidden columns).

    For a model that is not official, a last column ``Status model`` says so on every row: a CSV
    has no title row to carry it, and a row copied elsewhere keeps it. When a document is
    described (a path with its number, date or SHA-256), the ``bukti (data)`` column carries it as
    the workbook's hidden column does, so that ``import`` gets it back whole.
    """
    stages = stages_written(scored)
    note = status_note(scored.model)
    all_rows = rows(scored)
    described = any(not isinstance(b, str) for row in all_rows for b in row.bukti)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [header for _, header in BASE_COLUMNS]
        + [STAGE_HEADERS[s] for s in stages[1:]]
        + ([dict(HELPER_COLUMNS)["bukti_data"]] if described else [])
        + ([STATUS_HEADER] if note else [])
    )
    for row in all_rows:
        level = row.levels["mandiri"]
        # A level not given is None, which the csv module writes as an empty field.
        writer.writerow(
            [
                csv_text(row.domain),
                csv_text(row.aspect),
                row.number,
                csv_text(row.name),
                exact_str(row.weight),
                level,
                _level_name(row.indicator, level),
                csv_text(row.fakta or ""),
                csv_text(row.analisis or ""),
                csv_text(bukti_text(row.bukti)),
                *[row.levels[s] for s in stages[1:]],
                *([bukti_data(row.bukti) if row.bukti else ""] if described else []),
                *([csv_text(note)] if note else []),
            ]
        )
    return buffer.getvalue()


# --- the workbook -------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    """A text as a string inside a formula."""
    return '"' + to_cell(text).replace('"', '""') + '"'


def _below(band: Band, units: str, total: str) -> str:
    """A formula test: the value ``units/total`` lies below the band's upper edge."""
    assert band.max is not None
    op = "<=" if band.max_inclusive else "<"
    return f"{units}*{band.max.denominator}{op}{band.max.numerator}*{total}"


def predikat_formula(model: Model, units: str, total: str) -> str:
    """The predikat of ``units/total`` (cell references) by the model's bands and banding rule."""
    scale = 10**model.precision
    if model.banding == "rounded":
        # the index rounded half-up to the model's places, as a whole number of 1/10^p
        units, total = f"INT((2*{units}*{scale}+{total})/(2*{total}))", str(scale)
    bands = model.bands_ascending()
    formula = _quoted(bands[-1].name)
    for band in reversed(bands[:-1]):
        formula = f"IF({_below(band, units, total)},{_quoted(band.name)},{formula})"
    return formula


def rounded_formula(model: Model, units: str, total: str) -> str:
    """The value ``units/total`` rounded half-up to the model's places, in whole numbers."""
    scale = 10**model.precision
    return f"INT((2*{units}*{scale}+{total})/(2*{total}))/{scale}"


def write_xlsx(scored: ScoredFile, stage: str) -> bytes:
    """The workbook: ``LKE``, ``Hasil`` (live formulas on ``stage``'s levels) and ``Info``."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = SHEET
    stages = stages_written(scored)
    if stage not in stages:
        stages.append(stage)  # a stage asked for but not written yet: an empty column to fill in
        stages.sort(key=STAGES.index)
    all_rows = rows(scored)
    columns = _lke_sheet(sheet, scored, all_rows, stages, stage)
    _result_sheet(workbook, scored, columns, len(all_rows) + HEADER_ROW)
    _info_sheet(workbook.create_sheet(INFO), scored, stage)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _effective_level(stage: str, stages: list[str], level_col: dict[str, str], r: int) -> str:
    """The formula of a row's level at ``stage`` as the evaluation reads it.

    At an assessors' stage, the level of the latest stage column up to it that has a number
    (:meth:`spbe_calc.answers.Answer.source_at`); the instansi's own column never stands in.
    A formula: the column's value where it holds a number, else the next earlier column's.
    """
    if stage == "mandiri":
        return f"{level_col['mandiri']}{r}"
    chain = [s for s in stages if s != "mandiri" and STAGES.index(s) <= STAGES.index(stage)][::-1]
    formula = '""'
    for s in reversed(chain):  # built inside out: the latest stage is tested first
        formula = f"IF(ISNUMBER({level_col[s]}{r}),{level_col[s]}{r},{formula})"
    return formula


def sheet_title(scored: ScoredFile) -> str:
    """The LKE sheet's title: who, which year, which model; and the model's status when not official."""
    model = scored.model
    parts = [f"Lembar Kerja Evaluasi — {scored.answers.instansi or ''}".rstrip(" —")]
    if scored.answers.tahun:
        parts.append(str(scored.answers.tahun))
    parts.append(f"{model.name} ({model.regulation.short})")
    title = " · ".join(parts)
    note = status_note(model)
    return f"{title} — {note}" if note else title


def _lke_sheet(
    sheet: Worksheet, scored: ScoredFile, all_rows: list[Row], stages: list[str], stage: str
) -> dict[str, str]:
    """Fill the LKE sheet; the column letter of each key."""
    headers = list(BASE_COLUMNS) + [(f"tahap:{s}", STAGE_HEADERS[s]) for s in stages[1:]] + list(HELPER_COLUMNS)
    col = {key: get_column_letter(n) for n, (key, _) in enumerate(headers, start=1)}
    level_col = {"mandiri": col["tingkat"], **{s: col[f"tahap:{s}"] for s in stages[1:]}}
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE6EE")
    # The title spans the visible columns and wraps there: text running on past them would widen
    # the printed page (and shrink everything on it) to hold one long line.
    title = to_cell(sheet_title(scored))
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=12)
    sheet["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    visible = [letter for key, letter in col.items() if key not in dict(HELPER_COLUMNS)]
    sheet.merge_cells(f"A1:{visible[-1]}1")
    span = sum(_WIDTHS.get(key, 11) for key in col if key not in dict(HELPER_COLUMNS))
    sheet.row_dimensions[1].height = min(409, 18 * _lines(title, span * 4 // 5))  # 12 pt bold: wider letters
    for n, (_, header) in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=n, value=header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    # Two lines: "Bobot (%)" and "Nama Tingkat" wrap in their narrow columns instead of spilling.
    sheet.row_dimensions[HEADER_ROW].height = 30
    first = HEADER_ROW + 1
    last = len(all_rows) + HEADER_ROW
    lists: dict[tuple[int, int], list[tuple[str, int]]] = {}  # a drop-down per scale: its level cells
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for r, row in enumerate(all_rows, start=first):
        ind = row.indicator
        values: dict[str, Any] = {
            "domain": row.domain,
            "aspek": row.aspect,
            "no": row.number,
            "indikator": row.name,
            "bobot": float(row.weight),
            "fakta": row.fakta,
            "analisis": row.analisis,
            "bukti": bukti_text(row.bukti) or None,
            # "[]" rather than an empty cell: LibreOffice prints a clipped "###" for a number in a
            # hidden column over the empty cells to its left, invisible on paper but in the PDF's text
            "bukti_data": bukti_data(row.bukti),
            "satuan": row.units,
            "kode_aspek": row.aspect_id,
            "kode_domain": row.domain_id,
        }
        for s in stages:
            key = "tingkat" if s == "mandiri" else f"tahap:{s}"
            values[key] = row.levels.get(s)
        for key, value in values.items():
            cell = sheet[f"{col[key]}{r}"]
            if isinstance(value, str):
                cell.value = to_cell(value)
                cell.data_type = "s"  # a text that starts with "=" stays a text, never a formula
            else:
                cell.value = value
            cell.alignment = wrap if key in _WIDTHS_WRAPPED else top
        # Spreadsheets do not grow a row for wrapped text written by a program: give it the
        # height its longest wrapped cell needs, so that printed rows do not overlap.
        lines = max(_lines(values.get(key), width) for key, width in _WIDTHS_WRAPPED.items())
        sheet.row_dimensions[r].height = min(409, 15 * max(1, lines))
        level = _effective_level(stage, stages, level_col, r)
        names = [lv.name or "" for lv in ind.scale.levels]
        if any(names):
            choose = ",".join(_quoted(n) for n in names)
            sheet[f"{col['nama_tingkat']}{r}"] = (
                f'=IF(ISNUMBER({col["tingkat"]}{r}),CHOOSE({col["tingkat"]}{r}-{ind.scale.min - 1},{choose}),"")'
            )
        sheet[f"{col['nama_tingkat']}{r}"].alignment = top
        sheet[f"{col['nilai']}{r}"] = f"=IF(ISNUMBER({level}),{level},{ind.scale.min})*{col['satuan']}{r}"
        sheet[f"{col['kosong']}{r}"] = f"=IF(ISNUMBER({level}),0,1)"
        sheet[f"{col['bobot']}{r}"].number_format = "0.00"
        for s in stages:
            lists.setdefault((ind.scale.min, ind.scale.max), []).append((level_col[s], r))
    for (low, high), cells in lists.items():
        check = DataValidation(
            type="list",
            formula1='"' + ",".join(str(v) for v in range(low, high + 1)) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Tingkat",
            error=f"Tingkat {low}-{high}",
        )
        for cell_range in _ranges(cells):
            check.add(cell_range)
        sheet.add_data_validation(check)
    # The indicator rows in one outline group (level 1, shown), collapsible under the header; the
    # header frozen and repeated on every printed page. (A group per aspect is not possible this
    # way: spreadsheets join adjacent rows of one outline level into one group.)
    sheet.row_dimensions.group(first, last)
    sheet.freeze_panes = f"E{first}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{col['bukti']}{last}"
    for key, letter in col.items():
        sheet.column_dimensions[letter].width = _WIDTHS.get(key, 11)
        if key in dict(HELPER_COLUMNS):
            sheet.column_dimensions[letter].hidden = True
    _print_setup(sheet, scored)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    return col


#: Columns whose text wraps, and their widths (in characters).
_WIDTHS_WRAPPED = {"domain": 16, "aspek": 20, "indikator": 36, "fakta": 36, "analisis": 36, "bukti": 30}
#: Every column's width (11 for the others).
_WIDTHS = {"no": 6, "bobot": 9, "tingkat": 9, "nama_tingkat": 13, **_WIDTHS_WRAPPED}


def _lines(text: Any, width: int) -> int:
    """Lines a text takes in a column ``width`` characters wide (an estimate, a little generous)."""
    if not isinstance(text, str):
        return 1
    return sum(max(1, -(-len(part) // (width - 2))) for part in text.split("\n"))  # widths are 16 or more


def _ranges(cells: list[tuple[str, int]]) -> list[str]:
    """Cells (column, row) in row order as runs of rows: F2, F3, F5, H2 give F2:F3, F5:F5, H2:H2."""
    by_column: dict[str, list[int]] = {}
    for letter, row in cells:
        by_column.setdefault(letter, []).append(row)
    out = []
    for letter, rows in by_column.items():
        # Rows of one run keep the same distance from their place in the list.
        for _, run in itertools.groupby(enumerate(rows), key=lambda pair: pair[1] - pair[0]):
            numbers = [row for _, row in run]
            out.append(f"{letter}{numbers[0]}:{letter}{numbers[-1]}")
    return out


def _print_setup(sheet: Worksheet, scored: ScoredFile) -> None:
    """A4 landscape, as wide as the page, as many pages tall as needed, with a page header and footer.

    The header names the agency and the year, and the footer "Halaman N dari M", on every
    printed page: a page taken out of the pile still says whose form it is.
    """
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    # Inches: the page header and footer sit in the margins, clear of the first and last rows.
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    who = _who(scored, " · ")
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # a new worksheet has both (typed as optional)
    # "&" starts a code in a header (&P is the page number): a name's own "&" is written "&&".
    header.left.text = _header_text(f"Lembar Kerja Evaluasi SPBE — {who}" if who else "Lembar Kerja Evaluasi SPBE")
    header.right.text = _header_text(f"{sheet.title} · {scored.model.name} ({scored.model.regulation.short})")
    footer.center.text = "Halaman &P dari &N"
    header.left.size = header.right.size = footer.center.size = 9


def _who(scored: ScoredFile, sep: str) -> str:
    """The agency and the year, those the file gives, joined by ``sep``: "Kota X · 2024"."""
    return sep.join(str(part) for part in (scored.answers.instansi, scored.answers.tahun) if part)


def _header_text(text: str) -> str:
    """A text as a page header holds it: one line, codes escaped, within the 255 characters allowed."""
    return to_cell(" ".join(text.split()))[:120].replace("&", "&&")


def _result_sheet(workbook: Workbook, scored: ScoredFile, col: dict[str, str], last: int) -> None:
    """Every aspect, domain and the index, with their predikat, as live formulas over the LKE sheet."""
    sheet = workbook.create_sheet(RESULT)
    model = scored.model
    units = model.units

    def lke(key: str) -> str:
        return f"{SHEET}!${col[key]}${HEADER_ROW + 1}:${col[key]}${last}"

    who = _who(scored, " ")
    sheet["A1"] = to_cell(f"Hasil — {who}" if who else "Hasil")
    sheet["A1"].font = Font(bold=True, size=13)
    rule = "indeks dibulatkan" if model.banding == "rounded" else "indeks tepat"
    sheet["A2"] = (
        f"Predikat dari {rule} ({_banding_basis(model)}; {model.precision} desimal untuk tampilan); "
        "rumus menghitung ulang saat tingkat diubah."
    )
    heads = ["Kode", "Nama", "Bobot (%)", "Indeks", "Predikat", "Indeks tepat", "satuan", "satuan total"]
    for n, head in enumerate(heads, start=1):
        sheet.cell(row=4, column=n, value=head).font = Font(bold=True)
    r = 5

    def line(code: str, name: str, weight: Fraction, sum_formula: str, total: int, bold: bool = False) -> None:
        nonlocal r
        sheet[f"A{r}"], sheet[f"B{r}"] = code, to_cell(name)
        sheet[f"C{r}"] = float(weight)
        sheet[f"G{r}"], sheet[f"H{r}"] = sum_formula, total
        sheet[f"D{r}"] = "=" + rounded_formula(model, f"G{r}", f"H{r}")
        sheet[f"E{r}"] = "=" + predikat_formula(model, f"G{r}", f"H{r}")
        sheet[f"F{r}"] = f"=G{r}/H{r}"
        sheet[f"C{r}"].number_format, sheet[f"D{r}"].number_format = "0.00", "0.00"
        sheet[f"F{r}"].number_format = "0.0000"
        if bold:
            for c in "ABCDE":
                sheet[f"{c}{r}"].font = Font(bold=True)
        r += 1

    def aspect_line(aspect: Aspect) -> None:
        formula = f"=SUMIF({lke('kode_aspek')},{aspect.id},{lke('nilai')})"
        line(f"A{aspect.id}", aspect.name, aspect.weight, formula, units.aspect[aspect.id])

    for domain in model.domains:
        formula = f"=SUMIF({lke('kode_domain')},{domain.id},{lke('nilai')})"
        line(f"D{domain.id}", domain.name, domain.weight, formula, units.domain[domain.id], True)
        for aspect in domain.aspects:
            aspect_line(aspect)
    for aspect in () if model.domains else model.aspects:  # a model without domains
        aspect_line(aspect)
    r += 1
    line(
        "", model.name, sum((a.weight for a in model.aspects), Fraction(0)), f"=SUM({lke('nilai')})", units.total, True
    )
    index_row = r - 1
    sheet[f"B{r + 1}"] = "Indikator belum diisi"
    sheet[f"C{r + 1}"] = f"=SUM({lke('kosong')})"
    sheet[f"B{r + 2}"] = "Indikator yang belum diisi dihitung pada tingkat terendah (seperti score --partial)."
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 48
    for letter in "CDEF":
        sheet.column_dimensions[letter].width = 13
    for letter in "GH":
        sheet.column_dimensions[letter].hidden = True
    sheet.freeze_panes = "A5"
    sheet.print_title_rows = "4:4"
    _print_setup(sheet, scored)
    # the index row, named for people and for the tests: the index and its predikat
    workbook.defined_names["IndeksSPBE"] = DefinedName("IndeksSPBE", attr_text=f"{RESULT}!$D${index_row}")
    workbook.defined_names["Predikat"] = DefinedName("Predikat", attr_text=f"{RESULT}!$E${index_row}")
    workbook.defined_names["IndeksTepat"] = DefinedName("IndeksTepat", attr_text=f"{RESULT}!$F${index_row}")


def _banding_basis(model: Model) -> str:
    """Why the workbook bands as it does, in the workbook's language: "aturan tahun 2025, anggapan"."""
    rule = model.banding_rule  # set exactly when a year's rule decided (Model.for_year)
    if rule is not None:
        return f"aturan tahun {model.year}" + (", anggapan" if rule.assumed else "")
    return "--banding" if model.banding_basis == "option" else "aturan model"


def _info_sheet(sheet: Worksheet, scored: ScoredFile, stage: str) -> None:
    """The answers file's own fields, read back by import; and how the formulas score."""
    answers = scored.answers
    laporan = answers.laporan
    values: dict[str, Any] = {
        "model": answers.model,
        "instansi": answers.instansi,
        "tahun": answers.tahun,
        "tempat": laporan.tempat if laporan else None,
        "tanggal": laporan.tanggal if laporan else None,
        "logo": laporan.logo if laporan else None,
    }
    sheet["A1"] = "spbe-calc LKE"
    sheet["A1"].font = Font(bold=True)
    r = 3
    for key, label in INFO_FIELDS:
        sheet[f"A{r}"] = label
        value = values[key]
        if isinstance(value, str):
            sheet[f"B{r}"] = to_cell(value)
            sheet[f"B{r}"].data_type = "s"
        else:
            sheet[f"B{r}"] = value
        r += 1
    sheet[f"A{r}"], sheet[f"B{r}"] = "Tahap pada rumus", stage
    sheet[f"A{r + 1}"], sheet[f"B{r + 1}"] = (
        "Aturan predikat",
        f"{scored.model.banding} ({_banding_basis(scored.model)})",
    )
    if scored.stage_sources:  # at an assessors' stage: where each indicator's level comes from
        counts = ", ".join(f"{s} {n}" for s, n in scored.stage_sources)
        sheet[f"A{r + 2}"], sheet[f"B{r + 2}"] = "Tingkat dari tahap", counts
        r += 1
    r += 3
    sheet[f"A{r}"] = SIGNERS
    sheet[f"A{r}"].font = Font(bold=True)
    for n, head in enumerate(SIGNER_COLUMNS, start=2):
        sheet.cell(row=r, column=n, value=head).font = Font(bold=True)
    for signer in laporan.penandatangan if laporan else ():
        r += 1
        for n, value in enumerate((signer.jabatan, signer.nama, signer.nip, signer.peran), start=2):
            if value is not None:
                cell = sheet.cell(row=r, column=n, value=to_cell(value))
                cell.data_type = "s"
    sheet.column_dimensions["A"].width = 26
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 36
    _print_setup(sheet, scored)
