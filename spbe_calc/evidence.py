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
answers file, through the one writer, so that any later change is seen.

An answers file may come from anyone (a pull request, an e-mail), so what its entries name is
read with care: only files in the answers file's folder or below it (``..``, absolute paths and
links that lead out are refused unless the user allows them, ``allow_outside``), only regular
files (never a device, a pipe or a file of ``/proc``), each at most :data:`MAX_HASHED` bytes and
each once however often it is named. Whatever is skipped is named, with its reason.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Any, NamedTuple

from spbe_calc.answers import Answer, Answers, Bukti, Evidence, bind, bukti_label, is_answered, read_answers
from spbe_calc.answers.store import update
from spbe_calc.core import model_for_checked
from spbe_calc.errors import Problem, Severity
from spbe_calc.model import Model
from spbe_calc.paths import inside, is_file

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
#: The largest document whose SHA-256 is computed (a scanned decree is a few megabytes; 256 MiB
#: hash in about half a second): a larger one is named, not read.
MAX_HASHED = 256 * 1024 * 1024
#: The states of a local file that fail the check (each is an error, ``evidence-STATE``).
FAILED = ("missing", "changed", "not-a-file", "outside", "unreadable", "too-large")
#: Folders of the system's pseudo files: their "files" may never end or may block when read.
_SYSTEM = (Path("/proc"), Path("/sys"), Path("/dev"))

_URL = re.compile(r"https?://", re.IGNORECASE)


class Item(NamedTuple):
    """One bukti entry, what it is, and what the check found."""

    indicator: int
    #: "file" | "url" | "text"
    kind: str
    label: str
    #: "ok" (file as recorded), "unrecorded" (file, no SHA-256 yet), "url", "text", or one of
    #: :data:`FAILED`
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


def sha256_of(path: Path, size: int | None = None) -> str:
    """The SHA-256 of a file, read in blocks (a large scan does not fill the memory).

    With ``size``, at most that many bytes are read (a file that grows meanwhile is not followed
    further); the file is opened without blocking, so a pipe that slipped in cannot hang.
    """
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        left = size
        while left is None or left > 0:
            block = fh.read(1 << 20 if left is None else min(1 << 20, left))
            if not block:
                break
            digest.update(block)
            if left is not None:
                left -= len(block)
    return digest.hexdigest()


class _Files:
    """Looks at the files an answers file names: within its folder, regular, bounded, each once."""

    def __init__(self, base: Path, allow_outside: bool) -> None:
        self.base = base
        self.allow_outside = allow_outside
        self._digests: dict[tuple[int, int, int, int], str | None] = {}

    def status(self, target: Path, recorded: str | None, wanted: bool = False) -> tuple[str, str | None]:
        """What the file is (``ok``, ``unrecorded``, ``changed``, or why it was not read) and its digest.

        The file is read only to compare it with a recorded digest, or when the digest is ``wanted``.
        """
        if not self.allow_outside and not inside(target, self.base):
            return "outside", None
        real = Path(os.path.realpath(target))
        if any(real == system or system in real.parents for system in _SYSTEM):
            return "not-a-file", None
        try:
            info = os.stat(real)
        except (FileNotFoundError, NotADirectoryError):
            return "missing", None
        except OSError:
            return "unreadable", None
        if not stat.S_ISREG(info.st_mode):
            return "not-a-file", None
        if info.st_size > MAX_HASHED:
            return "too-large", None
        if recorded is None and not wanted:
            return ("unrecorded" if os.access(real, os.R_OK) else "unreadable"), None
        digest = self.digest(real, info)
        if digest is None:
            return "unreadable", None
        if recorded is None:
            return "unrecorded", digest
        return ("ok" if digest == recorded else "changed"), digest

    def digest(self, real: Path, info: os.stat_result) -> str | None:
        """The file's SHA-256, computed once per file however often it is named; ``None`` if unreadable."""
        key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        if key not in self._digests:
            try:
                self._digests[key] = sha256_of(real, info.st_size)
            except OSError:
                self._digests[key] = None
        return self._digests[key]


