"""Name normalisation for screening: one Latin, lower-case, punctuation-free form per name.

Steps, in order: Greek digraphs that a letter-by-letter transliteration gets wrong ("ου" is
"ou"), transliteration of every script to Latin with ``anyascii`` (Cyrillic, Greek, Arabic,
...; diacritics go too: "Müller" is "Muller"), case folding, punctuation to spaces, and removal
of common legal forms ("LLC", "OOO", "GmbH", "S.A.", ...) wherever they stand. Word order is
handled by the scorer (tokens are compared sorted).

Arabic script carries no short vowels, so "محمد" becomes "mhmd"; :func:`skeleton` reduces any
name to its consonants so that such a form can still be compared with "Mohammed".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Common legal forms, as single tokens after normalisation (dots and spaces removed where
# they would split the form: "S.A." -> "s a" -> handled by MULTI_TOKEN_FORMS).
LEGAL_FORMS = frozenset("""
llc ltd limited gmbh mbh ooo oao zao pao ao jsc ojsc cjsc pjsc sa sas sarl srl spa sp bv nv ag
inc incorporated corp corporation co company plc llp lp kg ohg ug ab oy oyj as asa aps fze fzco
fzc fz llc tov pte bhd sdn jv kft zrt doo dd sro spzoo zoo ad ood eood ek ev gbr se ltda cia
pvt private public holding holdings group
""".split())
# Multi-token spellings, matched on the token list (after punctuation became spaces).
MULTI_TOKEN_FORMS = (
    ("s", "a"), ("s", "a", "r", "l"), ("s", "r", "l"), ("s", "p", "a"), ("b", "v"), ("n", "v"),
    ("l", "l", "c"), ("j", "s", "c"), ("p", "l", "c"), ("sp", "z", "o", "o"), ("s", "r", "o"),
    ("d", "o", "o"), ("co", "ltd"), ("pte", "ltd"), ("sdn", "bhd"), ("pvt", "ltd"),
    ("limited", "liability", "company"), ("joint", "stock", "company"),
    ("closed", "joint", "stock", "company"), ("open", "joint", "stock", "company"),
    ("public", "joint", "stock", "company"),
    ("obshchestvo", "s", "ogranichennoi", "otvetstvennostiu"),
    ("aktsionernoe", "obshchestvo"), ("aktsionernoye", "obshchestvo"),
)
# Tokens that carry no identity on their own; kept in names, ignored by the prefilter.
WEAK_TOKENS = frozenset("al el bin ibn bint abu abd de la le von van der den di da du of the and".split())

_GREEK_FIXES = (("ου", "ou"), ("Ου", "Ou"), ("ΟΥ", "OU"), ("ού", "ou"), ("Ού", "Ou"), ("μπ", "b"),
                ("Μπ", "B"), ("ντ", "d"), ("Ντ", "D"))
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text or ""))


def transliterate(text: str) -> str:
    """Any script to ASCII Latin; diacritics removed. Invisible and control characters go
    first, the way input does it (app.base.textsafety): a right-to-left override is read in the
    order it is shown, a filler character that shows as a blank separates words."""
    from app.base.textsafety import clean_text

    text = unicodedata.normalize("NFC", clean_text(text or ""))
    if any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in text):
        for a, b in _GREEK_FIXES:
            text = text.replace(a, b)
    return anyascii(text)


_MULTI_FIRST = frozenset(f[0] for f in MULTI_TOKEN_FORMS)


def _strip_multi(tokens: list[str]) -> list[str]:
    if not _MULTI_FIRST.intersection(tokens):
        return tokens
    out = list(tokens)
    for form in sorted(MULTI_TOKEN_FORMS, key=len, reverse=True):
        n = len(form)
        i = 0
        while i + n <= len(out):
            if tuple(out[i:i + n]) == form and len(out) > n:
                del out[i:i + n]
            else:
                i += 1
    return out


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """The normalised tokens of a name, legal forms removed (unless nothing else is left)."""
    latin = transliterate(name).lower()
    raw = [t for t in _NON_ALNUM.split(latin) if t]
    while True:  # until stable: dropping "llc" from "s llc a" makes a new form "s a" (normalise is idempotent)
        raw = _strip_multi(raw)
        kept = [t for t in raw if t not in LEGAL_FORMS]
        if not kept or kept == raw:
            return tuple(kept if kept else raw)
        raw = kept


def normalise(name: str) -> str:
    """Normalised name, tokens in their original order."""
    return " ".join(tokens(name))


def sorted_form(name: str) -> str:
    """Normalised name with its tokens sorted (word order ignored)."""
    return " ".join(sorted(tokens(name)))


@lru_cache(maxsize=65536)
def skeleton(norm: str) -> str:
    """Consonant skeleton of a normalised name: vowels dropped, doubled letters collapsed,
    spaces removed ("mohammed abdullah" -> "mhmdbdlh"), for names written without vowels."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", norm.replace(" ", "")))


def removed_legal_forms(name: str) -> list[str]:
    """The legal-form tokens :func:`tokens` dropped from ``name`` (for explanations)."""
    latin = transliterate(name).lower()
    raw = [t for t in _NON_ALNUM.split(latin) if t]
    kept = set(tokens(name))
    return [t for t in raw if t not in kept]


_PHONETIC = (("sch", "sh"), ("tch", "ch"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("dzh", "j"), ("dj", "j"),
             ("zh", "j"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ye", "e"), ("yu", "u"),
             ("iu", "u"), ("ya", "a"), ("ia", "a"), ("ey", "ei"), ("w", "v"), ("q", "k"), ("c", "k"),
             ("x", "ks"), ("y", "i"), ("j", "i"))


@lru_cache(maxsize=65536)
def phonetic(norm: str) -> str:
    """A rough sound key of a normalised name, for transliteration variants that differ in
    letters rather than in sound ("Iwan Petrow" / "Ivan Petrov", "Khalil" / "Halil",
    "Dzhamal" / "Jamal")."""
    out = norm
    for a, b in _PHONETIC:
        out = out.replace(a, b)
    return _DOUBLES.sub(r"\1", out)

