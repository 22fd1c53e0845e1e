"""``spbe-calc assess`` in a real pseudo-terminal (pexpect), as a user meets it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from spbe_calc.answers import read_answers

from .conftest import EXAMPLES

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(
    tmp: Path, *args: str, color: bool = False, lang: str = "id", size: tuple[int, int] = (40, 80)
) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SPBE_CALC_LANG", "COLUMNS", "LINES")}
    env.update({"TERM": "xterm", "SPBE_CALC_LANG": lang})
    if not color:
        env["NO_COLOR"] = "1"
    return pexpect.spawn(
        sys.executable,
        ["-m", "spbe_calc", "assess", *args],
        cwd=str(tmp),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=size,
    )


def answer(child: pexpect.spawn, level: str, fakta: str = "", analisis: str = "", bukti: str = "") -> None:
    child.expect(r"Tingkat 1-5.*:")
    child.sendline(level)
    child.expect("Fakta")
    child.sendline(fakta)
    child.expect("Analisis")
    child.sendline(analisis)
    child.expect("Bukti")
    child.sendline(bukti)


def levels(path: Path) -> dict[int, object]:
    return {k: a.level for k, a in read_answers(path).answers.items()}


def test_answer_back_skip_quit_resume_and_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / "jawaban.yaml"
    child = spawn(tmp_path)
    child.expect("Nama instansi")
    child.sendline("Kabupaten Uji")
    child.expect("Tahun penilaian")
    child.sendline("2023")
    child.expect("Indikator 1 ·")
    answer(child, "3", fakta="Perbup ada", bukti="Perbup 12/2021; Notulensi")
    child.expect("Indikator 2 ·")
    answer(child, "2")
    child.expect("Indikator 3 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("b")  # back
    child.expect("Indikator 2 ·")
    child.expect("Jawaban saat ini: 2 Terkelola")
    child.expect(r"\[Enter = 2\]")
    child.sendline("")  # keep
    child.expect("Indikator 3 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("s")  # skip
    child.expect("Indikator 4 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("q")
    child.expect("Berhenti")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert levels(path) == {1: 3, 2: 2}
    assert read_answers(path).answers[1].bukti == ("Perbup 12/2021", "Notulensi")

    # Resume: starts at the first unanswered indicator (3).
    child = spawn(tmp_path)
    child.expect("Melanjutkan")
    child.expect("Indikator 3 ·")
    answer(child, "4")
    child.expect("Indikator 4 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("5")
    child.expect(r"Fakta.*:")
    # A person types after the prompt is on screen; give readline that moment too (a signal that
    # lands before readline starts waiting is only noticed at the next key, a CPython race).
    time.sleep(0.3)
    child.send("setengah diketik")
    time.sleep(0.3)
    child.sendcontrol("c")  # Ctrl-C while typing the fakta of indicator 4
    child.expect("Dihentikan")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    # The file is intact and complete up to the last answer given (indicator 4's level).
    assert levels(path) == {1: 3, 2: 2, 3: 4, 4: 5}
    assert read_answers(path).answers[4].fakta is None
    assert read_answers(path).instansi == "Kabupaten Uji"


def test_closed_terminal_keeps_answers(tmp_path: Path) -> None:
    path = tmp_path / "jawaban.yaml"
    child = spawn(tmp_path, "--no-explain")
    child.expect("Nama instansi")
    child.sendline("")
    child.expect("Tahun penilaian")
    child.sendline("")
    for ident, level in ((1, "1"), (2, "2"), (3, "3")):
        # The indicator's own screen first: the line editor redraws an answered prompt too, and
        # keys sent before the next question are dropped as type-ahead (by design).
        child.expect(f"Indikator {ident} ·")
        child.expect(r"Tingkat 1-5.*:")
        child.sendline(level)
    child.expect("Indikator 4 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.close(force=True)  # hang-up, as when the terminal window is closed
    assert levels(path) == {1: 1, 2: 2, 3: 3}


def test_summary_progress_and_help_in_english(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--domain", "4", "--no-explain", lang="en")
    child.expect("Agency name")
    child.sendline("Kota Uji")
    child.expect("Assessment year")
    child.sendline("2024")
    child.expect("Indicator 32 ·")
    child.expect(r"Level 1-5.*:")
    child.sendline("?")
    child.expect("Commands at the level question")
    child.expect(r"Level 1-5.*:")
    child.sendline("4")
    child.expect(r"Level 1-5.*:")
    child.sendline("p")
    child.expect(r"Answered 1/47 · D1 0/10 · D2 0/10 · D3 0/11 · D4 1/16")
    child.expect(r"Level 1-5.*:")
    child.sendline("r")
    child.expect(r"Indeks SPBE: 1\.")
    child.expect(r"Not answered \(46\)")
    child.expect(r"Level 1-5.*:")
    child.sendline("q")
    child.expect(pexpect.EOF)


def test_output_fits_80_columns_and_respects_no_color(tmp_path: Path) -> None:
    for color in (False, True):
        folder = tmp_path / ("c" if color else "n")
        folder.mkdir()
        child = spawn(folder, "--indicators", "11,45", color=color)
        child.expect("Nama instansi")
        child.sendline("")
        child.expect("Tahun penilaian")
        child.sendline("")
        child.expect(r"Tingkat 1-5.*:")
        child.sendline("3")
        for field in ("Fakta", "Analisis", "Bukti"):
            child.expect(field)
            child.sendline("")
        child.expect(r"Tingkat 1-5.*:")
        child.sendline("r")  # the summary's table is coloured as the rest, or not
        child.expect(r"Indeks SPBE:[^\n]*\n")
        before = child.before if isinstance(child.before, str) else ""
        index_line = before.rsplit("\n", 1)[-1] + str(child.after)
        assert ("\x1b[" in index_line) is color, repr(index_line)
        child.expect(r"Tingkat 1-5.*:")
        child.sendline("q")
        child.expect(pexpect.EOF)
        raw = child.before if isinstance(child.before, str) else ""
        # Colour and bold are SGR codes other than a reset; the line editor's cursor movements
        # (and its resets) are there either way.
        assert bool(re.search(r"\x1b\[[0-9;]*[1-9][0-9;]*m", raw)) is color
        for line in ANSI.sub("", raw).replace("\r", "").split("\n"):
            assert len(line) <= 80, line


def test_refuses_without_terminal(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "spbe_calc", "assess", "j.yaml"],
        cwd=tmp_path,
        input="3\n",
        capture_output=True,
        text=True,
        env={**os.environ, "SPBE_CALC_LANG": "id"},
        check=False,
    )
    assert r.returncode == 2
    assert "spbe-calc score" in r.stderr and "terminal" in r.stderr
    assert not (tmp_path / "j.yaml").exists()


def test_sessions_saving_at_the_same_instant_lose_nothing(tmp_path: Path) -> None:
    """Three sessions on one file, each answering its own indicators as fast as the prompts come,
    round after round: every answer is in the file at the end (each save is read-change-write
    under a lock; without it, answers saved at the same instant overwrote each other)."""
    path = tmp_path / "bersama.yaml"
    path.write_text('model: spbe-2020\ninstansi: "Kabupaten Uji"\ntahun: 2026\nlevels: {}\n', encoding="utf-8")
    ranges = [range(1, 16), range(16, 31), range(31, 46)]
    children = []
    for ids in ranges:
        child = spawn(tmp_path, "--no-explain", "-i", f"{ids[0]}-{ids[-1]}", str(path))
        child.delaybeforesend = None
        children.append(child)
    for step in range(15):  # the sessions answer in lockstep: their saves collide
        for child, ids in zip(children, ranges):
            # The indicator's own screen first: the line editor redraws an answered prompt too.
            child.expect(rf"Indikator {ids[step]} ·")
            child.expect(r"Tingkat 1-5.*:")
        for child in children:
            child.sendline(str(1 + step % 5))
    for child in children:
        child.expect(pexpect.EOF)
    levels = {k: a.level for k, a in read_answers(path).answers.items()}
    assert sorted(levels) == list(range(1, 46))
    assert all(levels[i] == 1 + (i - r[0]) % 5 for r in ranges for i in r)


def test_a_session_killed_while_holding_the_lock_does_not_block_the_others(tmp_path: Path) -> None:
    """The lock is the operating system's: it goes with the process that held it."""
    path = tmp_path / "j.yaml"
    path.write_text('model: spbe-2020\ninstansi: "K"\ntahun: 2026\nlevels: {}\n', encoding="utf-8")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from filelock import FileLock\nimport time\nFileLock({str(tmp_path / '.j.yaml.lock')!r}).acquire()\nprint('held', flush=True)\ntime.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    child = spawn(tmp_path, "--no-explain", str(path))
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("3")
    child.expect("Indikator 2 ·", timeout=5)  # saved without waiting for the dead holder
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert read_answers(path).answers[1].level == 3


