"""The Lembar Kerja Evaluasi (LKE) as a workbook: its sheets and columns, shared by export and import.

The workbook has the shape of the evaluation's own worksheet, so its sheet and column names are
the official Indonesian ones in every language (like the names of domains and indicators):

- ``LKE``: a title row, then one row per indicator (one per item for an indicator scored per item): domain,
  aspect, number, name, weight, level, level name, fakta, analisis, bukti, and the stage levels
  when the answers have them; then hidden helper columns that the formulas use.
- ``Hasil``: every aspect, domain and the index with live formulas, and the predikat.
- ``Info``: the answers file's own fields (model, instansi, tahun, laporan) for the way back.

:mod:`spbe_calc.lke.write` writes it (and the same rows as CSV), :mod:`spbe_calc.lke.read`
reads it back after people have edited it.
"""

from __future__ import annotations

import re

from spbe_calc.stages import STAGES

SHEET = "LKE"
RESULT = "Hasil"
INFO = "Info"
#: The LKE sheet's header row: row 1 is its title (the agency, the year, the model, and the
#: model's status when it is not official); the indicators start below the header.
HEADER_ROW = 2

#: The visible columns, in order: (key, header).
BASE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("domain", "Domain"),
    ("aspek", "Aspek"),
    ("no", "No"),
    ("indikator", "Indikator"),
    ("bobot", "Bobot (%)"),
    ("tingkat", "Tingkat"),
    ("nama_tingkat", "Nama Tingkat"),
    ("fakta", "Fakta"),
    ("analisis", "Analisis"),
    ("bukti", "Bukti"),
)
#: A column per later stage, written when some answer has that stage.
STAGE_HEADERS: dict[str, str] = {stage: f"Tingkat {stage.capitalize()}" for stage in STAGES[1:]}
#: Hidden columns after the visible ones: the evidence exactly as written (JSON), and what the
#: formulas need (weight units per level, the aspect and domain numbers, the row's units).
HELPER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("bukti_data", "bukti (data)"),
    ("satuan", "satuan"),
    ("kode_aspek", "kode aspek"),
    ("kode_domain", "kode domain"),
    ("nilai", "nilai"),
    ("kosong", "kosong"),
)

#: ``Info`` rows: label in column A, value in column B.
INFO_FIELDS: tuple[tuple[str, str], ...] = (
    ("model", "Model"),
    ("instansi", "Instansi"),
    ("tahun", "Tahun"),
    ("tempat", "Tempat penandatanganan"),
    ("tanggal", "Tanggal penandatanganan"),
    ("logo", "Logo"),
)
#: The heading of the signers' table in ``Info`` (one signer per row below it).
SIGNERS = "Penandatangan"
SIGNER_COLUMNS = ("Jabatan", "Nama", "NIP", "Peran")

# Characters a workbook cannot hold raw (XML 1.0 refuses most control characters, and reads a
# carriage return back as a line feed) are written as OOXML's _xHHHH_ escape, which Excel and
# LibreOffice show as the character; a literal "_xHHHH_" is protected as "_x005F_xHHHH_".
_UNSAFE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def to_cell(text: str) -> str:
    """A text as a workbook cell holds it (see the comment above)."""
    # The "_" that starts a literal "_xHHHH_" becomes _x005F_ by the same rule (U+005F).
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def from_cell(text: str) -> str:
    """A cell's text as it was before :func:`to_cell`."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def row_number(ident: int, item: int | None) -> str:
    """The ``No`` of a row: ``12``, or ``35.2`` for the second item of indicator 35."""
    return str(ident) if item is None else f"{ident}.{item + 1}"
