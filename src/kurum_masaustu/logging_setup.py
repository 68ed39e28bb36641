"""Logging for the whole app: a rotating log file, an in-memory tail and secret redaction.

Call :func:`setup_logging` first thing at startup (before Qt exists) and
:func:`install_qt_message_handler` once a ``QApplication`` exists. Every record is rewritten by
:class:`SecretRedactingFilter` when it is created (a log record factory) and again, as a guard,
by our handlers, so no handler ever sees a token, password or Authorization value.

Loggers: ``kurum_masaustu`` and its children (``kurum_masaustu.qt``, ``kurum_masaustu.crash``,
one per subsystem) log at the chosen level; third-party loggers reach the root logger and are
kept at WARNING and above.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

APP_LOGGER = "kurum_masaustu"
QT_LOGGER = "kurum_masaustu.qt"
LOG_FILE_NAME = "kurum-masaustu.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUP_COUNT = 5
RING_CAPACITY = 500
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s]: %(message)s"
REDACTED = "***"

# --------------------------------------------------------------------------------------------
# Redaction

# A key whose value is a secret: anything *token*, *password*, *secret*, *jwt*, api keys,
# PKCE verifiers, Meta's appsecret_proof, HTTP authorization, cookies, and keys ending in "key".
_KEY = (
    r"[A-Za-z0-9_.-]*?(?:token|passw(?:or)?d|secret|jwt|api[_-]?key|verifier|proof|"
    r"authorization|cookie|session[_-]?id|private[_-]?key)[A-Za-z0-9_.-]*"
)
_AUTH_SCHEME = r"(?:Bearer|Basic|Digest|DPoP|OAuth|Token|Bot)"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Authorization: Bearer abc" / "Authorization=Basic abc" (header dumps, plain text).
    (
        re.compile(rf"(?i)\b((?:proxy-)?authorization\s*[:=]\s*)(?:{_AUTH_SCHEME}\s+)?[^\s\"',;]+"),
        rf"\1{REDACTED}",
    ),
    # "Bearer abc" anywhere (also inside quoted header values). Other schemes ("Basic") are
    # ordinary English words, so they are only redacted after "Authorization" (above).
    (re.compile(r"(?i)\b(Bearer|DPoP)\s+(?!\*\*\*)[A-Za-z0-9\-._~+/]{8,}=*"), rf"\1 {REDACTED}"),
    # JSON / Python repr: "password": "…", 'access_token': '…' (escaped quotes inside allowed).
    (
        re.compile(rf"(?i)([\"'])({_KEY})\1(\s*:\s*)([\"'])(?:\\.|(?!\4).)*\4"),
        rf"\1\2\1\3\4{REDACTED}\4",
    ),
    # JSON with a bare value: "token": 12345 / "token": null is left alone only when null.
    (
        re.compile(rf"(?i)([\"'])({_KEY})\1(\s*:\s*)(?!null\b|true\b|false\b|[\"'])([^\s,}}\]]+)"),
        rf"\1\2\1\3{REDACTED}",
    ),
    # Query strings, form bodies, keyword reprs: access_token=…, password='…', OAuth code=….
    (
        re.compile(rf"(?i)(?<![A-Za-z0-9_])(code|{_KEY})=(?:\"[^\"]*\"|'[^']*'|[^&\s,;)\"'\]}}]+)"),
        rf"\1={REDACTED}",
    ),
    # Plain text: "refresh_token: abc", "app password: abc".
    (
        re.compile(rf"(?i)(?<![A-Za-z0-9\"'])({_KEY}|app password|password)(\s*:\s+)(?![\"'])[^\s,;]+"),
        rf"\1\2{REDACTED}",
    ),
    # URL user info: https://user:secret@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@]+:)[^/\s@]+@"), rf"\1{REDACTED}@"),
    # Telegram Bot API URLs carry the token in the path: …/bot<token>/sendMessage.
    (re.compile(r"(?i)(/bot)[^/\s?#\"']{8,}(?=/)"), rf"\1{REDACTED}"),
    # A bare Telegram bot token (digits, colon, 30+ characters).
    (re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}\b"), REDACTED),
)


def redact(text: str) -> str:
    """Return ``text`` with secret values (tokens, passwords, auth headers) replaced by ***."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class SecretRedactingFilter(logging.Filter):
    """Rewrites each record's message, arguments, traceback and stack text without secrets.

    The record is changed in place (message formatted eagerly, ``args`` cleared), so every
    handler that runs after this filter sees the redacted version.
    """

    _exc_formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_km_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not leak its arguments
            message = f"{record.msg} (unformattable log arguments were dropped)"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._exc_formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._km_redacted = True
        return True


# --------------------------------------------------------------------------------------------
# Ring buffer


class RingBufferHandler(logging.Handler):
    """Keeps the last ``capacity`` formatted log lines in memory (for the crash dialog)."""

    def __init__(self, capacity: int = RING_CAPACITY) -> None:
        super().__init__()
        self._lines: deque[str] = deque(maxlen=capacity)
        self._lines_lock = threading.Lock()

    @property
    def capacity(self) -> int:
        maxlen = self._lines.maxlen
        assert maxlen is not None
        return maxlen

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:
            self.handleError(record)
            return
        with self._lines_lock:
            # A multi-line record (a traceback) counts as several lines.
            self._lines.extend(text.splitlines() or [""])

    def lines(self) -> list[str]:
        """A copy of the buffered lines, oldest first."""
        with self._lines_lock:
            return list(self._lines)

    def text(self, last: int | None = None) -> str:
        """The buffered lines (or only the ``last`` ones) joined with newlines."""
        lines = self.lines()
        if last is not None:
            lines = lines[-last:] if last > 0 else []
        return "\n".join(lines)

    def clear(self) -> None:
        with self._lines_lock:
            self._lines.clear()


