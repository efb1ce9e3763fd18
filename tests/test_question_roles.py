"""Question roles: code reads the facts it needs by role, the questionnaire data says which
question states each (questionnaires/art5.roles.yaml for the released versions, or a file's own
``roles:`` block)."""

import datetime as _dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from app.questionnaire import model as qmod
from app.questionnaire.model import QuestionnaireError
from app.questionnaire.roles import ROLE_FIELDS, ROLE_TYPES, UnknownRoleError

ROOT = Path(__file__).resolve().parents[1]
QDIR = ROOT / "questionnaires"
SIDECAR = QDIR / "art5.roles.yaml"


@pytest.fixture(scope="module")
def qn11():
    return qmod.find("art5", "1.1.0")


@pytest.fixture(scope="module")
def qn10():
    return qmod.find("art5", "1.0.0")


def test_the_roles_file_gives_roles_to_both_released_versions(qn10, qn11):
    for qn in (qn10, qn11):
        assert Path(qn.roles.source) == SIDECAR
        assert qn.roles.question_id("member_state") == "export.member_state"
        assert qn.role_question("parties").type == "group"
    # 1.0.0 does not ask for the CN code or the actual export date: the facts are not stated
    assert qn10.roles.question_id("cn_code") is None
    assert qn10.role_question("actual_export_date") is None
    assert qn10.answer_for("actual_export_date", {"export.actual_export_date": "2027-01-01"}) is None
    assert qn11.roles.question_id("actual_export_date") == "export.actual_export_date"


def test_every_role_of_1_1_names_a_question_of_the_type_it_needs(qn11):
    assert set(qn11.roles) == set(ROLE_TYPES)  # the newest version states every fact the program uses
    for role in ROLE_TYPES:
        q = qn11.role_question(role)
        assert q is not None, role
        assert q.type in ROLE_TYPES[role], (role, q.id, q.type)
        for field in ROLE_FIELDS.get(role, ()):
            assert field in {f.id for f in q.fields}, (role, field)


def test_a_role_code_does_not_know_is_an_error_not_a_missing_fact(qn11):
    with pytest.raises(UnknownRoleError, match="membr_state"):
        qn11.roles.question_id("membr_state")
    with pytest.raises(UnknownRoleError):
        qn11.answer_for("destination", {"export.destination_country": "CN"})


def test_a_shipped_file_copied_elsewhere_keeps_its_roles(tmp_path):
    shutil.copy(QDIR / "art5-1.1.0.yaml", tmp_path / "art5-1.1.0.yaml")
    qn = qmod.load(tmp_path / "art5-1.1.0.yaml")
    assert qn.official and qn.roles.question_id("parties") == "parties.list"


# ------------------------------------------------------------------------ the inline block

def _with_roles(tmp_path, roles, version="2.0.0", sidecar=True):
    """A copy of 1.1.0 as a new version with its own ``roles:`` block (and the sidecar beside it)."""
    text = (QDIR / "art5-1.1.0.yaml").read_text(encoding="utf-8").replace('version: "1.1.0"',
                                                                         f'version: "{version}"', 1)
    text += "\n" + yaml.safe_dump({"roles": roles})
    path = tmp_path / f"art5-{version}.yaml"
    path.write_text(text, encoding="utf-8")
    if sidecar:
        shutil.copy(SIDECAR, tmp_path / SIDECAR.name)
    return path


def test_an_inline_roles_block_wins_over_the_roles_file(tmp_path):
    path = _with_roles(tmp_path, {"member_state": "export.member_state", "product_name": "item.description"})
    qn = qmod.load(path)
    assert qn.roles.source == str(path)
    assert qn.roles.question_id("product_name") == "item.description"
    # the block is the whole declaration: a role it leaves out is not stated, whatever the file beside says
    assert qn.roles.question_id("parties") is None


def test_an_inline_role_naming_a_missing_question_names_the_file_and_the_role(tmp_path):
    path = _with_roles(tmp_path, {"destination_country": "export.destination"})
    with pytest.raises(QuestionnaireError) as exc:
        qmod.load(path)
    msg = str(exc.value)
    assert str(path) in msg and "'destination_country'" in msg and "'export.destination'" in msg


def test_an_inline_role_of_the_wrong_type_or_unknown_name_is_refused(tmp_path):
    path = _with_roles(tmp_path, {"member_state": "item.name", "favourite_colour": "item.name"})
    with pytest.raises(QuestionnaireError) as exc:
        qmod.load(path)
    msg = str(exc.value)
    assert "role 'member_state' names question 'item.name' of type text; the role needs country" in msg
    assert "role 'favourite_colour' is not a role the program knows" in msg


def test_a_malformed_roles_block_is_refused(tmp_path):
    path = _with_roles(tmp_path, ["member_state"])
    with pytest.raises(QuestionnaireError, match="roles: must be a map of role name to question id"):
        qmod.load(path)


# ------------------------------------------------------------------------ the roles file

