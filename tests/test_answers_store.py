"""The one writer of answers files (``spbe_calc.answers.store``) and the file writes under it.

- Rules kept by reading the code: no other module writes an answers file, and the records of an
  answers file are built by keyword (so no writer can drop a field it does not know).
- Files: replaced atomically or refused with the reason, never truncated in place; a killed save
  leaves the old file whole and its temporary file is removed by the next writer.
- Round trips over generated answers files that use every part of the format (hypothesis):
  merge(x, x) is x, import(export(x)) onto x keeps x, an assess session of Enter changes no
  byte, ``evidence --record`` changes only digests, a stage's level changes only that stage.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pexpect
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_calc.answers import Answer, Answers, Evidence, Laporan, Signer, read_answers
from spbe_calc.answers.comments import Comments
from spbe_calc.answers.read import Published
from spbe_calc.answers.store import lock_path, update
from spbe_calc.answers.write import dump_answers, read_for_update
from spbe_calc.errors import SpbeError
from spbe_calc.fsutil import TEMP_SUFFIX, atomic_write
from spbe_calc.stages import STAGES

from .conftest import PACKAGE, ROOT, Run, bounded
from .helpers import _NOTHING, EX22_PATH, HEAD, _within_bounds, _workbook, examples

STORE = PACKAGE / "answers" / "store.py"


# --- rules kept by reading the code --------------------------------------------------------------


def _calls(name: str) -> list[tuple[Path, int]]:
    """Every call of ``name(...)`` (or ``x.name(...)``) in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = (
                    func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
                )
                if called == name:
                    found.append((path, node.lineno))
    return found


def test_answers_files_are_written_by_the_one_writer_only() -> None:
    """Only the store turns answers into a file's text, and only it takes an answers file's lock."""
    for name in ("dump_answers", "FileLock"):
        places = {path for path, _ in _calls(name)}
        assert places == {STORE}, f"{name} called outside the one writer: {sorted(map(str, places - {STORE}))}"


RECORDS = ("Answer", "Answers", "Evidence", "Laporan", "Signer", "Published")


def test_records_of_an_answers_file_are_built_by_keyword() -> None:
    """Built by position, a record silently drops a field added later (how merge lost tahap)."""
    positional = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in RECORDS and node.args:
                positional.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.func.id}")
    assert positional == []


# --- files: replaced whole, or refused -----------------------------------------------------------


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("lama")
    path.chmod(0o444)
    with pytest.raises(SpbeError) as caught:
        atomic_write(path, "baru")
    assert [p.code for p in caught.value.problems] == ["read-only"] and path.read_text() == "lama"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("lama")
    path.chmod(0o640)
    atomic_write(path, "baru")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "baru"


@pytest.mark.parametrize(
    ("owner", "mode", "groups", "refused"),
    [
        ("other", 0o664, [20], False),  # a colleague's file open to our shared group: the group and mode stay
        ("other", 0o644, [20], True),  # a colleague's file only its owner may write
        ("other", 0o664, [30], True),  # a group we are not in: the new file could not keep it
        ("other", 0o666, [30], False),  # anyone may write it, before and after
        ("self", 0o640, [30], True),  # ours, but its group (readers) would be lost
        ("self", 0o600, [30], False),  # ours, and the group had nothing to lose
    ],
)
def test_a_file_of_another_owner_is_replaced_only_when_its_access_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner: str, mode: int, groups: list[int], refused: bool
) -> None:
    """What a non-root user in a team folder meets (the owner and groups are pretended)."""
    import spbe_calc.fsutil as fsutil

    path = tmp_path / "j.yaml"
    path.write_text("lama")
    path.chmod(mode)
    me = 1000
    info = path.stat()
    monkeypatch.setattr(fsutil, "_own_ids", lambda: (me, 30))
    monkeypatch.setattr(fsutil, "_groups", lambda: set(groups) | {30})
    fake = os.stat_result(
        (mode | stat.S_IFREG, *tuple(info)[1:4], me if owner == "self" else 2000, 20, *tuple(info)[6:])
    )
    monkeypatch.setattr(fsutil, "_writable", lambda _path, _info: True)
    assert fsutil._keeps_access(fake) is not refused


