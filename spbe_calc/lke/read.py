"""Reading an LKE workbook back into answers, after people have edited it by hand.

Levels are read as in an answers file (``3``, ``3.0``, ``"3"``; see :mod:`spbe_calc.answers.level`); rows may be reordered,
added (notes, totals) or left empty; columns are found by their headers. Every problem is named
by sheet and cell (``LKE!F14``) and nothing is returned while there is one. The workbook is a
file that may come from anywhere: its size, its unpacked size and the rows read are bounded.
Only ``import`` imports this module (openpyxl alone takes about 0.2 s to import).
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import re
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from spbe_calc.answers import Answer, Answers, Bukti, Evidence, Laporan, Signer, read_bukti
from spbe_calc.answers.level import Refused, read_level
from spbe_calc.answers.read import FIRST_YEAR, LAPORAN, LAST_YEAR, SIGNER, field_value, off_scale, read_year, with_field
from spbe_calc.answers.store import current, update
from spbe_calc.core import model_for
from spbe_calc.errors import ExitCode, Problem, SpbeError, capped, fail
from spbe_calc.lke import BASE_COLUMNS, HELPER_COLUMNS, INFO, INFO_FIELDS, SHEET, SIGNERS, STAGE_HEADERS, from_cell
from spbe_calc.lke.write import bukti_text
from spbe_calc.model import DEFAULT_MODEL, Indicator, Model, load_model
from spbe_calc.render import csv_read_text
from spbe_calc.spec import MAX_TEXT, Nullable, Obj, Str
from spbe_calc.stages import STAGES
from spbe_calc.yamlsafe import LIMITS, read_bytes

#: The largest workbook read (an LKE of a few hundred rows, long texts included, is under 1 MB).
MAX_BYTES = 10 * 1024 * 1024
#: The most its parts may unpack to: a "zip bomb" is refused before it is opened, and openpyxl,
#: which holds a whole workbook in memory (about ten times its XML), stays within a few hundred MB.
MAX_UNPACKED = 25 * 1024 * 1024
#: Rows and columns looked at; anything beyond is not an LKE.
MAX_ROWS = 5000
MAX_COLUMNS = 60
#: Rows at the top searched for the header row (a title may sit above it).
HEADER_SEARCH = 10
#: Rows of the Info sheet read (its fields and signers fill a few dozen).
INFO_ROWS = 200

#: What no text of an answers file may hold: halves of a surrogate pair (an ``_xD800_`` cell).
_NOT_TEXT = re.compile("[\ud800-\udfff]")
_NUMBER = re.compile(r"([0-9]{1,9})(?:\.([0-9]{1,3}))?")


class _Sheet:
    """A sheet's cells (the rows read, bounded), their addresses, and the problems found in them.

    Made from a worksheet (:meth:`of_worksheet`) or from the rows of a CSV file (:meth:`of_csv`,
    whose problems are placed by line and column, as in a YAML file, since it has no sheet).
    """

    def __init__(
        self,
        path: str,
        title: str,
        rows: list[tuple[Any, ...]],
        total: int,
        said: int = 0,
        lines: list[int] | None = None,
    ) -> None:
        self.path = path
        #: a CSV's line where each row starts (a quoted text may span lines)
        self.lines = lines or []
        #: the sheet's name (``""`` for a CSV)
        self.title = title
        #: the first rows, at most :data:`MAX_COLUMNS` cells each
        self.rows = rows
        #: how many rows the sheet has (more than were read, in a sheet too long to be an LKE)
        self.total = total
        self.problems: list[Problem] = []
        #: characters of text read so far (this sheet and those read before it)
        self.said = said

    @classmethod
    def of_worksheet(cls, path: str, sheet: Worksheet, said: int = 0) -> _Sheet:
        """A worksheet's first rows; only the cells it has (asking for more makes openpyxl create them)."""
        rows = sheet.iter_rows(
            min_row=1,
            max_row=min(sheet.max_row, HEADER_SEARCH + MAX_ROWS),
            max_col=min(sheet.max_column, MAX_COLUMNS),
            values_only=True,
        )
        return cls(path, sheet.title, list(rows), sheet.max_row, said)

    @classmethod
    def of_csv(cls, path: str, rows: list[list[str]], total: int, lines: list[int]) -> _Sheet:
        """The rows of a CSV file, each cell a text (blank when empty); ``lines``: where each starts."""
        cells = [tuple(csv_read_text(c) for c in row[:MAX_COLUMNS]) for row in rows]
        return cls(path, "", cells, total, lines=lines)

    def add(self, row: int, column: int, code: str, **args: Any) -> None:
        """A problem at a cell (by its spreadsheet name; by line and column in a CSV)."""
        if not self.title:  # a CSV: the line the row starts on, and the field's number
            line = self.lines[row - 1] if row - 1 < len(self.lines) else row
            self.problems.append(Problem(path=self.path, line=line, col=column, code=code, args=args))
            return
        where = f"{self.title}!{get_column_letter(column)}{row}"
        self.problems.append(Problem(path=self.path, line=row, col=column, code=code, args=args, cell=where))

    def text(self, row: int, column: int, value: Any, limit: int = MAX_TEXT) -> str | None:
        """A text cell held to an answers file's rules; ``None``, with the problem, if it breaks one.

        The rules: its length, its characters, and the characters a document may say in all
        (:data:`spbe_calc.yamlsafe.LIMITS`), so that nothing is written that would be refused.
        """
        text = _text(value)
        if text is None:
            return None
        if len(text) > limit:
            self.add(row, column, "string-too-long", limit=limit)
            return None
        bad = _NOT_TEXT.search(text)
        if bad:
            self.add(row, column, "lke-bad-character", char=f"U+{ord(bad.group()):04X}")
            return None
        before, self.said = self.said, self.said + len(text)
        if self.said > LIMITS["max_chars"]:
            if before <= LIMITS["max_chars"]:  # said once, where the limit is passed
                self.add(row, column, "too-many-chars", limit=LIMITS["max_chars"])
            return None
        return text


