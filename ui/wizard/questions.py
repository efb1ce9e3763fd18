"""One widget per question type. A widget shows a question and reports what the user
entered (``edited`` signal with the raw value); it never decides anything itself."""

from __future__ import annotations

from typing import Any

from app.base import countries
from app.base.i18n import tr_data
from app.questionnaire.model import Question

from ui.qt import QAbstractButton, QButtonGroup, QCheckBox, QComboBox, QCompleter, QDate, QDateEdit, QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton, Qt, QTimer, QVBoxLayout, QWidget, Signal

TEXT_DEBOUNCE_MS = 400


class QuestionWidget(QFrame):
    """Label, hint, the input, and an inline error line."""

    edited = Signal(str, object)  # question id, raw value

    def __init__(self, question: Question, locale: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.locale = locale
        self.setObjectName(f"q:{question.id}")
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 10)
        lay.setSpacing(4)
        self.label = QLabel(tr_data(question.label, locale))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setObjectName("questionLabel")
        f = self.label.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.08)
        self.label.setFont(f)
        lay.addWidget(self.label)
        hint = tr_data(question.hint, locale)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("questionHint")
        self.hint.setVisible(bool(hint))
        lay.addWidget(self.hint)
        self.error = QLabel("")
        self.error.setObjectName("questionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setVisible(False)
        lay.addWidget(self.error)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 2, 0, 0)
        lay.addWidget(self.body)
        self.build()
        self.label.setBuddy(self.focus_target())
        self.describe()

    def describe(self) -> None:
        """Accessible name and description: the question, and the help's first sentence."""
        from ui.wizard.view import first_sentence

        label = tr_data(self.question.label, self.locale)
        help_text = first_sentence(tr_data(self.question.help, self.locale) or tr_data(self.question.hint, self.locale))
        target = self.focus_target()
        if not isinstance(target, QAbstractButton):  # buttons are named by their own text
            target.setAccessibleName(label)
        target.setAccessibleDescription(help_text)
        for b in self.findChildren(QAbstractButton):
            if not b.accessibleDescription():
                b.setAccessibleDescription(label + (" " + help_text if help_text else ""))

    # subclasses --------------------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.body

    # shared ------------------------------------------------------------------------------
    def load(self, value: Any) -> None:
        self._loading = True
        try:
            self.set_value(value)
        finally:
            self._loading = False

    def emit(self, value: Any) -> None:
        if not self._loading:
            self.edited.emit(self.question.id, value)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def flush(self) -> None:
        """Send any edit that is still waiting (text debounce)."""


class _OptionLabel(QLabel):
    """An option's text beside its radio button or check box, wrapping to the width available
    (a button's own text never wraps: long options made pages wider than a small screen).
    Clicking the text clicks the button, as clicking a button's own text would."""

    def __init__(self, text: str, button: QAbstractButton):
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.click()
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def option_row(button: QAbstractButton, text: str) -> QWidget:
    """A button with no text of its own and its wrapping label; the text is the button's
    accessible name."""
    row = QWidget()
    row.setObjectName("option")
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(6)
    button.setAccessibleName(text)
    lay.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    label = _OptionLabel(text, button)
    lay.addWidget(label, 1)
    button.option_label = label
    return row


