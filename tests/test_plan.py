"""Plans are exact: checked against brute force on small models, and end to end."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_calc.bars import parse_bar
from spbe_calc.core import score_file
from spbe_calc.errors import ExitCode, SpbeError
from spbe_calc.model import LevelValue, Model, load_model
from spbe_calc.numbers import exact_str
from spbe_calc.plan import Limits, _meets, make_plan, read_limits, threshold
from spbe_calc.scoring import score

from .conftest import DATA, EXAMPLES, ROOT, Run, answers_text
from .helpers import EX22, EXAMPLES_DIR, MINI_TEXT, TWO_SCALES, Write, _bands, _model, examples

MINI = load_model(str(ROOT / "tests" / "data" / "mini-model.yaml"))
IDS = [i.id for i in MINI.indicators]


def _strict_mini() -> Model:
    """The mini model with Baik and Sangat Baik starting just above their edges (strict targets)."""
    import tempfile

    text = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = text.replace("min: 3.5, max: 4.2, min_inclusive: true", "min: 3.5, max: 4.2, min_inclusive: false")
    text = text.replace(
        "min: 2.6, max: 3.5, min_inclusive: true, max_inclusive: false",
        "min: 2.6, max: 3.5, min_inclusive: false, max_inclusive: true",
    )
    text = text.replace(
        "min: 1.8, max: 2.6, min_inclusive: true, max_inclusive: false",
        "min: 1.8, max: 2.6, min_inclusive: true, max_inclusive: true",
    )
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    return load_model(fh.name)


MINI_STRICT = _strict_mini()


def brute(
    model: Model, levels: dict[int, int], bar_text: str, limits: Limits, costed: bool
) -> tuple[Fraction, int] | None:
    """The best (cost, steps) over every combination of new levels, or None if unreachable."""
    t, strict = threshold(model, parse_bar(bar_text, "--target")) or (Fraction(-1), False)
    ranges = [range(levels[i.id], max(levels[i.id], limits.cap(i)) + 1) for i in model.indicators]
    best: tuple[Fraction, int] | None = None
    for combo in itertools.product(*ranges):
        new = dict(zip(IDS, combo))
        if not _meets(score(model, new).value, t, strict):
            continue
        steps = sum(new[i] - levels[i] for i in IDS)
        cost = (
            sum(
                (limits.step_cost(model.by_id[i], lv) for i in IDS for lv in range(levels[i] + 1, new[i] + 1)),
                Fraction(0),
            )
            if costed
            else Fraction(steps)
        )
        if best is None or (cost, steps) < best:
            best = (cost, steps)
    return best


levels_st = st.fixed_dictionaries({i: st.integers(1, 5) for i in IDS})
target_st = st.one_of(
    st.sampled_from(["Cukup", "Baik", "Sangat Baik", "Memuaskan"]),
    st.decimals(min_value=1, max_value=5, places=2).map(str),
)
#: Whole and fractional costs (a fractional cost changes the integer scale of the search).
costs_st = st.one_of(st.integers(0, 5).map(Fraction), st.sampled_from([Fraction(1, 2), Fraction(5, 2), Fraction(7, 3)]))
limits_st = st.builds(
    Limits,
    default_cost=st.one_of(st.none(), costs_st, st.dictionaries(st.integers(2, 5), costs_st, max_size=3)),
    default_max=st.one_of(st.none(), st.integers(2, 5)),
    entries=st.dictionaries(
        st.sampled_from(IDS),
        st.fixed_dictionaries(
            {
                "cost": st.one_of(costs_st, st.dictionaries(st.integers(2, 5), costs_st, max_size=4)),
                "max": st.one_of(st.none(), st.integers(1, 5)),
            }
        ),
        max_size=5,
    ),
)


models_st = st.sampled_from([MINI, MINI_STRICT])


@settings(max_examples=examples(150), deadline=None)
@given(levels_st, target_st, models_st)
def test_fewest_raises_is_minimal(levels: dict[int, int], target: str, model: Model) -> None:
    plan = make_plan(model, levels, parse_bar(target, "--target"))
    expected = brute(model, levels, target, Limits(), costed=False)
    if expected is None:
        assert not plan.reachable
    else:
        assert plan.reachable and len(plan.steps) == expected[1]
        assert plan.already_met == (expected[1] == 0)


@settings(max_examples=examples(200), deadline=None)
@given(levels_st, target_st, limits_st, models_st)
def test_cheapest_plan_is_minimal(levels: dict[int, int], target: str, limits: Limits, model: Model) -> None:
    plan = make_plan(model, levels, parse_bar(target, "--target"), limits)
    expected = brute(model, levels, target, limits, costed=True)
    if expected is None:
        assert not plan.reachable
        return
    assert plan.reachable
    assert (plan.total_cost, len(plan.steps)) == expected
    for step in plan.steps:  # within the limits, one level at a time
        assert step.to_level == step.from_level + 1 <= limits.cap(step.indicator)


def test_steps_lead_to_the_reported_index(model: Model) -> None:
    levels = {i.id: 2 for i in model.indicators}
    plan = make_plan(model, levels, parse_bar("Sangat Baik", "--target"))
    assert score(model, plan.levels_after).value == plan.index_after >= Fraction("3.5")
    assert plan.band_after.name == "Sangat Baik"
    assert [s.reaches_target for s in plan.steps].count(True) == 1 and plan.steps[-1].reaches_target
    assert plan.steps[-1].enters_band
    assert plan.steps[0].indicator.weight == max(i.weight for i in model.indicators)


def test_target_on_an_exact_edge(model: Model) -> None:
    from .test_scoring import LEVELS_17975

    plan = make_plan(model, dict(LEVELS_17975), parse_bar("Cukup", "--target"))
    # 1.7975 is shown as 1.80 but is Kurang: one more step is needed, and found.
    assert not plan.already_met and len(plan.steps) == 1
    assert make_plan(model, dict(LEVELS_17975), parse_bar("1.79", "--target")).already_met


def test_rounded_banding_needs_less(tmp_path: Path) -> None:
    from .test_scoring import LEVELS_17975, _rounded_model

    rounded = _rounded_model(tmp_path)
    assert make_plan(rounded, dict(LEVELS_17975), parse_bar("Cukup", "--target")).already_met
    assert make_plan(rounded, dict(LEVELS_17975), parse_bar("1.80", "--target")).already_met


def test_unreachable_is_explained(model: Model) -> None:
    levels = {i.id: 1 for i in model.indicators}
    limits = Limits(default_max=3)
    plan = make_plan(model, levels, parse_bar("Sangat Baik", "--target"), limits)
    assert not plan.reachable and plan.max_index == 3


def test_items_are_planned_per_item() -> None:
    m = load_model("spbe-2018")
    levels: dict[int, object] = {i.id: 5 for i in m.indicators}
    levels[35] = (0, 0, 5)
    levels[1] = 0
    plan = make_plan(m, levels, parse_bar("4.9", "--target"))  # type: ignore[arg-type]
    assert all(s.indicator.id in (1, 35) for s in plan.steps)
    assert any(s.item is not None for s in plan.steps)


def test_plan_with_costs_file(run: Run, write: Callable[..., Path]) -> None:
    costs = write("rencana.yaml", "default: {cost: 1}\nindicators:\n  42: {cost: 9, max: 4}\n  47: {max: 3}\n")
    data = json.loads(
        run("plan", str(EXAMPLES / "kabupaten-contoh-2022.yaml"), "-t", "Baik", "-c", str(costs), "-f", "json").stdout
    )
    assert data["costed"] is True and data["reachable"] is True
    for s in data["steps"]:
        assert not (s["indicator"] == 47 and s["to"] > 3)
        assert not (s["indicator"] == 42 and s["to"] > 4)


def test_plan_errors(run: Run, write: Callable[..., Path]) -> None:
    path = str(EXAMPLES / "kabupaten-contoh-2022.yaml")
    assert run("plan", path, "-t", "hebat").exit_code == 2
    bad = write("rencana.yaml", "indicators:\n  99: {cost: 1}\n  3: {cost: -1}\n")
    r = run("plan", path, "-t", "Baik", "-c", str(bad))
    assert r.exit_code == 2 and f"{bad}:2:3" in r.stderr and "negatif" in r.stderr
    r = run("plan", path, "-t", "5.5")  # above the scale: a mistake, not an unreachable target
    assert r.exit_code == 2 and "--target 5.5" in r.stderr and "(1-5)" in r.stderr
    limits = write("batas.yaml", "default: {max: 3}\n")
    r = run("plan", path, "-t", "4", "-c", str(limits))
    assert r.exit_code == 1 and "tidak dapat dicapai" in r.stdout


# --- plan files ----------------------------------------------------------------------------------


def test_plan_file_defaults_entries_and_cost_maps(model: Model) -> None:
    """examples/rencana-2023.yaml: default cost 5 and max 4; per-indicator costs, caps and maps."""
    limits = read_limits(str(EXAMPLES / "rencana-2023.yaml"), model)
    one, i29, i45, i46 = (model.by_id[i] for i in (1, 29, 45, 46))
    assert (limits.cap(one), limits.step_cost(one, 3)) == (4, Fraction(5))  # the defaults
    assert (limits.cap(i29), limits.step_cost(i29, 2)) == (1, Fraction(5))  # max 1, default cost
    assert (limits.cap(i46), limits.step_cost(i46, 2)) == (3, Fraction(4))  # its own cost and max
    assert limits.step_cost(i45, 4) == Fraction(8)  # {4: 8}
    assert limits.step_cost(i45, 3) == Fraction(5)  # not in its map: the default cost


def test_plan_file_without_a_default(model: Model, write: Callable[..., Path]) -> None:
    limits = read_limits(str(write("r.yaml", "indicators:\n  2: {cost: {3: 2.5}}\n")), model)
    one, two = model.by_id[1], model.by_id[2]
    assert (limits.cap(one), limits.step_cost(one, 5)) == (5, Fraction(1))  # no cap, a step costs 1
    assert (limits.step_cost(two, 3), limits.step_cost(two, 4)) == (Fraction("2.5"), Fraction(1))
    assert Limits().step_cost(one, 2) == Fraction(1) and Limits().cap(one) == 5


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("default: {cost: -2}\n", 1, 17),
        ("indicators:\n  3: {cost: -0.5}\n", 2, 13),
        ("indicators:\n  3:\n    cost: {4: -1}\n", 3, 11),
    ],
)
def test_negative_costs_are_refused_where_they_stand(
    model: Model, write: Callable[..., Path], text: str, line: int, col: int
) -> None:
    with pytest.raises(SpbeError) as info:
        read_limits(str(write("r.yaml", text)), model)
    assert info.value.exit_code == ExitCode.BAD_INPUT
    assert [(p.code, p.line, p.col) for p in info.value.problems] == [("negative-cost", line, col)]


def test_a_cost_of_zero_is_allowed(model: Model, write: Callable[..., Path]) -> None:
    limits = read_limits(str(write("r.yaml", "default: {cost: 0}\nindicators:\n  3: {cost: 0.5}\n")), model)
    assert limits.step_cost(model.by_id[1], 2) == 0 and limits.step_cost(model.by_id[3], 2) == Fraction(1, 2)


def test_unknown_indicators_in_a_plan_file(model: Model, write: Callable[..., Path]) -> None:
    with pytest.raises(SpbeError) as info:
        read_limits(str(write("r.yaml", "indicators:\n  3: {cost: 1}\n  99: {max: 2}\n")), model)
    (problem,) = info.value.problems
    assert (problem.code, problem.line, problem.col, problem.args["id"]) == ("unknown-indicator", 3, 3, 99)
    assert (problem.args["first"], problem.args["last"]) == (1, 47)


def test_yaml_problems_in_a_plan_file_are_not_ignored(model: Model, write: Callable[..., Path]) -> None:
    """A duplicate key leaves data that fits the format; the file is still refused."""
    with pytest.raises(SpbeError) as info:
        read_limits(str(write("r.yaml", "default: {cost: 1}\ndefault: {cost: 2}\n")), model)
    assert [p.code for p in info.value.problems] == ["duplicate-key"]
    assert info.value.exit_code == ExitCode.BAD_INPUT


ALL_MINI = {1: 3, 2: 3, 3: 3, 4: 3, 5: 3}

#: A model whose upper bands start *above* their edge (min_inclusive: false): 2.00 exactly is
#: still Kurang, so a plan to Baik from all 2s needs a raise.
EXCLUSIVE = TWO_SCALES.replace(
    "  - {name: Baik, min: 2.5, max: 5, max_inclusive: true}\n  - {name: Kurang, max: 2.5}\n",
    "  - {name: Baik, min: 2, min_inclusive: false, max: 5, max_inclusive: true}\n"
    "  - {name: Kurang, max: 2, max_inclusive: true}\n",
).replace("scale: tiga}", "}")


def _plan_order(
    model: Model, levels: dict[int, LevelValue], target: str, entries: dict[int, Any]
) -> list[tuple[int, int]]:
    plan = make_plan(model, levels, parse_bar(target, "--target"), Limits(default_max=5, entries=entries))
    return [(s.indicator.id, s.to_level) for s in plan.steps]


def _above_4_1(write: Callable[..., Path]) -> Model:
    """Two indicators weighing 30 and 70; Tinggi starts just above 4.1 (an exclusive edge)."""
    bands = (
        "predikat:\n"
        "  - {name: Tinggi, min: 4.1, max: 5.0, min_inclusive: false, max_inclusive: true}\n"
        "  - {name: Rendah, min: null, max: 4.1, max_inclusive: true}\n"
    )
    aspects = (
        "aspects:\n  - id: 1\n    name: Aspek Satu\n    weight: 100\n    indicators:\n"
        "      - {id: 1, name: Indikator Satu, weight: 30, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}\n"
        "      - {id: 2, name: Indikator Dua, weight: 70, criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}\n"
    )
    return _model(write, MINI_TEXT[: MINI_TEXT.index("predikat:")] + bands + aspects)


def test_fewest_raises_respect_an_exclusive_target_edge(write: Callable[..., Path]) -> None:
    """With "Tinggi" starting just above 3.35, reaching exactly 3.35 is not enough."""
    model = _model(
        write,
        _bands(
            "predikat:\n"
            "  - {name: Tinggi, min: 3.35, max: 5, min_inclusive: false, max_inclusive: true}\n"
            "  - {name: Rendah, min: null, max: 3.35, max_inclusive: true}\n"
        ),
    )
    assert threshold(model, parse_bar("Tinggi", "--target")) == (Fraction("3.35"), True)
    # From 3.00, one step of indicator 3 (weight 35) lands exactly on 3.35: still Rendah.
    plan = make_plan(model, dict(ALL_MINI), parse_bar("Tinggi", "--target"))
    assert [(s.indicator.id, s.to_level) for s in plan.steps] == [(3, 4), (3, 5)]  # 0.35 each, the largest
    assert plan.index_after == Fraction("3.70") and plan.band_after.name == "Tinggi"
    assert score(model, plan.levels_after).band.name == "Tinggi"
    # The same edge, inclusive: the one step is enough.
    inclusive = _model(write, MINI_TEXT)
    assert make_plan(inclusive, dict(ALL_MINI), parse_bar("3.35", "--target")).steps[-1].index_after == Fraction("3.35")


def test_a_plan_file_default_cost_map_without_the_level_costs_one(write: Callable[..., Path]) -> None:
    limits = read_limits(str(write("r.yaml", "default: {cost: {3: 4}}\n")), load_model("spbe-2020"))
    one = load_model("spbe-2020").by_id[1]
    assert limits.step_cost(one, 3) == 4 and limits.step_cost(one, 4) == 1


def test_the_rounded_target_edge(write: Callable[..., Path]) -> None:
    """Banding the rounded index, Baik (from 2.6) is met from 2.595: what rounds onto the edge."""
    model = _model(write, MINI_TEXT.replace("  banding: exact\n", "  banding: rounded\n"))
    assert threshold(model, parse_bar("Baik", "--target")) == (Fraction("2.595"), False)
    strict = _model(
        write,
        _bands(
            "predikat:\n"
            "  - {name: Tinggi, min: 2.6, max: 5, min_inclusive: false, max_inclusive: true}\n"
            "  - {name: Rendah, min: null, max: 2.6, max_inclusive: true}\n"
        ).replace("  banding: exact\n", "  banding: rounded\n"),
    )
    assert threshold(strict, parse_bar("Tinggi", "--target")) == (Fraction("2.605"), False)  # 2.61 is the first above


def test_plan_uses_the_model_it_is_given(run: Run) -> None:
    """plan --model must be the model the plan is made with (a mismatch is refused, as in score)."""
    r = run(
        "plan", str(DATA.parent.parent / "examples" / "kabupaten-contoh-2022.yaml"), "-t", "Baik", "-m", "spbe-2018"
    )
    assert r.exit_code == 2 and "spbe-2018" in r.stderr


def test_a_too_fine_search_is_named_exactly_at_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit is inclusive: a search of exactly the limit runs, one update more is refused."""
    from spbe_calc import plan as planning

    model = load_model("spbe-2020")
    levels = {i.id: 1 for i in model.indicators}
    limits = planning.Limits(default_cost=Fraction(1))
    work = 188 * (8000 + 1)  # steps × (gain units + 1) for a target of 5.00 from all at level 1
    monkeypatch.setattr(planning, "CHEAPEST_WORK_LIMIT", work)
    assert make_plan(model, levels, parse_bar("5", "--target"), limits).reachable
    monkeypatch.setattr(planning, "CHEAPEST_WORK_LIMIT", work - 1)
    with pytest.raises(SpbeError) as info:
        make_plan(model, levels, parse_bar("5", "--target"), limits)
    (problem,) = info.value.problems
    assert (problem.path, problem.code, problem.args) == ("--costs", "plan-too-fine", {"work": work, "limit": work - 1})


