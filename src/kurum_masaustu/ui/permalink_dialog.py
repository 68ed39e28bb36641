"""The dialog in which the person pastes a post's link ("it was published", "mark as posted"):
while they type it says what the app understood (the platform and the post's id, or why the
link cannot be this channel's post, or that it is kept without an id)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kurum_masaustu.rules.permalinks import PermalinkError, Understood
from kurum_masaustu.ui.labels import platform_name

#: The service's reading of a link for the delivery (raises PermalinkError).
Reader = Callable[[str], Understood]


def refusal_text(refused: PermalinkError, channel_platform: str) -> str:
    """Why a link cannot be recorded for the channel, in the person's words."""
    if refused.code == "not_a_link":
        return QCoreApplication.translate("OutboxPane", "That is not a web address. It should start with https://")
    if refused.code == "other_platform":
        return (
            QCoreApplication.translate("Permalinks", "This is not a link to %1: it points to %2.")
            .replace("%1", channel_platform)
            .replace("%2", refused.detail)
        )
    if refused.code == "other_host":
        return QCoreApplication.translate("Permalinks", "This post is on %1, not on the channel's own server.").replace(
            "%1", refused.detail
        )
    if refused.code == "other_account":
        return QCoreApplication.translate(
            "Permalinks", "This post belongs to another account (%1), not to this channel."
        ).replace("%1", refused.detail)
    return QCoreApplication.translate("Permalinks", "This %1 address is not a link to a post.").replace(
        "%1", channel_platform
    )


def understood_text(found: Understood) -> str:
    """What the app will record: the post's id, or why it keeps only the link."""
    kept = QCoreApplication.translate(
        "Permalinks", "The link is kept, but the app cannot delete this post or read its figures."
    )
    if found.remote_id is None:
        reasons = {
            "pfbid": QCoreApplication.translate("Permalinks", "This Facebook link (pfbid…) hides the post's id."),
            "shortcode": QCoreApplication.translate(
                "Permalinks", "Instagram links name a post by a short code, not by the id the app needs."
            ),
            "activity": QCoreApplication.translate(
                "Permalinks",
                "This LinkedIn link names the activity, not the post; the link in the post's "
                "“Embed this post” code (…urn:li:share… or …urn:li:ugcPost…) gives its id.",
            ),
            "unchecked": QCoreApplication.translate(
                "Permalinks", "The Page's id is not known here, so the post's id cannot be made."
            ),
        }
        reason = reasons.get(found.note, QCoreApplication.translate("Permalinks", "No post id could be read from it."))
        return f"{reason} {kept}"
    platform = platform_name(found.platform) if found.platform is not None else ""
    text = (
        QCoreApplication.translate("Permalinks", "Understood: %1 post %2.")
        .replace("%1", platform)
        .replace("%2", found.remote_id)
    )
    if found.note == "handle":
        text += " " + QCoreApplication.translate(
            "Permalinks",
            "The link names the account by its handle: the app asks Bluesky for the account's "
            "permanent id (DID) at its next publishing run and keeps the post under it.",
        )
    elif found.note == "unchecked":
        text += " " + QCoreApplication.translate(
            "Permalinks", "The link does not name the account: make sure it is this channel's post."
        )
    return text


class PermalinkDialog(QDialog):
    """Asks for the link; OK only for a link that can be this channel's post."""

    def __init__(self, title: str, prompt: str, read: Reader, channel_platform: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._read = read
        self._channel_platform = channel_platform
        prompt_label = QLabel(prompt)
        prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        prompt_label.setWordWrap(True)
        self.link_edit = QLineEdit()
        self.link_edit.setAccessibleName(self.tr("Link of the post"))
        self.link_edit.setPlaceholderText("https://…")
        self.understood_label = QLabel()
        self.understood_label.setTextFormat(Qt.TextFormat.PlainText)  # the link is the person's text
        self.understood_label.setWordWrap(True)
        self.understood_label.setAccessibleName(self.tr("What the app understood"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addWidget(self.link_edit)
        layout.addWidget(self.understood_label)
        layout.addWidget(self.buttons)
        self.link_edit.textChanged.connect(self._show)
        self._show("")

    def link(self) -> str:
        return self.link_edit.text().strip()

    def _show(self, text: str) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not text.strip():
            self.understood_label.setText(self.tr("Paste the link of the post."))
            self.understood_label.setStyleSheet("")
            ok_button.setEnabled(False)
            return
        try:
            found = self._read(text)
        except PermalinkError as refused:
            self.understood_label.setText(refusal_text(refused, self._channel_platform))
            self.understood_label.setStyleSheet("color: #b42318;")
            ok_button.setEnabled(False)
            return
        self.understood_label.setText(understood_text(found))
        self.understood_label.setStyleSheet("color: #9a6700;" if found.remote_id is None or found.note else "")
        ok_button.setEnabled(True)
