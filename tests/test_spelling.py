"""Turkish spelling with the shipped Hunspell dictionary and the institution's own words."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.services.spelling import DictionaryUnavailableError, SpellChecker, SpellingWords, dictionary_dir
from kurum_masaustu.store.models import AuditEntry


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    made = SpellChecker()
    made.load()
    return made


def test_the_dictionary_and_its_licence_ship_with_the_app() -> None:
    folder = dictionary_dir()
    assert (folder / "tr_TR.dic").stat().st_size > 1_000_000
    assert (folder / "tr_TR.aff").is_file()
    assert "Mozilla Public License" in (folder / "LICENSE-MPL-2.0.txt").read_text()


def test_a_correct_announcement_has_no_unknown_words(checker: SpellChecker) -> None:
    text = (
        "Değerli vatandaşlarımız, yarın saat 10.00 ile 16.00 arasında Cumhuriyet Mahallesi'nde planlı "
        "su kesintisi yapılacaktır. İzmir'deki ekiplerimiz çalışmaktadır. Anlayışınız için teşekkür ederiz."
    )
    checker.set_accepted([])
    assert checker.unknown_words(text) == []


def test_misspelled_words_are_found_once_each_in_order(checker: SpellChecker) -> None:
    checker.set_accepted([])
    text = "Yarın su kesintsi yapılcak. Kesintsi için özür dileriz."
    assert checker.unknown_words(text) == ["kesintsi", "yapılcak"]
    assert "kesinti" in checker.suggestions("kesintsi")


def test_capitals_follow_turkish_casing(checker: SpellChecker) -> None:
    checker.set_accepted([])
    assert checker.unknown_words("BELEDİYEMİZ DUYURUSU: SU KESİNTİSİ") == []


def test_the_institutions_words_are_accepted_with_suffixes_after_an_apostrophe(checker: SpellChecker) -> None:
    checker.set_accepted([])
    text = "Kızılay'ın desteğiyle Yeşilbağlar Mahallesi'nde kan bağışı"
    assert checker.unknown_words(text) == ["Kızılay", "Yeşilbağlar"]
    checker.set_accepted(["kızılay", "YEŞİLBAĞLAR"])
    assert checker.unknown_words(text) == []


def test_words_are_stored_in_the_profile_and_audited(session_factory: sessionmaker[Session]) -> None:
    words = SpellingWords(session_factory)
    assert words.add("Yeşilbağlar", "mahalle") == "Yeşilbağlar"
    assert words.add("YEŞİLBAĞLAR") == "YEŞİLBAĞLAR"  # already there: no second row
    assert words.add("iki kelime") is None
    assert words.all() == [("Yeşilbağlar", "mahalle")]
    assert words.remove("yeşilbağlar")
    assert words.words() == []
    with session_factory() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["spelling.word_added", "spelling.word_removed"]


def test_a_missing_dictionary_is_reported_not_crashed(tmp_path: Path) -> None:
    broken = SpellChecker(folder=tmp_path)
    with pytest.raises(DictionaryUnavailableError):
        broken.unknown_words("merhaba")
    with pytest.raises(DictionaryUnavailableError):  # and stays so without trying again
        broken.load()


def test_checks_from_several_threads_agree(checker: SpellChecker) -> None:
    checker.set_accepted([])
    results: list[list[str]] = []

    def work() -> None:
        for _ in range(50):
            results.append(checker.unknown_words("Yarın su kesintsi yapılacaktır"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [["kesintsi"]] * 200
