"""Connect (or reconnect) one account: the fields its platform needs, then the flow on the async loop.

Mastodon and X sign in through the system browser (OAuth with PKCE; the answer comes back to a
listener on 127.0.0.1); the others take what the person pastes. Nothing is saved until the
platform has confirmed the account; while it works the dialog shows each step, and Cancel stops
it (until the last step, saving, which is not interrupted). A preset channel of the IT policy is
connected the same way, with the fields IT filled in shown read-only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Mapping
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.domain import Platform
from kurum_masaustu.platforms.oauth import Pages
from kurum_masaustu.rules.timeutil import local_to_utc
from kurum_masaustu.services.channels import ChannelError, ChannelService
from kurum_masaustu.services.connect import (
    OAUTH_PLATFORMS,
    PASTED_SECRET,
    X_REDIRECT_PORT,
    Connected,
    ConnectError,
    ConnectForm,
    ConnectService,
)
from kurum_masaustu.ui.channel_texts import connect_error_text, step_text
from kurum_masaustu.ui.labels import platform_name
from kurum_masaustu.ui.tasks import alive, in_thread, spawn

ORDER = (
    Platform.MASTODON,
    Platform.BLUESKY,
    Platform.X,
    Platform.FACEBOOK,
    Platform.INSTAGRAM,
    Platform.LINKEDIN,
    Platform.TELEGRAM,
    Platform.MANUAL,
)
#: Platforms whose pasted token may carry an expiry the person can read in the platform's tool.
EXPIRY_PLATFORMS = {Platform.FACEBOOK: None, Platform.INSTAGRAM: 60, Platform.LINKEDIN: 60}


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #57606a;")
    return label


async def ask(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A question box that does not block the loop (``open()``, answered through a future)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    answer: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

    def finished(_result: int) -> None:
        if not answer.done():
            answer.set_result(box.clickedButton() is yes_button)

    box.finished.connect(finished)
    box.open()
    try:
        return await answer
    finally:
        box.deleteLater()


class ConnectDialog(QDialog):
    """Add a channel (``channel_id`` None) or reconnect one (its platform and settings given).

    ``locked``: fields IT set (a preset channel's ids), shown filled in and read-only;
    ``awaiting``: the channel was never connected (the title says "Connect", not "Reconnect").
    """

    finished_connecting = Signal(int)

    def __init__(
        self,
        service: ConnectService,
        channels: ChannelService,
        *,
        channel_id: int | None = None,
        platform: Platform | None = None,
        sandbox: bool = False,
        settings: Mapping[str, Any] | None = None,
        handle: str = "",
        locked: Collection[str] = (),
        awaiting: bool = False,
        open_url: Callable[[str], bool] = lambda url: QDesktopServices.openUrl(QUrl(url)),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self._service = service
        self._channels = channels
        self._channel_id = channel_id
        self._open_url = open_url
        self._settings = dict(settings or {})
        self._handle = handle
        self._locked = frozenset(locked)
        self._task: asyncio.Task[Any] | None = None
        self._step = ""
        self.result_channel: Connected | None = None
        self.inputs: dict[str, QLineEdit] = {}
        if channel_id is None:
            self.setWindowTitle(self.tr("Add a channel"))
        else:
            self.setWindowTitle(self.tr("Connect the channel") if awaiting else self.tr("Reconnect the channel"))
        self.resize(580, 440)

        from kurum_masaustu import policy

        managed = policy.current()  # IT policy: a new channel only on allowed platforms, no sandbox if off
        self._sandbox_locked = channel_id is None and managed.sandbox_disabled
        offered = [p for p in ORDER if channel_id is not None or managed.platform_allowed(p.value)] or list(ORDER)
        self.platform_box = QComboBox()
        self.platform_box.setAccessibleName(self.tr("Platform"))
        for item in offered:
            self.platform_box.addItem(platform_name(item), item.value)
        if platform is not None and self.platform_box.findData(platform.value) >= 0:
            self.platform_box.setCurrentIndex(self.platform_box.findData(platform.value))
        self.platform_box.setEnabled(channel_id is None)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.sandbox_box = QCheckBox(self.tr("Sandbox channel for practice (nothing reaches the internet)"))
        self.sandbox_box.setChecked(sandbox and not self._sandbox_locked)
        self.sandbox_box.setEnabled(channel_id is None and not self._sandbox_locked)
        if self._sandbox_locked:
            self.sandbox_box.setToolTip(self.tr("Turned off by your IT department's policy."))
        self.fields_box = QWidget()
        self.fields = QFormLayout(self.fields_box)
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.fields.addRow(self.tr("Platform:"), self.platform_box)
        if channel_id is None:
            self.fields.addRow(self.tr("Name:"), self.name_edit)
        self.fields.addRow("", self.sandbox_box)
        self._fixed_rows = self.fields.rowCount()
        self.expiry_known = QCheckBox(self.tr("The token expires on:"))
        self.expiry_date = QDateEdit()
        self.expiry_date.setCalendarPopup(True)
        self.expiry_date.setDisplayFormat("dd.MM.yyyy")
        self.expiry_date.setAccessibleName(self.tr("Expiry date"))
        self.url_edit = QLineEdit()
        self.url_edit.setReadOnly(True)
        self.url_edit.setAccessibleName(self.tr("Sign-in address"))
        self.url_note = _note(self.tr("If the browser did not open, open this address yourself:"))

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.step_label = _note("")
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b42318;")
        self.error_label.setAccessibleName(self.tr("Problem"))

        self.connect_button = QPushButton()
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_box)
        layout.addStretch(1)
        layout.addWidget(self.url_note)
        layout.addWidget(self.url_edit)
        layout.addWidget(self.progress)
        layout.addWidget(self.step_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.platform_box.currentIndexChanged.connect(self._build_fields)
        self.sandbox_box.toggled.connect(self._build_fields)
        self._build_fields()
        self._show_running(False)

    # -- the form -------------------------------------------------------------------------------
    def platform(self) -> Platform:
        return Platform(self.platform_box.currentData())

    def _line(self, name: str, label: str, *, secret: bool = False, value: str = "", hint: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(label.rstrip(":"))
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText)
        if hint:
            edit.setPlaceholderText(hint)
        if name in self._locked and value:
            edit.setReadOnly(True)
            edit.setToolTip(self.tr("Set by IT management; it cannot be changed here."))
            edit.setStyleSheet("QLineEdit { color: #57606a; background: #eaeef2; }")
        self.inputs[name] = edit
        self.fields.addRow(label, edit)
        return edit

    def _build_fields(self) -> None:
        while self.fields.rowCount() > self._fixed_rows:
            self.fields.removeRow(self._fixed_rows)
        self.inputs = {}
        platform, sandbox, saved = self.platform(), self.sandbox_box.isChecked(), self._settings
        self.sandbox_box.setVisible(platform != Platform.MANUAL)
        reconnect = self._channel_id is not None
        self.name_edit.setPlaceholderText(self.tr("e.g. Municipality (%1)").replace("%1", platform_name(platform)))
        if self._locked:
            note = self.tr("IT has set this channel up: fields in grey are fixed; you only sign in or add the token.")
            self.fields.addRow(_note(note))
        if platform == Platform.MASTODON and not sandbox:
            self._line("base_url", self.tr("Server address:"), value=saved.get("base_url", ""), hint="sosyal.example")
            self.fields.addRow(_note(self.tr("First the address of your Mastodon server; then you sign in there.")))
        if platform == Platform.X and not sandbox:
            self._line("client_id", self.tr("Client ID:"), value=saved.get("client_id", ""))
            port = str(saved.get("redirect_port") or X_REDIRECT_PORT)
            self._line("redirect_port", self.tr("Callback port:"), value=port)
            self.fields.addRow(
                _note(
                    self.tr(
                        "From the institution's X app (type: Native App). Its callback address must be "
                        "http://127.0.0.1:%1/callback — X accepts only the exact address registered there."
                    ).replace("%1", port)
                )
            )
        if platform in OAUTH_PLATFORMS:
            self.fields.addRow(
                _note(self.tr("You approve the access on the platform's own page; no password is typed here."))
            )
        if platform == Platform.BLUESKY:
            if not sandbox:
                base = saved.get("base_url", "") or "https://bsky.social"
                self._line("base_url", self.tr("Server address:"), value=base)
            self._line("handle", self.tr("Handle:"), value=self._handle.lstrip("@"), hint="belediye.bsky.social")
            self._line("app_password", self.tr("App password:"), secret=True, hint="xxxx-xxxx-xxxx-xxxx")
            self.fields.addRow(
                _note(
                    self.tr(
                        "Never enter the account's main password. Create an app password for Kurum Masaüstü in "
                        "Bluesky: Settings → Privacy and security → App passwords."
                    )
                )
            )
        if platform == Platform.TELEGRAM:
            if not sandbox:
                self._line("chat_id", self.tr("Channel:"), value=saved.get("chat_id", ""), hint="@kanaladi / -100…")
            self._line("bot_token", self.tr("Bot token:"), secret=True, hint="123456:ABC…")
            self.fields.addRow(
                _note(
                    self.tr(
                        "The token comes from @BotFather. Add the bot to the channel as an administrator who may post."
                    )
                )
            )
        if platform == Platform.FACEBOOK:
            if not sandbox:
                self._line("page_id", self.tr("Page ID:"), value=saved.get("page_id", ""))
            self._line("page_access_token", self.tr("Page access token:"), secret=True)
        if platform == Platform.INSTAGRAM:
            if not sandbox:
                self._line("ig_user_id", self.tr("Instagram account ID:"), value=saved.get("ig_user_id", ""))
            self._line("access_token", self.tr("Access token:"), secret=True)
        if platform == Platform.LINKEDIN:
            if not sandbox:
                urn = saved.get("organization_urn", "")
                self._line("organization_urn", self.tr("Organization URN:"), value=urn, hint="urn:li:organization:123")
            self._line("access_token", self.tr("Access token:"), secret=True)
        if platform in (Platform.FACEBOOK, Platform.INSTAGRAM):
            self.fields.addRow(
                _note(
                    self.tr(
                        "A desktop app cannot keep Meta's app secret, so IT creates a long-lived token (best: a "
                        "system user in Meta Business Settings) and pastes it here."
                    )
                )
            )
        if platform in EXPIRY_PLATFORMS:
            days = EXPIRY_PLATFORMS[platform]
            self.expiry_known.setChecked(days is not None)
            today = QDate.currentDate()
            self.expiry_date.setDate(today.addDays(days if days is not None else 60))
            self.expiry_date.setMinimumDate(today)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(self.expiry_known)
            row_layout.addWidget(self.expiry_date)
            row_layout.addStretch(1)
            self.fields.addRow(row)
            self.fields.addRow(
                _note(self.tr("The platform's token tool shows the expiry; leave it unticked if it never expires."))
            )
        if sandbox and platform != Platform.MANUAL:
            self.fields.addRow(
                _note(
                    self.tr("Sandbox: any token works the first time; left empty, one is made up for you.")
                    if platform in PASTED_SECRET and not reconnect
                    else self.tr("Sandbox: the sign-in page is shown inside Kurum Masaüstü.")
                    if platform in OAUTH_PLATFORMS
                    else self.tr("Sandbox: left empty, the saved token is used again.")
                )
            )
        if platform == Platform.MANUAL:
            self.fields.addRow(
                _note(
                    self.tr(
                        "A manual channel: Kurum Masaüstü prepares the text and media, you post by hand and "
                        "record the link."
                    )
                )
            )
        oauth = platform in OAUTH_PLATFORMS
        self.connect_button.setText(
            self.tr("Sign in with the browser…") if oauth and not sandbox else self.tr("Check and save")
        )
        self.url_edit.hide()
        self.url_note.hide()
        self.error_label.clear()

    def form(self) -> ConnectForm:
        platform = self.platform()
        values = {name: edit.text() for name, edit in self.inputs.items()}
        secret_names = {"bot_token", "page_access_token", "access_token", "app_password"}
        settings = {k: v for k, v in values.items() if k not in secret_names | {"base_url", "handle"}}
        expires = None
        if platform in EXPIRY_PLATFORMS and self.expiry_known.isChecked():
            picked = self.expiry_date.date()
            day = date(picked.year(), picked.month(), picked.day())
            expires = local_to_utc(day, time(23, 59))
        return ConnectForm(
            platform,
            display_name=self.name_edit.text(),
            sandbox=self.sandbox_box.isChecked(),
            base_url=values.get("base_url", ""),
            handle=values.get("handle", ""),
            settings=settings,
            secrets={k: v for k, v in values.items() if k in secret_names},
            token_expires_at=expires,
            expected_handle=self._handle if "handle" in self._locked else "",
        )

    # -- running --------------------------------------------------------------------------------
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if self.running():
            return
        self.error_label.clear()
        self._task = spawn(self._run(self.form()))

    def cancel(self) -> None:
        """Stop connecting (nothing is saved); when nothing runs, close the dialog."""
        if self.running() and self._task is not None:
            if self._step != "saving":
                self._task.cancel()
            return
        self.reject()

    def reject(self) -> None:
        """Escape or closing the window: stop a flow first; never leave in the middle of saving."""
        if self.running() and self._task is not None:
            if self._step == "saving":
                return
            self._task.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running() and self._step == "saving":
            event.ignore()
            return
        if self.running() and self._task is not None:
            self._task.cancel()
        super().closeEvent(event)

    def _on_step(self, step: str) -> None:
        self._step = step
        if alive(self):
            self.step_label.setText(step_text(step))
            self.cancel_button.setEnabled(step != "saving")

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.step_label.setVisible(running)
        self.connect_button.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.platform_box.setEnabled(not running and self._channel_id is None)
        for row in range(self._fixed_rows, self.fields.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = self.fields.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setEnabled(not running)
        self.sandbox_box.setEnabled(not running and self._channel_id is None and not self._sandbox_locked)
        self.name_edit.setEnabled(not running)

    async def _run(self, form: ConnectForm) -> None:
        self._show_running(True)
        try:
            if form.platform == Platform.MANUAL:
                self._on_step("saving")
                channel_id = await in_thread(self._add_manual, form.display_name)
                if alive(self):
                    self.finished_connecting.emit(channel_id)
                    self.accept()
            elif form.platform in OAUTH_PLATFORMS:
                done = await self._service.connect_oauth(
                    form,
                    self._browse,
                    channel_id=self._channel_id,
                    on_step=self._on_step,
                    pages=self._pages(),
                    consent=self._consent,
                )
                self._done(done)
            else:
                done = await self._service.connect_with_secret(form, channel_id=self._channel_id, on_step=self._on_step)
                self._done(done)
        except ConnectError as exc:
            if alive(self):
                self.error_label.setText(connect_error_text(exc.code, exc.detail, exc.platform_code))
        except ChannelError as exc:
            if alive(self):
                missing = exc.code == "no_name"
                text = (
                    connect_error_text("missing", "display_name")
                    if missing
                    else connect_error_text("refused", exc.code)
                )
                self.error_label.setText(text)
        except asyncio.CancelledError:
            if alive(self):
                self.error_label.setText(connect_error_text("cancelled"))
        finally:
            self._step = ""
            if alive(self):
                self._show_running(False)

    def _add_manual(self, name: str) -> int:
        return self._channels.add(Platform.MANUAL, name)

    def _done(self, done: Connected) -> None:
        self.result_channel = done
        if alive(self):
            self.finished_connecting.emit(done.channel_id)
            self.accept()

    async def _browse(self, url: str) -> None:
        self.url_edit.setText(url)
        self.url_edit.show()
        self.url_note.show()
        if not self._open_url(url):
            self.error_label.setText(connect_error_text("no_browser"))

    async def _consent(self, app: str, account: str) -> bool:
        """The sandbox platform's consent page, asked here (no browser can reach the sandbox)."""
        text = self.tr("Sandbox %1: allow “%2” to post as %3?").replace("%1", platform_name(self.platform()))
        return await ask(
            self,
            self.tr("Sandbox sign-in"),
            text.replace("%2", app).replace("%3", account),
            self.tr("Allow"),
            self.tr("Deny"),
        )

    def _pages(self) -> Pages:
        return Pages(
            success_title=self.tr("Connected"),
            success_text=self.tr("You can close this tab and return to Kurum Masaüstü."),
            failure_title=self.tr("Not connected"),
            failure_text=self.tr("Return to Kurum Masaüstü to see why."),
        )
