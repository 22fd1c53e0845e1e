"""The typer application, its help in the user's language, and the one error funnel.

Every command is a plain function in one of the sibling modules, registered with
:func:`command`. Its help texts are catalogue keys, translated when the command line is built
(after ``--lang`` is known). :func:`command` wraps the function in the funnel: the single place
where :class:`SpbeError` becomes messages on stderr and an exit code, where Ctrl-C becomes 130,
and where anything unexpected becomes a short "internal error" line instead of a traceback. The
CLI is the only layer that exits; data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import Any, Optional, TextIO

import typer

from spbe_calc import __version__
from spbe_calc.cli import completion, framework
from spbe_calc.cli.usage import usage_text
from spbe_calc.errors import ExitCode, Problem, SpbeError, capped, fail, os_failure
from spbe_calc.i18n import LANGUAGES, default_language, set_language, t, t_optional
from spbe_calc.model import Model
from spbe_calc.render import Options, status_notes
from spbe_calc.render.messages import format_problem
from spbe_calc.render.safe import guard

Command = Callable[..., ExitCode]


def _translated(text: Optional[str]) -> Optional[str]:
    """A catalogue key becomes its text in the current language; other text stays as it is."""
    return t_optional(text) or text if text else text


class _TranslatedHelp:
    """Mixin: help texts declared as catalogue keys, and the framework's own words, translated.

    Declarations name keys (``help="help.score"``); they are translated when the command object
    is built, which happens after ``--lang`` has been read. The framework writes the section
    headings itself; they are swapped for the catalogue's on the finished page (whole heading
    lines only, so no user text can be touched).
    """

    _HEADINGS = ("Usage", "Arguments", "Options", "Commands")
    help: Optional[str]
    params: list[Any]

    def _translate_declarations(self) -> None:
        self.help = _translated(self.help)
        for param in self.params:
            param.help = _translated(param.help)  # typer's arguments have help too, not only options
            param.metavar = _translated(param.metavar)

    def get_help_option(self, ctx: Any) -> Any:
        """The framework's help option, with our text."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("cli.help-option")
        return option

    def get_help(self, ctx: Any) -> str:
        """The help page, with translated section headings and notes."""
        lines = super().get_help(ctx).split("\n")  # type: ignore[misc]
        for n, line in enumerate(lines):
            for word in self._HEADINGS:
                if line.startswith(f"{word}:"):
                    line = t(f"cli.heading.{word.lower()}") + line[len(word) :]
            lines[n] = line.replace("[required]", f"[{t('cli.required')}]").replace(
                "[default: ", f"[{t('cli.default')}: "
            )
        return "\n".join(lines)


def _check_lang(ctx: Any, param: Any, value: Optional[str]) -> Optional[str]:
    """``--lang`` must name a catalogue (it was already applied by :func:`main`)."""
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(t("cli.bad-choice", value=value, choices=", ".join(LANGUAGES)))
    return value


class _Command(_TranslatedHelp, framework.Command):
    """Every subcommand: translated help, one metavar style, and ``--lang`` after the command too."""

    def __init__(self, **kwargs: Any) -> None:  # typer builds its commands with keywords only
        super().__init__(**kwargs)
        key = self.help  # every command is registered with its help's key
        self._translate_declarations()
        # The command list shows a short line of its own, never a description cut mid-sentence.
        self.short_help = t_optional(f"{key}.short")
        self.options_metavar = f"[{t('cli.metavar.options')}]"
        self.params.append(
            framework.Option(
                param_decls=["--lang"],
                help=t("cli.lang"),
                metavar="|".join(LANGUAGES),
                expose_value=False,
                callback=_check_lang,
            )
        )

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The usage line's pieces: required arguments bare, optional ones in brackets."""
        # The framework wraps required arguments in braces ({BERKAS}), a style of its own.
        return [p.removeprefix("{").removesuffix("}") for p in super().collect_usage_pieces(ctx)]


#: Each command and the module that defines it, in the order the help page lists them.
#: Only the module of the command being run is imported and built: importing every command's
#: module and building every command's options cost ~12 ms on each start (measured with
#: ``bench/run.py``), as much as scoring a file. This is click's documented "lazy group".
COMMANDS = {
    "init": "assess",
    "assess": "assess",
    "score": "score",
    "validate": "validate",
    "plan": "decide",
    "compare": "decide",
    "calibrate": "decide",
    "report": "decide",
    "peers": "decide",
    "merge": "team",
    "evidence": "team",
    "export": "sheet",
    "import": "sheet",
    "models": "info",
    "schema": "info",
}


