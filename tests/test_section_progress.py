"""Progress by section (app.assessment.flow.section_progress), without Qt: a fixed total, and a
count that does not move backwards as the user goes forward and answers open branches."""

from __future__ import annotations

from app.assessment.flow import Flow, section_progress
from app.questionnaire import model as qmod


def test_total_is_fixed_and_progress_only_grows_along_a_path():
    qn = qmod.latest("art5")
    flow = Flow(qn)
    seen = []
    plan = {"export.member_state": "DE", "export.destination_country": "BR", "item.annex_i_listed": "no",
            "item.commercial_purpose_only": "none", "item.specially_designed": "yes", "item.covert": "yes"}
    page = flow.first_page()
    for qid, value in plan.items():
        flow.set_answer(qid, value)
        page_of = qn.question(qid).page_id
        p = section_progress(flow, reached=page_of)
        assert p.total == len({pg.section or pg.id for pg in qn.pages})
        assert p.pages_total == len(qn.pages)
        seen.append((p.done, p.pages_done))
    assert [s[1] for s in seen] == sorted(s[1] for s in seen) and seen[-1][1] > seen[0][1], seen
    assert page


def test_a_branch_ahead_does_not_count_before_the_user_gets_there():
    qn = qmod.latest("art5")
    flow = Flow(qn)
    flow.set_answer("item.annex_i_listed", "yes")  # the definition pages stop applying
    early = section_progress(flow, reached=qn.pages[0].id)
    late = section_progress(flow, reached=qn.pages[-1].id)
    assert early.pages_done < late.pages_done
    states = dict(late.sections)
    assert states["definition"] == "done"  # not applicable and passed: settled
    assert dict(early.sections)["definition"] == "empty"