class ChoiceWidget(QuestionWidget):
    """yes_no, yes_no_unsure and single_choice: radio buttons (arrow keys move, space picks)."""

    def build(self) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        horizontal = self.question.type in ("yes_no", "yes_no_unsure")
        row = QHBoxLayout() if horizontal else QVBoxLayout()
        row.setSpacing(16 if horizontal else 4)
        for c in self.question.choices:
            text = c.text(self.locale)
            b = QRadioButton(text if horizontal else "")  # yes/no/unsure are short; other options wrap
            b.setObjectName(f"choice:{c.value}")
            help_text = tr_data(c.help, self.locale)
            if help_text:
                b.setToolTip(help_text)
            self.group.addButton(b)
            self.buttons[c.value] = b
            row.addWidget(b if horizontal else option_row(b, text))
            b.toggled.connect(lambda on, v=c.value: on and self.emit(v))
            b.installEventFilter(self)
        if horizontal:
            row.addStretch(1)
        self.body_layout.addLayout(row)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """Arrow keys move within the options and choose the one they reach (also when none
        was chosen yet, where Qt would only move the focus)."""
        from ui.qt import QEvent

        if event.type() == QEvent.Type.KeyPress and obj in self.buttons.values() and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(event.key())
            if step is not None:
                buttons = [b for b in self.buttons.values() if b.isEnabled()]
                if buttons:
                    i = buttons.index(obj) if obj in buttons else 0
                    target = buttons[(i + step) % len(buttons)]
                    target.setFocus(Qt.FocusReason.TabFocusReason)
                    if not target.isChecked():
                        target.setChecked(True)
                return True
        return super().eventFilter(obj, event)

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for v, b in self.buttons.items():
            b.setChecked(v == value)
        self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        checked = next((b for b in self.buttons.values() if b.isChecked()), None)
        return checked or next(iter(self.buttons.values()))


class MultiChoiceWidget(QuestionWidget):
    """Check boxes, plus "None of these" so that an empty answer is a deliberate one."""

    def build(self) -> None:
        self.boxes: dict[str, QCheckBox] = {}
        for c in self.question.choices:
            b = QCheckBox()
            b.setObjectName(f"choice:{c.value}")
            help_text = tr_data(c.help, self.locale)
            if help_text:
                b.setToolTip(help_text)
            self.boxes[c.value] = b
            self.body_layout.addWidget(option_row(b, c.text(self.locale)))
            b.toggled.connect(self._changed)
        self.none_box = QCheckBox(self.tr("None of these"))
        self.none_box.setObjectName("choice:__none__")
        self.body_layout.addWidget(self.none_box)
        self.none_box.toggled.connect(self._none_changed)

    def _none_changed(self, on: bool) -> None:
        if self._loading:
            return
        if on:
            self._loading = True
            for b in self.boxes.values():
                b.setChecked(False)
            self._loading = False
            self.emit([])
        elif not any(b.isChecked() for b in self.boxes.values()):
            self.emit(None)

    def _changed(self, _on: bool) -> None:
        if self._loading:
            return
        chosen = [v for v, b in self.boxes.items() if b.isChecked()]
        if chosen and self.none_box.isChecked():
            self._loading = True
            self.none_box.setChecked(False)
            self._loading = False
        self.emit(chosen if chosen else None)

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for v, b in self.boxes.items():
            b.setChecked(v in chosen)
        self.none_box.setChecked(value == [])

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()), self.none_box)


class TextWidget(QuestionWidget):
    """Free text; saved shortly after typing stops and when the field loses focus."""

    def build(self) -> None:
        if self.question.multiline:
            self.edit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
            self.edit.setMinimumHeight(90)
            self.edit.setMaximumHeight(160)
            self.edit.textChanged.connect(self._typed)
        else:
            self.edit = QLineEdit()
            self.edit.setMaxLength(self.question.max_length)
            self.edit.textEdited.connect(self._typed)
            self.edit.editingFinished.connect(self.flush)
        self.edit.setObjectName("input")
        self.body_layout.addWidget(self.edit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TEXT_DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)
        self._last_sent: Any = object()

    def _text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def _typed(self, *_a) -> None:
        if not self._loading:
            self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        text = self._text()
        if text != self._last_sent:
            self._last_sent = text
            self.emit(text)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.flush()
        super().focusOutEvent(event)

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        self._last_sent = text
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)

    def focus_target(self) -> QWidget:
        return self.edit