def test_a_hard_linked_answers_file_is_refused_by_assess(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("model: spbe-2020\nlevels:\n  1: 3\n")
    os.link(path, tmp_path / "salinan.yaml")
    r = run("merge", str(path), str(tmp_path / "salinan.yaml"), "-o", str(path))
    assert r.exit_code == 2 and "tautan keras" in r.stderr
    assert (tmp_path / "salinan.yaml").stat().st_ino == path.stat().st_ino


@pytest.mark.parametrize("output", [".", "/", ""])
def test_a_folder_as_output_is_refused(run: Run, tmp_path: Path, output: str) -> None:
    a = tmp_path / "a.yaml"
    a.write_text("model: spbe-2020\nlevels:\n  1: 3\n")
    b = tmp_path / "b.yaml"
    b.write_text("model: spbe-2020\nlevels:\n  2: 3\n")
    r = run("merge", str(a), str(b), "-o", output)
    assert r.exit_code == 2 and "folder, bukan berkas" in r.stderr


SLOW_SAVE = """
import os, sys, time
os.fsync = lambda fd: time.sleep(60)  # a save that never ends: the moment to be killed
from spbe_calc.cli import main
sys.argv = ["spbe-calc", "assess", "--no-explain", sys.argv[1]]
main()
"""


def test_a_save_killed_midway_leaves_the_old_file_and_the_next_writer_cleans_up(tmp_path: Path) -> None:
    """kill -9 in the middle of a save (in a real terminal): readers see the old file whole, the
    temporary file is left, and the next session's save removes it."""
    path = tmp_path / "j.yaml"
    before = 'model: spbe-2020\ninstansi: "K"\ntahun: 2025\nlevels:\n  1: 2\n'
    path.write_text(before)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SPBE_CALC_LANG": "id"}
    child = pexpect.spawn(
        sys.executable, ["-c", SLOW_SAVE, str(path)], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30
    )
    child.expect("Indikator 2 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("4")
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob(f".j.yaml.*{TEMP_SUFFIX}")) and time.monotonic() < deadline:
        time.sleep(0.05)
    leftovers = list(tmp_path.glob(f".j.yaml.*{TEMP_SUFFIX}"))
    assert leftovers and path.read_text() == before  # mid-save: the old file, whole
    os.kill(child.pid, signal.SIGKILL)
    child.close(force=True)
    assert path.read_text() == before and all(p.exists() for p in leftovers)
    child = pexpect.spawn(
        sys.executable, ["-m", "spbe_calc", "assess", "--no-explain", str(path)], env=env, encoding="utf-8", timeout=30
    )
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("4")
    child.expect("Indikator 3 ·")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert read_answers(path).answers[2].level == 4
    assert not any(p.exists() for p in leftovers)


def test_leftovers_of_a_running_writer_stay(tmp_path: Path) -> None:
    path = tmp_path / "j[1].yaml"  # a name that is no glob pattern
    path.write_text("lama")
    # The running writer is a process of this test's own: a mutant that signals it harms no other.
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = tmp_path / f".j[1].yaml.{writer.pid}.abc{TEMP_SUFFIX}"
        alive.write_text("sedang ditulis")
        atomic_write(path, "baru")
        assert alive.exists() and writer.poll() is None
    finally:
        writer.kill()
        writer.wait()


def test_the_lock_file_is_named_beside_the_answers(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "j.yaml") == tmp_path / ".j.yaml.lock"


# --- generated answers files ---------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")
LINE = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF, blacklist_categories=("Cc", "Cs")), max_size=20
).map(lambda s: s.rstrip())
LEVEL = st.integers(1, 5)
DATE = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
SHA = st.binary(min_size=1, max_size=8).map(lambda b: hashlib.sha256(b).hexdigest())
NAME = st.from_regex(r"[A-Za-z][A-Za-z0-9 _-]{0,12}\.(pdf|docx|png)", fullmatch=True).map(str.strip)

EVIDENCE = st.one_of(
    TEXT,
    st.builds(
        lambda path, sha, nomor, tanggal: Evidence(path=path, sha256=sha, nomor=nomor, tanggal=tanggal),
        NAME,
        st.none() | SHA,
        st.none() | TEXT,
        st.none() | DATE,
    ),
    st.builds(
        lambda url: Evidence(url=f"https://contoh.go.id/{url}"), st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True)
    ),
)


@st.composite
def answer(draw: st.DrawFn, ident: int) -> Answer:
    stages = draw(st.lists(st.sampled_from(STAGES[1:]), unique=True, max_size=4))
    return Answer(
        indicator=ident,
        level=draw(st.none() | LEVEL),
        fakta=draw(st.none() | TEXT),
        analisis=draw(st.none() | TEXT),
        bukti=tuple(draw(st.lists(EVIDENCE, max_size=3))),
        tahap=tuple((s, draw(LEVEL)) for s in STAGES if s in stages),
    )


