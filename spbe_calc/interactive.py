"""The interactive questionnaire (``spbe-calc assess``): screens, prompts and navigation.

The driver :func:`run` talks to a :class:`Prompter`, so the same flow runs in a terminal
(:class:`TerminalPrompter`) and in tests (:class:`ScriptedPrompter`). All state and saving live
in :class:`spbe_calc.questionnaire.Questionnaire`; every answer is saved the moment it is given.
"""

from __future__ import annotations

import datetime
import io
import os
import select
import sys
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from spbe_calc.answers import Answer, bukti_label, compact_ids, is_answered
from spbe_calc.answers.read import FIRST_YEAR, LAST_YEAR, read_year
from spbe_calc.batch import ScoreBatch
from spbe_calc.errors import SpbeError
from spbe_calc.i18n import pick, t, words
from spbe_calc.model import Indicator
from spbe_calc.numbers import is_number
from spbe_calc.questionnaire import Conflict, Questionnaire
from spbe_calc.render import Options, level_label, num, pct, regulation, stage_name, status_note, wrap
from spbe_calc.render.messages import format_problem
from spbe_calc.render.richtext import BOLD, CYAN, DIM, GREEN, ITALIC, RED, SHORT, YELLOW, console
from spbe_calc.render.safe import clean, clean_lines
from spbe_calc.render.score_text import render_text
from spbe_calc.scoring import level_text
from spbe_calc.skeleton import proposed_year
from spbe_calc.typed import first_undecoded


class Prompter(Protocol):
    """What the questionnaire needs from a user interface."""

    color: bool

    @property
    def width(self) -> int:
        """The width to draw in (a terminal's may change between screens)."""

    def ask(self, prompt: str) -> str:
        """Return one answer typed by the user; raise EOFError when input has ended.

        Input that arrived before the prompt appeared is dropped, with a notice.
        """

    def show(self, item: RenderableType | str) -> None:
        """Display text or a rich renderable."""


#: Seconds within which a next key after Enter means the keys were not typed by a person one by
#: one: a paste in a terminal without bracketed paste, or typing ahead by a program. People take
#: well over a tenth of a second between Enter and the next key.
BURST = 0.025


