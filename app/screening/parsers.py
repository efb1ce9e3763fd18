"""Streaming readers for sanctions list files: the EU consolidated financial sanctions list
(XML, namespace ``http://eu.europa.ec/fpi/fsd/export``, and its semicolon CSV) and the UN
Security Council consolidated list (XML).

The format is detected from the content (:func:`detect_format`), never from the file name.
XML goes through ``defusedxml.ElementTree.iterparse``: a DTD that declares entities (the
"billion laughs") or points to external resources is refused. Each listed subject is yielded
as soon as its element ends and the element is then dropped, so memory stays bounded whatever
the file size. Only the fields screening uses are kept (data minimisation).
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, TextIO

EU_NS = "http://eu.europa.ec/fpi/fsd/export"
EU_XML = "eu_xml"
EU_CSV = "eu_csv"
UN_XML = "un_xml"
FORMAT_LABELS = {EU_XML: "EU consolidated list (XML)", EU_CSV: "EU consolidated list (CSV)",
                 UN_XML: "UN Security Council consolidated list (XML)"}
SOURCE_OF = {EU_XML: "eu_fsf", EU_CSV: "eu_fsf", UN_XML: "un_sc"}
SOURCE_LABELS = {"eu_fsf": "EU financial sanctions (FSF)", "un_sc": "UN Security Council"}


class ListFormatError(ValueError):
    """A list file that cannot be imported; the message names the file and the problem."""

    def __init__(self, path: str | Path, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"{path}: {message}")


@dataclass
class Alias:
    name: str                 # as written in the list (whole name, or first/middle/last joined)
    language: str = ""


@dataclass
class Entity:
    key: str                  # stable id within its source (EU logicalId, UN DATAID)
    reference: str = ""       # EU euReferenceNumber, UN REFERENCE_NUMBER
    un_id: str = ""
    subject_type: str = ""    # person | enterprise
    programme: str = ""       # e.g. RUS, SYR, TERR; UN: the list type
    regulation: str = ""      # numberTitle of the (first) regulation
    regulation_url: str = ""
    aliases: list[Alias] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    birth_years: set[int] = field(default_factory=set)
    birth_dates: set[str] = field(default_factory=set)
    cleaned: int = 0          # names that had invisible or control characters removed (issue 14)

    def add_alias(self, name: str, language: str = "") -> None:
        from app.base.textsafety import clean_text

        cleaned = clean_text(name or "")  # no bidi, zero-width or control characters
        if cleaned != (name or "") and cleaned.split() != (name or "").split():
            self.cleaned += 1
        name = " ".join(cleaned.split())
        if name and all(a.name != name for a in self.aliases):
            self.aliases.append(Alias(name, language))

    def add_birth(self, iso: str = "", year: str = "") -> None:
        iso = (iso or "").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            self.birth_dates.add(iso)
            self.birth_years.add(int(iso[:4]))
        elif (year or "").strip().isdigit():
            self.birth_years.add(int(year.strip()))


@dataclass
class ListHeader:
    format: str
    generation_date: str = ""   # ISO 8601 (date or date-time as published)


def detect_format(path: str | Path) -> str:
    """``eu_xml``, ``eu_csv`` or ``un_xml`` from the first bytes of the file."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except FileNotFoundError:
        raise ListFormatError(path, "no such file") from None
    except IsADirectoryError:
        raise ListFormatError(path, "this is a folder, not a list file") from None
    except OSError as exc:
        raise ListFormatError(path, f"cannot read the file: {exc.strerror or exc}") from None
    if not head.strip():
        raise ListFormatError(path, "the file is empty")
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    if text.startswith("<"):
        if EU_NS in text or re.search(r"<(\w+:)?export[\s>]", text):
            return EU_XML
        if "<CONSOLIDATED_LIST" in text:
            return UN_XML
        m = re.search(r"<([A-Za-z_][\w:.-]*)", re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S))
        root = m.group(1) if m else "?"
        raise ListFormatError(path, f"XML with root <{root}> is not a sanctions list this program reads "
                              "(expected the EU list's <export> or the UN list's <CONSOLIDATED_LIST>)")
    first_line = text.splitlines()[0] if text.splitlines() else ""
    if first_line.startswith("fileGenerationDate") and ";" in first_line:
        return EU_CSV
    raise ListFormatError(path, "not a recognised sanctions list: expected the EU list as XML or CSV "
                          "(first column fileGenerationDate) or the UN consolidated XML")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def _iso_date(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    for fmt in ("%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return _dt.datetime.strptime(value[:26], fmt).date().isoformat()
        except ValueError:
            continue
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    if m:
        return m.group(1)
    return ""


MAX_TOKEN = 1 << 20  # no tag, attribute, text or CSV line of a real list comes near 1 MB
TOO_LONG = ("holds more than 1 MB without a complete {what}: it is not a sanctions list, or it is damaged; "
            "it was not imported")


class _GuardedReader:
    """The list file as iterparse reads it (16 KB at a time), refusing more than MAX_TOKEN bytes
    without a parse event: expat re-scans an unfinished token at every read, so one 100 MB
    attribute took 8 minutes (and its whole size in memory)."""

    def __init__(self, fh: BinaryIO, path: Path) -> None:
        self.fh, self.path, self.pos, self.last_event = fh, path, 0, 0

    def read(self, n: int) -> bytes:
        if self.pos - self.last_event > MAX_TOKEN:
            raise ListFormatError(self.path, TOO_LONG.format(what="XML tag"))
        data = self.fh.read(n)
        self.pos += len(data)
        return data


def _limited_lines(text: TextIO, path: Path) -> Iterator[str]:
    """Lines of a CSV list, refusing one longer than MAX_TOKEN (instead of reading it whole)."""
    while True:
        line = text.readline(MAX_TOKEN)
        if not line:
            return
        if len(line) >= MAX_TOKEN and not line.endswith(("\n", "\r")):
            raise ListFormatError(path, TOO_LONG.format(what="line"))
        yield line


def _xml_events(path: Path) -> Iterator[tuple[str, Any]]:
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        with open(path, "rb") as fh:
            src = _GuardedReader(fh, path)
            for event, elem in DET.iterparse(src, events=("start", "end"), forbid_dtd=False,
                                             forbid_entities=True, forbid_external=True):
                src.last_event = src.pos
                yield event, elem
    except OSError as exc:
        raise ListFormatError(path, f"cannot read the file: {exc.strerror or exc}") from None
    except DefusedXmlException as exc:
        kind = type(exc).__name__
        if kind == "EntitiesForbidden" and (getattr(exc, "sysid", None) or getattr(exc, "pubid", None)):
            kind = "ExternalReferenceForbidden"
        what = {"EntitiesForbidden": "it declares XML entities (a possible entity-expansion attack)",
                "ExternalReferenceForbidden": "it refers to an external resource (external entity)",
                "DTDForbidden": "it carries a document type definition"}.get(kind, kind)
        raise ListFormatError(path, f"refused: {what}; the file was not imported") from None
    except SyntaxError as exc:  # xml.etree.ElementTree.ParseError
        raise ListFormatError(path, f"not well-formed XML ({exc}); the file may be truncated or damaged") from None


def _ended_elements(path: Path, root_tag: str, date_attr: str, fmt: str,
                    on_header: Callable[[ListHeader], None]) -> Iterator[tuple[Any, int, Any]]:
    """Stream an XML list: check the root element and its generation date (reported through
    ``on_header`` before any entity), then yield ``(element, depth, root)`` for every element
    that ends, ``depth`` being its nesting below the root (a child of the root has depth 1)."""
    root = None
    depth = 0
    for event, elem in _xml_events(path):
        if event == "start":
            depth += 1
            if root is None:
                root = elem
                if _local(elem.tag) != root_tag:
                    raise ListFormatError(path, f"wrong root element <{_local(elem.tag)}>; expected <{root_tag}>")
                gen = _iso_date(elem.get(date_attr, ""))
                if not gen:
                    raise ListFormatError(path, f"the list has no {date_attr}: its age cannot be shown, "
                                          "so it was not imported")
                on_header(ListHeader(fmt, gen))
            continue
        depth -= 1
        yield elem, depth, root


def read_eu_xml(path: Path, on_header: Callable[[ListHeader], None]) -> Iterator[Entity]:
    for elem, depth, root in _ended_elements(path, "export", "generationDate", EU_XML, on_header):
        if _local(elem.tag) == "sanctionEntity" and depth == 1:
            yield _eu_entity(elem)
            elem.clear()
            root.remove(elem)


def _eu_entity(elem: Any) -> Entity:
    e = Entity(key=elem.get("logicalId", "") or elem.get("euReferenceNumber", ""),
               reference=elem.get("euReferenceNumber", ""), un_id=elem.get("unitedNationId", ""))
    for child in elem:
        tag = _local(child.tag)
        if tag == "regulation" and not e.programme:
            e.programme = child.get("programme", "")
            e.regulation = child.get("numberTitle", "")
            for sub in child:
                if _local(sub.tag) == "publicationUrl" and sub.text:
                    e.regulation_url = sub.text.strip()
        elif tag == "subjectType":
            e.subject_type = child.get("code", "")
        elif tag == "nameAlias":
            whole = child.get("wholeName", "")
            parts = [child.get(k, "") for k in ("firstName", "middleName", "lastName")]
            e.add_alias(whole or " ".join(p for p in parts if p), child.get("nameLanguage", ""))
            first, last = parts[0], parts[2]
            if first and last:
                e.add_alias(f"{first} {last}", child.get("nameLanguage", ""))
        elif tag in ("citizenship", "address", "birthdate"):
            cc = (child.get("countryIso2Code") or "").upper()
            if cc and cc != "00":
                e.countries.add(cc)
            if tag == "birthdate":
                e.add_birth(child.get("birthdate", ""), child.get("year", ""))
    return e


_UN_COUNTRY_CACHE: dict[str, str] = {}


def _country_key(name: str) -> str:
    return " ".join(sorted(re.findall(r"[a-z]+", name.lower().replace("'", ""))))


def _country_code(name: str) -> str:
    """ISO code for a country name as the UN list writes it ("Iran (Islamic Republic of)",
    "Democratic People's Republic of Korea"): names, official and common names of pycountry,
    compared with their words sorted."""
    name = (name or "").strip()
    if not name:
        return ""
    if not _UN_COUNTRY_CACHE:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    _UN_COUNTRY_CACHE.setdefault(_country_key(value), c.alpha_2)
    return _UN_COUNTRY_CACHE.get(_country_key(name), "")


def read_un_xml(path: Path, on_header: Callable[[ListHeader], None]) -> Iterator[Entity]:
    for elem, depth, _root in _ended_elements(path, "CONSOLIDATED_LIST", "dateGenerated", UN_XML, on_header):
        tag = _local(elem.tag)
        if tag in ("INDIVIDUAL", "ENTITY") and depth == 2:
            yield _un_entity(elem, tag)
            elem.clear()
        elif tag in ("INDIVIDUALS", "ENTITIES") and depth == 1:
            elem.clear()


def _text(elem: Any, name: str) -> str:
    for c in elem:
        if c.tag == name and c.text:
            return str(c.text).strip()
    return ""


def _un_entity(elem: Any, tag: str) -> Entity:
    person = tag == "INDIVIDUAL"
    e = Entity(key=_text(elem, "DATAID"), reference=_text(elem, "REFERENCE_NUMBER"),
               subject_type="person" if person else "enterprise", programme=_text(elem, "UN_LIST_TYPE"),
               regulation="UN Security Council sanctions list")
    e.un_id = e.reference
    names = [_text(elem, n) for n in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    e.add_alias(" ".join(n for n in names if n))
    if person and names[0] and names[1] and (names[2] or names[3]):
        e.add_alias(f"{names[0]} {names[2] or names[3]}")
    original = _text(elem, "NAME_ORIGINAL_SCRIPT")
    if original:
        e.add_alias(original, "original")
    for c in elem:
        if c.tag in ("INDIVIDUAL_ALIAS", "ENTITY_ALIAS"):
            e.add_alias(_text(c, "ALIAS_NAME"))
        elif c.tag == "NATIONALITY":
            for v in c:
                cc = _country_code(v.text or "")
                if cc:
                    e.countries.add(cc)
        elif c.tag in ("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"):
            cc = _country_code(_text(c, "COUNTRY"))
            if cc:
                e.countries.add(cc)
        elif c.tag == "INDIVIDUAL_DATE_OF_BIRTH":
            e.add_birth(_text(c, "DATE"), _text(c, "YEAR"))
    return e


def read_eu_csv(path: Path, on_header: Callable[[ListHeader], None]) -> Iterator[Entity]:
    """Rows are entity x alias x address x birthdate x identification x citizenship; rows of
    one entity are grouped by ``Entity_LogicalId``. Rows of an entity normally follow each
    other; an entity whose rows are split is yielded once per run and merged on storage."""
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise ListFormatError(path, f"cannot read the file: {exc.strerror or exc}") from None
    with raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
        reader = csv.DictReader(_limited_lines(text, path), delimiter=";")
        current: Entity | None = None
        header_sent = False
        try:
            fields = reader.fieldnames or []
            needed = {"fileGenerationDate", "Entity_LogicalId", "NameAlias_WholeName"}
            missing = needed - set(fields)
            if missing:
                raise ListFormatError(path, f"CSV header lacks column(s) {', '.join(sorted(missing))}")
            for lineno, row in enumerate(reader, start=2):
                if None in row:
                    raise ListFormatError(path, f"line {lineno}: more fields than the header names")
                if not header_sent:
                    gen = _iso_date(row.get("fileGenerationDate") or "")
                    if not gen:
                        raise ListFormatError(path, "the list has no fileGenerationDate: its age cannot be "
                                              "shown, so it was not imported")
                    on_header(ListHeader(EU_CSV, gen))
                    header_sent = True
                key = (row.get("Entity_LogicalId") or "").strip()
                if not key:
                    raise ListFormatError(path, f"line {lineno}: Entity_LogicalId is empty")
                if any(v is None for v in row.values()):
                    raise ListFormatError(path, f"line {lineno}: the row is cut short; the file may be truncated")
                if current is None or current.key != key:
                    if current is not None:
                        yield current
                    current = Entity(key=key, reference=row.get("Entity_EU_ReferenceNumber", ""),
                                     un_id=row.get("Entity_UnitedNationId", ""),
                                     subject_type=row.get("Entity_SubjectType", ""),
                                     programme=row.get("Entity_Regulation_Programme", ""),
                                     regulation=row.get("Entity_Regulation_NumberTitle", ""),
                                     regulation_url=row.get("Entity_Regulation_PublicationUrl", ""))
                whole = row.get("NameAlias_WholeName", "")
                first, middle, last = (row.get(f"NameAlias_{k}", "") for k in ("FirstName", "MiddleName", "LastName"))
                lang = row.get("NameAlias_NameLanguage", "")
                current.add_alias(whole or " ".join(p for p in (first, middle, last) if p), lang)
                if first and last:
                    current.add_alias(f"{first} {last}", lang)
                for col in ("Citizenship_CountryIso2Code", "Address_CountryIso2Code", "BirthDate_CountryIso2Code"):
                    cc = (row.get(col) or "").strip().upper()
                    if cc and cc != "00":
                        current.countries.add(cc)
                current.add_birth(row.get("BirthDate_BirthDate", ""), row.get("BirthDate_Year", ""))
        except UnicodeDecodeError as exc:
            raise ListFormatError(path, f"not UTF-8 text (byte {exc.start}); the file may be damaged") from None
        except csv.Error as exc:
            raise ListFormatError(path, f"CSV error at line {reader.line_num}: {exc}") from None
        if current is not None:
            yield current


READERS = {EU_XML: read_eu_xml, EU_CSV: read_eu_csv, UN_XML: read_un_xml}
