"""The bundled model is the regulation's; malformed models are reported with positions."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from spbe_calc.errors import Severity, SpbeError
from spbe_calc.i18n import set_language
from spbe_calc.model import Model, bundled_models, check_model, load_model
from spbe_calc.render.messages import message
from spbe_calc.scoring import band_of
from spbe_calc.yamlsafe import load, parse

from .conftest import DATA, PACKAGE, ROOT, Run
from .helpers import MINI_TEXT, TWO_SCALES, Write, _bands, _model

MODEL_TEXT = (ROOT / "indicators.yaml").read_text(encoding="utf-8")


def problems_of(text: str) -> list[tuple[str, int, int]]:
    doc = parse(text, "m.yaml")
    _, problems = check_model(doc)
    return [(p.code, p.line, p.col) for p in problems if p.severity is Severity.ERROR]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth occurrence of ``needle``."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


def test_bundled_model_is_valid_without_warnings() -> None:
    model, problems = check_model(load(ROOT / "indicators.yaml"))
    assert model is not None
    assert problems == []


def test_structure_counts(model: Model) -> None:
    assert (len(model.domains), len(model.aspects), len(model.indicators)) == (4, 8, 47)
    assert [i.id for i in model.indicators] == list(range(1, 48))
    assert [a.id for a in model.aspects] == list(range(1, 9))
    assert sum((i.weight for i in model.indicators), Fraction(0)) == 100
    assert [d.weight for d in model.domains] == [13, 25, Fraction("16.5"), Fraction("45.5")]
    assert [a.weight for a in model.aspects] == [13, 10, 10, 5, 12, Fraction("4.5"), Fraction("27.5"), 18]


def test_scales_and_level_names(model: Model) -> None:
    proses = [lv.name for lv in model.by_id[1].scale.levels]
    layanan = [lv.name for lv in model.by_id[32].scale.levels]
    assert proses == ["Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"]
    assert layanan == ["Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum"]
    assert all(i.scale.id == "proses" for i in model.indicators if i.id <= 31)
    assert all(i.scale.id == "layanan" for i in model.indicators if i.id >= 32)
    for ind in model.indicators:
        assert isinstance(ind.scope, dict) and ind.scope["id"] and ind.scope["en"], ind.id  # "what it covers"
        assert sorted(ind.criteria) == [1, 2, 3, 4, 5]
        for text in ind.criteria.values():
            assert isinstance(text, dict) and text["id"] and text["en"]


def test_bands_and_settings(model: Model) -> None:
    assert [b.name for b in model.bands] == ["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"]
    assert model.banding == "exact" and model.precision == 2
    assert {n.kind for n in model.notes} >= {"erratum", "conflict"}
    assert model.regulation.short == "PermenPANRB 59/2020"


def test_matches_reference_names_and_weights(model: Model) -> None:
    ref = yaml.safe_load((DATA / "permenpanrb-59-2020.yaml").read_text(encoding="utf-8"))
    for d_ref, d in zip(ref["domains"], model.domains):
        assert (d.id, d.name, d.weight) == (d_ref["id"], d_ref["name"], Fraction(str(d_ref["weight_pct"])))
        for a_ref, a in zip(d_ref["aspects"], d.aspects):
            assert (a.id, a.name, a.weight) == (a_ref["id"], a_ref["name"], Fraction(str(a_ref["weight_pct"])))
            for i_ref, i in zip(a_ref["indicators"], a.indicators):
                assert (i.id, i.name, i.weight) == (i_ref["id"], i_ref["name"], Fraction(str(i_ref["weight_pct"])))


def test_bundled_copy_is_the_root_file(model: Model) -> None:
    """The package ships a copy of indicators.yaml (no symlink: it breaks on Windows checkouts)."""
    packaged = PACKAGE / "model" / "bundled" / "spbe-2020.yaml"
    assert not packaged.is_symlink()
    assert packaged.read_bytes() == (ROOT / "indicators.yaml").read_bytes()
    assert bundled_models()["spbe-2020"] == packaged


# --- malformed models: each gives its code at the right line ---------------------------------------

Mutation = Callable[[str], tuple[str, str, int]]


def _replace(old: str, new: str, code: str, expect: str | None = None, nth: int = 1) -> Mutation:
    """Replace the first ``old`` by ``new``; the problem is expected on the line of the nth
    occurrence of ``expect`` (default: ``new``) in the changed text."""

    def mutate(text: str) -> tuple[str, str, int]:
        assert old in text, old
        changed = text.replace(old, new, 1)
        return changed, code, line_of(changed, expect or new, nth)

    return mutate


CASES = {
    # the aspect's weight no longer matches its indicators: reported at the aspect's weight
    "indicator weight off by 0.01": _replace(
        "            weight: 1.30", "            weight: 1.31", "weight-sum", expect="        weight: 13.00"
    ),
    "aspect weight off by 0.01": _replace("        weight: 13.00", "        weight: 13.01", "weight-sum"),
    "duplicate indicator id": _replace("          - id: 2\n", "          - id: 1\n", "duplicate-id", nth=2),
    "unknown key": _replace("            scope:", "            skope:", "unknown-key"),
    "yaml 1.1 boolean": _replace("name: Rintisan", "name: yes", "yaml11-bool"),
    "unquoted date": _replace("short: PermenPANRB 59/2020", "short: 2020-09-02", "yaml11-date"),
    "duplicate key": _replace(
        "    name: Kapabilitas Proses\n",
        "    name: Kapabilitas Proses\n    name: X\n",
        "duplicate-key",
        expect="    name: X",
    ),
    "weight as text": _replace("weight: 2.50", "weight: dua", "wrong-type"),
    "band gap": _replace("min: 2.6, max: 3.5", "min: 2.7, max: 3.5", "band-gap"),
    "band overlap": _replace(
        "min: 3.5, max: 4.2, min_inclusive: true, max_inclusive: false",
        "min: 3.5, max: 4.2, min_inclusive: true, max_inclusive: true",
        "band-overlap",
    ),
    "band does not reach 5": _replace(
        "min: 4.2, max: 5.0, min_inclusive: true, max_inclusive: true",
        "min: 4.2, max: 5.0, min_inclusive: true, max_inclusive: false",
        "band-gap",
    ),
    "unknown scale": _replace("    scale: layanan", "    scale: servis", "unknown-scale"),
    "bad banding value": _replace("banding: exact", "banding: rata", "bad-choice"),
    "python tag": _replace("name: Indeks SPBE\n", "name: !!python/object:os.system Indeks SPBE\n", "unsupported-tag"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_model_reports_code_and_line(case: str) -> None:
    text, code, line = CASES[case](MODEL_TEXT)
    found = problems_of(text)
    assert any(c == code for c, _, _ in found), found
    if code not in ("band-gap", "band-overlap"):  # band problems point at the predikat list
        assert any(c == code and ln == line for c, ln, _ in found), (found, line)


def test_missing_criterion_is_a_warning_only() -> None:
    mini = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = mini.replace("{1: a, 2: b, 3: c, 4: d, 5: e}", "{1: a, 2: b, 3: c, 4: d}", 1)
    model, problems = check_model(parse(text, "m.yaml"))
    assert model is not None
    assert [(p.code, p.severity, p.args["levels"]) for p in problems] == [("missing-criteria", Severity.WARNING, "5")]


def test_scale_description_explains_a_level_without_criterion() -> None:
    # The bundled scales describe every level, so an indicator may leave a criterion out.
    text = MODEL_TEXT.replace(
        '              5:\n                id: "Hasil reviu dan evaluasi berkala ditindaklanjuti dengan mengubah atau mengganti kebijakan."\n'
        '                en: "Findings of the periodic review lead to an amended or replaced policy."\n',
        "",
        1,
    )
    assert text != MODEL_TEXT
    model, problems = check_model(parse(text, "m.yaml"))
    assert model is not None and problems == []


def test_all_problems_are_reported_at_once() -> None:
    text = MODEL_TEXT.replace("weight: 2.75", "weight: 2.76", 1).replace("scope:", "skope:", 1)
    codes = [c for c, _, _ in problems_of(text)]
    assert "unknown-key" in codes
    # structural problems stop semantic checks, so fix the key and check the sums
    codes = [c for c, _, _ in problems_of(text.replace("skope:", "scope:"))]
    assert codes.count("weight-sum") == 1


def test_load_model_raises_with_all_errors(write: Callable[..., Path]) -> None:
    path = write(
        "m.yaml", MODEL_TEXT.replace("weight: 1.30", "weight: 1.31", 1).replace("weight: 3.00", "weight: 3.10", 1)
    )
    with pytest.raises(SpbeError) as info:
        load_model(str(path))
    assert sorted({p.code for p in info.value.problems}) == ["weight-sum"]
    assert len(info.value.problems) == 2


def test_unknown_model_name() -> None:
    with pytest.raises(SpbeError) as info:
        load_model("spbe-1999")
    assert info.value.problems[0].code == "unknown-model"


_ASPECTS_ONLY = """aspects:
  - id: 1
    name: Aspek Satu
    weight: 60
    indicators:
      - {id: 1, name: Indikator Satu, weight: 30, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}
      - {id: 2, name: Indikator Dua, weight: 30, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}
  - id: 2
    name: Aspek Dua
    weight: 40
    indicators:
      - {id: 3, name: Indikator Tiga, weight: 40, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}
