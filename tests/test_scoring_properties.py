"""Invariants of the index, checked on random level sets (hypothesis)."""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_calc.model import Model, load_model
from spbe_calc.numbers import exact_str, round_half_up
from spbe_calc.render import json_num
from spbe_calc.scoring import band_of, score

from .helpers import examples
from .oracle import weighted_index

MODEL: Model = load_model("spbe-2020")
IDS = [i.id for i in MODEL.indicators]


def level_sets() -> st.SearchStrategy[dict[int, int]]:
    return st.fixed_dictionaries({i.id: st.integers(i.scale.min, i.scale.max) for i in MODEL.indicators})


@given(st.integers(1, 5))
def test_all_levels_n_gives_n_everywhere(n: int) -> None:
    s = score(MODEL, dict.fromkeys(IDS, n))
    assert s.value == n
    assert all(g.value == n for g in s.domains + s.aspects)


@settings(max_examples=examples(200))
@given(level_sets(), st.sampled_from(IDS))
def test_raising_one_level_never_lowers_any_aggregate(levels: dict[int, int], ident: int) -> None:
    if levels[ident] == MODEL.by_id[ident].scale.max:
        return
    before = score(MODEL, levels)
    after = score(MODEL, {**levels, ident: levels[ident] + 1})
    assert after.value > before.value
    for a, b in zip(before.domains + before.aspects, after.domains + after.aspects):
        assert b.value >= a.value
    order = [b.name for b in sorted(MODEL.bands, key=lambda b: b.min or 0)]
    assert order.index(after.band.name) >= order.index(before.band.name)


@settings(max_examples=examples(200))
@given(level_sets())
def test_index_is_weighted_sum_over_100(levels: dict[int, int]) -> None:
    s = score(MODEL, levels)
    assert s.value == sum(i.weight * levels[i.id] for i in MODEL.indicators) / 100
    assert s.value == sum(i.contribution for i in s.indicators)
    assert 1 <= s.value <= 5


@settings(max_examples=examples(200))
@given(level_sets())
def test_domain_indices_recombine_to_index(levels: dict[int, int]) -> None:
    s = score(MODEL, levels)
    assert sum(d.value * d.weight for d in s.domains) / 100 == s.value
    for d in MODEL.domains:
        aspect_scores = [a for a in s.aspects if a.parent == d.id]
        domain_score = next(x for x in s.domains if x.id == d.id)
        assert sum(a.value * a.weight for a in aspect_scores) / d.weight == domain_score.value


@settings(max_examples=examples(100))
@given(level_sets())
def test_integer_scoring_follows_the_published_formulas(levels: dict[int, int]) -> None:
    """score() sums in integer units; the regulation's step-by-step formulas give the same values."""
    s = score(MODEL, levels)
    for aspect, got in zip(MODEL.aspects, s.aspects):
        assert got.value == weighted_index(((levels[i.id], i.weight) for i in aspect.indicators), aspect.weight)
    for domain, got in zip(MODEL.domains, s.domains):
        by_id = {a.id: a for a in s.aspects}
        assert got.value == weighted_index(((by_id[a.id].value, a.weight) for a in domain.aspects), domain.weight)
    assert s.value == weighted_index(((d.value, d.weight) for d in s.domains), 100)


@given(st.fractions(min_value=1, max_value=5))
def test_every_value_has_exactly_one_band(value: Fraction) -> None:
    assert sum(b.contains(value) for b in MODEL.bands) == 1
    assert band_of(MODEL, value).contains(value)


@given(st.fractions(min_value=-10, max_value=10), st.integers(0, 6))
def test_rounding_is_within_half_a_unit(value: Fraction, places: int) -> None:
    rounded = Fraction(round_half_up(value, places))
    assert abs(rounded - value) <= Fraction(1, 2 * 10**places)


_any_fraction = st.fractions(min_value=-(10**12), max_value=10**12, max_denominator=10**9)


