"""Settings: the institution's details, with what IT manages by policy shown locked.

A field IT set (MSI property or ``policy.json``) is read-only with a note saying so; the other
managed settings (proxy, sandbox, platforms, scheduled sync…) are listed, and every policy key
that was left out is shown with the reason, so a typo in the policy file is visible here and
not only in the log. Saving writes only the fields the user may change; managed values are
never written into the profile.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.missed_slot import MissedSlotPolicy, parse_policy
from kurum_masaustu.rules.policy import Policy, presets_in_force
from kurum_masaustu.settings import Settings
from kurum_masaustu.ui.backup_dialog import last_backup_text
from kurum_masaustu.ui.inbox_settings_page import InboxSettingsPage

log = logging.getLogger(__name__)

_TEXT_FIELDS = ("institution_name", "province", "district")


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, settings_file: Path, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(620, 560)
        self._settings = settings
        self._file = settings_file
        self._policy = policy
        self.inputs: dict[str, QLineEdit] = {}
        self.locks: dict[str, QLabel] = {}

        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        general = QWidget()
        layout = QVBoxLayout(general)
        self.tabs.addTab(general, self.tr("General"))
        self.inbox_page = InboxSettingsPage(settings)
        self.tabs.addTab(self.inbox_page, self.tr("Inbox"))
        self.hours_start = self.inbox_page.hours_start
        self.hours_end = self.inbox_page.hours_end
        outer.addWidget(self.tabs, 1)
        institution = QGroupBox(self.tr("Institution"))
        form = QFormLayout(institution)
        labels = {
            "institution_name": self.tr("Institution name:"),
            "province": self.tr("Province:"),
            "district": self.tr("District:"),
        }
        for key in _TEXT_FIELDS:
            edit = QLineEdit(str(getattr(settings, key)))
            edit.setAccessibleName(labels[key].rstrip(":"))
            self.inputs[key] = edit
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            if policy.manages(key):
                edit.setReadOnly(True)
                edit.setEnabled(False)
                lock = _plain_label(self.tr("(managed by policy)"))
                lock.setToolTip(self.tr("Set by: {source}").format(source=policy.sources[key]))
                lock.setStyleSheet("color: #57606a;")
                self.locks[key] = lock
                row.addWidget(lock)
            form.addRow(labels[key], row)
        institution.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(institution)

        publishing = QGroupBox(self.tr("Publishing"))
        publishing_form = QFormLayout(publishing)
        self.missed_combo = QComboBox()
        self.missed_combo.setAccessibleName(self.tr("Posts that would go out late"))
        choices = (
            (MissedSlotPolicy.ASK, self.tr("Ask me for each post")),
            (MissedSlotPolicy.PUBLISH_LATE, self.tr("Publish them late")),
            (MissedSlotPolicy.DROP, self.tr("Do not publish them; keep them as drafts")),
        )
        for policy_value, text in choices:
            self.missed_combo.addItem(text, policy_value.value)
        self.missed_combo.setCurrentIndex(self.missed_combo.findData(parse_policy(settings.missed_slot_policy).value))
        self.missed_combo.setToolTip(
            self.tr(
                "A post that could not go out at its time (the app was closed or offline, the channel "
                "had to be reconnected, publishing was paused, the platform held it) and would now go "
                "out more than 15 minutes late (plus the interval of a scheduled sync IT set up)."
            )
        )
        publishing_form.addRow(self.tr("Missed posts:"), self.missed_combo)
        publishing.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(publishing)

        backup = QGroupBox(self.tr("Backup"))
        backup_form = QFormLayout(backup)
        self.last_backup_label = _plain_label(last_backup_text(settings.last_backup_at))
        self.last_backup_label.setAccessibleName(self.tr("Last backup"))
        backup_form.addRow(self.tr("Last backup:"), self.last_backup_label)
        backup_form.addRow(
            _plain_label(
                self.tr(
                    "File → Back up… writes the plan, posts, media, inbox history and audit log to one .zip "
                    "file. Account tokens are never in it."
                )
            )
        )
        backup.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(backup)

        self.managed_box = QGroupBox(self.tr("Managed by your IT department"))
        managed = QFormLayout(self.managed_box)
        for title, shown in self._managed_rows():
            managed.addRow(title, _plain_label(shown))
        if not managed.rowCount():
            managed.addRow(_plain_label(self.tr("No setting is managed by policy on this computer.")))
        layout.addWidget(self.managed_box)

        self.problems_box = QGroupBox(self.tr("Policy entries that were ignored"))
        problems = QVBoxLayout(self.problems_box)
        problems.addWidget(
            _plain_label(
                self.tr(
                    "These entries of the IT policy could not be applied; the app runs without them. "
                    "Tell your IT department:"
                )
            )
        )
        self.problems_text = QPlainTextEdit("\n".join(str(p) for p in policy.problems))
        self.problems_text.setReadOnly(True)
        self.problems_text.setAccessibleName(self.tr("Ignored policy entries"))
        problems.addWidget(self.problems_text)
        self.problems_box.setVisible(bool(policy.problems))
        layout.addWidget(self.problems_box, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def _managed_rows(self) -> list[tuple[str, str]]:
        policy = self._policy
        rows: list[tuple[str, str]] = []
        if policy.manages("proxy"):
            rows.append((self.tr("Proxy:"), str(policy.get("proxy"))))
        if policy.manages("disable_sandbox"):
            on = policy.sandbox_disabled
            rows.append((self.tr("Demo and sandbox:"), self.tr("turned off") if on else self.tr("allowed")))
        if policy.manages("allowed_platforms"):
            rows.append((self.tr("Allowed platforms:"), ", ".join(policy.get("allowed_platforms"))))
        if policy.manages("app_ids"):
            ids = policy.get("app_ids")
            rows.append((self.tr("Platform app ids:"), ", ".join(f"{k}: {v}" for k, v in sorted(ids.items()))))
        channels = presets_in_force(policy)[0]  # the others are listed with the ignored entries
        if channels:
            listed = "\n".join(f"{c.platform}: {c.name} {c.handle}".strip() for c in channels)
            where = self.tr("They are in Publishing → Channels…, where each one is connected.")
            rows.append((self.tr("Preset channels:"), f"{listed}\n{where}"))
        if policy.manages("sync_interval_minutes"):
            rows.append(
                (
                    self.tr("Scheduled sync:"),
                    self.tr("every {minutes} minutes, also while the window is closed").format(
                        minutes=policy.get("sync_interval_minutes")
                    ),
                )
            )
        return rows

    def save(self) -> None:
        """Write the user's own fields; a profile that cannot be written loses nothing on screen."""
        stored = Settings.load(self._file)
        for key in _TEXT_FIELDS:
            value = self.inputs[key].text().strip()
            if not self._policy.manages(key):
                setattr(stored, key, value)
                setattr(self._settings, key, value)
        problems = self.inbox_page.problems()
        if problems:
            self.tabs.setCurrentWidget(self.inbox_page)
            QMessageBox.warning(self, self.windowTitle(), "\n".join(problems))
            return
        self.inbox_page.store(stored)
        self.inbox_page.store(self._settings)
        stored.missed_slot_policy = self._settings.missed_slot_policy = str(self.missed_combo.currentData())
        try:
            stored.save(self._file)
        except OSError as exc:
            log.warning("settings not saved to %s: %s", self._file, exc)
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr(
                    "The settings could not be saved because the profile folder cannot be written "
                    "({reason}). They stay in effect until the app is closed."
                ).format(reason=exc.strerror or exc),
            )
            return
        self.accept()
