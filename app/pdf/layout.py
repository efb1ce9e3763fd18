"""The PDF layout kit: fonts, colours, page geometry, and the builder that turns the small
layout XML of a template (headings, paragraphs, key/value lists, tables, boxes) into reportlab
platypus flowables. The report and the notification use it with their own templates.

Inline markup is re-serialised from the parsed tree and limited to ``b``, ``i``, ``br`` and
``font``, so a user value (escaped by the template) reaches ``Paragraph`` as text and can never
become reportlab markup. Runs in scripts DejaVu does not draw get their own font (app.pdf.fonts).
reportlab and defusedxml are imported inside the functions that render.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Mapping


FONT = "Art5Sans"
FONT_BOLD = "Art5Sans-Bold"

# Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF).
_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COLOR_RE = re.compile(r"^(#[0-9A-Fa-f]{6}|[a-z]{3,20})$")
_SIZE_RE = re.compile(r"^\d{1,2}(\.\d{1,2})?$")

MM = 72 / 25.4
MARGIN = 20 * MM  # left and right
TOP_MARGIN = 18 * MM
BOTTOM_MARGIN = 22 * MM
FLOW_SHARE = 0.4  # a keep-together chain taller than this share of a page may split
KEEP_LINES_HEIGHT = 40.0  # ... but its headings stay with about three lines of what follows
# Colours of the layout.
INK = "#1F2933"
ACCENT = "#1F3A5F"
MUTED = "#5B6470"
RULE = "#C5CDD8"
HEAD_BG = "#E9EEF4"
OUTCOME_BG = "#EEF3F9"
WARN_BG = "#FDF3E1"
WARN_EDGE = "#C2410C"


def _clean(text: Any) -> str:
    """``text`` as a string XML can carry (invalid characters become U+FFFD)."""
    return _XML_INVALID.sub("\ufffd", "" if text is None else str(text))


# --------------------------------------------------------------------------- XML -> flowables

_INLINE = {"b", "i", "br", "font"}


def _esc_plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _esc(text: str | None) -> str:
    """``text`` as paragraph markup: escaped, and runs in scripts DejaVu does not draw (CJK,
    Arabic, Hebrew, Indic, ...) set in their own font, right-to-left runs in visual order
    (app.pdf.fonts)."""
    if not text:
        return ""
    from app.pdf import fonts

    return fonts.markup(text, _esc_plain)[0]


_SHAPED_FONT_RE = re.compile(r'<font name="(Art5[A-Za-z]+)">')


def _shaped(markup: str) -> bool:
    """Whether paragraph ``markup`` holds a run in a script that needs shaping (HarfBuzz)."""
    from app.pdf import fonts

    return "<font name=" in markup and fonts.needs_shaping(_SHAPED_FONT_RE.findall(markup))


def inline_markup(el: Any) -> str:
    """The inner content of ``el`` as reportlab paragraph markup.

    Text is re-escaped, so whatever the template's autoescape turned into text stays text.
    Only ``b``, ``i``, ``br`` and ``font`` (``color``, ``size``) survive; any other tag is a
    template bug and raises ``ValueError``.
    """
    out = [_esc(el.text)]
    for child in el:
        tag = child.tag
        if tag not in _INLINE:
            raise ValueError(f"report template: <{tag}> is not allowed inside <{el.tag}>")
        if tag == "br":
            out.append("<br/>")
        elif tag == "font":
            attrs = []
            color = child.get("color")
            size = child.get("size")
            if color is not None:
                if not _COLOR_RE.match(color):
                    raise ValueError(f"report template: bad font color {color!r}")
                attrs.append(f' color="{color}"')
            if size is not None:
                if not _SIZE_RE.match(size):
                    raise ValueError(f"report template: bad font size {size!r}")
                attrs.append(f' size="{size}"')
            out.append(f"<font{''.join(attrs)}>{inline_markup(child)}</font>")
        else:
            out.append(f"<{tag}>{inline_markup(child)}</{tag}>")
        out.append(_esc(child.tail))
    return "".join(out).strip()


def _register_fonts() -> None:
    # DejaVu upright and bold (italic maps to them); other scripts' fonts load when used.
    from app.pdf import fonts

    fonts.register_base()


# A long web address after other words: it starts a line of its own, so that it is never cut
# between "h" and "ttps://" at the end of the line before (reportlab cuts a word wider than a line
# letter by letter, beginning with what fits the rest of the current line).
_LONG_URI = re.compile(r"(?<=\S)[ \t]+((?:https?|ftp)://[^\s<]{40,})")


def _paragraph(markup: str, style: Any, **kw: Any) -> Any:
    """A Paragraph; shaped (HarfBuzz) when it holds Arabic, Hebrew, Indic or other complex script."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    markup = _LONG_URI.sub(r"<br/>\1", markup)

    if _shaped(markup):
        style = ParagraphStyle(f"{style.name}+shaped", parent=style, shaping=1)
    return Paragraph(markup, style, **kw)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    # No uriWasteReduce: reportlab then breaks a web address after a slash, but leaves a part
    # longer than a line running past the margin (cut off on paper); a web address wider than a
    # line is cut at the line's end instead, on a line of its own (see _paragraph)
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.2, textColor=colors.HexColor(INK),
                          alignment=TA_LEFT, spaceAfter=5)
    s: dict[str, Any] = {"body": base}

    def add(name: str, **kw: Any) -> None:
        parent = kw.pop("parent", base)
        s[name] = ParagraphStyle(name, parent=parent, **kw)

    add("title", fontName=FONT_BOLD, fontSize=22, leading=27, textColor=colors.HexColor(ACCENT), spaceAfter=6)
    add("subtitle", fontSize=8.5, leading=11, textColor=colors.HexColor(MUTED), spaceAfter=4)
    add("lead", fontSize=12.5, leading=16, spaceAfter=8)
    add("h1", fontName=FONT_BOLD, fontSize=15, leading=19, textColor=colors.HexColor(ACCENT), spaceBefore=16,
        spaceAfter=3, keepWithNext=1)
    add("h2", fontName=FONT_BOLD, fontSize=11.5, leading=15, textColor=colors.HexColor(ACCENT), spaceBefore=12,
        spaceAfter=5, keepWithNext=1)
    add("h3", fontName=FONT_BOLD, fontSize=9.5, leading=13, spaceBefore=7, spaceAfter=2, keepWithNext=1)
    add("small", fontSize=8, leading=10.5, spaceAfter=3)
    add("answer", spaceAfter=2)
    add("cite", fontSize=7.5, leading=9.8, textColor=colors.HexColor(MUTED), spaceAfter=4)
    add("label", fontSize=8, leading=10, textColor=colors.HexColor(MUTED), spaceAfter=1)
    add("outcome", fontName=FONT_BOLD, fontSize=15, leading=19, textColor=colors.HexColor(ACCENT), spaceAfter=2)
    add("warn", textColor=colors.HexColor(WARN_EDGE), spaceAfter=3)
    add("cell", fontSize=8.5, leading=11, spaceAfter=0)
    add("cellhead", parent=s["cell"], fontName=FONT_BOLD, textColor=colors.HexColor(ACCENT))
    add("kvlabel", parent=s["cell"], fontSize=9, leading=12, textColor=colors.HexColor(MUTED))
    add("kvvalue", parent=s["cell"], fontSize=9, leading=12)
    add("ul", leftIndent=14, bulletIndent=3, bulletFontName=FONT, bulletFontSize=9.5, spaceAfter=2.5)
    add("ol", leftIndent=18, bulletIndent=2, bulletFontName=FONT, bulletFontSize=9.5, spaceAfter=2.5)
    add("ul_last", parent=s["ul"], spaceAfter=7)
    add("ol_last", parent=s["ol"], spaceAfter=7)
    add("footer", fontSize=7.5, leading=9, textColor=colors.HexColor(MUTED))
    return s


