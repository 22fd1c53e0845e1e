"""Saving keeps every comment a person wrote in the answers file, where it was (issue 11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_calc.answers import Answer, Answers, read_answers
from spbe_calc.answers.comments import Comments
from spbe_calc.answers.write import dump_answers, read_for_update
from spbe_calc.interactive import ScriptedPrompter, run
from spbe_calc.questionnaire import Questionnaire

from .helpers import examples

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
    run(
        q, ScriptedPrompter(["g 1", "4", "Perbup 12/2023", "", "", "5", "", "", "", "2", "", "", "", "q"]), explain=True
    )
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


@settings(max_examples=examples(300), deadline=None)
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
    run(q, ScriptedPrompter(["4", "", "", "", "q"]), explain=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "  1:  # hukum" in lines and "  2: 4  # bappeda" in lines


#: Comments beside values of every shape: a flow mapping, one blank before "#", a quoted "#",
#: a quoted value over several lines on lines of its own, block scalars with a comment on
#: their header line (literal and folded), a "#" inside every kind of text.
SHAPES = """# kepala
model: spbe-2020
levels:
  1: {level: 3, fakta: "x"}  # catatan satu
  2: 3 # satu spasi
  3:
    level: 2
    fakta: "Rapat #1 selesai"  # setelah kutip
    analisis:
      "Rapat #2 dimulai, lalu
      rapat #3 berlanjut,
      lalu rapat #4"  # akhir kutip
    bukti:
      - |  # kepala blok
        Notulen #5
        Notulen #6
      - >-  # kepala lipat
        Surat #7
