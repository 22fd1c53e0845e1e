"""Every output format of every command, word for word, against a copy in ``tests/data/golden/``.

The other tests of the renderers check what each output must say (a rank, a predikat, a
column); these check that nothing else changed unseen: a heading, a separator, a unit, an
escaped character, the order of the parts. A change meant to show is accepted by writing the
copies again and reading the difference in review::

    SPBE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_golden.py

The files are named by the command and the format; the paths in them are relative to the
project (``merge --prefer latest`` is left out: which copy is latest depends on the checkout's
file times). Output to a pipe is 80 columns wide and has no colour; the ``.ansi`` copies are what a
terminal of 100 columns (``-40``: 40 columns) shows, colours included. A report's date of making is kept as
``<tanggal>``.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path

import pytest

from .conftest import DATA, ROOT, Run
from .helpers import assert_as_kept

GOLDEN = DATA / "golden"
EX21, EX22 = "examples/kabupaten-contoh-2021.yaml", "examples/kabupaten-contoh-2022.yaml"
DPS, PLAN = "examples/kota-denpasar-2018.yaml", "examples/rencana-2023.yaml"
#: A report against an earlier year with an indicator not yet answered.
PARTIAL_EARLIER = [
    "report",
    "tests/data/sepertiga/kalibrasi.yaml",
    "--compare",
    "tests/data/sepertiga/sebagian-2025.yaml",
    "--partial",
    "--allow-other-instansi",
]
T21, T22, T23 = (f"examples/tahap/kabupaten-contoh-{y}.yaml" for y in (2021, 2022, 2023))
#: A file with problems of several kinds, for the formats of ``validate``.
BAD = "tests/corpus/a-answer-unknown-field.yaml"
#: Names with a per cent sign, a comma, a colon, a line break and a dash, and several problems.
HOSTILE = "tests/data/aneh.yaml"
#: More problems than are said about one file.
MANY = "tests/data/banyak-masalah.yaml"
#: Units' copies that disagree on every kind of field.
SALINAN = "tests/data/salinan"
#: No instansi, no tahun, an indicator not answered, a model of aspects only shown to three decimals.
THIRDS = "tests/data/sepertiga/tanpa-nama.yaml"
#: The same, later and complete, and what raising its levels costs (Baik within reach, 3.5 not).
THIRDS_LATER, THIRDS_PLAN = "tests/data/sepertiga/lengkap.yaml", "tests/data/sepertiga/rencana.yaml"

#: name -> the command's arguments (stdout is compared; for ``-o``, the file written)
CASES: dict[str, list[str]] = {
    "score.txt": ["score", EX22],
    "score-detail.txt": ["score", "-d", EX22],
    # Two files with -d: the ranking, then each file's table. Two models: their predikat counted
    # in the order of the first file's model.
    "score-two-detail.txt": ["score", "-d", "tests/data/sepertiga/tahun-2021.yaml", EX22],
    "score-two.md": ["score", "-f", "markdown", "tests/data/sepertiga/tahun-2021.yaml", EX22],
    "score-detail.md": ["score", "-d", "-f", "markdown", EX22],
    "score-detail.csv": ["score", "-d", "-f", "csv", EX22],
    "score-detail.json": ["score", "-d", "-f", "json", EX22],
    "score-folder.txt": ["score", "examples/tahap", "--fail-under", "Baik"],
    "score-folder.jsonl": ["score", "-f", "jsonl", "examples/tahap"],
    "score-folder.md": ["score", "-f", "markdown", "examples/tahap"],
    "score-folder.csv": ["score", "-f", "csv", "examples/tahap"],
    # Every example: two models, copies of one agency and year, a tie, partial copies, a plan file.
    "score-examples.txt": ["score", "--partial", "examples"],
    "score-examples.md": ["score", "--partial", "-f", "markdown", "examples"],
    "score-examples.csv": ["score", "--partial", "-f", "csv", "examples"],
    "score-examples-en.txt": ["--lang", "en", "score", "--partial", "examples"],
    "score-published.txt": ["score", "-d", T21],
    "score-published.md": ["score", "-d", "-f", "markdown", T21],
    "score-akhir.txt": ["score", "-d", "--stage", "akhir", T23],
    "score-2018.txt": ["score", "-d", DPS],
    "score-en.txt": ["--lang", "en", "score", "-d", EX22],
    "score-2018.md": ["score", "-d", "-f", "markdown", DPS],
    "score-akhir.md": ["score", "-d", "-f", "markdown", "--stage", "akhir", T23],
    "score-partial.md": ["score", "-d", "-f", "markdown", "--partial", "tests/corpus/a-missing-indicator.yaml"],
    "score-partial.txt": ["score", "-d", "--partial", "tests/corpus/a-missing-indicator.yaml"],
    "score-banding.md": ["score", "-d", "-f", "markdown", "tests/data/nias-barat-2024.yaml"],
    "score-banding.txt": ["score", "-d", "tests/data/nias-barat-2024.yaml"],
    "score-banding-2023.txt": ["score", "tests/data/nias-barat-2023.yaml"],
    "score-published-parts.md": ["score", "-d", "-f", "markdown", "tests/data/terbit-bagian.yaml"],
    "score-published-parts.txt": ["score", "-d", "tests/data/terbit-bagian.yaml"],
    "score-published-parts.json": ["score", "-d", "-f", "json", "tests/data/terbit-bagian.yaml"],
    "score-thirds.txt": ["score", "-d", "--partial", THIRDS],
    "score-thirds.md": ["score", "-d", "--partial", "-f", "markdown", THIRDS],
    "score-thirds.csv": ["score", "-d", "--partial", "-f", "csv", THIRDS],
    "score-thirds.json": ["score", "-d", "--partial", "-f", "json", THIRDS],
    "score-thirds-en.txt": ["--lang", "en", "score", "-d", "--partial", THIRDS],
    "score-thirds-short.txt": ["score", "--partial", THIRDS],
    # Levels from three stages at the final stage, and an index of exactly 3 (nothing beside it).
    "score-stages-mixed.txt": ["score", "--stage", "akhir", "tests/data/sepertiga/tahap.yaml"],
    "score-stages-mixed.md": ["score", "-f", "markdown", "--stage", "akhir", "tests/data/sepertiga/tahap.yaml"],
    # A published result under a reconstructed model: the published numbers carry no warning.
    "score-published-2018.md": ["score", "-f", "markdown", "tests/data/terbit-2019.yaml"],
    "score-published-2018.json": ["score", "-f", "json", "tests/data/terbit-2019.yaml"],
    "score-published-2018.csv": ["score", "-f", "csv", "tests/data/terbit-2019.yaml"],
    "score-published-no-source.txt": ["score", "-d", "tests/data/terbit-tanpa-sumber.yaml"],
    "score-published-no-source.md": ["score", "-d", "-f", "markdown", "tests/data/terbit-tanpa-sumber.yaml"],
    "score-thirds.jsonl": ["score", "-d", "--partial", "-f", "jsonl", THIRDS],
    # An instansi with line breaks and a pipe, alone and in a table of two files.
    "score-names.md": ["score", "-f", "markdown", "tests/data/sepertiga/nama-aneh.yaml"],
    "score-names-two.md": ["score", "-f", "markdown", "tests/data/sepertiga/nama-aneh.yaml", THIRDS_LATER],
    "score-names.txt": ["score", "tests/data/sepertiga/nama-aneh.yaml", THIRDS_LATER],
    # The model named is not there (refused like a hostile file): its problem, of another file, first.
    "score-hostile-model.json": ["score", "-f", "json", "tests/data/sepertiga/model-hilang.yaml"],
    "validate.txt": ["validate", BAD, EX22, PLAN],
    "validate-parsable.txt": ["validate", "-f", "parsable", BAD],
    "validate-github.txt": ["validate", "-f", "github", BAD],
    "validate.json": ["validate", "-f", "json", BAD, EX22],
    "validate-unicode.json": ["validate", "-f", "json", "tests/data/kunci-asing.yaml"],
    "validate-incomplete.txt": ["validate", "tests/corpus/a-missing-indicator.yaml"],
    # The YAML reader's reason in our words (and the other one in its own, with our hint).
    "validate-syntax.txt": [
        "validate",
        "tests/corpus/a-syntax-unclosed-flow.yaml",
        "tests/corpus/a-syntax-bad-indent.yaml",
    ],
    "validate-hostile.txt": ["validate", HOSTILE],
    "validate-hostile-github.txt": ["validate", "-f", "github", HOSTILE],
    "validate-hostile-parsable.txt": ["validate", "-f", "parsable", HOSTILE],
    "validate-hostile.json": ["validate", "-f", "json", HOSTILE],
    "score-hostile.json": ["score", "-f", "json", HOSTILE],
    "score-hostile.jsonl": ["score", "-f", "jsonl", HOSTILE, EX22],
    "score-hostile.md": ["score", "-f", "markdown", HOSTILE],
    "plan.txt": ["plan", EX22, "-t", "Baik"],
    "plan-costs.txt": ["plan", EX22, "-t", "3.0", "--costs", PLAN],
    "plan.json": ["plan", EX22, "-t", "Baik", "-f", "json"],
    "plan-en.txt": ["--lang", "en", "plan", EX22, "-t", "Sangat Baik"],
    "plan-met.txt": ["plan", EX22, "-t", "Cukup"],
    "plan-met.json": ["plan", EX22, "-t", "2.0", "-f", "json"],
    "plan-costs.json": ["plan", EX22, "-t", "3.0", "--costs", PLAN, "-f", "json"],
    "plan-2018.txt": ["plan", DPS, "-t", "Baik"],
    "plan-items.txt": ["plan", DPS, "-t", "4.2"],
    # The step that reaches 2.6 enters Baik too: both notes on its line.
    "plan-edge.txt": ["plan", EX22, "-t", "2.6"],
    "plan-akhir.txt": ["plan", T23, "-t", "Sangat Baik", "--stage", "akhir"],
    "plan-thirds.txt": ["plan", THIRDS_LATER, "-t", "Baik", "--costs", THIRDS_PLAN],
    "plan-thirds.json": ["plan", THIRDS_LATER, "-t", "Baik", "--costs", THIRDS_PLAN, "-f", "json"],
    "plan-thirds-unreachable.txt": ["plan", THIRDS_LATER, "-t", "3.5", "--costs", THIRDS_PLAN],
    "plan-rounded.txt": ["plan", "tests/data/nias-barat-2024.yaml", "-t", "Cukup", "--banding", "rounded"],
    "compare.txt": ["compare", EX21, EX22],
    "compare.json": ["compare", "-f", "json", EX21, EX22],
    "compare-stages.txt": ["compare", T21, T22, T23],
    "compare-en.txt": ["--lang", "en", "compare", EX21, EX22],
    "compare-models.txt": ["compare", DPS, EX22],
    # Models of different names: the index row is "Indeks SPBE", not the first file's model.
    "compare-model-names.txt": ["compare", "tests/data/sepertiga/tahun-2021.yaml", EX22],
    # One agency, one file with a year and one without: numbered columns, not "2026" and "–".
    "compare-without-a-year.txt": [
        "compare",
        "tests/data/sepertiga/kalibrasi-tanpa-tahun.yaml",
        "tests/data/sepertiga/kalibrasi.yaml",
    ],
    "compare-models.json": ["compare", "-f", "json", DPS, EX22],
    "compare-published.txt": ["compare", "tests/data/terbit-bagian.yaml", EX22],
    "compare-thirds.txt": ["compare", "--partial", THIRDS, THIRDS_LATER],
    "compare-thirds.json": ["compare", "--partial", "-f", "json", THIRDS, THIRDS_LATER],
    # A published result beside a computed one, both of the reconstructed model: only one is warned of.
    "compare-published-2018.json": ["compare", "-f", "json", DPS, "tests/data/terbit-2019.yaml"],
    # An indicator of items that changed both ways (its contribution does not end in four decimals).
    "compare-items.txt": ["compare", "--no-published", DPS, "tests/data/denpasar-2019.yaml"],
    "compare-items.json": ["compare", "--no-published", "-f", "json", DPS, "tests/data/denpasar-2019.yaml"],
    "compare-one-year.txt": ["compare", "--partial", THIRDS, "tests/data/sepertiga/kalibrasi.yaml"],
    "compare-thirds-down.txt": ["compare", "--partial", THIRDS_LATER, THIRDS],
    "compare-thirds-three.txt": ["compare", "--partial", THIRDS_LATER, THIRDS, "tests/data/sepertiga/lagi.yaml"],
    "calibrate.txt": ["calibrate", T22, T23],
    "calibrate.json": ["calibrate", "-f", "json", T22, T23],
    "calibrate-en.txt": ["--lang", "en", "calibrate", T22, T23],
    # Three decimals, differences both ways, an earlier year without its tahun; then no difference.
    "calibrate-thirds.txt": ["calibrate", *(f"tests/data/sepertiga/kalibrasi{x}.yaml" for x in ("", "-tanpa-tahun"))],
    "calibrate-thirds.json": [
        "calibrate",
        "-f",
        "json",
        *(f"tests/data/sepertiga/kalibrasi{x}.yaml" for x in ("", "-tanpa-tahun")),
    ],
    "calibrate-same.txt": ["calibrate", "tests/data/sepertiga/kalibrasi-sama.yaml"],
    "calibrate-two-years.txt": [
        "calibrate",
        "tests/data/sepertiga/kalibrasi.yaml",
        "tests/data/sepertiga/kalibrasi-sama.yaml",
    ],
    "calibrate-stages.txt": ["calibrate", "tests/data/sepertiga/tahap.yaml"],
    "compare-stages.json": ["compare", "-f", "json", T21, T22, T23],
    "peers.txt": ["peers", "Kota Denpasar"],
    "peers.md": ["peers", "-f", "markdown", "Kota Denpasar"],
    "peers.json": ["peers", "-f", "json", "Kota Denpasar"],
    # Published values that are whole numbers (3.00): written as numbers of two places all the same.
    "peers-whole-index.json": ["peers", "Pemerintah Kota Banjar", "-f", "json"],
    "peers-whole-domains.json": ["peers", "Pemerintah Kab. Aceh Tenggara", "-f", "json"],
    "peers-whole-top-quarter.json": ["peers", "Pemerintah Kab. Boalemo", "-f", "json"],
    "peers.csv": ["peers", "-f", "csv", "Kota Denpasar"],
    "peers-file.txt": ["peers", DPS],
    # An answers file of the 2020 model (official: no warning) without a year.
    "peers-file-2020.txt": ["peers", "tests/data/denpasar-tanpa-tahun.yaml"],
    "peers-file-2020.json": ["peers", "-f", "json", "tests/data/denpasar-tanpa-tahun.yaml"],
    "peers-file.json": ["peers", "-f", "json", DPS],
    "peers-file.csv": ["peers", "-f", "csv", DPS],
    "peers-file.md": ["peers", "-f", "markdown", DPS],
    "peers-kementerian.txt": ["peers", "Kementerian Keuangan"],
    # An agency published in one year only.
    "peers-one-year.txt": ["peers", "Dewan Jaminan Sosial Nasional"],
    "peers-one-year.md": ["peers", "-f", "markdown", "Dewan Jaminan Sosial Nasional"],
    # A year whose D1 was lost from the published report, with the note that says so.
    "peers-lost-domain.txt": ["peers", "Kementerian Pertanian"],
    "peers-lost-domain.md": ["peers", "-f", "markdown", "Kementerian Pertanian"],
    "peers-lost-domain.csv": ["peers", "-f", "csv", "Kementerian Pertanian"],
    "peers-lost-domain.json": ["peers", "-f", "json", "Kementerian Pertanian"],
    "peers-kementerian.md": ["peers", "-f", "markdown", "Kementerian Keuangan"],
    "peers-en.txt": ["--lang", "en", "peers", "Provinsi Jawa Timur"],
    # An agency the table does not have: its self-assessment placed among its kind only.
    "peers-unlisted.txt": ["peers", EX22],
    "peers-unlisted.md": ["peers", "-f", "markdown", EX22],
    "peers-unlisted.csv": ["peers", "-f", "csv", EX22],
    "peers-unlisted.json": ["peers", "-f", "json", EX22],
    # A name of no kind the table knows: placed nowhere, and said so.
    "peers-no-kind.json": ["peers", "-f", "json", "tests/data/dinas-tanpa-jenis.yaml"],
    "peers-no-kind.txt": ["peers", "tests/data/dinas-tanpa-jenis.yaml"],
    "peers-file-2020.csv": ["peers", "-f", "csv", "tests/data/denpasar-tanpa-tahun.yaml"],
    "evidence.txt": ["evidence", EX22],
    "evidence.json": ["evidence", "-f", "json", EX22],
    "evidence-github.txt": ["evidence", "-f", "github", EX22],
    "evidence-problems.txt": ["evidence", "tests/data/sepertiga/bukti.yaml"],
    "evidence-problems.json": ["evidence", "-f", "json", "tests/data/sepertiga/bukti.yaml"],
    "evidence-problems-github.txt": ["evidence", "-f", "github", "tests/data/sepertiga/bukti.yaml"],
    "models.txt": ["models"],
    "models.json": ["models", "-f", "json"],
    "model.txt": ["models", "spbe-2020"],
    "model-2018.txt": ["models", "spbe-2018"],
    "model-pemdi.txt": ["models", "pemdi-2026"],
    "model-pemdi-b.txt": ["models", "pemdi-2026-b"],
    "model-pemdi.json": ["models", "-f", "json", "pemdi-2026"],
    "model-2020.json": ["models", "-f", "json", "spbe-2020"],
    "model-2018.json": ["models", "-f", "json", "spbe-2018"],
    "model-thirds.txt": ["models", "tests/data/model-thirds.yaml"],
    "model-two-scales.txt": ["models", "tests/data/model-two-scales.yaml"],
    # An excluded lower edge, a top band without an upper one, two alternatives, names not in ASCII.
    "model-bands.txt": ["models", "tests/data/sepertiga/model-pita.yaml"],
    "model-bands.json": ["models", "tests/data/sepertiga/model-pita.yaml", "-f", "json"],
    "model-en.txt": ["--lang", "en", "models", "spbe-2020"],
    "merge.txt": ["merge", "examples/tim/bappeda.yaml", "examples/tim/hukum.yaml", "examples/tim/kominfo.yaml"],
    "merge-fields.txt": ["merge", f"{SALINAN}/unit-a.yaml", f"{SALINAN}/unit-b.yaml"],
    "merge-fields.json": ["merge", "-f", "json", f"{SALINAN}/unit-a.yaml", f"{SALINAN}/unit-b.yaml"],
    "merge-fields-prefer.txt": [
        "merge",
        "--prefer",
        f"{SALINAN}/unit-b.yaml",
        f"{SALINAN}/unit-a.yaml",
        f"{SALINAN}/unit-b.yaml",
    ],
    "merge-fields-prefer.json": [
        "merge",
        "-f",
        "json",
        "--prefer",
        f"{SALINAN}/unit-b.yaml",
        f"{SALINAN}/unit-a.yaml",
        f"{SALINAN}/unit-b.yaml",
    ],
    "merge-published.txt": ["merge", f"{SALINAN}/terbit-a.yaml", f"{SALINAN}/terbit-b.yaml"],
    "merge-published-prefer.json": [
        "merge",
        "-f",
        "json",
        "--prefer",
        f"{SALINAN}/terbit-a.yaml",
        f"{SALINAN}/terbit-a.yaml",
        f"{SALINAN}/terbit-b.yaml",
    ],
    "merge-published-en.txt": ["--lang", "en", "merge", f"{SALINAN}/terbit-a.yaml", f"{SALINAN}/terbit-b.yaml"],
    "merge.json": ["merge", "-f", "json", *(f"examples/tim/{u}.yaml" for u in ("bappeda", "hukum", "kominfo"))],
    "merge-prefer.txt": [
        "merge",
        "--prefer",
        "examples/tim/hukum.yaml",
        *(f"examples/tim/{u}.yaml" for u in ("bappeda", "hukum", "kominfo")),
    ],
    "merge-written.yaml": [
        "merge",
        "--prefer",
        "examples/tim/hukum.yaml",
        *(f"examples/tim/{u}.yaml" for u in ("bappeda", "hukum", "kominfo")),
    ],
    "report.md": ["report", EX22, "--compare", EX21, "-f", "markdown"],
    "report.html": ["report", EX22, "--compare", EX21],
    "report-en.md": ["--lang", "en", "report", EX22, "-f", "markdown"],
    # Three decimals against an earlier year of an agency without a name; the top predikat reached.
    "report-thirds-compare.md": [
        "report",
        "tests/data/sepertiga/kalibrasi.yaml",
        "--compare",
        "tests/data/sepertiga/kalibrasi-sama.yaml",
        "--allow-other-instansi",
        "-t",
        "3.5",
        "--costs",
        THIRDS_PLAN,
        "-f",
        "markdown",
    ],
    "report-thirds-compare.html": [
        "report",
        "tests/data/sepertiga/kalibrasi.yaml",
        "--compare",
        "tests/data/sepertiga/kalibrasi-sama.yaml",
        "--allow-other-instansi",
    ],
    "report-top.md": ["report", "tests/data/sepertiga/puncak.yaml", "-f", "markdown"],
    "report-thirds.md": ["report", THIRDS, "--partial", "-t", "3.5", "--costs", THIRDS_PLAN, "-f", "markdown"],
    "report-banding.md": [
        "report",
        "tests/data/nias-barat-2024.yaml",
        "--compare",
        "tests/data/nias-barat-2023.yaml",
        "-f",
        "markdown",
    ],
    "report-other.md": ["report", EX22, "--compare", DPS, "--allow-other-instansi", "-f", "markdown"],
    "report-stages.md": ["report", T23, "--compare", T21, "--stage", "akhir", "-t", "Baik", "-f", "markdown"],
    # The same situations as a page: each section's variants (no plan at the top, costs, items,
    # banding, another agency, stages, English, documents) are drawn by their own code in HTML.
    "report-top.html": ["report", "tests/data/sepertiga/puncak.yaml"],
    "report-thirds.html": ["report", THIRDS, "--partial", "-t", "3.5", "--costs", THIRDS_PLAN],
    "report-banding.html": [
        "report",
        "tests/data/nias-barat-2024.yaml",
        "--compare",
        "tests/data/nias-barat-2023.yaml",
    ],
    "report-other.html": ["report", EX22, "--compare", DPS, "--allow-other-instansi"],
    "report-stages.html": ["report", T23, "--compare", T21, "--stage", "akhir", "-t", "Baik"],
    "report-en.html": ["--lang", "en", "report", EX22],
    "report-evidence.html": ["report", "tests/data/sepertiga/bukti.yaml"],
    "report-costs.html": ["report", EX22, "-t", "3.0", "--costs", PLAN],
    "report-costs.md": ["report", EX22, "-t", "3.0", "--costs", PLAN, "-f", "markdown"],
    "report-items.md": ["report", DPS, "-t", "4.2", "-f", "markdown"],
    "report-thirds-plan.md": ["report", THIRDS_LATER, "-t", "Baik", "--costs", THIRDS_PLAN, "-f", "markdown"],
    # An earlier year with an indicator not yet answered: no level to compare it with.
    "report-partial-earlier.md": [*PARTIAL_EARLIER, "-f", "markdown"],
    "report-partial-earlier.html": PARTIAL_EARLIER,
    # Indicator 35 of 2018 scored as three public services: its levels and the plan's steps per item.
    "report-items.html": ["report", DPS, "-t", "4.2"],
    # Error messages (stderr): in path order, each said once, the count of the rest last.
    "score-errors.err.txt": ["score", HOSTILE, BAD, BAD, MANY],
    "plan-errors.err.txt": ["plan", MANY, "-t", "Baik"],
    "init-year.err.txt": ["init", "--tahun", "1900", "tests/data/belum-ada/j.yaml"],
}

#: What a terminal shows (colour, 100 columns): name -> the command's arguments
ON_A_TERMINAL: dict[str, list[str]] = {
    "score-detail.ansi": ["score", "-d", EX22],
    "score-folder.ansi": ["score", "examples/tahap", "--fail-under", "Baik"],
    "score-akhir.ansi": ["score", "-d", "--stage", "akhir", T23],
    "score-examples.ansi": ["score", "--partial", "examples"],
    "score-published.ansi": ["score", "-d", T21],
    "score-published-parts.ansi": ["score", "-d", "tests/data/terbit-bagian.yaml"],
    "score-thirds.ansi": ["score", "-d", "--partial", THIRDS],
    "score-banding.ansi": ["score", "-d", "tests/data/nias-barat-2024.yaml"],
    "validate.ansi": ["validate", BAD, EX22],
    "plan.ansi": ["plan", EX22, "-t", "Baik"],
    "plan-thirds.ansi": ["plan", THIRDS_LATER, "-t", "Baik", "--costs", THIRDS_PLAN],
    "compare.ansi": ["compare", T21, T22, T23],
    "compare-models.ansi": ["compare", DPS, EX22],
    "compare-levels.ansi": ["compare", EX21, EX22],
    "compare-thirds.ansi": ["compare", "--partial", THIRDS, THIRDS_LATER],
    "calibrate.ansi": ["calibrate", T22, T23],
    "calibrate-thirds.ansi": ["calibrate", *(f"tests/data/sepertiga/kalibrasi{x}.yaml" for x in ("", "-tanpa-tahun"))],
    "calibrate-same.ansi": ["calibrate", "tests/data/sepertiga/kalibrasi-sama.yaml"],
    # Two years, an over-claim in one only: nothing repeated, said in green.
    "calibrate-no-repeat.ansi": ["calibrate", *(f"tests/data/sepertiga/kalibrasi{x}.yaml" for x in ("", "-sama"))],
    "peers.ansi": ["peers", DPS],
    "peers-lost-domain.ansi": ["peers", "Kementerian Pertanian"],
    "models.ansi": ["models"],
    "model.ansi": ["models", "spbe-2020"],
    "evidence.ansi": ["evidence", EX22],
    "evidence-problems.ansi": ["evidence", "tests/data/sepertiga/bukti.yaml"],
    # A narrow terminal: tables become one block per row (PlainTable._stacked).
    "score-detail-40.ansi": ["score", "-d", EX22],
    "score-folder-40.ansi": ["score", "examples/tahap"],
    "compare-40.ansi": ["compare", T21, T22, T23],
    "plan-40.ansi": ["plan", EX22, "-t", "Baik"],
    "peers-40.ansi": ["peers", DPS],
    "calibrate-40.ansi": ["calibrate", T22, T23],
    "validate-40.ansi": ["validate", BAD, EX22],
    "models-40.ansi": ["models"],
    "score-errors.err.ansi": ["score", HOSTILE, BAD, BAD, MANY],
    "merge.ansi": ["merge", *(f"examples/tim/{u}.yaml" for u in ("bappeda", "hukum", "kominfo"))],
}

_DATE = re.compile(
    r"\b\d{1,2} (?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|January|February|March|May|June|July|August|October|December) \d{4}\b"
)


def _output(run: Run, name: str, args: list[str], tmp_path: Path) -> str:
    """What the command shows (stdout), or writes with ``-o`` for the commands that write files."""
    command = args[2] if args[0] == "--lang" else args[0]
    out = tmp_path / ("keluar.md" if "markdown" in args else "keluar.html" if command == "report" else "keluar.yaml")
    if command in ("report", "merge"):
        args = [*args, "-o", str(out)]
    columns = "40" if name.endswith("-40.ansi") else "100"
    r = run(*args, env={"COLUMNS": columns}, color=name.endswith(".ansi"))
    refused = any(part in name for part in ("hostile", "examples", ".err"))
    allowed = (1, 2) if refused else (0, 1)  # a file refused, or found wrong
    assert r.exit_code in allowed, r.stderr
    text = out.read_text(encoding="utf-8") if command == "report" or name.endswith("-written.yaml") else r.stdout
    if ".err." in name:
        text = r.stderr
    # A report links local documents relative to its own folder: the way from there to the
    # checkout differs between checkouts, so it is kept as <root>.
    text = text.replace(os.path.relpath(ROOT, tmp_path) + "/", "<root>/")
    return _DATE.sub("<tanggal>", text.replace(str(tmp_path), "<tmp>"))


@pytest.mark.parametrize("name", sorted(CASES) + sorted(ON_A_TERMINAL))
def test_every_output_is_as_kept(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    if name in ON_A_TERMINAL:
        # The module, not the Typer app that ``spbe_calc.cli`` exports under the same name.
        monkeypatch.setattr(importlib.import_module("spbe_calc.cli.app"), "is_terminal", lambda stream: True)
    got = _output(run, name, {**CASES, **ON_A_TERMINAL}[name], tmp_path)
    assert_as_kept(got, GOLDEN / name)
