"""What the register page and the Register menu do: duplicate, amend, delete, product library,
quick check, backups, transfer bundles, attachments, questionnaire-version moves, audit check.

A controller the main window holds (``window.register``); what it needs from the window is
declared in :class:`RegisterHost`. The logic lives in ``app.assessment.records``,
``app.transfer.bundle``, ``app.storage.backup``; this is the skin.
"""

from __future__ import annotations

from pathlib import Path

from typing import Protocol

from ui.qt import QAction, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QObject, Qt, QTimer

TITLE_MAX = 200  # characters: the register shows a title in one cell


class RegisterHost(Protocol):
    """What the controller uses of the main window."""

    store: object
    data_dir: Path
    questionnaires_dir: Path | None
    locale: str

    def resume(self, assessment_id: int): ...
    def refresh_register(self) -> None: ...
    def statusBar(self): ...  # noqa: N802 - Qt API
    def _questionnaire(self, qn_id: str | None): ...


class RegisterController(QObject):
    """The register's buttons and menu: duplicate, amend, delete, product library, quick check,
    backups, transfer bundles, attachments, questionnaire moves, the audit check."""

    # -- wiring -------------------------------------------------------------------------------
    def __init__(self, window: RegisterHost, page) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self.quick_check_dialog = None
        self.connect_page(page)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(60 * 60 * 1000)  # look every hour; back up when one is due
        self._backup_timer.timeout.connect(self.interval_backup)
        self._backup_timer.start()

    def connect_page(self, page) -> None:
        """Wire a (re)built register page's buttons (a language change rebuilds the page)."""
        self.page = page
        b = page.buttons
        b["from_product"].clicked.connect(self.new_from_product)
        b["quick_check"].clicked.connect(self.open_quick_check)
        b["duplicate"].clicked.connect(self.duplicate_selected)
        b["title"].clicked.connect(self.retitle_selected)
        b["amend"].clicked.connect(self.amend_selected)
        b["delete"].clicked.connect(self.delete_selected)

    def update_buttons(self) -> None:
        page = self.page
        sel = page.selected()
        ready = self.window.store is not None
        status = sel[1] if sel else None
        b = page.buttons
        b["new"].setEnabled(True)
        for key in ("from_product", "quick_check"):
            b[key].setEnabled(ready)
        b["resume"].setEnabled(sel is not None)  # a row shown before the Store opens: opened once it is
        b["duplicate"].setEnabled(ready and sel is not None)
        b["title"].setEnabled(ready and status == "draft")
        b["amend"].setEnabled(ready and status in ("finished", "signed"))
        b["discard"].setEnabled(ready and status == "draft")
        b["delete"].setEnabled(ready and status in ("finished", "signed", "amended"))

    def build_menu(self, menubar) -> None:
        m = menubar.addMenu(self.tr("&Register"))
        m.setObjectName("registerMenu")
        for name, text, slot in (
                ("quickCheckAction", self.tr("&Quick check…"), self.open_quick_check),
                ("saveProductAction", self.tr("Save the product to the &library…"), self.save_product_from_selected),
                ("attachAction", self.tr("&Attach evidence…"), self.attach_to_selected),
                ("migrateAction", self.tr("&Move the draft to the current questionnaire…"), self.migrate_selected),
                (None, None, None),
                ("exportAction", self.tr("&Export for transfer…"), self.export_selected),
                ("importAction", self.tr("&Import a transfer bundle…"), self.import_bundle),
                ("backupAction", self.tr("&Back up the register…"), self.backup_now),
                ("auditAction", self.tr("&Verify the audit trail"), self.verify_audit)):
            if name is None:
                m.addSeparator()
                continue
            act = QAction(text, menubar)
            act.setObjectName(name)
            act.triggered.connect(slot)
            m.addAction(act)

    # -- helpers ------------------------------------------------------------------------------
    def _require(self, need_selection: bool = True):
        if self.window.store is None:
            return None
        sel = self.page.selected()
        if need_selection and sel is None:
            QMessageBox.information(self.window, self.tr("Select an assessment"),
                                    self.tr("Select an assessment in the register first."))
            return None
        return sel or (None, None)

    def _fail(self, title: str, exc: Exception) -> None:
        # messages quote file names and data from outside: never let Qt take them for rich text
        box = QMessageBox(QMessageBox.Icon.Warning, title, getattr(exc, "message", None) or str(exc),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # -- actions ------------------------------------------------------------------------------
    def duplicate_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        from app.assessment import records

        try:
            a = records.duplicate(self.window.store, sel[0], self.window.questionnaires_dir)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._fail(self.tr("Not duplicated"), exc)
            return
        self.window.refresh_register()
        self.window.resume(a.id)

    def retitle_selected(self) -> None:
        """The register's Title: the user's own words for the deal (customer, order). A draft's
        only: a finished assessment's title is printed in its report (amend it to change it)."""
        sel = self._require()
        if sel is None:
            return
        store = self.window.store
        a = store.get(sel[0])
        if a.status != "draft":
            QMessageBox.information(
                self.window, self.tr("Title not changed"),
                self.tr("Only a draft's title can be changed: a finished assessment's title is in its report. "
                        "Amend the assessment to change it."))
            return
        text, ok = QInputDialog.getText(
            self.window, self.tr("Title of %1").replace("%1", a.reference),
            self.tr("Your own words for this assessment, for example the customer and the order:"),
            QLineEdit.EchoMode.Normal, a.title)
        if not ok:
            return
        try:
            store.set_title(a.id, text.strip()[:TITLE_MAX])
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._fail(self.tr("Title not changed"), exc)
            return
        self.window.refresh_register()
        self.page.select_id(a.id)

    def amend_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        a = self.window.store.get(sel[0])
        reason, ok = QInputDialog.getText(
            self.window, self.tr("Amend %1").replace("%1", a.reference),
            self.tr("A finished or signed assessment is not changed: a new version is made and the old one, "
                    "with its report, is kept.\nWhy is it amended?"))
        if not ok:
            return
        from app.assessment import workflow

        try:
            new = workflow.amend(self.window.store, a.id, reason)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Not amended"), exc)
            return
        self.window.refresh_register()
        self.window.resume(new.id)

    def delete_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        from app.storage.retention import may_delete

        a = self.window.store.get(sel[0])
        if not may_delete(a.retention_until):
            QMessageBox.information(
                self.window, self.tr("Must be kept"),
                self.tr("%1 is %2 and must be kept until %3 (Art. 27(3) of Regulation (EU) 2021/821). "
                        "It cannot be deleted before.").replace("%1", a.reference).replace("%2", a.status)
                .replace("%3", a.retention_until))
            return
        answer = QMessageBox.question(
            self.window, self.tr("Delete this record?"),
            self.tr("The retention period of %1 ended on %2. Delete it with its answers and attachments? "
                    "The deletion is recorded in the audit trail.").replace("%1", a.reference)
            .replace("%2", a.retention_until),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.window.store.delete_assessment(a.id, confirmed=True)
            except Exception as exc:  # noqa: BLE001
                self._fail(self.tr("Not deleted"), exc)
            self.window.refresh_register()

    def _pick_profile(self) -> int | None:
        profiles = self.window.store.products.list()
        if not profiles:
            QMessageBox.information(self.window, self.tr("No product profiles"),
                                    self.tr("The product library is empty. Open an assessment whose item questions "
                                            "are answered, then use Register > Save the product to the library."))
            return None
        names = [f"{p.name} (v{p.current_version})" for p in profiles]
        name, ok = QInputDialog.getItem(self.window, self.tr("Start from a product"), self.tr("Product:"), names, 0, False)
        return profiles[names.index(name)].id if ok else None

    def new_from_product(self) -> None:
        if self.window.store is None:
            return
        pid = self._pick_profile()
        if pid is None:
            return
        from app.assessment import records

        try:
            qn = self.window._questionnaire(None)
            a = records.start_from_profile(self.window.store, qn, pid)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Not started"), exc)
            return
        self.window.refresh_register()
        self.window.resume(a.id)

    def save_product_from_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        from app.assessment import records

        a = self.window.store.get(sel[0])
        default = a.product  # the register column: the product's name and version from the answers
        name, ok = QInputDialog.getText(self.window, self.tr("Save the product"),
                                        self.tr("Name of the product profile:"), text=default)
        if not ok:
            return
        try:
            p, v = records.profile_from_assessment(self.window.store, a.id, name)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Not saved"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Product profile “%1” saved (version %2)").replace("%1", p.name)
                                     .replace("%2", str(v)))

    def open_quick_check(self) -> None:
        if self.window.store is None:
            return
        from ui.dialogs.quick_check import QuickCheckDialog

        dlg = QuickCheckDialog(self.window.store, self.window, questionnaires_dir=self.window.questionnaires_dir, locale=self.window.locale)
        dlg.continue_requested.connect(lambda aid: (dlg.accept(), self.window.resume(aid)))
        dlg.finished.connect(lambda _r: self.window.refresh_register())
        self.quick_check_dialog = dlg
        dlg.open()

    def attach_to_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Attach evidence"))
        if not path:
            return
        kinds = {self.tr("Datasheet"): "datasheet", self.tr("Signed end-user statement"): "end_user_statement",
                 self.tr("Correspondence"): "correspondence", self.tr("Other"): "other"}
        kind, ok = QInputDialog.getItem(self.window, self.tr("Attach evidence"), self.tr("What is it?"), list(kinds), 0,
                                        False)
        if not ok:
            return
        try:
            att = self.window.store.attachments.add(sel[0], Path(path), kinds[kind])
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Not attached"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Attached %1 (SHA-256 %2)").replace("%1", att.filename)
                                     .replace("%2", att.sha256[:16] + "…"))

    def migrate_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        from app.assessment import records

        try:
            change = records.migrate_draft(self.window.store, sel[0], self.window.questionnaires_dir)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Cannot move this assessment"), exc)
            return
        if change.from_version == change.to_version:
            QMessageBox.information(self.window, self.tr("Up to date"),
                                    self.tr("This draft is on the current questionnaire version."))
            return
        answer = QMessageBox.question(
            self.window, self.tr("Move to questionnaire %1?").replace("%1", change.to_version),
            "\n".join(change.lines()), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            records.migrate_draft(self.window.store, sel[0], self.window.questionnaires_dir, apply=True)
            self.window.refresh_register()

    def export_selected(self) -> None:
        sel = self._require()
        if sel is None:
            return
        from app.transfer.bundle import collect_bundle, write_bundle

        from ui.tasks import Cancelled, run_task

        a = self.window.store.get(sel[0])
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export for transfer"), f"{a.reference}.zip",
                                              self.tr("Transfer bundle (*.zip)"))
        if not path:
            return
        try:
            content = collect_bundle(self.window.store, a.id, self.window.questionnaires_dir)  # the register, on this thread
            out = run_task(self.window, self.tr("Exporting %1 for transfer…").replace("%1", a.reference),
                           lambda progress: write_bundle(content, Path(path), progress), cancellable=True)
        except Cancelled:
            self.window.statusBar().showMessage(self.tr("Export cancelled; no file was written."))
            return
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Not exported"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(out)))

    def import_bundle(self) -> None:
        if self.window.store is None:
            return
        from app.transfer.bundle import IMPORT_NEEDS_FOLDER, BundleError, add_bundle, check_bundle, data_folder

        from ui.tasks import SIGNING_MODULES, run_task

        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import a transfer bundle"), "",
                                              self.tr("Transfer bundle (*.zip)"))
        if not path:
            return
        accept = None
        while True:
            try:  # checking (hashes, audit chain, signatures) in the worker; adding here, on the GUI thread
                data_dir = data_folder(self.window.store, path, IMPORT_NEEDS_FOLDER)  # none on the team register
                checked = run_task(self.window, self.tr("Checking the transfer bundle %1…").replace("%1", Path(path).name),
                                   lambda progress: check_bundle(Path(path), progress, data_dir, accept),
                                   preimport=SIGNING_MODULES)
                a = add_bundle(self.window.store, checked)
                break
            except BundleError as exc:
                if exc.untrusted_fingerprint and accept is None and self._ask_trust(exc):
                    accept = exc.untrusted_fingerprint
                    continue
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not imported"), exc.message,
                                  QMessageBox.StandardButton.Ok, self.window)
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.exec()
                return
        self.window.refresh_register()
        self.window.statusBar().showMessage(self.tr("Imported as %1").replace("%1", a.reference))

    def _ask_trust(self, exc) -> bool:
        """The bundle's report is signed by a certificate this register does not trust yet:
        show its fingerprint (and, marked as the signer's own words, its name) and ask."""
        from app.base.textsafety import escape

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Trust this signer?"),
                          self.tr("The reports in this bundle are signed by a certificate this register does not "
                                  "trust yet.\n\nSHA-256 fingerprint:\n%1\n\nThe certificate calls its owner "
                                  "(their own words, not checked): %2\n\nCompare the fingerprint with the one "
                                  "the signer gave you by another channel (telephone, in person). Trust this "
                                  "signer and import?").replace("%1", exc.untrusted_fingerprint)
                          .replace("%2", escape(exc.signer)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def backup_now(self) -> None:
        if self.window.store is None:
            return
        from app.storage.backup import make_backup

        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up the register"), "art5-backup.db",
                                              self.tr("Register backup (*.db)"))
        if not path:
            return
        from ui.tasks import Cancelled, run_task

        try:
            out = run_task(self.window, self.tr("Backing up the register…"),
                           lambda progress: make_backup(self.window.data_dir, Path(path), progress), cancellable=True)
        except Cancelled:
            self.window.statusBar().showMessage(self.tr("Backup cancelled; no file was written."))
            return
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("No backup made"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Backup written: %1").replace("%1", str(out)))

    def interval_backup(self) -> None:
        if self.window.store is None or self.window.store.path is None:
            return
        from app.base.settings import Settings
        from app.storage.db import backup_due, rolling_backup

        s = Settings.load(self.window.data_dir)
        if backup_due(self.window.data_dir / "backups", s.backup_interval_hours):
            try:
                rolling_backup(self.window.store.path, self.window.data_dir / "backups", "interval", s.backup_count)
            except Exception as exc:  # noqa: BLE001 - a failed automatic backup must be seen
                self.window.statusBar().showMessage(self.tr("Automatic backup failed: %1").replace("%1", str(exc)))

    def verify_audit(self) -> None:
        if self.window.store is None:
            return
        report = self.window.store.audit.verify()
        from app.signing import anchors

        anchored = (anchors.check(self.window.store, self.window.store.path.parent)
                    if report.intact and self.window.store.path is not None else None)
        if anchored is not None and not anchored.ok:
            QMessageBox.critical(self.window, self.tr("Audit trail does not match a signed report"),
                                 self.tr("The audit trail was changed and its hashes recomputed: it no longer "
                                         "matches the signed report %1 (%2)")
                                 .replace("%1", anchored.mismatch.name).replace("%2", anchored.problem))
        elif report.intact:
            QMessageBox.information(self.window, self.tr("Audit trail intact"),
                                    self.tr("%1 events; every one matches its hash and the anchors in %2 signed "
                                            "report(s).").replace("%1", str(report.count))
                                    .replace("%2", str(anchored.checked if anchored is not None else 0)))
        else:
            QMessageBox.critical(self.window, self.tr("Audit trail broken"),
                                 self.tr("The audit trail was changed outside the program, first at event %1: %2")
                                 .replace("%1", str(report.broken_id)).replace("%2", report.problem))
