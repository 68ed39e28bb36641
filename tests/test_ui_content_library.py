"""Editing the hashtag library and the templates over a real profile."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from kurum_masaustu.app import Services
from kurum_masaustu.domain import HashtagSetKind
from kurum_masaustu.rules.hashtags import parse_tags, sort_tags
from kurum_masaustu.rules.templates import FieldKind
from kurum_masaustu.services.hashtags import HashtagLibrary, HashtagSetError
from kurum_masaustu.services.templates import TemplateService
from kurum_masaustu.store.models import HashtagSet
from kurum_masaustu.ui.hashtag_library import HashtagLibraryDialog
from kurum_masaustu.ui.template_editor import TemplateEditorDialog


def test_tags_are_read_as_typed_and_sorted_the_turkish_way() -> None:
    valid, invalid = parse_tags("#Şehir sivas, #Çevre\n#cami #İzmir #ızgara #2026 #yol-çalışması #ŞEHİR")
    assert valid == ["Şehir", "sivas", "Çevre", "cami", "İzmir", "ızgara"]  # "#ŞEHİR" repeats "#Şehir"
    assert invalid == ["2026", "yol-çalışması"]
    assert sort_tags(valid) == ["cami", "Çevre", "ızgara", "İzmir", "sivas", "Şehir"]


def test_the_library_keeps_the_persons_order_and_refuses_bad_tags(services: Services) -> None:
    library = HashtagLibrary(services.sessions)
    first = library.save(None, "Genel", HashtagSetKind.GENERAL, "#Türkiye #ResmiDuyuru")
    second = library.save(
        None, "Kültür Haftası", HashtagSetKind.EVENT, "KültürHaftası", date(2026, 12, 1), date(2026, 12, 7)
    )
    assert [s.name for s in library.list()] == ["Genel", "Kültür Haftası"]
    assert library.move(second.id, -1)
    assert [s.name for s in library.list()] == ["Kültür Haftası", "Genel"]
    assert [s.name for s in services.posts.tag_sets()] == ["Kültür Haftası", "Genel"]  # suggestions follow
    assert not library.move(second.id, -1)  # already first
    with pytest.raises(HashtagSetError) as bad:
        library.save(first.id, "Genel", HashtagSetKind.GENERAL, "#Türkiye #2026")
    assert bad.value.code == "invalid_tags"
    assert library.list()[1].tags == ("Türkiye", "ResmiDuyuru")  # unchanged
    with pytest.raises(HashtagSetError) as dates:
        library.save(second.id, "Kültür", HashtagSetKind.EVENT, "Kültür", date(2026, 12, 7), date(2026, 12, 1))
    assert dates.value.code == "dates"
    library.delete(first.id)
    assert [s.name for s in library.list()] == ["Kültür Haftası"]


def test_the_hashtag_dialog_adds_renames_reorders_sorts_and_deletes(qtbot: QtBot, services: Services) -> None:
    with services.sessions.begin() as session:  # as the demo stores them: with "#"
        session.add(HashtagSet(name="Genel", kind=HashtagSetKind.GENERAL, tags=["#Türkiye"], position=1))
    dialog = HashtagLibraryDialog(HashtagLibrary(services.sessions))
    qtbot.addWidget(dialog)
    assert dialog.tags_edit.toPlainText() == "#Türkiye"
    assert dialog.add_set("Çevre")
    assert dialog.current().name == "Çevre"  # type: ignore[union-attr]
    dialog.tags_edit.setPlainText("#Şehir #sıfırAtık #Çevre #Cadde")
    dialog.sort_tags()
    assert dialog.tags_edit.toPlainText() == "#Cadde\n#Çevre\n#sıfırAtık\n#Şehir"
    dialog.tags_edit.undo()  # sorting is one undo step
    assert dialog.tags_edit.toPlainText() == "#Şehir #sıfırAtık #Çevre #Cadde"
    dialog.tags_edit.setPlainText("#Çevre #yol-çalışması")
    dialog.set_list.setCurrentRow(0)  # leaving a set that cannot be saved: stay, say why, keep the text
    assert dialog.current().name == "Çevre"  # type: ignore[union-attr]
    assert "yol-çalışması" in dialog.message.text()
    assert dialog.tags_edit.toPlainText() == "#Çevre #yol-çalışması"
    dialog.tags_edit.setPlainText("#Çevre #SıfırAtık")
    assert dialog.move_current(-1)
    assert [s.name for s in HashtagLibrary(services.sessions).list()] == ["Çevre", "Genel"]
    assert HashtagLibrary(services.sessions).list()[0].tags == ("Çevre", "SıfırAtık")
    assert dialog.rename_current("Çevre ve İklim")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(HashtagSetKind.EVENT))
    assert dialog.dates_row.isEnabled()
    dialog.done(0)
    saved = HashtagLibrary(services.sessions).list()[0]
    assert (saved.name, saved.kind) == ("Çevre ve İklim", HashtagSetKind.EVENT)
    dialog.set_list.setCurrentRow(1)
    assert dialog.delete_current(confirm=False)
    assert [s.name for s in HashtagLibrary(services.sessions).list()] == ["Çevre ve İklim"]


@pytest.fixture
def templates(services: Services) -> TemplateService:
    service = TemplateService(services.sessions)
    service.install_builtins()
    return service


def test_shipped_templates_are_read_only_but_can_be_copied_and_edited(qtbot: QtBot, templates: TemplateService) -> None:
    dialog = TemplateEditorDialog(templates)
    qtbot.addWidget(dialog)
    shipped = next(i for i, r in enumerate(dialog._records) if r.key == "su_kesintisi")
    dialog.template_list.setCurrentRow(shipped)
    assert dialog.body_edit.isReadOnly()
    assert not dialog.save_button.isEnabled()
    assert not dialog.delete_button.isEnabled()
    copy = dialog.copy_current()
    assert copy is not None
    assert copy.key.startswith("ozel_")
    assert not copy.built_in
    assert dialog.current().key == copy.key  # type: ignore[union-attr]
    assert not dialog.body_edit.isReadOnly()
    assert [spec.name for spec in dialog.field_specs()][:2] == ["tarih", "gun"]
    # A new field in the text gets a row; its label and kind are set; the template saves.
    dialog.body_edit.setPlainText(dialog.body_edit.toPlainText() + "\nBilgi: {telefon}")
    names = [spec.name for spec in dialog.field_specs()]
    assert names[-1] == "telefon"
    row = names.index("telefon")
    dialog.fields_table.item(row, 1).setText("Bilgi hattı")
    kind = dialog.fields_table.cellWidget(row, 2)
    kind.setCurrentIndex(kind.findData(FieldKind.PHONE))  # type: ignore[union-attr]
    assert dialog.save_current() is not None
    saved = templates.get(copy.key)
    assert saved is not None
    assert saved.body.endswith("Bilgi: {telefon}")
    assert [(f.name, f.label, f.kind) for f in saved.fields][-1] == ("telefon", "Bilgi hattı", FieldKind.PHONE)
    assert templates.get("su_kesintisi").built_in  # type: ignore[union-attr]  # the shipped one untouched


def test_a_template_with_a_broken_field_is_not_saved_and_keeps_the_text(
    qtbot: QtBot, templates: TemplateService
) -> None:
    dialog = TemplateEditorDialog(templates)
    qtbot.addWidget(dialog)
    record = dialog.new_template()
    dialog.name_edit.setText("Kış duyurusu")
    dialog.body_edit.setPlainText("Kar yağışı nedeniyle {ilce okullar tatil.")
    assert dialog.save_current() is None
    assert "not closed" in dialog.message.text()
    assert dialog.body_edit.toPlainText() == "Kar yağışı nedeniyle {ilce okullar tatil."
    dialog.body_edit.setPlainText("Kar yağışı nedeniyle {ilce} okullar tatil.")
    dialog.fields_table.item(0, 1).setText("  ")
    assert dialog.save_current() is None
    assert "needs a label" in dialog.message.text()
    dialog.fields_table.item(0, 1).setText("İlçe")
    assert dialog.save_current() is not None
    assert dialog.delete_current(confirm=False)
    assert templates.get(record.key) is None