"""


def _aspects_only() -> str:
    """MINI_TEXT without domains (aspects at the top, as the PEMDI models have) and without a banding."""
    return (MINI_TEXT[: MINI_TEXT.index("domains:")] + _ASPECTS_ONLY).replace("scoring:\n  banding: exact\n", "")


def test_a_single_point_gap_between_bands_is_reported(write: Callable[..., Path]) -> None:
    """2.6 excluded by both neighbours is a gap of one point; scoring exactly 2.6 would find no band."""
    with pytest.raises(SpbeError) as info:
        _model(
            write,
            _bands(
                "predikat:\n"
                "  - {name: Tinggi, min: 2.6, max: 5, min_inclusive: false, max_inclusive: true}\n"
                "  - {name: Rendah, min: null, max: 2.6, max_inclusive: false}\n"
            ),
        )
    problem = info.value.problems[0]
    assert (problem.code, problem.args) == ("band-gap-point", {"at": "2.6", "low": "Rendah", "high": "Tinggi"})


def test_bands_meeting_with_both_edges_inclusive_overlap(write: Callable[..., Path]) -> None:
    with pytest.raises(SpbeError) as info:
        _model(
            write,
            _bands(
                "predikat:\n"
                "  - {name: Tinggi, min: 2.6, max: 5, max_inclusive: true}\n"
                "  - {name: Rendah, min: null, max: 2.6, max_inclusive: true}\n"
            ),
        )
    assert [p.code for p in info.value.problems] == ["band-overlap"]


def test_an_indicator_without_a_scale_is_reported(write: Callable[..., Path]) -> None:
    text = MINI_TEXT.replace("default_scale: proses\n", "")
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    codes = [p.code for p in info.value.problems]
    assert codes.count("no-scale") == 5


def test_the_regulation_record_holds_what_the_model_says(write: Callable[..., Path]) -> None:
    reg = load_model("spbe-2020").regulation
    assert reg.short == "PermenPANRB 59/2020" and reg.title.startswith("Peraturan Menteri Pendayagunaan")
    assert reg.source is not None and reg.source.startswith("Lampiran: Tabel 1-2")
    assert (reg.status, reg.year_from, reg.year_to, reg.confidence) == ("official", 2021, 2025, None)
    pemdi = load_model("pemdi-2026").regulation
    assert (pemdi.status, pemdi.year_from, pemdi.year_to) == ("provisional", 2026, None)
    assert pemdi.confidence is not None and pemdi.source is not None
    bare = _model(write, MINI_TEXT.replace("  status: reported\n", ""))
    assert (bare.regulation.status, bare.regulation.source, bare.regulation.year_from) == ("official", None, None)


@pytest.mark.parametrize(
    ("bands", "expected"),
    [
        (  # the lowest band starts above the lowest possible index (level 1)
            "  - {name: Tinggi, min: 3, max: 5, max_inclusive: true}\n  - {name: Rendah, min: 1.5, max: 3}\n",
            [("band-gap", {"start": "1", "end": "1.5", "low": "low"})],
        ),
        (  # the lowest band excludes its own lower edge, the lowest possible index
            "  - {name: Tinggi, min: 3, max: 5, max_inclusive: true}\n"
            "  - {name: Rendah, min: 1, max: 3, min_inclusive: false}\n",
            [("band-gap", {"start": "1", "end": "1", "low": "low"})],
        ),
        (  # the highest band stops short of the highest possible index
            "  - {name: Tinggi, min: 3, max: 4.5, max_inclusive: true}\n  - {name: Rendah, min: null, max: 3}\n",
            [("band-gap", {"start": "4.5", "end": "5", "low": "Tinggi"})],
        ),
        (  # a gap between two bands
            "  - {name: Tinggi, min: 3.2, max: 5, max_inclusive: true}\n  - {name: Rendah, min: null, max: 3}\n",
            [("band-gap", {"start": "3", "end": "3.2", "low": "Rendah"})],
        ),
        (  # two bands that start at the same point: the inclusive one is met first
            "  - {name: A, min: 1, max: 3}\n  - {name: B, min: 1, max: 5, min_inclusive: false, max_inclusive: true}\n",
            [("band-overlap", {"a": "A", "b": "B", "at": "1"})],
        ),
        (  # the same, listed the other way round
            "  - {name: B, min: 1, max: 5, min_inclusive: false, max_inclusive: true}\n  - {name: A, min: 1, max: 3}\n",
            [("band-overlap", {"a": "A", "b": "B", "at": "1"})],
        ),
        (  # two bands reach the top: the one that includes it counts, and nothing is missing
            "  - {name: A, min: 3, max: 5, max_inclusive: true}\n  - {name: B, min: null, max: 5}\n",
            [("band-overlap", {"a": "B", "b": "A", "at": "3"})],
        ),
        (  # open at both ends: no edges to check, nothing to report
            "  - {name: Tinggi, min: 3, max: null}\n  - {name: Rendah, min: null, max: 3}\n",
            [],
        ),
    ],
    ids=[
        "low-end",
        "low-edge-excluded",
        "high-end",
        "between",
        "same-start",
        "same-start-reversed",
        "both-top",
        "open-ends",
    ],
)
def test_band_coverage_problems_and_their_arguments(
    write: Callable[..., Path], bands: str, expected: list[tuple[str, dict[str, str]]]
) -> None:
    text = _bands("predikat:\n" + bands)
    if not expected:
        model = _model(write, text)
        assert band_of(model, Fraction(5)).name == "Tinggi" and band_of(model, Fraction(1)).name == "Rendah"
        return
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    got = [(p.code, p.args) for p in info.value.problems]
    assert got == expected
    assert all((p.line, p.col) == (20, 1) for p in info.value.problems)  # the `predikat:` key


def test_duplicate_ids_and_weight_sums_name_what_they_are_about(write: Callable[..., Path]) -> None:
    text = (
        MINI_TEXT.replace("  - id: 2\n    name: Domain Dua", "  - id: 1\n    name: Domain Dua")
        .replace("{id: 2, name: Indikator Dua, weight: 20.00", "{id: 1, name: Indikator Dua, weight: 21.00")
        .replace("    weight: 40.00\n    aspects", "    weight: 41.00\n    aspects")
    )
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    found = {(p.code, p.args.get("kind")): (p.line, p.col, p.args) for p in info.value.problems}
    # At the second `id:`, naming the line of the first.
    assert found[("duplicate-id", "indicator")] == (36, 18, {"kind": "indicator", "id": 1, "first": 35})
    assert found[("duplicate-id", "domain")] == (37, 9, {"kind": "domain", "id": 1, "first": 27})
    assert found[("weight-sum", "aspect")][2] == {"kind": "aspect", "weight": "40", "total": "41"}
    assert found[("weight-sum", "domain")][2] == {"kind": "domain", "weight": "41", "total": "40"}


def test_scope_and_note_are_read() -> None:
    # Loaded here, not from a fixture made before a mutant is switched on.
    model = load_model("spbe-2020")
    assert isinstance(model.by_id[1].scope, dict) and model.by_id[1].scope["id"]
    assert model.by_id[3].note is not None  # the erratum of indicator 3's level table
    assert model.by_id[1].note is None


def test_scale_problems_are_all_reported(write: Callable[..., Path]) -> None:
    text = TWO_SCALES.replace(
        "levels: {0: {name: Nol}, 1: {name: Satu}, 2: {name: Dua}, 3: {name: Tiga}}", "levels: {0: {name: Nol}}"
    ).replace(
        "levels: {1: {name: A}, 2: {name: B}, 3: {name: C}, 4: {name: D}, 5: {name: E}}",
        "levels: {1: {name: A}, 3: {name: C}}",
    )
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    codes = sorted((p.code, p.line) for p in info.value.problems)
    assert ("levels-not-consecutive", 12) in codes and ("too-few-levels", 15) in codes
    two = TWO_SCALES.replace(
        "levels: {0: {name: Nol}, 1: {name: Satu}, 2: {name: Dua}, 3: {name: Tiga}}",
        "levels: {0: {name: Nol}, 1: {name: Satu}}",
    )
    assert _model(write, two).by_id[2].scale.max == 1  # two levels are enough


def test_an_unknown_scale_names_every_known_one(write: Callable[..., Path]) -> None:
    with pytest.raises(SpbeError) as info:
        _model(write, TWO_SCALES.replace("scale: tiga}", "scale: empat}"))
    assert info.value.problems[0].args == {"scale": "empat", "known": "lima, tiga"}


def test_duplicate_aspects_and_structure_problems_together(write: Callable[..., Path]) -> None:
    """A model that fails its format still gets its ids and sums checked, each named by kind."""
    text = (
        MINI_TEXT.replace("default_scale: proses", "default_scal: proses")  # misspelt: the format fails
        .replace("      - id: 3\n        name: Aspek Tiga", "      - id: 2\n        name: Aspek Tiga")
        .replace("    weight: 60.00\n    aspects", "    weight: 61.00\n    aspects")
    )
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    found = {(p.code, p.args.get("kind")) for p in info.value.problems}
    assert ("unknown-key", None) in found
    assert ("duplicate-id", "aspect") in found and ("weight-sum", "domain") in found


def test_partial_checks_of_a_model_of_aspects(write: Callable[..., Path]) -> None:
    text = TWO_SCALES.replace("default_scale: lima", "default_scal: lima").replace(
        "{id: 2, name: Dua, weight: 1, scale: tiga}", "{id: 1, name: Dua, weight: 2, scale: tiga}"
    )
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    found = {(p.code, p.args.get("kind")) for p in info.value.problems}
    assert ("duplicate-id", "indicator") in found and ("weight-sum", "aspect") in found


@pytest.mark.parametrize(
    "aspect",
    [
        "  - id: 1\n    name: Aspek\n    weight: 2\n",  # no indicators at all
        "  - id: 1\n    name: Aspek\n    indicators:\n      - {id: 1, name: Satu, weight: 1}\n",  # no weight
        "  - id: 1\n    name: Aspek\n    weight: 2\n    indicators:\n      - {id: 1, name: Satu}\n",  # child without
        "  - id: 1\n    name: Aspek\n    weight: 2\n    indicators:\n      - tidak\n",  # not a mapping
    ],
)
def test_partial_checks_skip_what_cannot_be_added_up(write: Callable[..., Path], aspect: str) -> None:
    head = TWO_SCALES[: TWO_SCALES.index("aspects:")].replace("default_scale: lima", "default_scal: lima")
    with pytest.raises(SpbeError) as info:
        _model(write, head + "aspects:\n" + aspect)
    assert "weight-sum" not in {p.code for p in info.value.problems}


def test_a_models_notes_path_and_default_banding_are_read(write: Callable[..., Path]) -> None:
    path = write(
        "catatan.yaml",
        TWO_SCALES + 'notes:\n  - {ref: "indikator 1", text: "sumber kurang jelas"}\n'
        '  - {ref: predikat, kind: conflict, text: {id: "dua sumber", en: "two sources"}}\n',
    )
    model = load_model(str(path))
    assert model.path == str(path) and model.banding == "exact"
    assert [(n.ref, n.kind) for n in model.notes] == [("indikator 1", "note"), ("predikat", "conflict")]
    assert model.notes[0].text == "sumber kurang jelas" and model.notes[1].text == {
        "id": "dua sumber",
        "en": "two sources",
    }
    assert load_model("spbe-2018").notes[0].kind == "conflict"


def test_bands_are_ordered_highest_first_whatever_the_file_says(write: Callable[..., Path]) -> None:
    ascending = TWO_SCALES.replace(
        "  - {name: Baik, min: 2.5, max: 5, max_inclusive: true}\n  - {name: Kurang, max: 2.5}\n",
        "  - {name: Kurang, max: 2.5}\n  - {name: Cukup, min: 2.5, max: 4}\n  - {name: Baik, min: 4, max: 5, max_inclusive: true}\n",
    )
    assert [b.name for b in _model(write, ascending).bands] == ["Baik", "Cukup", "Kurang"]


def test_where_the_top_weights_are_reported(write: Callable[..., Path]) -> None:
    """At scoring.total_weight when the model sets it, else at the key of the top level."""
    with pytest.raises(SpbeError) as info:
        _model(write, TWO_SCALES.replace("total_weight: 2}", "total_weight: 3}"))
    problem = next(p for p in info.value.problems if p.code == "total-weight")
    assert (problem.line, problem.col) == (7, 41)
    with pytest.raises(SpbeError) as info:
        _model(write, TWO_SCALES.replace("scoring: {banding: exact, total_weight: 2}\n", ""))
    problem = next(p for p in info.value.problems if p.code == "total-weight")
    assert (problem.line, problem.args) == (18, {"total": "2", "required": "100"})  # the aspects: key


def test_an_unknown_default_scale_names_every_known_one(write: Callable[..., Path]) -> None:
    with pytest.raises(SpbeError) as info:
        _model(write, TWO_SCALES.replace("default_scale: lima", "default_scale: enam"))
    problem = next(p for p in info.value.problems if p.code == "unknown-scale")
    assert problem.args == {"scale": "enam", "known": "lima, tiga"}


def test_a_broken_model_with_missing_parts_is_reported_not_crashed(run: Run, write: Callable[..., Path]) -> None:
    """A model that fails its format in nested parts (an aspect without weight, a domain whose
    aspects are misspelt) gets its format problems, and no weight-sum alarm over partial lists."""
    broken = MINI_TEXT.replace("        weight: 35.00\n", "", 1)  # Aspek Dua loses its weight
    broken = broken.replace(
        "    weight: 40.00\n    aspects:\n", "    weight: 40.00\n    aspek:\n", 1
    )  # Domain Satu: a typo
    r = run("validate", "-f", "json", str(write("broken.yaml", broken)))
    assert r.exit_code == 1, r.stderr
    codes = sorted(p["code"] for p in json.loads(r.stdout)[0]["problems"])
    assert codes == ["missing-key", "missing-key", "unknown-key"]  # no weight-sum alarm over a partial list


@pytest.mark.parametrize(("year", "outside"), [(2020, True), (2021, False), (2025, False), (2026, True)])
def test_the_first_and_last_evaluation_years_are_the_models(
    run: Run, write: Callable[..., Path], year: int, outside: bool
) -> None:
    """spbe-2020 is the model of 2021 to 2025, both ends included."""
    levels = "".join(f"  {i}: 3\n" for i in range(1, 48))
    path = write("a.yaml", f"model: spbe-2020\ntahun: {year}\nlevels:\n{levels}")
    (report,) = json.loads(run("validate", "-f", "json", str(path)).stdout)
    assert ("year-outside-model" in [p["code"] for p in report["problems"]]) is outside


def test_a_model_without_years_is_every_years(run: Run, write: Callable[..., Path]) -> None:
    model = write("m.yaml", MINI_TEXT)  # its regulation gives no years
    path = write("a.yaml", "model: m.yaml\ntahun: 2030\nlevels: {1: 3, 2: 3, 3: 3, 4: 3, 5: 3}\n")
    (report,) = json.loads(run("validate", "-f", "json", str(path)).stdout)
    assert report["problems"] == [] and model.exists()


def test_a_repeated_aspect_number_is_named_as_an_aspect(run: Run, write: Callable[..., Path]) -> None:
    text = MINI_TEXT.replace("      - id: 3\n        name: Aspek Tiga", "      - id: 2\n        name: Aspek Tiga")
    (report,) = json.loads(run("validate", "-f", "json", str(write("m.yaml", text))).stdout)
    assert [(p["line"], p["code"], p["message"]) for p in report["problems"]] == [
        (46, "duplicate-id", "aspek 2 sudah didefinisikan di baris 41")
    ]


def test_banding_rules_reversed_or_overlapping_are_each_reported(run: Run, write: Callable[..., Path]) -> None:
    rules = (
        "scoring:\n  banding: exact\n  banding_by_year:\n"
        "    - {from: 2024, banding: exact}\n"
        "    - {from: 2022, to: 2021, banding: rounded}\n"  # ends before it starts
        "    - {from: 2021, to: 2023, banding: rounded}\n"
        "    - {from: 2023, to: 2023, banding: exact}\n"  # 2023 twice
    )
    text = MINI_TEXT.replace("scoring:\n  banding: exact\n", rules)
    (report,) = json.loads(run("validate", "-f", "json", str(write("m.yaml", text))).stdout)
    assert [(p["line"], p["message"]) for p in report["problems"]] == [
        (12, "aturan predikat berakhir (2021) sebelum dimulai (2022)"),
        (14, "tahun 2023 diatur oleh dua aturan predikat"),
    ]


def test_banding_rules_are_kept_oldest_first(write: Callable[..., Path]) -> None:
    rules = (
        "scoring:\n  banding: exact\n  banding_by_year:\n"
        "    - {from: 2024, banding: exact}\n"
        "    - {from: 2021, to: 2023, banding: rounded}\n"
    )
    model = _model(write, MINI_TEXT.replace("scoring:\n  banding: exact\n", rules))
    assert [r.year_from for r in model.banding_rules] == [2021, 2024]


def test_a_scale_with_one_level_is_named_and_the_next_scale_still_read(run: Run, write: Callable[..., Path]) -> None:
    text = MINI_TEXT.replace(
        "scales:\n", "scales:\n  satu:\n    name: Satu Tingkat\n    levels:\n      1: {name: Ada}\n", 1
    )
    (report,) = json.loads(run("validate", "-f", "json", str(write("m.yaml", text))).stdout)
    assert [p["message"] for p in report["problems"]] == ["skala 'satu' perlu sedikitnya dua tingkat"]


def test_a_problem_in_a_model_without_domains_is_pointed_at(run: Run, write: Callable[..., Path]) -> None:
    text = _aspects_only().replace("      - {id: 2, name: Indikator Dua", "      - {id: 1, name: Indikator Dua")
    (report,) = json.loads(run("validate", "-f", "json", str(write("m.yaml", text))).stdout)
    assert [(p["line"], p["column"], p["code"]) for p in report["problems"]] == [(30, 14, "duplicate-id")]


def test_a_model_that_names_no_banding_bands_the_exact_index(run: Run, write: Callable[..., Path]) -> None:
    write("m.yaml", _aspects_only())
    path = write("a.yaml", "model: m.yaml\nlevels: {1: 3, 2: 3, 3: 3}\n")
    assert json.loads(run("score", str(path), "-f", "json").stdout)["banding"] == "exact"
    shown = json.loads(run("models", str(path.parent / "m.yaml"), "-f", "json").stdout)
    assert shown["banding"] == "exact"


def test_a_missing_weight_is_reported_without_a_false_weight_sum(write: Callable[..., Path]) -> None:
    """The aspect's sum is not checked over some of its indicators: that would be a false alarm."""
    text = MINI_TEXT.replace("{id: 5, name: Indikator Lima, weight: 15.00,", "{id: 5, name: Indikator Lima,")
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    assert [(p.code, p.args.get("key")) for p in info.value.problems] == [("missing-key", "weight")]