# kaki
"""


def test_the_comment_blocks_of_a_file(write: Callable[..., Path]) -> None:
    path = write("a.yaml", "\ufeff# Satu\n# Dua\nlevels: {}\n# bukan kepala\n")
    _, comments = read_for_update(path)
    assert comments.header == ("# Satu", "# Dua") and comments.footer == ("# bukan kepala",)


def test_comments_beside_values_of_every_shape(write: Callable[..., Path]) -> None:
    """Found by mutation testing: no "#" inside a text is a comment, and no comment is lost.

    The comment after a quoted value that spans lines was dropped before (it sits on a line
    where no entry starts); it now stays with that value.
    """
    _answers, comments = read_for_update(write("c.yaml", SHAPES))
    # A continuation line of a top-level quoted value may start with "#" in its first column.
    _answers, top = read_for_update(write("t.yaml", 'instansi: "Kab\n#1 Contoh\n#2"  # nama\nlevels: {1: 3}\n'))
    assert top == Comments((), {}, {("instansi",): "# nama"}, ())
    assert comments == Comments(
        ("# kepala",),
        {},
        {
            ("levels", 1): "# catatan satu",  # the key the line starts with, not an entry inside it
            ("levels", 2): "# satu spasi",
            ("levels", 3, "fakta"): "# setelah kutip",
            ("levels", 3, "analisis"): "# akhir kutip",
            ("levels", 3, "bukti", 0): "# kepala blok",
            ("levels", 3, "bukti", 1): "# kepala lipat",
        },
        ("# kaki",),
    )


def test_comments_in_the_laporan_section_stay_in_place(write: Callable[..., Path]) -> None:
    text = (
        "model: spbe-2020\n"
        "levels: {1: 3}\n"
        "# for the report\n"
        "laporan:\n"
        '  tempat: "Kota Contoh"  # place\n'
        "  penandatangan:  # who signs\n"
        "    # the head of the office\n"
        '    - {jabatan: "Kepala Dinas", nama: "Budi"}\n'
    )
    answers, comments = read_for_update(write("l.yaml", text))
    assert dump_answers(answers, comments=comments).splitlines()[-6:] == [
        "# for the report",
        "laporan:",
        '  tempat: "Kota Contoh"  # place',
        "  penandatangan:  # who signs",
        "    # the head of the office",
        '    - {jabatan: "Kepala Dinas", nama: "Budi"}',
    ]


def test_every_line_keeps_its_comment(write: Callable[..., Path]) -> None:
    text = (
        "model: spbe-2020  # m\n"
        "instansi: Kab Uji  # i\n"
        "tahun: 2025  # t\n"
        "levels:  # l\n"
        "  1:\n"
        "    level: 3  # level\n"
        "    tahap: {akhir: 2}  # tahap\n"
        "    fakta: ada  # fakta\n"
        "    analisis: cukup  # analisis\n"
        "    bukti:  # bukti\n"
        "      - SK  # sk\n"
    )
    answers, comments = read_for_update(write("c.yaml", text))
    assert dump_answers(answers, comments=comments) == text.replace("model: spbe-2020", 'model: "spbe-2020"').replace(
        "Kab Uji", '"Kab Uji"'
    ).replace("fakta: ada", 'fakta: "ada"').replace("analisis: cukup", 'analisis: "cukup"').replace("- SK", '- "SK"')


def test_a_comment_whose_entry_is_gone_goes_to_the_nearest_written_parent() -> None:
    comments = Comments(
        ("# top",),
        {("levels", 9): ("# before nine",)},  # indicator 9 is no longer written: before `levels`
        {("levels", 5): "# a", ("levels", 5, "fakta"): "# b", ("instansi",): "# no instansi"},
        ("# end",),
    )
    answers = Answers("j.yaml", None, None, None, {5: Answer(5, 3)})  # 5 lost its fakta; no instansi
    assert dump_answers(answers, comments=comments) == (
        "# top\n# no instansi\n# before nine\nlevels:\n  5: 3  # a # b\n# end\n"
    )
    # A comment written before an entry that is gone, with no written parent: at the top.
    alone = Comments((), {("instansi",): ("# about the instansi",)}, {}, ())
    assert dump_answers(answers, comments=alone) == "# about the instansi\nlevels:\n  5: 3\n"


def test_blanks_after_a_comment_are_not_written_back(write: Callable[..., Path]) -> None:
    answers, comments = read_for_update(write("c.yaml", "levels:\n  1: 3  # catatan   \n"))
    assert dump_answers(answers, comments=comments) == "levels:\n  1: 3  # catatan\n"


def test_comments_lose_their_trailing_blanks_in_a_rewrite(write: Callable[..., Path]) -> None:
    path = write("j.yaml", 'instansi: "Kab X"\n# judul   \nlevels:\n  2: 4  # dua   \n')
    answers, comments = read_for_update(path)
    assert dump_answers(answers, comments=comments) == 'instansi: "Kab X"\n# judul\nlevels:\n  2: 4  # dua\n'


def test_comments_on_each_line_of_a_value_written_over_several_are_all_kept(write: Callable[..., Path]) -> None:
    """The closing line of a flow mapping has no entry of its own: its comment joins the value's."""
    path = write("j.yaml", "levels:\n  1: {level: 3,  # c1\n    }  # c2  \n")
    answers, comments = read_for_update(path)
    assert dump_answers(answers, comments=comments) == "levels:\n  1: 3  # c1  # c2\n"


def test_a_comment_on_the_document_start_line_is_kept(write: Callable[..., Path]) -> None:
    path = write("j.yaml", "# header\n--- # top\nlevels:\n  1: 3\n")
    answers, comments = read_for_update(path)
    assert dump_answers(answers, comments=comments) == "# header\n# top\nlevels:\n  1: 3\n"


def test_a_comment_on_a_literal_blocks_header_stays_on_the_header(write: Callable[..., Path]) -> None:
    text = "levels:\n  1:\n    level: 3\n    fakta: |  # diperiksa\n      baris satu\n      baris dua\n"
    answers, comments = read_for_update(write("j.yaml", text))
    rewritten = dump_answers(answers, comments=comments)
    assert rewritten == text
    assert read_answers(write("k.yaml", rewritten)).answers[1].fakta == "baris satu\nbaris dua\n"