class NumberWidget(TextWidget):
    """A number as the language writes it: "1.000,5" in German is one thousand and a half
    (read as 1.0005 by a plain parser: a wrong quantity without a word), "1,000.5" in English."""

    def emit(self, value: Any) -> None:
        if isinstance(value, str) and value.strip():
            from ui.qt import QLocale

            loc = QLocale()
            text = value.strip().replace(" ", "").replace("\u00a0", "")
            number, ok = loc.toDouble(text)
            if ok:
                whole = number.is_integer() and loc.decimalPoint() not in text
                value = int(number) if whole else number
        super().emit(value)

    def set_value(self, value: Any) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            from ui.qt import QLocale

            loc = QLocale()
            text = loc.toString(value) if isinstance(value, int) else loc.toString(float(value), "g", 15)
            self._last_sent = text
            self.edit.setText(text)
            return
        super().set_value(value)

    def build(self) -> None:
        super().build()
        unit = tr_data(self.question.unit, self.locale)
        if unit:
            self.body_layout.removeWidget(self.edit)
            row = QHBoxLayout()
            row.addWidget(self.edit, 0)
            row.addWidget(QLabel(unit))
            row.addStretch(1)
            self.body_layout.addLayout(row)
        self.edit.setMaximumWidth(220)


def country_label(code: str, locale: str = "en") -> str:
    return f"{countries.name(code, locale)} ({code})"


class CountryCombo(QComboBox):
    """An editable combo box with type-to-filter completion; value is the ISO code.

    ``committed`` fires when the user is done with the field: Enter, a pick from the list or
    the popup, or leaving the field (Tab works even while the completion popup is open)."""

    committed = Signal()

    def __init__(self, codes: list[str], parent: QWidget | None = None, locale: str | None = None):
        super().__init__(parent)
        from ui import i18n

        self.locale = i18n.data_locale(locale or i18n.current())
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        from ui.qt import QCollator, QLocale

        from functools import cmp_to_key

        collator = QCollator(QLocale(self.locale))  # "Österreich" sorts with the O's in German
        key = cmp_to_key(collator.compare)
        for code in sorted(codes, key=lambda c: key(countries.name(c, self.locale))):
            self.addItem(country_label(code, self.locale), code)
        comp = self.completer()
        comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lineEdit().setPlaceholderText(self.tr("Type to search, e.g. Germany or DE"))
        self.setMinimumWidth(320)
        self.activated.connect(lambda _i: self.committed.emit())
        self.lineEdit().editingFinished.connect(self.committed.emit)
        comp.activated.connect(lambda _text: self.committed.emit())
        comp.popup().installEventFilter(self)
        from ui.qt import QApplication

        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old, new) -> None:
        if old is None or new is None:
            return
        popup = self.completer().popup()
        mine = (self, self.lineEdit(), popup)
        if old in mine and new not in mine and not self.isAncestorOf(new):
            popup.hide()
            self.committed.emit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        from ui.qt import QEvent

        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            obj.hide()
            self.committed.emit()
            if event.key() == Qt.Key.Key_Tab:
                self.focusNextChild()
            else:
                self.focusPreviousChild()
            return True
        return super().eventFilter(obj, event)

    def code(self) -> str | None:
        """The ISO code for what is typed: a list entry, a code, a name, or a unique match."""
        text = self.currentText().strip()
        if not text:
            return None
        idx = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if idx >= 0:
            return self.itemData(idx) or None
        if len(text) == 2 and self.findData(text.upper()) >= 0:
            return text.upper()
        lowered = text.casefold()
        matches = []
        for i in range(1, self.count()):
            code = self.itemData(i)
            names = {countries.name(code, self.locale).casefold(), countries.name(code).casefold()}
            if lowered in names:
                return code
            if any(lowered in n for n in names):
                matches.append(code)
        if len(matches) == 1:
            return matches[0]
        return text  # let validation name the problem

    def set_code(self, code: str | None) -> None:
        idx = self.findData(code or "")
        self.setCurrentIndex(max(idx, 0))
        if idx < 0 and code:
            self.setEditText(code)


