"""The command line: parse options, call the core, render, exit. Nothing else lives here.

Every command runs inside :func:`_funnel`, the single place where :class:`SpbeError` becomes a
message on stderr and an exit code, and where anything unexpected becomes a short "internal
error" line instead of a traceback. Data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import enum
import functools
import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from spbe_calc import __version__
from spbe_calc.errors import ExitCode, Problem, SpbeError
from spbe_calc.i18n import LANGUAGES, default_language, set_language, t

F = TypeVar("F", bound=Callable[..., Any])


class ScoreFormat(str, enum.Enum):
    """Output formats of ``score``."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    csv = "csv"


class DataFormat(str, enum.Enum):
    """Output formats of ``plan``, ``compare`` and ``models``."""

    text = "text"
    json = "json"


class SchemaKind(str, enum.Enum):
    """The file formats with a JSON Schema."""

    model = "model"
    answers = "answers"
    plan = "plan"


class ReportFormat(str, enum.Enum):
    """Output formats of ``validate``."""

    auto = "auto"
    text = "text"
    parsable = "parsable"
    json = "json"
    github = "github"


def _color(stream: Any) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _width(stream: Any) -> int:
    """Terminal width on a terminal; 80 columns when writing to a file or a pipe."""
    if getattr(stream, "isatty", lambda: False)():
        import shutil

        return max(60, shutil.get_terminal_size((80, 24)).columns)
    return 80


def _emit(text: str, err: bool = False) -> None:
    if text:
        typer.echo(text, err=err)


def _report(problems: list[Problem]) -> None:
    from spbe_calc.render.problems import format_problem

    color = _color(sys.stderr)
    for p in sorted(problems, key=lambda p: (p.path, p.line, p.col)):
        _emit(format_problem(p, color), err=True)


def _warn_models(models: list[Any]) -> None:
    """Say once per model used that it is provisional (its `warning:` line), on stderr."""
    from spbe_calc.core import model_warnings

    for line in model_warnings(models):
        _emit(f"spbe-calc: {line}", err=True)


def _funnel(func: F) -> F:
    """Run a command body, turning every failure into a message and a documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SpbeError as exc:
            _report(exc.problems)
            raise typer.Exit(int(exc.exit_code)) from None
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            _emit(t("out.interrupted"), err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head`); nothing left to say to it.
            raise typer.Exit(int(ExitCode.OK)) from None
        except Exception as exc:  # the last line of defence: no traceback for users
            if os.environ.get("SPBE_CALC_DEBUG"):
                raise
            _emit(f"spbe-calc: {t('out.internal-error', error=type(exc).__name__)}", err=True)
            raise typer.Exit(int(ExitCode.INTERNAL)) from None

    return wrapper  # type: ignore[return-value]


class _TranslatedHelp:
    """Mixin: the help page's own words come from the message catalogue too.

    The framework writes the section headings itself; they are swapped for the catalogue's on
    the finished page (only whole heading lines, so no user text can be touched).
    """

    _HEADINGS = ("Usage", "Arguments", "Options", "Commands")

    def get_help_option(self, ctx: Any) -> Any:
        """The framework's help option, with our text."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("cli.help-option")
        return option

    def get_help(self, ctx: Any) -> str:
        """The help page, with translated section headings."""
        lines = super().get_help(ctx).split("\n")  # type: ignore[misc]
        for n, line in enumerate(lines):
            for word in self._HEADINGS:
                if line.startswith(f"{word}:"):
                    line = t(f"cli.heading.{word.lower()}") + line[len(word):]
            # The framework's bracketed notes after an option's help.
            lines[n] = line.replace("[required]", f"[{t('cli.required')}]").replace(
                "[default: ", f"[{t('cli.default')}: ")
        return "\n".join(lines)


class _Command(_TranslatedHelp, TyperCommand):
    """Every subcommand."""


class _Group(_TranslatedHelp, TyperGroup):
    """The top-level group."""


# Options several commands share; called inside build_app() so their help is in the language
# chosen at that moment.


def _model_option() -> Any:
    return typer.Option(None, "--model", "-m", help=t("cli.model"), metavar=t("cli.metavar.model"))


def _partial_option() -> Any:
    return typer.Option(False, "--partial", help=t("help.score.partial"))


def _format_option(default: enum.Enum) -> Any:
    return typer.Option(default, "--format", "-f", help=t("cli.format"))