SIGNER = st.builds(
    lambda jabatan, nama, nip, peran: Signer(jabatan=jabatan, nama=nama, nip=nip, peran=peran),
    TEXT,
    TEXT,
    st.none() | st.from_regex(r"[0-9]{18}", fullmatch=True),
    st.none() | TEXT,
)
LAPORAN = st.builds(
    lambda tempat, tanggal, logo, signers: Laporan(tempat=tempat, tanggal=tanggal, logo=logo, penandatangan=signers),
    st.none() | TEXT,
    st.none() | DATE,
    st.none() | NAME,
    st.lists(SIGNER, max_size=3).map(tuple),
).filter(lambda laporan: laporan != Laporan())
INDEX = st.integers(100, 500).map(lambda n: Fraction(n, 100))
HASIL = st.builds(
    lambda value, predikat, domains, source: Published(
        value=value, predikat=predikat, domains=domains, aspects={}, source=source
    ),
    INDEX,
    st.sampled_from(["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"]),
    st.dictionaries(st.integers(1, 4), INDEX, max_size=4),
    st.none() | TEXT,
)


@st.composite
def answers_file(draw: st.DrawFn, published: bool | None = None) -> Answers:
    """Answers of the bundled 59/2020 model using every part of the format."""
    if published is None:
        published = draw(st.booleans())
    ids = [] if published else draw(st.lists(st.integers(1, 47), unique=True, min_size=1, max_size=6))
    return Answers(
        path="x.yaml",
        model="spbe-2020",
        instansi=draw(st.none() | TEXT),
        tahun=draw(st.none() | st.integers(2021, 2025)),
        answers={i: draw(answer(i)) for i in sorted(ids)},
        hasil=draw(HASIL) if published else None,
        laporan=draw(st.none() | LAPORAN),
    )


def _entries(a: Answers) -> list[tuple[Any, ...]]:
    """The entries a canonical file writes on lines of their own (where comments can sit)."""
    paths: list[tuple[Any, ...]] = [("model",), ("levels",)] if a.hasil is None else [("model",), ("hasil",)]
    for ident, one in a.answers.items():
        paths.append(("levels", ident))
        paths += [("levels", ident, "bukti", n) for n in range(len(one.bukti))]
    if a.laporan is not None and a.laporan.penandatangan:
        paths += [("laporan", "penandatangan", n) for n in range(len(a.laporan.penandatangan))]
    return paths


@st.composite
def commented_file(draw: st.DrawFn, published: bool | None = None) -> tuple[Answers, str]:
    """A generated file as the one writer writes it, with comments of every kind."""
    a = draw(answers_file(published))
    entries = _entries(a)
    comment = LINE.map(lambda s: f"# {s}".rstrip())
    chosen = draw(st.lists(st.sampled_from(entries), unique=True, max_size=4))
    inline = draw(st.lists(st.sampled_from(entries), unique=True, max_size=4))
    comments = Comments(
        header=tuple(draw(st.lists(comment, max_size=2))),
        before={path: tuple(draw(st.lists(comment, min_size=1, max_size=2))) for path in chosen[1:]},
        inline={path: draw(comment) for path in inline},
        footer=tuple(draw(st.lists(comment, max_size=2))),
    )
    return a, dump_answers(a, list(range(1, 48)), comments)