_MODIFIERS = {"muted": {"textColor": MUTED}}


def _pstyle(styles: Mapping[str, Any], el: Any, default: str) -> Any:
    """The paragraph style of ``el``: its first class names the style, ``muted`` greys it."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    classes = (el.get("class") or "").split()
    base = [c for c in classes if c not in _MODIFIERS]
    mods = [c for c in classes if c in _MODIFIERS]
    if len(base) > 1 or any(c not in styles for c in base):
        raise ValueError(f"report template: bad class {el.get('class')!r} on <{el.tag}>")
    style = styles[base[0] if base else default]
    if mods:
        kw: dict[str, Any] = {}
        for m in mods:
            kw.update(_MODIFIERS[m])
        if "textColor" in kw:
            kw["textColor"] = colors.HexColor(kw["textColor"])
        style = ParagraphStyle(f"{style.name}+{'+'.join(mods)}", parent=style, **kw)
    return style


class _Builder:
    """Turns the layout XML into a list of flowables.

    ``<indent>`` shifts paragraphs, list items and tables right; it is applied to each flowable
    (not with platypus ``Indenter``) so that ``keepWithNext`` chains stay intact.
    ``<keep>`` chains its flowables with ``keepWithNext``; :func:`_keep_class` decides how
    such a chain breaks across pages.
    """

    def __init__(self, frame_width: float) -> None:
        from reportlab.lib import colors

        self.colors = colors
        self.styles = _styles()
        self.frame_width = frame_width
        self.indent = 0.0
        self.meta: dict[str, str] = {}
        self.footer: dict[str, str] = {}
        self.sig_boxes: list[tuple[int, tuple[float, float, float, float]]] = []
        self._derived: dict[tuple[str, float], Any] = {}

    def _indented(self, style: Any) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        shift = self.indent
        if not shift:
            return style
        key = (style.name, shift)
        if key not in self._derived:
            self._derived[key] = ParagraphStyle(f"{style.name}@{shift:g}", parent=style,
                                                leftIndent=style.leftIndent + shift,
                                                bulletIndent=style.bulletIndent + shift)
        return self._derived[key]

    def para(self, el: Any, style: Any, heading: bool = False, **kw: Any) -> Any:
        p = _paragraph(inline_markup(el), self._indented(style), **kw)
        p._art5_heading = heading
        return p

    def blocks(self, parent: Any) -> list[Any]:
        out: list[Any] = []
        for el in parent:
            out.extend(self.block(el))
        return out

    def block(self, el: Any) -> list[Any]:
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak, HRFlowable, PageBreak, Spacer

        colors = self.colors
        tag = el.tag
        if tag == "meta":
            self.meta = dict(el.attrib)
            return []
        if tag == "footer":
            self.footer = dict(el.attrib)
            return []
        if tag in ("title", "subtitle"):
            return [self.para(el, self.styles[tag])]
        if tag in ("h2", "h3"):
            return [self.para(el, self.styles[tag], heading=True)]
        if tag == "h1":
            rule = HRFlowable(width="100%", thickness=0.8, color=colors.HexColor(ACCENT), spaceBefore=0,
                              spaceAfter=6)
            rule.keepWithNext = 1
            rule._art5_heading = True
            return [CondPageBreak(60 * mm), self.para(el, self.styles["h1"], heading=True), rule]
        if tag == "p":
            return [self.para(el, _pstyle(self.styles, el, "body"))]
        if tag == "hr":
            return [HRFlowable(width="100%", thickness=0.5, color=colors.HexColor(RULE), spaceBefore=2,
                               spaceAfter=10)]
        if tag == "spacer":
            return [Spacer(1, float(el.get("height", "6")))]
        if tag == "pagebreak":
            return [PageBreak()]
        if tag == "keep":
            flowables = self.blocks(el)
            for f in flowables[:-1]:
                f.keepWithNext = 1
            return flowables
        if tag == "indent":
            left = float(el.get("left", "12"))
            self.indent += left
            try:
                return self.blocks(el)
            finally:
                self.indent -= left
        if tag == "box":
            return [self.box(el)]
        if tag == "kv":
            return [self.kv(el)]
        if tag == "table":
            table = self.table(el)
            return [table] if table is not None else []
        if tag in ("ul", "ol"):
            return self.listing(el)
        if tag == "sigbox":
            return [self.sigbox(el)]
        raise ValueError(f"report template: unknown block <{tag}>")

    def box(self, el: Any) -> Any:
        from reportlab.platypus import Table, TableStyle

        kind = el.get("class", "outcome")
        inner = self.blocks(el)
        bg, edge = (WARN_BG, WARN_EDGE) if kind == "provisional" else (OUTCOME_BG, ACCENT)
        t = Table([[inner]], colWidths=[self.frame_width], hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("BACKGROUND", (0, 0), (-1, -1), self.colors.HexColor(bg)),
            ("LINEBEFORE", (0, 0), (0, -1), 3, self.colors.HexColor(edge)),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        t.spaceAfter = 8
        return t

    def kv(self, el: Any) -> Any:
        from reportlab.platypus import Paragraph, Table, TableStyle

        rows = []
        for item in el:
            if item.tag != "item":
                raise ValueError(f"report template: <kv> holds <item> elements, not <{item.tag}>")
            rows.append([_paragraph(_esc(item.get("label", "")), self.styles["kvlabel"]),
                         _paragraph(inline_markup(item), self.styles["kvvalue"])])
        width = self.frame_width - self.indent
        t = Table(rows, colWidths=[0.28 * width, 0.72 * width], hAlign="RIGHT" if self.indent else "LEFT")
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, self.colors.HexColor(RULE)),
            ("LINEABOVE", (0, 0), (-1, 0), 0.4, self.colors.HexColor(RULE)),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]))
        t.spaceAfter = 4
        return t

    def table(self, el: Any) -> Any:
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph, Table, TableStyle

        header = el.get("header") == "1"
        small = "small" in (el.get("class") or "").split()
        body, head = self.styles["cell"], self.styles["cellhead"]
        if small:
            body = ParagraphStyle("cell-small", parent=body, fontSize=7.5, leading=9.5)
            head = ParagraphStyle("cellhead-small", parent=head, fontSize=7.5, leading=9.5)
        rows = []
        for r, row in enumerate(el):
            if row.tag != "row":
                raise ValueError(f"report template: <table> holds <row> elements, not <{row.tag}>")
            cells = []
            for cell in row:
                if cell.tag != "cell":
                    raise ValueError(f"report template: <row> holds <cell> elements, not <{cell.tag}>")
                cells.append(_paragraph(inline_markup(cell), head if header and r == 0 else body))
            rows.append(cells)
        if not rows:
            return None
        ncols = max(len(r) for r in rows)
        for cells in rows:
            cells.extend([""] * (ncols - len(cells)))
        widths_attr = el.get("widths")
        if widths_attr:
            weights = [float(w) for w in widths_attr.split(",")]
            if len(weights) != ncols:
                raise ValueError(f"report template: table has {ncols} columns but widths names {len(weights)}")
        else:
            weights = [1.0] * ncols
        width = self.frame_width - self.indent
        total = sum(weights)
        # splitInRow: a row taller than a page (an address of 120 lines) continues on the next page
        t = Table(rows, colWidths=[width * w / total for w in weights], repeatRows=1 if header else 0,
                  hAlign="RIGHT" if self.indent else "LEFT", splitInRow=1)
        commands = [
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, self.colors.HexColor(RULE)),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), self.colors.HexColor(HEAD_BG)))
        t.setStyle(TableStyle(commands))
        t.spaceBefore = 2
        t.spaceAfter = 5
        return t

    def sigbox(self, el: Any) -> Any:
        """A framed empty box where ``app.signing.sign`` draws the visible signature.

        Its place on the page is recorded (``self.sig_boxes``) and written into the PDF as the
        named destination ``art5-signature`` (/FitR), which the signer reads.
        """
        from reportlab.platypus import Flowable

        builder = self
        height = float(el.get("height", "34")) * MM
        width = min(float(el.get("width", "100")) * MM, self.frame_width - self.indent)
        label = inline_markup(el)
        style = self.styles["label"]

        class SigBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
            def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
                return width, height

            def draw(self) -> None:
                from reportlab.lib import colors
                from reportlab.platypus import Paragraph

                c = self.canv
                c.saveState()
                c.setStrokeColor(colors.HexColor(RULE))
                c.setDash(2, 2)
                c.setLineWidth(0.6)
                c.rect(0, 0, width, height)
                c.restoreState()
                if label:
                    p = _paragraph(label, style)
                    _, h = p.wrap(width - 8, height)
                    p.drawOn(c, 4, height - h - 3)
                x0, y0 = c.absolutePosition(0, 0)
                # the signature appearance sits below the label line
                builder.sig_boxes.append((c.getPageNumber(), (x0 + 2, y0 + 2, x0 + width - 2, y0 + height - 14)))

        box = SigBox()
        box.spaceBefore = 4
        box.spaceAfter = 6
        return box

    def listing(self, el: Any) -> list[Any]:
        """List items as bulleted paragraphs (not ListFlowable, which breaks keepWithNext)."""
        out = []
        numbered = el.tag == "ol"
        style = self.styles["ol" if numbered else "ul"]
        items = list(el)
        for n, li in enumerate(items, 1):
            if li.tag != "li":
                raise ValueError(f"report template: <{el.tag}> holds <li> elements, not <{li.tag}>")
            st = self.styles[f"{el.tag}_last"] if n == len(items) else style
            out.append(self.para(li, st, bulletText=f"{n}." if numbered else "\u2022"))
        return out


class _Stamp:
    """A reportlab ``TimeStamp`` for a given moment (UTC): the PDF's CreationDate and ModDate."""

    def __init__(self, when: _dt.datetime) -> None:
        when = when.astimezone(_dt.timezone.utc) if when.tzinfo else when.replace(tzinfo=_dt.timezone.utc)
        self.t = when.timestamp()
        self.lt = when.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"

    @property
    def datetime(self) -> _dt.datetime:
        return _dt.datetime.fromtimestamp(self.t, _dt.timezone.utc)