def test_an_empty_plan_file_is_reported(write: Callable[..., Path], run: Run) -> None:
    empty = write("rencana.yaml", "")
    r = run("plan", str(DATA.parent.parent / "examples" / "kabupaten-contoh-2022.yaml"), "-t", "Baik", "-c", str(empty))
    assert r.exit_code == 2 and f"{empty}:1:1: galat: berkas kosong" in r.stderr


def test_plan_file_levels_follow_each_indicators_scale(write: Callable[..., Path]) -> None:
    model = _model(write, TWO_SCALES)
    ok = write("ok.yaml", "default: {max: 5}\nindicators:\n  1: {max: 5, cost: {5: 2}}\n  2: {max: 3, cost: {1: 1}}\n")
    assert read_limits(str(ok), model).entries[1]["max"] == 5  # the top of the scale is allowed
    bad = write("bad.yaml", "indicators:\n  2: {max: 4, cost: {4: 1}}\n  1: {cost: {1: 2}}\n")
    with pytest.raises(SpbeError) as info:
        read_limits(str(bad), model)
    found = [(p.code, p.line, p.args) for p in info.value.problems]
    assert found == [
        ("plan-level-outside-scale", 2, {"level": 4, "minimum": 0, "maximum": 3}),
        ("plan-cost-level", 2, {"level": 4, "minimum": 1, "maximum": 3}),
        ("plan-cost-level", 3, {"level": 1, "minimum": 2, "maximum": 5}),
    ]