def test_a_misspelt_key_in_an_indicator_does_not_hide_its_aspects_weight_sum(write: Callable[..., Path]) -> None:
    text = MINI_TEXT.replace(
        "{id: 1, name: Indikator Satu, weight: 20.00,", "{id: 1, name: Indikator Satu, weight: 25.00, bobot: 1,"
    )
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    assert sorted(p.code for p in info.value.problems) == ["unknown-key", "weight-sum"]


def test_a_scale_with_too_few_levels_does_not_hide_the_next_scales_problem(write: Callable[..., Path]) -> None:
    text = TWO_SCALES.replace(
        "levels: {1: {name: A}, 2: {name: B}, 3: {name: C}, 4: {name: D}, 5: {name: E}}", "levels: {1: {name: A}}"
    ).replace(
        "levels: {0: {name: Nol}, 1: {name: Satu}, 2: {name: Dua}, 3: {name: Tiga}}",
        "levels: {0: {name: Nol}, 2: {name: Dua}}",
    )
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    codes = [(p.code, p.line) for p in info.value.problems if "levels" in p.code]
    assert codes == [("too-few-levels", 12), ("levels-not-consecutive", 15)]


def test_a_band_that_starts_at_zero_is_ordered_by_its_edge(write: Callable[..., Path]) -> None:
    """0 is an edge like any other (not "no edge"): Rendah, from 0, is the lowest band."""
    three = TWO_SCALES.replace(
        "  - {name: Baik, min: 2.5, max: 5, max_inclusive: true}\n  - {name: Kurang, max: 2.5}\n",
        "  - {name: Rendah, min: 0, max: 0.5}\n  - {name: Sedang, min: 0.5, max: 2.5}\n"
        "  - {name: Baik, min: 2.5, max: 5, max_inclusive: true}\n",
    )
    model = _model(write, three)
    assert [b.name for b in model.bands] == ["Baik", "Sedang", "Rendah"]
    assert model.band_rank(band_of(model, Fraction(1))) == 1