def document_date(value: Any = None) -> _dt.datetime:
    """``value`` (ISO text or datetime) as an aware datetime; now (UTC) when missing or unreadable."""
    if isinstance(value, _dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=_dt.timezone.utc)
    text = str(value or "").strip()
    if text:
        try:
            ts = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return ts if ts.tzinfo else ts.replace(tzinfo=_dt.timezone.utc)
        except ValueError:
            pass
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


def _make_canvas(footer: Mapping[str, str], style: Any, attachments: Mapping[str, tuple[bytes, str, str]] | None = None,
                 sig_boxes: list[Any] | None = None, created: _dt.datetime | None = None) -> Any:
    """A canvas class that draws the running footer, with ``Page N of M``, once all pages exist.

    It also embeds ``attachments`` (name -> (bytes, MIME type, description)) as PDF file
    attachments and writes the place of the signature box as the named destination
    ``art5-signature``.
    """
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from app.pdf.fonts import draw_string, string_width

    def fit(text: str, width: float, font: str, size: float) -> str:
        text = " ".join(_clean(text).split())
        if string_width(text, font, size) <= width:
            return text
        while text and string_width(text + "…", font, size) > width:
            text = text[:-1]
        return text + "…"

    class FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Not Helvetica, not even for the page preamble: every glyph comes from DejaVu.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9.5
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            if created is not None:  # the real date, not rl_config.invariant's 2000-01-01
                self._doc._timeStamp = _Stamp(created)

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            self._catalog_extras()
            super().save()

        def _catalog_extras(self) -> None:
            from reportlab.pdfbase.pdfdoc import (
                PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFStream, PDFString,
            )

            doc = self._doc
            if sig_boxes:
                page, (x1, y1, x2, y2) = sig_boxes[-1]
                dest = PDFArray([PDFObjectReference(f"Page{page}"), PDFName("FitR"),
                                 round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)])
                self.setCatalogEntry("Dests", PDFDictionary({"art5-signature": dest}))
            if not attachments:
                return
            names = []
            for i, (name, (data, mime, desc)) in enumerate(sorted(attachments.items())):
                params = PDFDictionary({"Size": len(data)})
                stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                                  "Subtype": PDFName(mime.replace("/", "#2F")),
                                                  "Params": params}), data)
                ref = doc.Reference(stream, f"Art5Attachment{i}")
                spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(name), "UF": PDFString(name),
                                      "Desc": PDFString(desc), "AFRelationship": PDFName("Data"),
                                      "EF": PDFDictionary({"F": ref})})
                names += [PDFString(name), doc.Reference(spec, f"Art5FileSpec{i}")]
            self.setCatalogEntry("Names", PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})}))

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            # Aligned with the text of the frame (margin plus the frame's 6 pt padding).
            left, right, y = MARGIN + 6, width - MARGIN - 6, 12 * mm
            size = style.fontSize
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(left, y + 10, right, y + 10)
            self.setFillColor(colors.HexColor(MUTED))
            page = footer.get("page", "{page} / {pages}")
            page = page.replace("{page}", str(self._pageNumber)).replace("{pages}", str(total))
            mark = footer.get("mark", "")
            if mark:
                page = f"{mark} · {page}"
            self.setFont(FONT, size)
            draw_string(self, right, y, page, FONT, size, "right")
            third = (right - left) / 3
            draw_string(self, left, y, fit(footer.get("left", ""), third - 6, FONT, size), FONT, size)
            draw_string(self, left + (right - left) / 2, y, fit(footer.get("center", ""), third - 6, FONT, size),
                        FONT, size, "centre")
            self.restoreState()

    return FooterCanvas


