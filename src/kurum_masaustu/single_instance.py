"""One running instance per profile, over QLocalServer / QLocalSocket.

Startup order::

    instance = SingleInstance(profile.root)
    if instance.notify_running(sys.argv[1:]):
        return 0                      # the running instance took over
    instance.listen()                 # we are the first one
    instance.activation_requested.connect(lambda argv: raise_window(window))

Protocol (version 1): the second launch sends one UTF-8 JSON line ``{"v": 1, "argv": [...]}``
and the first answers ``ok\\n``. The sending side waits with short timeouts (it runs before any
window exists); the receiving side is fully signal-driven and never blocks the UI thread.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

logger = logging.getLogger("kurum_masaustu.single_instance")

PROTOCOL_VERSION = 1
SERVER_NAME_PREFIX = "kurum-masaustu-"
_MAX_MESSAGE_BYTES = 64 * 1024
_CLIENT_TIMEOUT_MS = 3000  # a connected client that sends nothing is dropped after this
_ALIVE_PROBE_MS = 200


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def server_name(profile_dir: Path) -> str:
    """The local server name of a profile: user + resolved folder, hashed (≤ 100 chars)."""
    resolved = os.path.normcase(str(profile_dir.expanduser().resolve()))
    digest = hashlib.sha256(f"{_user_name()}\0{resolved}".encode()).hexdigest()[:20]
    return SERVER_NAME_PREFIX + digest


class _Connection(QObject):
    """One incoming client: collects its line, answers, hands the argv on, then goes away."""

    def __init__(self, socket: QLocalSocket, parent: QObject, on_message: Callable[[list[str]], None]) -> None:
        super().__init__(parent)
        self._on_message = on_message
        self._socket = socket
        socket.setParent(self)
        self._buffer = bytearray()
        self._done = False
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timer.start(_CLIENT_TIMEOUT_MS)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._finish)
        if socket.bytesAvailable() > 0:
            self._on_ready_read()

    @Slot()
    def _on_ready_read(self) -> None:
        if self._done:
            return
        self._buffer += bytes(self._socket.readAll().data())
        if b"\n" not in self._buffer:
            if len(self._buffer) > _MAX_MESSAGE_BYTES:
                logger.warning("Single-instance message too long; dropped")
                self._reply(b"error\n")
            return
        line = bytes(self._buffer.split(b"\n", 1)[0])
        argv = _parse_message(line)
        if argv is None:
            self._reply(b"error\n")
            return
        self._reply(b"ok\n")
        self._on_message(argv)

    def _reply(self, data: bytes) -> None:
        self._done = True
        self._timer.stop()
        self._socket.write(data)
        self._socket.flush()
        self._socket.disconnectFromServer()  # sends pending data first
        if self._socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._finish()

    @Slot()
    def _on_timeout(self) -> None:
        logger.warning("Single-instance client sent nothing; dropped")
        self._done = True
        self._socket.abort()
        self._finish()

    @Slot()
    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._done = True
        self._timer.stop()
        self.deleteLater()


def _parse_message(line: bytes) -> list[str] | None:
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        logger.warning("Single-instance message is not JSON; ignored")
        return None
    if not isinstance(message, dict) or message.get("v") != PROTOCOL_VERSION:
        logger.warning("Single-instance message has an unknown version; ignored")
        return None
    argv = message.get("argv")
    if not isinstance(argv, list) or not all(isinstance(arg, str) for arg in argv):
        logger.warning("Single-instance message has no valid argv; ignored")
        return None
    return argv


class SingleInstance(QObject):
    """Makes sure one process per profile runs; later launches hand their argv over.

    Needs a Q(Core)Application. ``activation_requested(list)`` is emitted on the GUI thread
    with the argv of each later launch, after it has been answered.
    """

    activation_requested = Signal(list)

    def __init__(self, profile_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(profile_dir)
        self._server: QLocalServer | None = None

    @property
    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def notify_running(self, argv: list[str], timeout_ms: int = 1500) -> bool:
        """Send ``argv`` to a running instance of this profile.

        True if one answered "ok" (the caller should then exit 0); False if none runs or it
        did not answer within ``timeout_ms`` (blocking, meant for startup before any window).
        """
        payload = json.dumps({"v": PROTOCOL_VERSION, "argv": list(argv)}).encode("utf-8") + b"\n"
        socket = QLocalSocket()
        try:
            socket.connectToServer(self.name)
            # A missing server fails at once; a live one accepts within milliseconds.
            if not socket.waitForConnected(min(timeout_ms, 500)):
                logger.debug("No running instance (%s)", socket.errorString())
                return False
            _allow_foreground_window()
            socket.write(payload)
            if not socket.waitForBytesWritten(timeout_ms):
                logger.warning("The running instance did not take the message")
                return False
            reply = bytearray()
            while b"\n" not in reply and len(reply) < 64:
                if socket.bytesAvailable() <= 0 and not socket.waitForReadyRead(timeout_ms):
                    break
                reply += bytes(socket.readAll().data())
            if reply.split(b"\n", 1)[0] == b"ok":
                return True
            logger.warning("The running instance did not answer; starting anyway")
            return False
        finally:
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.disconnectFromServer()
                if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                    socket.waitForDisconnected(100)
            socket.close()

    def listen(self) -> None:
        """Start serving this profile's name; a stale name left by a crash is removed first.

        Failing to listen is logged and otherwise ignored: the app works, later launches
        just can't hand over to it.
        """
        if self._server is not None:
            return
        # With UserAccessOption, Qt on Unix binds a temporary socket and renames it into place,
        # which would silently take the name from a live instance: look before listening.
        if self._someone_listening():
            logger.warning("Another process already serves %s; not listening", self.name)
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_new_connection)
        ok = server.listen(self.name)
        if not ok and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            logger.info("Removing the stale single-instance name %s", self.name)
            QLocalServer.removeServer(self.name)
            ok = server.listen(self.name)
        if not ok:
            logger.warning("Could not listen on %s: %s", self.name, server.errorString())
            server.deleteLater()
            return
        self._server = server

    def close(self) -> None:
        """Stop listening and drop open connections."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()
        for connection in self.findChildren(_Connection):
            connection.deleteLater()

    def _someone_listening(self) -> bool:
        probe = QLocalSocket()
        try:
            probe.connectToServer(self.name)
            return bool(probe.waitForConnected(_ALIVE_PROBE_MS))
        finally:
            probe.abort()

    @Slot()
    def _on_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                break
            _Connection(socket, self, self._on_message)

    def _on_message(self, argv: list[str]) -> None:
        self.activation_requested.emit(argv)


def _allow_foreground_window() -> None:
    """On Windows, let the running instance bring its window to the front."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)


def raise_window(window: QWidget) -> None:
    """Show ``window`` un-minimised, on top and active."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
