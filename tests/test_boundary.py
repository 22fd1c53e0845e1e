"""The answers file's folder is the boundary; temporary files follow no link; Chromium prints offline;
a logo is checked before a browser draws it (issue 23, points 3 to 5).

Hostile files, links, pipes and sparse files are made here, in each test's folder.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import struct
import zlib
from pathlib import Path

import pytest

from spbe_calc.answers import read_answers

from .conftest import EXAMPLES, MAX_MEGABYTES, MAX_SECONDS, Run, bounded

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"
SECRET = "root:$6$rahasia$HASHHASHHASH:19000:0:99999:7:::"


def _answers(folder: Path, extra: str = "", model: str = "spbe-2020") -> Path:
    """The example's answers in ``folder``, its model reference and indicator 2's bukti replaced."""
    shutil.copy(EXAMPLES / "logo-contoh.svg", folder)
    text = EX22.read_text(encoding="utf-8").replace("model: spbe-2020", f"model: {json.dumps(model)}", 1)
    if extra:
        text = text.replace("\n  2: 3\n", f"\n  2: {{level: 3, bukti: {extra}}}\n", 1)
    path = folder / "jawaban.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _secret(tmp_path: Path) -> Path:
    """A file outside the answers' folder, shaped like /etc/shadow (a YAML mapping of secrets)."""
    outside = tmp_path / "rumah"
    outside.mkdir()
    secret = outside / "shadow"
    secret.write_text(f"root: {json.dumps(SECRET)}\ndaemon: x\n", encoding="utf-8")
    return secret


# --- 3. the answers file's folder is the boundary ----------------------------------------------------


@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
@pytest.mark.parametrize("command", [["score"], ["validate", "-f", "github"], ["export", "-o", "l.xlsx"], ["evidence"]])
def test_a_model_outside_the_folder_is_refused_and_never_shown(
    run: Run, tmp_path: Path, how: str, command: list[str]
) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    ref = {"absolute": str(secret), "dotdot": "../rumah/shadow", "link": "model.yaml"}[how]
    if how == "link":
        (folder / "model.yaml").symlink_to(secret)
    path = _answers(folder, model=ref)
    name, *rest = command
    r = run(name, str(path), *[str(folder / a) if a.endswith(".xlsx") else a for a in rest])
    assert r.exit_code in ((1, 2) if name == "validate" else (2,)), r.stderr
    said = r.stdout + r.stderr
    assert "di luar folder berkas ini" in said and "SPBE_CALC_MODEL_PATH" in said
    assert "rahasia" not in said and "HASH" not in said and "daemon" not in said
    assert not (folder / "l.xlsx").exists()


