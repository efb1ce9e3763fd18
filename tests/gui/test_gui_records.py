"""The register page and the quick check through their real widgets."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from app.questionnaire import model as questionnaire
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.register.page import ID_ROLE, PAGE

from test_gui_wizard import _click, _type


@pytest.fixture(autouse=True)
def seeded(data_dir):
    s = Store.open(data_dir)
    qn = questionnaire.latest("art5")
    src = s.create_assessment("art5", qn.version, title="Netwatch deal")
    s.save_answers(src.id, {"item.name": "Netwatch", "item.version": "4", "item.annex_i_listed": "no",
                            "item.commercial_purpose_only": "none", "item.specially_designed": "yes",
                            "item.covert": "yes", "item.natural_persons": "yes",
                            "item.data_operations": ["monitoring"], "item.ict_source": "yes",
                            "export.member_state": "DE", "export.destination_country": "FR"})
    s.products.save("Netwatch", s.answers(src.id))
    s.close()
    return data_dir


def test_quick_check_through_the_real_widgets(qtbot, window):
    _click(qtbot, window.register_view.buttons["quick_check"])
    dlg = window.register.quick_check_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.product.currentText().startswith("Netwatch")
    _type(qtbot, dlg.member_state.lineEdit(), "DE")  # the company profile names none here
    dlg.destination.setFocus()
    dlg.destination.lineEdit().selectAll()
    _type(qtbot, dlg.destination.lineEdit(), "IR")
    dlg.end_user.setCurrentIndex(dlg.end_user.findData("gov_police_security"))
    _type(qtbot, dlg.customer, "Tehran Telecom Security")
    _click(qtbot, dlg.run_button)
    assert dlg.error.isHidden(), dlg.error.text()
    text = dlg.output.toPlainText()
    r = dlg.result
    assert f"Preliminary outcome: {r.title}" in text and r.outcome not in text  # words, not the id
    assert "Iran" in text or "monitoring" in text.lower()  # the destination measure for Iran is shown
    assert "Screening" in text and "Open questions" in text
    # saved as a draft with the product's answers and the deal's answers
    a = window.store.get(r.assessment_id)
    answers = window.store.answers(a.id)
    assert a.status == "draft" and a.origin == "quick_check" and a.product_profile_id
    assert answers["item.covert"] == "yes" and answers["export.destination_country"] == "IR"
    assert answers["parties.list"][0]["name"] == "Tehran Telecom Security"
    # it grows into the full assessment
    _click(qtbot, dlg.continue_button)
    qtbot.waitUntil(lambda: window.wizard is not None and window.stack.currentWidget() is window.wizard)
    assert window.wizard.session.assessment_id == a.id
    window.close_wizard()
    assert any(row[0] == a.id for row in window.register_view.model.rows)


def test_quick_check_asks_for_the_customer(qtbot, window):
    window.register.open_quick_check()
    dlg = window.register.quick_check_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.member_state.set_code("DE")
    dlg.destination.setCurrentIndex(dlg.destination.findData("CN"))
    _click(qtbot, dlg.run_button)
    assert dlg.error.isVisible() and "customer" in dlg.error.text()
    assert dlg.result is None
    dlg.reject()


def test_register_filters_and_pages(qtbot, window):
    s = window.store
    for i in range(PAGE + 30):
        a = s.create_assessment("art5", "1.0.0", title="Deal Zanzibar" if i == 17 else f"Deal {i}")
        if i % 50 == 0:
            s.save_answer(a.id, "export.destination_country", "CN")
    window.refresh_register()
    view = window.register_view
    assert view.table.rowCount() == PAGE  # one page at first
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.table.rowCount() > PAGE)
    view.destination_filter.setCurrentIndex(view.destination_filter.findData("CN"))
    assert view.table.rowCount() == 5
    view.destination_filter.setCurrentIndex(0)
    _type(qtbot, view.search, "zanzi")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=2000)
    view.table.selectRow(0)
    sel = view.selected()
    assert sel is not None and s.get(sel[0]).title == "Deal Zanzibar"
    assert view.model.data(view.model.index(0, 0), ID_ROLE) == sel[0]
    assert window.register_view.buttons["duplicate"].isEnabled()
    assert not window.register_view.buttons["amend"].isEnabled()  # a draft is edited, not amended


def test_a_drafts_title_is_given_in_the_register_and_audited(qtbot, window, monkeypatch):
    """The register's Title column is the user's own words: 'Title…' on a selected draft asks for
    them (names in any script), the register shows them, the audit trail keeps the change; a
    finished assessment's title is in its report and is not changed."""
    from ui.qt import QInputDialog

    s = window.store
    a = s.create_assessment("art5", "1.1.0")
    window.refresh_register()
    view = window.register_view
    assert view.select_id(a.id)
    button = view.buttons["title"]
    assert button.isEnabled()
    asked = {}

    def answer(parent, title, label, mode, text):
        asked.update(title=title, text=text)
        return "Order 42 – 北京客户 / شركة الاتصالات\u202e", True
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    qtbot.mouseClick(button, Qt.LeftButton)
    assert a.reference in asked["title"] and asked["text"] == ""
    assert s.get(a.id).title == "Order 42 – 北京客户 / شركة الاتصالات"  # the bidi override is not kept
    row = next(r for r in range(view.table.rowCount())
               if view.model.data(view.model.index(r, 0), ID_ROLE) == a.id)
    assert "北京客户" in view.model.data(view.model.index(row, 1))
    assert any(e.kind == "title" for e in s.audit.events(a.id))

    s.finish(a.id, "NOT_IN_SCOPE")
    window.refresh_register()
    view.select_id(a.id)
    assert not button.isEnabled()
