"""The quick check on a fresh install: no saved product, the definition asked inline, an early
"not a cyber-surveillance item", no risky default, the wizard's country picker, and every
answer carried into the full assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from test_gui_art5 import click
from test_gui_wizard import _type


def _open(qtbot, window):
    assert window.store.products.list() == []  # a fresh install: nothing saved
    assert window.register_view.buttons["quick_check"].isEnabled()
    click(qtbot, window.register_view.buttons["quick_check"])
    dlg = window.register.quick_check_dialog
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def _choose(qtbot, dlg, qid, value):
    w = dlg.item_widgets[qid]
    click(qtbot, w.findChild(QAbstractButton, f"choice:{value}"))


def test_a_firewall_from_an_empty_data_folder_is_not_in_scope(qtbot, window):
    dlg = _open(qtbot, window)
    assert dlg.new_product() and dlg.item_box.isVisible()
    assert dlg.end_user.currentData() is None, "no end-user type may be assumed"
    later = dlg.item_widgets["item.covert"]
    assert not later.isVisible()
    _choose(qtbot, dlg, "item.annex_i_listed", "no")
    _choose(qtbot, dlg, "item.commercial_purpose_only", "network_security")
    # at once, before the check runs: not a cyber-surveillance item; no further definition question
    assert dlg.verdict.isVisible() and "Not a cyber-surveillance item" in dlg.verdict.text()
    assert not dlg.item_widgets["item.specially_designed"].isVisible()
    _choose(qtbot, dlg, "authority.informed", "no")  # decisive too: an authority's word would outrank
    # the other lists and the awareness test decide too (questionnaire 1.1.0): asked, never assumed
    for qid in ("item.military_listed", "item.national_list", "enduse.art4", "enduse.aware"):
        if qid in dlg.item_widgets:
            assert dlg.item_widgets[qid].isVisible(), qid
            _choose(qtbot, dlg, qid, "no")
    assert dlg.member_state.code() is None  # no profile yet: asked here, not assumed
    _type(qtbot, dlg.member_state.lineEdit(), "Germany")
    _type(qtbot, dlg.product_name, "NetGuard firewall 5")
    line = dlg.destination.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Brazil")
    qtbot.keyClick(QApplication.focusWidget() or line, Qt.Key.Key_Return)
    assert dlg.destination.code() == "BR"
    _type(qtbot, dlg.customer, "Loja Segura Ltda")
    click(qtbot, dlg.run_button)
    assert dlg.error.isHidden(), dlg.error.text()
    r = dlg.result
    assert r.outcome == "NOT_IN_SCOPE"
    assert r.title in dlg.output.toPlainText() and "NOT_IN_SCOPE" not in dlg.output.toPlainText()
    # it grows into the full assessment with every answer
    answers = window.store.answers(r.assessment_id)
    assert answers["item.annex_i_listed"] == "no"
    assert answers["item.commercial_purpose_only"] == "network_security"
    assert answers["item.name"] == "NetGuard firewall 5"
    assert answers["export.member_state"] == "DE"
    assert answers["export.destination_country"] == "BR"
    assert answers["parties.list"][0]["name"] == "Loja Segura Ltda"
    assert "enduse.end_user_type" not in answers
    click(qtbot, dlg.continue_button)
    qtbot.waitUntil(lambda: window.wizard is not None and window.stack.currentWidget() is window.wizard)
    wizard = window.wizard
    assert wizard.session.assessment_id == r.assessment_id
    assert wizard.flow.answers["item.commercial_purpose_only"] == "network_security"
    assert wizard.result().outcome == "NOT_IN_SCOPE"


def test_a_surveillance_tool_is_not_cleared_early(qtbot, window):
    """Every element met: no early verdict, and the check does not come back NOT_IN_SCOPE."""
    dlg = _open(qtbot, window)
    for qid, value in (("item.annex_i_listed", "no"), ("item.commercial_purpose_only", "none"),
                       ("item.specially_designed", "yes"), ("item.covert", "yes"), ("item.natural_persons", "yes")):
        _choose(qtbot, dlg, qid, value)
        assert not dlg.verdict.isVisible()
    click(qtbot, dlg.item_widgets["item.data_operations"].boxes["monitoring"])
    _choose(qtbot, dlg, "item.ict_source", "yes")
    _choose(qtbot, dlg, "authority.informed", "no")
    assert not dlg.verdict.isVisible()
    _type(qtbot, dlg.member_state.lineEdit(), "AT")
    _type(qtbot, dlg.product_name, "TraceView 5")
    _type(qtbot, dlg.destination.lineEdit(), "BR")
    _type(qtbot, dlg.customer, "Policia Exemplo")
    click(qtbot, dlg.run_button)
    assert dlg.result.outcome != "NOT_IN_SCOPE"
    dlg.reject()


def test_the_product_name_is_asked_for_a_new_product(qtbot, window):
    dlg = _open(qtbot, window)
    _type(qtbot, dlg.member_state.lineEdit(), "DE")
    _type(qtbot, dlg.destination.lineEdit(), "BR")
    _type(qtbot, dlg.customer, "Loja Segura Ltda")
    click(qtbot, dlg.run_button)
    assert dlg.error.isVisible() and "product" in dlg.error.text()
    assert dlg.result is None
    dlg.reject()
