"""Turkish casing rules (pure)."""

from __future__ import annotations

import pytest

from kurum_masaustu.rules.turkish import casefold_tr, search_key, sort_key, title_tr, tr_lower, tr_upper


@pytest.mark.parametrize(
    ("text", "lower"),
    [("IĞDIR", "ığdır"), ("İZMİR", "izmir"), ("ISPARTA", "ısparta"), ("İstanbul", "istanbul"), ("ŞİŞLİ", "şişli")],
)
def test_lower_follows_turkish_rules(text: str, lower: str) -> None:
    assert tr_lower(text) == lower


def test_upper_follows_turkish_rules() -> None:
    assert tr_upper("izmir") == "İZMİR"
    assert tr_upper("ılıca") == "ILICA"


def test_decomposed_dotted_capital_i_folds_like_the_precomposed_one() -> None:
    assert casefold_tr("I\u0307stanbul") == casefold_tr("İstanbul") == "istanbul"


def test_casefold_keeps_dotless_and_dotted_i_apart() -> None:
    assert casefold_tr("KIR") == casefold_tr("kır") != casefold_tr("kir")


def test_search_key_lets_people_type_without_turkish_letters() -> None:
    assert search_key("Çöp") == search_key("cop") == "cop"
    assert search_key("İSTANBUL") == search_key("istanbul") == search_key("Istanbul")


def test_sorting_follows_the_turkish_alphabet() -> None:
    names = ["Zonguldak", "Çiğli", "cide", "Ödemiş", "Ünye", "İnegöl", "Iğdır", "Şişli", "Ceyhan", "Uşak", "ılıca"]
    assert sorted(names, key=sort_key) == [
        "Ceyhan", "cide", "Çiğli", "Iğdır", "ılıca", "İnegöl", "Ödemiş", "Şişli", "Uşak", "Ünye", "Zonguldak",
    ]  # fmt: skip


def test_title_case_in_turkish() -> None:
    assert title_tr("istanbul ili ırmak") == "İstanbul İli Irmak"
