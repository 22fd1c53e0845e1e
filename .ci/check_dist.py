#!/usr/bin/env python3
"""Check the built wheel and sdist: the bundled models and schemas must be inside.

Usage: python .ci/check_dist.py DIST_FOLDER
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

MODELS = ["pemdi-2026-b.yaml", "pemdi-2026.yaml", "spbe-2018.yaml", "spbe-2020.yaml"]
SCHEMAS = ["answers.schema.json", "model.schema.json", "plan.schema.json"]
CATALOGUES = ["id.py", "en.py"]


def expected(prefix: str) -> set[str]:
    """The files every distribution must hold, under ``prefix``."""
    return (
        {f"{prefix}spbe_calc/model/bundled/{m}" for m in MODELS}
        | {f"{prefix}spbe_calc/schemas/{s}" for s in SCHEMAS}
        | {f"{prefix}spbe_calc/i18n/{c}" for c in CATALOGUES}
        | {f"{prefix}spbe_calc/py.typed"}
    )


def main(folder: Path) -> int:
    """Check the wheel and sdist in ``folder``; 1 when something is missing."""
    wheels = sorted(folder.glob("spbe_calc-*.whl"))
    sdists = sorted(folder.glob("spbe_calc-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"check_dist: expected one wheel and one sdist in {folder}", file=sys.stderr)
        return 1
    failures = []
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
        failures += [f"wheel lacks {n}" for n in sorted(expected("") - names)]
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        text = wheel.read(metadata).decode("utf-8")
        if "License-Expression: MIT" not in text:
            failures.append("wheel metadata has no License-Expression: MIT")
        if not any(n.endswith("/licenses/LICENSE") for n in names):
            failures.append("wheel lacks the LICENSE file")
        if wheel.read("spbe_calc/model/bundled/spbe-2020.yaml") != Path("indicators.yaml").read_bytes():
            failures.append("wheel's spbe-2020.yaml differs from indicators.yaml")
    with tarfile.open(sdists[0]) as sdist:
        names = set(sdist.getnames())
        top = sdist.getnames()[0].split("/")[0] + "/"
        failures += [f"sdist lacks {n}" for n in sorted(expected(top) - names)]
        for extra in ("LICENSE", "README.md", "CHANGELOG.md", "indicators.yaml", "pyproject.toml"):
            if top + extra not in names:
                failures.append(f"sdist lacks {extra}")
        links = [m.name for m in sdist.getmembers() if m.issym() or m.islnk()]
        failures += [f"sdist holds a link: {n}" for n in links]
    for line in failures:
        print(f"check_dist: {line}", file=sys.stderr)
    if not failures:
        print(f"check_dist: {wheels[0].name} and {sdists[0].name} hold the models, schemas and catalogues")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
