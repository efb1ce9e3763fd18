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

# The same deal with every question that applies answered, as a finished assessment has it:
# what a test needs to sign (the program signs no incomplete assessment, from anywhere).
NOTIFY_DE_TO_CN_COMPLETE = {
    **NOTIFY_DE_TO_CN,
    "export.kind": "physical", "export.quantity": 2, "export.quantity_unit": "systems", "export.value": 250000,
    "export.currency": "EUR", "export.shipment_date": "2027-03-01", "item.name": "NetWatch 5",
    "item.type": "software", "item.description": "Network monitoring and analysis suite",
    "item.vigilance_categories": ["social_media_monitoring"], "enduse.end_user_type": "gov_police_security",
    "enduse.declared_use": "Monitoring of public networks", "enduse.end_user_statement": "requested",
    "enduse.plausible": "unsure", "enduse.legal_framework": "partial", "enduse.hr_findings": "yes",
    "enduse.armed_conflict": "no", "enduse.services": ["installation", "training"],
    "parties.list": [{"role": "end_user", "name": "Example Public Security Bureau", "country": "CN",
                      "address": "1 Example Road, Beijing"}],
    "parties.screened": "yes", "redflags.notes": "Marketed as covert.",
    "mitigation.measures": ["contract_end_use_undertaking"],
    "enduse.awareness_facts": "The customer asked for covert monitoring of journalists.",
}
