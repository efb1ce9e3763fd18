"""Issue 14: customer names need never be on a command line (visible in process lists):
``screening check`` and ``quick-check`` read them from a file or standard input (``-``)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from reliability_helpers import SCREENING_FIX, assert_refused


@pytest.fixture
def with_list(data_dir, art5):
    assert art5("screening", "import", SCREENING_FIX / "eu_list.xml").code == 0
    return data_dir


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_screening_check_reads_names_from_a_file(with_list, tmp_path, art5):
    names = tmp_path / "customers.txt"
    names.write_text("Ivan Petrov\n\n\u202evorteP navI\u202c\nSomebody Unlisted\n", encoding="utf-8")
    run = art5("screening", "check", "--names-from", names, "--json")
    assert run.code == 0, run.text
    out = json.loads(run.out)
    assert [o["name"] for o in out] == ["Ivan Petrov", "Ivan Petrov", "Somebody Unlisted"]
    assert out[0]["hits"] and out[1]["hits"] and not out[2]["hits"]
    assert "RIGHT-TO-LEFT OVERRIDE" in run.err  # the user is told what was removed


def test_screening_check_reads_standard_input(with_list, art5, monkeypatch):
    _stdin(monkeypatch, "Иван Петров\n")
    run = art5("screening", "check", "--names-from", "-")
    assert run.code == 0 and "EU.9001.11" in run.out, run.text


def test_screening_check_needs_exactly_one_source(with_list, tmp_path, art5):
    assert art5("screening", "check").code == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert_refused(art5("screening", "check", "--names-from", empty), empty, "no name", code=2)
    assert_refused(art5("screening", "check", "--names-from", tmp_path / "missing.txt"), "missing.txt",
                   "cannot read", code=2)


def test_quick_check_reads_the_customer_from_standard_input(with_list, art5, monkeypatch):
    from app.questionnaire import model as questionnaire
    from app.storage.store import Store

    s = Store.open(with_list)
    profile, _ = s.products.save("Netwatch", {"item.name": "Netwatch", "item.annex_i_listed": "no"})
    s.close()
    end_user = questionnaire.find("art5", "1.0.0").question("enduse.end_user_type").choice_values()[0]
    _stdin(monkeypatch, "Ivan\u3164Petrov\n")
    run = art5("quick-check", "--product", profile.id, "--destination", "RU", "--end-user", end_user,
               "--customer-from", "-", "--json")
    assert run.code == 0, run.text
    qc = json.loads(run.out)
    assert qc["screening"]["available"] and qc["screening"]["hits"] >= 1, qc["screening"]
    assert "PETROV" in qc["screening"]["text"].upper()
    assert art5("quick-check", "--product", profile.id, "--destination", "RU", "--end-user", end_user).code == 2
