"""Screening decisions on the team register are the team's: a hit one person cleared as a false
positive (or confirmed) is seen by everyone screening that assessment, from any computer; an
assessor decides only on their own assessments, and only the compliance officer decides for a
party in every assessment. A laptop keeps its decisions in its own screening.db."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.screening.service import Screening, parties_from
from app.storage.store import PermissionDeniedError
from test_team_roles import rows_changed_by_hand, team  # noqa: F401  (the team register fixture)

FIX = Path(__file__).resolve().parent / "fixtures" / "screening"
LISTED_PARTY = {"name": "Petrov, Ivan", "role": "end_user", "country": "RU"}


def _screening(folder: Path) -> Screening:
    s = Screening(folder)
    s.import_list(FIX / "eu_list.xml")
    return s


def _status(scr: Screening, store, assessment_id: int) -> str:
    party = parties_from({}, [LISTED_PARTY], question=None)[0]
    return scr.screen_parties([party], assessment_id, store=store)["parties"][0]["hits"][0]["status"]


def test_a_hit_cleared_by_one_member_is_cleared_for_the_whole_team(team, tmp_path):
    alice, bob, olga = team("alice"), team("bob"), team("olga")
    on_alices, on_bobs = _screening(tmp_path / "alice-laptop"), _screening(tmp_path / "bob-laptop")
    mine = alice.create_assessment("art5", "1.0.0", title="Alice's deal")
    his = bob.create_assessment("art5", "1.0.0", title="Bob's deal")
    party = parties_from({}, [LISTED_PARTY], question=None)[0]
    hit = on_alices.screen_parties([party], mine.id, store=alice)["parties"][0]["hits"][0]
    assert hit["status"] == "open"
    on_alices.review(decision="cleared", scope="assessment", reviewer="Alice A.", reason="born 1988, not the listed person",
                     party=party, hit=hit, assessment_id=mine.id, store=alice)
    # Bob, on his own computer (whose screening.db knows nothing of it), sees it cleared
    assert _status(on_bobs, bob, mine.id) == "cleared"
    assert on_bobs.db.decisions() == [] and on_alices.db.decisions() == []  # kept in the team register
    assert _status(on_bobs, bob, his.id) == "open"  # only for the assessment it was made for
    [ev] = [e for e in olga.audit.events(mine.id) if e.kind == "screening_review"]
    assert ev.actor == team.users["alice"] and ev.reason == "born 1988, not the listed person"
    # an assessor neither decides on a colleague's assessment nor for the party everywhere
    with pytest.raises(PermissionDeniedError):
        on_alices.review(decision="cleared", scope="assessment", reviewer="Alice A.", reason="not him",
                         party=party, hit=hit, assessment_id=his.id, store=alice)
    with pytest.raises(PermissionDeniedError):
        on_alices.review(decision="cleared", scope="party", reviewer="Alice A.", reason="never him",
                         party=party, hit=hit, assessment_id=mine.id, store=alice)
    assert _status(on_bobs, bob, his.id) == "open"
    # the officer confirms the hit for the party: it counts in every assessment, for everyone
    on_bobs.review(decision="confirmed", scope="party", reviewer="Olga O.", reason="same passport number",
                   party=party, hit=hit, assessment_id=his.id, store=olga)
    assert _status(on_alices, alice, his.id) == "confirmed"
    # decisions are never changed, even by hand
    for who in ("alice", "olga"):
        changed = rows_changed_by_hand(team.url(who), ("UPDATE screening_decision SET decision = 'cleared'",
                                                       "DELETE FROM screening_decision"))
        assert not any(changed.values()), f"{who}: {changed}"
    assert _status(on_alices, alice, his.id) == "confirmed"
    on_alices.close()
    on_bobs.close()