class TerminalPrompter:
    """A real terminal: rich output on stdout, answers read with prompt_toolkit.

    Every answer stays in the field being asked:

    - a paste that the terminal marks (bracketed paste) lands whole in the field, line breaks
      included, and Enter then accepts it;
    - where a terminal does not mark pastes, an Enter followed at once by more keys (:data:`BURST`)
      is a line break of the same answer, not its end: a pasted paragraph, or ``3⏎4⏎5⏎`` sent by a
      fast typist, never becomes the next field or the next indicator;
    - what arrived before a question appeared is dropped, with a notice, at every question;
    - a Tab is kept as a tab (shown as spaces).

    Alt+Enter (Esc, Enter) starts a new line by hand and Ctrl-X Ctrl-E opens ``$EDITOR``. The
    width is the terminal's at each screen, so a resized window is honoured at once.
    """

    def __init__(self, color: bool, width: Callable[[], int]) -> None:
        # prompt_toolkit costs ~80 ms to import and only this class needs it.
        from prompt_toolkit import PromptSession
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys
        from prompt_toolkit.layout.processors import TabsProcessor

        self.color = color
        self._width = width
        self.console = console(Options(color=color))  # its width is the terminal's at each show()
        keys = KeyBindings()

        @keys.add(Keys.Escape, Keys.ControlM)  # Alt+Enter (Esc, then Enter)
        def _new_line(event: Any) -> None:
            event.current_buffer.insert_text("\n")

        @keys.add(Keys.ControlM)
        def _enter(event: Any) -> None:
            if self._more_keys(event):  # a paste or typing ahead: the answer goes on
                event.current_buffer.insert_text("\n")
            else:
                event.current_buffer.validate_and_handle()

        @keys.add(Keys.ControlI)  # Tab: no completion here, so the character itself
        def _tab(event: Any) -> None:
            event.current_buffer.insert_text("\t")

        # Cursor-position requests only serve completion menus, which are not used; without
        # them nothing waits on a terminal (or a test harness) that does not answer.
        os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
        self.session: Any = PromptSession(
            key_bindings=keys,
            enable_open_in_editor=True,
            input_processors=[TabsProcessor(char1=" ", char2=" ")],  # stops every 4 columns
            # Bytes that are not UTF-8 (a terminal in another encoding) could not be saved: the
            # answer stays in the field, with a note, until they are gone.
            validator=_utf8_only(),
            validate_while_typing=False,
        )

    def ask(self, prompt: str) -> str:
        """Read one answer (several lines when pasted or entered with Alt+Enter)."""
        if self._discard_typeahead():  # keys that did not wait for this question
            self.show(Text(t("as.typeahead"), style=YELLOW))
        return str(self.session.prompt(fit_prompt(prompt, self.width)))

    def _more_keys(self, event: Any) -> bool:
        """Whether more keys are already here, or come within :data:`BURST`, after an Enter."""
        if any(k.data != "_Flush" for k in event.key_processor.input_queue):
            return True
        try:
            fd = self.session.input.fileno()
            return bool(select.select([fd], [], [], BURST)[0])
        except (OSError, ValueError, NotImplementedError):  # no file to wait on (Windows consoles)
            return False

    def _discard_typeahead(self) -> bool:
        """Drop what was typed or pasted before a question appeared; ``True`` if anything was."""
        from prompt_toolkit.input.typeahead import clear_typeahead, get_typeahead  # as in __init__

        pending = bool(get_typeahead(self.session.input))
        clear_typeahead(self.session.input)
        try:
            import termios  # POSIX only
        except ImportError:  # no terminal driver to ask
            return pending
        try:
            fd = sys.stdin.fileno()
            waiting = bool(select.select([fd], [], [], 0)[0])
            termios.tcflush(fd, termios.TCIFLUSH)
        except (OSError, ValueError, termios.error):  # stdin is no terminal: nothing of its to drop
            return pending
        return pending or waiting

    @property
    def width(self) -> int:
        """The terminal's width now."""
        return self._width()

    def show(self, item: RenderableType | str) -> None:
        """Print to the terminal (ANSI text from a renderer is passed through untouched)."""
        if isinstance(item, str):
            self.console.file.write(item + "\n")
            self.console.file.flush()
        else:
            self.console.width = self.width
            self.console.print(item)


def fit_prompt(prompt: str, width: int) -> str:
    """A question as the line editor shows it on ``width`` columns.

    One that does not fit on a line beside the cursor is wrapped between words (the editor
    would cut words at the edge), keeping the space that separates it from the answer.
    """
    if len(prompt) < width:
        return prompt
    return "\n".join(wrap(prompt, width - 1)) + (" " if prompt.endswith(" ") else "")


def _utf8_only() -> Any:
    """A prompt_toolkit validator that refuses bytes that are not UTF-8, the cursor after the first."""
    from prompt_toolkit.validation import ValidationError, Validator  # see TerminalPrompter

    class Utf8Only(Validator):
        def validate(self, document: Any) -> None:
            at = first_undecoded(document.text)
            if at is not None:  # shown as "?": one Backspace removes it
                raise ValidationError(cursor_position=at + 1, message=t("as.not-utf8"))

    return Utf8Only()


class ScriptedPrompter:
    """Answers from a list, output collected as text (plain, or with colours): for tests and demonstrations."""

    def __init__(self, inputs: Iterable[str], width: int = 80, color: bool = False) -> None:
        self.inputs = list(inputs)
        self.color = color  # the colours a terminal would show, as escape codes in the text
        self.width = width
        self.transcript: list[str] = []

    def ask(self, prompt: str) -> str:
        """Take the next scripted line (``EOFError`` when the script is exhausted)."""
        self.transcript.append(prompt)
        if not self.inputs:
            raise EOFError
        value = self.inputs.pop(0)
        if value == "^C":
            raise KeyboardInterrupt
        self.transcript.append(value + "\n")
        return value

    def show(self, item: RenderableType | str) -> None:
        """Record what would be shown, as plain text."""
        if isinstance(item, str):
            self.transcript.append(item + "\n")
            return
        buffer = io.StringIO()
        console(Options(color=self.color, width=self.width), buffer).print(item)  # as the terminal's
        self.transcript.append(buffer.getvalue())

    @property
    def text(self) -> str:
        """Everything shown and typed so far."""
        return "".join(self.transcript)


# --- screens ---------------------------------------------------------------------------------------


