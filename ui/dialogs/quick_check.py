"""The quick check dialog: product, destination, end-user type and customer; the preliminary
outcome, destination measures, screening result and open questions in about a second. The
check is saved as a draft that grows into the full assessment ("Continue")."""

from __future__ import annotations

import html

from app.base import countries
from app.questionnaire import model as qmod

from ui.qt import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, Signal


class QuickCheckDialog(QDialog):
    continue_requested = Signal(int)
    checked = Signal(object)

    def __init__(self, store, parent=None, questionnaires_dir=None, locale: str = "en"):
        super().__init__(parent)
        self.setObjectName("quickCheck")
        self.setWindowTitle(self.tr("Quick check"))
        self.store = store
        self.locale = locale
        self.questionnaires_dir = questionnaires_dir
        self.qn = qmod.latest("art5", questionnaires_dir)
        self.result = None
        self.resize(720, 640)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("A first answer at the customer's table. It is saved as a draft: finish the full "
                               "assessment before the export."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.product = QComboBox()
        self.product.setObjectName("qcProduct")
        for p in store.products.list():
            self.product.addItem(f"{p.name} (v{p.current_version})", p.id)
        form.addRow(self.tr("&Product:"), self.product)
        self.destination = QComboBox()
        self.destination.setObjectName("qcDestination")
        self.destination.setEditable(True)
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.destination.addItem("", "")
        for code in sorted(countries.all_codes(), key=lambda c: countries.name(c, locale)):
            self.destination.addItem(f"{countries.name(code, locale)} ({code})", code)
        form.addRow(self.tr("&Destination:"), self.destination)
        self.end_user = QComboBox()
        self.end_user.setObjectName("qcEndUser")
        q = self.qn.question("enduse.end_user_type")
        for c in q.choices:
            self.end_user.addItem(c.text(locale), c.value)
        form.addRow(self.tr("&End user:"), self.end_user)
        self.customer = QLineEdit()
        self.customer.setObjectName("qcCustomer")
        self.customer.setPlaceholderText(self.tr("The customer's name, as on the order"))
        form.addRow(self.tr("&Customer:"), self.customer)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("qcError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("&Check"))
        self.run_button.setObjectName("qcRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.run_button)
        self.continue_button = QPushButton(self.tr("Con&tinue to the full assessment"))
        self.continue_button.setObjectName("qcContinue")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(lambda: self.continue_requested.emit(self.result.assessment_id))
        row.addWidget(self.continue_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        lay.addLayout(row)
        self.output = QTextBrowser()
        self.output.setObjectName("qcResult")
        lay.addWidget(self.output, 1)
        if not self.product.count():
            self._show_error(self.tr("The product library is empty: save a product from an assessment first "
                                     "(Register > Save the product to the library)."))
            self.run_button.setEnabled(False)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _destination_code(self) -> str:
        data = self.destination.currentData()
        text = self.destination.currentText().strip()
        if data and self.destination.itemText(self.destination.currentIndex()) == text:
            return data
        if len(text) == 2 and countries.is_country(text.upper()):
            return text.upper()
        i = self.destination.findText(text)
        return self.destination.itemData(i) if i >= 0 else ""

    def run(self) -> None:
        from app.assessment import quick_check
        from app.assessment.flow import AnswerError

        dest = self._destination_code()
        if not dest:
            self._show_error(self.tr("Choose the destination country."))
            return
        if not self.customer.text().strip():
            self._show_error(self.tr("Enter the customer's name."))
            return
        self._show_error("")
        try:
            self.result = quick_check.run(
                self.store, profile_id=self.product.currentData(), destination=dest,
                end_user_type=self.end_user.currentData(), customer=self.customer.text(), locale=self.locale,
                questionnaires_dir=self.questionnaires_dir, qn=self.qn)
        except AnswerError as exc:
            self._show_error(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._show_error(str(exc))
            return
        self.output.setHtml(self._html(self.result))
        self.continue_button.setEnabled(True)
        self.checked.emit(self.result)

    def _html(self, r) -> str:
        e = html.escape
        parts = [f"<h3>{e(self.tr('Preliminary outcome'))}: {e(r.outcome)}</h3>", f"<p><b>{e(r.title)}</b></p>",
                 f"<p>{e(r.summary)}</p>"]
        if r.provisional:
            parts.append(f"<p><i>{e(self.tr('Provisional: questions below are still open.'))}</i></p>")
        for fid in getattr(r, "flags", []):
            parts.append(f"<p style='color:#8a4b00'>{e(r.flag_texts.get(fid, fid))}</p>")
        parts.append(f"<h4>{e(self.tr('Destination measures'))}</h4>")
        if r.measures:
            parts.append("<ul>" + "".join(
                f"<li><b>{e(m['title'])}</b> ({e(m['act'])}){' — ' + e(self.tr('not yet checked against the Official Journal')) if m['to_verify'] else ''}"
                f"<br/>{e(m['text'])}</li>" for m in r.measures) + "</ul>")
        else:
            parts.append(f"<p>{e(self.tr('No EU measure for this destination in the reference data.'))}</p>")
        parts.append(f"<h4>{e(self.tr('Screening'))}</h4><p>{e(str(r.screening.get('text', '')))}</p>")
        parts.append(f"<h4>{e(self.tr('Open questions'))} ({len(r.open_questions)})</h4>")
        parts.append("<ul>" + "".join(f"<li>{e(q['label'])}</li>" for q in r.open_questions[:15]) + "</ul>")
        if len(r.open_questions) > 15:
            parts.append(f"<p>{e(self.tr('… and %1 more.').replace('%1', str(len(r.open_questions) - 15)))}</p>")
        parts.append(f"<p>{e(self.tr('Saved as draft %1.').replace('%1', r.reference))}</p>")
        return "".join(parts)
