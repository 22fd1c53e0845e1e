"""Tests of spbe_calc/typed.py: text typed in another encoding than UTF-8."""

from __future__ import annotations

import pytest

from spbe_calc.errors import SpbeError
from spbe_calc.typed import first_undecoded, typed_text, undecoded_bytes


def test_bytes_that_were_not_utf8_are_found_and_named() -> None:
    # What surrogateescape makes of the bytes E9 and FF, and a half pair from elsewhere.
    text = "Ni\udce9s \udcff\udce9 \ud800\udc80\udc7f"
    assert undecoded_bytes(text) == "\\xe9 \\xff \\ud800 \\x80 \\udc7f" and first_undecoded(text) == 2
    assert undecoded_bytes("Nias é 𝔸") is None and first_undecoded("Nias é 𝔸") is None


def test_an_option_in_bytes_that_are_not_utf8_is_refused_naming_them() -> None:
    assert typed_text("--place", "Nias") == "Nias"
    with pytest.raises(SpbeError) as info:
        typed_text("--place", "Ni\udce9s")
    assert [(p.path, p.code, p.args) for p in info.value.problems] == [("--place", "text-not-utf8", {"bytes": "\\xe9"})]