def progress_line(q: Questionnaire) -> Text:
    """``Terjawab 12/47 · D1 10/10 · D2 2/10 · …`` (and the selection when it is a part)."""
    p = q.progress()
    line = Text(t("as.progress", answered=p.answered, total=p.total), style=BOLD)
    for code, done, total in p.groups:
        line.append(f" · {code} {done}/{total}", style=GREEN if done == total else "")
    if p.selected_total != p.total:
        line.append(" · " + t("as.progress.selection", answered=p.selected_answered, total=p.selected_total))
    return line


def _level_name(ind: Indicator, value: int) -> str:
    return level_label(ind.scale.level(value))


def _self_assessed(q: Questionnaire, ind: Indicator) -> list[str]:
    """At a later stage, the team's own level, shown beside the one being entered."""
    if q.stage == "mandiri":
        return []
    own = q.level(ind.id, "mandiri")
    return [t("as.self", level=level_text(own) if is_answered(own) else "–")]  # type: ignore[arg-type]


def _current_text(q: Questionnaire, ind: Indicator) -> Text:
    a = q.answer(ind.id)
    own = _self_assessed(q, ind)
    if a is None or not q.is_answered(ind.id):
        return Text(" · ".join([t("as.current.none"), *own]), style=DIM)
    level = q.level(ind.id)
    name = "" if isinstance(level, tuple) else f" {_level_name(ind, level)}"  # type: ignore[arg-type]
    parts = [t("as.current", level=f"{level_text(level)}{name}"), *own]  # type: ignore[arg-type]
    if a.fakta:
        parts.append(t("as.has.fakta"))
    if a.analisis:
        parts.append(t("as.has.analisis"))
    if a.bukti:
        parts.append(t("as.has.bukti", count=len(a.bukti)))
    return Text(" · ".join(parts), style=CYAN)


def screen(q: Questionnaire, ind: Indicator) -> RenderableType:
    """Everything needed to decide one indicator's level."""
    model = q.model
    where = []
    if ind.domain_id is not None:
        d = next(x for x in model.domains if x.id == ind.domain_id)
        where.append(f"D{d.id} {clean(d.name)}")
    a = next(x for x in model.aspects if x.id == ind.aspect_id)
    where.append(f"A{a.id} {clean(a.name)}")
    parts: list[RenderableType] = [Rule(escape(" › ".join(where)), style=DIM), progress_line(q)]
    title = Text()
    title.append(
        t(
            "as.indicator",
            id=ind.id,
            weight=pct(ind.weight, q.model.total_weight),
            pos=q.position + 1,
            count=len(q.selection),
        ),
        style=DIM,
    )
    title.append("\n")
    title.append(clean(ind.name), style=BOLD)
    parts.append(title)
    if ind.scope:
        parts.append(Text(t("as.scope", text=clean(pick(ind.scope))), style=ITALIC))
    if ind.items:
        parts.append(Text(t("as.items", names=clean("; ".join(ind.items)))))
    if ind.note:
        parts.append(Text(t("as.note", text=clean(pick(ind.note))), style=YELLOW))
    chosen = q.level(ind.id)  # levels per item (a tuple) mark no single level
    grid = Table.grid(padding=(0, 1))
    grid.add_column(**SHORT)
    grid.add_column(**SHORT)
    grid.add_column()
    for level in ind.scale.levels:
        text = ind.criteria.get(level.value) or level.description
        mark = "▸" if chosen == level.value else " "
        style = f"{BOLD} {CYAN}" if chosen == level.value else ""
        # Levels without an official name (5/2018) are shown by number alone.
        grid.add_row(
            Text(f"{mark}{level.value}", style=style),
            Text(clean(level.name or ""), style=style or BOLD),
            Text(clean(pick(text)), style=style),
        )
    parts.append(grid)
    parts.append(_current_text(q, ind))
    return Group(*parts)


