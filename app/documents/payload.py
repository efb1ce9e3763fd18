"""The answers and result a report carries inside itself: the PDF attachment ``assessment.json``.

Canonical JSON with the SHA-256 of its content inside, so that a reader (``art5 verify``, a
bundle import) can tell an intact record from an edited one without trusting the PDF around it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

ATTACHMENT_NAME = "assessment.json"
ATTACHMENT_FORMAT = "art5-assessment"


def attachment_payload(data: dict[str, Any]) -> bytes:
    """Canonical JSON bytes for the attachment, with a SHA-256 of its content inside."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    wrapper = {"format": ATTACHMENT_FORMAT, "version": 1, "sha256": digest, "content": json.loads(body)}
    return json.dumps(wrapper, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def check_payload(raw: bytes) -> tuple[bool, dict[str, Any] | None, str]:
    """(ok, content, problem) for the bytes of an attachment."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return False, None, f"the embedded {ATTACHMENT_NAME} is not valid JSON ({exc})"
    if not isinstance(doc, dict) or doc.get("format") != ATTACHMENT_FORMAT or "content" not in doc:
        return False, None, f"the embedded {ATTACHMENT_NAME} is not an Art5 assessment record"
    body = json.dumps(doc["content"], ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != doc.get("sha256"):
        return False, doc["content"], f"the embedded {ATTACHMENT_NAME} does not match its own SHA-256"
    return True, doc["content"], ""