def _text(value: Any) -> str | None:
    """A cell as text: ``None`` when empty; numbers as written (3.0 -> "3")."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):  # a date typed into a cell: openpyxl gives a datetime
        value = value.date().isoformat()
    text = from_cell(str(value))
    return text if text.strip() else None


def _check_unpacked_size(path: str, data: bytes) -> None:
    """Refuse what is not a zip file, and a zip whose parts would unpack beyond the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise fail(path, "lke-not-xlsx") from None
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED:
        raise fail(path, "lke-unpacks-too-large", size=unpacked, limit=MAX_UNPACKED)


class Workbook(NamedTuple):
    """What an LKE workbook holds: answers, their model, and which parts of a file it carries."""

    answers: Answers
    model: Model
    #: indicators that have a row (an empty row says "not answered", a missing row says nothing)
    rows: frozenset[int]
    #: the stages that have a level column: ``mandiri`` (Tingkat), and the later ones present
    stages: tuple[str, ...]


def read_workbook(path: str, model_ref: str | None = None, fallback: Model | None = None) -> Workbook:
    """What an LKE workbook (or its CSV) holds; :class:`SpbeError` with every problem.

    A file that is not a workbook (or not an LKE) exits 2 like an unreadable file; problems in
    its cells exit 1, as ``validate`` does for a file with problems. The model is ``--model``'s,
    else the one the workbook's Info sheet names, else ``fallback`` (the model of the answers
    file it goes into), else the default one. A CSV (``export -o lke.csv``) has the LKE's rows
    only and names no model.
    """
    suffix = Path(path).suffix.lower()
    if suffix in OTHER_SPREADSHEETS:
        raise fail(path, "lke-other-format", suffix=suffix)
    data = read_bytes(path, limit=MAX_BYTES)
    if suffix == ".csv":
        return _read_csv(path, data, load_model(model_ref) if model_ref else fallback)
    _check_unpacked_size(path, data)
    try:
        book = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged file; all mean the same to the user
        raise fail(path, "lke-not-xlsx") from None
    if SHEET not in book.sheetnames:
        raise fail(path, "lke-no-sheet", sheet=SHEET)
    info_sheet = _Sheet.of_worksheet(path, book[INFO]) if INFO in book.sheetnames else None
    info = _read_info(info_sheet) if info_sheet is not None else Info()
    # A model named by path in the workbook is relative to the workbook, as in an answers file.
    if model_ref:
        model = load_model(model_ref)
    elif info.model or fallback is None:
        model = load_model(info.model or DEFAULT_MODEL, Path(path).parent)
    else:
        model = fallback
    lke = _Sheet.of_worksheet(path, book[SHEET], info_sheet.said if info_sheet is not None else 0)
    answers, rows, stages = _read_rows(lke, model)
    problems = lke.problems + list(info.problems)
    if problems:
        raise SpbeError(capped(problems), ExitCode.FINDINGS)
    found = Answers(
        path=path, model=info.model, instansi=info.instansi, tahun=info.tahun, answers=answers, laporan=info.laporan
    )
    return Workbook(answers=found, model=model, rows=rows, stages=stages)


