"""Helpers shared by several test modules (files, models and hostile inputs they build)."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.answers import Answers
from spbe_calc.model import Model, load_model

from .conftest import DATA, EXAMPLES, MAX_MEGABYTES, MAX_SECONDS, Run

MINI_TEXT = (DATA / "mini-model.yaml").read_text(encoding="utf-8")


def _model(write: Callable[..., Path], text: str) -> Model:
    # A file name of its own each time: models are loaded once per process and path.
    return load_model(str(write(f"m{next(_NAMES)}.yaml", text)))


_NAMES = itertools.count()


def examples(wanted: int) -> int:
    """How many examples a property test tries: ``wanted``, capped by ``SPBE_TEST_EXAMPLES`` if set.

    Mutation testing reruns a module's tests for every mutant, and a mutant that the properties
    catch is nearly always caught by their first few examples; the cap keeps such a run within
    hours (CONTRIBUTING, "Mutation testing"). The ordinary run and CI use the full number.
    """
    cap = os.environ.get("SPBE_TEST_EXAMPLES")
    return min(wanted, int(cap)) if cap else wanted


def _bands(text: str) -> str:
    start = MINI_TEXT.index("predikat:")
    end = MINI_TEXT.index("domains:")
    return MINI_TEXT[:start] + text + MINI_TEXT[end:]


#: A model whose indicators use two scales: 1-5 for indicator 1, 0-3 for indicator 2.
TWO_SCALES = (DATA / "model-two-scales.yaml").read_text(encoding="utf-8")

_NOTHING = Answers("j.yaml", None, None, None, {})

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"

#: Nias Barat's published 2023 and 2024 rows, rebuilt as answers files (tests/data/README.md).
NIAS = {year: str(DATA / f"nias-barat-{year}.yaml") for year in (2023, 2024)}
#: The example kabupaten's years with stages (examples/tahap/).
TAHAP = EXAMPLES / "tahap"
T21, T22, T23 = (str(TAHAP / f"kabupaten-contoh-{y}.yaml") for y in (2021, 2022, 2023))

#: Level 3 for each of the bundled model's 47 indicators.
ALL3 = dict.fromkeys(range(1, 48), 3)

EX21 = str(EXAMPLES / "kabupaten-contoh-2021.yaml")

EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")

DPS = str(EXAMPLES / "kota-denpasar-2018.yaml")

Write = Callable[..., Path]

#: A model of aspects only whose weights are thirds: 1, 1, 2 give the index 4/3.
THIRDS = (DATA / "model-thirds.yaml").read_text(encoding="utf-8")

EX22_PATH = EXAMPLES / "kabupaten-contoh-2022.yaml"

#: The nastiest strings of each family: terminal control (OSC 52 clipboard, clear screen, bell,
#: carriage return), bidirectional override, line separators, GitHub workflow commands (new and
#: old syntax), HTML and Markdown (script, javascript: link, table pipe), spreadsheet formulas.
NASTY = (
    "\x1b]52;c;ZXZpbA==\x07\x1b[2J\rA\u202eB\u2028C\x85D\n"
    "::add-mask::secret\n  ::error file=x::forged\n##[group]old\n"
    "<script>alert(1)</script> [klik](javascript:alert(1)) | pipa"
)


def _nasty_answers(write: Callable[..., Path], instansi: str, name: str = "a.yaml") -> Path:
    text = EX22_PATH.read_text(encoding="utf-8").replace(
        "instansi: Pemerintah Kabupaten Contoh", f"instansi: {json.dumps(instansi)}"
    )
    return write(name, text)


def _no_raw_controls(out: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", out), repr(out[:200])


def _no_workflow_commands(out: str) -> None:
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


HEAD = 'model: spbe-2020\ninstansi: "Kabupaten Uji"\ntahun: 2024\nlevels:\n'


def _within_bounds(result: object) -> None:
    assert result.seconds < MAX_SECONDS, result  # type: ignore[attr-defined]
    assert result.megabytes < MAX_MEGABYTES, result  # type: ignore[attr-defined]


def _workbook(run: Run, tmp_path: Path) -> Path:
    book = tmp_path / "lke.xlsx"
    assert run("export", str(EX22_PATH), "-o", str(book)).exit_code == 0
    return book


SECRET = "root:$6$rahasia$HASHHASHHASH:19000:0:99999:7:::"


def _answers(folder: Path, extra: str = "", model: str = "spbe-2020") -> Path:
    """The example's answers in ``folder``, its model reference and indicator 2's bukti replaced."""
    shutil.copy(EXAMPLES / "logo-contoh.svg", folder)
    text = EX22_PATH.read_text(encoding="utf-8").replace("model: spbe-2020", f"model: {json.dumps(model)}", 1)
    if extra:
        text = text.replace("\n  2: 3\n", f"\n  2: {{level: 3, bukti: {extra}}}\n", 1)
    path = folder / "jawaban.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _secret(tmp_path: Path) -> Path:
    """A file outside the answers' folder, shaped like /etc/shadow (a YAML mapping of secrets)."""
    outside = tmp_path / "rumah"
    outside.mkdir()
    secret = outside / "shadow"
    secret.write_text(f"root: {json.dumps(SECRET)}\ndaemon: x\n", encoding="utf-8")
    return secret


def chromium() -> str | None:
    """The Chromium on this machine; with SPBE_REQUIRE_BROWSER set (CI), its absence fails the test."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("SPBE_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required here (SPBE_REQUIRE_BROWSER is set) but was not found")
    return None


def assert_as_kept(got: str, kept: Path) -> None:
    """``got`` is word for word the copy kept in ``kept`` (``tests/data/golden/``).

    With ``SPBE_UPDATE_GOLDEN`` set, the copy is written first: a change meant to show is accepted
    by writing the copies again and reading the difference in review.
    """
    if os.environ.get("SPBE_UPDATE_GOLDEN"):
        kept.parent.mkdir(exist_ok=True)
        kept.write_bytes(got.encode("utf-8"))
    assert got == kept.read_bytes().decode("utf-8"), f"{kept.name}: SPBE_UPDATE_GOLDEN=1 writes it again"