def help_text(q: Questionnaire) -> RenderableType:
    """The list of commands."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(**SHORT, style=BOLD)
    grid.add_column()
    scale = q.current.scale  # the model's own scale (0-5 in 5/2018, 1-5 in 59/2020)
    for key in ("number", "enter", "clear", "s", "b", "g", "p", "r", "q", "help"):
        label, text = t(f"as.help.{key}", min=scale.min, max=scale.max).split("|", 1)
        grid.add_row(label, text)
    return Group(Text(t("as.help.title"), style=BOLD), grid, Text(t("as.help.note"), style=DIM))


def summary(q: Questionnaire, io_: Prompter) -> None:
    """Show the current index, predikat and per-domain table, and name what is unanswered."""
    scored = q.summary()
    if scored is None:
        io_.show(Text(t("as.summary.none"), style=YELLOW))
    else:
        batch = ScoreBatch(scored=[scored], failures=[], below=[], outcomes=[scored], single=True)
        io_.show(render_text(batch, Options(color=io_.color, width=io_.width)))
    missing = q.unanswered()
    if missing:
        io_.show(Text(t("as.unanswered", count=len(missing), ids=compact_ids(missing)), style=YELLOW))
        if scored is not None:
            high = scored.score_high
            assert high is not None
            io_.show(
                Text(
                    t(
                        "as.bounds",
                        low=num(scored.score.value, q.model.precision),
                        high=num(high.value, q.model.precision),
                        predikat=high.band.name,
                    ),
                    style=DIM,
                )
            )


# --- input -------------------------------------------------------------------------------------------


def _parse_level(raw: str, ind: Indicator) -> int | tuple[int, ...] | None:
    """A typed level (or one per item): ``None`` when it is not valid."""
    scale = ind.scale
    pieces = raw.replace(",", " ").split()
    if ind.items:
        if len(pieces) != len(ind.items):
            return None
        values = []
        for p in pieces:
            if not is_number(p) or not scale.min <= int(p) <= scale.max:
                return None
            values.append(int(p))
        return tuple(values)
    if len(pieces) == 1 and is_number(pieces[0]) and scale.min <= int(pieces[0]) <= scale.max:
        return int(pieces[0])
    return None


#: The actions that can be typed at the level question; their words are in the catalogues
#: (``as.word.<action>``) and are recognised in every language.
ACTIONS = ("quit", "back", "skip", "progress", "summary", "help")


def command_words() -> dict[str, str]:
    """Each command word (in any language) and the action it means."""
    return {word: action for action in ACTIONS for word in words(f"as.word.{action}")}


def _ask_level(q: Questionnaire, ind: Indicator, io_: Prompter) -> tuple[str, Any]:
    """Ask until a valid level or command is typed; return (action, value)."""
    current = q.level(ind.id) if q.is_answered(ind.id) else None
    default = t("as.default", value=level_text(current)) if current is not None else ""  # type: ignore[arg-type]
    key = "as.ask.items" if ind.items else "as.ask.level"
    prompt = t(key, min=ind.scale.min, max=ind.scale.max, count=len(ind.items), default=default)
    if q.stage != "mandiri":  # the team's own level, beside the prompt for the later stage's
        prompt = f"{_self_assessed(q, ind)[0]} › {prompt}"
    commands = command_words()
    while True:
        raw = io_.ask(prompt).strip()
        low = raw.lower()
        if raw == "":
            return ("keep", None)
        if "\n" in raw:  # several lines at once: a paste, never a level or a command
            io_.show(Text(t("as.several-lines", min=ind.scale.min, max=ind.scale.max), style=RED))
            continue
        if raw == "-":
            return ("clear", None)
        if low in commands:
            return (commands[low], None)
        for word in words("as.word.jump"):
            if low.startswith(word) and is_number(rest := low[len(word) :].strip()):
                return ("jump", int(rest))
        level = _parse_level(raw, ind)
        if level is not None:
            return ("level", level)
        key = "as.bad-items" if ind.items else "as.bad-level"
        io_.show(Text(t(key, value=clean(raw), min=ind.scale.min, max=ind.scale.max, count=len(ind.items)), style=RED))


class _AbandonedError(Exception):
    """The user gave up on a save that failed (the file broken by hand, or locked too long)."""


class _QuitError(Exception):
    """A quit word typed at a question: the session ends there (at a text, the text is not saved)."""


class _RedoError(Exception):
    """The person chose to answer the indicator again, starting from the version on disk."""


def saving(q: Questionnaire, io_: Prompter, action: Callable[..., Conflict | None], *args: Any, **kwargs: Any) -> None:
    """Run one save; when it fails, say why and offer to try again once the file is fixed.

    Nothing is written over a file that cannot be read: the user repairs it (in an editor, or
    by waiting for the other session) and presses Enter, or types q and keeps the answer by
    other means. The answer being saved is shown again so that it is never lost unseen. When
    someone else saved the indicator meanwhile, the person settles it (:func:`settle`).
    """
    while True:
        try:
            conflict = action(*args, **kwargs)
        except SpbeError as exc:
            for problem in exc.problems:
                io_.show(Text(format_problem(problem), style=RED))
            reply = io_.ask(t("as.ask.retry", path=q.path)).strip().lower()
            if reply in words("as.word.quit"):
                io_.show(Text(t("as.unsaved", value=clean(_unsaved(q, args, kwargs))), style=YELLOW))
                raise _AbandonedError() from None
            continue
        if conflict is not None:
            settle(q, io_, conflict)
        return


def _unsaved(q: Questionnaire, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """What a save that was given up would have written, to copy by hand."""
    given: list[str] = []
    for arg in args:
        if isinstance(arg, Conflict):  # keeping one's own version: all of it
            ind = q.model.by_id[arg.indicator]
            given += [str(arg.indicator)] + [f"{label}: {text}" for label, text in _fields(q, ind, arg.mine)]
        elif arg is not None:
            given.append(str(arg))
    given += [f"{k}: {'; '.join(map(bukti_label, v)) if isinstance(v, tuple) else v}" for k, v in kwargs.items()]
    return " · ".join(given)


def settle(q: Questionnaire, io_: Prompter, conflict: Conflict) -> None:
    """Show both versions of an indicator saved meanwhile by someone else, and let the person choose.

    Keep mine writes this session's version whole; take theirs keeps the saved one; edit keeps
    the saved one and asks the indicator again from the start (:class:`_RedoError`).
    """
    io_.show(conflict_view(q, conflict))
    while True:
        reply = io_.ask(t("as.ask.conflict")).strip().lower()
        if reply in words("as.word.mine"):
            saving(q, io_, q.keep_mine, conflict)
            return
        if reply in words("as.word.theirs"):
            q.take_theirs(conflict)
            io_.show(Text(t("as.conflict.kept-theirs"), style=YELLOW))
            return
        if reply in words("as.word.edit"):
            q.take_theirs(conflict)
            raise _RedoError()
        io_.show(Text(t("as.conflict.choose"), style=RED))


def _fields(q: Questionnaire, ind: Indicator, answer: Answer | None) -> list[tuple[str, str]]:
    """An answer's fields as (label, text), for showing two versions side by side."""
    if answer is None:
        return []
    level = answer.stage_level(q.stage)
    shown = level_text(level) if is_answered(level) else "–"  # type: ignore[arg-type]
    if isinstance(level, int) and ind.scale.min <= level <= ind.scale.max:
        shown += f" {_level_name(ind, level)}"
    rows = [(t("as.field.level"), shown)]
    rows += [(t(f"as.field.{name}"), text) for name in ("fakta", "analisis") if (text := getattr(answer, name))]
    if answer.bukti:
        rows.append((t("as.field.bukti"), "; ".join(bukti_label(b) for b in answer.bukti)))
    return rows


