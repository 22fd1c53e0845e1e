"""Saving keeps every comment a person wrote in the answers file, where it was (issue 11)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_calc.answers import read_answers
from spbe_calc.answers.write import dump_answers, read_for_update
from spbe_calc.interactive import ScriptedPrompter, run
from spbe_calc.questionnaire import Questionnaire

#: A file as a team writes it by hand: a header, section notes, notes at line ends, a "#" inside
#: texts (not comments), and a closing note.
HAND_WRITTEN = """\
# Penilaian mandiri 2024 - Diskominfo
# Jangan hapus baris ini.
model: spbe-2020   # model tahun ini
instansi: "Kab # Uji"
tahun: 2024
levels:
  # Domain 1: diisi Bagian Hukum
  1: 3  # sudah ada Perbup
  2:
    level: 2
    # fakta dari laporan
    fakta: |-
      Baris satu
      # bukan komentar
    bukti:
      - SK 1  # asli di lemari
      - "SK # 2"
  # Domain 2 menyusul
  10: 1
# akhir berkas
"""

COMMENTS = [
    "# Penilaian mandiri 2024 - Diskominfo",
    "# Jangan hapus baris ini.",
    "# model tahun ini",
    "# Domain 1: diisi Bagian Hukum",
    "# sudah ada Perbup",
    "# fakta dari laporan",
    "# asli di lemari",
    "# Domain 2 menyusul",
    "# akhir berkas",
]


def test_a_session_keeps_every_comment_where_it_was(tmp_path: Path) -> None:
    path = tmp_path / "jawaban.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    q = Questionnaire.open(path, None, [], [], [1, 10, 11])
    # indicator 1 gets a fakta (its short form becomes a mapping), 10 a new level, 11 an answer
    run(q, ScriptedPrompter(["g 1", "4", "Perbup 12/2023", "", "", "5", "", "", "", "2", "", "", "", "q"]))
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for comment in COMMENTS:
        assert sum(comment in line for line in lines) == 1, (comment, text)
    assert lines[:2] == COMMENTS[:2] and lines[-1] == "# akhir berkas"
    assert lines[lines.index("  # Domain 1: diisi Bagian Hukum") + 1] == "  1:  # sudah ada Perbup"
    assert lines[lines.index("  # Domain 2 menyusul") + 1] == "  10: 5"
    assert '      - "SK 1"  # asli di lemari' in lines and "      # bukan komentar" in lines
    a = read_answers(path)
    assert (a.answers[1].level, a.answers[1].fakta, a.answers[10].level, a.answers[11].level) == (
        4,
        "Perbup 12/2023",
        5,
        2,
    )
    assert a.instansi == "Kab # Uji" and a.answers[2].fakta == "Baris satu\n# bukan komentar"


#: Words for comments; "#" and quotes inside them too.
WORDS = st.text(alphabet="abcdefghij #'\":-", min_size=1, max_size=12).map(lambda s: ("# " + s).rstrip())


@settings(max_examples=300, deadline=None)
@given(
    levels=st.dictionaries(st.integers(1, 47), st.integers(1, 5), min_size=1, max_size=8),
    texts=st.dictionaries(st.integers(1, 47), st.text(alphabet="ab #:\n", min_size=1, max_size=20), max_size=3),
    notes=st.lists(st.tuples(st.integers(0, 60), WORDS, st.booleans()), max_size=6),
)
def test_comments_survive_a_rewrite_anywhere(
    tmp_path_factory: object, levels: dict[int, int], texts: dict[int, str], notes: list[tuple[int, str, bool]]
) -> None:
    """Comments put on any line of a written file, on their own or at a line's end, survive
    reading and writing again, and the answers read back the same."""
    from spbe_calc.answers.read import Answer, Answers

    answers = Answers(
        "a.yaml",
        "spbe-2020",
        None,
        2024,
        {i: Answer(i, v, fakta=(texts.get(i) or "").strip() or None) for i, v in levels.items()},
    )
    lines = dump_answers(answers, list(range(1, 48))).splitlines()
    # Lines inside a literal block are text: a "#" there is not a comment.
    content: set[int] = set()
    for n, line in enumerate(lines):
        if line.rstrip().endswith(("|-", "|", "|+")):
            depth = len(line) - len(line.lstrip())
            m = n + 1
            while m < len(lines) and (not lines[m].strip() or len(lines[m]) - len(lines[m].lstrip()) > depth):
                content.add(m)
                m += 1
    inserted: list[tuple[int, str, bool]] = []
    for where, note, own_line in notes:
        n = where % (len(lines) + 1)
        if n in content or (not own_line and n == len(lines)):
            continue
        inserted.append((n, note, own_line))
    placed = [note for _, note, _ in inserted]
    # From the bottom up, so that earlier line numbers stay right.
    for n, note, own_line in sorted(inserted, key=lambda x: -x[0]):
        if own_line:
            indent = lines[n][: len(lines[n]) - len(lines[n].lstrip())] if n < len(lines) else ""
            lines.insert(n, indent + note)
        else:
            lines[n] += "  " + note
    text = "\n".join(lines) + "\n"
    path = Path(str(tmp_path_factory.mktemp("c"))) / "a.yaml"  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8")
    before = read_answers(path)
    back, comments = read_for_update(path)
    rewritten = dump_answers(back, list(range(1, 48)), comments)
    path.write_text(rewritten, encoding="utf-8")
    after = read_answers(path)
    assert after.answers == before.answers and after.problems == ()
    for note in placed:
        assert rewritten.count(note) == text.count(note), (note, text, rewritten)


def test_an_end_of_line_comment_stays_on_the_key_it_was_written_on(tmp_path: Path) -> None:
    """``1: {level: 3, …}  # hukum`` is a note on indicator 1, not on its level or its texts."""
    path = tmp_path / "jawaban.yaml"
    path.write_text(
        'model: spbe-2020\nlevels:\n  1: {level: 3, fakta: "ada", analisis: "cukup"}  # hukum\n  2: 2  # bappeda\n',
        encoding="utf-8",
    )
    q = Questionnaire.open(path, None, [], [], [2])
    run(q, ScriptedPrompter(["4", "", "", "", "q"]))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "  1:  # hukum" in lines and "  2: 4  # bappeda" in lines
