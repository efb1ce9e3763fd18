"""Issue 14, attack 4: transfer bundles not tied to their signed report.

Every forged bundle below has its manifest recomputed (a forger can always do that), so only
the ties to the signed report, the audit links and the names stop it. Each row: exit 1, the
bundle named, the problem in words, the register and ``reports/`` unchanged.
"""

from __future__ import annotations

import json
import shutil

import pytest

from reliability_helpers import assert_refused, register_rows
from test_hostile_bundles import _files, rewrite


def _json_edit(name, change):
    def edit(files):
        value = json.loads(files[name])
        change(value)
        files[name] = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False).encode()
    return edit


def _set_answer(files):
    _json_edit("answers.json", lambda a: a.__setitem__("item.annex_i_listed", "yes"))(files)


def _set_outcome(files):
    _json_edit("assessment.json", lambda r: r.__setitem__("outcome", "NOT_IN_SCOPE"))(files)


def _delete_middle_event(files):
    def change(events):
        assert len(events) >= 3
        del events[len(events) // 2]
    _json_edit("audit.json", change)(files)


def _recompute_trail(files):
    """A made-up audit trail: one answer changed, every hash recomputed so each event matches."""
    from app.storage.audit import event_hash

    events = json.loads(files["audit.json"])
    for ev in events:
        if ev["kind"] == "answer" and ev["question_id"] == "item.annex_i_listed":
            ev["new_json"] = json.dumps("yes")
    prev = events[0]["prev_hash"]
    for ev in events:
        ev["prev_hash"] = prev
        ev["hash"] = event_hash(prev, ev)
        prev = ev["hash"]
    files["audit.json"] = json.dumps(events, indent=2).encode()


def _relink(files):
    """The last event re-hashed onto a made-up predecessor: it matches its own hash but not the
    event before it (the old check looked only at the former)."""
    from app.storage.audit import event_hash

    events = json.loads(files["audit.json"])
    last = events[-1]
    last["prev_hash"] = "f" * 64
    last["hash"] = event_hash(last["prev_hash"], last)
    files["audit.json"] = json.dumps(events, indent=2).encode()


def _draft_reference(saved) -> str:
    return next(r[2] for r in register_rows(saved.dir) if r[0] == saved.draft_id)


def _reference(value):
    def edit(files):
        _json_edit("assessment.json", lambda r: r.__setitem__("reference", value))(files)
        _json_edit("manifest.json", lambda m: m["assessment"].__setitem__("reference", value))(files)
    return edit


def _plant_local_name(local_reference):
    def edit(files):
        report = next(n for n in files if n.startswith("reports/"))
        files[f"reports/{local_reference}.pdf"] = files[report]
    return edit


CASES = {
    "answers differ from the signed report": (lambda saved: rewrite(_set_answer),
                                              ["differ", "embedded in the signed report"]),
    "outcome differs from the signed report": (lambda saved: rewrite(_set_outcome), ["the outcome", "differ"]),
    "an audit event deleted from the middle": (lambda saved: rewrite(_delete_middle_event),
                                               ["anchored in the signed report", "deleted"]),
    "an audit event's link edited": (lambda saved: rewrite(_relink), ["link up"]),
    "a made-up audit trail with recomputed hashes": (lambda saved: rewrite(_recompute_trail),
                                                     ["anchored in the signed report"]),
    "a report planted under a local record's name": (lambda saved: rewrite(_plant_local_name(_draft_reference(saved))),
                                                     ["not named after the assessment's reference"]),
    "absolute path as reference": (lambda saved: rewrite(_reference("/tmp/evil")), ["not a valid reference"]),
    "./reference": (lambda saved: rewrite(_reference(f"./{saved.signed_reference}")), ["not a valid reference"]),
    "../ reference": (lambda saved: rewrite(_reference("../../evil")), ["not a valid reference"]),
    "reference with a newline": (lambda saved: rewrite(_reference("A-1\nEORI: FAKE")), ["not a valid reference"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_forged_bundle_is_refused(case, tmp_path, populated, good_bundle, laptop_fingerprint, art5):
    make, words = CASES[case]
    path = make(populated)(good_bundle, tmp_path / "bundle.zip")
    rows = register_rows(populated.dir)
    # even with the signer trusted: trust in the signer does not excuse data the signer never signed
    run = art5("import", path, "--trust-signer", laptop_fingerprint)
    assert_refused(run, path, *words, code=1)
    assert register_rows(populated.dir) == rows
    populated.assert_unchanged()
    assert not (tmp_path / "evil").exists() and not (populated.dir.parent / "evil").exists()


def test_a_report_signed_by_an_untrusted_certificate_needs_trust_signer(populated, good_bundle, laptop_fingerprint,
                                                                       art5):
    rows = register_rows(populated.dir)
    run = art5("import", good_bundle)
    assert_refused(run, good_bundle, "does not trust", laptop_fingerprint, "--trust-signer", code=1)
    assert register_rows(populated.dir) == rows
    populated.assert_unchanged()
    wrong = art5("import", good_bundle, "--trust-signer", "00" * 32)
    assert_refused(wrong, good_bundle, "does not trust", code=1)
    populated.assert_unchanged()
    ok = art5("import", good_bundle, "--trust-signer", laptop_fingerprint.replace(":", "").lower())
    assert ok.code == 0, ok.text
    assert laptop_fingerprint in art5("trust", "list").out
    assert len(register_rows(populated.dir)) == len(rows) + 1


def test_a_throwaway_key_resigning_the_bundle_is_refused(populated, good_bundle, tmp_path, art5):
    """A forger re-signs the report with a new key: the bundle checks out technically but the
    signer is not trusted, and the message shows the throw-away fingerprint."""
    from app.signing import sign as signing

    from test_forged_signatures import forge_identity

    mallory = forge_identity(tmp_path / "mallory", "Lars Laptop")

    def resign(files):
        name = next(n for n in files if n.startswith("reports/"))
        src = tmp_path / "orig.pdf"
        src.write_bytes(files[name])
        # the forger strips the signature by rendering again is not needed: a new signature over
        # the old file by another certificate is enough to test "more than one certificate"
        from test_forged_signatures import alter_and_sign_again

        files[name] = alter_and_sign_again(files[name], mallory, alter=False)

    path = rewrite(resign)(good_bundle, tmp_path / "bundle.zip")
    run = art5("import", path, "--trust-signer", signing.show_identity(mallory).fingerprint)
    assert_refused(run, path, "more than one certificate", code=1)
    populated.assert_unchanged()


def test_audit_verify_checks_imported_reports_against_their_anchor(populated, good_bundle, laptop_fingerprint,
                                                                   art5):
    """The imported events keep their original identity, so the imported signed report's
    anchor is checked too: an imported answer edited here, with the chain recomputed, is named."""
    from test_forged_registers import _recompute_in_place

    run = art5("import", good_bundle, "--trust-signer", laptop_fingerprint)
    assert run.code == 0, run.text
    imported_as = run.out.split("imported as ")[1].split()[0]
    run = art5("audit", "verify")
    assert run.code == 0 and "anchors in 2 signed report(s)" in run.out, run.text

    def edit_imported(rows):
        for ev in rows:
            if str(ev["origin"] or "").startswith("import:") and ev["question_id"] == "item.annex_i_listed":
                ev["new_json"] = '"yes"'
                return
        raise AssertionError("no imported answer event")

    _recompute_in_place(populated.dir / "art5.db", edit_imported)
    run = art5("audit", "verify")
    assert run.code == 1, run.text
    assert f"{imported_as}.pdf" in run.out, run.out


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_gui_import_shows_the_fingerprint_and_asks(answer, qtbot, populated, good_bundle, laptop_fingerprint,
                                                   monkeypatch, make_window):
    from ui.register import actions as register_actions

    monkeypatch.setattr(register_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(good_bundle), ""))
    shown = []

    def answer_box(box):
        shown.append((box.windowTitle(), box.text(), box.textFormat()))
        if box.windowTitle() == "Trust this signer?":
            return getattr(register_actions.QMessageBox.StandardButton, answer)
        return register_actions.QMessageBox.StandardButton.Ok

    monkeypatch.setattr(register_actions.QMessageBox, "exec", answer_box)
    rows = register_rows(populated.dir)
    w = make_window(populated.dir, size=None)
    w.register.import_bundle()
    title, text, fmt = shown[0]
    assert title == "Trust this signer?" and laptop_fingerprint in text
    assert fmt == register_actions.Qt.TextFormat.PlainText
    if answer == "No":
        assert [s[0] for s in shown] == ["Trust this signer?", "Not imported"]
        assert register_rows(populated.dir) == rows
    else:
        assert len(shown) == 1
        assert len(register_rows(populated.dir)) == len(rows) + 1
        from app.signing import trust

        assert laptop_fingerprint in {e.fingerprint for e in trust.load(populated.dir)}
    w.close()