def test_edges_in_a_real_terminal(tmp_path: Path) -> None:
    """Issue 14's assess edges as a user meets them: refused before any question, '-' clears,
    an unexpected reply to [Y/n] asks again, Ctrl-C before anything was saved says so."""
    child = spawn(tmp_path, "tidak-ada/jawaban.yaml")
    child.expect("folder tidak-ada tidak ada")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "Nama instansi" not in (child.before or "")

    child = spawn(tmp_path, "baru.yaml")
    child.expect("Nama instansi")
    time.sleep(0.3)
    child.sendcontrol("c")
    child.expect("sebelum ada jawaban yang tersimpan")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and not (tmp_path / "baru.yaml").exists()

    path = tmp_path / "jawaban.yaml"
    path.write_text("model: spbe-2020\nlevels:\n" + "".join(f"  {i}: 3\n" for i in range(1, 47)))
    child = spawn(tmp_path, "--no-explain")
    child.expect("Indikator 47 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("g 1")
    child.expect(r"Tingkat 1-5 \[Enter = 3\].*:")
    child.sendline("-")
    child.expect("Tingkat indikator 1 dikosongkan.")
    child.sendline("g 47")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("")
    child.expect(r"\[Y/n\]")
    child.sendline("barangkali")
    child.expect(r"Jawab y \(ya\) atau n \(tidak\)\.")
    child.expect(r"\[Y/n\]")
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert levels(path)[1] is None and levels(path)[2] == 3


BRACKETED = "\x1b[200~{}\x1b[201~"


def test_a_pasted_block_stays_in_its_field(tmp_path: Path) -> None:
    """A paste of several paragraphs (bracketed paste, as terminals and tmux send it) goes into
    the one field being asked, with its line breaks; at the level question it is never a level."""
    path = tmp_path / "jawaban.yaml"
    path.write_text("model: spbe-2020\nlevels: {}\n")
    child = spawn(tmp_path)
    child.expect("Indikator 1 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.send(BRACKETED.format("3\r4\rq\r"))  # three lines pasted at the level question
    child.send("\r")
    child.expect("Beberapa baris tiba sekaligus")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("3")
    child.expect("Fakta")
    pasted = "Paragraf pertama dari laporan.\r\rParagraf kedua,\rdengan baris ketiga."
    child.send(BRACKETED.format(pasted))
    child.send("\r")
    child.expect("Analisis")
    child.send("satu baris")
    child.send("\x1b\r")  # Alt+Enter: a new line without a paste
    child.send("baris dua\r")
    child.expect("Bukti")
    child.send(BRACKETED.format("SK Bupati 1/2023\rNotulen rapat") + "\r")
    child.expect("Indikator 2 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    a = read_answers(path).answers[1]
    assert a.level == 3
    assert a.fakta == "Paragraf pertama dari laporan.\n\nParagraf kedua,\ndengan baris ketiga."
    assert a.analisis == "satu baris\nbaris dua"
    assert a.bukti == ("SK Bupati 1/2023", "Notulen rapat")
    text = path.read_text()
    assert "fakta: |-\n      Paragraf pertama dari laporan.\n\n      Paragraf kedua," in text
    assert 2 not in read_answers(path).answers


def test_a_narrow_short_terminal(tmp_path: Path) -> None:
    """At 40 columns every line fits, words are not cut, and the help stays on a 24-line screen."""
    (tmp_path / "j.yaml").write_text("model: spbe-2020\nlevels: {}\n")
    child = spawn(tmp_path, "j.yaml", size=(24, 40))
    child.expect(r"Tingkat 1-5.*:")
    screen = ANSI.sub("", child.before or "").replace("\r", "")
    child.sendline("?")
    child.expect("misalnya: 3 2 3.")
    child.expect(r"Tingkat 1-5.*:")
    after_help = ANSI.sub("", child.before or "").replace("\r", "")
    child.sendline("q")
    child.expect(pexpect.EOF)
    lines = [line for line in screen.split("\n") if line.strip()]
    assert all(len(line) <= 40 for line in lines), [line for line in lines if len(line) > 40]
    assert "Kebijakan memuat" in screen  # the criteria are wrapped at word boundaries
    # Only the prompt follows the help: nothing redraws the indicator over it.
    assert "Rintisan" not in after_help


def test_lines_of_a_paste_without_bracketed_paste_stay_in_their_field(tmp_path: Path) -> None:
    """A terminal that does not mark pastes sends the lines as if typed, at once: they stay in
    the field being asked. At the level question that is refused (no level is saved, nothing moves
    on); at a text question the lines are that text, never the next field's."""
    path = tmp_path / "j.yaml"
    path.write_text("model: spbe-2020\nlevels: {}\n")
    child = spawn(tmp_path, "j.yaml")
    child.expect(r"Tingkat 1-5.*:")
    child.send("3\r4\r5\r")  # three lines at once
    child.expect("Beberapa baris tiba sekaligus")
    child.expect(r"Tingkat 1-5.*:")
    child.send("3\r" * 10)  # a fast typist, or a program, sending 3-Enter ten times
    child.expect("Beberapa baris tiba sekaligus")
    child.expect(r"Tingkat 1-5.*:")
    assert levels(path) == {}
    child.sendline("3")
    child.expect("Fakta")
    child.send("Paragraf satu.\r\rParagraf dua\tdengan tab.\r")  # pasted, no paste marks
    child.expect("Analisis")
    child.send("Kolom A\tKolom\tB\r")  # tabs typed by hand
    child.expect("Bukti")
    shown = ANSI.sub("", str(child.before))
    # Shown as spaces to the next stop of four columns (one after "Kolom A", three after the
    # second "Kolom"), not as a control character or a marker.
    assert "Analisis" in shown and "Kolom A Kolom   B" in shown and "^I" not in shown
    child.sendline("")
    child.expect("Indikator 2 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("q")
    child.expect(pexpect.EOF)
    a = read_answers(path).answers[1]
    assert (a.level, a.fakta, a.analisis, a.bukti) == (
        3,
        "Paragraf satu.\n\nParagraf dua\tdengan tab.",
        "Kolom A\tKolom\tB",
        (),
    )


def _both_at_indicator_1(tmp_path: Path) -> tuple[Path, pexpect.spawn, pexpect.spawn]:
    path = tmp_path / "bersama.yaml"
    path.write_text('model: spbe-2020\ninstansi: "Kabupaten Uji"\ntahun: 2025\nlevels: {}\n', encoding="utf-8")
    first, second = spawn(tmp_path, str(path)), spawn(tmp_path, str(path))
    for child in (first, second):
        child.expect("Indikator 1 ·")
        child.expect("Belum dijawab")
    return path, first, second


def _quit(*children: pexpect.spawn) -> None:
    for child in children:
        child.expect(r"Tingkat 1-5.*:")
        child.sendline("q")
        child.expect(pexpect.EOF)


def test_two_sessions_on_one_indicator_see_both_versions_and_keep_one(tmp_path: Path) -> None:
    """A saves indicator 1 whole; B, who was shown it empty, saves a level for it: B sees both
    versions and keeps its own. The file holds B's answer alone, never A's texts beside B's level."""
    path, a, b = _both_at_indicator_1(tmp_path)
    answer(a, "3", fakta="Fakta dari A", analisis="Analisis dari A", bukti="SK A")
    a.expect("Indikator 2 ·")
    b.expect(r"Tingkat 1-5.*:")
    b.sendline("4")
    b.expect("sudah disimpan oleh sesi lain")
    b.expect("Yang tersimpan sekarang")
    b.expect("Fakta dari A")
    b.expect("Jawaban Anda")
    b.expect(r"Pilih: m = simpan")
    assert read_answers(path).answers[1].level == 3  # nothing written while B chooses
    b.sendline("m")
    b.expect("Fakta")
    b.sendline("Fakta dari B")
    b.expect("Analisis")
    b.sendline("")
    b.expect("Bukti")
    b.sendline("")
    b.expect("Indikator 2 ·")
    _quit(a, b)
    one = read_answers(path).answers[1]
    assert (one.level, one.fakta, one.analisis, one.bukti) == (4, "Fakta dari B", None, ())


def test_two_sessions_on_one_indicator_edit_from_the_saved_version(tmp_path: Path) -> None:
    """Edit: B's screen shows A's saved answer again (the disk now), and B answers from there.
    Moving to another indicator shows what is on disk now, not what the session saw before."""
    path, a, b = _both_at_indicator_1(tmp_path)
    answer(a, "3", fakta="Fakta dari A")
    a.expect("Indikator 2 ·")
    a.expect(r"Tingkat 1-5.*:")
    a.sendline("2")  # A answers indicator 2 too
    a.expect("Fakta")
    b.expect(r"Tingkat 1-5.*:")
    b.sendline("4")
    b.expect(r"Pilih: m = simpan")
    b.sendline("u")
    b.expect("Indikator 1 ·")
    b.expect("Jawaban saat ini: 3 Terdefinisi · fakta")  # A's version, as the disk holds it
    b.expect(r"\[Enter = 3\]")
    b.sendline("")  # keep A's
    b.expect("Indikator 2 ·")
    b.expect("Jawaban saat ini: 2 Terkelola")  # saved by A after B had started
    for field in ("", "", ""):
        a.sendline(field)
    _quit(a, b)
    one = read_answers(path).answers[1]
    assert (one.level, one.fakta) == (3, "Fakta dari A")


def test_input_that_arrives_before_a_text_question_is_dropped(tmp_path: Path) -> None:
    """While a save waits for the lock, keys typed ahead are not the next field's answer."""
    from filelock import FileLock

    from spbe_calc.answers.store import lock_path

    path = tmp_path / "j.yaml"
    path.write_text('model: spbe-2020\ninstansi: "K"\ntahun: 2025\nlevels: {}\n', encoding="utf-8")
    child = spawn(tmp_path, str(path))
    child.expect(r"Tingkat 1-5.*:")
    lock = FileLock(lock_path(path))
    lock.acquire()  # another session is saving right now
    child.sendline("3")
    time.sleep(0.5)
    child.send("tergesa-gesa\r")  # typed before the fakta question appeared
    time.sleep(0.5)
    lock.release()
    child.expect("diabaikan")
    child.expect("Fakta")
    child.sendline("Fakta sebenarnya")
    child.expect("Analisis")
    child.sendline("")
    child.expect("Bukti")
    child.sendline("")
    _quit(child)
    assert read_answers(path).answers[1].fakta == "Fakta sebenarnya"


def test_the_summary_and_the_final_table_fit_40_columns(tmp_path: Path) -> None:
    """At 40 columns the score table is written row by row: no line is wider, no word is cut."""
    full = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    path = tmp_path / "j.yaml"
    path.write_text(full.replace("\n  47:", "\n  # 47:"), encoding="utf-8")
    child = spawn(tmp_path, "--no-explain", "j.yaml", size=(200, 40))
    child.expect("Indikator 47 ·")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("r")
    child.expect("Belum dijawab")
    table = child.before or ""
    child.expect(r"Tingkat 1-5.*:")
    shown = [ANSI.sub("", table + "Belum dijawab" + (child.before or "")).replace("\r", "")]
    assert "Belum dijawab (1): 47" in shown[0]
    child.sendline("3")
    child.expect("Tersimpan di")
    shown.append(ANSI.sub("", child.before or "").replace("\r", ""))
    child.expect(pexpect.EOF)
    for text in shown:
        # The line editor redraws the answered prompt with cursor moves that this text flattens.
        lines = [line for line in text.split("\n") if line.strip() and "Tingkat 1-5" not in line]
        assert all(len(line) <= 40 for line in lines), [line for line in lines if len(line) > 40]
        for name in ("Perencanaan Strategis SPBE", "Layanan Administrasi Pemerintahan", "Predikat Cukup"):
            assert name in text  # whole words, each on one line
        assert "Indeks SPBE:" in text


def test_a_hard_linked_file_is_refused_before_any_question(tmp_path: Path) -> None:
    """Replacing it would cut its other name off, rewriting it in place could leave it empty
    (kill -9 between truncating and writing): it is refused, and both names keep the answers."""
    path = tmp_path / "j.yaml"
    path.write_text("model: spbe-2020\nlevels:\n  1: 3\n", encoding="utf-8")
    os.link(path, tmp_path / "cadangan.yaml")
    child = spawn(tmp_path, "j.yaml")
    child.expect("tautan keras")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert (tmp_path / "cadangan.yaml").read_text() == path.read_text() == "model: spbe-2020\nlevels:\n  1: 3\n"


def test_bytes_that_are_not_utf8_stay_in_the_field_until_removed(tmp_path: Path) -> None:
    """A terminal in Latin-1 sends "é" as one byte: the field says so at Enter and keeps the text."""
    path = tmp_path / "j.yaml"
    child = spawn(tmp_path, str(path))
    child.expect("Nama instansi")
    child.send("Kota Ni")
    os.write(child.child_fd, b"\xe9")  # not UTF-8
    child.send("s")
    # Said when the answer is given, not while it is typed (a message under a word half typed).
    assert child.expect([pexpect.TIMEOUT, "bukan UTF-8"], timeout=0.5) == 0
    child.send("\r")
    child.expect("bukan UTF-8")
    child.send("\x7fa\r")  # Backspace (the cursor is after the byte), then what was meant
    child.expect("Tahun penilaian")
    child.sendline("2025")
    _quit(child)
    assert read_answers(path).instansi == "Kota Nias"


def test_a_text_can_be_written_in_the_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-X Ctrl-E opens $VISUAL (else $EDITOR) on the field; what it saves is the answer."""
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "ditulis di editor\\nbaris dua" > "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    folder = tmp_path / "kerja"
    folder.mkdir()
    (folder / "j.yaml").write_text("instansi: Kab\ntahun: 2024\nlevels: {}\n", encoding="utf-8")
    monkeypatch.setenv("VISUAL", str(editor))  # spawn() passes the environment on
    child = spawn(folder, "j.yaml", "--indicators", "1")
    child.expect(r"Tingkat 1-5.*:")
    child.sendline("2")
    child.expect("Fakta")
    child.send("\x18\x05")  # Ctrl-X Ctrl-E
    time.sleep(1)
    child.send("\r")
    child.expect("Analisis")
    child.sendline("")
    child.expect("Bukti")
    child.sendline("")
    child.expect(pexpect.EOF)
    assert read_answers(folder / "j.yaml").answers[1].fakta == "ditulis di editor\nbaris dua"
