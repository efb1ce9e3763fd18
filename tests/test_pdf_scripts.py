"""Every script in the PDFs: party names in Chinese, Arabic, Hebrew, Greek, Cyrillic and
Devanagari print, read back with pdftotext, stand in the right order on the page, and the
report stays small; characters no font draws are named before signing."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from app.assessment import engine
from app.documents import report
from app.pdf import fonts
from app.questionnaire.model import load

FIXTURE = Path(__file__).parent / "fixtures" / "demo.yaml"
NAMES = {
    "zh": "华为技术有限公司",
    "ar": "شركة الاتصالات السعودية",
    "he": "חברת החשמל לישראל",
    "el": "Ελληνικά Πετρέλαια",
    "ru": "Ростелеком",
    "hi": "भारत संचार निगम लिमिटेड",
}
ANSWERS = {
    "basics.member_state": "DE", "basics.destination": "AE", "basics.item_name": "Argus",
    "item.listed": "no", "item.kind": "software", "item.ops": ["monitoring"], "deal.quantity": 1,
    "deal.aware": "yes",
    "parties.list": [{"name": n, "role": "end_user", "country": "AE", "address": None} for n in NAMES.values()],
}
PROFILE = {"name": "Example Exporter GmbH", "address": "Hauptstraße 5\n10115 Berlin", "eori": "DE1",
           "member_state": "DE", "contact_name": "Jane Doe", "contact_email": "jane@example.com"}
META = {"reference": "A5-1", "title": f"Export to {NAMES['ar']}", "status": "finished",
        "created_at": "2026-03-01T09:15:00+00:00", "generated_at": "2026-03-02T16:45:00+00:00"}

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
needs_fonts = pytest.mark.skipif(fonts.find_font("NotoSansArabic-Regular.ttf") is None
                                 or fonts.find_font("DroidSansFallbackFull.ttf") is None,
                                 reason="fonts-noto-core / fonts-droid-fallback not installed")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    qn = load(FIXTURE)
    out = tmp_path_factory.mktemp("scripts") / "report.pdf"
    return report.render_report(out, questionnaire=qn, answers=ANSWERS, result=engine.decide(qn, ANSWERS),
                                profile=PROFILE, meta=META)


def _plain(text: str) -> str:
    """Extracted text as a reader compares it: presentation forms normalised (NFKC), bidi
    controls and line breaks dropped, white space collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return " ".join(text.split())


def _devanagari_logical(text: str) -> str:
    """pdftotext reads a pre-base vowel sign (ि) where it is drawn, before its consonant; put it
    back after the consonant (and its virama conjunct) as typed."""
    return re.sub("\u093f((?:[\u0915-\u0939\u0958-\u095f]\u094d)*[\u0915-\u0939\u0958-\u095f])", "\\1\u093f", text)


@needs_poppler
@needs_fonts
def test_every_script_reads_back_with_pdftotext(pdf):
    text = _plain(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for lang in ("zh", "ar", "he", "el", "ru"):
        assert NAMES[lang] in text, lang
    assert NAMES["hi"] in _devanagari_logical(text).replace("टे ड", "टेड")
    assert text.count(NAMES["ar"]) >= 2  # the table and the title


@needs_poppler
@needs_fonts
def test_right_to_left_names_run_right_to_left(pdf):
    """The first word of an Arabic or Hebrew name stands to the right of the last one."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words: dict[str, list[float]] = {}
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out):
        word = m.group(3)
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in word):
            word = word[::-1]  # -bbox lists a right-to-left word's letters as drawn
        words.setdefault(_plain(word), []).append(float(m.group(1)))
    for lang in ("ar", "he"):
        first, *_, last = NAMES[lang].split()
        assert first in words and last in words, (lang, sorted(words)[:40])
        assert min(words[first]) > min(words[last]), lang


@needs_fonts
def test_fonts_are_embedded_as_subsets_and_the_report_stays_small(pdf):
    blob = pdf.read_bytes()
    assert len(blob) < 1_000_000
    for face in (b"NotoSansArabic", b"NotoSansHebrew", b"NotoSansDevanagari", b"DroidSansFallback"):
        assert face in blob, face
    # subsets: the 4 MB CJK font adds only the glyphs used
    assert len(blob) < 300_000


@needs_fonts
def test_page_image_is_drawn(pdf, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    assert list(tmp_path.glob("p*.png"))


def test_unrenderable_characters_are_named():
    cuneiform = "\U00012000"
    assert fonts.unrenderable("Acme " + cuneiform + " Ltd") == [cuneiform]
    assert fonts.unrenderable("Müller Ωμέγα Владимир") == []
    warning = fonts.unrenderable_warning(["ok", "Acme " + cuneiform])
    assert "U+12000" in warning and "CUNEIFORM" in warning
    assert fonts.unrenderable_warning(["plain text"]) == ""


def test_without_the_noto_fonts_chinese_is_reported_not_dropped(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "font_dirs", lambda: [Path(fonts.fonts_dir())])
    monkeypatch.setattr(fonts, "_loaded", {})
    monkeypatch.setattr(fonts, "_font_cache", {})
    assert fonts.unrenderable(NAMES["zh"])[:1] == ["华"]


@needs_fonts
def test_visual_order_keeps_words_logical_and_reverses_their_order():
    assert fonts.visual_order("to " + NAMES["he"] + " end") == "to " + " ".join(reversed(NAMES["he"].split())) + " end"
    assert fonts.visual_order("plain") == "plain"


def test_texts_of_walks_answers():
    assert fonts.texts_of({"a": ["x", {"b": "y"}], "n": 3}, "z") == ["x", "y", "z"]


@needs_poppler
@needs_fonts
def test_signature_stamp_prints_a_signer_named_in_arabic_and_chinese(tmp_path):
    from app.signing import sign as signing

    data = tmp_path / "data"
    signing.create_identity(data, "سارة الحسيني", "华为技术有限公司", "s@example.com", "DE", "stamp pass")
    qn = load(FIXTURE)
    out = signing.render_signed_report(tmp_path / "signed.pdf", data, "stamp pass", questionnaire=qn,
                                       answers=ANSWERS, result=engine.decide(qn, ANSWERS), profile=PROFILE,
                                       meta=META)
    assert signing.verify_pdf(out, data_dir=data).intact
    text = _plain(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    assert "سارة الحسيني" in text
    # a word that runs from one script's font into another's (CJK, then a full stop) is shaped
    # font by font: the full stop is a full stop, not a glyph of the CJK font
    assert "华为技术有限公司. The signature covers" in text
