"""The wizard view: a task list, one page of questions at a time, a help panel that follows the
focused question, a save indicator, "check your answers" and the outcome.

All decisions (what is relevant, what comes next, the outcome) come from app.assessment.flow/app.assessment.engine
through the session; this module only shows them.
"""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path
from typing import Any

from app.questionnaire.display import display_value
from app.assessment.flow import AnswerError, Flow, normalise, removed_characters, section_progress
from app.base.i18n import tr_data
from app.questionnaire.model import Question, Questionnaire, Source

from ui.qt import QAbstractButton, QApplication, QDesktopServices, QFrame, QHBoxLayout, QKeySequence, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QProgressBar, QPushButton, QScrollArea, QShortcut, QSplitter, QStackedWidget, Qt, QTextBrowser, QTextEdit, QUrl, QVBoxLayout, QWidget, Signal
from ui.wizard.questions import QuestionWidget, make_widget

SUMMARY = "__summary__"
OUTCOME = "__outcome__"
STATUS_MARK = {"completed": "✓", "in_progress": "◐", "not_started": "○", "not_applicable": "–"}


def with_mnemonic(text: str, key: str) -> str:
    """``text`` with the mnemonic ``key``: the Next button keeps one mnemonic (Alt+N in English)
    whatever it says ("Next", "Check your answers", "See the outcome"), so the key never changes
    meaning from page to page. The first matching letter is marked, else the key is added."""
    text = text.replace("&", "&&")
    if not key:
        return text
    i = text.casefold().find(key.casefold())
    if i >= 0:
        return text[:i] + "&" + text[i:]
    return f"{text} (&{key.upper()})"


def mnemonic_of(text: str) -> str:
    i = text.find("&")
    while i >= 0 and i + 1 < len(text) and text[i + 1] == "&":
        i = text.find("&", i + 2)
    return text[i + 1] if 0 <= i < len(text) - 1 else ""


def first_sentence(text: str) -> str:
    """The help's first sentence, for a widget's accessible description."""
    text = " ".join((text or "").split())
    for end in (". ", "? ", "! "):
        i = text.find(end)
        if i > 0:
            text = text[:i + 1]
    return text


def _sources_html(sources: tuple[Source, ...], heading: str, to_verify_text: str, secondary_text: str = "") -> str:
    """Legal sources for the help pane: EUR-Lex links, "not yet checked" and "secondary source"
    marks; the data files' internal notes are not shown (issue 13)."""
    from app.base.legal_links import public_url

    if not sources:
        return ""
    items = []
    for s in sources:
        cite = html.escape(s.citation())
        title = html.escape(tr_data(s.title)) if s.title else ""
        url = public_url(s.url)
        link = f'<a href="{html.escape(url)}">{cite}</a>' if url else cite
        flag = f' <span style="color:#a05a00"><b>[{to_verify_text}]</b></span>' if s.to_verify else ""
        if s.status == "secondary" and secondary_text:
            flag = f" <small>[{secondary_text}]</small>"
        items.append(f"<li>{link}{(' — ' + title) if title else ''}{flag}</li>")
    return f"<h4>{heading}</h4><ul>{''.join(items)}</ul>"


