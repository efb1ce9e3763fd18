"""Importing sanctions lists: EU XML and CSV, UN XML; failures exit 2 and keep the old list."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from app.cli.main import main
from app.screening.db import ScreeningDB
from app.screening.parsers import ListFormatError, detect_format

FIX = Path(__file__).resolve().parent / "fixtures" / "screening"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def check_json(capsys, name, *extra):
    code, out, err = run(capsys, "screening", "check", name, "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_import_eu_xml_records_date_checksum_counts(capsys, data_dir):
    code, out, err = run(capsys, "screening", "import", str(FIX / "eu_list.xml"))
    assert code == 0, err
    digest = hashlib.sha256((FIX / "eu_list.xml").read_bytes()).hexdigest()
    assert "8 entities" in out and digest in out
    code, out, _ = run(capsys, "screening", "lists", "--json")
    lists = json.loads(out)
    assert [(l["source"], l["generation_date"], l["sha256"], l["entities"], l["aliases"]) for l in lists] == [
        ("eu_fsf", "2026-11-02", digest, 8, 21)]
    assert (data_dir / "screening.db").stat().st_mode & 0o077 == 0
    hits = check_json(capsys, "Ivan Petrov")
    assert hits[0]["eu_reference"] == "EU.9001.11" and hits[0]["programme"] == "UKR"
    assert hits[0]["subject_type"] == "person" and hits[0]["list_date"] == "2026-11-02"
    assert 0 < hits[0]["score"] <= 1 and hits[0]["entity_name"] == "Ivan Sergeyevich PETROV"


def test_import_eu_csv_groups_rows_by_entity(capsys):
    code, out, err = run(capsys, "screening", "import", str(FIX / "eu_list.csv"))
    assert code == 0, err
    info = json.loads(run(capsys, "screening", "lists", "--json")[1])[0]
    assert info["format"] == "eu_csv" and info["entities"] == 3
    # one entity from two rows: the Latin and the Cyrillic alias both match
    hits = check_json(capsys, "Иван Петров")
    assert [h["eu_reference"] for h in hits] == ["EU.9001.11"]
    assert check_json(capsys, "Volgatron")[0]["programme"] == "RUS"


def test_import_un_xml_alongside_the_eu_list(capsys):
    assert run(capsys, "screening", "import", str(FIX / "eu_list.xml"))[0] == 0
    assert run(capsys, "screening", "import", str(FIX / "un_list.xml"))[0] == 0
    lists = json.loads(run(capsys, "screening", "lists", "--json")[1])
    assert {l["source"] for l in lists if l["active"]} == {"eu_fsf", "un_sc"}
    hit = check_json(capsys, "Koryo Signal Trading Corp")[0]
    assert hit["eu_reference"] == "KPe.901" and hit["programme"] == "DPRK" and hit["subject_type"] == "enterprise"
    assert "KP" in hit["countries"]  # country name mapped to its ISO code
    assert check_json(capsys, "Abdul Rahman Qardash")[0]["eu_reference"] == "QDi.901"


def test_format_detected_from_content_not_name(tmp_path):
    disguised = tmp_path / "list.csv"
    shutil.copy(FIX / "eu_list.xml", disguised)
    assert detect_format(disguised) == "eu_xml"
    as_txt = tmp_path / "download.txt"
    shutil.copy(FIX / "eu_list.csv", as_txt)
    assert detect_format(as_txt) == "eu_csv"


def test_new_eu_list_replaces_the_old_one(capsys):
    run(capsys, "screening", "import", str(FIX / "eu_list.xml"))
    run(capsys, "screening", "import", str(FIX / "eu_list.csv"))
    lists = json.loads(run(capsys, "screening", "lists", "--json")[1])
    assert [(l["format"], l["active"]) for l in lists] == [("eu_csv", True), ("eu_xml", False)]
    assert check_json(capsys, "Nikolaos Konstantinou") == []  # only in the replaced XML list


HOSTILE = {
    "billion_laughs.xml": (
        '<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-11-20">'
        '<sanctionEntity logicalId="1" euReferenceNumber="EU.1.1"><nameAlias wholeName="&c;"/></sanctionEntity></export>',
        "entity-expansion"),
    "external_entity.xml": (
        '<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-11-20">'
        '<sanctionEntity logicalId="1" euReferenceNumber="EU.1.1"><nameAlias wholeName="&x;"/></sanctionEntity></export>',
        "external resource"),
    "wrong_root.xml": ('<?xml version="1.0"?><catalog><book/></catalog>', "root <catalog>"),
    "wrong_root_ns.xml": ('<?xml version="1.0"?><list xmlns="http://eu.europa.ec/fpi/fsd/export" '
                          'generationDate="2026-11-20"/>', "wrong root element <list>"),
    "zero_entities.xml": ('<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export" '
                          'generationDate="2026-11-20"></export>', "no sanctioned persons"),
    "no_date.xml": ('<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export">'
                    '<sanctionEntity logicalId="1"><nameAlias wholeName="Someone Else"/></sanctionEntity></export>',
                    "no generationDate"),
    "un_no_date.xml": ('<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>'
                       '<FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>', "no dateGenerated"),
    "not_a_list.txt": ("name;country\nIvan;RU\n", "not a recognised sanctions list"),
}


def _truncated(path: Path, src: str, cut: float) -> None:
    blob = (FIX / src).read_bytes()
    path.write_bytes(blob[: int(len(blob) * cut)])


@pytest.mark.parametrize("name", sorted(HOSTILE) + ["truncated.xml", "truncated.csv", "empty.xml"])
def test_failed_import_exits_2_and_the_old_list_stays_usable(capsys, tmp_path, name):
    assert run(capsys, "screening", "import", str(FIX / "eu_list.xml"))[0] == 0
    before = json.loads(run(capsys, "screening", "lists", "--json")[1])
    bad = tmp_path / name
    if name == "truncated.xml":
        _truncated(bad, "eu_list.xml", 0.6)
        fragment = "truncated"
    elif name == "truncated.csv":
        _truncated(bad, "eu_list.csv", 0.7)
        fragment = "truncated"
    elif name == "empty.xml":
        bad.write_bytes(b"")
        fragment = "empty"
    else:
        text, fragment = HOSTILE[name]
        bad.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "screening", "import", str(bad))
    assert code == 2
    assert str(bad) in err and fragment in err
    assert "still in use" in err
    assert json.loads(run(capsys, "screening", "lists", "--json")[1]) == before
    hits = check_json(capsys, "Ivan Petrov")
    assert hits and hits[0]["eu_reference"] == "EU.9001.11"
    assert "/etc/passwd" not in out and "root:" not in out


def test_failure_midway_rolls_back_every_row(tmp_path):
    """A list that fails after many entities were written leaves no trace."""
    db = ScreeningDB(tmp_path / "s.db")
    db.import_list(FIX / "eu_list.xml")
    blob = (FIX / "eu_list.xml").read_text(encoding="utf-8")
    bad = tmp_path / "late_error.xml"
    bad.write_text(blob.replace("</export>", "<sanctionEntity logicalId='x'><broken></export>"), encoding="utf-8")
    with pytest.raises(ListFormatError):
        db.import_list(bad)
    rows = db.load_index_rows()
    assert len(rows) == 21 and {r["version_id"] for r in rows} == {1}
    assert [l.id for l in db.lists()] == [1]
    db.close()


def test_check_without_a_list_says_what_to_do(capsys):
    code, out, err = run(capsys, "screening", "check", "Ivan Petrov")
    assert code == 2 and "art5 screening import" in err
