"""spbe_calc.paths: every lookup answers, and "inside a folder" follows links."""

from __future__ import annotations

import os
from pathlib import Path

from spbe_calc.paths import exists, inside, is_file, is_folder


def test_lookups_answer_for_what_is_there(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("x: 1\n")
    assert exists(f) and is_file(f) and not is_folder(f)
    assert exists(tmp_path) and is_folder(tmp_path) and not is_file(tmp_path)
    gone = tmp_path / "gone.yaml"
    assert not exists(gone) and not is_file(gone) and not is_folder(gone)


def test_a_name_the_system_cannot_look_up_is_not_there(tmp_path: Path) -> None:
    # pathlib raises for these on some Python versions (too long a name); a path under a file
    # is "not a directory". Neither may become a traceback.
    for odd in (tmp_path / ("x" * 5000), tmp_path / "a.yaml" / "b"):
        (tmp_path / "a.yaml").write_text("")
        assert not exists(odd) and not is_file(odd) and not is_folder(odd)


def test_inside_follows_links_and_dots(tmp_path: Path) -> None:
    folder = tmp_path / "tim"
    folder.mkdir()
    (folder / "bukti").mkdir()
    (folder / "bukti" / "sk.pdf").write_text("")
    outside = tmp_path / "rahasia.txt"
    outside.write_text("")
    assert inside(folder / "bukti" / "sk.pdf", folder)
    assert inside(folder, folder)
    assert not inside(folder / ".." / "rahasia.txt", folder)
    assert not inside(outside, folder)
    (folder / "pintu").symlink_to(outside)
    assert not inside(folder / "pintu", folder)  # a link that leads out is outside
    (tmp_path / "masuk").symlink_to(folder / "bukti")
    assert inside(tmp_path / "masuk" / "sk.pdf", folder)
    # A name spbe-calc cannot resolve (a NUL byte) is never inside.
    assert not inside(Path(os.fsdecode(b"a\x00b")), folder)
