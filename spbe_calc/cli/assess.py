"""The interactive command: ``assess``."""

import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from spbe_calc.cli.app import command, is_terminal, options, terminal_width
from spbe_calc.cli.params import ModelOption, StageOption
from spbe_calc.errors import ExitCode, fail
from spbe_calc.questionnaire import Questionnaire, parse_id_list


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