def conflict_view(q: Questionnaire, conflict: Conflict) -> RenderableType:
    """The saved version and this session's, each field in full; fields that differ marked."""
    ind = q.model.by_id[conflict.indicator]
    theirs, mine = dict(_fields(q, ind, conflict.theirs)), dict(_fields(q, ind, conflict.mine))
    parts: list[RenderableType] = [Text(t("as.conflict", id=conflict.indicator), style=f"{BOLD} {YELLOW}")]
    labels = 2 + max(len(label) for label in [*theirs, *mine, ""])  # both versions aligned alike
    for title, rows, other in (
        (t("as.conflict.theirs"), theirs, mine),
        (t("as.conflict.mine"), mine, theirs),
    ):
        parts.append(Text(title, style=BOLD))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(**SHORT, style=DIM, min_width=labels)
        grid.add_column()
        for label, text in rows.items():
            mark = "*" if other.get(label) != text else " "
            grid.add_row(f"{mark} {label}", Text(clean_lines(text)))  # in full: its lines as typed
        if not rows:
            grid.add_row("", Text(t("as.conflict.none"), style=DIM))
        parts.append(grid)
    parts.append(Text(f"* = {t('as.conflict.differs')}", style=DIM))
    return Group(*parts)


def _look(q: Questionnaire, io_: Prompter, ident: int | None = None) -> None:
    """Read the file again before a screen, so that it shows what is on disk now."""
    try:
        if ident is None:
            q.refresh()
        else:
            q.look(ident)
    except SpbeError:
        io_.show(Text(t("as.refresh-failed"), style=YELLOW))


