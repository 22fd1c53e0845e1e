"""One-line messages about results, for stderr: incomplete files, files below the bar."""

from __future__ import annotations

from spbe_calc.answers import compact_ids
from spbe_calc.bars import Bar, spelled
from spbe_calc.core import ScoredFile
from spbe_calc.i18n import t
from spbe_calc.render import bar_text, index_name, num, stage_name


def partial_note(f: ScoredFile) -> str:
    """What an incomplete file's index means (empty for a complete file)."""
    if f.score_high is None:  # nothing is missing
        return ""
    high = f"{num(f.score_high.value, f.model.precision)} {f.score_high.band.name}"
    args = {"path": f.path, "count": len(f.missing), "ids": compact_ids(list(f.missing)), "high": high}
    if f.stage != "mandiri":
        return t("out.partial.stage", stage=stage_name(f.stage), **args)
    return t("out.partial", **args)


def below_bar(f: ScoredFile, bar: Bar) -> str:
    """A file whose index is below ``--fail-under`` (a predikat by its official name)."""
    return t(
        "out.below-bar",
        path=f.path,
        name=index_name(f.model),
        index=num(f.score.value, f.model.precision),
        predikat=f.score.band.name,
        bar=bar_text(spelled(bar, f.model).text),
    )


def mixed_models(files: list[ScoredFile]) -> str:
    """A batch scored with more than one model: say so (their indices are not comparable)."""
    counts: dict[str, int] = {}
    for f in files:
        counts[f.model.id] = counts.get(f.model.id, 0) + 1
    if len(counts) < 2:
        return ""
    return t("out.mixed-models", models=", ".join(f"{m} ({n})" for m, n in counts.items()))
