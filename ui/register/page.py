"""The register page: every assessment in a lean, paged table model with filters.

The model reads ``PAGE`` rows at a time with one SQL query over the assessment table (no ORM
objects, no JSON), so the first page of 10,000 assessments shows as fast as the query itself.
"""

from __future__ import annotations

from ui.i18n import format_date, format_datetime
from ui.qt import QAbstractItemView, QAbstractTableModel, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QModelIndex, QPushButton, Qt, QTableView, QTimer, QVBoxLayout, QWidget, Signal

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
# (column in Store.register_rows, how to show it)
COLUMNS = ("reference", "title", "product", "customer", "destination", "outcome", "status", "created_at",
           "updated_at", "retention_until")
_INDEX = {c: i for i, c in enumerate(("id", "reference", "title", "product", "customer", "destination", "outcome",
                                       "status", "created_at", "updated_at", "finished_at", "export_date",
                                       "retention_until", "version_no"))}


class RegisterModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self.rows: list[tuple] = []
        self.more = False
        self.filters = {"search": "", "status": "", "outcome": "", "destination": ""}
        self.headers = [self.tr("Reference"), self.tr("Title"), self.tr("Product"), self.tr("Customer"),
                        self.tr("Destination"), self.tr("Outcome"), self.tr("Status"), self.tr("Created"),
                        self.tr("Last change"), self.tr("Keep until")]
        self.status_text = {"draft": self.tr("Draft"), "finished": self.tr("Finished"),
                            "signed": self.tr("Signed"), "amended": self.tr("Amended")}
        self._cols = [_INDEX[c] for c in COLUMNS]

    def _fetch(self, offset: int) -> list[tuple]:
        rows = self.store.register.rows(limit=PAGE + 1, offset=offset, **self.filters)
        self.more = len(rows) > PAGE
        return rows[:PAGE]

    def refresh(self, store=None, **filters) -> None:
        """``store``: a Store, or an ``app.storage.quick_read.QuickRegister`` until it is open
        (both answer ``.register.rows()`` the same)."""
        if store is not None:
            self.store = store
        self.filters.update({k: v or "" for k, v in filters.items()})
        self.beginResetModel()
        self.rows = self._fetch(0) if self.store is not None else []
        self.endResetModel()

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = COLUMNS[index.column()]
            value = row[self._cols[index.column()]]
            if col == "status":
                text = self.status_text.get(value, value)
                return f"{text} (v{row[_INDEX['version_no']]})" if row[_INDEX["version_no"]] > 1 else text
            if col in ("created_at", "retention_until"):
                return format_date(value or "")  # as the language writes dates (01.12.2026)
            if col == "updated_at":
                return format_datetime(value or "")
            if col == "outcome":
                return value or "—"
            return value or ""
        if role == ID_ROLE:
            return row[0]
        if role == STATUS_ROLE:
            return row[_INDEX["status"]]
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or not self.more:
            return
        new = self._fetch(len(self.rows))
        if new:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(new) - 1)
            self.rows.extend(new)
            self.endInsertRows()


class RegisterTable(QTableView):
    """A table view over RegisterModel; ``rowCount()`` as on a QTableWidget."""

    def rowCount(self) -> int:  # noqa: N802
        return self.model().rowCount()


