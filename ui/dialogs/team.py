"""The team register's screens: an overview (who is connected and in which role, what waits for
an authority, sync conflicts, reviews that sent work back), the follow-up of one notified
assessment, and the officer's review. Thin: the rules are in app.storage.followup,
app.storage.reviews and app.transfer.sync; the database enforces the roles."""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path

from ui.qt import (
    QCheckBox, QComboBox, QDate, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
    QTextBrowser, QVBoxLayout, Qt, QColor,
)

RED = "#b00020"


def _error(parent, title: str, exc: Exception) -> None:
    QMessageBox.warning(parent, title, str(exc))


class TeamOverviewDialog(QDialog):
    """Reminders ("waiting for BAFA for 12 days"), sync conflicts and reviews that need work."""

    def __init__(self, store, data_dir: Path | None = None, parent=None, today: _dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("teamOverviewDialog")
        self.setWindowTitle(self.tr("Team register"))
        self.store = store
        self.data_dir = data_dir
        self.today = today or _dt.date.today()
        lay = QVBoxLayout(self)
        self.who = QLabel()
        self.who.setObjectName("teamWho")
        self.who.setWordWrap(True)
        lay.addWidget(self.who)

        box = QGroupBox(self.tr("Waiting for the authority"))
        bl = QVBoxLayout(box)
        self.reminders = QListWidget()
        self.reminders.setObjectName("teamReminders")
        bl.addWidget(self.reminders)
        lay.addWidget(box)

        box = QGroupBox(self.tr("Reviews that sent work back"))
        bl = QVBoxLayout(box)
        self.reviews = QListWidget()
        self.reviews.setObjectName("teamReviews")
        bl.addWidget(self.reviews)
        lay.addWidget(box)

        box = QGroupBox(self.tr("Synchronisation with the team register"))
        bl = QVBoxLayout(box)
        row = QHBoxLayout()
        self.url = QLineEdit()
        self.url.setObjectName("teamSyncUrl")
        self.url.setPlaceholderText("postgresql://USER@HOST:5432/art5?sslmode=verify-full")
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("teamSyncButton")
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(QLabel(self.tr("Team register:")))
        row.addWidget(self.url, 1)
        row.addWidget(self.sync_button)
        bl.addLayout(row)
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("teamConflicts")
        bl.addWidget(self.conflicts)
        lay.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(900, 620)
        self.refresh()

    def refresh(self) -> None:
        from app.storage import dialect_pg, reviews
        from app.storage.followup import FollowUps
        from app.storage.models_team import Submission
        from app.storage.team import role_of
        from sqlmodel import select

        s = self.store
        if s.is_team:
            role = {"officer": self.tr("compliance officer"), "assessor": self.tr("assessor"),
                    "auditor": self.tr("auditor (reads only)"), "owner": self.tr("database owner")}.get(role_of(s), "")
            self.who.setText(self.tr("Connected to the team register %1 as %2 (%3).")
                             .replace("%1", dialect_pg.display_url(s.engine))
                             .replace("%2", s.actor).replace("%3", role))
            self.url.setEnabled(False)
            self.sync_button.setEnabled(False)
            self.sync_button.setToolTip(self.tr("Sync runs on a laptop's own register"))
        else:
            self.who.setText(self.tr("This laptop's register (%1). Finished and signed assessments are pushed to "
                                     "the team register with Sync; products and trusted signers come back.")
                             .replace("%1", str(s.path)))
            if not self.url.text() and s.path is not None:  # the team register chosen in the settings
                from app.base.settings import Settings

                self.url.setText(Settings.load(s.path.parent).team_database_url)
        self.reminders.clear()
        for st in FollowUps(s).open_items(self.today):
            item = QListWidgetItem(st.line)
            if st.overdue:
                item.setForeground(QColor(RED))
                item.setText("⚠ " + st.line)
            self.reminders.addItem(item)
        if not self.reminders.count():
            self.reminders.addItem(self.tr("Nothing is waiting for an authority."))
        self.reviews.clear()
        refs = {}
        for aid, r in sorted(reviews.latest(s).items()):
            if r.decision == "approved":
                continue
            if aid not in refs:
                try:
                    refs[aid] = s.get(aid).reference
                except KeyError:
                    refs[aid] = f"#{aid}"
            item = QListWidgetItem(f"{refs[aid]}: {reviews.LABELS[r.decision]} by {r.reviewer} "
                                   f"({r.at[:10]}): {r.comment}")
            if r.decision == "rejected":
                item.setForeground(QColor(RED))
            self.reviews.addItem(item)
        if not self.reviews.count():
            self.reviews.addItem(self.tr("No review sent work back."))
        self.conflicts.clear()
        with s.session() as ses:
            for sub in ses.exec(select(Submission).where(Submission.status == "conflict").order_by(Submission.id)):
                from app.storage.models import Assessment

                there = ses.get(Assessment, sub.assessment_id) if sub.assessment_id else None
                item = QListWidgetItem(
                    self.tr("CONFLICT %1 (laptop's reference %2, from %3, %4): changed on two machines; the "
                            "laptop's version is kept beside it, not merged")
                    .replace("%1", there.reference if there else sub.uid[:8]).replace("%2", sub.reference)
                    .replace("%3", sub.source).replace("%4", sub.submitted_at[:10]))
                item.setForeground(QColor(RED))
                self.conflicts.addItem(item)

    def sync_now(self) -> None:
        from app.storage import dialect_pg
        from app.storage.store import Store
        from app.transfer.sync import sync

        url = self.url.text().strip()
        try:
            dialect_pg.check_url(url, from_command_line=True)  # no password typed into a field either
            team = Store.open_url(url)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was changed
            _error(self, self.tr("Sync"), exc)
            return
        try:
            report = sync(self.store, team)
        except Exception as exc:  # noqa: BLE001
            _error(self, self.tr("Sync"), exc)
            return
        finally:
            team.close()
        self.conflicts.clear()
        for line in report.lines():
            item = QListWidgetItem(line)
            if line.startswith(("CONFLICT", "REFUSED")):
                item.setForeground(QColor(RED))
            self.conflicts.addItem(item)


class FollowUpDialog(QDialog):
    """What happened after the notification of one assessment."""

    def __init__(self, store, assessment_id: int, parent=None, today: _dt.date | None = None):
        super().__init__(parent)
        from app.storage.followup import FollowUps

        self.setObjectName("followUpDialog")
        self.store = store
        self.assessment_id = assessment_id
        self.fu = FollowUps(store)
        self.today = today or _dt.date.today()
        a = store.get(assessment_id)
        self.setWindowTitle(self.tr("After the notification: %1").replace("%1", a.reference))
        lay = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("followUpStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.rule = QLabel()
        self.rule.setTextFormat(Qt.TextFormat.PlainText)
        self.rule.setWordWrap(True)
        lay.addWidget(self.rule)

        sent = QGroupBox(self.tr("Notification sent"))
        f = QFormLayout(sent)
        self.sent_on = QDateEdit()
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.channel = QComboBox()
        for value, label in (("portal", self.tr("authority's portal")), ("email", self.tr("e-mail")),
                             ("post", self.tr("post")), ("fax", self.tr("fax")),
                             ("in_person", self.tr("in person")), ("other", self.tr("other"))):
            self.channel.addItem(label, value)
        self.authority_ref = QLineEdit()
        self.authority_ref.setObjectName("followUpRef")
        f.addRow(self.tr("Sent on:"), self.sent_on)
        f.addRow(self.tr("Channel:"), self.channel)
        f.addRow(self.tr("Authority's reference:"), self.authority_ref)
        b = QPushButton(self.tr("Record as &sent"))
        b.setObjectName("followUpSent")
        b.clicked.connect(self.record_sent)
        f.addRow(b)
        lay.addWidget(sent)

        reply = QGroupBox(self.tr("The authority's answer"))
        f = QFormLayout(reply)
        self.decision = QComboBox()
        self.decision.setObjectName("followUpDecision")
        for value, label in (("licence_required", self.tr("licence required")),
                             ("licence_not_required", self.tr("licence not required")),
                             ("no_decision", self.tr("no decision"))):
            self.decision.addItem(label, value)
        self.reply_on = QDateEdit()
        self.reply_on.setCalendarPopup(True)
        self.reply_on.setDisplayFormat("yyyy-MM-dd")
        self.reply_file = QLineEdit()
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._pick)
        row = QHBoxLayout()
        row.addWidget(self.reply_file, 1)
        row.addWidget(pick)
        f.addRow(self.tr("Decision:"), self.decision)
        f.addRow(self.tr("Received on:"), self.reply_on)
        f.addRow(self.tr("Reply (file):"), row)
        b = QPushButton(self.tr("Record the &answer"))
        b.setObjectName("followUpReply")
        b.clicked.connect(self.record_reply)
        f.addRow(b)
        lay.addWidget(reply)

        ship = QGroupBox(self.tr("Shipment"))
        f = QFormLayout(ship)
        self.hold = QCheckBox(self.tr("Hold the shipment until the authority decided"))
        self.hold.setObjectName("followUpHold")
        self.hold_reason = QLineEdit()
        self.hold_reason.setPlaceholderText(self.tr("why the hold is lifted (e.g. the licence number)"))
        b = QPushButton(self.tr("Apply"))
        b.clicked.connect(self.apply_hold)
        f.addRow(self.hold)
        f.addRow(self.tr("Reason:"), self.hold_reason)
        f.addRow(b)
        self.ship_button = QPushButton(self.tr("Mark as &shipped today"))
        self.ship_button.setObjectName("followUpShipped")
        self.ship_button.clicked.connect(self.mark_shipped)
        f.addRow(self.ship_button)
        lay.addWidget(ship)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        st = self.fu.status(self.assessment_id, self.today)
        f = st.followup
        colour = RED if (st.overdue or (f.hold_shipment and not f.shipped_on)) else "#1b5e20"
        self.status.setText(f"<b style='color:{colour}'>{html.escape(st.line)}</b>")
        mark = "" if st.rule.status == "verified" else " [" + self.tr("to verify") + "]"
        self.rule.setText(st.rule.label + mark)
        day = _dt.date.fromisoformat(f.sent_on) if f.sent_on else self.today
        self.sent_on.setDate(QDate(day.year, day.month, day.day))
        self.reply_on.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.authority_ref.setText(f.authority_ref)
        if f.channel:
            self.channel.setCurrentIndex(max(0, self.channel.findData(f.channel)))
        self.hold.setChecked(bool(f.hold_shipment))
        self.ship_button.setEnabled(not f.hold_shipment and not f.shipped_on)

    def _pick(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("The authority's reply"))
        if name:
            self.reply_file.setText(name)

    def _do(self, fn) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - the message names the problem; nothing was saved
            _error(self, self.tr("Not saved"), exc)
        self.refresh()

    def record_sent(self) -> None:
        self._do(lambda: self.fu.sent(self.assessment_id, self.sent_on.date().toString("yyyy-MM-dd"),
                                      self.channel.currentData(), self.authority_ref.text()))

    def record_reply(self) -> None:
        path = self.reply_file.text().strip()
        self._do(lambda: self.fu.reply(self.assessment_id, self.decision.currentData(),
                                       self.reply_on.date().toString("yyyy-MM-dd"), Path(path) if path else None))

    def apply_hold(self) -> None:
        self._do(lambda: self.fu.hold(self.assessment_id, self.hold.isChecked(), self.hold_reason.text()))

    def mark_shipped(self) -> None:
        self._do(lambda: self.fu.shipped(self.assessment_id, self.today.isoformat()))


class ReviewDialog(QDialog):
    """The reviews of one assessment, and (for the compliance officer) a new one."""

    def __init__(self, store, assessment_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.store = store
        self.assessment_id = assessment_id
        a = store.get(assessment_id)
        self.setWindowTitle(self.tr("Review of %1").replace("%1", a.reference))
        lay = QVBoxLayout(self)
        self.history = QTextBrowser()
        self.history.setObjectName("reviewHistory")
        lay.addWidget(self.history)
        form = QFormLayout()
        self.decision = QComboBox()
        self.decision.setObjectName("reviewDecision")
        for value, label in (("approved", self.tr("approved")), ("has_issues", self.tr("has issues")),
                             ("rejected", self.tr("rejected"))):
            self.decision.addItem(label, value)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(self.tr("What is wrong (needed unless approved). A review is never "
                                                "edited afterwards: add a new one instead."))
        form.addRow(self.tr("Decision:"), self.decision)
        form.addRow(self.tr("Comment:"), self.comment)
        lay.addLayout(form)
        self.add_button = QPushButton(self.tr("&Add review"))
        self.add_button.setObjectName("reviewAdd")
        self.add_button.clicked.connect(self.add_review)
        lay.addWidget(self.add_button)
        from app.storage.team import role_of

        role = role_of(store)
        if role in ("assessor", "auditor"):
            self.add_button.setEnabled(False)
            self.add_button.setToolTip(self.tr("Only the compliance officer reviews"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 480)
        self.refresh()

    def refresh(self) -> None:
        from app.storage import reviews

        rows = reviews.of(self.store, self.assessment_id)
        colours = {"approved": "#1b5e20", "has_issues": "#8a6d00", "rejected": RED}
        self.history.setHtml("".join(
            f"<p><b style='color:{colours[r.decision]}'>{html.escape(reviews.LABELS[r.decision])}</b> "
            f"{html.escape(r.reviewer)}, {html.escape(r.at[:16].replace('T', ' '))}<br>{html.escape(r.comment)}</p>"
            for r in rows) or html.escape(self.tr("Not reviewed yet.")))

    def add_review(self) -> None:
        from app.storage import reviews

        try:
            reviews.add(self.store, self.assessment_id, self.decision.currentData(), self.comment.toPlainText())
        except Exception as exc:  # noqa: BLE001 - the role or the missing comment, in plain words
            _error(self, self.tr("Review not saved"), exc)
            return
        self.comment.clear()
        self.refresh()


__all__ = ["TeamOverviewDialog", "FollowUpDialog", "ReviewDialog", "Qt"]