def test_a_plan_to_an_exclusive_edge_must_pass_it(write: Callable[..., Path], run: Run) -> None:
    model = write("tepi.yaml", EXCLUSIVE)
    answers = write("j.yaml", f"model: {model.name}\nlevels: {{1: 2, 2: 2}}\n")
    r = run("plan", str(answers), "-t", "Baik", "-f", "json")
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["already_met"] is False and data["reachable"] is True
    assert data["index_before"] == 2.0 and data["predikat_before"] == "Kurang"
    assert len(data["steps"]) == 1 and data["predikat_after"] == "Baik" and data["index_after"] == 2.5
    assert data["steps"][0]["enters_band"] is True and data["steps"][0]["reaches_target"] is True
    costs = write("biaya.yaml", "default: {cost: 1}\n")
    r = run("plan", str(answers), "-t", "Baik", "-c", str(costs), "-f", "json")
    assert len(json.loads(r.stdout)["steps"]) == 1  # the cheapest search passes the edge too


def test_plans_that_need_nothing_or_cannot_be_made(write: Callable[..., Path], run: Run) -> None:
    path = str(DATA.parent.parent / "examples" / "kabupaten-contoh-2022.yaml")
    met = json.loads(run("plan", path, "-t", "Kurang", "-f", "json").stdout)  # the lowest predikat
    assert met["already_met"] is True and met["reachable"] is True and met["steps"] == []
    assert met["index_after"] == met["index_before"] and met["predikat_after"] == met["predikat_before"]
    capped = write("batas.yaml", "default: {max: 3}\n")
    r = run("plan", path, "-t", "4", "-c", str(capped), "-f", "json")
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and data["reachable"] is False and data["already_met"] is False