#: Spreadsheet files that are not read: each can be saved as .xlsx (or exported as CSV) first.
OTHER_SPREADSHEETS = (".ods", ".xls", ".xlsb", ".fods", ".numbers")


def _read_csv(path: str, data: bytes, model: Model | None) -> Workbook:
    """The LKE rows of a CSV: as ``export`` writes them, or saved by a spreadsheet (``;``, a BOM)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(path, "csv-not-utf8", byte=f"0x{data[exc.start]:02x}") from None
    first = text.split("\n", 1)[0]
    # A spreadsheet set to Indonesian writes ";" between fields (the comma is its decimal mark).
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []  # the line each row starts on: a quoted text may span several lines
    try:
        for row in itertools.islice(reader, HEADER_SEARCH + MAX_ROWS):
            rows.append(row)
            lines.append(reader.line_num - _line_breaks(row))
        total = len(rows) + sum(1 for _ in reader)  # counted, not kept: a longer file is said to be one
    except csv.Error as exc:
        raise fail(path, "csv-bad", reason=str(exc)) from None
    model = model or load_model(DEFAULT_MODEL)
    lke = _Sheet.of_csv(path, rows, total, lines)
    answers, rows_read, stages = _read_rows(lke, model)
    if lke.problems:
        raise SpbeError(capped(lke.problems), ExitCode.FINDINGS)
    found = Answers(path=path, model=None, instansi=None, tahun=None, answers=answers)
    return Workbook(answers=found, model=model, rows=rows_read, stages=stages)


def _line_breaks(row: list[str]) -> int:
    """The line breaks inside a row's quoted fields (the reader's line count is at the row's end)."""
    return sum(field.count("\n") for field in row)


def apply_workbook(answers: Answers, book: Workbook) -> Answers:
    """``answers`` with what the workbook carries put in; everything else in them kept.

    An indicator with a row takes the row's level, fakta, analisis and bukti, and the levels of
    the stages the workbook has a column for, empty cells included (a cell cleared in the
    workbook clears the answer). Indicators without a row, stages without a column, comments and
    every field the workbook does not know stay as they are. Of the file's own fields (model,
    instansi, tahun, laporan) the workbook's replace those it gives.
    """
    carried = ["level", "fakta", "analisis", "bukti", *(f"tahap.{stage}" for stage in book.stages[1:])]
    merged = dict(answers.answers)
    for ident in sorted(book.rows):
        new = book.answers.answers.get(ident)
        if new is None and ident not in merged:
            continue  # an empty row for an indicator the file does not mention either
        answer = merged.get(ident) or Answer(indicator=ident, level=None)
        for field in carried:
            answer = with_field(answer, field, field_value(new, field))
        merged[ident] = answer
    given = book.answers
    return answers._replace(
        model=given.model or answers.model,
        instansi=given.instansi if given.instansi is not None else answers.instansi,
        tahun=given.tahun if given.tahun is not None else answers.tahun,
        laporan=given.laporan if given.laporan is not None else answers.laporan,
        answers=merged,
    )


def import_workbook(path: str, output: Path, model_ref: str | None, force: bool) -> Workbook:
    """Read a workbook and put what it carries into the answers file ``output`` (the one writer).

    A file that already holds answers is changed only with ``force``; the workbook's fields
    then replace the file's, and the rest of the file stays (:func:`apply_workbook`). Returns
    the workbook read.
    """
    # A CSV names no model (nor may a workbook): then the answers file it goes into says which (the
    # default model when that names none either); --model says it for both.
    fallback = model_for(current(output).answers, None) if model_ref is None else None
    book = read_workbook(path, model_ref, fallback)

    def change(now: Answers) -> Answers:
        if not force and now.has_answers():
            # Answers that the workbook may not hold would be replaced by its own.
            raise fail(str(output), "output-exists")
        return apply_workbook(now, book)

    update(output, change, [i.id for i in book.model.indicators])
    return book


def _headers(lke: _Sheet) -> tuple[int, dict[str, int]]:
    """The header row and the column of each known header (by its text, case and spaces ignored)."""
    known = {header.casefold(): key for key, header in BASE_COLUMNS + HELPER_COLUMNS}
    known |= {header.casefold(): f"tahap:{stage}" for stage, header in STAGE_HEADERS.items()}
    for r, row in enumerate(lke.rows[:HEADER_SEARCH], start=1):
        found = {}
        for c, value in enumerate(row, start=1):
            key = known.get(" ".join(str(value).split()).casefold())  # no number or date is a header
            if key is not None and key not in found:
                found[key] = c
        if "no" in found and "tingkat" in found:
            return r, found
    lke.add(1, 1, "lke-no-header")
    raise SpbeError(lke.problems)  # not an LKE: exits as an unreadable file does


