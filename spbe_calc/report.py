"""What a report contains: the score, an earlier score, the plan, and what the signed page needs.

The renderers (:mod:`spbe_calc.render.report_html`, :mod:`spbe_calc.render.report_md`) lay
this out in words; all figures come from here and from the scoring core. Reading the logo and
checking that the earlier file really is this instansi's earlier year happen here too, so that
every renderer gets the same, checked content.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from spbe_calc.answers import Signer, published_only
from spbe_calc.bars import Bar
from spbe_calc.compare import Comparison, compare
from spbe_calc.core import DEFAULT_BASIS, Basis, ScoredFile, score_file
from spbe_calc.errors import fail
from spbe_calc.evidence import EvidenceReport, check_evidence
from spbe_calc.images import MAX_BYTES, ImageProblem, check_image
from spbe_calc.model import Band
from spbe_calc.paths import exists, inside
from spbe_calc.peers import Peers, published_beside, standing
from spbe_calc.plan import Plan, make_plan, read_limits
from spbe_calc.typed import typed_text
from spbe_calc.yamlsafe import read_bytes


class Logo(NamedTuple):
    """An image for the cover, embedded in the page (so the file stays self-contained)."""

    mime: str
    data: bytes


class Signing(NamedTuple):
    """Where and when the report is signed, and by whom."""

    place: str | None
    date: datetime.date
    signers: tuple[Signer, ...]


class ReportRequest(NamedTuple):
    """What the user asked for beyond the answers file (the options of ``report``)."""

    #: the answers file of an earlier year (``--compare``)
    previous: str | None = None
    #: what the plan aims at (``--target``); the next predikat when not given
    target: Bar | None = None
    #: a plan file with costs and limits (``--costs``), as ``plan`` reads it
    costs: str | None = None
    #: accept an earlier file of another instansi (``--allow-other-instansi``); the report says so
    other_instansi: bool = False
    #: signers given as options; they replace the answers file's ``laporan.penandatangan``
    signers: tuple[Signer, ...] = ()
    #: a logo file given as an option (else ``laporan.logo``, relative to the answers file)
    logo: str | None = None
    #: the place of signing given as an option (else ``laporan.tempat``)
    place: str | None = None
    #: read documents and a logo that the answers file names outside its folder (``--allow-outside``)
    allow_outside: bool = False
    #: put the agency's published results beside the file (the earlier year, and "Posisi")
    published: bool = True


class Report(NamedTuple):
    """The content of one report."""

    current: ScoredFile
    #: the earlier year: it names its year, as the current file does (:func:`check_previous`)
    previous: ScoredFile | None
    comparison: Comparison | None
    plan: Plan | None
    generated: datetime.date
    #: the checked evidence (documents linked and marked in the HTML report)
    evidence: EvidenceReport
    #: the place and date of signing (the date is the day of making when the file gives none)
    signing: Signing
    #: the folder the report is written to: links to local documents start from there
    #: (``None``: the report goes to standard output, and links start from the working folder)
    links_from: str | None = None
    #: the earlier file is another instansi's (allowed explicitly, and said on the page)
    other_instansi: bool = False
    logo: Logo | None = None
    #: where the agency stands among its peers in the published results ("Posisi")
    position: Peers | None = None


def next_band(current: ScoredFile) -> Band | None:
    """The predikat just above the current one, or ``None`` at the top."""
    ordered = current.model.bands_ascending()
    rank = ordered.index(current.score.band)
    return ordered[rank + 1] if rank + 1 < len(ordered) else None


def _plan_for(current: ScoredFile, target: Bar | None, costs: str | None) -> Plan | None:
    """The plan to ``target``, else to the next predikat (``None`` at the top).

    Without ``costs`` the plan has the fewest raises; with them, the cheapest within the limits.
    """
    band = next_band(current)
    bar = target if target is not None else (Bar(band.name, predikat=band.name) if band is not None else None)
    if bar is None:
        return None
    limits = read_limits(costs, current.model) if costs is not None else None
    return make_plan(current.model, current.score.levels, bar, limits)


def _same_instansi(a: str | None, b: str | None) -> bool:
    """Two names of one instansi: equal apart from case and spacing."""
    return a is not None and b is not None and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_previous(current: ScoredFile, previous: ScoredFile, other_instansi: bool) -> bool:
    """Refuse an earlier file that is not this instansi's earlier year; tell if it is another's.

    A report that says "Sebelumnya (2018): 2.64" under another agency's name misleads whoever
    signs it, so both files must name their year, the earlier one must be earlier, and the
    instansi must be the same unless ``other_instansi`` allows it (the report then says so).
    """
    cur, prev = current.answers, previous.answers
    if cur.tahun is None:
        raise fail(cur.path, "compare-no-year")
    if prev.tahun is None:
        raise fail(prev.path, "compare-no-year")
    if prev.tahun >= cur.tahun:
        raise fail(prev.path, "compare-not-earlier", *prev.position("tahun"), year=prev.tahun, current=cur.tahun)
    same = _same_instansi(cur.instansi, prev.instansi)
    if not same and not other_instansi:
        # A file that names no instansi cannot be told to be this agency's, nor another's.
        if cur.instansi is None or prev.instansi is None:
            raise fail(prev.path if prev.instansi is None else cur.path, "compare-no-instansi")
        raise fail(
            prev.path,
            "compare-other-instansi",
            *prev.position("instansi"),
            previous=prev.instansi,
            current=cur.instansi,
        )
    return not same


def parse_signer(text: str) -> Signer:
    """A signer given on the command line: ``"Jabatan|Nama|NIP"`` (NIP and a fourth part, peran, optional)."""
    parts = [part.strip() for part in typed_text("--signer", text).split("|")]
    if not 2 <= len(parts) <= 4 or not parts[0] or not parts[1]:
        raise fail("--signer", "bad-signer", value=text)
    jabatan, nama, *rest = parts
    nip = rest[0] if rest and rest[0] else None
    peran = rest[1] if len(rest) > 1 and rest[1] else None
    return Signer(jabatan=jabatan, nama=nama, nip=nip, peran=peran)


def read_logo(path: str) -> Logo:
    """Read an image for the cover, checked by :func:`spbe_calc.images.check_image`."""
    data = read_bytes(path, limit=MAX_BYTES)
    checked = check_image(data)
    if isinstance(checked, ImageProblem):
        raise fail(path, checked.code, **checked.args)
    return Logo(checked.mime, checked.data)


def _logo(current: ScoredFile, request: ReportRequest) -> Logo | None:
    """The cover's logo: ``--logo``, else ``laporan.logo`` (relative to the answers file).

    A logo the answers file names must be in its folder (unless ``--allow-outside``); one that
    is missing is named as the logo, where the file sets it.
    """
    if request.logo is not None:
        return read_logo(request.logo)
    laporan = current.answers.laporan
    if laporan is None or not laporan.logo:
        return None
    folder = Path(current.path).parent
    path = folder / laporan.logo
    line, col = current.answers.where.at(("laporan", "logo")) if current.answers.where else (0, 0)
    if not request.allow_outside and not inside(path, folder):
        raise fail(current.path, "logo-outside", line, col, file=laporan.logo)
    if not exists(path):
        raise fail(current.path, "logo-missing", line, col, file=laporan.logo)
    return read_logo(str(path))


def _signing(current: ScoredFile, request: ReportRequest, today: datetime.date) -> Signing:
    """The signature block: options first, then the answers file's ``laporan``."""
    laporan = current.answers.laporan
    signers = request.signers or (laporan.penandatangan if laporan else ())
    place = request.place or (laporan.tempat if laporan else None)
    date = datetime.date.fromisoformat(laporan.tanggal) if laporan and laporan.tanggal else today
    return Signing(place, date, tuple(signers))


