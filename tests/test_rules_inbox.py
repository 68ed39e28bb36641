"""Inbox rules: classification of citizens' messages and the tone check of our replies (pure).

The labelled set ``tests/data/inbox_labelled.jsonl`` was written by hand for these tests
(never generated from the classifier). Each row has ``split``:

* ``dev``: what the lexicon was tuned on;
* ``holdout``: written before the classifier existed and never tuned on (but the lexicon's
  author had read it, so it is not fully blind);
* ``blind``: written after the classifier and lexicon were frozen, measured once.

Gold labelling guide: *complaint* reports a failure or dissatisfaction (also when phrased as a
question); *request* asks the institution to do something new, politely; *question* asks for
information; *praise* thanks or praises; *abuse* insults; *spam* advertises; *other* is the rest
(condolences, greetings, tagging friends). ``negative`` is the writer's tone.

The precision/recall table is printed by :func:`test_precision_and_recall_on_the_labelled_set`
with capture disabled, so it shows in every run (``pytest tests/test_rules_inbox.py``, with or
without ``-s``), and it is repeated in the assertion message if a floor is missed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from kurum_masaustu.domain import InboxCategory
from kurum_masaustu.inbox_lexicon import load_lexicon_file, packaged_lexicon
from kurum_masaustu.paths import resource
from kurum_masaustu.rules.inbox import (
    Classification,
    LexiconError,
    ToneKind,
    classify,
    is_valid_tckn,
    load_lexicon,
    tokenize,
    tone_check,
)

DATA = Path(__file__).parent / "data" / "inbox_labelled.jsonl"
CATEGORIES = [c.value for c in InboxCategory]
SPLITS = ("dev", "holdout", "blind")


# --------------------------------------------------------------------------- the labelled set


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Scores:
    n: int
    per_class: dict[str, tuple[int, float, float, float]]  # class → (support, precision, recall, F1)
    macro_f1: float
    accuracy: float
    negative_precision: float
    negative_recall: float


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _score(rows: list[dict[str, object]]) -> Scores:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    neg = Counter[str]()
    for row in rows:
        result = classify(str(row["text"]))
        gold, predicted = str(row["category"]), str(result.category)
        if gold == predicted:
            tp[gold] += 1
        else:
            fp[predicted] += 1
            fn[gold] += 1
        neg[f"{bool(row['negative'])}/{result.negative}"] += 1
    per_class = {}
    for name in CATEGORIES:
        precision, recall = _ratio(tp[name], tp[name] + fp[name]), _ratio(tp[name], tp[name] + fn[name])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = (tp[name] + fn[name], precision, recall, f1)
    return Scores(
        n=len(rows),
        per_class=per_class,
        macro_f1=sum(values[3] for values in per_class.values()) / len(per_class),
        accuracy=_ratio(sum(tp.values()), len(rows)),
        negative_precision=_ratio(neg["True/True"], neg["True/True"] + neg["False/True"]),
        negative_recall=_ratio(neg["True/True"], neg["True/True"] + neg["True/False"]),
    )


def _table(scores: dict[str, Scores]) -> str:
    names = list(scores)
    lines = [
        "Inbox classifier on tests/data/inbox_labelled.jsonl (P = precision, R = recall)",
        f"{'class':<10}" + "".join(f" | {f'{name} (n={scores[name].n})':^22}" for name in names),
        f"{'':<10}" + "".join(f" | {'n':>4} {'P':>5} {'R':>5} {'F1':>5}" for _ in names),
    ]
    lines.append("-" * len(lines[-1]))
    for category in CATEGORIES:
        cells = ""
        for name in names:
            support, precision, recall, f1 = scores[name].per_class[category]
            cells += f" | {support:>4} {precision:>5.2f} {recall:>5.2f} {f1:>5.2f}"
        lines.append(f"{category:<10}{cells}")
    lines.append("-" * len(lines[2]))
    lines.append(f"{'macro F1':<10}" + "".join(f" | {s.macro_f1:>22.3f}" for s in scores.values()))
    lines.append(f"{'accuracy':<10}" + "".join(f" | {s.accuracy:>22.3f}" for s in scores.values()))
    lines.append(f"{'neg. P':<10}" + "".join(f" | {s.negative_precision:>22.3f}" for s in scores.values()))
    lines.append(f"{'neg. R':<10}" + "".join(f" | {s.negative_recall:>22.3f}" for s in scores.values()))
    return "\n".join(lines)


def test_the_labelled_set_is_large_varied_and_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 300
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["split"] for row in rows} == set(SPLITS)
    for row in rows:
        assert row["category"] in CATEGORIES, row
        assert isinstance(row["negative"], bool), row
        assert row["kind"] in ("comment", "dm"), row
        assert str(row["text"]).strip(), row
    counts = Counter(str(row["category"]) for row in rows)
    assert set(counts) == set(CATEGORIES)
    assert [name for name, _ in counts.most_common(2)] == ["complaint", "question"]
    texts = [str(row["text"]) for row in rows]
    turkish = set("çğıöşüÇĞİÖŞÜ")
    assert sum(not turkish & set(text) for text in texts) >= 30  # typed without Turkish letters
    assert sum(text.isupper() for text in texts) >= 5  # ALL CAPS
    assert sum(any(ord(ch) > 0x1F000 for ch in text) for text in texts) >= 30  # emoji
    assert sum(row["kind"] == "dm" for row in rows) >= 15


def test_precision_and_recall_on_the_labelled_set(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    scores = {split: _score([r for r in rows if r["split"] == split]) for split in SPLITS}
    scores["all"] = _score(rows)
    table = _table(scores)
    with capsys.disabled():
        print("\n" + table)
    # Floors: the measured value minus a small margin (measured when written: macro F1 all 0.958,
    # holdout 0.948, blind 0.915; accuracy all 0.958; negative P 0.981, R 0.929; weakest class
    # "other" F1 0.83), so a regression fails but a one-message wobble from a lexicon edit does not.
    assert scores["all"].macro_f1 >= 0.93, table
    assert scores["all"].accuracy >= 0.93, table
    assert scores["holdout"].macro_f1 >= 0.92, table
    assert scores["blind"].macro_f1 >= 0.88, table
    assert scores["all"].negative_precision >= 0.95, table
    assert scores["all"].negative_recall >= 0.90, table
    for category in CATEGORIES:
        assert scores["all"].per_class[category][3] >= 0.80, f"{category}\n{table}"


# --------------------------------------------------------------------------- targeted rules


def _reasons(result: Classification) -> str:
    return " | ".join(result.reasons)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Mahallemize su gelmedi", "gelmedi"),
        ("Çöpler toplanmadı", "toplanmadı"),
        ("Sokak lambası yanmıyor", "yanmıyor"),
        ("Musluktan su akmıyor", "akmıyor"),
        ("Kapı hâlâ açılmadı", "açılmadı"),
        ("Kaldırım düzeltilmedi", "düzeltilmedi"),
        ("Başvuruma cevap verilmedi", "verilmedi"),
        ("Parka kimse bakmıyor", "bakmıyor"),
        ("Çöp konteyneri yıkanmamış", "yıkanmamış"),
        ("Toplanmayan çöpler sokağı sardı", "toplanmayan"),
        ("Ekipler bu sokağa uğramaz", "uğramaz"),
    ],
)
def test_a_negated_service_verb_is_a_complaint(text: str, verb: str) -> None:
    result = classify(text)
    assert result.category == InboxCategory.COMPLAINT
    assert result.negative
    assert f"{verb} (olumsuz hizmet fiili)" in result.reasons


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Kaldırımlardan yürüyemiyoruz", "yürüyemiyoruz"),
        ("Belediyeye bir türlü ulaşamıyorum", "ulaşamıyorum"),
        ("Gürültüden uyuyamadık", "uyuyamadık"),
        ("Evimize araçla giremiyoruz", "giremiyoruz"),
    ],
)
def test_inability_is_a_complaint(text: str, verb: str) -> None:
    result = classify(text)
    assert result.category == InboxCategory.COMPLAINT
    assert f"{verb} (yapamama)" in result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Su geldi, teşekkürler",
        "Çöpler toplandı",
        "Geçmiş olsun tüm mahalleye",
        "Unutmadık, unutmayacağız",
        "İçme suyu analiz sonuçları nerede?",
        "Akşam konser var mı?",
    ],
)
def test_affirmative_and_lookalike_forms_are_not_negated_verbs(text: str) -> None:
    result = classify(text)
    assert not result.negative, _reasons(result)
    assert not any("olumsuz hizmet fiili" in reason or "yapamama" in reason for reason in result.reasons)


def test_istanbul_and_dotted_capital_i_fold_the_same() -> None:
    keys = {tokenize(word)[0].key for word in ("istanbul", "İstanbul", "ISTANBUL", "İSTANBUL", "I\u0307stanbul")}
    assert keys == {"istanbul"}
    # Turkish lower case for display: "ISTANBUL" is "ıstanbul", never "istanbul" with a stray dot.
    assert tokenize("İstanbul")[0].surface == "istanbul"
    assert tokenize("ISTANBUL")[0].surface == "ıstanbul"
    upper = classify("İSTANBUL CADDESİ'NDE IŞIKLAR YOK")
    lower = classify("istanbul caddesinde ışıklar yok")
    assert upper.category == lower.category == InboxCategory.COMPLAINT
    assert upper.suggested_units == lower.suggested_units
    assert "ışıklar yok (eksik hizmet)" in lower.reasons


def test_text_typed_without_turkish_letters() -> None:
    plain = classify("cop kamyonu gelmiyor artik bikti millet")
    turkish = classify("Çöp kamyonu gelmiyor artık, bıktı millet")
    for result in (plain, turkish):
        assert result.category == InboxCategory.COMPLAINT
        assert result.negative
        assert result.suggested_units[0] == "Temizlik İşleri"
    assert plain.score == turkish.score
    assert "gelmiyor (olumsuz hizmet fiili)" in plain.reasons
    assert classify("sokaktaki isiklar yanmiyor").category == InboxCategory.COMPLAINT


def test_stretched_letters_still_match() -> None:
    assert "rezaleeet (−3)" in classify("rezaleeet").reasons


def test_text_after_ama_fakat_ancak_weighs_more() -> None:
    thanks_then_complaint = classify("Teşekkürler ama çöp hâlâ toplanmadı.")
    complaint_then_thanks = classify("Çöp geç toplandı ama ekiplere çok teşekkürler")
    assert thanks_then_complaint.category == InboxCategory.COMPLAINT
    assert thanks_then_complaint.negative
    assert complaint_then_thanks.category == InboxCategory.PRAISE
    assert not complaint_then_thanks.negative
    assert classify("Konser güzeldi fakat ses sistemi berbattı").category == InboxCategory.COMPLAINT
    assert classify("Ses sistemi berbattı ancak konser çok güzeldi").score > 0
    # Without the conjunction the same words cancel out differently.
    assert (
        classify("Konser güzeldi ses sistemi berbattı").score
        > classify("Konser güzeldi ama ses sistemi berbattı").score
    )


@pytest.mark.parametrize(
    "text",
    [
        "Yangın var, çarşının arkası!",
        "Binada gaz kokusu var",
        "Yol çöktü, göçük oluştu",
        "Mahalleyi sel bastı",
        "Çocuğu elektrik çarptı, kablo açıkta",
        "Sokakta yaralı bir köpek var",
    ],
)
def test_urgent_cues(text: str) -> None:
    result = classify(text)
    assert result.urgent, _reasons(result)
    assert result.category != InboxCategory.OTHER
    assert any("(acil)" in reason for reason in result.reasons)


@pytest.mark.parametrize(
    "text", ["Selamlar, konser kaçta?", "Seller gibi akan sular güzel bir fotoğraf olmuş", "Çöp yok"]
)
def test_lookalikes_of_urgent_words_are_not_urgent(text: str) -> None:
    assert not classify(text).urgent


def test_irony_turns_praise_into_a_complaint() -> None:
    for text in (
        "Tebrikler belediye, sokağımızdaki çukur 2 aydır aynı yerde (!)",
        "harika hizmet(!) çöpler 4 gündür kapının önünde",
        "Aferin size, yine her yer göl oldu 👏👏",
        "SÜPER!!! 3 SAATTİR SU YOK",
    ):
        result = classify(text)
        assert result.category == InboxCategory.COMPLAINT, (text, result.reasons)
        assert result.negative
    assert classify("👏👏 harika bir konser").category == InboxCategory.PRAISE


def test_capitals_and_exclamations_amplify_but_do_not_decide() -> None:
    quiet = classify("Çöpler toplanmadı, rezalet")
    loud = classify("ÇÖPLER TOPLANMADI, REZALET!!!")
    assert loud.score < quiet.score < 0
    assert any(reason.startswith("BÜYÜK HARF") for reason in loud.reasons)
    shouted_question = classify("23 NİSAN ETKİNLİĞİ KAÇTA BAŞLIYOR???")
    assert shouted_question.category == InboxCategory.QUESTION
    assert not shouted_question.negative


def test_topic_words_route_but_carry_no_sentiment() -> None:
    thanks = classify("Çukur kapatıldı, çöpler toplandı, teşekkürler")
    assert thanks.category == InboxCategory.PRAISE
    assert {"Fen İşleri", "Temizlik İşleri"} <= set(thanks.suggested_units)
    question = classify("Çöp toplama saatleri nedir?")
    assert question.category == InboxCategory.QUESTION
    assert not question.negative
    assert question.score == 0


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Parktaki salıncak kırık", "Park ve Bahçeler"),
        ("12 numaralı otobüs durakta durmadı", "Ulaşım"),
        ("Sokak köpekleri için mama bırakabilir miyiz?", "Veteriner İşleri"),
        ("Cenaze namazı saat kaçta?", "Mezarlıklar"),
        ("Pazar yerinde gürültü çok", "Zabıta"),
        ("Yolda büyük bir çukur var", "Fen İşleri"),
        ("Rögar taştı", "Su ve Kanalizasyon"),
        ("Tiyatro biletleri nerede?", "Kültür ve Sosyal İşler"),
        ("Kira yardımı başvurusu nasıl yapılır?", "Sosyal Yardım"),
    ],
)
def test_routing_suggestions(text: str, unit: str) -> None:
    assert classify(text).suggested_units[0] == unit


def test_parking_a_car_is_not_the_parks_department() -> None:
    units = classify("Kaldırıma araç park ediyorlar").suggested_units
    assert "Park ve Bahçeler" not in units
    assert "Zabıta" in units


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Parka bank konulabilir mi?", InboxCategory.REQUEST),
        ("Konserin kaydını paylaşır mısınız?", InboxCategory.REQUEST),
        ("Sokağımıza lamba takılsın", InboxCategory.REQUEST),
        ("Mezar yeri tahsisi hakkında bilgi verir misiniz?", InboxCategory.QUESTION),
        ("Barınağı arayabilir miyim?", InboxCategory.QUESTION),
        ("Banka şubesinden ödeme olur mu?", InboxCategory.QUESTION),
    ],
)
def test_polite_requests_versus_questions(text: str, category: InboxCategory) -> None:
    assert classify(text).category == category


def test_spam_needs_promotion_not_just_a_link() -> None:
    assert classify("Günde 5000 TL kazan, profilimdeki linke tıkla").category == InboxCategory.SPAM
    assert classify("Deneme bonusu veren bahis siteleri").category == InboxCategory.SPAM
    legit = classify("Konum burada: https://maps.example.org/abc çukur hâlâ duruyor")
    assert legit.category == InboxCategory.COMPLAINT
    assert classify("Belediyemiz ödül kazandı, tebrikler").category == InboxCategory.PRAISE


def test_abuse_is_flagged_for_moderation() -> None:
    result = classify("Salak mısınız, çöp kamyonu sabah 5'te mi gelir")
    assert result.category == InboxCategory.ABUSE
    assert result.negative
    assert "salak (hakaret)" in result.reasons


def test_result_shape_is_plain_and_deterministic() -> None:
    first = classify("3 gündür çöpler TOPLANMADI, rezalet!!!")
    assert first == classify("3 gündür çöpler TOPLANMADI, rezalet!!!")
    assert first.category == "complaint"  # a StrEnum equals its string
    assert all(isinstance(reason, str) for reason in first.reasons)
    assert first.reasons == (
        "gündür (pekiştirici)",
        "toplanmadı (olumsuz hizmet fiili)",
        "rezalet (−3)",
        "!!! (ünlem) ×1,5",
    )
    assert classify("") == Classification(InboxCategory.OTHER, False, False, 0.0, (), ())


# --------------------------------------------------------------------------- lexicon


def test_the_packaged_lexicon_loads_once() -> None:
    assert packaged_lexicon() is packaged_lexicon()
    lexicon = load_lexicon_file()
    assert lexicon.version == 1
    assert [name for name, _ in lexicon.units] == [
        "Temizlik İşleri",
        "Su ve Kanalizasyon",
        "Fen İşleri",
        "Park ve Bahçeler",
        "Zabıta",
        "Ulaşım",
        "Veteriner İşleri",
        "Kültür ve Sosyal İşler",
        "Sosyal Yardım",
        "Mezarlıklar",
    ]


def test_a_custom_lexicon_is_used_purely() -> None:
    data = json.loads(resource("inbox", "lexicon.json").read_text(encoding="utf-8"))
    assert classify("Kepçe operatörü çok özensiz").category == InboxCategory.OTHER
    data["polarity"]["özensiz"] = -3  # Turkish letters are folded by the loader
    custom = load_lexicon(json.dumps(data, ensure_ascii=False))
    result = classify("Kepçe operatörü çok özensiz", custom)
    assert result.category == InboxCategory.COMPLAINT
    assert "özensiz (−3)" in result.reasons


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "must be an object"),
        ('{"polarity": {}}', "missing section"),
    ],
)
def test_a_malformed_lexicon_is_refused(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        load_lexicon(text)


def test_a_lexicon_with_a_bad_weight_is_refused() -> None:
    data = json.loads(resource("inbox", "lexicon.json").read_text(encoding="utf-8"))
    data["polarity"]["berbat"] = "çok"
    with pytest.raises(LexiconError, match="polarity"):
        load_lexicon(json.dumps(data))


def test_rules_import_neither_qt_nor_storage_nor_network() -> None:
    code = (
        "import sys, kurum_masaustu.rules.inbox as m; m.classify('su yok'); m.tone_check('zaten');"
        "print(sorted({k.split('.')[0] for k in sys.modules} & {'PySide6', 'sqlalchemy', 'httpx'}))"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONPATH": src}
    )
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- tone check


def _kinds(text: str) -> list[tuple[ToneKind, str]]:
    return [(w.kind, w.excerpt) for w in tone_check(text)]


def test_defensive_and_dismissive_wording_is_flagged() -> None:
    assert _kinds("Bu konu bizim sorumluluğumuzda değil.") == [(ToneKind.DEFENSIVE, "sorumluluğumuzda değil")]
    assert _kinds("Zaten dediğimiz gibi ekipler yarın gelecek.") == [
        (ToneKind.DISMISSIVE, "Zaten"),
        (ToneKind.DISMISSIVE, "dediğimiz gibi"),
    ]
    assert _kinds("Daha önce de belirttiğimiz gibi, sabredin.") == [
        (ToneKind.DISMISSIVE, "Daha önce de belirttiğimiz gibi"),
        (ToneKind.DISMISSIVE, "sabredin"),
    ]


def test_aggressive_wording_and_insults_are_flagged() -> None:
    kinds = {kind for kind, _ in _kinds("Haddinizi bilin, yalan söylüyorsunuz")}
    assert kinds == {ToneKind.AGGRESSIVE}
    assert (ToneKind.AGGRESSIVE, "salak") in _kinds("Bu salak yorumlara cevap vermiyoruz")


def test_shouting_and_exclamations_are_flagged_but_acronyms_are_not() -> None:
    assert [kind for kind, _ in _kinds("LÜTFEN ALO 153'Ü ARAYINIZ")] == [ToneKind.SHOUTING]
    assert _kinds("Ekiplerimiz HEMEN orada olacak") == [(ToneKind.SHOUTING, "HEMEN")]
    assert _kinds("Yarın görüşmek üzere!!!") == [(ToneKind.EXCLAMATION, "!!!")]
    assert _kinds("İyi bayramlar!") == []
    assert _kinds("Talebinizi ALO 153, CİMER veya KVKK başvuru formu ile iletebilirsiniz.") == []


@pytest.mark.parametrize(
    "reply",
    [
        "Merhaba, bildiriminiz için teşekkür ederiz. Konuyu temizlik işleri ekibimize ilettik; Gül Sokak için en kısa "
        "sürede toplama yapılacaktır. Adres bilgisini özel mesajla iletirseniz takibini birebir yapabiliriz.",
        "Yaşadığınız mağduriyet için üzgünüz. Yeşiltepe bölgesindeki arıza çalışması sürüyor; suyun yaklaşık 16.00 "
        "civarında verilmesi bekleniyor. Güncel bilgi için ALO 185'i arayabilirsiniz.",
        "Teşekkür ederiz. Cadde ve sokak aydınlatmalarının bakımı elektrik dağıtım şirketi tarafından yapılmaktadır; "
        "ALO 186'ya bildirmeniz en hızlı çözümdür. Park ve belediye tesislerindeki aydınlatma ise bizim "
        "sorumluluğumuzda; öyleyse yerini özelden iletin, hemen yönlendirelim.",
        "Haklı olarak sitem ettiğinizi anlıyoruz. Önceki başvurunuzun numarasını özel mesajla paylaşırsanız, kaydı "
        "ilgili müdürlükle birlikte bugün yeniden inceleyip size bilgi vereceğiz.",
        "Eleştirilerinizi dikkate alıyoruz; ancak herkes için saygılı bir iletişim ortamı sürdürmek adına hakaret "
        "içeren ifadeler içeren yorumlar gizlenmektedir. Talebinizi ALO 153 üzerinden iletirseniz takip edilecektir.",
    ],
)
def test_the_polite_reply_templates_pass(reply: str) -> None:
    assert tone_check(reply) == []


def test_personal_data_is_flagged() -> None:
    warnings = tone_check(
        "Sayın 12345678950 T.C. kimlik numaralı vatandaşımız, 0532 123 45 67 numarasından ve "
        "TR33 0006 1005 1978 6457 8413 26 hesabından ulaşılabilir."
    )
    assert [(w.kind, w.detail, w.excerpt) for w in warnings] == [
        (ToneKind.PERSONAL_DATA, "tc_kimlik", "12345678950"),
        (ToneKind.PERSONAL_DATA, "telefon", "0532 123 45 67"),
        (ToneKind.PERSONAL_DATA, "iban", "TR33 0006 1005 1978 6457 8413 26"),
    ]
    assert all(w.message for w in warnings)


@pytest.mark.parametrize(
    "phone", ["05321234567", "0532 123 45 67", "(0532) 123-45-67", "+90 532 123 45 67", "532 123 4567"]
)
def test_phone_number_formats(phone: str) -> None:
    assert [w.detail for w in tone_check(f"Numara: {phone}")] == ["telefon"]


def test_an_eleven_digit_number_without_a_valid_checksum_is_not_a_kimlik() -> None:
    assert tone_check("Başvuru no: 12345678901") == []
    assert tone_check("Başvuru no: 2024/118") == []


@pytest.mark.parametrize("number", ["10000000146", "12345678950", "98765432150", "28461039520"])
def test_valid_tc_kimlik_numbers(number: str) -> None:
    assert is_valid_tckn(number)


@pytest.mark.parametrize(
    "number",
    [
        "10000000147",  # wrong 11th digit
        "10000000156",  # wrong 10th digit
        "02345678950",  # starts with 0
        "1234567895",  # 10 digits
        "123456789500",  # 12 digits
        "1234567895a",
        "١٢٣٤٥٦٧٨٩٥٠",  # non-ASCII digits
    ],
)
def test_invalid_tc_kimlik_numbers(number: str) -> None:
    assert not is_valid_tckn(number)
