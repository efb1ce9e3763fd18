"""The PDF report of an assessment.

Wording lives in Jinja2 templates (``resources/templates/report.<locale>.xml.j2``, English as
the fallback) rendered with autoescape. A template produces a small XML document of layout
blocks (headings, paragraphs, key/value lists, tables, lists, boxes); this module parses it
with ``defusedxml`` and maps each block to a reportlab platypus flowable. Inline markup is
re-serialised from the parsed tree and limited to ``b``, ``i``, ``br`` and ``font``, so a user
value (escaped by the template) reaches ``Paragraph`` as text and can never become reportlab
markup (``<img src=...>``, ``<a href=...>``, entities).

The output is deterministic (``rl_config.invariant``; every timestamp comes in through
``meta``), uses the bundled DejaVu fonts so that any European script prints, and is written
atomically: the report appears complete or not at all.

reportlab, Jinja2 and defusedxml are imported only inside the functions that render, so
importing this module costs the GUI nothing at start-up.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import secrets
from pathlib import Path
from typing import Any, Mapping

from . import countries
from .display import display_value
from .engine import Result
from .flow import Flow, is_answered
from .i18n import SOURCE_LOCALE, tr_data
from .paths import fonts_dir, templates_dir
from .questionnaire import Question, Questionnaire, Source

FONT = "Art5Sans"
FONT_BOLD = "Art5Sans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
PROFILE_FIELDS = ("name", "address", "eori", "member_state", "contact_name", "contact_email")
SIGNER_FIELDS = ("name", "organisation", "email", "fingerprint", "issuer", "self_signed", "valid_until")
META_FIELDS = ("reference", "title", "status", "created_at", "updated_at", "finished_at", "generated_at")

# Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF).
_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LOCALE_RE = re.compile(r"^[a-z]{2}(_[A-Z]{2})?$")
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


class ReportError(Exception):
    """The report could not be written. ``path`` is the report file, ``message`` says why."""

    def __init__(self, path: str | Path, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


# --------------------------------------------------------------------------- data -> context


def _clean(text: Any) -> str:
    """``text`` as a string XML can carry (invalid characters become U+FFFD)."""
    return _XML_INVALID.sub("\ufffd", "" if text is None else str(text))


def _timestamp(value: Any) -> str:
    """An ISO timestamp as ``YYYY-MM-DD HH:MM:SS`` plus its UTC offset; other text unchanged."""
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        ts = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(text) <= 10:  # a bare date
        return ts.date().isoformat()
    out = ts.strftime("%Y-%m-%d %H:%M:%S")
    offset = ts.utcoffset()
    if offset is None:
        return out
    if not offset:
        return out + " UTC"
    return out + " " + ts.strftime("%z")[:3] + ":" + ts.strftime("%z")[3:]


def _country(code: Any, locale: str) -> str:
    if not isinstance(code, str) or not code:
        return _clean(code)
    name = countries.name(code, locale)
    return f"{name} ({code})" if name != code else code


def _source(s: Source | Mapping[str, str], locale: str) -> dict[str, Any]:
    if isinstance(s, Source):
        return {"citation": s.citation(), "title": tr_data(s.title, locale), "url": s.url,
                "to_verify": s.to_verify}
    return {"citation": s.get("citation", ""), "title": s.get("title", ""), "url": s.get("url", ""),
            "to_verify": s.get("status") == "to_verify"}


def _answer(q: Question, value: Any, locale: str) -> dict[str, Any]:
    if not is_answered(value):
        return {"kind": "missing"}
    if q.type == "multi_choice":
        values = value if isinstance(value, (list, tuple)) else [value]
        if not values:
            return {"kind": "empty"}
        return {"kind": "list", "items": [display_value(q, [v], locale) for v in values]}
    if q.type == "group":
        rows = value if isinstance(value, (list, tuple)) else []
        if not rows:
            return {"kind": "empty"}
        columns = [f.text(locale) for f in q.fields]
        body = []
        for row in rows:
            row = row if isinstance(row, Mapping) else {}
            body.append([display_value(f, row.get(f.id), locale) for f in q.fields])
        # A narrow column for the row number, the rest shared out; text fields get more room.
        weights = [2.0 if f.type == "text" else 1.0 for f in q.fields]
        total = sum(weights)
        widths = ["6"] + [f"{94 * w / total:.2f}" for w in weights]
        return {"kind": "group", "columns": columns, "rows": body, "widths": ",".join(widths)}
    return {"kind": "text", "text": display_value(q, value, locale)}


def _question_ref(qn: Questionnaire, qid: str, locale: str) -> dict[str, str]:
    label = qn.question(qid).text(locale) if qn.has_question(qid) else qid
    return {"id": qid, "label": label}


def build_context(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                  profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE) -> dict[str, Any]:
    """The data a report template sees: plain strings, lists and dicts, already in words."""
    qn = questionnaire
    flow = Flow(qn, dict(answers))
    pages = []
    for page in qn.pages:
        questions = []
        for q in flow.relevant_questions(page):
            questions.append({
                "id": q.id,
                "label": q.text(locale),
                "answer": _answer(q, answers.get(q.id), locale),
                "sources": [_source(s, locale) for s in q.sources],
                "to_verify": q.to_verify,
            })
        if questions:
            pages.append({"id": page.id, "title": tr_data(page.title, locale), "questions": questions})

    prof = {k: str(profile.get(k) or "").strip() for k in PROFILE_FIELDS}
    ms = prof["member_state"]
    if len(ms) == 2 and countries.is_country(ms.upper()):
        prof["member_state"] = _country(ms.upper(), locale)
    m = {k: str(meta.get(k) or "").strip() for k in META_FIELDS}
    for k in ("created_at", "updated_at", "finished_at", "generated_at"):
        m[k] = _timestamp(m[k])

    # The answers the outcome depends on (for art5: the definition test element by element,
    # the authority's information and the awareness test), with their sources.
    decisive = []
    for q in qn.questions:
        if q.decisive and flow.is_relevant(q):
            decisive.append({"id": q.id, "label": q.text(locale),
                             "answer": display_value(q, answers.get(q.id), locale) if is_answered(answers.get(q.id))
                             else "",
                             "unsure": answers.get(q.id) == "unsure",
                             "sources": [_source(s, locale) for s in q.sources]})

    def shown(name: str, value: Any) -> str:
        if qn.has_question(name):
            q = qn.question(name)
            return display_value(q, value, locale) if is_answered(value) else "not answered"
        return "yes" if value is True else "no" if value is False else _clean(value)

    trace = [{"rule": t.rule, "fired": t.fired,
              "inputs": [{"name": k, "value": shown(k, v)} for k, v in (t.inputs or {}).items()]}
             for t in result.trace]
    screening = None
    scr = getattr(result, "screening", None)
    if scr:
        parties = []
        for p in scr.get("parties", []):
            hits = [{"entity": h.get("entity_name", ""), "matched": h.get("matched_name", ""),
                     "score": f"{float(h.get('score', 0)):.2f}", "reference": h.get("eu_reference", ""),
                     "programme": h.get("programme", ""), "status": h.get("status", "open"),
                     "explanation": h.get("explanation", "")} for h in p.get("hits", [])]
            parties.append({"name": p.get("name", ""), "role": p.get("role", ""),
                            "country": _country(p.get("country") or "", locale), "hits": hits})
        screening = {"checked": bool(scr.get("checked")), "threshold": scr.get("threshold", ""),
                     "lists": [{"source": i.get("source", ""), "date": i.get("generation_date", ""),
                                "sha256": i.get("sha256", "")} for i in scr.get("lists", [])],
                     "parties": parties}

    ref_rows = []
    for key in sorted(result.reference_data):
        info = result.reference_data[key] or {}
        ref_rows.append({"id": info.get("id", key), "version": info.get("version", ""),
                         "date": info.get("date", ""), "sha256": info.get("sha256", ""),
                         "official": info.get("official", "yes") != "no"})

    return {
        "locale": locale,
        "meta": m,
        "profile": prof,
        "qn": {
            "id": result.questionnaire.get("id", qn.id),
            "version": result.questionnaire.get("version", qn.version),
            "sha256": result.questionnaire.get("sha256", qn.sha256),
            "title": qn.text(locale),
            "official": bool(result.questionnaire.get("official", getattr(qn, "official", False))),
        },
        "result": {
            "outcome": result.outcome,
            "title": result.title,
            "summary": result.summary,
            "provisional": result.provisional,
            "rationale": [{"text": s.text, "citations": [_source(c, locale) for c in s.citations]}
                          for s in result.rationale],
            "actions": list(result.actions),
            "open_questions": [_question_ref(qn, i, locale) for i in result.open_questions],
            "missing": [_question_ref(qn, i, locale) for i in result.missing],
            "unanswered": [_question_ref(qn, i, locale) for i in result.unanswered],
            "warnings": list(result.warnings),
        },
        "pages": pages,
        "decisive": decisive,
        "trace": trace,
        "screening": screening,
        "reference_data": ref_rows,
        "attachment": None,  # set by render_report: {name, sha256} of the embedded JSON
        "signer": {k: "" for k in SIGNER_FIELDS},  # set by render_report when the report is to be signed
    }


# --------------------------------------------------------------------------- template -> XML


def template_name(locale: str, kind: str = "report", ext: str = "xml") -> str:
    """The ``kind`` template for ``locale`` (``de_AT`` -> ``de`` -> English)."""
    candidates = []
    if isinstance(locale, str) and _LOCALE_RE.match(locale):
        candidates += [locale, locale.split("_")[0]]
    candidates.append(SOURCE_LOCALE)
    for loc in candidates:
        name = f"{kind}.{loc}.{ext}.j2"
        if (templates_dir() / name).is_file():
            return name
    return f"{kind}.{SOURCE_LOCALE}.{ext}.j2"


def render_xml(context: Mapping[str, Any], locale: str = SOURCE_LOCALE, template: str | None = None) -> str:
    """The layout XML of the report (or of ``template``): the template rendered with autoescape."""
    import jinja2
    from markupsafe import Markup, escape

    def finalize(value: Any) -> Any:
        if isinstance(value, Markup) or value is None:
            return "" if value is None else value
        return _clean(value)

    def nl2br(value: Any) -> Markup:
        if isinstance(value, Markup):
            return value
        lines = _clean(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return Markup("<br/>").join(escape(line) for line in lines)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["nl2br"] = nl2br
    return env.get_template(template or template_name(locale)).render(**context)


# --------------------------------------------------------------------------- XML -> flowables

_INLINE = {"b", "i", "br", "font"}


def _esc(text: str | None) -> str:
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in FONT_FILES.items():
        path = fonts_dir() / filename
        if not path.is_file():
            raise FileNotFoundError(f"the report font {path} is missing; reinstall the program")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # Only an upright and a bold face ship; italic maps to them.
    for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

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
        from reportlab.platypus import Paragraph

        p = Paragraph(inline_markup(el), self._indented(style), **kw)
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
            rows.append([Paragraph(_esc(item.get("label", "")), self.styles["kvlabel"]),
                         Paragraph(inline_markup(item), self.styles["kvvalue"])])
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
                cells.append(Paragraph(inline_markup(cell), head if header and r == 0 else body))
            rows.append(cells)
        if not rows:
            return None
        ncols = max(len(r) for r in rows)
        for r in rows:
            r.extend([""] * (ncols - len(r)))
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
        """A framed empty box where ``app.signing`` draws the visible signature.

        Its place on the page is recorded (``self.sig_boxes``) and written into the PDF as the
        named destination ``art5-signature`` (/FitR), which the signer reads.
        """
        from reportlab.platypus import Flowable

        builder = self
        height = float(el.get("height", "34")) * MM
        width = min(float(el.get("width", "100")) * MM, self.frame_width - self.indent)
        label = inline_markup(el)
        style = self.styles["label"]

        class SigBox(Flowable):
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
                    p = Paragraph(label, style)
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


def _make_canvas(footer: Mapping[str, str], style: Any, attachments: Mapping[str, tuple[bytes, str, str]] | None = None,
                 sig_boxes: list[Any] | None = None) -> Any:
    """A canvas class that draws the running footer, with ``Page N of M``, once all pages exist.

    It also embeds ``attachments`` (name -> (bytes, MIME type, description)) as PDF file
    attachments and writes the place of the signature box as the named destination
    ``art5-signature``.
    """
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    def fit(text: str, width: float, font: str, size: float) -> str:
        text = " ".join(_clean(text).split())
        if stringWidth(text, font, size) <= width:
            return text
        while text and stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        return text + "…"

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Not Helvetica, not even for the page preamble: every glyph comes from DejaVu.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9.5
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

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
            self.drawRightString(right, y, page)
            third = (right - left) / 3
            self.drawString(left, y, fit(footer.get("left", ""), third - 6, FONT, size))
            self.drawCentredString(left + (right - left) / 2, y, fit(footer.get("center", ""), third - 6, FONT, size))
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

    class Keep(KeepTogether):
        def split(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab API
            if getattr(self, "_wrapInfo", None) != (aW, aH):
                self.wrap(aW, aH)
            if self._H <= limit:
                return super().split(aW, aH)
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


def build_pdf(xml_text: str, target: Any, attachments: Mapping[str, tuple[bytes, str, str]] | None = None) -> None:
    """Lay out the report XML into a PDF written to ``target`` (a path or a binary file).

    ``attachments`` maps a file name to (bytes, MIME type, description); each is embedded as a
    PDF file attachment. Other modules (the notification) reuse this builder with their own
    templates.
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
                                              builder.sig_boxes))