def _ask_text(io_: Prompter, key: str, current: str | None) -> str | None:
    """Ask for a free text; ``None`` keeps the current value, ``""`` clears it.

    A quit word alone ends the session as it does at the level question (the hint says "q to
    stop" for the whole session): no fakta is a lone "q", and saving one would be a surprise.
    """
    shown = f" [{_short(current)}]" if current else ""
    raw = io_.ask(t(key, current=shown)).strip()
    if raw.lower() in words("as.word.quit"):
        raise _QuitError()
    if raw == "":
        return None
    if raw == "-":
        return ""
    return raw


def _short(text: str, limit: int = 40) -> str:
    one = clean(" ".join(text.split()))
    return one if len(one) <= limit else one[: limit - 1] + "…"


def _explain(q: Questionnaire, ind: Indicator, io_: Prompter) -> None:
    """Ask for fakta, analisis and bukti, saving each as soon as it is typed."""
    for field in ("fakta", "analisis"):
        answer = q.answer(ind.id)
        value = _ask_text(io_, f"as.ask.{field}", getattr(answer, field) if answer else None)
        if value is not None:
            saving(q, io_, q.set_answer, ind.id, **{field: value or None})
    answer = q.answer(ind.id)
    old = answer.bukti if answer else ()
    bukti = _ask_text(io_, "as.ask.bukti", "; ".join(bukti_label(b) for b in old))
    if bukti is not None:
        # One document per line of a paste, or separated by ";" on one line. A document named
        # again keeps what was recorded about it (number, date, SHA-256).
        known = {bukti_label(b): b for b in old}
        names = [b.strip() for b in bukti.replace("\n", ";").split(";") if b.strip()]
        saving(q, io_, q.set_answer, ind.id, bukti=tuple(known.get(name, name) for name in names))


def _confirm(io_: Prompter, question: str) -> bool:
    """A [Y/n] question: Enter or yes is True, no is False; anything else asks again."""
    while True:
        reply = io_.ask(question).strip().lower()
        if reply == "" or reply in words("as.word.yes"):
            return True
        if reply in words("as.word.no"):
            return False
        io_.show(Text(t("as.yes-or-no"), style=RED))


def _ask_meta(q: Questionnaire, io_: Prompter) -> None:
    instansi = io_.ask(t("as.ask.instansi")).strip() or None
    reg = q.model.regulation
    proposed = proposed_year(q.model, datetime.date.today().year)
    while True:
        raw = io_.ask(t("as.ask.tahun", year=proposed)).strip()
        if raw == "":
            tahun = proposed
            break
        year = read_year(raw)
        if year is not None:
            tahun = year
            break
        io_.show(Text(t("as.bad-year", value=raw, first=FIRST_YEAR, last=LAST_YEAR), style=RED))
    if not reg.covers(tahun):  # kept (the user may know better), but said at once
        end = reg.year_to or ""
        io_.show(Text(t("as.year-outside", year=tahun, model=q.model.id, start=reg.year_from, end=end), style=YELLOW))
    saving(q, io_, q.set_meta, instansi, tahun)


# --- the flow ----------------------------------------------------------------------------------------


def run(q: Questionnaire, io_: Prompter, explain: bool) -> str:
    """Walk the selected indicators until the end, ``q`` or end of input.

    Returns ``"done"``, ``"quit"`` or ``"interrupted"`` (Ctrl-C). Whatever happens, every answer
    given so far is already on disk.
    """
    try:
        return _run(q, io_, explain)
    except KeyboardInterrupt:
        io_.show("")
        # Only a session that saved something may say that its answers are saved.
        key = "as.interrupted" if q.saves or not q.created else "as.interrupted.nothing"
        io_.show(Text(t(key, path=q.path), style=YELLOW))
        return "interrupted"
    except _AbandonedError:
        io_.show(Text(t("as.abandoned", path=q.path), style=YELLOW))
        return "quit"
    except _QuitError:
        io_.show(Text(t("as.quit", path=q.path), style=DIM))
        return "quit"
    except EOFError:
        io_.show("")
        io_.show(Text(t("as.quit", path=q.path), style=DIM))
        return "quit"