class CountryWidget(QuestionWidget):
    def build(self) -> None:
        codes = list(self.question.countries) if self.question.countries else countries.all_codes()
        self.combo = CountryCombo(codes)
        self.combo.setObjectName("input")
        self.combo.committed.connect(self._finished)
        self._last: Any = object()
        row = QHBoxLayout()
        row.addWidget(self.combo)
        row.addStretch(1)
        self.body_layout.addLayout(row)

    def _finished(self) -> None:
        code = self.combo.code()
        if code != self._last:
            self._last = code
            self.emit(code)

    def set_value(self, value: Any) -> None:
        self._last = value
        self.combo.set_code(value)

    def focus_target(self) -> QWidget:
        return self.combo


class DateWidget(TextWidget):
    """A date typed as YYYY-MM-DD (checked inline), or picked from a calendar."""

    def build(self) -> None:
        super().build()
        from ui.qt import QCalendarWidget, QMenu, QToolButton, QWidgetAction

        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setMaximumWidth(160)
        self.body_layout.removeWidget(self.edit)
        self.pick = QToolButton()
        self.pick.setObjectName("pickDate")
        self.pick.setText(self.tr("Calendar…"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget()
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.pick.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        row = QHBoxLayout()
        row.addWidget(self.edit)
        row.addWidget(self.pick)
        row.addStretch(1)
        self.body_layout.addLayout(row)

    def _picked(self, d: QDate) -> None:
        self.edit.setText(d.toString("yyyy-MM-dd"))
        self.pick.menu().hide()
        self.flush()

# the field types a group entry shows (a combo for choices, the country picker, a line for the rest)
GROUP_FIELD_WIDGETS = {"single_choice": "QComboBox", "yes_no": "QComboBox", "country": "CountryCombo",
                       "text": "QLineEdit", "number": "QLineEdit", "date": "QLineEdit"}


class GroupRow(QFrame):
    changed = Signal()
    remove = Signal(object)

    def __init__(self, question: Question, locale: str, index: int):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"row:{index}")
        self.inputs: dict[str, Any] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        from ui.qt import QFormLayout

        form = QFormLayout()
        for f in question.fields:
            label = tr_data(f.label, locale) + ("" if f.required else " " + self.tr("(optional)"))
            if f.type == "single_choice" or f.type == "yes_no":
                w = QComboBox()
                w.addItem("", "")
                for c in f.choices:
                    w.addItem(c.text(locale), c.value)
                w.currentIndexChanged.connect(lambda _i: self.changed.emit())
            elif f.type == "country":
                codes = list(f.countries) if f.countries else countries.all_codes()
                w = CountryCombo(codes)
                w.committed.connect(self.changed.emit)
            elif f.type not in GROUP_FIELD_WIDGETS:
                raise KeyError(f"no widget for the group field type {f.type!r}")
            else:
                w = QLineEdit()
                w.editingFinished.connect(self.changed.emit)
            w.setObjectName(f"field:{f.id}")
            self.inputs[f.id] = w
            form.addRow(label, w)
        lay.addLayout(form)
        rm = QPushButton(self.tr("Remove this entry"))
        rm.setObjectName("removeRow")
        rm.setAccessibleName(self.tr("Remove entry %1").replace("%1", str(index + 1)))
        self.remove_button = rm
        rm.clicked.connect(lambda: self.remove.emit(self))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(rm)
        lay.addLayout(row)

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for fid, w in self.inputs.items():
            if isinstance(w, CountryCombo):
                out[fid] = w.code()
            elif isinstance(w, QComboBox):
                out[fid] = w.currentData() or None
            else:
                out[fid] = w.text().strip() or None
        return out

    def set_value(self, value: dict[str, Any]) -> None:
        for fid, w in self.inputs.items():
            v = value.get(fid)
            w.blockSignals(True)
            if isinstance(w, CountryCombo):
                w.set_code(v)
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(w.findData(v or ""), 0))
            else:
                w.setText("" if v is None else str(v))
            w.blockSignals(False)


