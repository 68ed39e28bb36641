"""Logging: rotating file, ring buffer, Qt message routing, secret redaction, idempotency."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kurum_masaustu import logging_setup
from kurum_masaustu.logging_setup import (
    LOG_FILE_NAME,
    RingBufferHandler,
    SecretRedactingFilter,
    install_qt_message_handler,
    redact,
    setup_logging,
    teardown_logging,
)
from kurum_masaustu.paths import Profile

app_log = logging.getLogger("kurum_masaustu.test")


def _ours(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if isinstance(h, RingBufferHandler) or type(h).__name__ == "RotatingFileHandler"]


@pytest.fixture
def log_dir(profile: Profile) -> Iterator[Path]:
    yield profile.log_dir
    teardown_logging()


def _read(log_dir: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_file_and_ring_receive_app_records(log_dir: Path) -> None:
    ring = setup_logging(log_dir)
    app_log.info("Gönderi zamanlandı: İstanbul ığüşöç")
    app_log.debug("not at INFO")
    logging.getLogger("httpx").info("third-party chatter")
    logging.getLogger("httpx").warning("third-party warning")

    text = _read(log_dir)
    assert "Gönderi zamanlandı: İstanbul ığüşöç" in text
    assert "kurum_masaustu.test" in text
    assert "not at INFO" not in text
    assert "third-party chatter" not in text
    assert "third-party warning" in text
    assert any("Gönderi zamanlandı" in line for line in ring.lines())
    assert logging_setup.log_file_path() == log_dir / LOG_FILE_NAME
    assert logging_setup.ring_buffer() is ring


def test_ring_buffer_keeps_the_last_500_lines(log_dir: Path) -> None:
    ring = setup_logging(log_dir)
    for number in range(800):
        app_log.info("line %d", number)
    lines = ring.lines()
    assert len(lines) == 500
    assert lines[-1].endswith("line 799")
    assert lines[0].endswith("line 300")
    assert ring.text(2).splitlines()[0].endswith("line 798")


def test_ring_buffer_counts_traceback_lines() -> None:
    ring = RingBufferHandler(capacity=3)
    ring.emit(logging.makeLogRecord({"msg": "a\nb\nc\nd"}))
    assert ring.lines() == ["b", "c", "d"]
    ring.clear()
    assert ring.lines() == []


def test_debug_level_and_idempotent_setup(log_dir: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    ring = setup_logging(log_dir)
    again = setup_logging(log_dir, logging.DEBUG)
    assert again is ring
    assert len(_ours(root)) == 2
    assert len(root.handlers) == len(before) + 2
    app_log.debug("debug now visible")
    assert "debug now visible" in _read(log_dir)

    factory = logging.getLogRecordFactory()
    teardown_logging()
    assert root.handlers == before
    assert logging.getLogRecordFactory() is not factory
    assert logging_setup.log_file_path() is None
    teardown_logging()  # twice is harmless


def test_setup_with_another_folder_moves_the_log(log_dir: Path, tmp_path: Path) -> None:
    root = logging.getLogger()
    setup_logging(log_dir)
    other = tmp_path / "other-logs"
    setup_logging(other)
    assert len(_ours(root)) == 2
    app_log.warning("in the new folder")
    assert "in the new folder" in _read(other)
    assert "in the new folder" not in (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_log_file_rotates(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "LOG_MAX_BYTES", 2_000)
    setup_logging(log_dir)
    for number in range(400):
        app_log.info("rotation line %04d %s", number, "x" * 40)
    names = sorted(p.name for p in log_dir.iterdir())
    assert LOG_FILE_NAME in names
    assert f"{LOG_FILE_NAME}.1" in names
    assert f"{LOG_FILE_NAME}.5" in names
    assert f"{LOG_FILE_NAME}.6" not in names
    assert (log_dir / LOG_FILE_NAME).stat().st_size <= 2_000


SECRETS = {
    "header": ("Authorization: Bearer EAAGm0PX4ZCpsBAxyz123", "EAAGm0PX4ZCpsBAxyz123"),
    "query": ("GET /me?fields=id&access_token=EAAB-tok.en_42&x=1", "EAAB-tok.en_42"),
    "json": ('{"password": "gizli-şifre-1", "user": "ali"}', "gizli-şifre-1"),
    "repr": ("{'app_password': 'abcd-efgh-ijkl-mnop'}", "abcd-efgh-ijkl-mnop"),
    "form": ("grant_type=refresh_token&refresh_token=rt-998877&client_id=1", "rt-998877"),
    "bluesky": ('{"accessJwt":"eyJhbGc.payload.sig","did":"did:plc:x"}', "eyJhbGc.payload.sig"),
    "plain": ("refresh_token: rt-plain-123 expired", "rt-plain-123"),
    "url": ("https://kurum:p4ss-w0rd@example.org/feed", "p4ss-w0rd"),
}


@pytest.mark.parametrize("case", sorted(SECRETS))
def test_redact(case: str) -> None:
    text, secret = SECRETS[case]
    cleaned = redact(text)
    assert secret not in cleaned
    assert "***" in cleaned


def test_redact_leaves_ordinary_text_alone() -> None:
    for text in (
        "Basic settings saved",
        "Token expired: reconnect the channel",
        '"expires_in": 3600',
        "error_code=190 fbtrace_id=abc",
        "Ankara Büyükşehir Belediyesi #HalkaHizmet",
    ):
        assert redact(text) == text


def test_secrets_never_reach_the_log(log_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    ring = setup_logging(log_dir, logging.DEBUG)
    header, header_secret = SECRETS["header"]
    app_log.info("request headers %s", {"Authorization": "Bearer tok-in-dict-arg-123"})
    app_log.debug("sending %s", header)
    app_log.warning("payload=%r", {"password": "pw-in-repr-arg", "app_password": "ap-in-repr"})
    app_log.info("broken format %d", "access_token=tok-broken-fmt")  # must not raise nor leak
    try:
        raise ValueError("refresh failed for refresh_token=rt-in-exception")
    except ValueError:
        app_log.exception("token refresh failed")
    app_log.error("with stack", stack_info=True)

    text = _read(log_dir)
    ring_text = ring.text()
    for secret in (
        "tok-in-dict-arg-123",
        header_secret,
        "pw-in-repr-arg",
        "ap-in-repr",
        "tok-broken-fmt",
        "rt-in-exception",
    ):
        assert secret not in text
        assert secret not in ring_text
        assert secret not in caplog.text  # a handler that is not ours sees redacted records too
    assert "Traceback (most recent call last)" in text
    assert "ValueError: refresh failed for refresh_token=***" in text
    assert "token refresh failed" in ring_text


def test_filter_rewrites_record_in_place() -> None:
    record = logging.makeLogRecord({"msg": "token=%s", "args": ("abc123",), "levelno": logging.INFO})
    assert SecretRedactingFilter().filter(record) is True
    assert record.getMessage() == "token=***"
    assert record.args is None


@pytest.mark.qt_log_ignore("km-test: a routed Qt warning")
def test_qt_messages_go_to_the_qt_logger(log_dir: Path, qapp: object) -> None:
    from PySide6.QtCore import qInfo, qWarning

    ring = setup_logging(log_dir, logging.DEBUG)
    install_qt_message_handler()
    install_qt_message_handler()  # once only
    qWarning("km-test: a routed Qt warning access_token=qt-secret-1")
    qInfo("km-test: a Qt info")
    teardown_logging()

    lines = "\n".join(ring.lines())
    assert "WARNING  kurum_masaustu.qt" in lines
    assert "km-test: a routed Qt warning access_token=***" in lines
    assert "INFO     kurum_masaustu.qt" in lines
    assert "qt-secret-1" not in (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_qt_handler_is_removed_on_teardown(log_dir: Path, qapp: object) -> None:
    from PySide6.QtCore import qInfo

    ring = setup_logging(log_dir, logging.DEBUG)
    install_qt_message_handler()
    teardown_logging()
    qInfo("km-test: after teardown")
    assert not any("after teardown" in line for line in ring.lines())
