"""define.xml 2.1 for the SDTM export (issue 22 item 3): valid against the Define-XML 2.1
schema odmlib ships; every dataset and variable of the zip is in it and nothing else;
value-level metadata where LBTESTCD or VSTESTCD decides what a result is; codelists,
origins, methods and comments; define.html renders the same datasets and variables."""

import json
from pathlib import Path

import odmlib
import pytest
from lxml import etree

from ecrf.sdtm import define
from ecrf.sdtm.terms import DESIGN, PARENTS, SUPP_VARIABLES, TS
from tests.exports.test_sdtm import casebook, export, ranges  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

SCHEMA = Path(odmlib.__file__).parent / "schemas" / "define" / "2.1" / "define2-1-0.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3", "def": "http://www.cdisc.org/ns/def/v2.1"}


def define_of(archive):
    return etree.fromstring(archive.read("define.xml"))


def test_define_xml_is_valid_define_2_1(qh1a, casebook, tmp_path):  # noqa: F811
    _, archive, _ = export(qh1a, tmp_path)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = define_of(archive)
    schema.assertValid(document)
    mdv = document.find("odm:Study/odm:MetaDataVersion", NS)
    assert mdv.get(f"{{{NS['def']}}}DefineVersion") == "2.1.0"


def test_every_dataset_and_variable_of_the_export_and_no_other(qh1a, casebook, tmp_path):  # noqa: F811
    _, archive, datasets = export(qh1a, tmp_path)
    document = define_of(archive)
    mdv = document.find("odm:Study/odm:MetaDataVersion", NS)
    groups = {g.get("Name"): g for g in mdv.findall("odm:ItemGroupDef", NS)}
    assert set(groups) == {name.upper() for name in datasets}
    items = {i.get("OID"): i for i in mdv.findall("odm:ItemDef", NS)}
    for name, (frame, meta) in datasets.items():
        group = groups[name.upper()]
        refs = [r.get("ItemOID") for r in group.findall("odm:ItemRef", NS)]
        # The same variables in the same order, with Dataset-JSON's OIDs and the .xpt's labels.
        assert refs == [f"IT.{name.upper()}.{v}" for v in frame.columns], name
        for oid, label in zip(refs, meta.column_labels, strict=True):
            text = items[oid].find("odm:Description/odm:TranslatedText", NS).text
            assert text == label
            assert items[oid].find("def:Origin", NS) is not None, oid
        leaf = group.find("def:leaf", NS)
        assert leaf.get("{http://www.w3.org/1999/xlink}href") == f"{name}.xpt"
        # The Dataset-JSON file's columns agree with define.xml's keys and types.
        columns = json.loads(archive.read(f"{name}.json"))["columns"]
        assert [c["itemOID"] for c in columns] == refs
        for column in columns:
            ref = group.find(f"odm:ItemRef[@ItemOID='{column['itemOID']}']", NS)
            assert ref.get("KeySequence") == (
                str(column["keySequence"]) if "keySequence" in column else None
            )
            if column["dataType"] == "string":
                assert items[column["itemOID"]].get("Length") == str(column["length"])
    # Every dataset-level ItemDef is referenced by its dataset (value-level ones by a list).
    referenced = {r.get("ItemOID") for r in mdv.iter(f"{{{NS['odm']}}}ItemRef")}
    assert set(items) == referenced


