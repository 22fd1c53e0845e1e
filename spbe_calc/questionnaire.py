"""The state of a self-assessment session: which indicators, where we are, and safe saving.

This module holds no terminal code: :mod:`spbe_calc.interactive` drives it. Every change is
saved at once with :func:`spbe_calc.fsutil.atomic_write`, and each save starts from what is on
disk *now*, so that an answer written meanwhile by someone else (or by hand) is kept: the file
is never overwritten with less than it holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from spbe_calc.answers import Answer, Answers, bind, compact_ids, is_answered, read_answers, unknown_indicator
from spbe_calc.answers.read import Written
from spbe_calc.answers.update import is_blank, locked, update
from spbe_calc.core import Basis, ScoredFile, model_for, score_answers
from spbe_calc.errors import Problem, SpbeError, errors_in, fail
from spbe_calc.model import Indicator, Model, load_model
from spbe_calc.numbers import is_number
from spbe_calc.paths import exists, is_folder
from spbe_calc.stages import STAGES
from spbe_calc.yamlsafe import read_text


def _is_blank(path: Path) -> bool:
    """An existing file with nothing but blank lines and comments: there is nothing to lose."""
    try:
        return is_blank(read_text(path))  # bounded, and refuses what is not a regular file
    except SpbeError:
        return False  # let the reader report it properly


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
        Problem("--domain", 0, 0, "unknown-domain", {"id": d, "known": _ids(known_domains)})
        for d in domains
        if d not in known_domains
    ]
    problems += [
        Problem("--aspect", 0, 0, "unknown-aspect", {"id": a, "known": _ids(known_aspects)})
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


def _check_writable(path: Path) -> None:
    """Refuse an answers file that could not be saved: a missing folder, a folder, no rights.

    The lock file beside the answers is created and removed, which is what every save does: a
    read-only disk or share is found even where permission bits say nothing (as root).
    """
    shown = str(path)
    if is_folder(path):
        raise fail(shown, "is-directory")
    if not is_folder(path.parent):
        raise fail(shown, "folder-missing", folder=str(path.parent))
    if (exists(path) and not os.access(path, os.W_OK)) or not os.access(path.parent, os.W_OK):
        raise fail(shown, "not-writable")
    with locked(path):  # creating the lock file is what every save does first
        pass


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
        stage: str = "mandiri",
    ) -> None:
        self.path = path
        #: The stage whose levels this session enters: ``mandiri`` (``level``) or a later one
        #: (under ``tahap``, e.g. the final levels after the evaluation is published).
        self.stage = stage
        self.model = model
        self.answers = answers
        self.selection = selection
        self.created = created
        self.position = 0
        #: how many times this session has saved (nothing was written while it is 0)
        self.saves = 0

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
        _check_writable(path)  # before any question: an answer that cannot be saved is lost
        if exists(path) and not _is_blank(path):
            answers = read_answers(path)
            errors = errors_in(answers.problems)
            if errors:
                raise SpbeError(errors)
            model = model_for(answers, model_ref)
            bind(answers, model, partial=True)  # unknown indicators, levels out of range: refuse
            created = False
        else:
            model = load_model(model_ref)
            answers = Answers(str(path), model.id, None, None, {})
            created = True
        if answers.hasil is not None:  # a published result has no levels to enter
            raise SpbeError([Problem(str(path), *answers.position("hasil"), "published-only", {})])
        q = cls(path, model, answers, select(model, domains, aspects, indicators), created, stage)
        q.position = q.first_unanswered() or 0
        return q

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
        return None if a is None else a.level_at(stage or self.stage)

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
        return Progress(len(done), len(self.model.indicators), groups, sum(i in done for i in sel), len(sel))

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

    # --- changing and saving ---------------------------------------------------------------------

    def set_meta(self, instansi: str | None, tahun: int | None) -> None:
        """Record the agency and the year, and save."""
        self._save(
            lambda a: a._replace(
                instansi=instansi if instansi is not None else a.instansi,
                tahun=tahun if tahun is not None else a.tahun,
            )
        )

    def set_answer(self, ident: int, **changes: object) -> None:
        """Change some fields of one indicator's answer (``level``, ``fakta``, ...) and save."""
        stage = self.stage

        def apply(a: Answers) -> Answers:
            old = a.answers.get(ident) or Answer(ident, None)
            fields = dict(changes)
            if stage != "mandiri" and "level" in fields:
                # A later stage's level goes under `tahap`, in stage order; the team's own stays.
                stages = {name: lv for name, lv in old.tahap if name != stage}
                if fields["level"] is not None:
                    stages[stage] = fields["level"]  # type: ignore[assignment]
                fields["tahap"] = tuple((name, stages[name]) for name in STAGES if name in stages)
                del fields["level"]
            new = old._replace(**fields)  # type: ignore[arg-type]
            return a._replace(answers={**a.answers, ident: new})

        self._save(apply)

    def _save(self, change: Callable[[Answers], Answers]) -> None:
        """Apply ``change`` to the file as it is on disk now, write it atomically, keep the result.

        Under the file's lock (:mod:`spbe_calc.answers.update`): two sessions saving at the same
        instant take turns, and neither writes over what the other has just saved.
        """

        def with_model(a: Answers) -> Answers:
            updated = change(a)
            return updated if updated.model is not None else updated._replace(model=self.model.id)

        self.answers = update(self.path, with_model, self.answers, [i.id for i in self.model.indicators])
        self.created = False
        self.saves += 1
