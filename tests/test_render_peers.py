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


def test_a_domain_without_any_value_in_the_group_is_shown_as_a_dash() -> None:
    # The shipped table has a value of every domain in every group; a future year may not.
    from spbe_calc.peers import peers_for
    from spbe_calc.render import Options
    from spbe_calc.render.peers import render_markdown, render_text

    peers = peers_for("Kota Denpasar")
    last = peers.years[-1]
    group = last.group._replace(domains={n: s for n, s in last.group.domains.items() if n != 2})
    peers = peers._replace(years=(*peers.years[:-1], last._replace(group=group)))
    text = render_text(peers, Options(width=100)).splitlines()
    q1 = [line.split() for line in text if line.startswith("Kuartil 1")]
    assert q1[0][4] == "–" and "–" not in q1[1]  # the group's D2, then the kind's, which has one
    markdown = [line for line in render_markdown(peers, Options()).splitlines() if line.startswith("| Kuartil 1 |")]
    assert markdown[0].split(" | ")[3] == "–" and "–" not in markdown[1], markdown


def test_a_narrow_terminal_never_cuts_a_word_of_the_place() -> None:
    from spbe_calc.core import score_file
    from spbe_calc.peers import assess, peers_for
    from spbe_calc.render import Options
    from spbe_calc.render.peers import render_text

    from .helpers import EX22

    peers = peers_for(EX22)
    assert peers.assessed == assess(score_file(EX22), None, "kabupaten", None)
    wide = render_text(peers, Options(width=200)).split()
    narrow = render_text(peers, Options(width=8)).split()
    assert narrow == wide and max(map(len, wide)) > 8  # the same words, the longest on a line of its own
