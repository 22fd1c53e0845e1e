"""The message catalogues: one file per language, all with the same keys and placeholders.

Adding a language is adding one file under spbe_calc/i18n/; these tests fail when it lacks a
key, has one the reference (Indonesian) does not, or names other placeholders.
"""

from __future__ import annotations

import ast
import re
import string

import pytest

from spbe_calc.i18n import (
    DEFAULT,
    LANGUAGES,
    catalogue,
    default_language,
    is_key,
    pick,
    set_language,
    t,
    t_optional,
    words,
)

from .conftest import PACKAGE

SOURCE = PACKAGE
REFERENCE = catalogue(DEFAULT).MESSAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_languages_are_the_catalogue_files() -> None:
    files = {p.stem for p in (SOURCE / "i18n").glob("*.py") if p.stem != "__init__"}
    assert set(LANGUAGES) == files >= {"id", "en"}
    assert LANGUAGES[0] == "id"


#: The plural forms a catalogue may add to a key written as ``KEY|other`` (CLDR's names).
FORMS = ("zero", "one", "two", "few", "many")


def _counted(key: str) -> str | None:
    """The key a plural form belongs to (``n.files|one`` -> ``n.files``), or ``None``."""
    stem, bar, form = key.rpartition("|")
    return stem if bar and form in (*FORMS, "other") else None


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_every_language_has_every_key_with_the_same_placeholders(lang: str) -> None:
    messages = catalogue(lang).MESSAGES
    assert sorted(set(REFERENCE) - set(messages)) == [], f"{lang} lacks these keys"
    extra = sorted(k for k in set(messages) - set(REFERENCE) if f"{_counted(k)}|other" not in REFERENCE)
    assert extra == [], f"{lang} has keys Indonesian lacks"
    for key, text in messages.items():
        reference = REFERENCE.get(key) or REFERENCE[f"{_counted(key)}|other"]
        assert placeholders(text) == placeholders(reference), key
        assert text.strip(), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_are_chosen_by_the_count(lang: str) -> None:
    """Every counted key has its forms, and a count picks one (English: one for 1 only)."""
    module = catalogue(lang)
    counted = {_counted(k) for k in module.MESSAGES if _counted(k)}
    assert {"n.files", "problem.missing-indicators", "out.merge.written"} <= counted
    forms = {module.plural(n) for n in range(200)}
    assert forms <= {*FORMS, "other"}
    for key in counted:  # every form the language's rule can name is written for every counted key
        assert all(f"{key}|{form}" in module.MESSAGES for form in forms), key


def test_english_says_one_indicator_and_two_indicators() -> None:
    set_language("en")
    try:
        assert t("problem.missing-indicators", count=1, ids="5") == "1 indicator not answered: 5"
        assert t("problem.missing-indicators", count=2, ids="5-6") == "2 indicators not answered: 5-6"
        assert t("problem.missing-indicators", count=0, ids="") == "0 indicators not answered: "
        assert t("n.files", count=1) == "1 file" and t("n.files", count=3) == "3 files"
        assert "(s)" not in " ".join(v for v in catalogue("en").MESSAGES.values())
    finally:
        set_language("id")
    assert t("problem.missing-indicators", count=1, ids="5") == "1 indikator belum dijawab: 5"
    assert t("n.files", count=1) == "1 berkas"


def _literal_calls(func_names: set[str]) -> list[tuple[str, int, str, int]]:
    """(file, line, first string argument, its position) of calls to the named functions."""
    found = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in func_names:
                continue
            for n, arg in enumerate(node.args):
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((path.name, node.lineno, arg.value, n))
    return found


def test_every_literal_message_key_exists() -> None:
    keys = [(f, line, key) for f, line, key, n in _literal_calls({"t", "t_optional", "words"}) if n == 0]
    assert len(keys) > 100
    missing = [(f, line, key) for f, line, key in keys if key not in REFERENCE and f"{key}|other" not in REFERENCE]
    assert missing == []