def _read_rows(lke: _Sheet, model: Model) -> tuple[dict[int, Answer], frozenset[int], tuple[str, ...]]:
    """The answers of the rows, the indicators that have a row, and the stages with a column."""
    header, col = _headers(lke)
    indicators = {i.id: i for i in model.indicators}
    seen: dict[tuple[int, int | None], int] = {}
    levels: dict[int, dict[str, dict[int | None, int | None]]] = {}
    texts: dict[int, dict[str, Any]] = {}
    stage_keys = [("mandiri", "tingkat")] + [(s, f"tahap:{s}") for s in STAGES[1:] if f"tahap:{s}" in col]
    if lke.total > header + MAX_ROWS:
        lke.add(header + MAX_ROWS + 1, 1, "lke-too-many-rows", limit=MAX_ROWS)
    for r, row in enumerate(lke.rows[header : header + MAX_ROWS], start=header + 1):

        def cell(key: str, row: tuple[Any, ...] = row) -> Any:
            c = col.get(key)
            return row[c - 1] if c is not None and c - 1 < len(row) else None  # a CSV row may be short

        def text(key: str, r: int = r) -> str | None:
            """A text column's cell held to an answers file's rules; None where there is no such column."""
            return lke.text(r, col[key], cell(key)) if key in col else None

        number = _text(cell("no"))
        if number is None:
            if any(_text(cell(key)) is not None for _, key in stage_keys):
                lke.add(r, col["no"], "lke-no-number")
            continue  # an empty row, a note or a total: not an indicator
        parsed = _row_number(number, indicators)
        if parsed is None:
            lke.add(r, col["no"], "lke-bad-number", value=number, count=len(indicators))
            continue
        ident, item = parsed
        if (ident, item) in seen:
            lke.add(r, col["no"], "lke-duplicate", value=number, first=seen[(ident, item)])
            continue
        seen[(ident, item)] = r
        ind = indicators[ident]
        for stage, key in stage_keys:  # only the level columns the sheet has
            levels.setdefault(ident, {}).setdefault(stage, {})[item] = _row_level(lke, r, col[key], cell(key), ind)
        entry = texts.setdefault(ident, {})
        for key in ("fakta", "analisis"):
            value = text(key)
            if value is not None and key not in entry:
                entry[key] = value
        bukti = _bukti(text("bukti"), text("bukti_data"))
        if bukti and "bukti" not in entry:
            entry["bukti"] = bukti
    if not seen and not lke.problems:  # a header and nothing under it: a mistake, not an empty LKE
        lke.add(header, col["no"], "lke-no-rows")
    stages = tuple(s for s, _ in stage_keys)
    return _answers(model, levels, texts, list(stages)), frozenset(levels), stages


def _row_number(text: str, indicators: dict[int, Indicator]) -> tuple[int, int | None] | None:
    """``12`` -> (12, None); ``35.2`` -> (35, 1) for an indicator scored per item; else ``None``."""
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    ident = int(match.group(1))
    ind = indicators.get(ident)
    if ind is None:
        return None
    if match.group(2) is None:
        return (ident, None) if not ind.items else None
    item = int(match.group(2)) - 1
    return (ident, item) if ind.items and 0 <= item < len(ind.items) else None


def _row_level(lke: _Sheet, r: int, c: int, value: Any, ind: Indicator) -> int | None:
    """A level cell, read as every level is (:func:`spbe_calc.answers.level.read_level`)."""
    level = read_level(value)
    if isinstance(level, Refused):
        lke.add(r, c, level.code, value=level.value)
        return None
    if level is not None:
        problem = off_scale(ind.id, level, ind)
        if problem is not None:
            lke.add(r, c, problem[0], **problem[1])
            return None
    return level


def _bukti(shown: str | None, data: str | None) -> tuple[Bukti, ...]:
    """The evidence: as written (the hidden column) while the visible text is unchanged, else the lines.

    When people edit the cell, each line becomes an entry; a line that still reads as a described
    document of the hidden column keeps that document's details (number, date, SHA-256).
    """
    # JSON is YAML: the hidden column is read by the answers file's own rules, so nothing an
    # edited workbook says can make an answers file that its reader would refuse.
    exact = (read_bukti(data) or ()) if data else ()
    if exact and bukti_text(exact) == shown:
        return exact
    described = {bukti_text((e,)): e for e in exact if isinstance(e, Evidence)}
    return tuple(described.get(line, line) for line in (shown or "").split("\n") if line.strip())