def _act(q: Questionnaire, io_: Prompter, ind: Indicator, action: str, value: Any, explain: bool) -> bool | None:
    """Carry out what was typed at the level question.

    ``None``: move on to the next indicator; else stay on this one, redrawing it (``True``) or
    not (``False``: help, progress and the summary stay on screen right above the question they
    answer; redrawing the indicator after them would push them off a 24-line terminal).
    """
    if action == "back":
        if not q.back():
            io_.show(Text(t("as.at-start"), style=YELLOW))
        return True
    if action == "jump":
        if not q.jump(value):
            io_.show(Text(t("as.not-in-selection", id=value), style=YELLOW))
        return True
    if action in ("progress", "summary"):
        _look(q, io_)
        if action == "progress":
            io_.show(progress_line(q))
        else:
            summary(q, io_)
        return False
    if action == "help":
        io_.show(help_text(q))
        return False
    if action == "level":
        saving(q, io_, q.set_answer, ind.id, level=value)
        if explain and q.stage == "mandiri":  # fakta and analisis are the team's own
            _explain(q, ind, io_)
    if action == "clear":
        saving(q, io_, q.set_answer, ind.id, level=None)
        io_.show(Text(t("as.cleared", id=ind.id), style=YELLOW))
    return None  # "keep" (Enter) and "skip" leave the answer as it is


def _intro(q: Questionnaire, io_: Prompter) -> None:
    """What the session is about: a new file (then its agency and year), or where it resumes."""
    model = q.model
    if q.created:
        intro = t("as.intro.new", path=q.path, model=model.id, name=model.name, regulation=regulation(model))
        io_.show(Text(intro, style=BOLD))
        _ask_meta(q, io_)
    else:
        p = q.progress()
        io_.show(Text(t("as.intro.resume", path=q.path, answered=p.answered, total=p.total), style=BOLD))
        if q.first_unanswered() is None:
            io_.show(Text(t("as.all-done"), style=GREEN))
    note = status_note(model)
    if note:
        io_.show(Text(f"⚠ {note}", style=YELLOW))
    if q.stage != "mandiri":
        io_.show(Text(t("as.stage", stage=stage_name(q.stage)), style=f"{BOLD} {CYAN}"))
    io_.show(Text(t("as.help.hint"), style=DIM))


def _advance(q: Questionnaire, revisiting: bool) -> bool:
    """Move to the next indicator (among the skipped ones only, when revisiting); ``True`` at the end."""
    if not revisiting:
        return not q.next()
    following = q.next_unanswered()
    if following is None or following <= q.position:  # past the last skipped one
        return True
    q.position = following
    return False


def _at_end(q: Questionnaire, io_: Prompter) -> bool:
    """The end of the walk: the score so far; ``True`` to go back to the skipped indicators."""
    io_.show(Rule(style=DIM))
    first = q.first_unanswered()
    if first is None:
        io_.show(Text(t("as.done"), style=GREEN))
    _look(q, io_)
    summary(q, io_)
    # Skipped indicators remain: offer to go back to them rather than just stop.
    if first is not None and _confirm(io_, t("as.ask.revisit", count=len(q.unanswered(selected_only=True)))):
        q.position = first
        return True
    io_.show(Text(t("as.saved-in", path=q.path), style=DIM))
    return False


def _run(q: Questionnaire, io_: Prompter, explain: bool) -> str:
    _intro(q, io_)
    revisiting = False  # after "go back to the skipped ones": move from one skipped to the next
    redraw = True
    while True:
        ind = q.current
        if redraw:
            _look(q, io_, ind.id)
            io_.show(screen(q, ind))
        redraw = True
        try:
            action, value = _ask_level(q, ind, io_)
            if action == "quit":
                raise _QuitError()  # said where every quit is (run)
            stay = _act(q, io_, ind, action, value, explain)
        except _RedoError:  # answer this indicator again, from the version on disk
            continue
        if stay is not None:
            redraw = stay
            continue
        if _advance(q, revisiting):
            if not _at_end(q, io_):
                return "done"
            revisiting = True