# --------------------------------------------------------------------------------------------
# Setup / teardown


@dataclass
class _State:
    log_dir: Path
    file_handler: logging.handlers.RotatingFileHandler
    ring: RingBufferHandler
    previous_levels: dict[str, int] = field(default_factory=dict)
    previous_factory: Callable[..., logging.LogRecord] | None = None
    factory: Callable[..., logging.LogRecord] | None = None
    qt_handler_installed: bool = False
    previous_qt_handler: Any = None


_state: _State | None = None
_state_lock = threading.RLock()


def setup_logging(log_dir: Path, level: int = logging.INFO) -> RingBufferHandler:
    """Log to ``<log_dir>/kurum-masaustu.log`` (1 MB × 5, UTF-8) and to an in-memory ring.

    Idempotent: a second call with the same folder only changes the level and returns the same
    ring buffer; with another folder the old handlers are removed first.
    """
    global _state
    with _state_lock:
        if _state is not None:
            if _state.log_dir == log_dir:
                logging.getLogger(APP_LOGGER).setLevel(level)
                return _state.ring
            teardown_logging()

        log_dir.mkdir(parents=True, exist_ok=True)
        formatter = logging.Formatter(LOG_FORMAT)
        redactor = SecretRedactingFilter()

        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME,
            maxBytes=LOG_MAX_BYTES,
            backupCount=LOG_BACKUP_COUNT,
            encoding="utf-8",
            errors="backslashreplace",
        )
        ring = RingBufferHandler(RING_CAPACITY)
        for handler in (file_handler, ring):
            handler.setFormatter(formatter)
            handler.addFilter(redactor)

        root = logging.getLogger()
        app_logger = logging.getLogger(APP_LOGGER)
        state = _State(log_dir=log_dir, file_handler=file_handler, ring=ring)
        state.previous_levels = {"": root.level, APP_LOGGER: app_logger.level}
        # Third-party libraries: warnings and errors only. Ours: the chosen level. Records of
        # ours propagate to the root handlers whatever the root logger's own level is.
        root.setLevel(logging.WARNING)
        app_logger.setLevel(level)
        root.addHandler(file_handler)
        root.addHandler(ring)
        # Handlers installed before ours (or added by libraries later) must not see secrets
        # either: redact every record as it is created, too.
        previous_factory = logging.getLogRecordFactory()
        state.previous_factory = previous_factory

        def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous_factory(*args, **kwargs)
            redactor.filter(record)
            return record

        logging.setLogRecordFactory(redacting_factory)
        state.factory = redacting_factory
        _state = state
        return ring


def teardown_logging() -> None:
    """Remove and close our handlers, restore levels and the previous Qt message handler."""
    global _state
    with _state_lock:
        state = _state
        if state is None:
            return
        _state = None
        if state.previous_factory is not None and logging.getLogRecordFactory() is state.factory:
            logging.setLogRecordFactory(state.previous_factory)
        root = logging.getLogger()
        for handler in (state.file_handler, state.ring):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(state.previous_levels.get("", logging.WARNING))
        logging.getLogger(APP_LOGGER).setLevel(state.previous_levels.get(APP_LOGGER, logging.NOTSET))
        if state.qt_handler_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(state.previous_qt_handler)


def log_file_path() -> Path | None:
    """The active log file, or None when :func:`setup_logging` has not run."""
    with _state_lock:
        return None if _state is None else _state.log_dir / LOG_FILE_NAME


def ring_buffer() -> RingBufferHandler | None:
    """The active ring buffer, or None when :func:`setup_logging` has not run."""
    with _state_lock:
        return None if _state is None else _state.ring


def flush_logs() -> None:
    """Flush our handlers (before a fatal Qt message aborts the process)."""
    with _state_lock:
        if _state is not None:
            _state.file_handler.flush()


# --------------------------------------------------------------------------------------------
# Qt messages


def install_qt_message_handler() -> None:
    """Route qDebug/qWarning/… into the ``kurum_masaustu.qt`` logger (once a QApplication exists).

    A handler that was installed before ours (pytest-qt's capture in tests) still receives
    every message after we have logged it. Does nothing when logging is not set up, and only
    once per setup.
    """
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_logger = logging.getLogger(QT_LOGGER)

    with _state_lock:
        state = _state
        if state is None or state.qt_handler_installed:
            return

        previous: Any = None

        def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
            level = levels.get(mode, logging.WARNING)
            category = context.category or "default"
            if category == "default":
                qt_logger.log(level, "%s", message)
            else:
                qt_logger.log(level, "[%s] %s", category, message)
            if mode == QtMsgType.QtFatalMsg:
                flush_logs()
            if previous is not None:
                previous(mode, context, message)

        previous = qInstallMessageHandler(handler)
        state.previous_qt_handler = previous
        state.qt_handler_installed = True
