r"""Text from files is shown, never obeyed: control characters are escaped wherever they appear.

Names, agency names, answers' texts and file names all come from files anyone can change in a
pull request. Shown raw, an escape sequence could clear a terminal, rewrite its title or clipboard
(OSC 52), or a line could become a GitHub workflow command (``::add-mask::``, ``::error``). So:

- :func:`clean` escapes every control character in a piece of text before it is laid out
  (:func:`clean_lines`: but line breaks and tabs, for a text shown in full);
- :func:`guard` is applied to everything spbe-calc writes (by the CLI): it escapes any control
  character left (keeping line breaks, tabs and, when colour is on, spbe-calc's own colour codes)
  and neutralises lines that a CI runner would read as a command.

Escapes are written ``\uXXXX``, which reads plainly in text and is a valid escape inside JSON, so
JSON output stays valid and decodes to the original text.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
#: overrides and isolates (which reorder what a reader sees).
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_ANY_CONTROL = re.compile(f"[{_CONTROL}]")
#: The same but line feed and tab, which a layout holds.
_LAYOUT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: spbe-calc's own colour codes (SGR), kept when colour is on.
_COLOUR = re.compile("\x1b\\[[0-9;]*m")
#: Lines a GitHub Actions runner reads as a command: ``::name ...::`` (after leading blanks) and
#: the older ``##[name]`` anywhere in a line.
_WORKFLOW_COMMAND = re.compile(r"^(\s*):(?=:)|##\[", re.MULTILINE)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def clean(text: str) -> str:
    """A piece of text (a name, a path, a value) with every control character escaped."""
    return _ANY_CONTROL.sub(_escape, text)


def clean_lines(text: str) -> str:
    """A text of several lines (a fakta, an analisis) escaped as by :func:`clean`, but for tabs and line breaks.

    Kept, they let the text read as it was typed.
    """
    return _LAYOUT_CONTROL.sub(_escape, text)


def guard(output: str, color: bool = False, commands: bool = False) -> str:
    """Output made safe to show.

    Control characters are escaped, but line feeds, tabs and, with ``color``, our colour codes;
    and no line is left that a CI runner would take for a workflow command, unless ``commands``
    says the output is made of such commands on purpose (``validate -f github``), with its data
    escaped the runner's way.
    """
    if color:
        parts = _COLOUR.split(output)
        codes = _COLOUR.findall(output)
        escaped = [_LAYOUT_CONTROL.sub(_escape, part) for part in parts]
        output = "".join(p + c for p, c in zip(escaped, [*codes, ""]))
    else:
        output = _LAYOUT_CONTROL.sub(_escape, output)
    # Most output holds neither "::" nor "##[": a substring search (3 ms for a 2.5 MB batch)
    # spares the line-by-line pattern (22 ms for the same batch; measured, bench/run.py batch).
    if commands or ("::" not in output and "##[" not in output):
        return output
    # The replacements are escapes too (``\u003a`` is ':', ``\u0023`` is '#'): valid inside JSON.
    return _WORKFLOW_COMMAND.sub(lambda m: "#\\u0023[" if m.group() == "##[" else f"{m.group(1)}\\u003a", output)