def test_a_model_search_path_allows_a_folder_and_an_unknown_file_is_not_quoted(run: Run, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    path = _answers(folder, model=str(secret))
    r = run("score", str(path), env={"SPBE_CALC_MODEL_PATH": str(secret.parent)})
    assert r.exit_code == 2 and "bukan berkas model spbe-calc" in r.stderr
    assert "rahasia" not in r.stderr and "daemon" not in r.stderr
    models = tmp_path / "model-bersama"
    models.mkdir()
    shutil.copy(EXAMPLES.parent / "indicators.yaml", models / "m.yaml")
    path = _answers(folder, model=str(models / "m.yaml"))
    assert run("score", str(path)).exit_code == 2
    assert run("score", str(path), env={"SPBE_CALC_MODEL_PATH": f"/tidak-ada{os.pathsep}{models}"}).exit_code == 0
    assert run("score", str(path), "--model", str(models / "m.yaml")).exit_code == 2  # declared path still checked
    assert run("score", str(EX22), "--model", str(models / "m.yaml")).exit_code == 0  # the user's own choice


@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
def test_evidence_outside_the_folder_is_named_not_read_nor_recorded(run: Run, tmp_path: Path, how: str) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    entry = {"absolute": str(secret), "dotdot": "../rumah/shadow", "link": "sk.pdf"}[how]
    if how == "link":
        (folder / "sk.pdf").symlink_to(secret)
    path = _answers(folder, extra=json.dumps([entry]))
    r = run("evidence", str(path))
    assert r.exit_code == 1 and "di luar folder berkas jawaban" in r.stdout and "--allow-outside" in r.stdout
    before = path.read_text(encoding="utf-8")
    r = run("evidence", str(path), "--record")
    assert r.exit_code == 1 and read_answers(path).answers[2].bukti == (entry,)
    assert "sha256" not in path.read_text(encoding="utf-8").split("\n  3:")[0].split("\n  2:")[1]
    assert path.read_text(encoding="utf-8").count("sha256") == before.count("sha256")
    r = run("evidence", str(path), "--record", "--allow-outside")
    assert r.exit_code == 0 and read_answers(path).answers[2].bukti[0].sha256 is not None  # type: ignore[union-attr]


def test_a_report_marks_outside_evidence_and_refuses_an_outside_logo(run: Run, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    path = _answers(folder, extra=json.dumps([str(secret)]))
    r = run("report", str(path), "-o", str(folder / "r.html"))
    assert r.exit_code == 0 and "di luar folder berkas jawaban" in (folder / "r.html").read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace('logo: "logo-contoh.svg"', f"logo: {json.dumps(str(secret))}")
    path.write_text(text, encoding="utf-8")
    r = run("report", str(path), "-o", str(folder / "r2.html"))
    assert r.exit_code == 2 and "laporan.logo" in r.stderr and "rahasia" not in r.stderr
    assert not (folder / "r2.html").exists()


def test_a_missing_logo_is_named_as_the_logo_with_its_line(run: Run, tmp_path: Path) -> None:
    path = _answers(tmp_path)
    (tmp_path / "logo-contoh.svg").unlink()
    r = run("report", str(path), "-o", str(tmp_path / "r.html"))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "logo:" in text)
    assert r.exit_code == 2 and f"jawaban.yaml:{line}:" in r.stderr and "laporan.logo" in r.stderr


@pytest.mark.parametrize("kind", ["fifo", "proc", "device", "huge"])
def test_evidence_reads_only_regular_files_bounded(tmp_path: Path, kind: str) -> None:
    """A pipe, /proc/kmsg, a device or twenty mentions of a 4 GB file: named, never a hang."""
    folder = tmp_path / "unit"
    folder.mkdir()
    if kind == "fifo":
        os.mkfifo(folder / "pipa.pdf")
        entries = ["pipa.pdf"]
    elif kind == "proc":
        entries = ["/proc/kmsg", "/proc/self/environ"]
    elif kind == "device":
        (folder / "nol.pdf").symlink_to("/dev/zero")
        entries = ["nol.pdf", "/dev/urandom"]
    else:
        with open(folder / "besar.pdf", "wb") as fh:
            fh.truncate(4 << 30)  # sparse: 4 GB that takes no disk
        entries = [{"path": "besar.pdf", "sha256": "0" * 64}] * 20
    path = _answers(folder, extra=json.dumps(entries))
    result = bounded("evidence", str(path), "--allow-outside", "--record", timeout=30)
    assert result.returncode == 1, result.stderr
    said = {"fifo": "bukan berkas biasa", "proc": "bukan berkas biasa", "device": "bukan berkas biasa"}
    assert said.get(kind, "terlalu besar untuk diperiksa") in result.stdout
    assert result.seconds < MAX_SECONDS and result.megabytes < MAX_MEGABYTES


def test_an_unreadable_document_is_a_finding_not_a_crash(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spbe_calc.evidence as evidence

    (tmp_path / "sk.pdf").write_bytes(b"%PDF-1.4")
    path = _answers(tmp_path, extra=json.dumps([{"path": "sk.pdf", "sha256": "0" * 64}]))

    def denied(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(evidence, "sha256_of", denied)  # root reads every file; a user would not
    r = run("evidence", str(path))
    assert r.exit_code == 1 and "tidak dapat dibaca" in r.stdout


# --- 4. temporary and output files follow no planted link ---------------------------------------------------


def test_the_pdf_page_is_a_new_file_and_follows_no_planted_link(tmp_path: Path) -> None:
    if shutil.which("chromium") is None and not os.environ.get("SPBE_REQUIRE_BROWSER"):
        pytest.skip("Chromium is not installed")
    from spbe_calc.pdf import print_pdf

    victim = tmp_path / "korban.txt"
    victim.write_text("tetap")
    output = tmp_path / "laporan.pdf"
    for pid in (os.getpid(), os.getpid() + 1):  # the names the page used to have
        (tmp_path / f".laporan.pdf.{pid}.html").symlink_to(victim)
    output.write_bytes(print_pdf("<html><body><p>Laporan</p></body></html>", tmp_path))
    assert victim.read_text() == "tetap" and output.read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.is_symlink()) == ["korban.txt", "laporan.pdf"]


@pytest.mark.parametrize("output", ["laporan.pdf", "laporan.html", "lke.xlsx", "lke.csv"])
def test_a_read_only_output_is_refused_not_replaced(run: Run, tmp_path: Path, output: str) -> None:
    target = tmp_path / output
    target.write_text("milik orang lain")
    target.chmod(0o444)
    command = "export" if output.startswith("lke") else "report"
    r = run(command, str(EX22), "-o", str(target))
    assert r.exit_code == 2 and "hanya-baca" in r.stderr
    assert target.read_text() == "milik orang lain" and stat.S_IMODE(target.stat().st_mode) == 0o444


# --- 5. Chromium prints offline; a logo is checked before it is drawn -------------------------------------------


def test_chromium_prints_without_any_network(run: Run, tmp_path: Path) -> None:
    """A wrapper records Chromium's network log: no host is resolved, no connection made."""
    chromium = shutil.which("chromium")
    if chromium is None:
        if os.environ.get("SPBE_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required in CI")
        pytest.skip("Chromium is not installed")
    log = tmp_path / "net.json"
    wrapper = tmp_path / "chromium-log"
    wrapper.write_text(f'#!/bin/sh\nexec "{chromium}" --log-net-log="{log}" --net-log-capture-mode=Everything "$@"\n')
    wrapper.chmod(0o755)
    shutil.copy(EXAMPLES / "logo-contoh.svg", tmp_path)
    r = run("report", str(EX22), "-o", str(tmp_path / "laporan.pdf"), env={"SPBE_CALC_BROWSER": str(wrapper)})
    assert r.exit_code == 0, r.stderr
    netlog = json.loads(log.read_text())
    names = {value: key for key, value in netlog["constants"]["logEventTypes"].items()}
    events = [(names[e["type"]], e.get("params", {})) for e in netlog["events"]]
    resolved = [p for t, p in events if t == "HOST_RESOLVER_MANAGER_REQUEST" and "host" in p]
    assert all("~notfound" in p["host"] for p in resolved), resolved  # every name maps to nothing
    connected = [
        p for t, p in events if t in ("SOCKET_CONNECT", "TCP_CONNECT") and "net_error" not in p and "address" in p
    ]
    assert all(p["address"].startswith(("127.", "[::1]")) for p in connected), connected
    assert not [p for t, p in events if t == "HTTP_TRANSACTION_READ_RESPONSE_HEADERS"]  # nothing answered


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<path d='M0 0 L1 1'/>" * 45_000 + b"</svg>", "logo SVG ini"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
            "<!DOCTYPE>",
        ),
        (b'<?xml version="1.0"?><catatan>bukan gambar, walau menyebut <svg></svg> di awal</catatan>', "bukan gambar"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><filter id="f"/></svg>', "<filter>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 6000 + b"</svg>", "lebih dari 5000 unsur"),
        (_png(100_000, 100_000), "piksel"),
        (b"\x89PNG\r\n\x1a\n", "rusak"),
    ],
)
def test_a_heavy_or_false_logo_is_refused_with_the_reason(tmp_path: Path, content: bytes, said: str) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_bytes(content)
    result = bounded("report", str(EX22), "-o", str(tmp_path / "laporan.pdf"), "--logo", str(logo))
    assert result.returncode == 2 and said in result.stderr, result.stderr
    assert not (tmp_path / "laporan.pdf").exists()
    assert result.seconds < 2


def test_a_plain_logo_is_embedded(run: Run, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(200, 200))
    r = run("report", str(EX22), "-o", str(tmp_path / "r.html"), "--logo", str(logo))
    assert r.exit_code == 0 and "data:image/png;base64," in (tmp_path / "r.html").read_text(encoding="utf-8")