class WizardView(QWidget):
    """Shows one assessment. ``session`` may arrive after the first page is shown."""

    closed = Signal()
    saved = Signal(str)  # status text
    finished = Signal(int)

    def __init__(self, questionnaire: Questionnaire, locale: str = "en", parent: QWidget | None = None,
                 reports_dir: Path | None = None):
        super().__init__(parent)
        self.setObjectName("wizard")
        self.qn = questionnaire
        self.locale = locale
        self.session = None
        self.flow = Flow(questionnaire)
        self.pending: dict[str, Any] = {}
        self.deferred: dict[str, str] = {}  # qid -> error kept until the user leaves the entry
        self.reports_dir = reports_dir
        self.current: str = ""
        self.return_to_summary = False
        self.widgets: dict[str, QuestionWidget] = {}
        self.page_widgets: dict[str, QWidget] = {}
        self._tasks_state: tuple | None = None  # what the task list shows (see _refresh_tasks)
        self.last_report: Path | None = None
        self.reached: str = ""  # the furthest question page visited (progress never moves back)
        # panels and buttons placed by ui.wizard.screening and ui.dialogs.notification, declared here
        self.screening_panel = None
        self.destination_box = None
        self.notification_button: QPushButton | None = None
        self.enduser_button: QPushButton | None = None
        self.sign_button: QPushButton | None = None
        self.draft_dialog = None
        self.report_signed = False
        self.outcome_seen = False  # the outcome page was shown: its outcome is recorded on leaving
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        header = QHBoxLayout()
        self.title_label = QLabel(tr_data(self.qn.title, self.locale))
        f = self.title_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title_label.setFont(f)
        header.addWidget(self.title_label, 1)
        self.ref_label = QLabel("")
        self.ref_label.setObjectName("reference")
        header.addWidget(self.ref_label)
        outer.addLayout(header)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tasks = QListWidget()
        self.tasks.setObjectName("taskList")
        self.tasks.setMinimumWidth(160)
        self.tasks.setAccessibleName(self.tr("Sections of the assessment"))
        self.tasks.setWordWrap(True)
        self.tasks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tasks.itemActivated.connect(self._task_clicked)
        self.tasks.itemClicked.connect(self._task_clicked)
        split.addWidget(self.tasks)

        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(12, 0, 12, 0)
        self.page_title = QLabel("")
        self.page_title.setObjectName("pageTitle")
        self.page_title.setWordWrap(True)
        f = self.page_title.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        self.page_title.setFont(f)
        cl.addWidget(self.page_title)
        self.page_intro = QLabel("")
        self.page_intro.setWordWrap(True)
        cl.addWidget(self.page_intro)
        # question pages scroll; the summary and the outcome are text views that scroll themselves
        self.stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pages wrap instead
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the questions take the focus; the view follows it
        scroll.setWidget(self.stack)
        self.scroll = scroll
        self.views = QStackedWidget()
        self.views.addWidget(scroll)
        cl.addWidget(self.views, 1)
        split.addWidget(centre)

        self.help = QTextBrowser()
        self.help.setObjectName("helpPanel")
        self.help.setOpenLinks(False)
        self.help.anchorClicked.connect(self._open_link)
        self.help.setMinimumWidth(180)
        self.help.setAccessibleName(self.tr("Help for the focused question"))
        split.addWidget(self.help)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([250, 560, 320])
        outer.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Re&gister"))  # Alt+R is the Register menu
        self.register_button.setToolTip(self.tr("Back to the list of assessments (everything is saved)"))
        self.register_button.clicked.connect(self._close)
        bottom.addWidget(self.register_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        # the text stands beside the bar, not on it: drawn over the bar's chunk it was half
        # white on blue and hard to read
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(120)
        self.progress.setAccessibleName(self.tr("Progress"))
        bottom.addWidget(self.progress)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressText")
        bottom.addWidget(self.progress_label)
        self.save_label = QLabel("")
        self.save_label.setObjectName("saveStatus")
        self.save_label.setWordWrap(True)
        bottom.addWidget(self.save_label, 1)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(self.go_back)
        bottom.addWidget(self.back_button)
        self.next_label = self.tr("&Next")
        self.next_key = mnemonic_of(self.next_label)  # the same key on every page
        self.next_button = QPushButton(self.next_label)
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        self.next_button.setToolTip(self.tr("Enter, Alt+Right or Ctrl+Enter"))
        self.back_button.setToolTip(self.tr("Alt+Left"))
        bottom.addWidget(self.next_button)
        outer.addLayout(bottom)

        QShortcut(QKeySequence("Alt+Right"), self, activated=self.go_next)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.go_next)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.go_back)
        # Alt+<the Next/Back mnemonic> wherever the focus is in the wizard: where the platform
        # does not turn it into a shortcut, a text field would otherwise type the letter. The
        # filter sits on the focused widget only (see _focus_changed): an application-wide one
        # ran Python for every event, some 1,300 of them before the first page was shown
        self.back_key = mnemonic_of(self.back_button.text())
        self._filtered: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)

        self.summary = QTextBrowser()
        self.summary.setObjectName("summary")
        self.summary.setAccessibleName(self.tr("Your answers"))
        self.summary.setOpenLinks(False)
        self.summary.anchorClicked.connect(self._summary_link)
        self.views.addWidget(self.summary)
        self.outcome_view = QWidget()
        ol = QVBoxLayout(self.outcome_view)
        self.outcome_text = QTextBrowser()
        self.outcome_text.setObjectName("outcome")
        self.outcome_text.setAccessibleName(self.tr("Outcome"))
        self.outcome_text.setOpenLinks(False)
        self.outcome_text.anchorClicked.connect(self._open_link)
        ol.addWidget(self.outcome_text, 1)
        self.finish_note = QLabel("")
        self.finish_note.setObjectName("finishNote")
        self.finish_note.setWordWrap(True)
        ol.addWidget(self.finish_note)
        row = QHBoxLayout()
        self.draft_pdf_button = QPushButton(self.tr("Save a &draft PDF"))
        self.draft_pdf_button.setObjectName("draftPdf")
        self.draft_pdf_button.clicked.connect(lambda: self.write_report(final=False))
        row.addWidget(self.draft_pdf_button)
        self.finish_button = QPushButton(self.tr("&Finish and create the report"))
        self.finish_button.setObjectName("finish")
        self.finish_button.clicked.connect(self.finish)
        row.addWidget(self.finish_button)
        from ui.dialogs.notification import add_outcome_buttons

        add_outcome_buttons(self, row)  # draft notification, end-user statement, sign the report
        row.addStretch(1)
        ol.addLayout(row)
        ol.setContentsMargins(0, 0, 0, 0)
        self.views.addWidget(self.outcome_view)

    # -- session --------------------------------------------------------------------------
    def attach(self, session, show: bool = True) -> None:
        """Bind to a stored assessment; answers given before it was ready are saved now."""
        self.session = session
        from ui.wizard.screening import preload_index, screening_summary

        session.screening_provider = lambda: screening_summary(self)  # the outcome stored on finish
        preload_index()  # the first party check then finds the index loaded
        pending, self.pending = self.pending, {}
        self.flow = session.flow
        for qid, value in pending.items():
            try:
                session.answer(qid, value)
            except Exception as exc:  # noqa: BLE001 - show, never lose silently
                self._set_status(self.tr("Not saved: %s") % exc, error=True)
                self.pending[qid] = value
        self.ref_label.setText(session.reference)
        for qid, w in self.widgets.items():
            w.load(self.flow.answers.get(qid))
        if not show:
            pass
        elif not self.current:
            self.show_page(session.start_page())
        else:
            self._refresh()
        if not self.pending:
            self._set_status(self.tr("All answers saved") if pending or self.flow.answers else "")
        if not session.editable:
            self._set_read_only()

    def prefill(self, profile: dict[str, Any]) -> None:
        """A new assessment takes the company profile's Member State: every unanswered country
        question limited to the EU Member States is answered with it (shown, and changeable)."""
        from app.base.countries import EU27

        ms = (profile or {}).get("member_state") or ""
        if ms not in EU27:
            return
        for q in self.qn.questions:
            if q.type == "country" and q.countries and set(q.countries) <= set(EU27) \
                    and self.flow.answers.get(q.id) in (None, ""):
                self.on_edited(q.id, ms)
                w = self.widgets.get(q.id)
                if w is not None:
                    w.load(ms)

    def _set_read_only(self) -> None:
        for w in self.widgets.values():
            w.body.setEnabled(False)
        self._set_status(self.tr("This assessment is finished; it is shown read-only."))

    # -- pages ----------------------------------------------------------------------------
    def _page_widget(self, page_id: str) -> QWidget:
        if page_id in self.page_widgets:
            return self.page_widgets[page_id]
        page = self.qn.page(page_id)
        w = QWidget()
        w.setObjectName(f"page:{page_id}")
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 0, 8, 0)
        for q in page.questions:
            qw = make_widget(q, self.locale)
            qw.load(self.flow.answers.get(q.id))
            qw.edited.connect(self.on_edited)
            self.widgets[q.id] = qw
            lay.addWidget(qw)
        from ui.wizard.screening import page_extras

        for qid, extra in page_extras(self, page_id):  # party screening, destination measures (issue 5)
            lay.insertWidget(lay.indexOf(self.widgets[qid]) + 1, extra)
            if extra.objectName() == "partiesScreening":
                self.screening_panel = extra
            else:
                self.destination_box = extra
        lay.addStretch(1)
        self.page_widgets[page_id] = w  # placed in the page stack by show_page
        return w

    def show_page(self, page_id: str) -> None:
        self._flush_current()
        self.current = page_id
        if page_id == SUMMARY:
            self._render_summary()
            self.views.setCurrentWidget(self.summary)
            self._show_page_help(self.tr("Check your answers"), self.tr(
                "Every answer is listed with the question it answers. Use “Change” next to an answer to "
                "correct it; you come back to this summary afterwards. Questions marked “Not answered” "
                "must be answered before the assessment can be finished."))
            self.page_title.setText(self.tr("Check your answers"))
            self.page_intro.setText(self.tr("Read your answers once more. Use “Change” to correct one; "
                                            "you come back here afterwards."))
        elif page_id == OUTCOME:
            self._render_outcome()
            self.views.setCurrentWidget(self.outcome_view)
            self._show_page_help(self.tr("How the outcome is reached"), self.tr(
                "The outcome follows from the rules of this questionnaire version, applied in a fixed "
                "order: the first that applies wins. “Reasoning” lists each step with its legal source; "
                "the PDF report carries the same trace. While questions are unanswered the outcome is "
                "provisional and the assessment cannot be finished."))
            self.page_title.setText(self.tr("Outcome"))
            self.page_intro.setText("")
        else:
            page = self.qn.page(page_id)
            w = self._page_widget(page_id)
            # the stack holds only the page shown: a stack's layout spans all its pages, which made
            # each Next slower with every page visited (tests/benchmarks/navigation.py); pages left
            # keep their widgets and answers
            shown = self.stack.currentWidget()
            if shown is not w:
                if shown is not None:
                    self.stack.removeWidget(shown)
                self.stack.addWidget(w)
            self.views.setCurrentWidget(self.scroll)
            self.page_title.setText(tr_data(page.title, self.locale))
            intro = tr_data(page.intro, self.locale)
            self.page_intro.setText(intro)
            self.page_intro.setVisible(bool(intro))
            if self.session is not None:
                self.session.visit(page_id)
            ids = [p.id for p in self.qn.pages]
            if not self.reached or ids.index(page_id) > ids.index(self.reached):
                self.reached = page_id
        self.scroll.verticalScrollBar().setValue(0)
        self._refresh()
        first = self._first_visible_question()
        if first is not None:
            first.focus_target().setFocus()
            self._show_help(first.question)
        elif page_id == OUTCOME:
            self.outcome_text.setFocus()
        elif page_id == SUMMARY:
            self.summary.setFocus()

    def _first_visible_question(self) -> QuestionWidget | None:
        if self.current in (SUMMARY, OUTCOME, ""):
            return None
        for q in self.qn.page(self.current).questions:
            w = self.widgets.get(q.id)
            if w is not None and not w.isHidden():
                return w
        return None

    def _refresh(self) -> None:
        """Re-apply relevance on the current page, the task list, progress and buttons."""
        if self.current not in (SUMMARY, OUTCOME, ""):
            for q in self.qn.page(self.current).questions:
                relevant = self.flow.is_relevant(q)
                w = self.widgets[q.id]
                if w.isHidden() == relevant:  # only a change costs a relayout
                    w.setVisible(relevant)
        self._refresh_tasks()
        # progress by section: a fixed total (every section of the questionnaire), so the bar
        # never shrinks as answers open branches (app.assessment.flow.section_progress)
        reached = self.qn.pages[-1].id if self.current in (SUMMARY, OUTCOME) else self.reached
        prog = section_progress(self.flow, reached)
        # QProgressBar.setValue repaints at once (~2.5 ms; tests/benchmarks/navigation.py): with
        # updates off, the bar is painted once with the rest of the page
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, prog.pages_total)  # the bar moves page by page, the text by section
        self.progress.setValue(prog.pages_done)
        text = self.tr("%1 of %2 sections done").replace("%1", str(prog.done)).replace("%2", str(prog.total))
        self.progress.setFormat(text)
        self.progress.setAccessibleDescription(text)
        self.progress_label.setText(text)
        self.progress.setUpdatesEnabled(True)
        self.back_button.setEnabled(bool(self.flow.history) or self.current in (SUMMARY, OUTCOME)
                                    or self._previous_page() is not None)
        key = self.next_key
        if self.current == OUTCOME:
            self.next_button.setEnabled(False)
            text = self.next_label
        elif self.return_to_summary and self.current != SUMMARY:
            self.next_button.setEnabled(True)
            text = with_mnemonic(self.tr("Return to the summary"), key)
        elif self.current == SUMMARY:
            self.next_button.setEnabled(True)
            text = with_mnemonic(self.tr("Continue to the outcome"), key)
        else:
            self.next_button.setEnabled(True)
            nxt = self.flow.next_page(self.current)
            text = self.next_label if nxt else with_mnemonic(self.tr("Check your answers"), key)
        if self.next_button.text() != text:
            self.next_button.setText(text)

    def _refresh_tasks(self) -> None:
        pages = [(p, self.flow.page_status(p)) for p in self.flow.relevant_pages()]
        state = (self.current, self.locale, tuple((p.id, status) for p, status in pages))
        if state == self._tasks_state:
            return  # nothing the list shows has changed (refreshed several times per Next)
        self._tasks_state = state
        self.tasks.blockSignals(True)
        self.tasks.clear()
        for p, status in pages:
            title = tr_data(p.title, self.locale)
            item = QListWidgetItem(f"{STATUS_MARK.get(status, '')}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            state = {"completed": self.tr("Completed"), "in_progress": self.tr("In progress"),
                     "not_started": self.tr("Not started")}.get(status, "")
            item.setToolTip(title + " — " + state)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {state}")
            self.tasks.addItem(item)
            if p.id == self.current:
                item.setSelected(True)
                self.tasks.setCurrentItem(item)
        for pid, text in ((SUMMARY, self.tr("Check your answers")), (OUTCOME, self.tr("Outcome"))):
            item = QListWidgetItem(f"→  {text}")
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.tasks.addItem(item)
            if pid == self.current:
                self.tasks.setCurrentItem(item)
        self.tasks.blockSignals(False)

    def _task_clicked(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid and pid != self.current:
            if self.current:
                self.flow.history.append(self.current)
            self.show_page(pid)

    # -- navigation -----------------------------------------------------------------------
    def _flush_current(self) -> None:
        if self.current and self.current not in (SUMMARY, OUTCOME):
            for q in self.qn.page(self.current).questions:
                self.widgets[q.id].flush()

    def go_next(self) -> None:
        if not self.next_button.isEnabled():
            return
        self._flush_current()
        # asked to go on with an entry that is incomplete or not valid: say what is wrong, stay
        self._show_deferred()
        if self.current not in (SUMMARY, OUTCOME, ""):
            first = next((self.widgets[q.id] for q in self.qn.page(self.current).questions
                          if not self.widgets[q.id].isHidden() and self.widgets[q.id].error.isVisible()), None)
            if first is not None:
                first.focus_target().setFocus()
                return
        if self.current == SUMMARY:
            self.flow.history.append(SUMMARY)
            self.show_page(OUTCOME)
            return
        if self.return_to_summary:
            self.return_to_summary = False
            self.flow.history.append(self.current)
            self.show_page(SUMMARY)
            return
        nxt = self.flow.go_next(self.current)
        if nxt is None:
            self.flow.history.append(self.current)
            nxt = SUMMARY
        self.show_page(nxt)

    def _previous_page(self) -> str | None:
        """The relevant page before the current one in the questionnaire's order (Back after
        resuming, when there is no history of this session's moves)."""
        if self.current in (SUMMARY, OUTCOME, ""):
            return None
        prev = None
        for p in self.qn.pages:
            if p.id == self.current:
                return prev
            if self.flow.relevant_questions(p):
                prev = p.id
        return None

    def go_back(self) -> None:
        self._flush_current()
        while self.flow.history:
            prev = self.flow.history.pop()
            if prev in (SUMMARY, OUTCOME) or self.flow.relevant_questions(prev):
                self.show_page(prev)
                return
        before = self._previous_page()
        if before is not None:
            self.show_page(before)
        elif self.current == SUMMARY:
            pages = self.flow.relevant_pages()
            if pages:
                self.show_page(pages[-1].id)
        elif self.current == OUTCOME:
            self.show_page(SUMMARY)

    def save_state(self) -> None:
        """What is waiting: a half-typed answer, and the page to resume on."""
        self._flush_current()
        if self.session is not None and self.session.editable:
            try:
                self.session.leave(self.locale, outcome_seen=self.outcome_seen)
            except Exception as exc:  # noqa: BLE001 - the position is a convenience, never block closing
                self._set_status(self.tr("Not saved: %s") % exc, error=True)

    def _close(self) -> None:
        self.save_state()
        self.closed.emit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        from ui.qt import QEvent

        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or \
                event.modifiers() != Qt.KeyboardModifier.AltModifier:
            return False
        if not isinstance(obj, QWidget) or not self.isVisible() or not (obj is self or self.isAncestorOf(obj)):
            return False
        key = event.key()
        for letter, button, action in ((self.next_key, self.next_button, self.go_next),
                                       (self.back_key, self.back_button, self.go_back)):
            if letter and key == ord(letter.upper()[0]) and button.isEnabled():
                # (a disabled Next leaves its key to the page: "&Sign the report" in French)
                if kind == QEvent.Type.ShortcutOverride:
                    # the wizard takes the key itself: no other widget's mnemonic (a hidden page's
                    # button) can make it ambiguous, and the key press comes here next
                    event.accept()
                    return True
                action()
                return True
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Enter moves on, wherever the focused field did not use it: multi-line fields take it
        as a new line, an open completion list as a pick, a focused button as a click."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            focus = QApplication.focusWidget()
            if isinstance(focus, (QPlainTextEdit, QTextEdit)) and not isinstance(focus, QTextBrowser):
                return super().keyPressEvent(event)
            if isinstance(focus, QAbstractButton) and focus.isEnabled() and \
                    focus.metaObject().className() in ("QPushButton", "QToolButton"):
                focus.click()
            else:
                self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- answers --------------------------------------------------------------------------
    def on_edited(self, qid: str, raw: Any) -> None:
        w = self.widgets[qid]
        q = self.qn.question(qid)
        if self.session is not None and not self.session.editable:
            return
        try:
            value = normalise(q, raw)
        except AnswerError as exc:
            message = exc.message[:1].upper() + exc.message[1:]
            focus = QApplication.focusWidget()
            if focus is not None and w.isAncestorOf(focus):
                # still typing in this entry (a party's name, then its role): say it when the
                # user leaves the entry or asks to go on, not at each field
                self.deferred[qid] = message
                self._set_status(self.tr("Not saved yet: the entry is not complete"))
                return
            self._show_answer_error(qid, message)
            return
        self.deferred.pop(qid, None)
        w.show_error("")
        if self.session is None:
            self.pending[qid] = value
            self.flow.set_answer(qid, value)
            self._set_status(self.tr("Saving…"))
        else:
            try:
                self.session.answer(qid, value)
            except Exception as exc:  # noqa: BLE001 - the user must see that it was not saved
                self._set_status(self.tr("Not saved: %s") % exc, error=True)
                return
            now = _dt.datetime.now().strftime("%H:%M:%S")  # the 24-hour clock of all four languages
            self._set_status(self.tr("Saved at %s") % now)
        removed = removed_characters(raw)
        if removed:  # issue 14: the user is told what invisible characters were taken out
            w.show_error(self.tr("Removed invisible or control characters: %s") % ", ".join(removed[:3]))
            self._set_status(self.tr("Saved without %n invisible or control character(s)", "", len(removed)))
        self._refresh()

    def _show_answer_error(self, qid: str, message: str) -> None:
        self.deferred.pop(qid, None)
        self.widgets[qid].show_error(message)
        self._set_status(self.tr("Not saved: check the answer marked in red"), error=True)

    def _show_deferred(self, leaving_to=None) -> None:
        for qid, message in list(self.deferred.items()):
            w = self.widgets.get(qid)
            if w is None:
                self.deferred.pop(qid, None)
            elif leaving_to is None or not w.isAncestorOf(leaving_to):
                self._show_answer_error(qid, message)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.save_label.setText(text)
        self.save_label.setStyleSheet("color: #b00020; font-weight: bold;" if error else "color: #1b5e20;")
        self.saved.emit(text)

    # -- help -----------------------------------------------------------------------------
    def _focus_changed(self, _old, new) -> None:
        if self._filtered is not None:
            try:
                self._filtered.removeEventFilter(self)
            except RuntimeError:  # the widget is gone already
                pass
            self._filtered = None
        if new is not None and self.isAncestorOf(new):
            new.installEventFilter(self)
            self._filtered = new
        if self.deferred and new is not None and self.isAncestorOf(new):
            self._show_deferred(leaving_to=new)
        w = new
        while w is not None and not isinstance(w, QuestionWidget):
            w = w.parentWidget()
        if isinstance(w, QuestionWidget) and w.question.id in self.widgets:
            self._show_help(w.question)

    def _show_help(self, q: Question) -> None:
        parts = [f"<h3>{html.escape(tr_data(q.label, self.locale))}</h3>"]
        if q.to_verify:
            parts.append('<p style="background:#fff3e0;color:#8a4b00;padding:4px"><b>'
                         + html.escape(self.tr("Not yet checked:")) + "</b> "
                         + html.escape(self.tr("this guidance rests on a source that has not yet been checked "
                                               "against the Official Journal."))
                         + "</p>")
        help_text = tr_data(q.help, self.locale) or tr_data(q.hint, self.locale)
        for para in help_text.split("\n\n"):
            if para.strip():
                parts.append(f"<p>{html.escape(para.strip())}</p>")
        item = q.hint_for(self.flow.answers.get(q.hints_ref["by"])) if q.hints_ref else None
        if item and item.get("help"):
            mark = (" [" + self.tr("not yet checked against the Official Journal") + "]"
                    if item.get("status") == "to_verify" else "")
            parts.append('<p style="background:#eef4fb;padding:4px">'
                         + html.escape(tr_data(item["help"], self.locale) + mark) + "</p>")
        parts.append(_sources_html(q.sources, html.escape(self.tr("Legal sources")),
                                   html.escape(self.tr("not yet checked against the Official Journal")),
                                   html.escape(self.tr("secondary source"))))
        self.help.setHtml("".join(parts))

    def _show_page_help(self, title: str, text: str) -> None:
        self.help.setHtml(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>")

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    # -- summary and outcome --------------------------------------------------------------
    def _render_summary(self) -> None:
        esc = html.escape
        not_answered = esc(self.tr("Not answered"))
        not_given = esc(self.tr("Not given (optional)"))
        change = esc(self.tr("Change"))
        rows = []
        for p in self.flow.relevant_pages():
            rows.append(f"<h3>{esc(tr_data(p.title, self.locale))}</h3><table width='100%' cellpadding='4'>")
            for q in self.flow.relevant_questions(p):
                v = self.flow.answers.get(q.id)
                shown = display_value(q, v, self.locale)
                if not shown and v != [] and q.required:
                    shown_html = f"<span style='color:#b00020'><b>{not_answered}</b></span>"
                elif not shown and v != []:
                    shown_html = f"<span style='color:#666666'>{not_given}</span>"
                else:
                    shown_html = esc(shown).replace("\n", "<br>")
                rows.append(f"<tr><td width='45%'>{esc(tr_data(q.label, self.locale))}</td>"
                            f"<td>{shown_html}</td>"
                            f"<td align='right'><a href='change:{esc(q.id)}'>{change}</a></td></tr>")
            rows.append("</table>")
        self.summary.setHtml("".join(rows))

    def _summary_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("change:"):
            qid = text[len("change:"):]
            if self.qn.has_question(qid):
                self.return_to_summary = True
                self.flow.history.append(SUMMARY)
                self.show_page(self.qn.question(qid).page_id)
                self.widgets[qid].focus_target().setFocus()
                self._refresh()

    def result(self):
        """The outcome as the answers stand: the session's (the one finishing and signing use)
        once the assessment is stored, else the answers given so far."""
        if self.session is not None:
            return self.session.result(self.locale)
        from app.assessment import engine

        from ui.wizard.screening import screening_summary

        return engine.decide(self.qn, self.flow, locale=self.locale, screening=screening_summary(self))

    def _render_outcome(self) -> None:
        esc = html.escape
        r = self.result()
        parts = [f"<h2>{esc(r.title)}</h2>"]
        if r.provisional:
            parts.append("<p style='color:#8a4b00'><b>" + esc(self.tr("Provisional:")) + "</b> "
                         + esc(self.tr("%n question(s) are still unanswered; the outcome may change.", "",
                                       len(r.unanswered))) + "</p>")
        if r.summary:
            parts.append(f"<p>{esc(r.summary)}</p>")
        if r.outcome_if_listed or r.outcome_if_not_listed:
            parts.append("<p><b>" + esc(self.tr("If the item is on the list(s) you were unsure about:")) + "</b> "
                         + esc(str(r.outcome_if_listed)) + "<br><b>" + esc(self.tr("If it is not:")) + "</b> "
                         + esc(str(r.outcome_if_not_listed)) + "</p>")
        for fid in r.flags:
            parts.append("<p style='background:#fff3e0;color:#8a4b00;padding:4px'>"
                         + esc(r.flag_texts.get(fid, fid)) + "</p>")
        for caveat in r.caveats:
            parts.append(f"<p><small>{esc(caveat)}</small></p>")
        if r.actions:
            parts.append("<h3>" + esc(self.tr("What to do next")) + "</h3><ol>"
                         + "".join(f"<li>{esc(a)}</li>" for a in r.actions) + "</ol>")
        if r.rationale:
            parts.append("<h3>" + esc(self.tr("Reasoning")) + "</h3><ol>")
            for step in r.rationale:
                cites = ", ".join(
                    (f"<a href='{esc(c['url'])}'>{esc(c['citation'])}</a>" if c.get("url") else esc(c["citation"]))
                    + (" [" + esc(self.tr("not yet checked against the Official Journal")) + "]"
                       if c.get("status") == "to_verify" else "")
                    for c in step.citations)
                parts.append(f"<li>{esc(step.text)}" + (f"<br><small>{cites}</small>" if cites else "") + "</li>")
            parts.append("</ol>")
        if r.open_questions:
            parts.append("<h3>" + esc(self.tr("Open questions: ask the competent authority")) + "</h3><ul>")
            for qid in r.open_questions:
                parts.append(f"<li>{esc(tr_data(self.qn.question(qid).label, self.locale))}</li>")
            parts.append("</ul>")
        if r.unanswered:
            parts.append("<h3>" + esc(self.tr("Still unanswered")) + "</h3><ul>")
            for qid in r.unanswered:
                parts.append(f"<li>{esc(tr_data(self.qn.question(qid).label, self.locale))}</li>")
            parts.append("</ul>")
        if r.warnings:
            parts.append("<h3>" + esc(self.tr("Warnings")) + "</h3><ul>"
                         + "".join(f"<li>{esc(w)}</li>" for w in r.warnings) + "</ul>")
        self.outcome_text.setHtml("".join(parts))
        finished = self.session is not None and not self.session.editable
        self.finish_button.setEnabled(not r.unanswered and self.session is not None and not finished)
        if finished:
            self.finish_note.setText(self.tr("This assessment is finished."))
        elif r.unanswered:
            self.finish_note.setText(self.tr("Answer every question before finishing (see “Still unanswered”)."))
        else:
            self.finish_note.setText(self.tr("Finishing stores the outcome and writes the PDF report."))
        from ui.dialogs.notification import update_outcome_buttons

        update_outcome_buttons(self, r)
        # drawing never writes: the provisional outcome goes into the register when the user
        # leaves the assessment (save_state)
        self.outcome_seen = self.outcome_seen or self.session is not None

    # -- output ---------------------------------------------------------------------------
    def write_report(self, final: bool, signer: dict | None = None, passphrase: str | None = None,
                     probe: bool = False) -> Path | None:
        """Write (and with ``passphrase`` sign) the report. ``probe``: lay the final report out
        into a temporary file only, as it will read once finished, to learn before finishing
        whether it can be written (issue 14: no record finished without its report)."""
        if self.session is None or self.reports_dir is None:
            return None
        from app.base.paths import report_path
        from app.documents.report import ReportError
        from app.signing.report import write_report

        a = self.session.store.get(self.session.assessment_id)
        try:  # the reference comes from the register: it may only name a file in reports/
            target = report_path(self.reports_dir.parent, a.reference, "" if final else "-draft")
        except ValueError as exc:
            self._set_status(self.tr("Not written: %s") % exc, error=True)
            return None
        name = target.name
        # everything from the register is read here, on the GUI thread; the worker only renders
        inputs = self.session.report_inputs(self.locale)  # the same inputs as 'art5 assess' (app.assessment.workflow)
        if probe:
            import tempfile

            probe_dir = Path(tempfile.mkdtemp(prefix="art5-probe-"))
            target = probe_dir / name
            inputs = inputs.as_finished()
        data_dir, locale = self.reports_dir.parent, self.locale
        if passphrase:  # signing (ui/dialogs/signing.py); SigningError goes to the caller
            label = self.tr("Writing and signing the report %1…").replace("%1", name)
        else:
            label = self.tr("Writing the report %1…").replace("%1", name)

        def work(progress):
            return write_report(inputs, target, locale=locale, data_dir=data_dir, passphrase=passphrase,
                                signer=signer)

        from ui.tasks import REPORT_MODULES, SIGNING_MODULES, run_task

        try:
            out = run_task(self, label, work, preimport=SIGNING_MODULES if passphrase else REPORT_MODULES)
        except ReportError as exc:
            self._set_status(str(exc), error=True)
            return None
        finally:
            if probe:
                import shutil

                shutil.rmtree(probe_dir, ignore_errors=True)
        if probe:
            return out
        self.last_report = out
        self._set_status(self.tr("Report written: %s") % out)
        return out

    def finish(self) -> None:
        if self.session is None:
            return
        self._flush_current()
        if self.write_report(final=True, probe=True) is None:  # the report cannot be written: stay a draft
            self._set_status(self.tr("Not finished: the report cannot be written. %s")
                             % self.save_label.text(), error=True)
            return
        try:
            self.session.finish(self.locale)
        except ValueError as exc:
            self._set_status(str(exc), error=True)
            return
        self.write_report(final=True)
        self._render_outcome()
        self._set_read_only()
        if self.last_report:
            self._set_status(self.tr("Finished. Report: %s") % self.last_report)
            from ui.dialogs.signing import sign_finished_report

            note = sign_finished_report(self)
            if note:
                self._set_status(note, error=not self.report_signed)  # not the text: it is translated
            self._render_outcome()
        self.finished.emit(self.session.assessment_id)