def _items(answers: Answers, files: _Files) -> list[Item]:
    items: list[Item] = []
    for ident, answer in sorted(answers.answers.items()):
        for n, entry in enumerate(answer.bukti):
            line, col = answers.where.at(("levels", ident, "bukti", n)) if answers.where else (0, 0)
            kind, written = entry_kind(entry, files.base)
            described = entry if isinstance(entry, Evidence) else Evidence()
            resolved = None
            status = kind
            if written is not None:
                target = files.base / written
                resolved = str(target)
                status, _ = files.status(target, described.sha256)
            items.append(
                Item(
                    indicator=ident,
                    kind=kind,
                    label=bukti_label(entry),
                    status=status,
                    line=line,
                    col=col,
                    resolved=resolved,
                    sha256=described.sha256,
                    nomor=described.nomor,
                    tanggal=described.tanggal,
                )
            )
    return items


def _problems(answers: Answers, model: Model, items: list[Item], max_age: int) -> list[Problem]:
    path = answers.path
    problems: list[Problem] = []
    for item in items:
        if item.status in FAILED:
            problems.append(
                Problem(
                    path=path,
                    line=item.line,
                    col=item.col,
                    code=f"evidence-{item.status}",
                    args={"id": item.indicator, "file": item.label},
                )
            )
        if item.tanggal and answers.tahun is not None and int(item.tanggal[:4]) < answers.tahun - max_age:
            problems.append(
                Problem(
                    path=path,
                    line=item.line,
                    col=item.col,
                    code="evidence-old",
                    args={"id": item.indicator, "file": item.label, "date": item.tanggal, "years": max_age},
                    severity=Severity.WARNING,
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
            problems.append(
                Problem(
                    path=path, line=line, col=col, code="evidence-none", args={"id": ident}, severity=Severity.WARNING
                )
            )
    return problems


def check_evidence(
    path: str, model_ref: str | None = None, max_age: int = MAX_AGE, allow_outside: bool = False
) -> EvidenceReport:
    """List and check the evidence of an answers file (see the module docstring)."""
    answers = read_answers(path)
    model = model_for_checked(answers, model_ref)
    # The file's own problems, unknown indicators and levels outside the scale: raised together.
    bind(answers, model, partial=True)
    items = _items(answers, _Files(Path(path).parent, allow_outside))
    levels = {i: a.level for i, a in answers.answers.items()}
    return EvidenceReport(path=path, items=items, problems=_problems(answers, model, items, max_age), levels=levels)


def record(
    path: str, model_ref: str | None = None, max_age: int = MAX_AGE, allow_outside: bool = False
) -> EvidenceReport:
    """Write the SHA-256 of every local file into the answers file, then check it again.

    A plain file entry becomes a mapping ``{path, sha256}``; a mapping keeps its number and date.
    Files that could not be read (missing, outside the folder, not a regular file) are left as
    they are, and reported by the check.
    """
    files = _Files(Path(path).parent, allow_outside)
    count = 0

    def with_digests(answers: Answers) -> Answers:
        nonlocal count
        changed: dict[int, Answer] = {}
        for ident, answer in answers.answers.items():
            entries: list[Bukti] = []
            for entry in answer.bukti:
                kind, written = entry_kind(entry, files.base)
                if kind == "file" and written is not None:
                    described = entry if isinstance(entry, Evidence) else Evidence(path=written)
                    _, digest = files.status(files.base / written, described.sha256, wanted=True)
                    if digest is not None:
                        count += described.sha256 != digest
                        entry = described._replace(sha256=digest)
                entries.append(entry)
            changed[ident] = answer._replace(bukti=tuple(entries))
        return answers._replace(answers=changed)

    # A file with errors is refused by the writer itself, with those errors, before any change.
    model = model_for_checked(read_answers(path), model_ref)
    update(Path(path), with_digests, [i.id for i in model.indicators])
    return check_evidence(path, model_ref, max_age, allow_outside)._replace(recorded=count)