def _answers(
    model: Model,
    levels: dict[int, dict[str, dict[int | None, int | None]]],
    texts: dict[int, dict[str, Any]],
    stages: list[str],
) -> dict[int, Answer]:
    """One answer per indicator that has a row: its levels (per item) and its explanation."""
    out: dict[int, Answer] = {}
    for ind in model.indicators:
        if ind.id not in levels:
            continue
        per_stage = levels[ind.id]

        def level(
            stage: str, ind: Indicator = ind, per_stage: dict[str, dict[int | None, int | None]] = per_stage
        ) -> Any:
            values = per_stage[stage]  # every row read has a level, or None, at every stage read
            if not ind.items:
                return values.get(None)
            items = tuple(values.get(i) for i in range(len(ind.items)))
            return None if all(v is None for v in items) else items

        text = texts[ind.id]  # every row read has its texts, empty or not
        tahap = tuple((s, level(s)) for s in stages[1:] if level(s) is not None)
        mandiri = level("mandiri")
        if mandiri is None and not tahap and not text:
            continue  # a row left empty: not answered, as in a file without the entry
        out[ind.id] = Answer(
            indicator=ind.id,
            level=mandiri,
            fakta=text.get("fakta"),
            analisis=text.get("analisis"),
            bukti=text.get("bukti", ()),
            tahap=tahap,
        )
    return out


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class Info(NamedTuple):
    """What the ``Info`` sheet gives back: the answers file's own fields."""

    model: str | None = None
    instansi: str | None = None
    tahun: int | None = None
    laporan: Laporan | None = None
    problems: tuple[Problem, ...] = ()


def _limit(spec: Obj, key: str) -> int:
    """The longest text the answers file allows for a key of ``spec``."""
    inner = spec.fields[key].spec
    inner = inner.inner if isinstance(inner, Nullable) else inner
    return inner.max_length if isinstance(inner, Str) else MAX_TEXT


def _read_info(problems: _Sheet) -> Info:
    """The ``Info`` sheet: model, instansi, tahun, and the report's laporan section."""
    labels = {label.casefold(): key for key, label in INFO_FIELDS}
    info: dict[str, Any] = {}
    signers: list[Signer] = []
    in_signers = False
    for r, row in enumerate(problems.rows[:INFO_ROWS], start=1):
        label = _text(row[0])  # a sheet's rows have at least one cell
        if in_signers:
            # B to E: a signer's fields in Signer's order (a row cut short has blanks after it).
            cells = itertools.chain(row[1:], itertools.repeat(None))
            values = [
                problems.text(r, c, v, _limit(SIGNER, k)) for c, (k, v) in enumerate(zip(Signer._fields, cells), 2)
            ]
            if values[0] and values[1]:
                signers.append(Signer(jabatan=values[0], nama=values[1], nip=values[2], peran=values[3]))
            elif any(values):
                problems.add(r, 2 if not values[0] else 3, "lke-signer")
            continue
        if label is None:
            continue
        if label.casefold() == SIGNERS.casefold():
            in_signers = True
            continue
        key = labels.get(label.casefold())
        if key is None:
            continue
        value = row[1] if len(row) > 1 else None
        if key == "tahun":
            text = _text(value)  # None for an empty cell, or one of spaces: no year given
            year = read_year(text) if text is not None else None
            if year is not None:
                info["tahun"] = year
            elif text is not None:
                problems.add(r, 2, "lke-bad-year", value=text, first=FIRST_YEAR, last=LAST_YEAR)
        else:
            # A date typed into the cell (a datetime) reads as YYYY-MM-DD.
            info[key] = problems.text(r, 2, value, _limit(LAPORAN, key) if key in LAPORAN.fields else MAX_TEXT)
            if key == "tanggal" and info[key] is not None and not _is_date(info[key]):
                problems.add(r, 2, "bad-date", value=info[key])
    laporan = Laporan(
        tempat=info.get("tempat"), tanggal=info.get("tanggal"), logo=info.get("logo"), penandatangan=tuple(signers)
    )
    return Info(
        model=info.get("model"),
        instansi=info.get("instansi"),
        tahun=info.get("tahun"),
        laporan=laporan if laporan != Laporan() else None,  # as an answers file reads an empty section
        problems=tuple(problems.problems),
    )
