"""spbe_calc.render.peers: the same places in every format (CSV and Markdown beside the JSON)."""

from __future__ import annotations

import csv
import json

from .conftest import Run


def test_csv_and_markdown(run: Run) -> None:
    rows = list(csv.DictReader(run("peers", "Kota Denpasar", "-f", "csv").stdout.splitlines()))
    assert [(r["tahun"], r["lingkup"]) for r in rows] == [
        ("2023", "group"),
        ("2023", "kind"),
        ("2024", "group"),
        ("2024", "kind"),
    ]
    data = json.loads(run("peers", "Kota Denpasar", "-f", "json").stdout)
    places = [(y["year"], y[scope]) for y in data["published"] for scope in ("group", "kind")]
    assert [(r["peringkat"], r["dari"]) for r in rows] == [(str(p["rank"]), str(p["total"])) for _, p in places]
    markdown = run("peers", "Kota Denpasar", "-f", "markdown").stdout
    assert "| Tahun | Indeks | Predikat |" in markdown and "Di provinsi" in markdown
