"""The quick check dialog: product, destination, end-user type and customer; the preliminary
outcome, destination measures, screening result and open questions in about a second. The
check is saved as a draft that grows into the full assessment ("Continue").

It works from nothing: without a saved product, the item's classification and the definition
questions are asked inline with the wizard's own question widgets, and a failed definition says
at once that the item is not a cyber-surveillance item. No field starts on an answer the user
did not give (the end user starts empty)."""

from __future__ import annotations

import html
from typing import Any

from app.assessment.flow import AnswerError, Flow, normalise
from app.base import countries
from app.questionnaire import model as qmod

from ui.qt import (QComboBox, QDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                   QScrollArea, Qt, QTextBrowser, QVBoxLayout, QWidget, Signal)
from ui.wizard.questions import CountryCombo, QuestionWidget, make_widget

NEW_PRODUCT = -1  # the product combo's entry for a product described here


class QuickCheckDialog(QDialog):
    continue_requested = Signal(int)
    checked = Signal(object)

    def __init__(self, store, parent=None, questionnaires_dir=None, locale: str = "en"):
        super().__init__(parent)
        from app.assessment.quick_check import definition_questions
        from ui import i18n

        self.setObjectName("quickCheck")
        self.setWindowTitle(self.tr("Quick check"))
        self.store = store
        self.locale = locale
        self.data_locale = i18n.data_locale(locale)
        self.questionnaires_dir = questionnaires_dir
        self.qn = qmod.latest("art5", questionnaires_dir)
        self.flow = Flow(self.qn)
        self.result = None
        self.item_widgets: dict[str, QuestionWidget] = {}
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("A first answer at the customer's table. It is saved as a draft: finish the full "
                               "assessment before the export."))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        # the questions scroll (one scroll area); the result below has its own view
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, 8, 0)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.product = QComboBox()
        self.product.setObjectName("qcProduct")
        for p in store.products.list():
            self.product.addItem(f"{p.name} (v{p.current_version})", p.id)
        self.product.addItem(self.tr("A new product (describe it below)"), NEW_PRODUCT)
        self.product.currentIndexChanged.connect(lambda _i: self._product_changed())
        product_label = QLabel(self.tr("&Product:"))
        product_label.setBuddy(self.product)
        form.addRow(product_label, self.product)
        self.product_name = QLineEdit()
        self.product_name.setObjectName("qcProductName")
        self.product_name.setPlaceholderText(self.tr("e.g. NetGuard firewall 5"))
        self.product_name_label = QLabel(self.tr("Product &name:"))
        self.product_name_label.setBuddy(self.product_name)
        form.addRow(self.product_name_label, self.product_name)
        self.destination = CountryCombo(countries.all_codes(), locale=self.data_locale)
        self.destination.setObjectName("qcDestination")
        self.destination.committed.connect(self._form_edited)
        destination_label = QLabel(self.tr("&Destination:"))
        destination_label.setBuddy(self.destination)
        form.addRow(destination_label, self.destination)
        self.member_state = CountryCombo(list(countries.EU27), locale=self.data_locale)
        self.member_state.setObjectName("qcMemberState")
        try:
            self.member_state.set_code(store.profile().member_state or None)  # from the company profile
        except Exception:  # noqa: BLE001 - a prefill is a convenience
            pass
        self.member_state.committed.connect(self._form_edited)
        member_state_label = QLabel(self.tr("Your &Member State:"))
        member_state_label.setBuddy(self.member_state)
        form.addRow(member_state_label, self.member_state)
        self.end_user = QComboBox()
        self.end_user.setObjectName("qcEndUser")
        self.end_user.addItem(self.tr("Not known yet"), None)  # never a default that assumes an answer
        q = self.qn.role_question("end_user_type")
        for c in q.choices if q is not None else ():
            self.end_user.addItem(c.text(self.data_locale), c.value)
        end_user_label = QLabel(self.tr("&End user:"))
        end_user_label.setBuddy(self.end_user)
        form.addRow(end_user_label, self.end_user)
        self.customer = QLineEdit()
        self.customer.setObjectName("qcCustomer")
        self.customer.setPlaceholderText(self.tr("The customer's name, as on the order"))
        customer_label = QLabel(self.tr("&Customer:"))
        customer_label.setBuddy(self.customer)
        form.addRow(customer_label, self.customer)
        body_lay.addLayout(form)

        self.item_box = QGroupBox(self.tr("The item"))
        self.item_box.setObjectName("qcItem")
        item_lay = QVBoxLayout(self.item_box)
        note = QLabel(self.tr("No saved product: these questions decide whether Article 5 can apply at all."))
        note.setWordWrap(True)
        item_lay.addWidget(note)
        for dq in definition_questions(self.qn):
            w = make_widget(dq, self.data_locale)
            w.edited.connect(self._item_edited)
            self.item_widgets[dq.id] = w
            item_lay.addWidget(w)
        self.verdict = QLabel("")
        self.verdict.setObjectName("qcVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict.hide()
        item_lay.addWidget(self.verdict)
        body_lay.addWidget(self.item_box)
        body_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("qcScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus; the view follows it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.scroll = scroll
        lay.addWidget(scroll, 3)

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
        self.output.setAccessibleName(self.tr("Result of the quick check"))
        self.output.hide()  # until there is a result: the questions get the room first
        lay.addWidget(self.output, 2)
        self._fit()
        self._form_edited()  # a Member State prefilled from the profile counts from the start
        self._product_changed()

    def _fit(self) -> None:
        from ui.qt import QGuiApplication

        screen = (self.parentWidget().screen() if self.parentWidget() else None) or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen else None
        w, h = 760, 680
        if avail is not None:
            w, h = min(w, avail.width() - 40), min(h, avail.height() - 60)
        self.resize(w, h)

    # -- the item, when no product is saved ---------------------------------------------------
    def new_product(self) -> bool:
        return self.product.currentData() == NEW_PRODUCT

    def _product_changed(self) -> None:
        new = self.new_product()
        self.item_box.setVisible(new)
        self.product_name.setVisible(new)
        self.product_name_label.setVisible(new)
        self._refresh_item()

    def _item_edited(self, qid: str, raw: Any) -> None:
        w = self.item_widgets[qid]
        try:
            value = normalise(self.qn.question(qid), raw)
        except AnswerError as exc:
            w.show_error(exc.message)
            return
        w.show_error("")
        self.flow.set_answer(qid, value)
        self._refresh_item()

    def _form_edited(self) -> None:
        """The destination and the Member State decide which item questions apply (a destination's
        monitoring regime or bans): the inline questions follow them."""
        from app.assessment.quick_check import FORM_ROLES

        for role, combo in zip(FORM_ROLES, (self.member_state, self.destination)):
            code = combo.code()
            qid = self.qn.roles.question_id(role)
            if qid is not None and code != self.flow.answers.get(qid):
                self.flow.set_answer(qid, code)
        self._refresh_item()

    def item_answers(self) -> dict[str, Any]:
        return {qid: self.flow.answers.get(qid) for qid, w in self.item_widgets.items()
                if not w.isHidden() and self.flow.answers.get(qid) is not None}

    def _refresh_item(self) -> None:
        """Show the definition questions that apply; stop with a clear verdict as soon as the
        definition fails."""
        from app.assessment.quick_check import definition_verdict

        verdict = definition_verdict(self.qn, self.flow.answers)
        for qid, w in self.item_widgets.items():
            w.setVisible(self.flow.is_relevant(self.qn.question(qid)))
        esc = html.escape
        if verdict == "not_in_scope":
            self.verdict.setText("<b>" + esc(self.tr("Not a cyber-surveillance item")) + "</b><br>" + esc(self.tr(
                "The item fails an element of the definition in Art. 2(20) of Regulation (EU) 2021/821, so "
                "Article 5 does not apply to it, unless your competent authority has informed you otherwise "
                "(the question below). Other controls may still apply: run the check to see them and to keep "
                "the reasoning.")))
            self.verdict.setStyleSheet("QLabel#qcVerdict { background: #e8f5e9; color: #1b5e20; padding: 6px; }")
        elif verdict == "listed":
            self.verdict.setText("<b>" + esc(self.tr("Listed in Annex I")) + "</b><br>" + esc(self.tr(
                "A listed item always needs an export authorisation; Article 5 is the catch-all for items that "
                "are not listed.")))
            self.verdict.setStyleSheet("QLabel#qcVerdict { background: #fff3e0; color: #8a4b00; padding: 6px; }")
        else:
            self.verdict.setText("")
        self.verdict.setVisible(bool(self.verdict.text()))

    # -- the check -----------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _destination_code(self) -> str:
        code = self.destination.code() or ""
        return code if countries.is_country(code) else ""

    def run(self) -> None:
        from app.assessment import quick_check

        for w in self.item_widgets.values():
            w.flush()
        dest = self._destination_code()
        if not dest:
            self._show_error(self.tr("Choose the destination country."))
            self.destination.setFocus()
            return
        member_state = self.member_state.code() or ""
        if member_state not in countries.EU27:
            self._show_error(self.tr("Choose your Member State (the EU country your company is established in)."))
            self.member_state.setFocus()
            return
        if not self.customer.text().strip():
            self._show_error(self.tr("Enter the customer's name."))
            self.customer.setFocus()
            return
        new = self.new_product()
        if new and not self.product_name.text().strip():
            self._show_error(self.tr("Enter the product's name."))
            self.product_name.setFocus()
            return
        self._show_error("")
        try:
            self.result = quick_check.run(
                self.store, profile_id=None if new else self.product.currentData(), destination=dest,
                end_user_type=self.end_user.currentData(), customer=self.customer.text(), locale=self.data_locale,
                member_state=member_state,
                questionnaires_dir=self.questionnaires_dir, qn=self.qn,
                item_answers=self.item_answers() if new else None, product_name=self.product_name.text())
        except AnswerError as exc:
            self._show_error(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._show_error(str(exc))
            return
        self.output.setHtml(self._html(self.result))
        self.output.show()
        self.continue_button.setEnabled(True)
        self.checked.emit(self.result)

    def _html(self, r) -> str:
        e = html.escape
        # the outcome in words (its title); the id stays in the register's data, not on screen
        parts = [f"<h3>{e(self.tr('Preliminary outcome'))}: {e(r.title)}</h3>", f"<p>{e(r.summary)}</p>"]
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
