"""Links users see for legal sources (issue 13): EUR-Lex, never a secondary legal database.

Questionnaire 1.0.0 (released, never edited) cites Articles 2, 3, 4, 5 and 27 of Regulation
(EU) 2021/821 with links to a Romanian legal database (sintact.ro) where they were checked.
Users get the act on EUR-Lex (its ELI) instead; the data files keep what they say.
"""

from __future__ import annotations

# act-level ELI for the databases' per-article pages that reproduce an act on EUR-Lex
_MIRRORS = {
    "sintact.ro/legislatie/jurnalul-oficial-ue/regulamentul-821-20-mai-2021": "https://eur-lex.europa.eu/eli/reg/2021/821/oj",
}
# the words users read for a source that is not yet checked against the official text
NOT_YET_CHECKED = "not yet checked against the Official Journal"


def public_url(url: str) -> str:
    """The EUR-Lex address for a link into a mirror of an EU act; other links unchanged."""
    if not url:
        return url
    for fragment, eli in _MIRRORS.items():
        if fragment in url:
            return eli
    return url