def test_a_model_with_a_misspelt_key_still_gets_its_sums_and_ids_checked(run: Run, write: Write) -> None:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("\nscales:", "\nscalez:", 1)
    first = text.index("- id: 2\n", text.index("indicators:"))  # indicator 2 becomes a second 1
    text = text[:first] + "- id: 1\n" + text[first + len("- id: 2\n") :]
    weight = text.index("weight: 2.50", text.index("indicators:"))
    text = text[:weight] + "weight: 9.99" + text[weight + len("weight: 2.50") :]
    r = run("validate", "-f", "json", str(write("m.yaml", text)))
    codes = {p["code"] for p in json.loads(r.stdout)[0]["problems"]}
    assert {"unknown-key", "missing-key", "duplicate-id", "weight-sum"} <= codes


def test_weight_sums_are_shown_exactly(write: Callable[..., Path]) -> None:
    """Two sums that differ are never shown alike (it said "10 differs from 10"), and the total
    is named without a type-name lookup (it said "expected type.99.5")."""
    from spbe_calc.errors import SpbeError
    from spbe_calc.model import load_model

    text = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "weight: 10.00, criteria",
        'weight: "10000000000000000000000000000001/1000000000000000000000000000000", criteria',
    )
    with pytest.raises(SpbeError) as info:
        load_model(str(write("m.yaml", text)))
    args = {p.code: p.args for p in info.value.problems}
    assert args["weight-sum"]["total"] != args["weight-sum"]["weight"]
    assert args["weight-sum"]["total"] == "25.000000000000000000000000000001"
    off = (
        (ROOT / "tests" / "data" / "mini-model.yaml")
        .read_text(encoding="utf-8")
        .replace("  banding: exact\n", "  banding: exact\n  total_weight: 99.5\n")
    )
    with pytest.raises(SpbeError) as info:
        load_model(str(write("t.yaml", off)))
    (problem,) = info.value.problems
    assert problem.args == {"total": "100", "required": "99.5"}
    assert message(problem) == "jumlah bobot teratas 100, seharusnya 99.5"