SETTINGS = settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _fresh(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@SETTINGS
@given(commented_file())
def test_the_canonical_layout_reads_back_as_written(tmp_path: Path, generated: tuple[Answers, str]) -> None:
    """The writer's own round trip, comments included: read then write again gives the same bytes."""
    a, text = generated
    path = _fresh(tmp_path, "x.yaml", text)
    read, comments = read_for_update(path)
    assert read.content() == a._replace(path=str(path)).content()
    assert dump_answers(read, list(range(1, 48)), comments) == text


@SETTINGS
@given(commented_file())
def test_merge_of_a_file_with_itself_is_the_file(run: Run, tmp_path: Path, generated: tuple[Answers, str]) -> None:
    _, text = generated
    x = _fresh(tmp_path, "x.yaml", text)
    copy = x.with_name("salinan.yaml")
    copy.write_text(text, encoding="utf-8")
    out = x.with_name("gabung.yaml")
    r = run("merge", str(x), str(copy), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8") == text
    r = run("merge", str(x), str(copy), "-o", str(x))  # into one of the inputs: nothing to change
    assert r.exit_code == 0 and x.read_text(encoding="utf-8") == text


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(commented_file(published=False))
def test_import_of_the_export_onto_the_file_keeps_everything(
    run: Run, tmp_path: Path, generated: tuple[Answers, str]
) -> None:
    """What the workbook carries comes back equal; what it does not (comments) stays untouched."""
    _, text = generated
    x = _fresh(tmp_path, "x.yaml", text)
    book = x.with_name("lke.xlsx")
    r = run("export", str(x), "-o", str(book))
    assert r.exit_code == 0, r.stderr
    r = run("import", str(book), "-o", str(x), "--force")
    assert r.exit_code == 0, r.stderr
    assert x.read_text(encoding="utf-8") == text


@SETTINGS
@given(commented_file(published=False))
def test_an_assess_session_of_enter_changes_no_byte(tmp_path: Path, generated: tuple[Answers, str]) -> None:
    from spbe_calc.interactive import ScriptedPrompter
    from spbe_calc.interactive import run as run_questionnaire
    from spbe_calc.questionnaire import Questionnaire

    _, text = generated
    x = _fresh(tmp_path, "x.yaml", text)
    for stage in ("mandiri", "akhir"):
        q = Questionnaire.open(x, None, [], [], [], stage)
        run_questionnaire(q, ScriptedPrompter([""] * 120), explain=True)
        assert x.read_text(encoding="utf-8") == text


@SETTINGS
@given(commented_file(published=False), st.data())
def test_a_stage_level_changes_only_that_stage(tmp_path: Path, generated: tuple[Answers, str], data: Any) -> None:
    from spbe_calc.questionnaire import Questionnaire

    a, text = generated
    x = _fresh(tmp_path, "x.yaml", text)
    stage = data.draw(st.sampled_from(STAGES))
    ident = data.draw(st.integers(1, 47))
    level = data.draw(LEVEL)
    q = Questionnaire.open(x, None, [], [], [], stage)
    q.look(ident)
    assert q.set_answer(ident, level=level) is None
    after = read_answers(x)
    old = a.answers.get(ident) or Answer(indicator=ident, level=None)
    new = after.answers[ident]
    assert new.level_at(stage) == level
    assert new._replace(level=old.level, tahap=old.tahap) == old
    assert [(s, lv) for s, lv in new.tahap if s != stage] == [(s, lv) for s, lv in old.tahap if s != stage]
    if stage != "mandiri":
        assert new.level == old.level
    others = {k: v for k, v in after.answers.items() if k != ident}
    assert others == {k: v for k, v in a.answers.items() if k != ident}
    assert after.content()._replace(answers={}) == a._replace(path=str(x), answers={}).content()


@SETTINGS
@given(commented_file(published=False), st.data())
def test_evidence_record_changes_only_digests(
    run: Run, tmp_path: Path, generated: tuple[Answers, str], data: Any
) -> None:
    a, text = generated
    x = _fresh(tmp_path, "x.yaml", text)
    files = {e.path for one in a.answers.values() for e in one.bukti if isinstance(e, Evidence) and e.path}
    files |= {e for one in a.answers.values() for e in one.bukti if isinstance(e, str) and e.endswith(".pdf")}
    for name in files:
        if data.draw(st.booleans()) and "/" not in name:
            (x.parent / name).write_bytes(name.encode())
    r = run("evidence", str(x), "--record")
    assert r.exit_code in (0, 1), r.stderr
    after = read_answers(x)

    def without_digests(answers: Answers) -> dict[int, Any]:
        def entry(e: Any) -> Any:
            return (
                e.path
                if isinstance(e, Evidence) and e.path and e._replace(sha256=None) == Evidence(path=e.path)
                else (e._replace(sha256=None) if isinstance(e, Evidence) else e)
            )

        return {k: v._replace(bukti=tuple(entry(e) for e in v.bukti)) for k, v in answers.answers.items()}

    assert without_digests(after) == without_digests(a._replace(path=str(x)))
    assert after.content()._replace(answers={}) == a._replace(path=str(x), answers={}).content()
    for one in after.answers.values():
        for e in one.bukti:
            if isinstance(e, Evidence) and e.path and (x.parent / e.path).is_file():
                assert e.sha256 == hashlib.sha256((x.parent / e.path).read_bytes()).hexdigest()


def test_merge_keeps_stages_report_and_published_results(run: Run, tmp_path: Path) -> None:
    """The issue's case: two copies of the stages example merge into the same file."""
    source = ROOT / "examples" / "tahap" / "kabupaten-contoh-2022.yaml"
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(source, a)
    shutil.copy(source, b)
    out = tmp_path / "gabung.yaml"
    assert run("merge", str(a), str(b), "-o", str(out)).exit_code == 0
    merged, original = read_answers(out), read_answers(source)
    assert merged.content()._replace(path="") == original.content()._replace(path="")
    assert run("score", "--stage", "akhir", str(out)).exit_code == 0


def test_merge_reports_stage_and_report_conflicts_and_what_prefer_settled(run: Run, tmp_path: Path) -> None:
    head = 'model: spbe-2020\ninstansi: "K"\ntahun: 2024\n'
    a = tmp_path / "a.yaml"
    a.write_text(head + 'levels:\n  1: {level: 3, tahap: {akhir: 3}}\nlaporan:\n  tempat: "Kota A"\n')
    b = tmp_path / "b.yaml"
    b.write_text(head + 'levels:\n  1: {level: 3, tahap: {akhir: 4}}\nlaporan:\n  tempat: "Kota B"\n')
    out = tmp_path / "g.yaml"
    r = run("merge", str(a), str(b), "-o", str(out))
    assert r.exit_code == 1 and not out.exists()
    assert "Indikator 1, tingkat akhir berbeda:" in r.stdout
    assert "Berkas, tempat penandatanganan (laporan.tempat) berbeda:" in r.stdout
    r = run("merge", str(a), str(b), "-o", str(out), "--prefer", str(b), "-f", "json")
    assert r.exit_code == 0

    settled = json.loads(r.stdout)["settled"]
    assert [(s["indicator"], s["field"], s["chosen"]["value"]) for s in settled] == [
        (1, "tahap.akhir", 4),
        (None, "laporan.tempat", "Kota B"),
    ]
    merged = read_answers(out)
    assert merged.answers[1].level_at("akhir") == 4 and merged.laporan == Laporan(tempat="Kota B")


def test_update_writes_nothing_when_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("model: spbe-2020\nlevels: {1: 3}  # not the canonical layout\n")
    before = path.stat().st_mtime_ns, path.read_text()
    update(path, lambda a: a._replace(answers=dict(a.answers)), [1])
    update(path, lambda a: None, [1])
    assert (path.stat().st_mtime_ns, path.read_text()) == before


def test_a_file_broken_meanwhile_is_never_overwritten(write: Callable[..., Path]) -> None:
    from spbe_calc.answers.store import update

    path = write("j.yaml", "levels:\n  1: 3\n  1: 4\n")  # a duplicate key: somebody's edit went wrong
    before = path.read_text(encoding="utf-8")
    with pytest.raises(SpbeError) as caught:
        update(path, lambda a: a, [1], _NOTHING)
    assert [p.code for p in caught.value.problems] == ["duplicate-key"]
    assert path.read_text(encoding="utf-8") == before


def test_a_comment_only_file_keeps_its_indented_comments(write: Callable[..., Path]) -> None:
    from spbe_calc.answers.store import is_blank, update

    path = write("j.yaml", "# Kabupaten Uji\n  # diisi oleh Bagian Hukum\n\n")
    assert is_blank(path.read_text(encoding="utf-8"))
    update(path, lambda a: a._replace(answers={1: Answer(1, 3)}), [1], _NOTHING)
    assert path.read_text(encoding="utf-8").startswith("# Kabupaten Uji\n  # diisi oleh Bagian Hukum\n")


def test_answers_are_written_in_the_models_order(write: Callable[..., Path]) -> None:
    from spbe_calc.answers.store import update

    path = write("j.yaml", "levels: {1: 3}\n")
    update(path, lambda a: a._replace(answers={**a.answers, 2: Answer(2, 4)}), [2, 1], _NOTHING)
    text = path.read_text(encoding="utf-8")
    assert text.index("  2: 4") < text.index("  1: 3")  # the model's order, not the numbers'


def test_a_change_is_written_up_to_the_size_limit_and_refused_one_byte_past_it(tmp_path: Path) -> None:
    """The one writer's last check, in process (the merge test above runs the program): a result
    the reader takes (10 MiB exactly: control characters are written six bytes each, and every
    text stays within its 100,000 characters) is written; one byte more is refused with its size,
    said of the file, and nothing is written."""
    from spbe_calc.answers.comments import Comments
    from spbe_calc.yamlsafe import LIMITS

    path = tmp_path / "j.yaml"
    path.write_text("model: spbe-2020\nlevels:\n  1: 3\n", encoding="utf-8")
    order = list(range(1, 48))

    def texts(pad: int) -> dict[int, Answer]:
        return {i: Answer(i, 3, "\x01" * 97_000, "a" * pad if i == 18 else None) for i in range(1, 19)}

    start = read_answers(path)
    fixed = len(dump_answers(start._replace(answers=texts(1)), order, Comments.none()).encode()) - 1
    pad = LIMITS["max_bytes"] - fixed
    update(path, lambda a: a._replace(answers=texts(pad)), order)
    assert path.stat().st_size == LIMITS["max_bytes"] and read_answers(path).answers[18].analisis == "a" * pad
    before = path.read_bytes()
    with pytest.raises(SpbeError) as caught:
        update(path, lambda a: a._replace(answers=texts(pad + 1)), order)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.col, problem.code) == (str(path), 0, 0, "result-refused")
    assert problem.args == {"reason": f"{LIMITS['max_bytes'] + 1} > {LIMITS['max_bytes']}"}
    assert path.read_bytes() == before


def test_a_change_the_reader_would_refuse_is_refused_with_the_readers_problem(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_text("model: spbe-2020\nlevels:\n  1: 3\n", encoding="utf-8")
    signer = Signer(jabatan="J" * 301, nama="Ani", nip=None, peran=None)  # a position past its 300 characters

    def change(a: Answers) -> Answers:
        return a._replace(laporan=Laporan(penandatangan=(signer,)))

    with pytest.raises(SpbeError) as caught:
        update(path, change, [1])
    got = [(p.path, p.line, p.col, p.code, p.args.get("reason")) for p in caught.value.problems]
    assert got == [
        (str(path), 0, 0, "result-refused", "string-too-long"),
        (str(path), 0, 0, "string-too-long", None),  # the reader's own problem, of a file not written
    ]
    assert path.read_text(encoding="utf-8") == "model: spbe-2020\nlevels:\n  1: 3\n"


def test_update_returns_the_answers_written_with_their_path(tmp_path: Path) -> None:
    path = tmp_path / "baru.yaml"  # not there yet
    after = update(path, lambda a: a._replace(answers={1: Answer(1, 4)}), [1])
    assert after.path == str(path) and after.answers[1].level == 4
    assert read_answers(path).answers[1].level == 4


def test_a_merge_whose_result_would_be_refused_is_not_written(tmp_path: Path) -> None:
    """Aliases of a text of control characters stay under the read limit, but written out (each
    character escaped) the file would be larger than the reader takes: nothing is written."""
    text = "\\x01" * 20_000
    lines = [HEAD.rstrip("\n"), f'  1: {{level: 3, fakta: &t "{text}"}}']
    lines += [f"  {i}: {{level: 3, fakta: *t, analisis: *t}}" for i in range(2, 47)]
    source = tmp_path / "a.yaml"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(source, tmp_path / "b.yaml")
    result = bounded("merge", "a.yaml", "b.yaml", "-o", "g.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "hasilnya tidak ditulis" in result.stderr
    assert not (tmp_path / "g.yaml").exists()
    _within_bounds(result)


@pytest.mark.parametrize("command", ["merge", "import"])
def test_a_read_only_answers_file_is_not_replaced(run: Run, tmp_path: Path, command: str) -> None:
    target = tmp_path / "j.yaml"
    shutil.copy(EX22_PATH, target)
    target.chmod(0o444)
    before = target.read_bytes()
    if command == "merge":
        r = run("merge", str(EX22_PATH), str(EX22_PATH), "-o", str(target), "--force")
    else:
        r = run("import", str(_workbook(run, tmp_path)), "-o", str(target), "--force")
    assert r.exit_code == 2 and "hanya-baca" in r.stderr and target.read_bytes() == before


def test_a_lock_file_that_is_a_link_is_named(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "j.yaml"
    shutil.copy(EX22_PATH, target)
    (tmp_path / ".j.yaml.lock").symlink_to(tmp_path / "korban.txt")
    r = run("evidence", str(target), "--record")
    assert r.exit_code == 2 and "tautan simbolik" in r.stderr and not (tmp_path / "korban.txt").exists()