def _keep_class(frame_height: float) -> Any:
    """The class platypus uses for ``keepWithNext`` chains.

    A chain no taller than ``FLOW_SHARE`` of a page behaves like ``KeepTogether``: it moves to
    the next page whole. A taller one (a long answer, a big table) flows and splits where the
    page ends, so it leaves no half-empty page; only its headings are kept with the first
    lines of what follows them.
    """
    from reportlab.platypus import FrameBreak, KeepTogether

    limit = FLOW_SHARE * frame_height

    class Keep(KeepTogether):  # type: ignore[misc]  # reportlab is untyped
        def split(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab API
            if getattr(self, "_wrapInfo", None) != (aW, aH):
                self.wrap(aW, aH)
            if self._H <= limit:
                whole: list[Any] = super().split(aW, aH)
                return whole
            content = list(self._content)
            need = 0.0
            for f in content:
                _, h = f.wrapOn(self.canv, aW, 0xFFFFFF)
                h += f.getSpaceBefore() + f.getSpaceAfter()
                if getattr(f, "_art5_heading", False):
                    need += h
                    continue
                need += min(h, KEEP_LINES_HEIGHT)
                break
            frame = getattr(self, "_frame", None)
            at_top = bool(frame is not None and getattr(frame, "_atTop", False))
            if need > aH and not at_top:
                return [FrameBreak(), *content]
            return content

    return Keep


def build_pdf(xml_text: str, target: Any, attachments: Mapping[str, tuple[bytes, str, str]] | None = None,
              created: Any = None) -> None:
    """Lay out the report XML into a PDF written to ``target`` (a path or a binary file).

    ``attachments`` maps a file name to (bytes, MIME type, description); each is embedded as a
    PDF file attachment. Other modules (the notification) reuse this builder with their own
    templates. ``created`` (datetime or ISO text; default now) is the creation and modification
    date written into the PDF; the rest of the output is deterministic, so the same input and
    date give the same bytes.
    """
    import defusedxml.ElementTree as DET
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    rl_config.invariant = 1
    _register_fonts()
    root = DET.fromstring(xml_text)
    if root.tag != "doc":
        raise ValueError("report template: the root element must be <doc>")
    page_w, page_h = A4
    frame_w = page_w - 2 * MARGIN - 12  # the frame's default 6 pt padding on each side
    frame_h = page_h - TOP_MARGIN - BOTTOM_MARGIN - 12
    builder = _Builder(frame_w)
    story = builder.blocks(root)
    meta = builder.meta
    doc = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=_clean(meta.get("title", "")),
        author=_clean(meta.get("author", "")),
        subject=_clean(meta.get("subject", "")),
        creator=_clean(meta.get("creator", "")),
        producer=_clean(meta.get("creator", "")),
        lang=root.get("lang") or None,
    )
    doc.keepTogetherClass = _keep_class(frame_h)
    doc.build(story, canvasmaker=_make_canvas(builder.footer, builder.styles["footer"], attachments,
                                              builder.sig_boxes, document_date(created)))
