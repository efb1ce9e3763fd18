"""Hostile and broken sanctions-list files, through ``art5 screening import FILE``.

Every row: exit 2, the file named, the problem in plain words, no traceback, "the list imported
before is still in use", and the data folder (screening database included) unchanged byte for
byte. The 100 MB rows run in a child process whose peak memory shows that the file is streamed.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest

from reliability_helpers import ROOT, SCREENING_FIX, assert_refused, write_junk

EU_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-11-20">')
ENTITY = '<sanctionEntity logicalId="1" euReferenceNumber="EU.1.1"><nameAlias wholeName="{}"/></sanctionEntity>'
EU_XML = (SCREENING_FIX / "eu_list.xml").read_bytes()
EU_CSV = (SCREENING_FIX / "eu_list.csv").read_bytes()
UN_XML = (SCREENING_FIX / "un_list.xml").read_bytes()


def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


# id -> (file content, words of the message)
CASES = {
    "billion laughs (entity expansion)": (
        ('<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
         '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n' + EU_HEAD[EU_HEAD.index("<export"):]
         + ENTITY.format("&c;") + "</export>").encode(), ["entity-expansion"]),
    "external entity (local file)": (
        ('<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
         + EU_HEAD[EU_HEAD.index("<export"):] + ENTITY.format("&x;") + "</export>").encode(), ["external"]),
    "external entity (web address)": (
        ('<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM "http://203.0.113.1/x">]>\n'
         + EU_HEAD[EU_HEAD.index("<export"):] + ENTITY.format("&x;") + "</export>").encode(), ["external"]),
    "parameter entity": (
        ('<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY % p SYSTEM "http://203.0.113.1/p.dtd"> %p;]>\n'
         + EU_HEAD[EU_HEAD.index("<export"):] + ENTITY.format("A B") + "</export>").encode(), ["refused"]),
    "EU XML cut at 30%": (EU_XML[: len(EU_XML) * 3 // 10], ["truncated"]),
    "EU XML cut at 95%": (EU_XML[: len(EU_XML) * 95 // 100], ["truncated"]),
    "EU CSV cut mid-row": (EU_CSV[: len(EU_CSV) * 7 // 10], ["truncated"]),
    "UN XML cut at 50%": (UN_XML[: len(UN_XML) // 2], ["truncated"]),
    "EU CSV in Latin-1": (EU_CSV.decode("utf-8-sig").encode("latin-1", "replace").replace(b"?", b"\xe9"),
                          ["not UTF-8"]),
    "EU XML in UTF-16": (EU_XML.decode("utf-8").encode("utf-16"), ["not a recognised sanctions list"]),
    "EU XML with Latin-1 bytes declared UTF-8": ((EU_HEAD + ENTITY.format("M\xfcller") + "</export>").encode("latin-1"),
                                                 ["not well-formed"]),
    "an HTML error page": (b"<!DOCTYPE html>\n<html><body>503 Service Unavailable</body></html>", ["root <html>"]),
    "a PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", ["not a recognised sanctions list"]),
    "a spreadsheet (zip)": (_xlsx(), ["not a recognised sanctions list"]),
    "empty file": (b"", ["empty"]),
    "only white space": (b"  \n\n\t\n", ["empty"]),
    "no listed entities": ((EU_HEAD + "</export>").encode(), ["no sanctioned persons"]),
    "entities without names": ((EU_HEAD + '<sanctionEntity logicalId="1"/></export>').encode(), ["no sanctioned persons"]),
    "no generation date": (EU_XML.replace(b'generationDate="', b'madeOn="', 1), ["no generationDate"]),
    "wrong root element": (b'<?xml version="1.0"?><list xmlns="http://eu.europa.ec/fpi/fsd/export"/>', ["root"]),
    "CSV without the needed columns": (b"fileGenerationDate;Name\n2026-11-20;Ivan\n", ["lacks column"]),
    "CSV row with extra fields": (EU_CSV.replace(b"\n", b"\n2026-11-20;1;A B;x;y;z;" + b";" * 200 + b"\n", 1),
                                  ["more fields than the header"]),
    "CSV with a 2 MB line": (b"fileGenerationDate;Entity_LogicalId;NameAlias_WholeName\n2026-11-20;1;" + b"A" * (2 << 20),
                             ["more than 1 MB without a complete line"]),
    "XML with a 2 MB attribute": ((EU_HEAD + '<sanctionEntity logicalId="1"><nameAlias wholeName="').encode()
                                  + b"A" * (2 << 20), ["more than 1 MB without a complete XML tag"]),
}


@pytest.fixture
def before(populated, art5):
    lists = art5("screening", "lists", "--json")
    assert lists.code == 0 and '"active": true' in lists.out
    return lists.out


def _import_refused(art5, populated, before, path, words):
    run = art5("screening", "import", path)
    assert_refused(run, path, *words, code=2)
    assert "the list imported before is still in use" in run.err
    populated.assert_unchanged()
    assert art5("screening", "lists", "--json").out == before
    hits = art5("screening", "check", "Ivan Petrov", "--json")
    assert hits.code == 0 and "EU.9001.11" in hits.out


@pytest.mark.parametrize("case", list(CASES))
def test_broken_list_is_refused_and_the_old_list_stays(case, tmp_path, populated, before, art5):
    content, words = CASES[case]
    path = tmp_path / "sanctions-list.xml"
    path.write_bytes(content)
    _import_refused(art5, populated, before, path, words)


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_missing_or_folder_instead_of_a_list(kind, tmp_path, populated, before, art5):
    path = tmp_path / "list.xml"
    if kind == "folder":
        path.mkdir()
    run = art5("screening", "import", path)
    assert_refused(run, path, "folder" if kind == "folder" else "no such file", code=2)
    populated.assert_unchanged()


JUNK_100MB = {
    # id -> (head, fill, words)
    "random bytes": (b"", None, "not a recognised sanctions list"),
    "EU XML header, then junk": (EU_HEAD.encode(), None, "not well-formed"),
    "EU XML, one 100 MB attribute": ((EU_HEAD + '<sanctionEntity logicalId="1"><nameAlias wholeName="').encode(),
                                     b"A", "more than 1 MB without a complete XML tag"),
    "EU CSV, one 100 MB line": (b"fileGenerationDate;Entity_LogicalId;NameAlias_WholeName\n2026-11-20;1;", b"A",
                                "more than 1 MB without a complete line"),
    "EU CSV header, then junk": (b"fileGenerationDate;Entity_LogicalId;NameAlias_WholeName\n", None, "not UTF-8"),
}
# The child reports its own peak memory (VmHWM: since its exec, unlike ru_maxrss, which keeps the
# forked test process's size).
CHILD = ("import sys, re; from app.cli.main import main\n"
         "try:\n    code = main(['--data-dir', sys.argv[1], 'screening', 'import', sys.argv[2]])\n"
         "finally:\n    print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
         "sys.exit(code)")
MAX_RSS_MB = 150  # the child's own baseline is about 50 MB; reading the file whole would add 100 MB or more


@pytest.mark.parametrize("case", list(JUNK_100MB))
def test_100_mb_of_junk_is_refused_without_reading_it_whole(case, tmp_path, populated, before, art5):
    head, fill, words = JUNK_100MB[case]
    path = write_junk(tmp_path / "huge-list.xml", 100 << 20, head=head, fill=fill)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(populated.dir), str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    err = proc.stderr
    assert proc.returncode == 2, err
    assert str(path) in err and words in err and "Traceback" not in err
    peak_mb = int(proc.stdout.split()[-1]) / 1024
    assert peak_mb < MAX_RSS_MB, f"peak memory {peak_mb:.0f} MB for a 100 MB file: it is not streamed"
    populated.assert_unchanged()
    assert art5("screening", "lists", "--json").out == before
