"""The message catalogue: every user-facing sentence, in Indonesian and English.

Each entry is ``key: (Indonesian, English)`` with ``str.format`` placeholders. Official names
(domain, aspect, indicator, level and predikat names) never appear here: they come from the
model. Keys are grouped by prefix:

- ``problem.<code>``: the message of a :class:`spbe_calc.errors.Problem`;
- ``hint.<code>``: what the user should do about it (optional);
- ``type.<name>``: names of value types used in messages;
- ``cli.*``, ``help.*``, ``out.*``: command-line help, labels and report text.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- files -------------------------------------------------------------------------------
    "problem.file-not-found": ("berkas tidak ditemukan", "file not found"),
    "hint.file-not-found": ("Periksa nama dan folder berkas.", "Check the file name and folder."),
    "problem.is-directory": ("ini sebuah folder, bukan berkas", "this is a folder, not a file"),
    "problem.file-unreadable": ("berkas tidak dapat dibaca ({reason})", "cannot read the file ({reason})"),
    "problem.too-large": (
        "berkas terlalu besar ({size} bita; batasnya {limit} bita)",
        "file too large ({size} bytes; the limit is {limit} bytes)",
    ),
    "hint.too-large": (
        "Berkas model dan jawaban biasanya di bawah 1 MB; pastikan ini berkas yang benar.",
        "Model and answers files are normally under 1 MB; make sure this is the right file.",
    ),
    "problem.binary-file": ("berkas biner (berisi bita NUL), bukan teks YAML", "binary file (contains a NUL byte), not YAML text"),
    "problem.not-utf8": ("bukan teks UTF-8 (bita {byte} tidak sah)", "not UTF-8 text (invalid byte {byte})"),
    "hint.not-utf8": ("Simpan ulang berkas dengan pengodean UTF-8.", "Save the file again with UTF-8 encoding."),
    "problem.write-failed": ("berkas tidak dapat ditulis ({reason})", "cannot write the file ({reason})"),
    # --- YAML --------------------------------------------------------------------------------
    "problem.yaml-syntax": ("kesalahan sintaks YAML: {detail}", "YAML syntax error: {detail}"),
    "hint.yaml-syntax": (
        "Periksa indentasi, titik dua, dan tanda kutip di sekitar posisi ini.",
        "Check indentation, colons and quotes around this position.",
    ),
    "problem.yaml-tab": ("karakter tab dipakai untuk indentasi", "a tab character is used for indentation"),
    "hint.yaml-tab": ("YAML hanya menerima spasi untuk indentasi; ganti tab dengan spasi.", "YAML only allows spaces for indentation; replace tabs with spaces."),
    "problem.empty-file": ("berkas kosong", "the file is empty"),
    "hint.empty-file": ("Isi berkas sesuai format yang dijelaskan di README.", "Fill the file in the format described in the README."),
    "problem.multiple-documents": ("berkas berisi lebih dari satu dokumen YAML (---)", "the file holds more than one YAML document (---)"),
    "hint.multiple-documents": ("Pisahkan setiap dokumen ke berkasnya sendiri.", "Put each document in a file of its own."),
    "problem.duplicate-key": ("kunci '{key}' ditulis dua kali (pertama di baris {first})", "key '{key}' appears twice (first on line {first})"),
    "hint.duplicate-key": ("Hapus salah satunya; pembaca YAML lain diam-diam hanya memakai yang terakhir.", "Remove one of them; other YAML readers silently keep only the last."),
    "problem.complex-key": ("kunci harus berupa teks atau angka", "a key must be text or a number"),
    "problem.unsupported-tag": ("tag YAML '{tag}' tidak diizinkan", "YAML tag '{tag}' is not allowed"),
    "hint.unsupported-tag": ("Berkas hanya boleh berisi data biasa; hapus tag tersebut.", "Files may contain plain data only; remove the tag."),
    "problem.unknown-alias": ("alias '*{name}' merujuk jangkar yang tidak ada", "alias '*{name}' refers to an undefined anchor"),
    "problem.too-many-nodes": (
        "berkas memuat lebih dari {limit} nilai setelah alias diuraikan",
        "the file expands to more than {limit} values once aliases are resolved",
    ),
    "hint.too-many-nodes": ("Kurangi penggunaan alias (&/*); ini batas pengaman.", "Use fewer aliases (&/*); this is a safety limit."),
    "problem.too-deep": ("struktur bersarang lebih dari {limit} tingkat", "structure nested more than {limit} levels deep"),
    "problem.yaml11-bool": (
        "'{text}' dibaca sebagai true/false oleh pembaca YAML 1.1",
        "'{text}' is read as true/false by YAML 1.1 readers",
    ),
    "hint.yaml11-bool": ("Beri tanda kutip bila yang dimaksud teks (\"{text}\"), atau tulis true/false.", "Quote it if you mean text (\"{text}\"), or write true/false."),
    "problem.yaml11-date": ("'{text}' dibaca sebagai tanggal oleh pembaca YAML", "'{text}' is read as a date by YAML readers"),
    "hint.yaml11-date": ("Beri tanda kutip: \"{text}\".", "Quote it: \"{text}\"."),
    "problem.yaml11-octal": ("'{text}' dibaca sebagai bilangan oktal oleh pembaca YAML 1.1", "'{text}' is read as an octal number by YAML 1.1 readers"),
    "hint.yaml11-octal": ("Hapus nol di depan, atau beri tanda kutip bila yang dimaksud teks.", "Drop the leading zero, or quote it if you mean text."),
    "problem.yaml11-number": ("'{text}' ditafsirkan berbeda oleh pembaca YAML yang berbeda", "'{text}' is read differently by different YAML readers"),
    "hint.yaml11-number": ("Tulis bilangan desimal biasa, atau beri tanda kutip bila yang dimaksud teks.", "Write a plain decimal number, or quote it if you mean text."),
    "problem.number-too-long": ("bilangan '{text}' terlalu panjang", "number '{text}' is too long"),
    # --- structure ---------------------------------------------------------------------------
    "problem.wrong-type": ("diharapkan {expected}, ditemukan {found}", "expected {expected}, found {found}"),
    "problem.bad-choice": ("nilai '{value}' tidak dikenal; pilihan: {choices}", "unknown value '{value}'; choose one of: {choices}"),
    "problem.empty-string": ("teks tidak boleh kosong", "text must not be empty"),
    "problem.string-too-long": ("teks lebih panjang dari {limit} karakter", "text longer than {limit} characters"),
    "problem.out-of-range": ("nilai {value} di luar rentang {minimum}..{maximum}", "value {value} is outside {minimum}..{maximum}"),
    "problem.too-small": ("nilai {value} harus lebih besar dari {minimum}", "value {value} must be greater than {minimum}"),
    "problem.too-few-items": ("daftar harus berisi sedikitnya {minimum} butir", "the list needs at least {minimum} item(s)"),
    "problem.unknown-key": ("kunci '{key}' tidak dikenal", "unknown key '{key}'"),
    "hint.unknown-key": ("Kunci yang dikenal di sini: {allowed}.", "Keys allowed here: {allowed}."),
    "hint.unknown-key.suggest": ("Mungkin maksudnya '{suggestion}'?", "Did you mean '{suggestion}'?"),
    "problem.missing-key": ("kunci wajib '{key}' tidak ada", "required key '{key}' is missing"),
    # --- model semantics -----------------------------------------------------------------------
    "problem.levels-not-consecutive": (
        "tingkat pada skala '{scale}' harus berurutan (ditemukan: {levels})",
        "levels of scale '{scale}' must be consecutive (found: {levels})",
    ),
    "problem.too-few-levels": ("skala '{scale}' perlu sedikitnya dua tingkat", "scale '{scale}' needs at least two levels"),
    "problem.domains-or-aspects": (
        "model harus memiliki tepat satu dari 'domains' atau 'aspects'",
        "a model needs exactly one of 'domains' or 'aspects'",
    ),
    "problem.unknown-scale": ("skala '{scale}' tidak didefinisikan (yang ada: {known})", "scale '{scale}' is not defined (defined: {known})"),
    "problem.no-scale": ("indikator {id} tidak memiliki skala tingkat", "indicator {id} has no level scale"),
    "hint.no-scale": ("Tambahkan 'scale' pada indikator, aspek, atau domainnya, atau 'default_scale' pada model.", "Add 'scale' to the indicator, its aspect or domain, or 'default_scale' to the model."),
    "problem.duplicate-id": ("{kind} {id} sudah didefinisikan di baris {first}", "{kind} {id} is already defined on line {first}"),
    "problem.weight-sum": (
        "bobot {kind} {weight} tidak sama dengan jumlah bobot di bawahnya ({total})",
        "{kind} weight {weight} differs from the sum of its children ({total})",
    ),
    "hint.weight-sum": ("Samakan bobot induk dengan jumlah bobot anaknya, atau perbaiki bobot anak.", "Make the parent's weight equal to the sum of its children, or fix a child's weight."),
    "problem.total-weight": ("jumlah bobot teratas {total}, seharusnya {expected}", "top-level weights add up to {total}, expected {expected}"),
    "problem.criterion-outside-scale": (
        "kriteria tingkat {level} indikator {id} berada di luar skala {minimum}..{maximum}",
        "criterion for level {level} of indicator {id} is outside the scale {minimum}..{maximum}",
    ),
    "problem.missing-criteria": ("indikator {id} tidak memiliki kriteria untuk tingkat {levels}", "indicator {id} has no criterion for level(s) {levels}"),
    "problem.duplicate-band": ("predikat '{name}' ditulis dua kali", "predikat '{name}' appears twice"),
    "problem.band-empty": ("rentang predikat '{name}' kosong ({min} sampai {max})", "predikat band '{name}' is empty ({min} to {max})"),
    "problem.band-gap": ("rentang predikat berlubang antara {start} dan {end}", "the predikat bands leave a gap between {start} and {end}"),
    "hint.band-gap": ("Setiap nilai indeks harus masuk tepat satu predikat; periksa min, max, dan *_inclusive.", "Every index value must fall in exactly one predikat; check min, max and *_inclusive."),
    "problem.band-overlap": ("predikat '{a}' dan '{b}' tumpang tindih di {at}", "predikat '{a}' and '{b}' overlap at {at}"),
    "hint.band-overlap": ("Pada batas yang sama, hanya satu sisi yang boleh inklusif.", "At a shared edge only one side may be inclusive."),
    "problem.unknown-model": ("model '{name}' tidak dikenal (model bawaan: {known})", "unknown model '{name}' (bundled models: {known})"),
    "hint.unknown-model": ("Pakai nama model bawaan atau jalur ke berkas model .yaml.", "Use a bundled model name or the path of a .yaml model file."),
    # --- answers -----------------------------------------------------------------------------
    "problem.level-fraction": ("tingkat {value} bukan bilangan bulat", "level {value} is not a whole number"),
    "hint.level-fraction": ("Tingkat kematangan adalah bilangan bulat, misalnya 2 atau 3.", "Maturity levels are whole numbers, such as 2 or 3."),
    "problem.level-text": ("tingkat '{value}' bukan angka", "level '{value}' is not a number"),
    "hint.level-text": ("Tulis tingkat sebagai angka tanpa tanda kutip, misalnya 3.", "Write the level as a number without quotes, such as 3."),
    "problem.unknown-indicator": (
        "indikator {id} tidak ada dalam model {model} (indikator {first}-{last})",
        "indicator {id} is not in model {model} (indicators {first}-{last})",
    ),
    "problem.level-out-of-range": (
        "tingkat {level} untuk indikator {id} di luar skala {scale} ({minimum}-{maximum})",
        "level {level} for indicator {id} is outside the {scale} scale ({minimum}-{maximum})",
    ),
    "problem.missing-indicators": ("{count} indikator belum dijawab: {ids}", "{count} indicator(s) not answered: {ids}"),
    "hint.missing-indicators": (
        "Jawab semuanya (spbe-calc assess), atau pakai --partial untuk menilai sebagian dengan jelas.",
        "Answer them all (spbe-calc assess), or use --partial to score an incomplete file explicitly.",
    ),
    "problem.model-mismatch": (
        "berkas jawaban ditulis untuk model '{declared}', tetapi dinilai dengan '{used}'",
        "the answers file is for model '{declared}' but is being scored with '{used}'",
    ),
    "hint.model-mismatch": (
        "Hapus --model, atau ubah 'model:' di berkas jawaban bila memang salah.",
        "Drop --model, or change 'model:' in the answers file if it is wrong.",
    ),
    "problem.bad-bar": ("'{value}' bukan angka maupun nama predikat", "'{value}' is neither a number nor a predikat"),
    "hint.bad-bar": ("Contoh: --fail-under 2.5 atau --fail-under Baik.", "For example: --fail-under 2.5 or --fail-under Baik."),
    "problem.unknown-predikat": ("predikat '{value}' tidak dikenal (yang ada: {known})", "unknown predikat '{value}' (known: {known})"),
    # --- types -------------------------------------------------------------------------------
    "type.str": ("teks", "text"),
    "type.int": ("bilangan bulat", "a whole number"),
    "type.decimal": ("bilangan desimal", "a decimal number"),
    "type.number": ("angka", "a number"),
    "type.bool": ("true/false", "true/false"),
    "type.null": ("nilai kosong", "an empty value"),
    "type.map": ("pemetaan (kunci: nilai)", "a mapping (key: value)"),
    "type.seq": ("daftar", "a list"),
    "type.value": ("nilai", "a value"),
    "kind.domain": ("domain", "domain"),
    "kind.aspect": ("aspek", "aspect"),
    "kind.indicator": ("indikator", "indicator"),
    # --- command line ------------------------------------------------------------------------
    "cli.help": (
        "Kalkulator penilaian mandiri Indeks SPBE: nilai, validasi, dan rencanakan.",
        "Indeks SPBE self-assessment calculator: score, validate and plan.",
    ),
    "cli.version": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "cli.lang": ("Bahasa keluaran: id (bawaan) atau en.", "Output language: id (default) or en."),
    "cli.model": ("Model penilaian: nama model bawaan atau jalur berkas.", "Assessment model: bundled model name or file path."),
    "cli.format": ("Format keluaran.", "Output format."),
    "help.score": (
        "Hitung Indeks SPBE dan predikat dari berkas jawaban.",
        "Compute the Indeks SPBE and predikat from answers files.",
    ),
    "help.score.files": ("Berkas jawaban YAML.", "Answers YAML files."),
    "help.score.detail": ("Tampilkan juga setiap indikator dan kontribusinya.", "Also show every indicator and its contribution."),
    "help.score.partial": (
        "Izinkan jawaban yang belum lengkap: indikator kosong dihitung di tingkat terendah dan dilaporkan.",
        "Allow incomplete answers: unanswered indicators count at the lowest level and are reported.",
    ),
    "help.score.fail-under": (
        "Keluar dengan kode 1 bila ada berkas di bawah batas ini (angka, misalnya 2.5, atau predikat, misalnya Baik).",
        "Exit with code 1 when any file is below this bar (a number such as 2.5, or a predikat such as Baik).",
    ),
    "out.below-bar": (
        "{path}: Indeks SPBE {index} ({predikat}) di bawah batas {bar}",
        "{path}: Indeks SPBE {index} ({predikat}) is below the bar {bar}",
    ),
    "help.schema": (
        "Cetak JSON Schema (draft-07) untuk berkas model atau berkas jawaban.",
        "Print the JSON Schema (draft-07) of model or answers files.",
    ),
    "help.schema.kind": ("model atau answers", "model or answers"),
    "help.output": ("Tulis ke berkas ini (secara atomik), bukan ke layar.", "Write to this file (atomically) instead of the screen."),
    "out.written": ("ditulis: {path}", "written: {path}"),
    "help.validate": (
        "Periksa berkas model (dan berkas jawaban) lalu laporkan semua masalah beserta posisinya.",
        "Check model (and answers) files and report every problem with its position.",
    ),
    "help.validate.files": (
        "Berkas model atau jawaban; tanpa argumen, model bawaan yang diperiksa.",
        "Model or answers files; without arguments the bundled model is checked.",
    ),
    "help.validate.strict": ("Peringatan juga dianggap gagal.", "Treat warnings as failures too."),
    "help.models": ("Daftar model bawaan.", "List the bundled models."),
    "out.internal-error": (
        "kesalahan internal spbe-calc ({error}). Mohon laporkan beserta perintah yang dijalankan; setel SPBE_CALC_DEBUG=1 untuk rinciannya.",
        "internal spbe-calc error ({error}). Please report it with the command you ran; set SPBE_CALC_DEBUG=1 for details.",
    ),
    "out.interrupted": ("dihentikan.", "interrupted."),
    "out.level.error": ("galat", "error"),
    "out.level.warning": ("peringatan", "warning"),
    "out.validate.ok": ("{path}: valid ({kind})", "{path}: valid ({kind})"),
    "out.validate.summary": ("{errors} galat, {warnings} peringatan pada {files} berkas", "{errors} error(s), {warnings} warning(s) in {files} file(s)"),
    "out.kind.model": ("model", "model"),
    "out.kind.answers": ("jawaban", "answers"),
    "out.col.code": ("Kode", "Code"),
    "out.col.indicator": ("Indikator", "Indicator"),
    "out.col.instansi": ("Instansi", "Agency"),
    "out.col.year": ("Tahun", "Year"),
    "out.partial.short": (
        "{count} indikator belum dijawab dan dihitung di tingkat terendah; indeks ini batas bawah.",
        "{count} indicator(s) not answered and counted at the lowest level; this index is a lower bound.",
    ),
    "out.col.item": ("Domain / Aspek", "Domain / Aspect"),
    "out.col.item.detail": ("Domain / Aspek / Indikator", "Domain / Aspect / Indicator"),
    "out.detail-note": (
        "Nilai: indeks untuk domain dan aspek, tingkat untuk indikator. Sumbangan: bobot x tingkat / 100, bagian indikator dalam Indeks SPBE.",
        "Value: index for domains and aspects, level for indicators. Adds: weight x level / 100, the indicator's share of the Indeks SPBE.",
    ),
    "out.col.index.detail": ("Nilai", "Value"),
    "out.col.weight": ("Bobot", "Weight"),
    "out.col.index": ("Indeks", "Index"),
    "out.col.level": ("Tingkat", "Level"),
    "out.col.contribution": ("Sumbangan", "Adds"),
    "out.col.predikat": ("Predikat", "Predikat"),
    "out.index": ("Indeks SPBE", "Indeks SPBE"),
    "out.exact": ("nilai tepat", "exact value"),
    "out.no-instansi": ("(instansi tidak disebut)", "(agency not named)"),
    "out.banding.rounded": ("predikat ditentukan dari nilai yang dibulatkan", "predikat decided on the rounded value"),
    "out.partial": (
        "{path}: {count} indikator belum dijawab ({ids}); dihitung di tingkat terendah. Indeks ini batas bawah; bila semuanya tingkat tertinggi: {high}.",
        "{path}: {count} indicator(s) not answered ({ids}); counted at the lowest level. This index is a lower bound; with all of them at the top level: {high}.",
    ),
    "out.models.title": ("Model bawaan", "Bundled models"),
    "out.col.name": ("Nama", "Name"),
    "out.col.regulation": ("Peraturan", "Regulation"),
    "out.col.years": ("Tahun evaluasi", "Evaluation years"),
    "out.col.status": ("Status", "Status"),
    "out.col.counts": ("Domain/Aspek/Indikator", "Domains/Aspects/Indicators"),
    "out.status.official": ("resmi", "official"),
    "out.status.reported": ("dilaporkan, belum terverifikasi", "reported, unverified"),
    "out.default": ("bawaan", "default"),
}