# --- every problem of a broken model, said in full where it is (REGRESSION VALUES, read by hand) ---

#: Replacements in tests/data/mini-model.yaml, and every problem that model then has.
SAID: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "a level missing from a scale": (
        [("      3: {name: Terdefinisi}\n", "")],
        ["15:7 error: tingkat pada skala 'proses' harus berurutan (ditemukan: 1, 2, 4, 5)"],
    ),
    "an indicator without a scale": (
        [("default_scale: proses\n", "")],
        [
            f"{line}:13 error: indikator {i} tidak memiliki skala tingkat"
            for i, line in enumerate((34, 35, 44, 49, 50), 1)
        ],
    ),
    "a criterion off the scale": (
        [
            (
                "criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}\n          - {id: 2",
                "criteria: {1: a, 2: b, 3: c, 4: d, 5: e, 7: g}}\n          - {id: 2",
            )
        ],
        ["35:99 error: kriteria tingkat 7 indikator 1 berada di luar skala 1..5"],
    ),
    "criteria missing": (
        [
            (
                "Indikator Dua, weight: 20.00, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}",
                "Indikator Dua, weight: 20.00, criteria: {1: a, 2: b, 4: d}",
            )
        ],
        ["36:67 warning: indikator 2 tidak memiliki kriteria untuk tingkat 3, 5"],
    ),
    "no criteria at all": (
        [("Indikator Dua, weight: 20.00, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}", "Indikator Dua, weight: 20.00")],
        ["36:13 warning: indikator 2 tidak memiliki kriteria untuk tingkat 1, 2, 3, 4, 5"],
    ),
    "an aspect's unknown scale, which its indicators take": (
        [("        name: Aspek Dua\n", "        name: Aspek Dua\n        scale: layanan\n")],
        [
            "43:16 error: skala 'layanan' tidak didefinisikan (yang ada: proses)",
            "46:13 error: skala 'layanan' tidak didefinisikan (yang ada: proses)",
        ],
    ),
    "a band named twice and two empty bands": (
        [
            ("{name: Sangat Baik, min: 3.5,", "{name: Baik, min: 3.5,"),
            ("{name: Cukup,       min: 1.8, max: 2.6,", "{name: Cukup,       min: 2.6, max: 2.6,"),
            ("{name: Kurang,      min: null, max: 1.8,", "{name: Kurang,      min: 1.8, max: 1.0,"),
        ],
        [
            "23:12 error: predikat 'Baik' ditulis dua kali",
            "24:5 error: rentang predikat 'Cukup' kosong (2.6 sampai 2.6)",
            "25:5 error: rentang predikat 'Kurang' kosong (1.8 sampai 1)",
        ],
    ),
    "neither domains nor aspects": (
        [(MINI_TEXT[MINI_TEXT.index("domains:") :], "")],
        ["1:1 error: model harus memiliki tepat satu dari 'domains' atau 'aspects'"],
    ),
    "an unknown default scale": (
        [("default_scale: proses\n", "default_scale: layanan\n")],
        [
            f"{line}:{col} error: skala 'layanan' tidak didefinisikan (yang ada: proses)"
            for line, col in ((10, 16), (35, 13), (36, 13), (45, 13), (50, 13), (51, 13))
        ],
    ),
    "top weights that do not add up, said at the domains": (
        [("    weight: 60.00\n", "    weight: 50.00\n")],
        [
            "39:13 error: bobot domain 50 tidak sama dengan jumlah bobot di bawahnya (60)",
            "26:1 error: jumlah bobot teratas 90, seharusnya 100",
        ],
    ),
    "a format that is not a number": (
        [("format: 1\n", "format: satu\n")],
        ["1:9 error: format: diharapkan bilangan bulat, ditemukan teks"],
    ),
    "a format too new": (
        [("format: 1\n", "format: 99\n")],
        ["1:9 error: model ini ditulis dalam format 99; spbe-calc ini membaca format sampai 1"],
    ),
    "a scale problem does not hide the others": (
        [("      3: {name: Terdefinisi}\n", ""), ("    weight: 60.00\n", "    weight: 50.00\n")],
        [
            "15:7 error: tingkat pada skala 'proses' harus berurutan (ditemukan: 1, 2, 4, 5)",
            "38:13 error: bobot domain 50 tidak sama dengan jumlah bobot di bawahnya (60)",
            "25:1 error: jumlah bobot teratas 90, seharusnya 100",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(SAID))
def test_every_problem_of_a_broken_model_is_said_in_full_where_it_is(case: str) -> None:
    replacements, said = SAID[case]
    text = MINI_TEXT
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    model, problems = check_model(parse(text, "m.yaml"))
    assert [f"{p.line}:{p.col} {p.severity.value}: {message(p)}" for p in problems] == said
    assert {p.path for p in problems} == {"m.yaml"}
    assert (model is None) == any(p.severity is Severity.ERROR for p in problems)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ((DATA / "nias-barat-2023.yaml").read_text(encoding="utf-8"), "5:1 ini berkas jawaban, bukan berkas model"),
        ("- 1\n", "1:1 diharapkan pemetaan (kunci: nilai), ditemukan daftar"),
        ("a: 1\n", "0:0 ini bukan berkas model spbe-calc (tidak ada kunci model seperti format, scales, domains atau aspects), jadi isinya tidak ditampilkan"),
    ],
)  # fmt: skip
def test_what_is_not_a_model_is_said_so(text: str, said: str) -> None:
    model, problems = check_model(parse(text, "x.yaml"))
    assert model is None and [f"{p.path}:{p.line}:{p.col} {message(p)}" for p in problems] == [f"x.yaml:{said}"]


