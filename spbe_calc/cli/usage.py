"""The framework's usage errors ("No such option", "Missing argument", ...) in the user's language.

The command-line framework raises its usage errors with English sentences and shows them
itself. :class:`spbe_calc.cli.app._Group` catches them instead and prints :func:`usage_text`:
the same layout (usage line, where to find help, the error), in the catalogue's words. The
exceptions are told apart by :func:`spbe_calc.cli.framework.usage_kind` and their attributes;
the few sentences that carry no attributes are recognised by their wording. Anything not recognised is shown as it came, so a
new framework message is never lost, only untranslated.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from spbe_calc.cli.framework import usage_kind
from spbe_calc.i18n import t
from spbe_calc.render.safe import clean

#: Framework sentences without attributes, and the catalogue key that says the same. Patterns are
#: compiled when first needed (``re`` keeps them): only a usage error needs them, not every start.
_SENTENCES = (
    (r"Option '(?P<name>[^']*)' requires an argument\.$", "cli.usage.needs-value"),
    (r"Option '(?P<name>[^']*)' requires (?P<count>\d+) arguments\.$", "cli.usage.needs-values"),
    (r"Option '(?P<name>[^']*)' does not take a value\.$", "cli.usage.takes-no-value"),
    # (the framework may have added its own "Did you mean ...?": ours replaces it)
    (r"No such command '(?P<name>[^']*)'\.", "cli.usage.no-such-command"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", "cli.usage.extra-arguments"),
    (r"(?P<value>'.*') is not a valid (?:integer|int)\.$", "cli.usage.not-integer"),
    (r"(?P<value>.*) is not in the range (?P<range>.*)\.$", "cli.usage.out-of-range"),
)


def _param_name(exc: Any) -> str:
    """How the user wrote (or should write) the parameter: ``--model`` or ``BERKAS``.

    ``exc`` is an error of one parameter's value: the framework names that parameter in it,
    for its own checks and for the errors our callbacks raise alike.
    """
    param = exc.param
    if param.param_type_name == "argument":
        return str(param.human_readable_name)  # its metavar (``BERKAS``), as the usage line shows it
    return str(max(param.opts, key=len))  # the long name (``--model``), as the help lists it


def _known_options(exc: Any) -> list[str]:
    """The long options of the command that was given an unknown one (``--help`` included)."""
    ctx = exc.ctx
    return [o for param in ctx.command.get_params(ctx) for o in param.opts if o.startswith("--")]


def _sentence(text: str) -> str:
    """A framework sentence in the catalogue's words (as it came when not recognised)."""
    for pattern, key in _SENTENCES:
        found = re.match(pattern, text, re.S)
        if found:  # what was typed, quoted, with its line breaks escaped as every control character
            return t(key, **{name: clean(value) for name, value in found.groupdict().items()})
    return text


def message(exc: Any, commands: list[str]) -> str:
    """What the framework's usage error ``exc`` says, translated.

    ``commands``: the command names, to suggest one for a mistyped command.
    """
    kind = usage_kind(exc)
    if kind == "no-such-option":
        name = exc.option_name
        close = difflib.get_close_matches(name, _known_options(exc))  # the closest first
        text = t("cli.usage.no-such-option", name=clean(name))
        return text + (" " + t("cli.usage.did-you-mean", name=close[0]) if close else "")
    if kind == "missing":
        # The framework names the kind only when told; else it is the parameter's own.
        kind_of_param = exc.param_type or exc.param.param_type_name
        key = "cli.usage.missing-argument" if kind_of_param == "argument" else "cli.usage.missing-option"
        return t(key, name=_param_name(exc))
    text = _sentence(exc.message)
    mistyped = re.match(_SENTENCES[3][0], exc.message)
    if mistyped:
        close = difflib.get_close_matches(mistyped["name"], commands)
        text += " " + t("cli.usage.did-you-mean", name=close[0]) if close else ""
    if kind == "bad-parameter":
        return f"{_param_name(exc)}: {text}"
    return text


def usage_text(exc: Any, commands: list[str]) -> str:
    """The whole message for a usage error: usage line, where help is, and what went wrong."""
    ctx = getattr(exc, "ctx", None)
    lines: list[str] = []
    if ctx is not None:
        usage = ctx.get_usage()  # "Usage: spbe-calc score [OPSI] BERKAS..."
        lines.append(t("cli.heading.usage") + usage[usage.index(":") :])
        lines.append(t("cli.usage.try-help", command=f"{ctx.command_path} -h"))
        lines.append("")
    lines.append(f"{t('cli.usage.error')}: {message(exc, commands)}")
    return "\n".join(lines)
