"""The Team menu of the main window (a small hook: the screens are in ui.dialogs.team)."""

from __future__ import annotations

from ui.qt import QAction, QMessageBox


def build_team_menu(window) -> None:
    m = window.menuBar().addMenu(window.tr("&Team"))
    overview = QAction(window.tr("Team &register and reminders…"), window)
    overview.setObjectName("teamOverviewAction")
    overview.triggered.connect(lambda: _overview(window))
    m.addAction(overview)
    followup = QAction(window.tr("&After the notification…"), window)
    followup.setObjectName("followUpAction")
    followup.triggered.connect(lambda: _selected(window, "followup"))
    m.addAction(followup)
    review = QAction(window.tr("Re&view…"), window)
    review.setObjectName("reviewAction")
    review.triggered.connect(lambda: _selected(window, "review"))
    m.addAction(review)


def _overview(window) -> None:
    from ui.dialogs.team import TeamOverviewDialog

    if window.store is None:
        return
    window._team_dialog = TeamOverviewDialog(window.store, window.data_dir, window)
    window._team_dialog.open()


def _selected(window, which: str) -> None:
    from ui.dialogs.team import FollowUpDialog, ReviewDialog

    sel = window._selected()
    if window.store is None or sel is None:
        QMessageBox.information(window, window.tr("Team"), window.tr("Select an assessment in the register first."))
        return
    try:
        dlg = (FollowUpDialog if which == "followup" else ReviewDialog)(window.store, sel[0], window)
    except Exception as exc:  # noqa: BLE001 - e.g. a draft has no follow-up: said in plain words
        QMessageBox.warning(window, window.tr("Team"), str(exc))
        return
    window._team_dialog = dlg
    dlg.open()


def show_reminders(window) -> None:
    """In the status bar when the register opens: how many notified exports wait for an
    authority and how many of them are overdue (Team > Team register lists them)."""
    from app.storage.followup import FollowUps

    try:
        items = FollowUps(window.store).open_items()
    except Exception:  # noqa: BLE001 - a reminder must never stop the register from opening
        return
    if not items:
        return
    overdue = sum(1 for st in items if st.overdue)
    text = window.tr("%1 notified export(s) wait for an authority (%2 overdue): Team > Team register") \
        .replace("%1", str(len(items))).replace("%2", str(overdue))
    window.statusBar().showMessage(text)