@given(_any_fraction, st.integers(0, 12))
def test_rounding_agrees_with_decimal_round_half_up(value: Fraction, places: int) -> None:
    """Our integer rounding against an independent one: Decimal's, with precision to spare."""
    with decimal.localcontext() as ctx:
        ctx.prec = 200
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
        expected = quotient.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    got = round_half_up(value, places)
    assert got == expected
    assert str(got) == str(expected) if got else got == 0
    # JSON numbers are the float nearest to the rounded decimal, whichever way it is computed.
    assert json_num(value, places) == float(expected)


@given(st.one_of(_any_fraction, st.integers(0, 40).map(lambda k: Fraction(1, 2**k))))
def test_exact_text_is_the_value_when_it_terminates(value: Fraction) -> None:
    text = exact_str(value)
    terminates = Fraction(text) == value
    den, needed = value.denominator, 0  # decimals needed: the larger power of 2 or 5 in den
    for p in (2, 5):
        power = 0
        while den % p == 0:
            den, power = den // p, power + 1
        needed = max(needed, power)
    assert terminates == (den == 1 and needed <= 30)
    if not terminates:
        assert len(text.partition(".")[2]) == 30
        assert abs(Fraction(text) - value) <= Fraction(1, 2 * 10**30)


# --- what assess writes is read back exactly ----------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=examples(200), deadline=None)
@given(
    instansi=st.one_of(st.none(), _text),
    tahun=st.one_of(st.none(), st.integers(2000, 2100)),
    entries=st.dictionaries(
        st.integers(1, 47),
        st.tuples(
            st.one_of(st.none(), st.integers(1, 5)),
            st.one_of(st.none(), _text.filter(bool)),
            st.one_of(st.none(), _text.filter(str.strip)),
            st.lists(_text.filter(lambda s: s.strip()), max_size=3),
        ),
        max_size=10,
    ),
    laporan=st.one_of(
        st.none(),
        st.tuples(
            st.one_of(st.none(), _text),
            st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10)),
            st.one_of(st.none(), _text.filter(str.strip)),
            st.lists(
                st.tuples(  # jabatan and nama must say something: a blank one is an error
                    _text.filter(str.strip),
                    _text.filter(str.strip),
                    st.one_of(st.none(), _text),
                    st.one_of(st.none(), _text),
                ),
                max_size=3,
            ),
        ),
    ),
)
def test_written_answers_read_back_unchanged(
    tmp_path_factory: object,
    instansi: object,
    tahun: object,
    entries: dict[int, tuple[object, object, object, list[str]]],
    laporan: tuple[object, object, object, list[tuple[str, str, object, object]]] | None,
) -> None:
    """Levels, explanations and the report's laporan section survive a write and a read."""
    from spbe_calc.answers import Answer, Answers, Laporan, Signer, read_answers
    from spbe_calc.answers.write import dump_answers

    answers = Answers(
        "x.yaml",
        "spbe-2020",
        instansi,
        tahun,  # type: ignore[arg-type]
        {k: Answer(k, lv, f, a, tuple(b)) for k, (lv, f, a, b) in entries.items()},
        laporan=None
        if laporan is None
        else Laporan(laporan[0], laporan[1], laporan[2], tuple(Signer(*p) for p in laporan[3])),  # type: ignore[arg-type]
    )  # type: ignore[arg-type]
    path = tmp_path_factory.mktemp("rt") / "j.yaml"  # type: ignore[attr-defined]
    path.write_text(dump_answers(answers, [i.id for i in MODEL.indicators]), encoding="utf-8")
    back = read_answers(path)
    assert back.problems == ()
    assert (back.model, back.instansi, back.tahun) == ("spbe-2020", instansi, tahun)
    assert back.answers == answers.answers
    # an empty laporan section says nothing and reads back as none
    assert back.laporan == (None if answers.laporan == Laporan() else answers.laporan)
