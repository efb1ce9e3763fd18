"""What the program allows with an assessment, decided once for every front end.

The wizard, the command line and a transfer bundle all ask here, so one policy holds
everywhere: a report is signed only when the assessment is complete and no potential
sanctions-list match awaits review.
"""

from __future__ import annotations

from typing import Any


def signing_blocked(result: Any) -> str | None:
    """Why a report with this result may not be signed yet, or None.

    Never while a potential sanctions-list match awaits review, and never while a question
    that applies is unanswered: a signed report is the record an authority reads, and a
    provisional one would sign a decision the exporter has not finished making.
    """
    if getattr(result, "outcome", "") == "SCREENING_REVIEW":
        return ("a potential sanctions-list match is not reviewed yet; review it (clear or confirm) "
                "before signing")
    unanswered = getattr(result, "unanswered", None) or []
    if unanswered:
        return f"{len(unanswered)} question(s) are still unanswered (e.g. {unanswered[0]}); answer them before signing"
    return None