def test_value_level_metadata_for_lab_and_vital_signs_results(qh1a, casebook, tmp_path):  # noqa: F811
    _, archive, datasets = export(qh1a, tmp_path)
    mdv = define_of(archive).find("odm:Study/odm:MetaDataVersion", NS)
    for dataset, code, result in (("lb", "LBTESTCD", "LBORRES"), ("vs", "VSTESTCD", "VSORRES")):
        frame = datasets[dataset][0]
        item = mdv.find(f"odm:ItemDef[@OID='IT.{dataset.upper()}.{result}']", NS)
        vl_oid = item.find("def:ValueListRef", NS).get("ValueListOID")
        value_list = mdv.find(f"def:ValueListDef[@OID='{vl_oid}']", NS)
        tests = set()
        for ref in value_list.findall("odm:ItemRef", NS):
            where = ref.find("def:WhereClauseRef", NS).get("WhereClauseOID")
            check = mdv.find(f"def:WhereClauseDef[@OID='{where}']/odm:RangeCheck", NS)
            assert check.get(f"{{{NS['def']}}}ItemOID") == f"IT.{dataset.upper()}.{code}"
            tests.add(check.find("odm:CheckValue", NS).text)
            assert mdv.find(f"odm:ItemDef[@OID='{ref.get('ItemOID')}']", NS) is not None
        # One entry per test in the export.
        assert tests == set(frame[code])
    # The tests' codelist holds the codes with their names.
    codes = mdv.find("odm:CodeList[@OID='CL.VSTESTCD']", NS)
    decoded = {
        i.get("CodedValue"): i.find("odm:Decode/odm:TranslatedText", NS).text
        for i in codes.findall("odm:CodeListItem", NS)
    }
    assert decoded["SYSBP"] == "Systolic Blood Pressure"


def test_codelists_origins_methods_and_comments(qh1a, casebook, tmp_path):  # noqa: F811
    _, archive, datasets = export(qh1a, tmp_path)
    mdv = define_of(archive).find("odm:Study/odm:MetaDataVersion", NS)

    def item(oid):
        return mdv.find(f"odm:ItemDef[@OID='{oid}']", NS)

    def origin(oid):
        return item(oid).find("def:Origin", NS).get("Type")

    # Collected where the form registry names the variable; derived with a method; the
    # trial design from the protocol.
    assert origin("IT.AE.AETERM") == "Collected"
    assert origin("IT.DM.SEX") == "Collected"
    assert origin("IT.AE.AESTDY") == "Derived"
    assert origin("IT.TA.ETCD") == "Protocol"
    assert origin("IT.AE.STUDYID") == "Assigned"
    ref = mdv.find("odm:ItemGroupDef[@OID='IG.AE']/odm:ItemRef[@ItemOID='IT.AE.AESTDY']", NS)
    method = mdv.find(f"odm:MethodDef[@OID='{ref.get('MethodOID')}']", NS)
    assert "RFSTDTC" in method.find("odm:Description/odm:TranslatedText", NS).text
    # Every value of a codelisted variable is in its codelist.
    for ref in mdv.iter(f"{{{NS['odm']}}}CodeListRef"):
        codelist = mdv.find(f"odm:CodeList[@OID='{ref.get('CodeListOID')}']", NS)
        values = {i.get("CodedValue") for i in codelist}
        variable = ref.getparent().get("OID").split(".")
        frame = datasets[variable[1].lower()][0]
        present = {v for v in frame[variable[2]] if v}
        assert present <= values, variable
    # Each dataset's comment exists, and Chinese text survives in it.
    for group in mdv.findall("odm:ItemGroupDef", NS):
        oid = group.get(f"{{{NS['def']}}}CommentOID")
        assert mdv.find(f"def:CommentDef[@OID='{oid}']", NS) is not None
    assert "发热" in archive.read("define.xml").decode()


def test_define_html_shows_every_dataset_and_variable(qh1a, casebook, tmp_path):  # noqa: F811
    _, archive, datasets = export(qh1a, tmp_path)
    page = archive.read("define.html").decode()
    for name, (frame, _) in datasets.items():
        assert f'id="IG.{name.upper()}"' in page
        for variable in frame.columns:
            assert f'id="IT.{name.upper()}.{variable}"' in page
    assert "LBTESTCD = " in page and "VSTESTCD = SYSBP" in page
    assert "define.xml" in archive.read("README.txt").decode()


def test_every_variable_that_can_be_exported_has_an_origin():
    """A variable added to a dataset without saying where it comes from fails here, not
    in a data manager's export."""
    collected = define.collected()
    for dataset in (*PARENTS, TS, *DESIGN):
        for variable in dataset.variables:
            assert define.origin_of(dataset.name, variable, collected).type
    for variable in SUPP_VARIABLES:
        assert define.origin_of("SUPPAE", variable, collected).type
    # The form registry's notes name variables of the datasets: VSORRES is VS's.
    assert ("VS", "VSORRES") in collected and ("DM", "DTHDTC") in collected
    assert ("SUPPAE", "QVAL") in collected
