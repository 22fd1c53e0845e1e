"""Evidence you can trust: ``spbe-calc evidence`` lists and checks the bukti of an answers file.

A ``bukti`` entry is one of:

- a local file, relative to the answers file: a mapping with ``path``, or a plain entry that
  ends with a document's extension (``Perbup 12-2023.pdf``) or names a file that exists;
- a web address: a mapping with ``url``, or a plain entry starting with ``http://``/``https://``;
- words that describe a document (``Notulen rapat 3 Mei``): listed, not checkable.

Checks: a local file that does not exist (error); a file whose SHA-256 differs from the one
recorded (error: it changed since the assessment was signed); an indicator above the lowest
level with no evidence at all (warning); a document dated more than ``max_age`` years before
the assessment year (warning). ``--record`` writes the SHA-256 of every local file into the
answers file, atomically and under its lock, so that any later change is seen.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, NamedTuple

from spbe_calc.answers import Answer, Answers, Bukti, Evidence, bind, bukti_label, is_answered, read_answers
from spbe_calc.answers.store import update
from spbe_calc.core import model_for_checked
from spbe_calc.errors import Problem, Severity, SpbeError, errors_in
from spbe_calc.model import Model
from spbe_calc.paths import exists, is_file

#: Extensions that make a plain entry a file name rather than a description.
DOCUMENT_SUFFIXES = frozenset(
    [
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".txt",
        ".md",
        ".xls",
        ".xlsx",
        ".ods",
        ".csv",
        ".ppt",
        ".pptx",
        ".odp",
        ".jpg",
        ".jpeg",
        ".png",
        ".zip",
        ".html",
        ".htm",
    ]
)
#: Years a document may be older than the assessment year before it is flagged.
MAX_AGE = 3

_URL = re.compile(r"https?://", re.IGNORECASE)


class Item(NamedTuple):
    """One bukti entry, what it is, and what the check found."""

    indicator: int
    #: its place in the indicator's bukti list
    position: int
    #: "file" | "url" | "text"
    kind: str
    label: str
    #: "ok" (file as recorded), "unrecorded" (file, no SHA-256 yet), "missing", "changed",
    #: "not-a-file", "url", "text"
    status: str
    line: int
    col: int
    #: the file as found from the current folder (files only)
    resolved: str | None = None
    sha256: str | None = None
    nomor: str | None = None
    tanggal: str | None = None


class EvidenceReport(NamedTuple):
    """Every entry of every indicator, the problems found, and what ``--record`` wrote."""

    path: str
    items: list[Item]
    problems: list[Problem]
    levels: dict[int, Any]
    recorded: int = 0

    def errors(self) -> int:
        """Number of errors."""
        return sum(p.severity is Severity.ERROR for p in self.problems)

    def warnings(self) -> int:
        """Number of warnings."""
        return sum(p.severity is Severity.WARNING for p in self.problems)


def entry_kind(entry: Bukti, base: Path) -> tuple[str, str | None]:
    """What an entry is (``file``, ``url``, ``text``) and, for a file, its path as written."""
    if isinstance(entry, Evidence):
        return ("file", entry.path) if entry.path else ("url", None)
    if _URL.match(entry):
        return "url", None
    if Path(entry).suffix.lower() in DOCUMENT_SUFFIXES or is_file(base / entry):
        return "file", entry
    return "text", None


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (a large scan does not fill the memory)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_status(resolved: Path, recorded: str | None) -> str:
    if not exists(resolved):
        return "missing"
    if not is_file(resolved):
        return "not-a-file"
    if recorded is None:
        return "unrecorded"
    return "ok" if sha256_of(resolved) == recorded else "changed"


def _items(answers: Answers, base: Path) -> list[Item]:
    items: list[Item] = []
    for ident, answer in sorted(answers.answers.items()):
        for n, entry in enumerate(answer.bukti):
            line, col = answers.where.at(("levels", ident, "bukti", n)) if answers.where else (0, 0)
            kind, written = entry_kind(entry, base)
            described = entry if isinstance(entry, Evidence) else Evidence()
            resolved = None
            status = kind
            if written is not None:
                target = base / written
                resolved = str(target)
                status = _file_status(target, described.sha256)
            items.append(
                Item(
                    ident,
                    n,
                    kind,
                    bukti_label(entry),
                    status,
                    line,
                    col,
                    resolved,
                    described.sha256,
                    described.nomor,
                    described.tanggal,
                )
            )
    return items


def _problems(answers: Answers, model: Model, items: list[Item], max_age: int) -> list[Problem]:
    path = answers.path
    problems: list[Problem] = []
    for item in items:
        if item.status in ("missing", "changed", "not-a-file"):
            problems.append(
                Problem(
                    path, item.line, item.col, f"evidence-{item.status}", {"id": item.indicator, "file": item.label}
                )
            )
        if item.tanggal and answers.tahun is not None and int(item.tanggal[:4]) < answers.tahun - max_age:
            problems.append(
                Problem(
                    path,
                    item.line,
                    item.col,
                    "evidence-old",
                    {"id": item.indicator, "file": item.label, "date": item.tanggal, "years": max_age},
                    Severity.WARNING,
                )
            )
    with_evidence = {item.indicator for item in items}
    for ident, answer in sorted(answers.answers.items()):
        indicator = model.by_id.get(ident)
        if indicator is None or ident in with_evidence or not is_answered(answer.level):
            continue
        values = answer.level if isinstance(answer.level, tuple) else (answer.level,)
        if any(v is not None and v > indicator.scale.min for v in values):
            line, col = answers.key_position(ident)
            problems.append(Problem(path, line, col, "evidence-none", {"id": ident}, Severity.WARNING))
    return problems


def check_evidence(path: str, model_ref: str | None = None, max_age: int = MAX_AGE) -> EvidenceReport:
    """List and check the evidence of an answers file (see the module docstring)."""
    answers = read_answers(path)
    errors = errors_in(list(answers.problems))
    if errors:
        raise SpbeError(errors)
    model = model_for_checked(answers, model_ref)
    bind(answers, model, partial=True)  # unknown indicators, levels outside the scale
    items = _items(answers, Path(path).parent)
    levels = {i: a.level for i, a in answers.answers.items()}
    return EvidenceReport(path, items, _problems(answers, model, items, max_age), levels)


def record(path: str, model_ref: str | None = None, max_age: int = MAX_AGE) -> EvidenceReport:
    """Write the SHA-256 of every local file into the answers file, then check it again.

    A plain file entry becomes a mapping ``{path, sha256}``; a mapping keeps its number and date.
    Files that are missing are left as they are (and reported by the check).
    """
    base = Path(path).parent
    count = 0

    def with_digests(answers: Answers) -> Answers:
        nonlocal count
        changed: dict[int, Answer] = {}
        for ident, answer in answers.answers.items():
            entries: list[Bukti] = []
            for entry in answer.bukti:
                kind, written = entry_kind(entry, base)
                target = base / written if written is not None else None
                if kind == "file" and written is not None and target is not None and is_file(target):
                    described = entry if isinstance(entry, Evidence) else Evidence(path=written)
                    digest = sha256_of(target)
                    count += described.sha256 != digest
                    entry = described._replace(sha256=digest)
                entries.append(entry)
            changed[ident] = answer._replace(bukti=tuple(entries))
        return answers._replace(answers=changed)

    current = read_answers(path)
    errors = errors_in(list(current.problems))
    if errors:
        raise SpbeError(errors)
    model = model_for_checked(current, model_ref)
    update(Path(path), with_digests, [i.id for i in model.indicators])
    return check_evidence(path, model_ref, max_age)._replace(recorded=count)
