"""The state of a self-assessment session: which indicators, where we are, and safe saving.

This module holds no terminal code: :mod:`spbe_calc.interactive` drives it. Every change is
saved at once through the one writer (:func:`spbe_calc.answers.store.update`), which starts from
what is on disk *now*, so that an answer written meanwhile by someone else (or by hand) is kept:
the file is never overwritten with less than it holds.

Two people on one indicator: the session remembers each indicator's answer as it last showed or
saved it. A save finds the answer on disk changed since then only when someone else saved it
meanwhile; then nothing is written and :class:`Conflict` holds both versions, for the person to
choose (:meth:`Questionnaire.keep_mine`, :meth:`Questionnaire.take_theirs`). Fields of two
people are never mixed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from spbe_calc.answers import Answer, Answers, bind, compact_ids, is_answered, read_answers, unknown_indicator
from spbe_calc.answers.read import Written, with_field
from spbe_calc.answers.store import check_writable, current, update
from spbe_calc.core import Basis, ScoredFile, model_for, score_answers
from spbe_calc.errors import Problem, SpbeError, errors_in, fail
from spbe_calc.model import Indicator, Model, load_model
from spbe_calc.numbers import is_number
from spbe_calc.paths import exists


class Conflict(NamedTuple):
    """An indicator saved by someone else since this session showed it: both versions."""

    indicator: int
    #: the answer on disk now (``None``: removed)
    theirs: Answer | None
    #: the answer this session was saving
    mine: Answer


def parse_id_list(text: str) -> list[int]:
    """Read ``1-5,9, 12`` as ``[1, 2, 3, 4, 5, 9, 12]``; raise :class:`SpbeError` when malformed."""
    out: list[int] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        if not is_number(lo) or (sep and not is_number(hi)):
            raise fail("--indicators", "bad-id-list", value=text)
        start, end = int(lo), int(hi) if sep else int(lo)
        if end < start or end - start > 10_000:
            raise fail("--indicators", "bad-id-list", value=text)
        out.extend(range(start, end + 1))
    return out


def select(model: Model, domains: list[int], aspects: list[int], indicators: list[int]) -> list[Indicator]:
    """The indicators to walk, in model order: those in any of the given domains, aspects or ids.

    No restriction means the whole model. An id that is not in the model is an error, so that a
    typo does not silently shrink a unit's questionnaire.
    """
    known_domains = {d.id for d in model.domains}
    known_aspects = {a.id for a in model.aspects}
    if domains and not model.domains:
        # A model of aspects only: --domain has nothing to choose from.
        raise fail("--domain", "model-without-domains", model=model.id, aspects=_ids(known_aspects))
    problems = [
        Problem(path="--domain", line=0, col=0, code="unknown-domain", args={"id": d, "known": _ids(known_domains)})
        for d in domains
        if d not in known_domains
    ]
    problems += [
        Problem(path="--aspect", line=0, col=0, code="unknown-aspect", args={"id": a, "known": _ids(known_aspects)})
        for a in aspects
        if a not in known_aspects
    ]
    problems += [unknown_indicator("--indicators", 0, 0, i, model) for i in indicators if i not in model.by_id]
    if problems:
        raise SpbeError(problems)
    if not (domains or aspects or indicators):
        return list(model.indicators)
    return [i for i in model.indicators if i.domain_id in domains or i.aspect_id in aspects or i.id in indicators]


def _ids(ids: set[int]) -> str:
    return compact_ids(sorted(ids))


class Progress(NamedTuple):
    """Answered counts overall, per domain (or aspect, for models without domains) and selected."""

    answered: int
    total: int
    groups: list[tuple[str, int, int]]  # (code, answered, total)
    selected_answered: int
    selected_total: int


class Questionnaire:
    """One session over one answers file."""

    def __init__(
        self,
        path: Path,
        model: Model,
        answers: Answers,
        selection: list[Indicator],
        created: bool,
        stage: str,
    ) -> None:
        self.path = path
        #: The stage whose levels this session enters: ``mandiri`` (``level``) or a later one
        #: (under ``tahap``, e.g. the final levels after the evaluation is published).
        self.stage = stage
        self.model = model
        self.answers = answers
        self.selection = selection
        self.created = created
        #: how many times this session has saved (nothing was written while it is 0)
        self.saves = 0
        #: each indicator's answer as this session last showed or saved it (see :class:`Conflict`)
        self._seen: dict[int, Answer | None] = {}
        #: where the session is in the selection: it starts at the first indicator without a level
        self.position = self.first_unanswered() or 0

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        model_ref: str | None,
        domains: list[int],
        aspects: list[int],
        indicators: list[int],
        stage: str = "mandiri",
    ) -> Questionnaire:
        """Open (or prepare to create) an answers file; refuse one that cannot be read cleanly.

        A file with problems is never rewritten: the user fixes it first (``validate`` shows
        where), because rewriting could drop what the reader could not understand.
        """
        check_writable(path)  # before any question: an answer that cannot be saved is lost
        now = current(path)  # a file not written yet holds empty answers; the first save names the model
        if now.written:
            model = model_for(now.answers, model_ref)
            # Unknown indicators, levels out of range, a published result (no levels to enter): refuse.
            bind(now.answers, model, partial=True)
        else:
            model = load_model(model_ref)
        return cls(path, model, now.answers, select(model, domains, aspects, indicators), not now.written, stage)

    # --- where we are --------------------------------------------------------------------------

    @property
    def current(self) -> Indicator:
        """The indicator being asked."""
        return self.selection[self.position]

    def answer(self, ident: int) -> Answer | None:
        """The saved answer of an indicator, if any."""
        return self.answers.answers.get(ident)

    def level(self, ident: int, stage: str | None = None) -> Written:
        """An indicator's saved level at the session's stage (or at ``stage``)."""
        a = self.answer(ident)
        return None if a is None else a.stage_level(stage or self.stage)

    def is_answered(self, ident: int) -> bool:
        """Whether an indicator has a (complete) level at the session's stage."""
        return is_answered(self.level(ident))

    def first_unanswered(self) -> int | None:
        """Position of the first unanswered selected indicator, or ``None`` when all are done."""
        for n, ind in enumerate(self.selection):
            if not self.is_answered(ind.id):
                return n
        return None

    def next_unanswered(self) -> int | None:
        """Position of the next unanswered selected indicator after this one (wrapping round)."""
        count = len(self.selection)
        for step in range(1, count + 1):
            n = (self.position + step) % count
            if not self.is_answered(self.selection[n].id):
                return n
        return None

    def next(self) -> bool:
        """Move on; return ``False`` when the end of the selection is reached."""
        if self.position + 1 >= len(self.selection):
            return False
        self.position += 1
        return True

    def back(self) -> bool:
        """Move back; return ``False`` at the first indicator."""
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def jump(self, ident: int) -> bool:
        """Go to indicator ``ident`` if it is in the selection."""
        for n, ind in enumerate(self.selection):
            if ind.id == ident:
                self.position = n
                return True
        return False

    def progress(self) -> Progress:
        """Counts of answered indicators."""
        done = {i.id for i in self.model.indicators if self.is_answered(i.id)}
        groups: list[tuple[str, int, int]] = []
        if self.model.domains:
            for d in self.model.domains:
                ids = [i.id for a in d.aspects for i in a.indicators]
                groups.append((f"D{d.id}", sum(i in done for i in ids), len(ids)))
        else:
            for a in self.model.aspects:
                ids = [i.id for i in a.indicators]
                groups.append((f"A{a.id}", sum(i in done for i in ids), len(ids)))
        sel = [i.id for i in self.selection]
        return Progress(
            answered=len(done),
            total=len(self.model.indicators),
            groups=groups,
            selected_answered=sum(i in done for i in sel),
            selected_total=len(sel),
        )

    def unanswered(self, selected_only: bool = False) -> list[int]:
        """Indicators without a level (in the selection, or in the whole model)."""
        pool = self.selection if selected_only else self.model.indicators
        return [i.id for i in pool if not self.is_answered(i.id)]

    def summary(self) -> ScoredFile | None:
        """The current score (unanswered indicators at their lowest level), or ``None`` if none."""
        if not any(self.is_answered(i.id) for i in self.model.indicators):
            return None
        current = self.answers._replace(problems=())
        return score_answers(current, self.model, partial=True, basis=Basis(self.stage))

    # --- the file as it is now ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the file again, so that what is shown is what is on disk now.

        A file broken by hand meanwhile raises :class:`SpbeError`; what was read before stays.
        """
        if exists(self.path):
            answers = read_answers(self.path)
            errors = errors_in(answers.problems)
            if errors:
                raise SpbeError(errors)
            self.answers = answers

    def look(self, ident: int) -> None:
        """Show an indicator: read the file now, and remember its answer as this session saw it."""
        try:
            self.refresh()
        finally:
            self._seen[ident] = self.answer(ident)

    # --- changing and saving ---------------------------------------------------------------------

    def set_meta(self, instansi: str | None, tahun: int | None) -> None:
        """Record the agency and the year, and save."""
        self._save(
            lambda a: a._replace(
                instansi=instansi if instansi is not None else a.instansi,
                tahun=tahun if tahun is not None else a.tahun,
            )
        )

    def set_answer(self, ident: int, **changes: object) -> Conflict | None:
        """Change some fields of one indicator's answer (``level``, ``fakta``, ...) and save.

        ``level`` is the level of the session's stage (under ``tahap`` for a later stage). When
        the answer on disk is no longer the one this session showed, nothing is written and the
        :class:`Conflict` is returned.
        """
        stage_field = "level" if self.stage == "mandiri" else f"tahap.{self.stage}"
        fields = {stage_field if name == "level" else name: value for name, value in changes.items()}

        def edit(answer: Answer | None) -> Answer:
            new = answer or Answer(indicator=ident, level=None)
            for field, value in fields.items():
                new = with_field(new, field, value)
            return new

        return self._save_answer(ident, edit, self._seen.get(ident, self.answer(ident)))

    def keep_mine(self, conflict: Conflict) -> Conflict | None:
        """Settle a conflict with this session's version (written over the one on disk now)."""
        return self._save_answer(conflict.indicator, lambda _: conflict.mine, conflict.theirs)

    def take_theirs(self, conflict: Conflict) -> None:
        """Settle a conflict with the version on disk: this session goes on from it."""
        self._seen[conflict.indicator] = conflict.theirs

    def _save_answer(self, ident: int, edit: Callable[[Answer | None], Answer], base: Answer | None) -> Conflict | None:
        """Save one indicator's answer, edited from ``base`` (what this session last saw of it)."""
        found: list[Conflict] = []

        def apply(a: Answers) -> Answers | None:
            now = a.answers.get(ident)
            if now != base:  # someone else saved it since this session showed it
                found.append(Conflict(ident, now, edit(base)))
                return None
            return a._replace(answers={**a.answers, ident: edit(now)})

        self._save(apply)
        if found:
            return found[0]
        self._seen[ident] = self.answer(ident)
        return None

    def _save(self, change: Callable[[Answers], Answers | None]) -> None:
        """Apply ``change`` to the file as it is on disk now, write it atomically, keep the result.

        Through the one writer (:mod:`spbe_calc.answers.store`): two sessions saving at the same
        instant take turns, and neither writes over what the other has just saved.
        """
        changed = False

        def with_model(a: Answers) -> Answers | None:
            nonlocal changed
            updated = change(a)
            changed = updated is not None
            if updated is None or updated.model is not None:
                return updated
            return updated._replace(model=self.model.id)

        # A new file starts empty; with_model names the model in it, as in any file that names none.
        self.answers = update(self.path, with_model, [i.id for i in self.model.indicators])
        if changed:
            self.created = False
            self.saves += 1