def test_a_plan_on_a_model_with_items(run: Run) -> None:
    """5/2018 scores some indicators per item: every indicator's steps are candidates."""
    path = str(DATA.parent.parent / "examples" / "kota-denpasar-2018.yaml")
    data = json.loads(run("plan", path, "-t", "Sangat Baik", "-f", "json").stdout)
    ids = {s["indicator"] for s in data["steps"]}
    assert data["reachable"] is True and any(i < 35 for i in ids)
    # REGRESSION VALUES (the program's output, read by hand against the model's weights): the
    # fewest raises from 2.64 to Sangat Baik (3.5) start with the heaviest services (26, 25).
    assert (len(data["steps"]), data["index_after"]) == (19, 3.52)
    assert [(s["indicator"], s["to"]) for s in data["steps"][:3]] == [(26, 2), (26, 3), (25, 4)]


def test_a_costed_plan_lists_the_best_value_first(run: Run) -> None:
    root = DATA.parent.parent / "examples"
    r = run(
        "plan",
        str(root / "kabupaten-contoh-2022.yaml"),
        "-t",
        "Baik",
        "-c",
        str(root / "rencana-2023.yaml"),
        "-f",
        "json",
    )
    steps = json.loads(r.stdout)["steps"]
    gains = [Fraction(s["index_after_exact"]) for s in steps]
    before = Fraction(json.loads(r.stdout)["index_before_exact"])
    ratios = [(g - p) / Fraction(s["cost"]) for s, g, p in zip(steps, gains, [before, *gains[:-1]])]
    assert ratios == sorted(ratios, reverse=True) and len(steps) > 1


