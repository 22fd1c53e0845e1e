"""Whole ``assess`` sessions, word for word, against a copy in ``tests/data/golden/assess/``.

The other tests of the questionnaire check what a session must do (the answer saved, the
question asked again); these check everything a person sees on the way: each screen, the help,
the progress line, the summary, both versions of a conflict, a failed save and what was not
saved. Each session is driven in this process with :class:`ScriptedPrompter` (what the terminal
tests in ``test_assess_terminal`` cannot give a mutation run); a step of the script may also act
as someone else would meanwhile (another session saving, the file broken and repaired by hand).
Each copy ends with the answers file as the session left it. A change meant to show is accepted
by writing the copies again and reading the difference::

    SPBE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_interactive_golden.py
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace

import pytest

from spbe_calc import interactive
from spbe_calc.i18n import set_language
from spbe_calc.interactive import ScriptedPrompter, run
from spbe_calc.questionnaire import Questionnaire

from .conftest import DATA, EXAMPLES
from .helpers import THIRDS, assert_as_kept

GOLDEN = DATA / "golden" / "assess"

Step = str | Callable[[], None]


class Session(ScriptedPrompter):
    """A scripted session whose script may also hold actions, done before the next question."""

    def __init__(self, script: Iterable[Step], width: int = 80, color: bool = False) -> None:
        super().__init__([], width, color)
        self.script = list(script)

    def ask(self, prompt: str) -> str:
        """Do the actions due, then answer with the next line of the script."""
        while self.script and not isinstance(self.script[0], str):
            action = self.script.pop(0)
            assert callable(action)
            action()
        step = self.script.pop(0) if self.script else None
        self.inputs = [step] if isinstance(step, str) else []
        return super().ask(prompt)


def _other_saves(path: Path, ident: int, **changes: object) -> Callable[[], None]:
    """Another session, opened now, saves ``changes`` to indicator ``ident``."""

    def save() -> None:
        assert Questionnaire.open(path, None, [], [], []).set_answer(ident, **changes) is None

    return save


def _replace_text(path: Path, text: str) -> Callable[[], None]:
    return lambda: path.write_text(text, encoding="utf-8")


def _copy(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "jawaban.yaml"
    shutil.copy(source, path)
    return path


def _new(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A new file of the bundled model: agency, year, every kind of answer and command."""
    script: list[Step] = ["Kabupaten Contoh", "dua ribu", "2019", "r", "b", "h", "9", "3\n4", "3"]
    script += [
        "Ada SK Bupati tentang SPBE nomor 1/2024.",
        "-",
        "SK 1/2024; Perbup 5/2023",
    ]  # indicator 1, 40 characters
    script += ["p", "r", "s"]  # indicator 2: progress, summary, skipped
    script += ["b", "g 47", "g 99", "5", "", "Kebijakan sudah ada tetapi belum dievaluasi secara berkala oleh tim"]
    script += ["Perbup 1/2024\nSK 2/2024"]  # documents pasted one per line
    script += ["mungkin", "", "-"]  # at the end: back to the skipped ones (Enter is yes), one cleared
    script += ["g 1", "4", "", "", "SK 1/2024", "q"]  # indicator 1 again: its texts offered to keep
    return tmp_path / "baru.yaml", {"model": "spbe-2020"}, script