def test_every_problem_code_has_a_message() -> None:
    """Codes given to fail(), ctx.add() and Problem() (the second string argument or later)."""
    calls = _literal_calls({"fail", "add", "Problem"})
    codes = {value for _, _, value, n in calls if n >= 1 and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+|[a-z]+", value)}
    codes -= {"error", "warning"}  # severities, not codes
    assert len(codes) > 40
    assert sorted(c for c in codes if f"problem.{c}" not in REFERENCE and f"problem.{c}|other" not in REFERENCE) == []


def test_help_and_metavar_keys_exist() -> None:
    """Declarations in cli/ name catalogue keys (help=..., metavar=...)."""
    keys = set()
    for path in (SOURCE / "cli").glob("*.py"):
        keys |= set(re.findall(r'(?:help|metavar|help_key)="([a-z][a-z.-]+)"', path.read_text(encoding="utf-8")))
        keys |= set(re.findall(r'files_argument\("([a-z.-]+)"\)', path.read_text(encoding="utf-8")))
    assert len(keys) > 20
    assert sorted(k for k in keys if k not in REFERENCE) == []


def test_command_words_in_both_languages() -> None:
    assert {"q", "keluar", "quit"} <= words("as.word.quit")
    assert {"y", "ya", "yes"} <= words("as.word.yes")
    set_language("en")
    assert t("as.word.quit") == "q, quit"
    set_language("id")
    assert t("as.word.quit") == "q, keluar"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("xx")


@pytest.mark.parametrize(("value", "lang"), [("en", "en"), (" EN ", "en"), ("id", "id"), ("fr", "id"), ("", "id")])
def test_the_language_variable_names_a_language_we_have(monkeypatch: pytest.MonkeyPatch, value: str, lang: str) -> None:
    monkeypatch.setenv("SPBE_CALC_LANG", value)
    assert default_language() == lang
    monkeypatch.delenv("SPBE_CALC_LANG")
    assert default_language() == "id"


def test_command_words_are_every_spelling_and_nothing_else() -> None:
    quit_words = {w.strip() for lang in LANGUAGES for w in catalogue(lang).MESSAGES["as.word.quit"].split(",")}
    assert words("as.word.quit") == quit_words and "" not in quit_words


def test_a_key_without_a_message_is_said_as_the_key_and_none_when_optional() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t_optional("no.such.key") is None and t_optional("no.such.key", count=2) is None


def test_a_count_that_is_no_whole_number_takes_the_other_form() -> None:
    set_language("en")
    assert t("n.files", count=1) == "1 file" and t("n.files", count="1") == "1 files"
    assert t("n.files", count=1.0) == "1.0 files"  # equal to 1, but not a whole count


def test_a_message_is_a_template_even_without_arguments() -> None:
    assert t("hint.yaml-syntax.unclosed-bracket") == "Tutup setiap '[' dengan ']' dan setiap '{' dengan '}'."


def test_a_message_called_without_arguments_has_no_placeholders() -> None:
    """t("key") with no arguments names a template that needs none (else it would fail to format)."""
    bare = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("t", "t_optional")):
                continue
            if len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant):
                bare.append((path.name, node.lineno, node.args[0].value))
    assert len(bare) > 50
    assert [(f, line, key) for f, line, key in bare if key in REFERENCE and placeholders(REFERENCE[key])] == []


def test_a_key_is_known_as_a_message_or_by_its_plural_forms() -> None:
    assert is_key("out.exact") and is_key("n.files") and not is_key("n.files|one-and-a-half")
    assert not is_key("no.such.key")


def test_a_model_text_is_taken_in_the_current_language_else_the_default_else_any() -> None:
    assert pick(None) == "" and pick("sama") == "sama" and pick({}) == ""
    assert pick({"id": "Indonesia", "en": "English"}) == "Indonesia"
    assert pick({"en": "English only"}) == "English only"
    set_language("en")
    assert pick({"id": "Indonesia", "en": "English"}) == "English"
    assert pick({"id": "Indonesia"}) == "Indonesia"
    assert pick({"fr": "Français", "id": "Indonesia"}) == "Indonesia"  # the default before any other
    assert pick({"fr": "Français", "id": ""}) == "Français"


def test_an_unknown_language_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"^xx$"):
        catalogue("xx")
