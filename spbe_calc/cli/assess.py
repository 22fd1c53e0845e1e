"""Starting and answering: ``init`` writes a new answers file, ``assess`` fills it in."""

import datetime
import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from spbe_calc.answers.read import FIRST_YEAR, LAST_YEAR, read_year
from spbe_calc.cli.app import command, is_terminal, options, say, terminal_width, warn_models
from spbe_calc.cli.params import ModelOption, StageOption
from spbe_calc.errors import ExitCode, SpbeError, fail
from spbe_calc.i18n import t
from spbe_calc.model import load_model
from spbe_calc.questionnaire import Questionnaire, parse_id_list
from spbe_calc.skeleton import init_file, proposed_year
from spbe_calc.typed import typed_text, undecoded_bytes


@command("init", help="help.init")
def init(
    file: Annotated[Path, typer.Argument(help="help.init.file", metavar="cli.metavar.file")] = Path("jawaban.yaml"),
    model: ModelOption = None,
    instansi: Annotated[
        Optional[str], typer.Option("--instansi", help="help.init.instansi", metavar="cli.metavar.text")
    ] = None,
    tahun: Annotated[Optional[str], typer.Option("--tahun", help="help.init.tahun", metavar="cli.metavar.year")] = None,
) -> ExitCode:
    """Write a new answers file listing every indicator, no level yet; asks what is missing on a terminal."""
    year = _year(tahun) if tahun is not None else None
    instansi = typed_text("--instansi", instansi) if instansi is not None else None
    asking = is_terminal(sys.stdin) and is_terminal(sys.stdout)
    if asking:  # Ctrl-C must stop the questions, even where SIGINT came in ignored (see assess)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if asking and instansi is None:
        instansi = _ask(t("as.ask.instansi")) or None
    if asking and year is None:
        this_year = datetime.date.today().year
        proposed = proposed_year(load_model(model), this_year) if model is not None else this_year
        while year is None:
            raw = _ask(t("as.ask.tahun", year=proposed))
            try:
                year = _year(raw) if raw else proposed
            except SpbeError:  # said, then asked again
                say(t("as.bad-year", value=raw, first=FIRST_YEAR, last=LAST_YEAR))
    started = init_file(file, model, instansi, year)
    warn_models([started.model])
    say(t("out.init.written", path=file, count=len(started.answers.answers), model=started.model.id))
    say(t("out.init.next", path=file))
    return ExitCode.OK


def _ask(question: str) -> str:
    """One answer typed at the terminal (the catalogue's question ends with its own colon).

    Asked again while it holds bytes that are not UTF-8: no file could hold them.
    """
    while True:
        # The question ends with its own colon and space; the framework adds its suffix after
        # it, so the space goes, and no default nor second colon is shown.
        answer: str = typer.prompt(question.rstrip(), default="", show_default=False, prompt_suffix=" ")
        shown = undecoded_bytes(answer)
        if shown is None:
            return answer.strip()
        say(t("as.not-utf8.typed", bytes=shown))


def _year(text: str) -> int:
    """A year given to ``--tahun`` (or typed): a number within the answers file's years."""
    year = read_year(text)
    if year is None:
        raise fail("--tahun", "bad-year-option", value=text, first=FIRST_YEAR, last=LAST_YEAR)
    return year


@command("assess", help="help.assess")
def assess(
    file: Annotated[Path, typer.Argument(help="help.assess.file", metavar="cli.metavar.file")] = Path("jawaban.yaml"),
    model: ModelOption = None,
    domain: Annotated[
        Optional[list[int]], typer.Option("--domain", help="help.assess.domain", metavar="cli.metavar.number")
    ] = None,
    aspect: Annotated[
        Optional[list[int]], typer.Option("--aspect", help="help.assess.aspect", metavar="cli.metavar.number")
    ] = None,
    indicators: Annotated[
        Optional[str], typer.Option("--indicators", "-i", help="help.assess.indicators", metavar="cli.metavar.ids")
    ] = None,
    no_explain: Annotated[bool, typer.Option("--no-explain", help="help.assess.no-explain")] = False,
    stage: StageOption = "mandiri",
) -> ExitCode:
    """Run the questionnaire in a terminal; every answer is saved the moment it is given."""
    if not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        raise fail("assess", "not-a-terminal")
    # The questionnaire draws with rich, whose import costs more than 10 ms; no other command
    # needs it, so it is imported here.
    from spbe_calc.interactive import TerminalPrompter, run

    # A process started in the background of a non-interactive shell inherits SIGINT as
    # ignored; at a terminal, Ctrl-C must interrupt the questionnaire (answers are saved).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ids = parse_id_list(indicators) if indicators else []
    q = Questionnaire.open(file, model, domain or [], aspect or [], ids, stage)
    outcome = run(q, TerminalPrompter(options().color, terminal_width), explain=not no_explain)
    return ExitCode.INTERRUPTED if outcome == "interrupted" else ExitCode.OK