class GroupWidget(QuestionWidget):
    """A repeating group (e.g. the parties): one small form per entry. Removing an entry can be
    undone (a bar with "Undo" takes the focus), so Space on "Remove this entry" loses nothing."""

    def build(self) -> None:
        self.rows: list[GroupRow] = []
        self.removed: tuple[int, dict[str, Any]] | None = None
        self.rows_box = QVBoxLayout()
        self.body_layout.addLayout(self.rows_box)
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        ub = QHBoxLayout(self.undo_bar)
        ub.setContentsMargins(0, 0, 0, 0)
        self.undo_label = QLabel("")
        self.undo_label.setWordWrap(True)
        ub.addWidget(self.undo_label, 1)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setObjectName("undoRemove")
        self.undo_button.clicked.connect(self.undo_remove)
        ub.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.body_layout.addWidget(self.undo_bar)
        self.add_button = QPushButton(self.tr("Add an entry"))
        self.add_button.setObjectName("addRow")
        self.add_button.clicked.connect(self._add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self._chain_start = self.undo_button.previousInFocusChain()  # where the group's fields begin

    def _add_row(self, value: dict[str, Any] | None = None, at: int | None = None) -> GroupRow:
        at = len(self.rows) if at is None else at
        r = GroupRow(self.question, self.locale, at)
        if value:
            r.set_value(value)
        r.changed.connect(self._changed)
        r.remove.connect(self._remove)
        self.rows.insert(at, r)
        self.rows_box.insertWidget(at, r)
        self._fix_tab_order()
        return r

    def _fix_tab_order(self) -> None:
        """Tab goes through the entries in their order on the screen, then Undo and Add (a row
        made later would otherwise join the focus chain at the end of the window)."""
        chain = [w for r in self.rows for w in (*r.inputs.values(), r.remove_button)]
        chain += [self.undo_button, self.add_button]
        prev = self._chain_start
        for w in chain:
            if prev is not None:
                QWidget.setTabOrder(prev, w)
            prev = w

    def _add_clicked(self) -> None:
        r = self._add_row()
        first = next(iter(r.inputs.values()))
        first.setFocus()

    def _remove(self, row: GroupRow) -> None:
        at = self.rows.index(row)
        value = row.value()
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.removed = (at, value)
        name = next((str(v) for v in value.values() if v), "")
        self.undo_label.setText(self.tr("Entry %1 removed%2.").replace("%1", str(at + 1))
                                .replace("%2", f" ({name})" if name else ""))
        self.undo_bar.show()
        self.undo_button.setFocus()
        self._changed()

    def undo_remove(self) -> None:
        if self.removed is None:
            return
        at, value = self.removed
        self.removed = None
        self.undo_bar.hide()
        r = self._add_row(value, at=min(at, len(self.rows)))
        next(iter(r.inputs.values())).setFocus()
        self._changed()

    def _changed(self) -> None:
        self.emit([r.value() for r in self.rows])

    def set_value(self, value: Any) -> None:
        for r in list(self.rows):
            r.setParent(None)
            r.deleteLater()
        self.rows = []
        self.removed = None
        self.undo_bar.hide()
        for item in value or []:
            self._add_row(item)

    def focus_target(self) -> QWidget:
        return self.add_button


WIDGETS = {
    "yes_no": ChoiceWidget,
    "yes_no_unsure": ChoiceWidget,
    "single_choice": ChoiceWidget,
    "multi_choice": MultiChoiceWidget,
    "text": TextWidget,
    "number": NumberWidget,
    "country": CountryWidget,
    "date": DateWidget,
    "group": GroupWidget,
}


def make_widget(question: Question, locale: str = "en", parent: QWidget | None = None) -> QuestionWidget:
    return WIDGETS[question.type](question, locale, parent)