def _stages(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """The assessors' stage of a file that has the team's own levels: no texts asked."""
    path = _copy(tmp_path, EXAMPLES / "tahap" / "kabupaten-contoh-2023.yaml")
    text = path.read_text(encoding="utf-8")
    text = text.replace("  4:\n    level: 3\n", "  4:\n    level: null\n")  # no level of the team's own
    text = text.replace("  5:\n    level: 3\n    tahap: {akhir: 3}\n", "  5:\n    level: null\n")  # nor any
    path.write_text(text, encoding="utf-8")
    return path, {"ids": [1, 2, 3, 4, 5], "stage": "akhir"}, ["g 1", "", "4", "-", "", "", "r", "n"]


def _conflict(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """Someone else saves each indicator while it is on screen: keep mine, take theirs, edit."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    script: list[Step] = [_other_saves(path, 1, level=1, fakta="Versi unit lain"), "4", "x", "m"]
    script += [_other_saves(path, 2, analisis="Catatan\ndua baris", bukti=("SK lain",)), "5", "t"]
    script += [_other_saves(path, 3, level=None), "1", "u", ""]
    return path, {"ids": [1, 2, 3], "explain": False}, script


def _refreshed(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """Each screen shows the file as it is now: what someone else saved (then changing it is no
    conflict), or that it cannot be read. A change made after the screen is a conflict, even when
    the file was read again since (the summary), and so is an indicator removed by hand."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    good = path.read_text(encoding="utf-8")
    # Saved by someone else after 1's screen, then read again by the summary: still a conflict.
    script: list[Step] = [_replace_text(path, "levels: [\n"), "p", _replace_text(path, good)]  # progress, unread
    script += [_other_saves(path, 1, level=1), "r", "4"]
    script += [_other_saves(path, 2, level=5, fakta="Disimpan sesi lain"), "m", "4"]  # before 2's screen
    script += [_replace_text(path, "levels: [\n"), "", _replace_text(path, good), ""]  # 4's screen, unread
    script += [_replace_text(path, good.replace("  5: 3\n", "")), "3", "t"]
    return path, {"ids": [1, 2, 3, 4, 5], "explain": False}, script


def _taken_from_nothing(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """The indicator removed by hand after its screen, and the saved version (none) taken: the
    texts are then asked with nothing to keep."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    removed = path.read_text(encoding="utf-8").replace("  5: 3\n", "")
    return path, {"ids": [5]}, [_replace_text(path, removed), "3", "t", "", "", "", "n"]


def _broken_documents(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """The documents' save fails and is given up: what was typed is shown, to copy by hand."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    return path, {"ids": [2]}, ["4", "", "", _replace_text(path, "levels: [\n"), "SK A; SK B", "q"]


def _broken(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """The file broken by hand during the session: repaired and saved, then given up."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    good = path.read_text(encoding="utf-8")
    script: list[Step] = [_replace_text(path, "levels: [\n"), "4", "", _replace_text(path, good), ""]
    script += [_replace_text(path, "levels: [\n"), "3", "q"]
    return path, {"ids": [1, 2], "explain": False}, script


def _broken_in_a_conflict(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """Keep mine chosen in a conflict while the file is broken, then given up: all of mine shown."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    script: list[Step] = [_other_saves(path, 1, level=2), "4", _replace_text(path, "levels: [\n"), "m", "q"]
    return path, {"ids": [1], "explain": False}, script


def _items_model(tmp_path: Path) -> Path:
    model = tmp_path / "butir.yaml"
    model.write_text(
        THIRDS.replace("{id: 1, name: Satu, weight: 1}", "{id: 1, name: Satu, weight: 1, items: [A, B, C]}").replace(
            "total_weight: 3}", "total_weight: 3, precision: 3}"
        ),
        encoding="utf-8",
    )
    return model


def _items(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A model of one's own whose first indicator has a level per item."""
    model = _items_model(tmp_path)
    script: list[Step] = ["", "", "?", "9", "1 2", "1 5 1", "", "", "", "2", "", "", "", "r", "s"]
    script += ["y", "s"]  # back to the skipped one, skipped again: the end again
    script += ["y", "g 1", "3,2,3", "", "", "", "2", "", "", ""]  # 1 changed, then the skipped one: all done
    return tmp_path / "j.yaml", {"model": str(model)}, script


def _items_incomplete(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A level per item with one item left out is no answer yet: no level is offered to keep."""
    _items_model(tmp_path)
    path = tmp_path / "j.yaml"
    path.write_text("model: butir.yaml\nlevels:\n  1: [3, null, 2]\n  2: 4\n", encoding="utf-8")
    return path, {"explain": False}, ["", "", "q"]


def _new_open_ended(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A new file of a model without a last year, for a year before its first."""
    return tmp_path / "baru.yaml", {"model": "pemdi-2026"}, ["Kota Contoh", "2019", "q"]


def _model_2018(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """The 2018 model (levels 0-5, some without a name), resumed, on a narrow terminal."""
    path = _copy(tmp_path, EXAMPLES / "kota-denpasar-2018.yaml")
    return path, {"ids": [1, 2], "explain": False}, ["0", "r", "p", "?", "q"]


def _interrupted(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """Ctrl-C at the fakta question: the level typed is saved already."""
    return _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml"), {}, ["2", "^C"]


def _interrupted_unchanged(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """Ctrl-C at the first question of a file that has answers: they are said to stay saved."""
    return _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml"), {}, ["^C"]


def _quit_at_a_text(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """q at the analisis question: the level and the fakta typed are saved, "q" is not."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    return path, {"ids": [2]}, ["4", "Perbup 12/2023 sudah ditetapkan", "q"]


def _documents_renamed(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """Documents typed again by name: a described one keeps its number, date and hash, a new
    name is added as a name, and one left out is gone."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    text = path.read_text(encoding="utf-8").replace(
        "  2: 3\n",
        "  2:\n    level: 3\n    bukti:\n"
        '      - {path: "dokumen/perbup.pdf", nomor: "12/2023", tanggal: "2023-05-02", sha256: "abababababababababababababababababababababababababababababababab"}\n'
        '      - "Notulen rapat"\n',
    )
    path.write_text(text, encoding="utf-8")
    return path, {"ids": [2]}, ["4", "", "", "Surat edaran 3/2024; dokumen/perbup.pdf"]


def _broken_before_the_year(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A new file that someone else writes, broken, while the year is typed: the agency and
    year wait for it to be repaired (by then it holds a level of theirs, which stays)."""
    path = tmp_path / "baru.yaml"
    script: list[Step] = ["Kota Contoh", _replace_text(path, "levels: [\n"), "2024"]
    script += [_replace_text(path, "model: spbe-2020\nlevels:\n  3: 2\n"), "", "q"]
    return path, {"model": "spbe-2020"}, script


def _broken_clearing(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A level cleared while the file is broken by hand, given up: the level stays."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    return path, {"ids": [2], "explain": False}, [_replace_text(path, "levels: [\n"), "-", "q"]


def _broken_at_the_end(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """The file broken by hand before the last indicator is skipped: the end says it could
    not be read again, and shows the score as this session last saw it."""
    path = _copy(tmp_path, EXAMPLES / "kabupaten-contoh-2022.yaml")
    return path, {"ids": [1, 2], "explain": False}, ["", _replace_text(path, "levels: [\n"), "s"]


def _draft_model(tmp_path: Path) -> tuple[Path, dict[str, object], list[Step]]:
    """A file of a model that is not final yet, ended by the end of input."""
    path = tmp_path / "pemdi.yaml"
    path.write_text("model: pemdi-2026\ninstansi: Kota Contoh\ntahun: 2026\nlevels:\n  1: 3\n", encoding="utf-8")
    return path, {}, ["", "2"]


SESSIONS: dict[str, Callable[[Path], tuple[Path, dict[str, object], list[Step]]]] = {
    "new.txt": _new,
    "new-en.txt": _new,
    "stages.txt": _stages,
    "conflict.txt": _conflict,
    "broken.txt": _broken,
    "broken-conflict.txt": _broken_in_a_conflict,
    "refreshed.txt": _refreshed,
    "refreshed.ansi": _refreshed,
    "taken-from-nothing.txt": _taken_from_nothing,
    "broken-documents.txt": _broken_documents,
    "items.txt": _items,
    "items.ansi": _items,
    "new-open-ended.txt": _new_open_ended,
    "items-incomplete.txt": _items_incomplete,
    "2018-40.txt": _model_2018,
    "interrupted.txt": _interrupted,
    "interrupted.ansi": _interrupted,
    "interrupted-unchanged.ansi": _interrupted_unchanged,
    "quit-at-a-text.ansi": _quit_at_a_text,
    "documents-renamed.txt": _documents_renamed,
    "broken-before-the-year.txt": _broken_before_the_year,
    "broken-clearing.txt": _broken_clearing,
    "broken-at-the-end.txt": _broken_at_the_end,
    "draft-model.txt": _draft_model,
    "conflict-40.txt": _conflict,  # a narrow terminal: the level names keep to their column
    # As a terminal shows them, colours included.
    "new.ansi": _new,
    "conflict.ansi": _conflict,
    "stages.ansi": _stages,
    "broken.ansi": _broken,
}


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_every_session_is_as_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path, options, script = SESSIONS[name](tmp_path)
    if name.endswith("-en.txt"):
        set_language("en")  # the conftest sets Indonesian back for the next test
    monkeypatch.chdir(tmp_path)  # the file named as a person in its folder would name it
    # The year proposed for a new file of a model without an end is this year's: kept fixed.
    today = datetime.date(2026, 12, 5)
    monkeypatch.setattr(interactive, "datetime", SimpleNamespace(date=SimpleNamespace(today=lambda: today)))
    q = Questionnaire.open(
        path.relative_to(tmp_path),
        options.get("model"),  # type: ignore[arg-type]
        [],
        [],
        options.get("ids", []),  # type: ignore[arg-type]
        options.get("stage", "mandiri"),  # type: ignore[arg-type]
    )
    width = 40 if name.endswith("-40.txt") else 80
    session = Session(script, width, color=name.endswith(".ansi"))
    outcome = run(q, session, explain=options.get("explain", True))  # type: ignore[arg-type]
    saved = path.read_text(encoding="utf-8") if path.exists() else "(no file)\n"
    got = f"[{outcome}]\n{session.text}\n--- {path.name} as saved ---\n{saved}".replace(str(tmp_path), "<tmp>")
    assert not session.script, "the session ended before its script"
    assert_as_kept(got, GOLDEN / name)
