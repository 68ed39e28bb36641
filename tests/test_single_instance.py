"""Single instance per profile over QLocalServer: hand-over, other profiles, stale names.

Second launches are real child processes: a sender on a thread of the test process would not
do, because PySide6 keeps the GIL during ``QLocalSocket.waitFor*`` and our Python slots could
not answer it. Raw protocol clients use Python sockets, which release the GIL.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from kurum_masaustu import single_instance
from kurum_masaustu.paths import Profile
from kurum_masaustu.single_instance import SingleInstance, raise_window, server_name

SRC = Path(__file__).resolve().parents[1] / "src"

_CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from kurum_masaustu.single_instance import SingleInstance
app = QCoreApplication([])
ok = SingleInstance(Path(sys.argv[1])).notify_running(sys.argv[2:], timeout_ms=5000)
sys.exit(0 if ok else 7)
"""

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files; Windows uses pipes")


@pytest.fixture
def first(qtbot: QtBot, profile: Profile) -> Iterator[SingleInstance]:
    """The running instance of the test's profile, listening."""
    instance = SingleInstance(profile.root)
    instance.listen()
    assert instance.is_listening
    yield instance
    instance.close()
    assert not instance.is_listening


def _launch(qtbot: QtBot, profile_dir: Path, argv: list[str]) -> bool:
    """Run a real second launch on ``profile_dir``; True if a running instance answered."""
    env = dict(os.environ, PYTHONPATH=str(SRC), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(profile_dir), *argv], env=env)
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=30000)  # serve events meanwhile
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)
    assert child.returncode in (0, 7)
    return child.returncode == 0


def _in_thread(qtbot: QtBot, func: Callable[[], bytes]) -> bytes:
    """Run a blocking Python-socket client off the GUI thread while the GUI thread serves."""
    result: list[bytes] = []
    thread = threading.Thread(target=lambda: result.append(func()))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10000)
    thread.join()
    return result[0]


def _socket_path(instance: SingleInstance) -> str:
    return str(Path(QDir.tempPath()) / instance.name)


def _send_raw(path: str, data: bytes) -> bytes:
    """Send ``data`` and read until the server closes the connection."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(path)
        if data:
            sock.sendall(data)
        reply = b""
        while chunk := sock.recv(1024):
            reply += chunk
        return reply


def test_server_name_is_short_stable_and_per_profile(tmp_path: Path) -> None:
    a = tmp_path / "a"
    a.mkdir()
    name = server_name(a)
    assert name.startswith("kurum-masaustu-")
    assert len(name) <= 100
    assert server_name(tmp_path / "a" / ".." / "a") == name
    assert server_name(tmp_path / "b") != name
    assert len(server_name(tmp_path / ("ç" * 120))) <= 100


def test_second_launch_hands_over_its_argv(qtbot: QtBot, first: SingleInstance, profile: Profile) -> None:
    argv = ["--open", "taslak-ğüşİ.txt", "--new-post"]
    with qtbot.waitSignal(first.activation_requested, timeout=30000) as signal:
        assert _launch(qtbot, profile.root, argv) is True
    assert signal.args == [argv]


def test_other_profile_is_not_answered(qtbot: QtBot, first: SingleInstance, tmp_path: Path) -> None:
    with qtbot.assertNotEmitted(first.activation_requested, wait=100):
        assert _launch(qtbot, tmp_path / "another-profile", ["x"]) is False
        assert SingleInstance(tmp_path / "another-profile").notify_running(["x"], timeout_ms=300) is False


def test_no_running_instance(profile: Profile, qapp: object) -> None:
    assert SingleInstance(profile.root).notify_running([], timeout_ms=300) is False


def test_second_listener_does_not_steal_the_name(
    qtbot: QtBot, first: SingleInstance, profile: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    intruder = SingleInstance(profile.root)
    intruder.listen()
    assert not intruder.is_listening
    assert "already serves" in caplog.text
    intruder.close()
    with qtbot.waitSignal(first.activation_requested, timeout=30000):
        assert _launch(qtbot, profile.root, ["again"]) is True


@unix_only
def test_stale_name_after_a_crash_is_recovered(qtbot: QtBot, profile: Profile) -> None:
    # A crashed server leaves its socket file behind, with nobody listening on it.
    path = Path(QDir.tempPath()) / server_name(profile.root)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as stale:
        stale.bind(str(path))
    assert path.exists()
    assert SingleInstance(profile.root).notify_running(["x"], timeout_ms=300) is False

    instance = SingleInstance(profile.root)
    try:
        instance.listen()
        assert instance.is_listening
        with qtbot.waitSignal(instance.activation_requested, timeout=30000) as signal:
            assert _launch(qtbot, profile.root, ["after-crash"]) is True
        assert signal.args == [["after-crash"]]
    finally:
        instance.close()
    assert not path.exists()


@unix_only
def test_raw_protocol(qtbot: QtBot, first: SingleInstance) -> None:
    message = json.dumps({"v": 1, "argv": ["--calendar"]}).encode() + b"\n"
    with qtbot.waitSignal(first.activation_requested, timeout=5000) as signal:
        assert _in_thread(qtbot, lambda: _send_raw(_socket_path(first), message)) == b"ok\n"
    assert signal.args == [["--calendar"]]


@unix_only
@pytest.mark.parametrize(
    "payload",
    [
        b"not json\n",
        json.dumps({"v": 99, "argv": []}).encode() + b"\n",
        json.dumps({"v": 1, "argv": [1, 2]}).encode() + b"\n",
        json.dumps(["--open"]).encode() + b"\n",
        b"\xff\xfe\n",
        b"x" * (70 * 1024),
    ],
)
def test_malformed_messages_are_refused(qtbot: QtBot, first: SingleInstance, payload: bytes) -> None:
    with qtbot.assertNotEmitted(first.activation_requested, wait=50):
        reply = _in_thread(qtbot, lambda: _send_raw(_socket_path(first), payload))
    assert reply == b"error\n"


@unix_only
def test_silent_client_is_dropped(qtbot: QtBot, first: SingleInstance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_instance, "_CLIENT_TIMEOUT_MS", 100)
    assert _in_thread(qtbot, lambda: _send_raw(_socket_path(first), b"")) == b""
    # The server still works afterwards.
    ok = _in_thread(qtbot, lambda: _send_raw(_socket_path(first), b'{"v":1,"argv":[]}\n'))
    assert ok == b"ok\n"


def test_raise_window_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    assert window.windowState() & Qt.WindowState.WindowMinimized
    raise_window(window)
    assert window.isVisible()
    assert not window.windowState() & Qt.WindowState.WindowMinimized
