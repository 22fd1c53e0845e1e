"""Reading an answers file strictly, and binding its answers to a model.

Structure is checked by :data:`ANSWERS_SPEC` (the format is described in
:mod:`spbe_calc.answers`); :func:`bind` then checks the answers against a model (unknown
indicators, levels outside the scale, missing indicators).
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple, Union

from spbe_calc.answers.level import Refused, read_level
from spbe_calc.errors import Problem, Severity, SpbeError, errors_in, problem_at
from spbe_calc.kinds import wrong_kind
from spbe_calc.model import Indicator, LevelValue, Model
from spbe_calc.numbers import is_number
from spbe_calc.spec import (
    ByKind,
    Context,
    Custom,
    Field,
    Int,
    Invalid,
    MapOf,
    Nullable,
    Num,
    Obj,
    Seq,
    Str,
    run_partial,
)
from spbe_calc.stages import STAGES
from spbe_calc.yamlsafe import Document, Node, load, parse


def _level(node: Node, ctx: Context) -> int | None:
    """A level as every reader reads one (:func:`spbe_calc.answers.level.read_level`)."""
    if node.kind != "scalar":
        ctx.add(node, "wrong-type", expected="int", found=node.type_name())
        raise Invalid()
    level = read_level(node.value)
    if isinstance(level, Refused):
        ctx.add(node, level.code, value=level.value)
        raise Invalid()
    return level


LEVEL = Custom(
    func=_level,
    schema={
        "anyOf": [
            {"type": "integer"},
            {"type": "null"},
            # A whole number as text ("3", " 4 "), or blank: read as the reader reads every level.
            {"type": "string", "pattern": "^\\s*([0-9]{1,9}(\\.0+)?)?\\s*$"},
        ]
    },
    name="int",
    doc='Maturity level (a whole number on the indicator\'s scale, 3 or "3"); empty = not answered yet.',
)

# An indicator assessed as several items (a model's `items`) takes one level per item.
LEVELS = ByKind(scalar=LEVEL, seq=Seq(LEVEL, min_items=1, doc="One level per item, in the model's order."))


def _date(node: Node, ctx: Context) -> str:
    """A document's date, written ``"2023-05-01"`` (quoted: a plain date is a YAML 1.1 trap)."""
    v = node.value
    try:
        if node.kind == "scalar" and isinstance(v, str) and len(v) == 10:
            datetime.date.fromisoformat(v)
            return v
    except ValueError:
        pass
    ctx.add(node, "bad-date", value=str(v))
    raise Invalid()


def _sha256(node: Node, ctx: Context) -> str:
    """A SHA-256 digest: 64 hexadecimal digits (kept in lower case)."""
    v = node.value
    if node.kind == "scalar" and isinstance(v, str) and re.fullmatch(r"[0-9a-fA-F]{64}", v):
        return v.lower()
    ctx.add(node, "bad-sha256", value=str(v))
    raise Invalid()


