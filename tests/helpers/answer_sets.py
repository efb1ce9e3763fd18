"""Answer sets shared by tests that need a complete, realistic assessment."""

# Monitoring software from Germany to China, not in Annex I, the exporter aware of the risk:
# the outcome is NOTIFY. Tests add or change what they are about (names, grounds to suspect).
# The last three answers are the list and Article 4 questions of questionnaire 1.1.0 (issue 13);
# version 1.0.0 has no such questions and ignores them.
NOTIFY_DE_TO_CN = {
    "export.member_state": "DE", "export.destination_country": "CN", "item.annex_i_listed": "no",
    "item.commercial_purpose_only": "none", "item.specially_designed": "yes", "item.covert": "yes",
    "item.natural_persons": "yes", "item.data_operations": ["monitoring", "analysing"], "item.ict_source": "yes",
    "authority.informed": "no", "redflags.observed": ["covert_marketing"], "enduse.aware": "yes",
    "item.military_listed": "no", "item.national_list": "no", "enduse.art4": "no",
}
