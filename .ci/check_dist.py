#!/usr/bin/env python3
"""Check the built wheel and sdist against the repository: nothing tracked is left out.

- the wheel holds every file of ``spbe_calc/`` that git tracks (models, schemas, catalogues, the
  published table, ``py.typed``), its licence, and a bundled ``spbe-2020.yaml`` equal to
  ``indicators.yaml``;
- the sdist holds every tracked file but the repository's own control files (:data:`NOT_SHIPPED`),
  and no link.

The lists come from ``git ls-files``: a file added to the repository is checked without editing
this script. Usage: python .ci/check_dist.py DIST_FOLDER
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

#: Tracked files an sdist does not need: the repository's and the packaging's own control files.
NOT_SHIPPED = (".github/", ".gitignore", ".gitattributes", "MANIFEST.in")


def tracked() -> list[str]:
    """The files git tracks, as paths relative to the repository."""
    out = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True).stdout
    return [name for name in out.decode("utf-8").split("\0") if name]


def check_wheel(path: Path, files: list[str]) -> list[str]:
    """What the wheel lacks."""
    failures = []
    with zipfile.ZipFile(path) as wheel:
        names = set(wheel.namelist())
        failures += [f"wheel lacks {n}" for n in files if n.startswith("spbe_calc/") and n not in names]
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        if "License-Expression: MIT" not in wheel.read(metadata).decode("utf-8"):
            failures.append("wheel metadata has no License-Expression: MIT")
        if not any(n.endswith("/licenses/LICENSE") for n in names):
            failures.append("wheel lacks the LICENSE file")
        if wheel.read("spbe_calc/model/bundled/spbe-2020.yaml") != Path("indicators.yaml").read_bytes():
            failures.append("wheel's spbe-2020.yaml differs from indicators.yaml")
    return failures


def check_sdist(path: Path, files: list[str]) -> list[str]:
    """What the sdist lacks, and the links it holds."""
    with tarfile.open(path) as sdist:
        members = sdist.getmembers()
        top = members[0].name.split("/")[0] + "/"
        names = {m.name for m in members}
        failures = [f"sdist lacks {n}" for n in files if not n.startswith(NOT_SHIPPED) and top + n not in names]
        failures += [f"sdist holds a link: {m.name}" for m in members if m.issym() or m.islnk()]
    return failures


def main(folder: Path) -> int:
    """Check the wheel and sdist in ``folder``; 1 when something is missing."""
    wheels = sorted(folder.glob("spbe_calc-*.whl"))
    sdists = sorted(folder.glob("spbe_calc-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"check_dist: expected one wheel and one sdist in {folder}", file=sys.stderr)
        return 1
    files = tracked()
    failures = check_wheel(wheels[0], files) + check_sdist(sdists[0], files)
    for line in failures:
        print(f"check_dist: {line}", file=sys.stderr)
    if not failures:
        print(f"check_dist: {wheels[0].name} and {sdists[0].name} hold every tracked file they should")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
