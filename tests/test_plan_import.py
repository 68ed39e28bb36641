"""Bulk import of a content plan from CSV: the rules, the service and the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kurum_masaustu.app import Services
from kurum_masaustu.domain import Category, DeliveryState, Platform
from kurum_masaustu.rules.plan_import import message_tr, parse_plan
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.services.plan_import import PlanImportService
from kurum_masaustu.store.models import Campaign, Channel, Delivery, Post, PostMedia

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
CHANNELS = {"Belediye Facebook": 1, "Telegram Kanalı": 2}
CAMPAIGNS = {"Sıfır Atık Ayı": 5}


def test_excel_turkish_csv_with_bom_and_semicolons_is_read() -> None:
    text = (
        "\ufeffTarih;Saat;Kanallar;Metin;Kategori;Kampanya\r\n"
        '01.12.2026;09.30;belediye facebook, TELEGRAM KANALI;"Su kesintisi; Gülbahçe";Duyuru;sıfır atık ayı\r\n'
    )
    plan = parse_plan(text, channels=CHANNELS, campaigns=CAMPAIGNS, now=NOW)
    assert plan.problems == []
    (row,) = plan.rows
    assert (row.line, row.day, row.at, row.channel_ids) == (2, date(2026, 12, 1), time(9, 30), (1, 2))
    assert row.text == "Su kesintisi; Gülbahçe"
    assert (row.category, row.campaign_id) == (Category.ANNOUNCEMENT, 5)


def test_every_problem_is_reported_by_its_line_and_good_rows_are_kept() -> None:
    text = (
        "date,time,channels,text,category\n"
        "2026-12-01,10:00,Telegram Kanalı,Konser,event\n"
        "2026-13-01,25:00,Instagram,,kutlama\n"
        "\n"
        "2026-11-01,10:00,Telegram Kanalı,Geçmiş,duyuru\n"
        "2026-12-02,10:00,Telegram Kanalı,Kategori,bilinmez\n"
    )
    plan = parse_plan(text, channels=CHANNELS, campaigns=CAMPAIGNS, now=NOW)
    assert [row.line for row in plan.rows] == [2]
    assert [(p.line, p.code) for p in plan.problems] == [
        (3, "bad_date"),
        (3, "bad_time"),
        (3, "unknown_channel"),
        (3, "no_text"),
        (5, "in_past"),
        (6, "unknown_category"),
    ]
    assert plan.bad_lines == [3, 5, 6]
    assert message_tr(plan.problems[2]) == "Satır 3: Böyle bir kanal yok: 'Instagram'."


def test_a_file_without_the_needed_columns_says_which() -> None:
    plan = parse_plan("tarih;metin\n2026-12-01;x\n", channels=CHANNELS, campaigns={}, now=NOW)
    assert [(p.line, p.code, p.value) for p in plan.problems] == [
        (1, "missing_column", "time"),
        (1, "missing_column", "channels"),
    ]
    assert parse_plan("", channels=CHANNELS, campaigns={}, now=NOW).problems[0].code == "empty_file"


@pytest.fixture
def profile_channels(services: Services) -> tuple[int, int]:
    with services.sessions.begin() as s:
        facebook = Channel(platform=Platform.FACEBOOK, display_name="Belediye Facebook")
        telegram = Channel(platform=Platform.TELEGRAM, display_name="Telegram Kanalı")
        s.add_all(
            [
                facebook,
                telegram,
                Campaign(name="Sıfır Atık Ayı", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31)),
            ]
        )
        s.flush()
        return facebook.id, telegram.id


def _poster(folder: Path) -> Path:
    from PIL import Image

    path = folder / "afis.png"
    Image.new("RGB", (64, 48), "#2f9e44").save(path)
    return path


def test_valid_rows_are_imported_in_one_go_with_their_images(
    services: Services, profile_channels: tuple[int, int], tmp_path: Path
) -> None:
    _poster(tmp_path)
    plan_file = tmp_path / "plan.csv"
    plan_file.write_text(
        "tarih;saat;kanallar;metin;görseller;kampanya\n"
        "01.12.2026;10:00;Belediye Facebook|Telegram Kanalı;Atık toplama günü;afis.png;Sıfır Atık Ayı\n"
        "02.12.2026;11:00;Telegram Kanalı;Görseli yok;yok.png;\n",
        encoding="utf-8",
    )
    importer = PlanImportService(services.sessions, services.media)
    plan = importer.read(plan_file, now=NOW)
    assert [(p.line, p.code) for p in plan.problems] == [(3, "missing_image")]
    (post_id,) = importer.import_rows(plan.rows)
    with services.sessions() as s:
        post = s.get(Post, post_id)
        assert post is not None
        assert post.campaign_id is not None
        deliveries = s.scalars(select(Delivery).where(Delivery.post_id == post_id)).all()
        assert {d.channel_id for d in deliveries} == set(profile_channels)
        assert {to_local(d.scheduled_at).replace(tzinfo=None) for d in deliveries} == {datetime(2026, 12, 1, 10, 0)}  # type: ignore[arg-type]
        assert {d.state for d in deliveries} == {DeliveryState.SCHEDULED}
        assert s.scalar(select(func.count()).select_from(PostMedia)) == 1


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kurum_masaustu", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_command_imports_nothing_when_a_row_is_bad_unless_asked(
    services: Services, profile_channels: tuple[int, int], tmp_path: Path
) -> None:
    root = services.profile.root
    services.close()
    plan_file = tmp_path / "plan.csv"
    plan_file.write_text(
        "tarih,saat,kanallar,metin\n"
        "2027-01-04,09:00,Telegram Kanalı,Haftalık nöbetçi eczaneler\n"
        "2027-01-05,09:00,Twitter,Kanal yanlış\n",
        encoding="utf-8-sig",
    )
    refused = _cli("import", str(plan_file), "--profile", str(root))
    assert refused.returncode == 2, refused.stderr
    assert "Satır 3: Böyle bir kanal yok: 'Twitter'." in refused.stderr
    assert "Hiçbir satır alınmadı" in refused.stderr
    accepted = _cli("import", str(plan_file), "--profile", str(root), "--valid-only")
    assert accepted.returncode == 0, accepted.stderr
    assert "1 gönderi plana eklendi, 1 sorunlu satır alınmadı." in accepted.stdout
    from kurum_masaustu.store.database import open_database

    engine = open_database(services.profile.database, services.profile.backup_dir)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Post)) == 1
    engine.dispose()


def test_the_dialog_previews_problems_by_line_and_imports_the_valid_rows(
    qtbot: object, services: Services, profile_channels: tuple[int, int], tmp_path: Path
) -> None:
    from kurum_masaustu.ui.import_dialog import ImportDialog

    plan_file = tmp_path / "plan.csv"
    plan_file.write_text(
        "tarih;saat;kanallar;metin\n"
        "04.01.2027;09:00;Telegram Kanalı;<b>Nöbetçi</b> eczaneler\n"
        "05.01.2027;9 sabah;Telegram Kanalı;Saat yanlış\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(services.sessions, services.media, plan_file)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 0).text() == "3"  # type: ignore[union-attr]
    assert "9 sabah" in dialog.table.item(1, 5).text()  # type: ignore[union-attr]
    assert dialog.table.item(0, 4).text() == "<b>Nöbetçi</b> eczaneler"  # type: ignore[union-attr]  # plain text
    assert dialog.import_button.isEnabled()
    dialog.import_valid_rows()
    assert len(dialog.imported) == 1
    with services.sessions() as s:
        assert list(s.scalars(select(Post.body))) == ["<b>Nöbetçi</b> eczaneler"]