class _Group(_TranslatedHelp, framework.CompletingGroup):
    """The top-level group: commands come from :data:`COMMANDS`, built when asked for."""

    def __init__(self, **kwargs: Any) -> None:  # typer builds its group with keywords only
        super().__init__(**kwargs)
        self._translate_declarations()
        self.options_metavar = f"[{t('cli.metavar.options')}]"
        self.subcommand_metavar = t("cli.metavar.command")
        self.params[1:1] = completion.options()

    def main(
        self,
        args: Optional[Sequence[str]] = None,
        prog_name: Optional[str] = None,
        complete_var: Optional[str] = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; the framework's usage errors are shown in the user's language."""
        run = functools.partial(
            super().main, args, prog_name, complete_var, windows_expand_args=windows_expand_args, **extra
        )
        if not standalone_mode:
            return run(standalone_mode=False)
        try:
            code = run(standalone_mode=False)
        except framework.UsageError as exc:
            if framework.is_help_request(exc):
                typer.echo(framework.help_page(exc), err=True)  # the help page, as asked for
            else:
                typer.echo(guard(usage_text(exc, list(COMMANDS)), False), err=True)
            sys.exit(ExitCode.BAD_INPUT)  # a usage error, or help shown for want of arguments
        except framework.Abort:
            typer.echo(t("out.interrupted"), err=True)
            sys.exit(ExitCode.INTERRUPTED)
        sys.exit(code)  # the code a command ended with (None: 0)

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command name, in help order."""
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command ``cmd_name``, registered by importing its module (``None`` if unknown)."""
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        importlib.import_module(f"{__package__}.{module}")
        return framework.command_from_info(app, framework.registered(app, cmd_name))


app = typer.Typer(
    cls=_Group,
    help="cli.help",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


# --- output ------------------------------------------------------------------------------------


def is_terminal(stream: TextIO | None) -> bool:
    """Whether a stream is an interactive terminal.

    ``None`` is a stream the process was started without (``>&-``): Python leaves it as ``None``.
    """
    return stream is not None and stream.isatty()


def terminal_width() -> int:
    """The terminal's width now (a resized window counts from the next screen on)."""
    return max(20, shutil.get_terminal_size().columns)  # 80 where there is no terminal


def options(detail: bool = False, stream: TextIO | None = None) -> Options:
    """Render options for a stream (stdout by default).

    Colour on a terminal unless NO_COLOR is set (https://no-color.org); the terminal's width
    there (however narrow: text wraps at word boundaries), 80 columns in a file or a pipe.
    """
    out = stream or sys.stdout
    terminal = is_terminal(out)
    width = terminal_width() if terminal else 80
    return Options(color=terminal and not os.environ.get("NO_COLOR"), width=width, detail=detail)


def emit(text: str, commands: bool = False) -> None:
    """Data, on stdout, made safe to show (:func:`spbe_calc.render.safe.guard`).

    ``commands``: the data is GitHub workflow commands on purpose (``validate -f github``).
    """
    if text:
        if sys.stdout is None:  # started with stdout closed (>&-): the data would vanish
            raise fail("stdout", "stdout-closed")
        try:
            typer.echo(guard(text, options().color, commands))
        except BrokenPipeError:
            raise  # the reader went away: handled by the funnel, silently
        except OSError as exc:  # a full disk, a closed or failing device: the user's to fix
            raise os_failure("stdout", "output-failed", exc) from None


def say(text: str) -> None:
    """A message for the user, on stderr (made safe to show, like data).

    A stderr that cannot be written (``2>/dev/full``) loses the message, never the exit code.
    """
    if text:
        with contextlib.suppress(OSError):
            typer.echo(guard(text, options(stream=sys.stderr).color), err=True)


def report(problems: list[Problem]) -> None:
    """Problems, one message each (with what to do), on stderr, in file order."""
    color = options(stream=sys.stderr).color
    # The same file named twice gives the same problems twice: each is said once.
    unique = {(p.path, p.line, p.col, p.code, repr(p.args)): p for p in problems}
    for p in sorted(capped(list(unique.values())), key=lambda p: (p.path, p.code == "more-problems", p.line, p.col)):
        say(format_problem(p, color))


def warn_models(models: list[Model | None], shown: bool = False) -> None:
    """Say once per model used that it is not official (its status note), on stderr.

    ``shown``: the data on stdout is read by a person and already says it (text, Markdown), so
    the terminal does not show it twice; after JSON, CSV or a written file it is said here too.
    """
    if shown:
        return
    for note in status_notes(m for m in models if m is not None):
        say(f"spbe-calc: ⚠ {note}")


# --- the funnel ----------------------------------------------------------------------------------


def _funnel(func: Command) -> Callable[..., None]:
    """Run a command, turning its result and every failure into a documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = func(*args, **kwargs)
        except SpbeError as exc:
            report(exc.problems)
            code = exc.exit_code
        except (KeyboardInterrupt, framework.Abort):  # Ctrl-C, or Ctrl-C / Ctrl-D at a prompt
            say(t("out.interrupted"))
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            # The reader went away (e.g. `| head`); nothing left to say to it.
            code = ExitCode.OK
        except Exception as exc:  # the last line of defence: no traceback for users
            if os.environ.get("SPBE_CALC_DEBUG"):
                raise
            say(f"spbe-calc: {t('out.internal-error', error=type(exc).__name__)}")
            code = ExitCode.INTERNAL
        if code:
            raise typer.Exit(int(code))

    return wrapper


def command(name: str, **settings: Any) -> Callable[[Command], Command]:
    """Register a command function under ``name``; its ``help`` is a catalogue key.

    The function itself is returned unchanged, so it can be called (and tested) as a plain
    function that returns an :class:`ExitCode` or raises :class:`SpbeError`.
    """

    def register(func: Command) -> Command:
        app.command(name, cls=_Command, **settings)(_funnel(func))
        return func

    return register


# --- the root: --version, --lang -----------------------------------------------------------------


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spbe-calc {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", help="cli.version", callback=_version, is_eager=True),
    lang: Optional[str] = typer.Option(
        None, "--lang", help="cli.lang", metavar="|".join(LANGUAGES), callback=_check_lang
    ),
) -> None:
    """Options that apply to every command (the language was already chosen by :func:`main`)."""


def lang_from_argv(argv: list[str]) -> str | None:
    """Find ``--lang`` before the command line is built, so that even help comes out in it."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main() -> None:
    """Console-script entry point: choose the language, run the command line, and end."""
    lang = lang_from_argv(sys.argv[1:])
    set_language(lang if lang in LANGUAGES else default_language())
    try:
        app(prog_name="spbe-calc")
    finally:
        # The process ends here, and every object it made lives until then. At shutdown the
        # collector walks all of them again (~10 ms a run, bench/run.py); frozen, they are
        # skipped. Exit handlers, finalizers and the flushing of stdout run as usual.
        gc.freeze()