def _program_copy(tmp_path, roles_text):
    """The two released versions, renamed so they are not the shipped files, with ``roles_text``."""
    for v in ("1.0.0", "1.1.0"):
        text = (QDIR / f"art5-{v}.yaml").read_text(encoding="utf-8") + "\n# a copy\n"  # not official
        (tmp_path / f"art5-{v}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / SIDECAR.name).write_text(roles_text, encoding="utf-8")
    return tmp_path


def test_a_roles_file_naming_a_missing_question_names_the_roles_file_and_the_role(tmp_path):
    text = SIDECAR.read_text(encoding="utf-8").replace("parties: parties.list", "parties: parties.lists")
    folder = _program_copy(tmp_path, text)
    with pytest.raises(QuestionnaireError) as exc:
        qmod.load(folder / "art5-1.1.0.yaml")
    msg = str(exc.value)
    assert str(folder / "art5-1.1.0.yaml") in msg and str(folder / SIDECAR.name) in msg
    assert "role 'parties' names question 'parties.lists', which version 1.1.0 does not have" in msg


def test_a_version_the_roles_file_lists_must_have_every_question(tmp_path):
    # without the 1.0.0 override, 1.0.0 would claim a CN code question it does not ask
    text = SIDECAR.read_text(encoding="utf-8").replace("    cn_code: null", "")
    folder = _program_copy(tmp_path, text)
    with pytest.raises(QuestionnaireError, match="role 'cn_code' names question 'item.cn_code', which version 1.0.0"):
        qmod.load(folder / "art5-1.0.0.yaml")
    assert qmod.load(folder / "art5-1.1.0.yaml").roles.question_id("cn_code") == "item.cn_code"


def test_a_version_the_roles_file_does_not_list_loses_only_the_roles_it_cannot_state(tmp_path):
    from app.assessment import lint

    text = SIDECAR.read_text(encoding="utf-8").replace('  "1.0.0":', '  "0.9.0":')
    folder = _program_copy(tmp_path, text)
    qn = qmod.load(folder / "art5-1.0.0.yaml")
    assert qn.roles.question_id("cn_code") is None and qn.roles.question_id("member_state") == "export.member_state"
    report = lint.lint(folder / "art5-1.0.0.yaml")
    assert any("role 'cn_code'" in w and "versions:" in w for w in report.warnings), report.format()


def test_a_roles_file_with_an_unknown_key_or_a_bad_id_is_refused(tmp_path):
    text = SIDECAR.read_text(encoding="utf-8").replace("roles:\n", "rolez: {}\nroles:\n", 1)
    text = text.replace("value: export.value", "value: Export Value")
    folder = _program_copy(tmp_path, text)
    with pytest.raises(QuestionnaireError) as exc:
        qmod.load(folder / "art5-1.1.0.yaml")
    assert "unknown key 'rolez'" in str(exc.value)
    assert "role 'value' names 'Export Value', which is not a question id" in str(exc.value)


def test_the_shipped_roles_file_lints_clean_and_is_pinned():
    from app.assessment import lint
    from app.base import official

    report = lint.lint(SIDECAR)
    assert report.ok and report.warnings == [], report.format()
    assert "questionnaires/art5.roles.yaml" in official.MANIFEST
    assert yaml.safe_load(SIDECAR.read_text(encoding="utf-8"))["version"]


def test_the_roles_file_is_never_taken_for_a_questionnaire():
    found = qmod.load_all()
    assert all(not str(q.path).endswith(".roles.yaml") for q in found.values())
    assert {v for (i, v) in found if i == "art5"} >= {"1.0.0", "1.1.0"}


# ------------------------------------------------------------------------ what the user sees

def test_a_fact_the_version_does_not_ask_is_not_stated_in_the_notification(qn10):
    """An answer stored under a question the version does not have (here the CN code, which
    1.0.0 does not ask) never reaches the notification as if the exporter had stated it."""
    from app.assessment.engine import decide
    from app.documents.notification import build_context

    answers = {"export.member_state": "DE", "export.destination_country": "CN", "item.cn_code": "8517 62",
               "item.name": "Netwatch"}
    ctx = build_context(questionnaire=qn10, answers=answers, result=decide(qn10, answers),
                        profile={"name": "Exporter"}, meta={"reference": "A-1"}, today=_dt.date(2026, 12, 1))
    assert ctx["item"]["cn_code"] == "" and ctx["item"]["name"] == "Netwatch"
    assert ctx["facts_raw"]["member_state"] == "DE"


def test_register_columns_follow_the_roles_of_the_assessments_version(open_store):
    """1.0.0 has no actual export date: a stray answer under that id does not move retention."""
    s = open_store()
    old = s.create_assessment("art5", "1.0.0")
    new = s.create_assessment("art5", "1.1.0")
    for a in (old, new):
        s.save_answer(a.id, "export.shipment_date", "2027-02-01")
        s.save_answer(a.id, "export.actual_export_date", "2029-03-01")
    assert s.get(old.id).export_date == "2027-02-01"
    assert s.get(new.id).export_date == "2029-03-01"


def test_a_session_gives_the_register_the_roles_of_its_questionnaire(open_store, demo_qn):
    """A questionnaire from another folder (the demo) declares its own roles; the register's
    Customer column follows them."""
    from app.assessment.session import AssessmentSession

    s = open_store()
    session = AssessmentSession.new(s, demo_qn)
    session.answer("parties.list", [{"name": "Shop", "role": "consignee", "country": "CN"},
                                    {"name": "Acme", "role": "end_user", "country": "CN"}])
    assert s.get(session.assessment_id).customer == "Acme"


# ------------------------------------------------------------------------ no ids in code

def _art5_question_ids():
    ids = set()
    for path in QDIR.glob("art5-*.yaml"):
        for page in yaml.safe_load(path.read_text(encoding="utf-8"))["pages"]:
            ids.update(q["id"] for q in page["questions"])
    return ids


def test_no_art5_question_id_is_named_in_the_program():
    """Code asks for roles (questionnaires/art5.roles.yaml); a question id in app/ or ui/ would
    tie the program to one questionnaire version. A new question used by code gets a role."""
    ids = _art5_question_ids()
    assert len(ids) > 40
    pattern = re.compile(r"""(['"])(%s)\1""" % "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)))
    hits = []
    for folder in ("app", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                hits += [f"{path.relative_to(ROOT)}:{n}: {m.group(2)}" for m in pattern.finditer(line)]
    assert hits == [], "art5 question ids named in code (declare a role instead):\n" + "\n".join(hits)