def test_a_models_names_defaults_and_places_are_read_as_written(write: Write) -> None:
    text = (
        MINI_TEXT.replace("name: Kapabilitas Proses", "name: Skala Uji")
        .replace("{name: Rintisan}", "{name: Awal}")
        .replace(
            "{name: Kurang,      min: null, max: 1.8, max_inclusive: false}", "{name: Kurang, min: null, max: 1.8}"
        )
        .replace(
            "scoring:\n  banding: exact\n",
            "scoring:\n  banding: exact\n  banding_by_year:\n    - {from: 2023, to: 2023, banding: rounded, reason: {id: uji, en: test}}\n",
        )
    )
    model = _model(write, text)
    scale = model.scales["proses"]
    assert (scale.name, scale.levels[0].name, scale.levels[1].name) == ("Skala Uji", "Awal", "Terkelola")
    assert model.precision == 2  # not written: two places
    assert _model(write, text.replace("banding: exact\n", "banding: exact\n  precision: 3\n", 1)).precision == 3
    kurang = model.bands[-1]
    assert kurang.name == "Kurang" and not kurang.max_inclusive and not kurang.contains(Fraction(18, 10))
    assert [(r.year_from, r.banding, r.assumed) for r in model.banding_rules] == [(2023, "rounded", False)]
    # Every aspect and indicator knows its domain.
    assert [(a.id, a.domain_id) for a in model.aspects] == [(1, 1), (2, 2), (3, 2)]
    assert [(i.id, i.domain_id, i.aspect_id) for i in model.indicators] == [
        (1, 1, 1),
        (2, 1, 1),
        (3, 2, 2),
        (4, 2, 3),
        (5, 2, 3),
    ]


def test_missing_criteria_are_counted_for_the_plural_in_english() -> None:
    set_language("en")
    for criteria, said in (("{1: a, 2: b, 4: d, 5: e}", "level 3"), ("{1: a, 2: b, 4: d}", "levels 3, 5")):
        text = MINI_TEXT.replace(
            "Indikator Dua, weight: 20.00, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}",
            f"Indikator Dua, weight: 20.00, criteria: {criteria}",
        )
        _, problems = check_model(parse(text, "m.yaml"))
        assert [message(p) for p in problems] == [f"indicator 2 has no criterion for {said}"]