def report_for(
    path: str,
    request: ReportRequest = ReportRequest(),  # noqa: B008  (an immutable record)
    model_ref: str | None = None,
    partial: bool = False,
    output: str | None = None,
    basis: Basis = DEFAULT_BASIS,
    today: datetime.date | None = None,
) -> Report:
    """Score an answers file (and the earlier one it is compared with) and assemble the report.

    The evidence is checked too, so that the report can link each local document (relative to
    ``output``'s folder) and mark the ones that are missing or changed.
    """
    current = score_file(path, model_ref, partial, basis)
    if current.published is not None:
        raise published_only(current.answers)  # a report explains levels; a published result has none
    # The earlier file may be a published result (its index and predikat are what the report needs).
    before = score_file(request.previous, None, partial, basis) if request.previous is not None else None
    if before is None and request.published:  # the latest published year before this one
        earlier = [f for f in published_beside([current]) if (f.answers.tahun or 0) < (current.answers.tahun or 0)]
        before = earlier[-1] if earlier else None
    other = check_previous(current, before, request.other_instansi) if before is not None else False
    day = today or datetime.date.today()
    signing, logo = _signing(current, request, day), _logo(current, request)
    evidence = check_evidence(path, model_ref, allow_outside=request.allow_outside)
    return Report(
        current=current,
        previous=before,
        comparison=compare([before, current]) if before is not None else None,
        plan=_plan_for(current, request.target, request.costs),
        generated=day,
        evidence=evidence,
        signing=signing,
        links_from=str(Path(output).parent) if output else None,
        other_instansi=other,
        logo=logo,
        position=standing(current) if request.published and current.answers.instansi else None,
    )