def test_plan_points_at_the_published_result(run: Run) -> None:
    published = Path(__file__).resolve().parent.parent / "examples" / "tahap" / "kabupaten-contoh-2021.yaml"
    r = run("plan", str(published), "--target", "Baik")
    assert r.exit_code == 2 and "kabupaten-contoh-2021.yaml:9:3:" in r.stderr  # the value of `hasil`


def test_the_cheapest_plan_is_cheaper_than_one_expensive_step(write: Callable[..., Path]) -> None:
    """Six cheap raises (cost 6) beat one raise of the same gain that costs 7.

    The step count only breaks ties between plans of equal cost; a tie-breaker that grows with
    the number of raises (or of indicators raised) must never outweigh one unit of cost.
    """
    indicators = "".join(
        f"          - {{id: {i}, name: Indikator {i}, weight: {w}, criteria: {{1: a, 2: b, 3: c, 4: d, 5: e}}}}\n"
        for i, w in [(1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (6, 8), (7, 48), (8, 4)]
    )
    domains = (
        "domains:\n  - id: 1\n    name: Domain Satu\n    weight: 100\n    aspects:\n"
        "      - id: 1\n        name: Aspek Satu\n        weight: 100\n        indicators:\n" + indicators
    )
    model = _model(write, MINI_TEXT[: MINI_TEXT.index("domains:")] + domains)
    levels: dict[int, LevelValue] = dict.fromkeys(range(1, 8), 4) | {8: 5}  # index 4.04; every raise is one step
    plan = make_plan(model, levels, parse_bar("4.52", "--target"), Limits(default_cost=1, entries={7: {"cost": 7}}))
    assert plan.reachable and plan.total_cost == 6
    assert sorted(step.indicator.id for step in plan.steps) == [1, 2, 3, 4, 5, 6]


def test_the_lowest_predikat_as_target_has_no_index_to_reach(run: Run) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "kabupaten-contoh-2022.yaml"
    data = json.loads(run("plan", str(example), "--target", "Kurang", "-f", "json").stdout)
    assert data["already_met"] and data["target_index_exact"] is None and data["steps"] == []


def test_the_plan_shows_free_steps_first_then_the_best_value(model: Model) -> None:
    """Steps are listed by gain per cost, free ones first; equal value: the larger gain first;
    and one indicator's own steps always in level order, even when its later step is cheaper."""
    levels: dict[int, LevelValue] = dict.fromkeys(range(1, 48), 5) | {1: 1, 2: 1, 42: 3, 47: 4}
    entries = {
        1: {"cost": Fraction(13, 10), "max": 2},  # 1.30 % for 1.3: 0.01 per unit of cost
        2: {"cost": {2: Fraction(26, 10), 3: Fraction(13, 100)}, "max": 3},  # 0.005, then 0.1
        42: {"cost": 3, "max": 4},  # 3 % for 3: 0.01 too, with the larger gain
        47: {"cost": 0},
    }
    # Every step is needed: 3 + 3 + 1.3 + 2 × 1.3 = 9.9 % of the index.
    target = str(Decimal(exact_str(score(model, levels).value)) + Decimal("0.099"))
    assert _plan_order(model, levels, target, entries) == [(47, 5), (2, 2), (42, 4), (1, 2), (2, 3)]


def test_a_plan_says_which_step_enters_a_predikat_and_keeps_its_levels(model: Model) -> None:
    levels = score_file(str(EXAMPLES_DIR / "kabupaten-contoh-2022.yaml")).score.levels
    met = make_plan(model, levels, parse_bar("Kurang", "--target"))  # any index is Kurang or better
    assert met.already_met and met.strict is False and met.threshold < 0 and met.levels_after == levels
    plan = make_plan(model, levels, parse_bar("Baik", "--target"))
    assert plan.strict is False
    assert [s.enters_band for s in plan.steps] == [False] * 7 + [True]  # Cukup until the 8th raise


def test_a_step_onto_an_exclusive_edge_does_not_reach_the_target(write: Callable[..., Path]) -> None:
    """Tinggi starts just above 4.1: the raise that lands on 4.1 exactly is not the one that reaches it."""
    model = _above_4_1(write)
    plan = make_plan(model, {1: 1, 2: 5}, parse_bar("Tinggi", "--target"))  # 3.8, then 4.1, then 4.4
    assert [(s.to_level, s.reaches_target) for s in plan.steps] == [(2, False), (3, True)]


def test_a_target_just_above_the_best_reachable_index_is_out_of_reach(write: Callable[..., Path]) -> None:
    """Tinggi starts just above 4.1 and the caps allow 4.1 at most: unreachable, said before planning."""
    model = _above_4_1(write)
    plan = make_plan(model, {1: 1, 2: 5}, parse_bar("Tinggi", "--target"), Limits(entries={1: {"max": 2}}))
    assert not plan.reachable and plan.max_index == Fraction(41, 10) and plan.steps == ()


def test_plan_names_its_own_options(run: Run, write: Write) -> None:
    r = run("plan", EX22, "--target", "abc")
    assert r.exit_code == 2 and r.stderr.startswith("--target:") and "--fail-under" not in r.stderr
    incomplete = write("j.yaml", answers_text({1: 3}))
    r = run("plan", str(incomplete), "--target", "Baik")
    assert r.exit_code == 2 and "--partial" not in r.stderr
    assert f"spbe-calc assess {incomplete} --indicators '2-47'" in r.stderr


def test_a_plan_file_with_levels_outside_the_scale_is_an_error(run: Run, write: Write) -> None:
    costs = write("rencana.yaml", "default: {max: 6}\nindicators:\n  5: {max: 9, cost: {1: 3, 4: 2}}\n")
    r = run("plan", EX22, "-t", "Baik", "-c", str(costs))
    assert r.exit_code == 2
    assert f"{costs}:1:16: galat: tingkat 6 di luar skala (1-5)" in r.stderr
    assert f"{costs}:3:12: galat: tingkat 9 di luar skala (1-5)" in r.stderr
    assert f"{costs}:3:22: galat: biaya untuk tingkat 1, padahal kenaikan hanya mencapai tingkat 2-5" in r.stderr


def test_a_cheapest_plan_too_fine_to_compute_is_refused(run: Run, write: Callable[..., Path]) -> None:
    """Weights with four decimals make the exact search table huge: a message, not minutes."""
    text = (ROOT / "tests" / "data" / "mini-model.yaml").read_text(encoding="utf-8")
    text = text.replace("weight: 10.00, criteria", "weight: 10.0001, criteria").replace(
        "Indikator Lima, weight: 15.00", "Indikator Lima, weight: 14.9999"
    )
    model = write("m.yaml", text)
    answers = write("a.yaml", f"model: {model}\nlevels: {{1: 1, 2: 1, 3: 1, 4: 1, 5: 1}}\n")
    costs = write("c.yaml", "default: {cost: 1}\n")
    r = run("plan", str(answers), "-t", "4.5", "-c", str(costs))
    assert r.exit_code == 2 and "--costs" in r.stderr
    assert run("plan", str(answers), "-t", "4.5").exit_code == 0  # the fewest raises still work