def _files_argument(default: Any, help_key: str) -> Any:
    return typer.Argument(default, help=t(help_key), show_default=False, metavar=t("cli.metavar.files"))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spbe-calc {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    """Build the Typer application; help texts use the language selected at that moment."""
    app = typer.Typer(
        cls=_Group,
        help=t("cli.help"),
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )

    @app.callback()
    def root(
        version: bool = typer.Option(False, "--version", help=t("cli.version"), callback=_version, is_eager=True),
        lang: Optional[str] = typer.Option(None, "--lang", help=t("cli.lang"), metavar="id|en"),
    ) -> None:
        if lang is not None:
            if lang not in LANGUAGES:
                raise typer.BadParameter(f"{lang} (id, en)", param_hint="--lang")
            set_language(lang)

    @app.command("score", cls=_Command, help=t("help.score"), no_args_is_help=True)
    @_funnel
    def score_cmd(
        files: list[Path] = _files_argument(..., "help.score.files"),
        model: Optional[str] = _model_option(),
        fmt: ScoreFormat = _format_option(ScoreFormat.text),
        detail: bool = typer.Option(False, "--detail", "-d", help=t("help.score.detail")),
        partial: bool = _partial_option(),
        fail_under: Optional[str] = typer.Option(None, "--fail-under", metavar="ANGKA|PREDIKAT",
                                                 help=t("help.score.fail-under")),
    ) -> None:
        from spbe_calc.answers import compact_ids
        from spbe_calc.core import score_batch
        from spbe_calc.render import score_renderer
        from spbe_calc.scoring import round_half_up

        run = score_batch([str(p) for p in files], model, partial, fail_under)
        for exc in run.failures:
            _report(exc.problems)
        for f in run.scored:
            if f.missing and f.score_high is not None:
                high = round_half_up(f.score_high.index, f.model.precision)
                _emit(t("out.partial", path=f.path, count=len(f.missing), ids=compact_ids(list(f.missing)),
                        high=f"{high} {f.score_high.band.name}"), err=True)
        _warn_models([f.model for f in run.scored])
        if run.scored:
            render = score_renderer(fmt.value)
            _emit(render(run.scored, detail=detail, color=_color(sys.stdout), single=run.count == 1,
                         width=_width(sys.stdout)))
        for f in run.below:
            _emit(t("out.below-bar", path=f.path, index=round_half_up(f.score.index, f.model.precision),
                    predikat=f.score.band.name, bar=fail_under), err=True)
        raise typer.Exit(int(run.exit_code()))

    @app.command("validate", cls=_Command, help=t("help.validate"))
    @_funnel
    def validate_cmd(
        files: Optional[list[Path]] = _files_argument(None, "help.validate.files"),
        model: Optional[str] = _model_option(),
        fmt: ReportFormat = _format_option(ReportFormat.auto),
        strict: bool = typer.Option(False, "--strict", help=t("help.validate.strict")),
    ) -> None:
        from spbe_calc.core import validate_exit_code, validate_file
        from spbe_calc.model import resolve_model_path
        from spbe_calc.render import problem_renderer

        if files:
            reports = [validate_file(str(p), model) for p in files]
        else:  # the bundled (or --model) model itself, shown by its name
            path, shown = resolve_model_path(model)
            reports = [validate_file(str(path), model, shown)]
        _warn_models([r.model for r in reports])
        name = fmt.value
        if name == "auto":
            name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        text = problem_renderer(name)(reports, color=_color(sys.stdout))
        _emit(text)
        code = validate_exit_code(reports, strict)
        if code:
            raise typer.Exit(int(code))

    @app.command("assess", cls=_Command, help=t("help.assess"))
    @_funnel
    def assess_cmd(
        file: Path = typer.Argument(Path("jawaban.yaml"), help=t("help.assess.file")),
        model: Optional[str] = _model_option(),
        domain: Optional[list[int]] = typer.Option(None, "--domain", help=t("help.assess.domain")),
        aspect: Optional[list[int]] = typer.Option(None, "--aspect", help=t("help.assess.aspect")),
        indicators: Optional[str] = typer.Option(None, "--indicators", "-i", help=t("help.assess.indicators")),
        no_explain: bool = typer.Option(False, "--no-explain", help=t("help.assess.no-explain")),
    ) -> None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise SpbeError([Problem("assess", 0, 0, "not-a-terminal")])
        import signal

        from spbe_calc.interactive import TerminalPrompter, run
        from spbe_calc.questionnaire import Questionnaire, parse_id_list

        # A process started in the background of a non-interactive shell inherits SIGINT as
        # ignored; at a terminal, Ctrl-C must interrupt the questionnaire (answers are saved).
        signal.signal(signal.SIGINT, signal.default_int_handler)

        ids = parse_id_list(indicators) if indicators else []
        q = Questionnaire.open(file, model, domain or [], aspect or [], ids)
        outcome = run(q, TerminalPrompter(_color(sys.stdout), _width(sys.stdout)), explain=not no_explain)
        if outcome == "interrupted":
            raise typer.Exit(130)

    @app.command("plan", cls=_Command, help=t("help.plan"), no_args_is_help=True)
    @_funnel
    def plan_cmd(
        file: Path = typer.Argument(..., help=t("help.file"), show_default=False, metavar=t("cli.metavar.file")),
        target: str = typer.Option(..., "--target", "-t", metavar="ANGKA|PREDIKAT", help=t("help.plan.target")),
        costs: Optional[Path] = typer.Option(None, "--costs", "-c", help=t("help.plan.costs")),
        model: Optional[str] = _model_option(),
        fmt: DataFormat = _format_option(DataFormat.text),
    ) -> None:
        from spbe_calc.bars import parse_bar
        from spbe_calc.core import score_file
        from spbe_calc.plan import make_plan, read_limits
        from spbe_calc.render import plan as render

        bar = parse_bar(target, "--target")
        scored = score_file(str(file), model)
        _warn_models([scored.model])
        limits = read_limits(str(costs), scored.model) if costs else None
        levels = {i.indicator.id: i.level for i in scored.score.indicators}
        result = make_plan(scored.model, levels, bar, limits)
        if fmt is DataFormat.json:
            _emit(render.render_json(result, str(file)))
        else:
            who = scored.answers.instansi or str(file)
            if scored.answers.tahun:
                who += f" ({scored.answers.tahun})"
            _emit(render.render_text(result, who, color=_color(sys.stdout), width=_width(sys.stdout)))
        if not result.reachable:
            raise typer.Exit(int(ExitCode.FINDINGS))

    @app.command("compare", cls=_Command, help=t("help.compare"), no_args_is_help=True)
    @_funnel
    def compare_cmd(
        files: list[Path] = _files_argument(..., "help.compare.files"),
        model: Optional[str] = _model_option(),
        partial: bool = _partial_option(),
        fmt: DataFormat = _format_option(DataFormat.text),
    ) -> None:
        from spbe_calc.compare import compare
        from spbe_calc.core import score_files
        from spbe_calc.render import compare as render

        if len(files) < 2:
            raise SpbeError([Problem("compare", 0, 0, "compare-needs-two")])
        scored = score_files([str(f) for f in files], model, partial)
        _warn_models([f.model for f in scored])
        result = compare(scored)
        if fmt is DataFormat.json:
            _emit(render.render_json(result))
        else:
            _emit(render.render_text(result, color=_color(sys.stdout), width=_width(sys.stdout)))

    @app.command("report", cls=_Command, help=t("help.report"), no_args_is_help=True)
    @_funnel
    def report_cmd(
        file: Path = typer.Argument(..., help=t("help.file"), show_default=False, metavar=t("cli.metavar.file")),
        output: Path = typer.Option(..., "--output", "-o", help=t("help.report.output")),
        previous: Optional[Path] = typer.Option(None, "--compare", help=t("help.report.compare")),
        model: Optional[str] = _model_option(),
        partial: bool = _partial_option(),
    ) -> None:
        from spbe_calc.core import score_file
        from spbe_calc.fsutil import atomic_write
        from spbe_calc.report import build_report

        suffix = output.suffix.lower()
        if suffix not in (".html", ".htm", ".md", ".markdown"):
            raise SpbeError([Problem(str(output), 0, 0, "report-format")])
        current = score_file(str(file), model, partial)
        before = score_file(str(previous), None, partial) if previous else None
        _warn_models([current.model])
        report = build_report(current, before)
        if suffix in (".html", ".htm"):
            from spbe_calc.render.report_html import render_html

            text = render_html(report)
        else:
            from spbe_calc.render.report_md import render_md

            text = render_md(report)
        atomic_write(output, text)
        _emit(t("out.written", path=output), err=True)

    @app.command("models", cls=_Command, help=t("help.models"))
    @_funnel
    def models_cmd(
        fmt: DataFormat = _format_option(DataFormat.text),
    ) -> None:
        from spbe_calc.core import bundled_model_infos
        from spbe_calc.render.models import render_json, render_text

        infos = bundled_model_infos()
        if fmt is DataFormat.json:
            _emit(render_json(infos))
        else:
            _emit(render_text(infos, color=_color(sys.stdout), width=_width(sys.stdout)))

    @app.command("schema", cls=_Command, help=t("help.schema"))
    @_funnel
    def schema_cmd(
        kind: SchemaKind = typer.Argument(..., help=t("help.schema.kind")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help=t("help.output")),
    ) -> None:
        from spbe_calc.fsutil import atomic_write
        from spbe_calc.schema import schema_text

        text = schema_text(kind.value)
        if output is None:
            _emit(text.rstrip("\n"))
        else:
            atomic_write(output, text)
            _emit(t("out.written", path=output), err=True)

    return app


def _lang_from_argv(argv: list[str]) -> str | None:
    """Find ``--lang`` early, so that even ``--help`` texts come out in that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main() -> None:
    """Console-script entry point.

    When the command is done, the process ends with ``os._exit`` after flushing stdout and
    stderr, skipping the interpreter's teardown of every imported module: that teardown alone
    took ~10 ms, a seventh of a ``score`` run. Nothing is lost by it: every file spbe-calc writes
    is closed (and fsync'ed) before the command returns. ``SPBE_CALC_NORMAL_EXIT=1`` keeps the
    ordinary exit (for coverage tools, which save their data at teardown).
    """
    lang = _lang_from_argv(sys.argv[1:])
    set_language(lang if lang in LANGUAGES else default_language())
    code: object = 0
    try:
        build_app()(prog_name="spbe-calc")
    except SystemExit as exc:
        code = exc.code
    if os.environ.get("SPBE_CALC_NORMAL_EXIT"):
        sys.exit(code)  # type: ignore[arg-type]
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if isinstance(code, str):
        print(code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass  # the reader went away or the stream is closed: nothing more to deliver
    os._exit(status)
