"""An assessment's report written, and signed, the one way every front end takes.

The wizard and ``art5 assess`` both call :func:`write_report` with the same
:class:`app.assessment.workflow.ReportInputs`; a signed report is refused here, before any
layout work, when the policy does not allow signing the result (an incomplete assessment, a
sanctions-list match not reviewed), whoever asks.
"""

from __future__ import annotations

from pathlib import Path

from app.assessment.workflow import ReportInputs, SigningRefused, check_signable
from app.signing.sign import SigningError, render_signed_report


def refuse_unsignable(inputs: ReportInputs) -> None:
    """SigningError "the report is not signed: <why>" when the policy refuses a signed report."""
    try:
        check_signable(inputs.result)
    except SigningRefused as exc:
        raise SigningError(f"the report is not signed: {exc}") from None


def write_report(inputs: ReportInputs, target: Path, *, locale: str, data_dir: Path | None = None,
                 passphrase: str | None = None, signer: dict[str, str] | None = None) -> Path:
    """Write the report to ``target``; with ``passphrase``, signed with the identity in ``data_dir``
    (SigningError when refused or when the identity cannot sign; ReportError when the PDF cannot
    be written)."""
    if passphrase:
        if data_dir is None:
            raise SigningError("no data folder with a signing identity was given")
        refuse_unsignable(inputs)
        return render_signed_report(target, data_dir, passphrase, signer=signer, locale=locale, **inputs.report())
    from app.documents.report import render_report

    return render_report(target, locale=locale, **inputs.report())