# --------------------------------------------------------------------------- entry point


AUDIT_ANCHOR_FIELDS = ("count", "last_id", "last_hash", "events_sha256", "chain_head")


def report_payload(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                   profile: Mapping[str, str], meta: Mapping[str, str],
                   records: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the report embeds as ``assessment.json``: enough to read the assessment back, and
    (with ``records``) the audit anchor: this assessment's event count, last event hash, the
    digest of its event hashes and the register's chain head at signing time (issue 14)."""
    from . import __version__

    audit = (records or {}).get("audit") or None
    extra = {"audit": {k: audit.get(k) for k in AUDIT_ANCHOR_FIELDS}} if audit else {}
    return {**extra,
        "program": f"Art5 Assessor {__version__}",
        "questionnaire": {"id": result.questionnaire.get("id", questionnaire.id),
                          "version": result.questionnaire.get("version", questionnaire.version),
                          "sha256": result.questionnaire.get("sha256", questionnaire.sha256)},
        "meta": {k: str(meta.get(k) or "") for k in META_FIELDS},
        "profile": {k: str(profile.get(k) or "") for k in PROFILE_FIELDS},
        "answers": dict(answers),
        "result": result.to_dict(),
    }


def render_report(out_path: Path, *, questionnaire: Questionnaire, answers: dict[str, Any],
                  result: Result, profile: Mapping[str, str], meta: Mapping[str, str],
                  locale: str = "en", signer: Mapping[str, str] | None = None, embed: bool = True,
                  records: Mapping[str, Any] | None = None) -> Path:
    """Write the PDF report of an assessment to ``out_path`` and return the path.

    ``records`` (from app.records.report_extras) adds the audit-trail summary, with the newest
    hash of the chain, and the list of evidence attachments with their SHA-256.

    ``signer`` (name, organisation, fingerprint) describes the identity that will sign the
    report; the "How to verify this document" page then names its certificate fingerprint and
    the last page reserves the box for the visible signature. With ``embed`` the answers and
    the result travel inside the PDF as the attachment ``assessment.json``.

    The same input always gives the same bytes. A missing folder is created. The file is written to a temporary file in the
    same folder and moved into place, so ``out_path`` holds either the previous file or the
    complete new report. Raises :class:`ReportError` when the report cannot be written.
    """
    import io

    out_path = Path(out_path)
    folder = out_path.parent
    if out_path.is_dir():
        raise ReportError(out_path, "this is a folder; choose a file name for the report")
    # Claim the temporary file first: an unwritable folder fails before any layout work.
    tmp = folder / f".{out_path.name}.{secrets.token_hex(6)}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ReportError(out_path, f"cannot write the report: {folder} is not a folder") from None
    except PermissionError:
        raise ReportError(out_path, f"cannot write the report: the folder {folder} cannot be created") from None
    except OSError as exc:
        raise ReportError(out_path, f"cannot write the report: {exc.strerror or exc}") from None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except PermissionError:
        raise ReportError(out_path, f"cannot write the report: the folder {folder} is not writable") from None
    except OSError as exc:
        raise ReportError(out_path, f"cannot write the report: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            context = build_context(questionnaire=questionnaire, answers=answers, result=result,
                                    profile=profile, meta=meta, locale=locale)
            attachments = None
            context["attachment"] = None
            if embed:
                from .signing import ATTACHMENT_NAME, attachment_payload

                payload = attachment_payload(report_payload(questionnaire=questionnaire, answers=answers,
                                                            result=result, profile=profile, meta=meta,
                                                            records=records))
                attachments = {ATTACHMENT_NAME: (payload, "application/json",
                                                 "Answers and result of the assessment (Art5 Assessor)")}
                context["attachment"] = {"name": ATTACHMENT_NAME,
                                         "sha256": hashlib.sha256(payload).hexdigest()}
            context["signer"] = {k: _clean((signer or {}).get(k, "")) for k in SIGNER_FIELDS}
            context["records"] = records or None
            buf = io.BytesIO()
            from reportlab.platypus.doctemplate import LayoutError

            try:
                build_pdf(render_xml(context, locale), buf, attachments)
            except FileNotFoundError as exc:
                raise ReportError(out_path, str(exc)) from None
            except LayoutError as exc:
                raise ReportError(out_path, "the report cannot be laid out: a text is too long to fit on a page "
                                            f"({str(exc).split(chr(10))[0][:160]}); shorten the longest answer "
                                            "and try again. Nothing was written") from None
            try:
                fh.write(buf.getvalue())
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise ReportError(out_path, f"cannot write the report: {exc.strerror or exc}") from None
        try:
            os.replace(tmp, out_path)
        except OSError as exc:
            hint = " (is the file open in another program?)" if isinstance(exc, PermissionError) else ""
            raise ReportError(out_path, f"cannot replace the report: {exc.strerror or exc}{hint}") from None
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return out_path
