"""Templates: the shipped Turkish files, the pure field rules, and the service that keeps them."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
import regex
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kurum_masaustu.demo.content import POST_TEMPLATES, REPLY_TEMPLATES
from kurum_masaustu.domain import Category, InboxCategory
from kurum_masaustu.rules.templates import (
    MAX_FIELDS,
    FieldKind,
    FieldProblemCode,
    FieldSpec,
    TemplateDataError,
    TemplateDefinition,
    TemplateProblemCode,
    blocking_problems,
    check_body,
    check_template,
    field_specs_from_stored,
    fill,
    is_field_name,
    join_list,
    merge_field_specs,
    parse_definitions,
    parse_fields,
    split_list,
    validate_value,
    validate_values,
)
from kurum_masaustu.rules.text import measure
from kurum_masaustu.services.templates import (
    TemplateError,
    TemplateService,
    load_template_files,
    read_template_files,
)
from kurum_masaustu.store.models import AuditEntry, Template

# --------------------------------------------------------------------------------------------
# The shipped templates
# --------------------------------------------------------------------------------------------

SHIPPED = load_template_files(*read_template_files())
POSTS = [d for d in SHIPPED if d.purpose == "post"]
REPLIES = [d for d in SHIPPED if d.purpose == "reply"]

#: Post templates that, filled with their examples, exceed X's 280 weighted characters (they go
#: out as a thread or shortened there). A change to this set is a decision, not an accident.
TOO_LONG_FOR_X = {"meteorolojik_uyari", "ihale"}

_EMOJI = regex.compile(r"\p{Extended_Pictographic}|\p{Emoji_Presentation}|\u200d|\ufe0f")


def _ids(definitions: list[TemplateDefinition]) -> list[str]:
    return [d.key for d in definitions]


def test_the_issue_s_templates_are_all_shipped() -> None:
    keys = {d.key for d in SHIPPED}
    for key in (
        "su_kesintisi",
        "elektrik_kesintisi",
        "yol_calismasi",
        "etkinlik",
        "nobetci_eczane",
        "meteorolojik_uyari",
        "vefat",
        "ihale",
        "meclis_toplantisi",
        "toplu_tasima",
        "ariza_guncelleme",
        "bayram_kutlama",
        "anma",
        "yanit_cop",
        "yanit_su",
        "yanit_yol",
        "yanit_lamba",
        "yanit_hayvan",
        "yanit_zabita",
        "yanit_ulasim",
        "yanit_tekrar",
        "yanit_kisisel_veri",
        "yanit_gorev_disi",
        "yanit_tesekkur",
        "yanit_hakaret",
    ):
        assert key in keys


def test_demo_template_keys_are_shipped_keys_with_the_same_purpose() -> None:
    purposes = {d.key: d.purpose for d in SHIPPED}
    for spec in POST_TEMPLATES:
        assert purposes.get(spec.key) == "post"
    for spec in REPLY_TEMPLATES:
        assert purposes.get(spec.key) == "reply"


@pytest.mark.parametrize("definition", SHIPPED, ids=_ids(SHIPPED))
def test_shipped_template_is_complete_and_fills_with_its_examples(definition: TemplateDefinition) -> None:
    assert definition.key.isascii()
    assert definition.name.strip()
    expected = Category if definition.purpose == "post" else InboxCategory
    assert definition.category in {c.value for c in expected}
    assert check_template(definition.body, definition.fields) == []
    assert [spec.name for spec in definition.fields] == parse_fields(definition.body)
    for spec in definition.fields:
        assert spec.name.isascii()
        assert spec.label.strip()
        assert spec.example.strip(), f"{definition.key}.{spec.name} has no example"
        assert validate_value(spec, spec.example) is None
    assert validate_values(definition.fields, definition.examples) == []
    result = fill(definition.body, definition.examples, definition.fields)
    assert result.complete
    assert result.unknown == []
    assert result.omitted == []
    assert blocking_problems(result.text) == []
    assert "{" not in result.text
    assert "}" not in result.text
    assert "  " not in result.text


@pytest.mark.parametrize("definition", SHIPPED, ids=_ids(SHIPPED))
def test_optional_fields_left_empty_leave_clean_text(definition: TemplateDefinition) -> None:
    values = {spec.name: spec.example for spec in definition.fields if spec.required}
    result = fill(definition.body, values, definition.fields)
    assert result.complete
    assert result.omitted == [spec.name for spec in definition.fields if not spec.required]
    assert "{" not in result.text
    assert "  " not in result.text
    assert " ," not in result.text
    assert "\n\n" not in result.text
    assert result.text == result.text.strip()


def test_commemoration_templates_have_no_emoji() -> None:
    commemoration = [d for d in POSTS if d.category == Category.COMMEMORATION]
    assert {"anma", "ataturk_anma", "vefat"} <= {d.key for d in commemoration}
    for definition in commemoration:
        filled = fill(definition.body, definition.examples).text
        assert _EMOJI.search(filled) is None, definition.key
        assert _EMOJI.search(definition.name) is None


def test_replies_to_complaints_have_no_emoji_and_fit_on_x() -> None:
    for definition in REPLIES:
        filled = fill(definition.body, definition.examples).text
        if definition.category != InboxCategory.PRAISE:
            assert _EMOJI.search(filled) is None, definition.key
        assert measure("x", filled) <= 280, definition.key


def test_the_posts_too_long_for_x_are_the_known_ones() -> None:
    too_long = {d.key for d in POSTS if measure("x", fill(d.body, d.examples).text) > 280}
    assert too_long == TOO_LONG_FOR_X
    for definition in POSTS:  # Bluesky's 300 graphemes: every one but the known long ones fits
        if definition.key not in TOO_LONG_FOR_X:
            assert measure("bluesky", fill(definition.body, definition.examples).text) <= 300, definition.key


# --------------------------------------------------------------------------------------------
# Parsing and filling
# --------------------------------------------------------------------------------------------


def test_parse_fields_in_order_of_first_appearance() -> None:
    assert parse_fields("{b} {a} {b} {c}{a}") == ["b", "a", "c"]
    assert parse_fields("düz metin") == []
    assert parse_fields("{gün} {_x} {ad2}") == ["gün", "_x", "ad2"]


def test_escaped_braces_are_literal() -> None:
    assert parse_fields("{{ad}} ve {{{soyad}}}") == ["soyad"]
    result = fill("{{ad}} ve {{{soyad}}} }} {{", {"ad": "A", "soyad": "Yılmaz"})
    assert result.text == "{ad} ve {Yılmaz} } {"
    assert result.unknown == ["ad"]
    assert check_body("{{ad}} {{{soyad}}}") == []


def test_fill_leaves_missing_fields_for_the_composer_and_reports_unknown_values() -> None:
    result = fill("{tarih} günü {mahalle} Mahallesi'nde", {"tarih": "12.03.2026", "fazla": "x", "mahalle": "   "})
    assert result.text == "12.03.2026 günü {mahalle} Mahallesi'nde"
    assert result.missing == ["mahalle"]
    assert result.unknown == ["fazla"]
    assert not result.complete


def test_values_are_inserted_verbatim_never_parsed_again() -> None:
    result = fill("{a} {b}", {"a": "{b}", "b": "{{x}}"})
    assert result.text == "{b} {{x}}"
    assert result.complete


def test_list_values_are_joined_as_turkish_writes_them() -> None:
    assert join_list(["Çamlık"]) == "Çamlık"
    assert join_list(["Çamlık", " Yeşiltepe "]) == "Çamlık ve Yeşiltepe"
    assert join_list(["Çamlık", "", "Yeşiltepe", "Pınarbaşı"]) == "Çamlık, Yeşiltepe ve Pınarbaşı"
    assert fill("{m} mahallelerinde", {"m": ["A", "B", "C"]}).text == "A, B ve C mahallelerinde"
    assert fill("{m}", {"m": ["", " "]}).missing == ["m"]
    assert split_list("a, b;c\nd") == ["a", "b", "c", "d"]


def test_optional_fields_vanish_with_their_space_or_line() -> None:
    fields = [FieldSpec("ad", "Ad", required=False), FieldSpec("not", "Not", required=False), FieldSpec("x", "X")]
    body = "Merhaba {ad}, bilgi: {x}.\n{not}\nSon."
    assert fill(body, {"x": "1"}, fields).text == "Merhaba, bilgi: 1.\nSon."
    assert fill(body, {"x": "1", "ad": "Ayşe Hanım"}, fields).text == "Merhaba Ayşe Hanım, bilgi: 1.\nSon."
    assert fill("Son cümle. {not}", {}, fields).text == "Son cümle."
    assert fill("A\n\n{not}\nB", {}, fields).text == "A\n\nB"  # a paragraph break of the body stays
    assert fill("{not}\nB", {}, fields).text == "B"
    assert fill("A\n{not}", {}, fields).text == "A"
    # Without metadata an optional field is just missing.
    assert fill(body, {"x": "1"}).missing == ["ad", "not"]


def test_blocking_problems_find_fields_left_in_an_edited_text() -> None:
    fields = [FieldSpec("tarih", "Tarih", FieldKind.DATE), FieldSpec("saat", "Saat", FieldKind.TIME)]
    filled = fill("{tarih} saat {saat}", {"tarih": "12.03.2026"}, fields).text
    edited = "Değiştirdim: " + filled + " {fiyat} {{"
    problems = blocking_problems(edited, fields)
    assert [(p.code, p.field, p.label) for p in problems] == [(FieldProblemCode.UNFILLED, "saat", "Saat")]
    # Without the template's metadata every placeholder counts, labelled from its name.
    assert [(p.field, p.label) for p in blocking_problems(edited)] == [("saat", "Saat"), ("fiyat", "Fiyat")]
    assert blocking_problems("12.03.2026 saat 10:00", fields) == []


def test_check_body_reports_malformed_braces_and_keeps_them_literal() -> None:
    body = "{} { ad } {ad-soyad} {1} {açık {kapalı} }"
    codes = [p.code for p in check_body(body)]
    assert codes == [
        TemplateProblemCode.EMPTY_FIELD_NAME,
        TemplateProblemCode.INVALID_FIELD_NAME,
        TemplateProblemCode.INVALID_FIELD_NAME,
        TemplateProblemCode.INVALID_FIELD_NAME,
        TemplateProblemCode.UNCLOSED_BRACE,
        TemplateProblemCode.STRAY_CLOSING_BRACE,
    ]
    assert check_body(body)[0].offset == 0
    assert parse_fields(body) == ["kapalı"]
    assert fill(body, {"kapalı": "K"}).text == "{} { ad } {ad-soyad} {1} {açık K }"


@pytest.mark.parametrize(
    "body",
    [
        "{",
        "}",
        "{}",
        "{{",
        "}}}",
        "{{{",
        "{ad",
        "ad}",
        "{" * 50_001,
        "}" * 50_001,
        "{a" * 50_000,
        "{" + "a" * 100_000,
        "{\x00}",
        "{ad\ud800} \ud800 {ad}",
        "\u202e{ad}\u200d",
        "{" + "x" * 65 + "}",
    ],
)
def test_hostile_bodies_do_not_crash(body: str) -> None:
    problems = check_body(body)
    names = parse_fields(body)
    result = fill(body, dict.fromkeys(names, "v"), [FieldSpec(n, n, required=False) for n in names])
    assert result.complete
    assert blocking_problems(result.text, [FieldSpec(n, n) for n in names]) == []
    assert all(problem.offset is not None and 0 <= problem.offset < len(body) for problem in problems)
    assert [spec.name for spec in merge_field_specs(body)] == names
    if body not in {"{{", "\u202e{ad}\u200d"}:
        assert problems  # every other one has a malformed brace


def test_ten_thousand_fields_parse_fill_and_are_reported() -> None:
    body = " ".join(f"{{alan_{i}}}" for i in range(10_000))
    names = parse_fields(body)
    assert len(names) == 10_000
    problems = check_body(body)
    assert [p.code for p in problems] == [TemplateProblemCode.TOO_MANY_FIELDS]
    assert problems[0].field == f"alan_{MAX_FIELDS}"
    half = {name: "x" for name in names[::2]}
    result = fill(body, half)
    assert len(result.missing) == 5_000
    assert len(blocking_problems(result.text)) == 5_000


def test_field_names() -> None:
    assert is_field_name("basvuru_no")
    assert is_field_name("gün")
    assert not is_field_name("")
    assert not is_field_name("1ad")
    assert not is_field_name("ad soyad")
    assert not is_field_name("a" * 65)


# --------------------------------------------------------------------------------------------
# Field kinds
# --------------------------------------------------------------------------------------------


def _check(kind: FieldKind, value: str, required: bool = True) -> FieldProblemCode | None:
    return validate_value(FieldSpec("f", "F", kind, required), value)


@pytest.mark.parametrize("value", ["12.03.2026", "29.02.2024", "5.3.2026", " 01.01.2027 "])
def test_valid_dates(value: str) -> None:
    assert _check(FieldKind.DATE, value) is None


@pytest.mark.parametrize("value", ["29.02.2025", "32.01.2026", "12/03/2026", "2026-03-12", "12.03.26", "yarın"])
def test_invalid_dates(value: str) -> None:
    assert _check(FieldKind.DATE, value) is FieldProblemCode.INVALID_DATE


def test_times() -> None:
    for good in ("09:00", "9:05", "23:59", "14.30", "00:00"):
        assert _check(FieldKind.TIME, good) is None
    for bad in ("24:00", "12:60", "1230", "öğlen", "12:5"):
        assert _check(FieldKind.TIME, bad) is FieldProblemCode.INVALID_TIME


def test_urls() -> None:
    for good in ("https://yesilvadi.bel.tr/duyuru?id=3", "http://ekap.kik.gov.tr", "https://localhost"):
        assert _check(FieldKind.URL, good) is None
    for bad in ("yesilvadi.bel.tr", "ftp://a.tr", "https://", "https://a b.tr", "javascript:alert(1)", "https://tr"):
        assert _check(FieldKind.URL, bad) is FieldProblemCode.INVALID_URL


@pytest.mark.parametrize(
    "value",
    [
        "0 (312) 555 12 34",
        "0312 555 12 34",
        "(0312) 555-12-34",
        "+90 532 123 45 67",
        "0090 532 123 45 67",
        "5321234567",
        "444 0 153",
        "0 850 222 01 53",
        "153",
        "ALO 153",
        "Alo 185",
        "0 (312) 555 12 34 dahili 2101",
    ],
)
def test_turkish_phone_numbers(value: str) -> None:
    assert _check(FieldKind.PHONE, value) is None


@pytest.mark.parametrize(
    "value", ["12345", "0 (312) 555 12", "+1 202 555 0101", "0612 345 67 89", "ALO 1530", "555", "tel: yok", "+90"]
)
def test_invalid_phone_numbers(value: str) -> None:
    assert _check(FieldKind.PHONE, value) is FieldProblemCode.INVALID_PHONE


def test_lists_numbers_and_required() -> None:
    assert _check(FieldKind.LIST, "Çamlık, Yeşiltepe ve Pınarbaşı") is None
    assert _check(FieldKind.LIST, "Çamlık,, Yeşiltepe") is FieldProblemCode.INVALID_LIST
    assert validate_value(FieldSpec("m", "M", FieldKind.LIST), ["Çamlık", "Yeşiltepe"]) is None
    assert validate_value(FieldSpec("t", "T", FieldKind.DATE), ["12.03.2026", "31.02.2026"]) is not None
    assert _check(FieldKind.NUMBER, "88") is None
    assert _check(FieldKind.NUMBER, "88.") is FieldProblemCode.INVALID_NUMBER
    assert _check(FieldKind.TEXT, "  ") is FieldProblemCode.MISSING
    assert _check(FieldKind.DATE, "", required=False) is None
    problems = validate_values(
        [FieldSpec("tarih", "Tarih", FieldKind.DATE), FieldSpec("link", "Bağlantı", FieldKind.URL, required=False)],
        {"link": "yok"},
    )
    assert [(p.code, p.field, p.label) for p in problems] == [
        (FieldProblemCode.MISSING, "tarih", "Tarih"),
        (FieldProblemCode.INVALID_URL, "link", "Bağlantı"),
    ]


# --------------------------------------------------------------------------------------------
# Metadata and files
# --------------------------------------------------------------------------------------------


def test_field_specs_round_trip_and_stored_rows_are_read_leniently() -> None:
    spec = FieldSpec("tarih", "Tarih", FieldKind.DATE, True, "gg.aa.yyyy", "12.03.2026")
    assert FieldSpec.from_json(json.loads(json.dumps(spec.to_json()))) == spec
    stored = ["ad", spec.to_json(), {"name": "x", "kind": "yok", "label": 3}, 5, None, "1bad", "ad", {"label": "L"}]
    specs = field_specs_from_stored(stored)
    assert [s.name for s in specs] == ["ad", "tarih", "x"]
    assert specs[0].label == "Ad"
    assert specs[2].kind is FieldKind.TEXT
    assert field_specs_from_stored({"not": "a list"}) == []


def test_merge_field_specs_follows_the_body() -> None:
    old = [FieldSpec("a", "A eski", FieldKind.DATE), FieldSpec("b", "B")]
    merged = merge_field_specs("{c} {a}", [FieldSpec("c", "C", FieldKind.URL)], old)
    assert merged == [FieldSpec("c", "C", FieldKind.URL), FieldSpec("a", "A eski", FieldKind.DATE)]
    assert merge_field_specs("{basvuru_no}") == [FieldSpec("basvuru_no", "Basvuru no")]


def _file(*templates: Mapping[str, object], purpose: str = "post") -> str:
    return json.dumps({"version": 1, "purpose": purpose, "templates": list(templates)})


_GOOD: dict[str, object] = {
    "key": "deneme",
    "name": "Deneme",
    "category": "announcement",
    "body": "{tarih} duyurusu",
    "fields": [
        {"name": "tarih", "label": "Tarih", "kind": "date", "required": True, "hint": "", "example": "1.1.2026"}
    ],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"key": "Deneme Ş"}, "key"),
        ({"category": "party"}, "category"),
        ({"body": "{tarih} {yer}"}, "field_without_metadata yer"),
        ({"body": "sabit"}, "metadata_without_field tarih"),
        ({"body": "{tarih} {"}, "unclosed_brace"),
        ({"fields": [{"name": "tarih", "label": "Tarih", "kind": "date", "example": "yarın"}]}, "invalid_example"),
        ({"fields": [{"name": "tarih", "label": "", "kind": "date"}]}, "label"),
        ({"fields": [{"name": "tarih", "label": "T", "kind": ["x"]}]}, "kind"),
        ({"fields": [{"name": "tarih", "label": "T", "required": "evet"}]}, "required"),
        ({"extra": 1}, "unknown keys"),
    ],
)
def test_malformed_template_files_are_refused_with_a_reason(change: dict[str, object], message: str) -> None:
    with pytest.raises(TemplateDataError, match=message):
        parse_definitions(_file({**_GOOD, **change}), "post")


def test_malformed_files_as_a_whole() -> None:
    assert parse_definitions(_file(_GOOD), "post")[0].key == "deneme"
    for text in ("{", "[]", json.dumps({"templates": {}}), _file(_GOOD, _GOOD), _file(_GOOD, purpose="reply")):
        with pytest.raises(TemplateDataError):
            parse_definitions(text, "post")
    with pytest.raises(TemplateDataError, match="category"):
        parse_definitions(_file(_GOOD, purpose="reply"), "reply")  # replies use inbox categories


# --------------------------------------------------------------------------------------------
# The service
# --------------------------------------------------------------------------------------------


@pytest.fixture
def service(session_factory: sessionmaker[Session]) -> TemplateService:
    return TemplateService(session_factory, actor="test")


@pytest.fixture
def installed(service: TemplateService) -> TemplateService:
    service.install_builtins()
    return service


def _count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Template)) or 0


def test_install_adds_every_shipped_template_with_its_metadata(
    service: TemplateService, session_factory: sessionmaker[Session]
) -> None:
    report = service.install_builtins()
    assert set(report.added) == {d.key for d in SHIPPED}
    assert _count(session_factory) == len(SHIPPED)
    with session_factory() as session:
        row = session.scalars(select(Template).where(Template.key == "su_kesintisi")).one()
        assert row.built_in
        stored: object = row.fields
        assert isinstance(stored, list)
        assert stored[0] == {
            "name": "tarih",
            "label": "Tarih",
            "kind": "date",
            "required": True,
            "hint": "gg.aa.yyyy",
            "example": "12.03.2026",
        }
    record = service.get("su_kesintisi")
    assert record is not None
    assert (record.purpose, record.category, record.built_in, record.shipped, record.modified) == (
        "post",
        "service",
        True,
        True,
        False,
    )
    assert record.note


def test_install_twice_is_idempotent(service: TemplateService, session_factory: sessionmaker[Session]) -> None:
    service.install_builtins()
    with session_factory() as session:
        before = [(t.key, t.name, t.body, t.fields, t.built_in) for t in session.scalars(select(Template))]
    report = service.install_builtins()
    assert report.added == report.updated == report.kept == ()
    assert len(report.unchanged) == len(SHIPPED)
    with session_factory() as session:
        after = [(t.key, t.name, t.body, t.fields, t.built_in) for t in session.scalars(select(Template))]
    assert after == before


def test_user_edits_survive_a_reinstall_and_a_new_shipped_text(installed: TemplateService) -> None:
    fields = [FieldSpec("tarih", "Kesinti tarihi", FieldKind.DATE), FieldSpec("not", "Not", required=False)]
    saved = installed.save("su_kesintisi", "Su kesintisi (bizim)", "{tarih} su yok. {not}", fields)
    assert not saved.built_in
    assert saved.modified
    assert [f.label for f in saved.fields] == ["Kesinti tarihi", "Not"]

    posts, replies = read_template_files()
    data = json.loads(posts)
    for entry in data["templates"]:
        if entry["key"] in {"su_kesintisi", "etkinlik"}:
            entry["body"] = entry["body"] + "\nYeni sürüm."
    report = installed.install_builtins(json.dumps(data), replies)
    assert report.kept == ("su_kesintisi",)
    assert report.updated == ("etkinlik",)
    kept = installed.get("su_kesintisi")
    assert kept is not None
    assert kept.body == "{tarih} su yok. {not}"
    updated = installed.get("etkinlik")
    assert updated is not None
    assert updated.body.endswith("Yeni sürüm.")
    assert updated.built_in


def test_an_edited_template_without_fields_survives_a_reinstall(installed: TemplateService) -> None:
    installed.save("yanit_hakaret", "Hakaret", "Saygılı bir dil rica ediyoruz.")
    assert installed.install_builtins().kept == ("yanit_hakaret",)
    record = installed.get("yanit_hakaret")
    assert record is not None
    assert (record.body, record.fields, record.modified) == ("Saygılı bir dil rica ediyoruz.", (), True)


def test_reset_puts_the_shipped_text_back(installed: TemplateService) -> None:
    shipped = installed.shipped("yanit_cop")
    assert shipped is not None
    installed.save("yanit_cop", "Çöp", "Merhaba {ad}, ilettik.")
    record = installed.reset("yanit_cop")
    assert (record.name, record.body, record.fields, record.built_in) == (
        shipped.name,
        shipped.body,
        shipped.fields,
        True,
    )
    assert installed.install_builtins().kept == ()


def test_saving_the_shipped_text_again_makes_it_built_in(installed: TemplateService) -> None:
    shipped = installed.shipped("anma")
    assert shipped is not None
    assert not installed.save("anma", "Anma", shipped.body, shipped.fields).built_in
    assert installed.save("anma", shipped.name, shipped.body, shipped.fields).built_in


def test_save_keeps_earlier_metadata_and_defaults_new_fields(installed: TemplateService) -> None:
    record = installed.save("yanit_tekrar", "Tekrar", "Merhaba {ad}. {basvuru_no} numaralı başvuru, {tarih}.")
    by_name = {f.name: f for f in record.fields}
    assert by_name["basvuru_no"].label == "Önceki başvurunun numarası"
    assert not by_name["ad"].required
    assert by_name["tarih"] == FieldSpec("tarih", "Tarih")
    assert "birim" not in by_name


def test_own_templates(installed: TemplateService, session_factory: sessionmaker[Session]) -> None:
    key = installed.suggest_key("Kış lastiği duyurusu")
    assert key == "ozel_kis_lastigi_duyurusu"
    with pytest.raises(TemplateError) as needs_purpose:
        installed.save(key, "Kış lastiği", "{tarih} itibarıyla…")
    assert needs_purpose.value.code == "purpose_required"
    record = installed.save(key, "Kış lastiği", "{tarih} itibarıyla…", purpose="post")
    assert (record.shipped, record.built_in, record.category, record.fields[0].name) == (False, False, None, "tarih")
    assert installed.suggest_key("Kış lastiği duyurusu") == f"{key}_2"
    with pytest.raises(TemplateError) as not_shipped:
        installed.reset(key)
    assert not_shipped.value.code == "not_shipped"
    assert installed.install_builtins().kept == ()
    installed.delete(key)
    assert installed.get(key) is None
    with pytest.raises(TemplateError) as shipped:
        installed.delete("ihale")
    assert shipped.value.code == "shipped"
    with session_factory() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "template")))
    assert actions == ["template.create", "template.delete"]


@pytest.mark.parametrize(
    ("key", "name", "body", "code"),
    [
        ("ihale", " ", "x", "empty_name"),
        ("ihale", "İhale", "  ", "empty_body"),
        ("ihale", "İhale", "{tarih} {", "invalid_body"),
        ("ihale", "İhale", "{}", "invalid_body"),
        ("ihale", "İhale", " ".join(f"{{a{i}}}" for i in range(10_000)), "invalid_body"),
        ("Geçersiz Anahtar", "Ad", "metin", "invalid_key"),
    ],
)
def test_bad_saves_are_refused_and_change_nothing(
    installed: TemplateService, key: str, name: str, body: str, code: str
) -> None:
    before = installed.get("ihale")
    with pytest.raises(TemplateError) as refused:
        installed.save(key, name, body, purpose="post")
    assert refused.value.code == code
    assert installed.get("ihale") == before


def test_list_by_purpose_in_turkish_order(installed: TemplateService) -> None:
    posts = installed.list("post")
    replies = installed.list("reply")
    assert {r.key for r in posts} == {d.key for d in POSTS}
    assert {r.key for r in replies} == {d.key for d in REPLIES}
    assert len(installed.list()) == len(SHIPPED)
    names = [r.name for r in replies]
    assert names.index("Çöp toplanmadı") < names.index("Görev alanı dışında")
    assert {r.key for r in installed.list("reply", query="cop")} == {"yanit_cop"}
    assert installed.get("yok") is None


def test_rows_written_by_the_demo_seed_are_adopted(
    service: TemplateService, session_factory: sessionmaker[Session]
) -> None:
    # The demo seed writes plain field names and built_in False; nobody edited those rows.
    demo = next(spec for spec in POST_TEMPLATES if spec.key == "su_kesintisi")
    with session_factory.begin() as session:
        session.add(
            Template(key=demo.key, name=demo.name, purpose="post", body=demo.body, fields=parse_fields(demo.body))
        )
    legacy = service.get(demo.key)
    assert legacy is not None
    assert not legacy.built_in
    assert legacy.fields[0].label == "Tarih"  # the shipped label for a field of the same name
    report = service.install_builtins()
    assert demo.key in report.updated
    adopted = service.get(demo.key)
    shipped = service.shipped(demo.key)
    assert adopted is not None
    assert shipped is not None
    assert (adopted.body, adopted.built_in) == (shipped.body, True)


def test_demo_rows_without_fields_need_built_in_from_the_seed(
    service: TemplateService, session_factory: sessionmaker[Session]
) -> None:
    # A row without fields cannot be told from the person's edit: the seed has to say built_in.
    specs = {spec.key: spec for spec in REPLY_TEMPLATES}
    with session_factory.begin() as session:
        for key, built_in in (("yanit_yol", False), ("yanit_hayvan", True)):
            spec = specs[key]
            assert parse_fields(spec.body) == []
            session.add(
                Template(key=key, name=spec.name, purpose="reply", body=spec.body, fields=[], built_in=built_in)
            )
    report = service.install_builtins()
    assert "yanit_yol" in report.kept
    assert "yanit_hayvan" in report.updated
