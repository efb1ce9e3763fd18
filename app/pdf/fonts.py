"""Every script in every PDF: font fallback, right-to-left order and shaping, and a check that
names the characters no font can draw.

The PDFs are set in the bundled DejaVu Sans (Latin, Greek, Cyrillic and more). A character in
a script DejaVu does not draw (or draws without proper shaping: Arabic, Hebrew) is set in a Noto
font for that script, and CJK in Droid Sans Fallback (the TrueType ancestor of Noto CJK;
reportlab embeds TrueType outlines only, and Debian's Noto CJK is CFF). The fonts come from
Debian packages (``fonts-noto-core``, ``fonts-droid-fallback``, installed by
installer/bootstrap.sh and .ci/run) and the bundle copies them into ``resources/fonts``
(installer/art5.spec); they are looked up there first, then in the system font folders. A
font is loaded only when a text needs it, so a report in a European language costs nothing
more, and reportlab embeds only the glyphs used (subsets).

Complex scripts are shaped with HarfBuzz (uharfbuzz, through reportlab's own shaping support).
Right-to-left runs are put in visual order with python-bidi before layout; each word stays in
logical order because HarfBuzz returns the glyphs of a right-to-left word in visual order.
The ToUnicode map of each embedded font maps contextual glyphs (Arabic positional forms,
Indic vowel-sign variants, ligatures) back to the characters typed, so that text extraction
(and search) returns the name as written.

A character that no available font draws is never dropped silently: :func:`unrenderable`
lists such characters, and the signing commands (CLI) and the GUI (``unrenderable_warning``)
warn before a document is signed.

No Qt. reportlab, uharfbuzz, python-bidi and fontTools are imported only where needed.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from app.base.paths import fonts_dir

BASE = "Art5Sans"
BASE_BOLD = "Art5Sans-Bold"
BASE_FILES = {BASE: "DejaVuSans.ttf", BASE_BOLD: "DejaVuSans-Bold.ttf"}

# family -> (regular file, bold file or None, shaped). Order matters only for the generic
# fallback (the last two).
FAMILIES: dict[str, tuple[str, str | None, bool]] = {
    "Art5Arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", True),
    "Art5Hebrew": ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", True),
    "Art5Syriac": ("NotoSansSyriac-Regular.ttf", None, True),
    "Art5Thaana": ("NotoSansThaana-Regular.ttf", "NotoSansThaana-Bold.ttf", True),
    "Art5Devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", True),
    "Art5Bengali": ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", True),
    "Art5Gurmukhi": ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", True),
    "Art5Gujarati": ("NotoSansGujarati-Regular.ttf", "NotoSansGujarati-Bold.ttf", True),
    "Art5Oriya": ("NotoSansOriya-Regular.ttf", "NotoSansOriya-Bold.ttf", True),
    "Art5Tamil": ("NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf", True),
    "Art5Telugu": ("NotoSansTelugu-Regular.ttf", "NotoSansTelugu-Bold.ttf", True),
    "Art5Kannada": ("NotoSansKannada-Regular.ttf", "NotoSansKannada-Bold.ttf", True),
    "Art5Malayalam": ("NotoSansMalayalam-Regular.ttf", "NotoSansMalayalam-Bold.ttf", True),
    "Art5Sinhala": ("NotoSansSinhala-Regular.ttf", "NotoSansSinhala-Bold.ttf", True),
    "Art5Thai": ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", True),
    "Art5Lao": ("NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf", True),
    "Art5Tibetan": ("NotoSerifTibetan-Regular.ttf", "NotoSerifTibetan-Bold.ttf", True),
    "Art5Myanmar": ("NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf", True),
    "Art5Georgian": ("NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf", False),
    "Art5Armenian": ("NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf", False),
    "Art5Ethiopic": ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", True),
    "Art5Khmer": ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", True),
    "Art5Mongolian": ("NotoSansMongolian-Regular.ttf", None, True),
    "Art5CJK": ("DroidSansFallbackFull.ttf", None, False),
    "Art5Noto": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", True),
}
GENERIC = ("Art5Noto", "Art5CJK")

# Unicode blocks -> the family that sets them (even where DejaVu has glyphs: it does not shape).
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "Art5Hebrew"), (0xFB1D, 0xFB4F, "Art5Hebrew"),
    (0x0600, 0x06FF, "Art5Arabic"), (0x0750, 0x077F, "Art5Arabic"), (0x0870, 0x08FF, "Art5Arabic"),
    (0xFB50, 0xFDFF, "Art5Arabic"), (0xFE70, 0xFEFF, "Art5Arabic"),
    (0x0700, 0x074F, "Art5Syriac"), (0x0780, 0x07BF, "Art5Thaana"),
    (0x0900, 0x097F, "Art5Devanagari"), (0xA8E0, 0xA8FF, "Art5Devanagari"),
    (0x0980, 0x09FF, "Art5Bengali"), (0x0A00, 0x0A7F, "Art5Gurmukhi"), (0x0A80, 0x0AFF, "Art5Gujarati"),
    (0x0B00, 0x0B7F, "Art5Oriya"), (0x0B80, 0x0BFF, "Art5Tamil"), (0x0C00, 0x0C7F, "Art5Telugu"),
    (0x0C80, 0x0CFF, "Art5Kannada"), (0x0D00, 0x0D7F, "Art5Malayalam"), (0x0D80, 0x0DFF, "Art5Sinhala"),
    (0x0E00, 0x0E7F, "Art5Thai"), (0x0E80, 0x0EFF, "Art5Lao"), (0x0F00, 0x0FFF, "Art5Tibetan"),
    (0x1000, 0x109F, "Art5Myanmar"), (0x10A0, 0x10FF, "Art5Georgian"), (0x1C90, 0x1CBF, "Art5Georgian"),
    (0x0530, 0x058F, "Art5Armenian"), (0x1200, 0x139F, "Art5Ethiopic"), (0x1780, 0x17FF, "Art5Khmer"),
    (0x1800, 0x18AF, "Art5Mongolian"),
    (0x1100, 0x11FF, "Art5CJK"), (0x2E80, 0x2FDF, "Art5CJK"), (0x3000, 0x303F, "Art5CJK"),
    (0x3040, 0x33FF, "Art5CJK"), (0x3400, 0x4DBF, "Art5CJK"), (0x4E00, 0x9FFF, "Art5CJK"),
    (0xA960, 0xA97F, "Art5CJK"), (0xAC00, 0xD7FF, "Art5CJK"), (0xF900, 0xFAFF, "Art5CJK"),
    (0xFF00, 0xFFEF, "Art5CJK"),
)
SHAPED = {f for f, (_, _, shaped) in FAMILIES.items() if shaped}

# System folders searched after resources/fonts (Debian's packages; macOS and Windows users get
# the fonts from the bundle).
SYSTEM_DIRS = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/truetype/droid",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/local/share/fonts",
)

_loaded: dict[str, Any] = {}  # family -> regular TTFont, or None when its file is missing
_base_cmap: set[int] | None = None


def font_dirs() -> list[Path]:
    dirs = [fonts_dir()]
    extra = os.environ.get("ART5_FONT_DIRS")
    if extra:
        dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    if not getattr(sys, "frozen", False):
        dirs += [Path(p) for p in SYSTEM_DIRS]
    return dirs


def find_font(filename: str) -> Path | None:
    for d in font_dirs():
        p = d / filename
        if p.is_file():
            return p
    return None


def font_files() -> list[Path]:
    """Every font file the documents may use that is present here (for the bundle)."""
    names = list(BASE_FILES.values())
    for reg, bold, _ in FAMILIES.values():
        names += [reg] + ([bold] if bold else [])
    return [p for p in (find_font(n) for n in names) if p is not None]


def _ttfont_class() -> Any:
    """reportlab's TTFont whose ToUnicode maps shaped glyphs back to the characters typed."""
    global _TTFontClass
    if _TTFontClass is not None:
        return _TTFontClass
    from reportlab.pdfbase import pdfdoc, ttfonts

    class Art5TTFont(ttfonts.TTFont):  # type: ignore[misc]  # reportlab is untyped
        _glyph_text: dict[int, str] | None = None

        def __init__(self, name: str, filename: str, **kw: Any) -> None:
            super().__init__(name, filename, **kw)
            self._art5_path = filename
            self._art5_private: dict[int, str] = {}

        def hbFont(self, fontSize: float = 10) -> Any:  # noqa: N802 - reportlab API
            font = super().hbFont(fontSize)
            add = self.hbAddPrivate  # type: ignore[has-type]  # reportlab's method, replaced below

            def add_private(name: str, gid: int, advance: float) -> int:
                code: int = add(name, gid, advance)
                if code not in self._art5_private:
                    self._art5_private[code] = self._text_of_glyph(gid)
                return code

            self.hbAddPrivate = add_private
            return font

        def _text_of_glyph(self, gid: int) -> str:
            if self._glyph_text is None:
                self._glyph_text = _glyph_texts(self._art5_path)
            return self._glyph_text.get(gid, "")

        def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab API
            # reportlab's own method, with a ToUnicode map that knows the shaped glyphs.
            try:
                state = self.state[doc]
            except KeyError:
                state = self.state[doc] = ttfonts.TTFont.State(self._asciiReadable)
            state.frozen = 1
            for n, subset in enumerate(state.subsets):
                internal = self.getSubsetInternalName(n, doc)[1:]
                base = (b"".join((ttfonts.SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
                pdf_font = pdfdoc.PDFTrueTypeFont()
                pdf_font.__Comment__ = "Font %s subset %d" % (self.fontName, n)
                pdf_font.Name = internal
                pdf_font.BaseFont = base
                pdf_font.FirstChar = 0
                pdf_font.LastChar = len(subset) - 1
                pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
                stream = pdfdoc.PDFStream()
                stream.content = _to_unicode_cmap(base, subset, self._art5_private)
                if doc.compression:
                    stream.filters = [pdfdoc.PDFZCompress]
                pdf_font.ToUnicode = doc.Reference(stream, "toUnicodeCMap:" + base)
                pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
                doc.Reference(pdf_font, internal)
                doc.idToObject["BasicFonts"].dict[internal] = pdf_font
            del self.state[doc]

    _TTFontClass = Art5TTFont
    return Art5TTFont


_TTFontClass: Any = None


def _glyph_texts(path: str) -> dict[int, str]:
    """glyph id -> the characters it stands for, following the font's substitutions (GSUB)."""
    try:
        from fontTools.ttLib import TTFont as FTFont
    except ImportError:  # pragma: no cover - a dependency of the project
        return {}
    ft = FTFont(path, lazy=True)
    order = {name: i for i, name in enumerate(ft.getGlyphOrder())}
    text: dict[str, str] = {}
    for code, name in sorted(ft.getBestCmap().items()):
        text.setdefault(name, chr(code))
    if "GSUB" in ft:
        lookups = ft["GSUB"].table.LookupList.Lookup if ft["GSUB"].table.LookupList else []
        for _ in range(4):  # substitutions of substitutions
            grew = False
            for lookup in lookups:
                for st in lookup.SubTable:
                    kind = lookup.LookupType
                    if kind == 7:
                        kind, st = st.ExtensionLookupType, st.ExtSubTable
                    pairs: list[tuple[str, str]] = []
                    if kind == 1:
                        pairs = [(o, text.get(i, "")) for i, o in st.mapping.items()]
                    elif kind in (2, 3):
                        table = st.mapping if kind == 2 else st.alternates
                        for i, outs in table.items():
                            pairs += [(o, text.get(i, "") if n == 0 or kind == 3 else "") for n, o in enumerate(outs)]
                    elif kind == 4:
                        for first, ligs in st.ligatures.items():
                            for lig in ligs:
                                parts = [text.get(first, "")] + [text.get(c, "") for c in lig.Component]
                                pairs.append((lig.LigGlyph, "".join(parts) if all(parts) else ""))
                    for out, t in pairs:
                        if t and out not in text:
                            text[out] = t
                            grew = True
            if not grew:
                break
    ft.close()
    return {order[n]: t for n, t in text.items() if n in order}


def _unicode_of(code: int, private: dict[int, str]) -> str:
    text = private.get(code)
    if text:
        return text
    # Arabic and Hebrew presentation forms stay single characters: text extractors reverse a
    # right-to-left line character by character, so "lam-alef" mapped to two letters would come
    # out backwards; as one presentation form it reads right and normalises (NFKC) to the letters.
    return chr(code)


def _to_unicode_cmap(fontname: str, subset: list[int], private: dict[int, str]) -> str:
    def utf16(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
             "<< /Registry (%s)" % fontname, "/Ordering (%s)" % fontname, "/Supplement 0", ">> def",
             "/CMapName /%s def" % fontname, "/CMapType 2 def", "1 begincodespacerange",
             "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset)]
    lines += ["<%02X> <%s>" % (i, utf16(_unicode_of(v, private))) for i, v in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- registration


def _no_optional_ligatures() -> None:
    """Shape with the required forms only (Arabic joining, lam-alef, Indic conjuncts): reportlab
    turns on the optional ``liga`` and ``dlig`` ligatures, whose glyphs stand for several
    letters and come out of right-to-left text extraction in the wrong order."""
    from reportlab.pdfbase import ttfonts

    defaults = getattr(ttfonts.shapeFragWord, "__defaults__", None) or ()
    if defaults and isinstance(defaults[0], dict):
        defaults[0].update(liga=False, dlig=False)


def _shape_per_font() -> None:
    """Make reportlab shape a word that spans several fonts one font at a time.

    reportlab 5 shapes a whole word (text between spaces) with the font of its first fragment,
    so "سارة," (Arabic, then a DejaVu comma) or "公司." drew the comma or full stop with a glyph
    id of the wrong font (an empty box). The paragraph module's ``shapeFragWord`` is wrapped:
    runs of one font are shaped separately and joined."""
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.platypus import paragraph

    original = ttfonts.shapeFragWord
    if getattr(paragraph.shapeFragWord, "_art5", False):
        return

    def shape(w: Any, *args: Any, **kw: Any) -> Any:
        parts = w[1:]
        if len(parts) < 2 or isinstance(w, ttfonts.ShapedFragWord) or any(hasattr(f, "cbDefn") for f, _ in parts):
            return original(w, *args, **kw)
        names = {f.fontName for f, _ in parts}
        if len(names) < 2:
            return original(w, *args, **kw)
        groups: list[list[Any]] = []
        for f, text in parts:
            if groups and groups[-1][0][0].fontName == f.fontName:
                groups[-1].append((f, text))
            else:
                groups.append([(f, text)])
        out: list[Any] = []
        width = 0.0
        changed = False
        for g in groups:
            gw = sum(pdfmetrics.stringWidth(t, f.fontName, f.fontSize) for f, t in g)
            shaped = original([gw] + g, *args, **kw)
            changed = changed or shaped[1:] != g
            width += shaped[0]
            out += list(shaped[1:])
        if not changed:
            return w
        new = ttfonts.makeShapedFragWord(w)([width] + out)
        return new

    shape._art5 = True  # type: ignore[attr-defined]
    paragraph.shapeFragWord = shape


def register_base() -> None:
    """Register DejaVu Sans (regular and bold) as the documents' base font."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    _no_optional_ligatures()
    _shape_per_font()

    if BASE in pdfmetrics.getRegisteredFontNames():
        return
    cls = _ttfont_class()
    for name, filename in BASE_FILES.items():
        path = fonts_dir() / filename
        if not path.is_file():
            raise FileNotFoundError(f"the report font {path} is missing; reinstall the program")
        pdfmetrics.registerFont(cls(name, str(path)))
    for bold, italic, face in ((0, 0, BASE), (1, 0, BASE_BOLD), (0, 1, BASE), (1, 1, BASE_BOLD)):
        addMapping(BASE, bold, italic, face)


def _family(name: str) -> Any:
    """The regular face of ``name`` (registered with its bold), or None when its file is missing."""
    if name in _loaded:
        return _loaded[name]
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    reg, bold, _ = FAMILIES[name]
    path = find_font(reg)
    if path is None:
        _loaded[name] = None
        return None
    cls = _ttfont_class()
    font = cls(name, str(path))
    pdfmetrics.registerFont(font)
    bold_name = name
    bold_path = find_font(bold) if bold else None
    if bold_path is not None:
        bold_name = name + "-Bold"
        pdfmetrics.registerFont(cls(bold_name, str(bold_path)))
    for b, i, face in ((0, 0, name), (1, 0, bold_name), (0, 1, name), (1, 1, bold_name)):
        addMapping(name, b, i, face)
    _loaded[name] = font
    return font


def _has(font: Any, code: int) -> bool:
    return font is not None and code in font.face.charToGlyph


def _base_has(code: int) -> bool:
    global _base_cmap
    if _base_cmap is None:
        from reportlab.pdfbase import pdfmetrics

        register_base()
        _base_cmap = set(pdfmetrics.getFont(BASE).face.charToGlyph)
    return code in _base_cmap


def _block_family(code: int) -> str | None:
    for lo, hi, fam in _RANGES:
        if lo <= code <= hi:
            return fam
    return None


def _invisible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return ch.isspace() or cat in ("Cc", "Cf", "Zs", "Zl", "Zp")


_font_cache: dict[str, str | None] = {}


def font_for(ch: str) -> str | None:
    """The font family that draws ``ch``, or None when no available font does (cached per character)."""
    try:
        return _font_cache[ch]
    except KeyError:
        pass
    fam = _font_for(ch)
    _font_cache[ch] = fam
    return fam


def _font_for(ch: str) -> str | None:
    code = ord(ch)
    fam = _block_family(code)
    if fam is not None:
        if _has(_family(fam), code):
            return fam
    if code < 0x250 or _base_has(code):  # Latin is always DejaVu's
        return BASE
    for g in GENERIC:
        if _has(_family(g), code):
            return g
    return None


def unrenderable(text: str) -> list[str]:
    """The distinct characters of ``text`` that no available font draws, in order of appearance."""
    out: list[str] = []
    for ch in str(text or ""):
        if ch in out or _invisible(ch) or ord(ch) < 0x250:
            continue
        if font_for(ch) is None:
            out.append(ch)
    return out


def describe(chars: Iterable[str]) -> str:
    """``"字" (U+5B57, CJK UNIFIED IDEOGRAPH-5B57), ...`` for a message."""
    parts = []
    for ch in chars:
        name = unicodedata.name(ch, "unnamed character")
        parts.append(f"\u201c{ch}\u201d (U+{ord(ch):04X}, {name})")
    return ", ".join(parts)


def texts_of(*values: Any) -> list[str]:
    """Every string inside ``values`` (dicts, lists, scalars): what a document may print."""
    out: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(x)
        elif isinstance(v, (list, tuple, set)):
            for x in v:
                walk(x)

    for v in values:
        walk(v)
    return out


def unrenderable_warning(texts: Iterable[str]) -> str:
    """A warning naming the characters of ``texts`` that the PDF cannot show, or ``""``.

    The CLI prints it before signing and refuses to sign without ``--accept-missing-glyphs``; the
    GUI calls it to ask the user before signing."""
    seen: list[str] = []
    for t in texts:
        for ch in unrenderable(t):
            if ch not in seen:
                seen.append(ch)
    if not seen:
        return ""
    return ("These characters cannot be shown in the PDF (no font for them is installed) and would print "
            "as empty boxes: " + describe(seen) + ". Install the Noto fonts (fonts-noto-core, "
            "fonts-droid-fallback) or reinstall the program, or write the names in another script.")


# --------------------------------------------------------------------------- runs


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def visual_order(text: str) -> str:
    """``text`` (left-to-right paragraph) with its right-to-left runs in visual order.

    Words inside a right-to-left run keep their logical character order: the shaping engine
    lays out each right-to-left word itself."""
    if not any(_is_rtl(ch) for ch in text):
        return text
    from bidi import get_display

    vis = get_display(text, base_dir="L")
    out: list[str] = []
    run: list[str] = []
    for ch in vis:
        if _is_rtl(ch) or (run and unicodedata.category(ch) in ("Mn", "Me", "Cf")):
            run.append(ch)
            continue
        if run:
            out.extend(reversed(run))
            run = []
        out.append(ch)
    out.extend(reversed(run))
    return "".join(out)


def runs(text: str, base: str = BASE) -> list[tuple[str, str]]:
    """``text`` in visual order, cut into (font family, text) runs; ``base`` for what DejaVu draws."""
    text = visual_order(text)
    out: list[tuple[str, str]] = []
    cur: str | None = None
    buf: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cur is not None and (cat in ("Mn", "Mc", "Me") or ch in "\u200c\u200d"):
            fam = cur  # marks and joiners stay with their letter
        elif _invisible(ch) or ord(ch) < 0x250:
            fam = cur if (cur is not None and cur != base and ch == " ") else base
        else:
            fam = font_for(ch) or base
            if fam == BASE:
                fam = base
        if fam != cur and buf:
            out.append((cur or base, "".join(buf)))
            buf = []
        cur = fam
        buf.append(ch)
    if buf:
        out.append((cur or base, "".join(buf)))
    # a space that ended a run of another font goes back to the base font
    return out


def needs_shaping(families: Iterable[str]) -> bool:
    return any(f in SHAPED for f in families)


def markup(text: str, escape: Any) -> tuple[str, bool]:
    """Paragraph markup for plain ``text``: escaped, runs in other scripts wrapped in
    ``<font name=...>``. Returns (markup, whether the paragraph needs shaping)."""
    if not text:
        return "", False
    if all(ord(ch) < 0x250 or (font_for(ch) == BASE and not _is_rtl(ch)) for ch in text):
        return escape(text), False  # all DejaVu, left to right: nothing to split
    parts = []
    families = set()
    for fam, chunk in runs(text):
        families.add(fam)
        parts.append(escape(chunk) if fam == BASE else f'<font name="{fam}">{escape(chunk)}</font>')
    return "".join(parts), needs_shaping(families)


def draw_string(canvas: Any, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> float:
    """Draw ``text`` on a reportlab canvas with fallback fonts, bidi order and shaping; returns its
    width. ``align`` is left, right or centre (x is then the right edge or the centre)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import shapeStr

    pieces = []
    for fam, chunk in runs(text, base=font):
        name = fam
        if fam in SHAPED:
            try:
                chunk = shapeStr(chunk, fam, size)
            except Exception:  # noqa: BLE001 - unshaped is still better than nothing
                pass
        width = (sum(d.x_advance for d in chunk.__shapeData__) * size / 1000
                 if hasattr(chunk, "__shapeData__") else stringWidth(chunk, name, size))
        pieces.append((name, chunk, width))
    total: float = sum(w for _, _, w in pieces)
    if align == "right":
        x -= total
    elif align in ("centre", "center"):
        x -= total / 2
    for name, chunk, width in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += width
    return total


def string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width: float = sum(stringWidth(chunk, fam, size) for fam, chunk in runs(text, base=font))
    return width
