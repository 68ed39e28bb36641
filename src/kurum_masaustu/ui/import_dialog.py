"""Importing a content plan from CSV: a preview of every row with its problems (by line), then
the person chooses — import the valid rows, or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kurum_masaustu.rules.plan_import import PlanFile, Problem
from kurum_masaustu.services.plan_import import PlanImportService
from kurum_masaustu.ui.calendar_grid import qdate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kurum_masaustu.media.library import MediaLibrary


def problem_text(problem: Problem) -> str:
    texts = {
        "empty_file": QCoreApplication.translate("PlanImport", "The file is empty."),
        "missing_column": QCoreApplication.translate(
            "PlanImport", "A needed column is missing: {value} (date, time, channels, text)."
        ),
        "too_many_rows": QCoreApplication.translate("PlanImport", "At most {value} rows; the rest was not read."),
        "bad_date": QCoreApplication.translate("PlanImport", "Date not understood: '{value}' (e.g. 01.12.2026)."),
        "bad_time": QCoreApplication.translate("PlanImport", "Time not understood: '{value}' (e.g. 09:30)."),
        "no_channel": QCoreApplication.translate("PlanImport", "No channel given."),
        "unknown_channel": QCoreApplication.translate("PlanImport", "No such channel: '{value}'."),
        "no_text": QCoreApplication.translate("PlanImport", "The text is empty."),
        "unknown_category": QCoreApplication.translate("PlanImport", "No such category: '{value}'."),
        "unknown_campaign": QCoreApplication.translate("PlanImport", "No such campaign: '{value}'."),
        "in_past": QCoreApplication.translate("PlanImport", "Already past: {value}."),
        "no_rows": QCoreApplication.translate("PlanImport", "No post rows after the header."),
        "bad_csv": QCoreApplication.translate("PlanImport", "This line cannot be read as CSV ({value})."),
        "missing_image": QCoreApplication.translate("PlanImport", "Image not found: '{value}'."),
        "too_big": QCoreApplication.translate("PlanImport", "The file is too big (at most {value} MB)."),
        "unreadable": QCoreApplication.translate("PlanImport", "The file cannot be read ({value})."),
        "not_utf8": QCoreApplication.translate(
            "PlanImport", 'The file is not UTF-8. In Excel, save it as "CSV UTF-8 (comma delimited)".'
        ),
    }
    value = problem.value
    if problem.code == "missing_column":
        value = {
            "date": QCoreApplication.translate("PlanImport", "date"),
            "time": QCoreApplication.translate("PlanImport", "time"),
            "channels": QCoreApplication.translate("PlanImport", "channels"),
            "text": QCoreApplication.translate("PlanImport", "text"),
        }.get(value, value)
    return texts.get(problem.code, problem.code).format(value=value)


class ImportDialog(QDialog):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        media: MediaLibrary | None,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a content plan (CSV)"))
        self.setObjectName("importDialog")
        self._importer = PlanImportService(sessions, media)
        self.plan = PlanFile()
        self.imported: list[int] = []
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(self.tr("Choose file…"))
        help_label = QLabel(
            self.tr(
                "Columns: date, time, channels, text; optional: images, category, campaign, title "
                "(Turkish names work too). Comma or semicolon, UTF-8, as Excel saves it."
            )
        )
        help_label.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Channels"),
                self.tr("Text"),
                self.tr("Problem"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.import_valid_rows)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        choose.clicked.connect(self._choose)
        self.resize(900, 520)
        if path is not None:
            self.load(path)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Content plan"), "", self.tr("CSV files (*.csv)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file_label.setText(str(path))
        self.plan = self._importer.read(path)
        by_line: dict[int, list[Problem]] = {}
        for problem in self.plan.problems:
            by_line.setdefault(problem.line, []).append(problem)
        lines = sorted({row.line for row in self.plan.rows} | set(by_line))
        rows = {row.line: row for row in self.plan.rows}
        self.table.setRowCount(len(lines))
        locale = QLocale()
        for position, line in enumerate(lines):
            row = rows.get(line)
            values = [str(line), "", "", "", "", ""]
            if row is not None:
                values[1] = locale.toString(qdate(row.day), "dd.MM.yyyy")
                values[2] = row.at.strftime("%H:%M")
                values[3] = str(len(row.channel_ids))
                values[4] = row.text
            values[5] = " ".join(problem_text(p) for p in by_line.get(line, []))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, never rich text
                if line in by_line:
                    item.setForeground(QColor("#b42318"))
                self.table.setItem(position, column, item)
        valid, bad = len(self.plan.rows), len(self.plan.bad_lines)
        if bad:
            self.summary.setText(
                self.tr("%n row(s) can be imported.", "", valid)
                + " "
                + self.tr("%n line(s) have problems and will be left out; cancel to import nothing.", "", bad)
            )
        else:
            self.summary.setText(self.tr("%n row(s) can be imported.", "", valid))
        self.import_button.setText(self.tr("Import %n valid row(s)", "", valid) if bad else self.tr("Import all"))
        self.import_button.setEnabled(valid > 0)

    def import_valid_rows(self) -> None:
        from kurum_masaustu.media.errors import MediaError

        if not self.plan.rows:
            return
        try:
            self.imported = self._importer.import_rows(self.plan.rows)
        except MediaError as exc:
            self.summary.setText(
                self.tr("An image could not be taken ({error}); nothing was imported.").format(error=exc)
            )
            return
        self.accept()
