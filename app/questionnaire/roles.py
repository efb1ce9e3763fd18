"""Question roles: the facts the program uses by name, and the question that states each.

Code asks a questionnaire for a role (``qn.roles.question_id("member_state")``,
``qn.answer_for("destination_country", answers)``), never for a question id. The roles are data:
a questionnaire file's own ``roles:`` block, else the sidecar ``<id>.roles.yaml`` beside it
(``app.base.question_roles``). :data:`ROLE_TYPES` is the program's vocabulary: a role the program
does not know is an error in the data and in code (a typo must never read as "not stated"), a
known role that a version has no question for is ``None`` (the fact is not stated).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping

# role -> the question types that can state it
ROLE_TYPES: dict[str, tuple[str, ...]] = {
    # the transaction
    "member_state": ("country",),
    "destination_country": ("country",),
    "export_kind": ("single_choice",),
    "quantity": ("number",),
    "quantity_unit": ("single_choice", "text"),
    "value": ("number",),
    "currency": ("single_choice", "text"),
    "contract_date": ("date",),
    "shipment_date": ("date",),
    "actual_export_date": ("date",),
    # the product
    "product_name": ("text",),
    "product_version": ("text",),
    "product_type": ("single_choice", "text"),
    "product_description": ("text",),
    "cn_code": ("text",),
    "vigilance_categories": ("multi_choice",),
    "annex_i_listed": ("yes_no_unsure",),
    # the elements of the definition of a cyber-surveillance item (Art. 2(20))
    "definition_specially_designed": ("yes_no_unsure", "yes_no"),
    "definition_covert": ("yes_no_unsure", "yes_no"),
    "definition_natural_persons": ("yes_no_unsure", "yes_no"),
    "definition_data_operations": ("multi_choice",),
    "definition_ict_source": ("yes_no_unsure", "yes_no"),
    # the parties
    "parties": ("group",),
    "parties_screened": ("yes_no", "yes_no_unsure"),
    # the end use and due diligence
    "end_user_type": ("single_choice",),
    "declared_use": ("text",),
    "end_user_statement": ("single_choice",),
    "services": ("multi_choice",),
    "awareness_facts": ("text",),
    "legal_framework": ("single_choice",),
    "hr_findings": ("yes_no_unsure", "yes_no"),
    "hr_sources": ("text",),
    "armed_conflict": ("yes_no_unsure", "yes_no"),
    "red_flags": ("multi_choice",),
    "red_flag_notes": ("text",),
    "mitigation_measures": ("multi_choice",),
    "mitigation_details": ("text",),
}

# the fields a group question must have to state a role (the program reads them by name)
ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "parties": ("name", "role", "country"),
}


class UnknownRoleError(LookupError):
    """Code asked for a role the program does not declare (a typo, never "not stated")."""

    def __init__(self, role: str):
        self.role = role
        super().__init__(f"unknown question role {role!r}; the roles are declared in "
                         f"app/questionnaire/roles.py (ROLE_TYPES)")


def check_role(role: str) -> str:
    if role not in ROLE_TYPES:
        raise UnknownRoleError(role)
    return role


class Roles(Mapping[str, str]):
    """role -> question id for one questionnaire version, and where it was declared (``source``:
    the questionnaire file or its sidecar). Reading an unknown role raises UnknownRoleError."""

    def __init__(self, mapping: Mapping[str, str] | None = None, source: str = "",
                 left_out: tuple[str, ...] = ()):
        self._map = dict(mapping or {})
        self.source = source
        # roles the declaration names for a version it does not list, whose question that
        # version lacks (``questionnaire check`` warns about them)
        self.left_out = left_out

    def question_id(self, role: str) -> str | None:
        """The id of the question stating ``role`` in this version, or None when it has none."""
        return self._map.get(check_role(role))

    def __getitem__(self, role: str) -> str:
        qid = self.question_id(role)
        if qid is None:
            raise KeyError(role)
        return qid

    def __contains__(self, role: object) -> bool:
        return isinstance(role, str) and check_role(role) in self._map

    def __iter__(self) -> Iterator[str]:
        return iter(self._map)

    def __len__(self) -> int:
        return len(self._map)

    def __repr__(self) -> str:
        return f"Roles({self._map!r}, source={self.source!r})"

    def answer(self, role: str, answers: Mapping[str, Any]) -> Any:
        """The answer stating ``role``, or None when unanswered or the version has no such question."""
        qid = self.question_id(role)
        return answers.get(qid) if qid is not None else None


def role_question_id(questionnaire_id: str, version: str, role: str) -> str | None:
    """The question id of ``role`` for a stored assessment's questionnaire version (among the
    program's questionnaires), without loading the questionnaire."""
    from app.base.question_roles import roles_for

    return roles_for(questionnaire_id, version).get(check_role(role))


def question_of(role: str) -> Callable[[str, str], str | None]:
    """``(questionnaire id, version) -> question id`` of ``role``: for work over every assessment
    of the register (screening the saved parties again after a new list)."""
    check_role(role)
    return lambda questionnaire_id, version: role_question_id(questionnaire_id, version, role)