class RegisterPage(QWidget):
    """Title, filter bar, the table and the action buttons (connected by the main window)."""

    filters_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("register")
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Assessments"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        title.setFont(f)
        lay.addWidget(title)
        intro = QLabel(self.tr("Each assessment checks one export against Article 5 of Regulation (EU) "
                               "2021/821. Every answer is saved as you give it. Records are kept at least "
                               "until the date in “Keep until” (Art. 27(3))."))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search reference, product, customer, destination, dates…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the register"))
        bar.addWidget(self.search, 3)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("Any status"), "")
        for value, text in (("draft", self.tr("Draft")), ("finished", self.tr("Finished")),
                            ("signed", self.tr("Signed")), ("amended", self.tr("Amended"))):
            self.status_filter.addItem(text, value)
        bar.addWidget(self.status_filter)
        self.outcome_filter = QComboBox()
        self.outcome_filter.setObjectName("outcomeFilter")
        self.outcome_filter.setAccessibleName(self.tr("Filter by outcome"))
        self.outcome_filter.addItem(self.tr("Any outcome"), "")
        bar.addWidget(self.outcome_filter)
        self.destination_filter = QComboBox()
        self.destination_filter.setObjectName("destinationFilter")
        self.destination_filter.setAccessibleName(self.tr("Filter by destination"))
        self.destination_filter.addItem(self.tr("Any destination"), "")
        bar.addWidget(self.destination_filter)
        lay.addLayout(bar)

        self.model = RegisterModel(self)
        self.table = RegisterTable()
        self.table.setObjectName("assessments")
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # short columns (codes, dates, status) as wide as their header or content, the free text
        # ones share the rest: the table fits the window from 1024 pixels up, in every language
        # (fixed widths cut German headers off and needed a horizontal scrollbar)
        header.setMinimumSectionSize(60)
        # widths from the rows in view, not from every row fetched (Qt's default is 1,000 rows):
        # sizing the columns to 200 rows asked the model for ~30,000 values and took 0.2 s at
        # every refresh and at start; codes, dates and statuses are as wide on every row
        header.setResizeContentsPrecision(0)
        for i, col in enumerate(COLUMNS):
            mode = QHeaderView.ResizeMode.Stretch if col in ("title", "product", "customer", "outcome") \
                else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(i, mode)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        lay.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("No assessments yet. Start one with “New assessment”."))
        self.empty_label.setObjectName("emptyRegister")
        lay.addWidget(self.empty_label)

        # two rows: starting work, and what is done with the selected record; one row of eight
        # buttons ran off a 1024-pixel screen (longer still in German)
        self.buttons: dict[str, QPushButton] = {}
        for group in ((("new", self.tr("&New assessment")), ("from_product", self.tr("New from &product…")),
                       ("quick_check", self.tr("&Quick check…"))),
                      (("resume", self.tr("&Open / resume")), ("duplicate", self.tr("D&uplicate")),
                       ("title", self.tr("Titl&e…")), ("amend", self.tr("&Amend…")), ("discard", self.tr("&Discard draft…")),
                       ("delete", self.tr("Delete…")))):
            row = QHBoxLayout()
            for key, text in group:
                b = QPushButton(text)
                b.setObjectName({"new": "newAssessment", "resume": "resume", "discard": "discard"}.get(key, key))
                row.addWidget(b)
                self.buttons[key] = b
            row.addStretch(1)
            lay.addLayout(row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.status_filter, self.outcome_filter, self.destination_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

    def current_filters(self) -> dict[str, str]:
        return {"search": self.search.text().strip(), "status": self.status_filter.currentData() or "",
                "outcome": self.outcome_filter.currentData() or "",
                "destination": self.destination_filter.currentData() or ""}

    def apply_filters(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self, store=None) -> None:
        self.model.refresh(store, **self.current_filters())
        filtered = any(self.current_filters().values())
        if not self.model.rows:
            self.empty_label.setText(self.tr("No assessment matches the filter.") if filtered else
                                     self.tr("No assessments yet. Start one with “New assessment”."))
        self.empty_label.setVisible(not self.model.rows)
        self.filters_changed.emit()

    def load_filter_values(self, store) -> None:
        """Fill the outcome and destination filters with the values in the register."""
        for combo, column in ((self.outcome_filter, "outcome"), (self.destination_filter, "destination")):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in store.register.values(column):
                combo.addItem(value, value)
            i = combo.findData(current)
            combo.setCurrentIndex(max(0, i))
            combo.blockSignals(False)

    def select_id(self, assessment_id: int) -> bool:
        """Select the row of ``assessment_id`` when it is among the rows fetched."""
        for i, row in enumerate(self.model.rows):
            if row[0] == assessment_id:
                self.table.selectRow(i)
                return True
        return False

    def selected(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        idx = rows[0]
        return self.model.data(idx, ID_ROLE), self.model.data(idx, STATUS_ROLE)