#: A date written ``"2023-05-01"``.
DATE = Nullable(
    Custom(
        func=_date, schema={"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, name="str", doc="YYYY-MM-DD."
    )
)

#: A supporting document described in full: a local file (relative to the answers file) or a web
#: address, with its number, its date and the SHA-256 of the file as it was when recorded.
EVIDENCE = Obj(
    {
        "path": Field(Str(min_length=1, doc="A local file, relative to the answers file.")),
        "url": Field(Str(min_length=1, doc="A web address.")),
        "nomor": Field(Nullable(Str(doc="The document's number."))),
        "tanggal": Field(DATE),
        "sha256": Field(
            Nullable(
                Custom(
                    func=_sha256,
                    schema={"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
                    name="str",
                    doc="SHA-256 of the file.",
                )
            )
        ),
    },
    doc="A document: path or url, with nomor, tanggal and sha256.",
)

#: The supporting documents of an answer.
BUKTI = Nullable(
    Seq(
        ByKind(scalar=Str(min_length=1), map=EVIDENCE),
        doc="Supporting documents (bukti dukung): a description, a file, a web address, or a mapping.",
    )
)

TAHAP = Obj(
    {stage: Field(LEVELS) for stage in STAGES[1:]},
    doc="Levels set at the later stages: dokumen, interviu, visitasi and the final level (akhir).",
)

ANSWER = Obj(
    {
        "level": Field(LEVELS, required=True),
        "tahap": Field(TAHAP),
        "fakta": Field(Nullable(Str(doc="The facts: what exists today."))),
        "analisis": Field(Nullable(Str(doc="Why these facts meet the chosen level."))),
        "bukti": Field(BUKTI),
    },
    doc="A level with its explanation.",
)

#: One person who signs the report.
SIGNER = Obj(
    {
        "jabatan": Field(
            Str(min_length=1, max_length=300, doc="The position, printed above the signature."), required=True
        ),
        "nama": Field(
            Str(min_length=1, max_length=300, doc="The full name with titles, printed under the signature."),
            required=True,
        ),
        "nip": Field(Nullable(Str(max_length=60, doc="The NIP, printed under the name."))),
        "peran": Field(Nullable(Str(max_length=100, doc="A word above the position: Mengetahui, Disusun oleh."))),
    },
    doc="A person who signs the report: jabatan, nama, and optionally nip and peran.",
)

#: What the signed report needs beyond the levels (``report`` reads it; ``assess`` keeps it).
LAPORAN = Obj(
    {
        "tempat": Field(Nullable(Str(max_length=200, doc="The place written before the date of signing."))),
        "tanggal": Field(DATE),
        "logo": Field(
            Nullable(
                Str(min_length=1, doc="An image (PNG, JPEG, GIF, WebP or SVG) for the cover, relative to this file.")
            )
        ),
        "penandatangan": Field(Nullable(Seq(SIGNER, doc="Who signs, in the order the signatures appear."))),
    },
    doc="The report's cover and signature block: place, date, logo and signers.",
)

INDEX = Num(minimum=Decimal(0), doc="An index as published (2 decimals).")

#: A published result, for a year whose levels are not known: what KemenPANRB announced.
HASIL = Obj(
    {
        "indeks": Field(INDEX, required=True),
        "predikat": Field(Str(min_length=1, doc="The predikat as published."), required=True),
        "domains": Field(MapOf(Int(minimum=1), INDEX, doc="Published domain indices by domain number.")),
        "aspects": Field(MapOf(Int(minimum=1), INDEX, doc="Published aspect indices by aspect number.")),
        "sumber": Field(Str(min_length=1, doc="Where the result was published.")),
    },
    doc="The published result of a year: index, predikat, and optionally domain and aspect indices.",
)

#: The evaluation years an answers file (and the workbook's Info sheet) may give.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def read_year(text: str) -> int | None:
    """The evaluation year that ``text`` (typed, or read from a cell) names, or None if it names none."""
    text = text.strip()
    return int(text) if is_number(text) and FIRST_YEAR <= int(text) <= LAST_YEAR else None


ANSWERS_SPEC = Obj(
    {
        "model": Field(Str(min_length=1, doc="Bundled model name or path to a model file.")),
        "instansi": Field(Nullable(Str(doc="Name of the agency."))),
        "tahun": Field(Nullable(Int(minimum=FIRST_YEAR, maximum=LAST_YEAR, doc="Evaluation year."))),
        "levels": Field(
            Nullable(
                MapOf(
                    # 0 is read, to be reported as "not in this model (1-47)" rather than as a number
                    Int(minimum=0, doc="Indicator number."),
                    ByKind(scalar=LEVEL, seq=LEVELS.seq, map=ANSWER),
                    doc="Indicator number -> level or {level, fakta, analisis, bukti, tahap}; "
                    "empty or left out: no answers yet.",
                )
            ),
        ),
        "hasil": Field(HASIL),
        "laporan": Field(LAPORAN),
    },
    doc="An spbe-calc answers file: levels per indicator (none yet, in a new file), or the published result (hasil).",
    exclusive=("levels", "hasil"),
)


def is_answered(level: Any) -> bool:
    """A level counts once it is given (for every item, when there are several)."""
    if isinstance(level, tuple):
        return bool(level) and all(v is not None for v in level)
    return level is not None


class Evidence(NamedTuple):
    """A supporting document given as a mapping (a plain entry stays a string)."""

    path: str | None = None
    url: str | None = None
    nomor: str | None = None
    tanggal: str | None = None
    sha256: str | None = None

    def label(self) -> str:
        """How the document is named: its path or its address."""
        return self.path or self.url or ""


#: One entry of ``bukti``: the words a person wrote, or a described document.
Bukti = Union[str, Evidence]


def bukti_label(entry: Bukti) -> str:
    """An entry's name, for lists and for matching an edited list with the old one."""
    return entry if isinstance(entry, str) else entry.label()


#: A level as written in a file: a number, one per item, or ``None`` while not answered.
Written = Union[int, tuple[Union[int, None], ...], None]


def has_value(level: Written) -> bool:
    """Whether a written level holds a number (for one item at least)."""
    if isinstance(level, tuple):
        return any(v is not None for v in level)
    return level is not None


class Answer(NamedTuple):
    """One indicator's answer; ``level`` (penilaian mandiri) is ``None`` while not answered."""

    indicator: int
    level: Written
    fakta: str | None = None
    analisis: str | None = None
    bukti: tuple[Bukti, ...] = ()
    #: ``(stage, level)`` for each later stage written under ``tahap`` (``dokumen``, ``interviu``,
    #: ``visitasi``, ``akhir``), in that order. Pairs rather than a dict: records stay immutable.
    tahap: tuple[tuple[str, Written], ...] = ()

    def is_given(self) -> bool:
        """Whether anything of this answer is given (a level at some stage, or an explanation)."""
        levels = (self.level, *(level for _, level in self.tahap))
        return bool(self.fakta or self.analisis or self.bukti) or any(has_value(level) for level in levels)

    def stage_level(self, stage: str) -> Written:
        """The level written for a stage: ``level`` for ``mandiri``, else the one under ``tahap``."""
        if stage == "mandiri":
            return self.level
        return next((level for name, level in self.tahap if name == stage), None)

    def level_at(self, stage: str) -> Written:
        """The level at a stage as the evaluation reads it (see :meth:`source_at`)."""
        source = self.source_at(stage)
        return None if source is None else self.stage_level(source)

    def source_at(self, stage: str) -> str | None:
        """The stage whose level counts at ``stage``: the latest at or before it that has one.

        The assessors' stages follow each other (dokumen, interviu, visitasi, akhir) and an
        indicator keeps its level from the last stage that set one: an indicator left out of the
        visitasi keeps its interviu level. The instansi's own level (``mandiri``) never stands in
        for an assessor's. ``None`` when no stage up to ``stage`` has a (complete) level.
        """
        if stage == "mandiri":
            return stage if is_answered(self.level) else None
        given = {name for name, level in self.tahap if is_answered(level)}
        return next((s for s in reversed(STAGES[1 : STAGES.index(stage) + 1]) if s in given), None)


def field_value(answer: Answer | None, field: str) -> Any:
    """A field of an answer (``tahap.akhir`` for a stage's level), or ``None`` when it is empty."""
    if answer is None:
        return None
    if field.startswith("tahap."):
        value = answer.stage_level(field.removeprefix("tahap."))
        return value if has_value(value) else None
    value = getattr(answer, field)
    if field == "level":
        return value if has_value(value) else None
    return value or None


def with_field(answer: Answer, field: str, value: Any) -> Answer:
    """``answer`` with one field set (``None`` empties it); the others, known or not, kept."""
    if field.startswith("tahap."):
        stage = field.removeprefix("tahap.")
        stages = {name: level for name, level in answer.tahap if name != stage}
        if value is not None:
            stages[stage] = value
        return answer._replace(tahap=tuple((name, stages[name]) for name in STAGES if name in stages))
    empty = answer._field_defaults.get(field)  # None for `level`, which has no default
    changes: dict[str, Any] = {field: empty if value is None else value}
    return answer._replace(**changes)


class Published(NamedTuple):
    """A result as KemenPANRB published it: no levels, so nothing of it is computed."""

    #: The published index (named ``value`` like every score record's).
    value: Fraction
    predikat: str
    domains: dict[int, Fraction]
    aspects: dict[int, Fraction]
    source: str | None = None


class Signer(NamedTuple):
    """A person who signs the report."""

    jabatan: str
    nama: str
    nip: str | None = None
    peran: str | None = None


class Laporan(NamedTuple):
    """The report's cover and signature block, as the answers file's ``laporan`` gives them."""

    tempat: str | None = None
    #: ``YYYY-MM-DD``
    tanggal: str | None = None
    #: an image file, relative to the answers file
    logo: str | None = None
    penandatangan: tuple[Signer, ...] = ()


class Answers(NamedTuple):
    """A parsed answers file, with the position of every indicator's entry for messages."""

    path: str
    model: str | None
    instansi: str | None
    tahun: int | None
    answers: dict[int, Answer]
    #: where each value was read; positions are looked up only when a message needs one
    where: Context | None = None
    #: problems found while reading (YAML and structure); :func:`bind` reports them with its own
    problems: tuple[Problem, ...] = ()
    #: indicators whose entry is written but has a problem (reported, so not "missing" as well)
    invalid: frozenset[int] = frozenset()
    #: the published result, in a file that holds one instead of levels
    hasil: Published | None = None
    #: the report's cover and signature block (``laporan``)
    laporan: Laporan | None = None

    def key_position(self, ident: int) -> tuple[int, int]:
        """Line and column of an indicator's key (``(0, 0)`` when unknown)."""
        return self.where.key_at(("levels", ident)) if self.where else (0, 0)

    def value_position(self, ident: int, stage: str = "mandiri") -> tuple[int, int]:
        """Line and column of an indicator's level (the ``level:`` value, or the stage's under ``tahap``)."""
        if self.where is None:
            return (0, 0)
        # In the short form (``12: 3``) there is no ``level`` key: the closest position is the value.
        return self.where.at(("levels", ident, "level") if stage == "mandiri" else ("levels", ident, "tahap", stage))

    def position(self, key: str) -> tuple[int, int]:
        """Line and column of a top-level value (``model``) or key (``levels``)."""
        if self.where is None:
            return (0, 0)
        return self.where.key_at((key,)) if key == "levels" else self.where.at((key,))

    def levels_readable(self) -> bool:
        """Whether the levels could be read, so that what is missing can be said.

        ``levels`` left out or empty is a file without answers yet (every indicator missing); a
        ``levels`` that is not a mapping has its own problem, and nothing more is said of it.
        """
        if self.where is None:
            return False
        if ("levels",) not in self.where.key_positions:
            return self.hasil is None
        at = self.where.at(("levels",))
        return not any((p.line, p.col) == at for p in self.problems)

    def levels(self) -> dict[int, LevelValue]:
        """Completely answered indicators and their levels."""
        return {k: a.level for k, a in self.answers.items() if is_answered(a.level)}  # type: ignore[misc]

    def content(self) -> Answers:
        """What the file says, without where it was read: two reads of one text compare equal."""
        return self._replace(path="", where=None, problems=(), invalid=frozenset())

    def has_answers(self) -> bool:
        """Whether the file holds anything a person gave: a level at any stage, a text, or a result."""
        return self.hasil is not None or any(a.is_given() for a in self.answers.values())


def _tuple(level: Any) -> Any:
    return tuple(level) if isinstance(level, list) else level


def _bukti(entry: Any) -> Bukti:
    if isinstance(entry, dict):
        return Evidence(**{k: entry.get(k) for k in Evidence._fields})
    return str(entry)


def read_bukti(text: str) -> tuple[Bukti, ...] | None:
    """Evidence written as YAML (or JSON), held to an answers file's rules; ``None`` if it breaks one.

    The LKE workbook keeps each answer's evidence in a hidden column, which anyone can edit:
    what it gives back must be what an answers file could say.
    """
    doc = parse(text, "bukti")  # the problems are not shown: any one refuses the text
    if doc.root is None or errors_in(doc.problems):
        return None
    data, ctx = run_partial(BUKTI, doc.root, doc.path)
    if ctx.problems or not isinstance(data, list):
        return None
    if any(isinstance(entry, dict) and ("path" in entry) == ("url" in entry) for entry in data):
        return None  # the rule of _check_evidence
    return tuple(_bukti(entry) for entry in data)


def _check_evidence(ident: int, bukti: list[Any], ctx: Context) -> list[Problem]:
    """A described document names exactly one of ``path`` and ``url``."""
    return [
        problem_at(ctx.file, ctx.at(("levels", ident, "bukti", n)), "evidence-path-or-url")
        for n, entry in enumerate(bukti)
        if isinstance(entry, dict) and ("path" in entry) == ("url" in entry)
    ]


def parse_answers(data: dict[str, Any], ctx: Context, problems: list[Problem] | None = None) -> Answers:
    """Build :class:`Answers` from checked data (possibly partial, when ``problems`` say so)."""
    answers: dict[int, Answer] = {}
    problems = list(problems or ())
    levels = data.get("levels")
    for ident, value in (levels if isinstance(levels, dict) else {}).items():
        if isinstance(value, dict):
            if value.get("bukti"):  # BUKTI: a list (what could be checked of it) or None
                problems += _check_evidence(ident, value["bukti"], ctx)
            tahap = value.get("tahap") or {}
            answers[ident] = Answer(
                indicator=ident,
                level=_tuple(value.get("level")),
                fakta=value.get("fakta"),
                analisis=value.get("analisis"),
                bukti=tuple(_bukti(b) for b in value.get("bukti") or () if b is not None),
                # Only stages with a key are kept, in STAGES order, so that a rewrite keeps them.
                tahap=tuple((s, _tuple(tahap[s])) for s in STAGES if s in tahap),
            )
        else:
            answers[ident] = Answer(indicator=ident, level=_tuple(value))
    hasil = data.get("hasil")
    return Answers(
        path=ctx.file,
        model=data.get("model"),
        instansi=data.get("instansi"),
        tahun=data.get("tahun"),
        answers=answers,
        where=ctx,
        problems=tuple(problems or ()),
        invalid=_entries_with_problems(ctx, problems or []),
        hasil=_published(hasil) if isinstance(hasil, dict) and "indeks" in hasil and "predikat" in hasil else None,
        laporan=_laporan(data.get("laporan")),
    )


def _laporan(data: Any) -> Laporan | None:
    """The ``laporan`` section; signers with a problem (no jabatan or nama) are left out."""
    if not isinstance(data, dict):
        return None
    signers = tuple(
        Signer(jabatan=s["jabatan"], nama=s["nama"], nip=s.get("nip"), peran=s.get("peran"))
        for s in data.get("penandatangan") or ()
        if isinstance(s, dict) and isinstance(s.get("jabatan"), str) and isinstance(s.get("nama"), str)
    )
    laporan = Laporan(
        tempat=data.get("tempat"), tanggal=data.get("tanggal"), logo=data.get("logo"), penandatangan=signers
    )
    return laporan if laporan != Laporan() else None  # an empty section says nothing


def _published(data: dict[str, Any]) -> Published:
    return Published(
        value=Fraction(data["indeks"]),
        predikat=data["predikat"],
        domains={k: Fraction(v) for k, v in (data.get("domains") or {}).items()},
        aspects={k: Fraction(v) for k, v in (data.get("aspects") or {}).items()},
        source=data.get("sumber"),
    )


def _entries_with_problems(ctx: Context, problems: list[Problem]) -> frozenset[int]:
    """The indicators whose entry holds a problem.

    Each problem belongs to the last entry whose key comes before it in the file, if it is at
    that key or to its right: an entry's content is indented under its key, and what is not
    (the next key of ``levels``, ``laporan`` after ``levels``) is not the entry's. (A flow
    mapping written across lines may put an entry's part further left; that entry is then said
    to be missing as well as wrong.)
    """
    if not problems:  # the usual case: nothing to place
        return frozenset()
    keys = sorted((pos, path[1]) for path, pos in ctx.key_positions.items() if len(path) == 2 and path[0] == "levels")
    starts = [pos for pos, _ in keys]
    found: set[int] = set()
    for p in problems:
        n = bisect.bisect_right(starts, (p.line, p.col)) - 1
        if n >= 0 and ((p.line, p.col) == starts[n] or p.col > starts[n][1]):
            found.add(keys[n][1])
    return frozenset(found)


def merge_problems(first: list[Problem], later: list[Problem]) -> list[Problem]:
    """Join problem lists, dropping a later problem at a position the first list already explains.

    A plain ``yes`` as a level is reported once, as a YAML 1.1 surprise, not again as "not a
    number".
    """
    taken = {(p.path, p.line, p.col) for p in first if p.line}
    return list(first) + [p for p in later if (p.path, p.line, p.col) not in taken]


def read_answers(path: Path | str) -> Answers:
    """Read an answers file, keeping every part that is well formed.

    I/O failures and files without usable structure raise :class:`SpbeError`. Other problems are
    kept in :attr:`Answers.problems` so that :func:`bind` can report them together with the
    semantic ones (unknown indicators, levels out of range) in a single message list.
    """
    return answers_from_doc(load(path))


def answers_from_doc(doc: Document) -> Answers:
    """:func:`read_answers` on a document already parsed (``validate`` has it in hand)."""
    if doc.root is None:
        raise SpbeError(doc.problems)
    mistaken = wrong_kind(doc.path, doc.root, "answers")
    if mistaken is not None:
        raise SpbeError([mistaken])
    data, ctx = run_partial(ANSWERS_SPEC, doc.root, doc.path)
    problems = merge_problems(doc.problems, ctx.problems)
    if not isinstance(data, dict):
        raise SpbeError(problems)
    return parse_answers(data, ctx, problems)


def published_only(answers: Answers) -> SpbeError:
    """The refusal of a command that needs levels, for a file that holds a published result.

    Placed at the file's ``hasil``, with the file's other problems: every such command says it alike.
    """
    return SpbeError([*answers.problems, problem_at(answers.path, answers.position("hasil"), "published-only")])


def bind(
    answers: Answers,
    model: Model,
    partial: bool = False,
    advice: str | None = None,
    stage: str = "mandiri",
    missing_as: Severity = Severity.ERROR,
) -> tuple[dict[int, LevelValue], list[int]]:
    """Check answers against a model; return the levels to score and the missing indicators.

    Unknown indicators and levels outside an indicator's scale are always errors. Missing
    indicators are an error unless ``partial`` is set, in which case they are returned so the
    caller can say what was left out; they are never given a level silently. ``advice`` names
    the hint for missing indicators when ``--partial`` is not what to suggest: ``"assess"``
    (``plan``: answer them first), ``"check"`` (``validate``) or ``"calibrate"`` (both stages
    of every indicator are needed). ``stage`` chooses whose levels
    are bound: the instansi's own (``mandiri``) or, at an assessors' stage, each indicator's level
    at the latest stage up to it that has one (:meth:`Answer.source_at`); every stage's level is
    checked against the scale all the same.

    A file that holds a published result has no levels to bind: that is an error here, for the
    commands that need levels (``score`` shows such a file without binding it). ``missing_as`` is
    the severity of the missing indicators' problem (``validate``: a warning, said with the
    errors when there are any).
    """
    if answers.hasil is not None:
        raise published_only(answers)
    problems: list[Problem] = list(answers.problems)
    levels: dict[int, LevelValue] = {}
    for ident, answer in answers.answers.items():
        indicator = model.by_id.get(ident)
        if indicator is None:
            line, col = answers.key_position(ident)
            problems.append(unknown_indicator(answers.path, line, col, ident, model))
            continue
        # Every stage's level is checked, whichever is scored; most files have only `level`. A
        # level with a problem is bound below all the same: its problem makes bind raise.
        _check_level(answers, ident, "mandiri", answer.level, indicator, problems)
        for at, written in answer.tahap:
            _check_level(answers, ident, at, written, indicator, problems)
        # At an assessors' stage the level may come from an earlier one (Answer.source_at). The
        # instansi's own level is read directly: level_at costs ~10 ms more per 1,000 files.
        level = answer.level if stage == "mandiri" else answer.level_at(stage)
        if is_answered(level):
            levels[ident] = level  # type: ignore[assignment]
    missing = [i.id for i in model.indicators if i.id not in levels]
    # Every problem is reported at once: an indicator renamed from 47 to 48 is both unknown (48)
    # and missing (47). Indicators whose entry is written but wrong were reported above (a level
    # off its scale is bound, so it is not missing either).
    unanswered = [i for i in missing if i not in answers.invalid]
    if unanswered and not partial and answers.levels_readable():
        problems.append(missing_problem(answers, unanswered, stage, advice, missing_as))
    if errors_in(problems):
        raise SpbeError(problems)
    return levels, missing


def missing_problem(
    answers: Answers,
    ids: list[int],
    stage: str = "mandiri",
    advice: str | None = None,
    severity: Severity = Severity.ERROR,
) -> Problem:
    """The indicators without a level at ``stage``, as one problem at the ``levels`` key.

    ``advice`` names the hint that fits the command (see :func:`bind`); ``validate`` says it as a
    warning: a file being filled is well formed, only not complete yet.
    """
    line, col = answers.position("levels")
    args: dict[str, Any] = {"count": len(ids), "ids": compact_ids(ids)}
    if advice:
        args["advice"] = advice
    code = "missing-indicators"
    if stage != "mandiri":
        code = "missing-stage"
        args["stage"] = stage
    return Problem(path=answers.path, line=line, col=col, code=code, args=args, severity=severity)


def _check_level(
    answers: Answers, ident: int, stage: str, level: Written, indicator: Indicator, problems: list[Problem]
) -> None:
    """If a written level does not fit its indicator, add the problem at its position."""
    problem = _level_problem(ident, level, indicator)
    if problem is not None:
        line, col = answers.value_position(ident, stage)  # looked up only for a message
        problems.append(Problem(path=answers.path, line=line, col=col, code=problem[0], args=problem[1]))


def _level_problem(ident: int, level: Written, indicator: Indicator) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with a written level for an indicator (its shape, or a value off its scale)."""
    scale = indicator.scale
    if isinstance(level, int) and not indicator.items and scale.min <= level <= scale.max:
        return None  # the common case, decided first: a batch checks some 50,000 levels per 1,000 files
    items = len(indicator.items)
    if items and isinstance(level, int):
        return ("items-expected", {"id": ident, "count": items})
    if not items and isinstance(level, tuple):
        return ("single-level-expected", {"id": ident})
    if isinstance(level, tuple) and len(level) != items:
        return ("items-count", {"id": ident, "count": items, "given": len(level)})
    values = level if isinstance(level, tuple) else (level,)
    return next((p for v in values if v is not None and (p := off_scale(ident, v, indicator))), None)


def off_scale(ident: int, level: int, indicator: Indicator) -> tuple[str, dict[str, Any]] | None:
    """A level that is not on its indicator's scale, as a problem's code and arguments.

    Said alike for an answers file and a workbook cell (one item's level is one cell there).
    """
    scale = indicator.scale
    if scale.min <= level <= scale.max:
        return None
    return (
        "level-out-of-range",
        {"id": ident, "level": level, "minimum": scale.min, "maximum": scale.max, "scale": scale.name},
    )


def unknown_indicator(path: str, line: int, col: int, ident: int, model: Model) -> Problem:
    """The problem "indicator N is not in this model", naming the model's range of numbers."""
    return Problem(
        path=path,
        line=line,
        col=col,
        code="unknown-indicator",
        args={"id": ident, "first": model.indicators[0].id, "last": model.indicators[-1].id, "model": model.id},
    )


def compact_ids(ids: list[int]) -> str:
    """Write ``[1, 2, 3, 7, 9, 10]`` as ``1-3, 7, 9-10`` for messages."""
    parts: list[str] = []
    # Numbers in a run of consecutive numbers share their difference to their position.
    for _, run in itertools.groupby(enumerate(sorted(ids)), key=lambda pair: pair[1] - pair[0]):
        numbers = [n for _, n in run]
        parts.append(str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}")
    return ", ".join(parts)
