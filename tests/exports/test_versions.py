"""Exports know protocol versions (issue 21 item 4): with the demo's made-up QH-1A 2.0
in force at Guangzhou, one subject stays on 1.0 and one re-consents to 2.0.

- ODM: one MetaDataVersion per version; each subject's data refer to theirs, and the
  re-consented subject's forms to the version under which each was entered (a
  ClinicalData per MetaDataVersionOID); it validates against the ODM 1.3.2 XSD;
- SDTM: TS PROTVER names each version, SUPPDV PROTVER the version a deviation was
  judged by;
- CSV: the data dictionary states the versions each field exists in."""

import csv
import datetime as dt
import io
import zipfile

import pytest
import time_machine
from django.core.management import call_command
from lxml import etree

from ecrf.actions import clinical
from ecrf.actions.exports import study_export
from ecrf.actions.sessions import deviation_report
from ecrf.actions.versions import reconsent_record
from ecrf.exports import odm_versions
from ecrf.models import Study, StudyVersion
from tests.clinical.conftest import history_values
from tests.conftest import NOW, TODAY, put_in_force
from tests.exports.test_exports import NS, XSD
from tests.exports.test_sdtm import export as sdtm_export

DEMO = "studies.qh1a.demo_amendment"
EARLIER = TODAY - dt.timedelta(days=10)


@pytest.fixture
def two_versions(settings, qh1a, guangzhou, make_subject, staff_guangzhou):
    """(stays on 1.0, re-consented to 2.0): each with a medical history entered ten days
    ago under 1.0; 2.0 in force from yesterday; the second re-consents today and has a
    further history entered under 2.0."""
    settings.ECRF_DEMO_VERSIONS = [DEMO]
    dates = {"consent_date": EARLIER, "screening_date": EARLIER}
    with time_machine.travel(NOW - dt.timedelta(days=10), tick=True):
        stays = make_subject(qh1a, "eligible", **dates)
        moves = make_subject(qh1a, "eligible", **dates)
        for subject in (stays, moves):
            clinical.medical_history_record(subject=subject, by=staff_guangzhou, **history_values())
    yesterday = TODAY - dt.timedelta(days=1)
    put_in_force(guangzhou, "2.0", on=yesterday)
    reconsent_record(
        subject=moves,
        by=staff_guangzhou,
        number="2.0",
        reconsent_date=TODAY,
        consent_version="v2.0",
    )
    clinical.medical_history_record(
        subject=moves, by=staff_guangzhou, **history_values(term="Diabetes mellitus")
    )
    for subject in (stays, moves):
        deviation_report(
            subject=subject,
            by=staff_guangzhou,
            category="visit_window",
            description="Visit out of window.",
            occurred_on=TODAY,
            severity="minor",
        )
    return stays, moves


def odm(study) -> etree._Element:
    target = io.BytesIO()
    study_export(study=study, fmt="odm", target=target)
    return etree.fromstring(target.getvalue())


def test_odm_has_a_metadata_version_per_protocol_version_and_validates(qh1a, two_versions):
    stays, moves = two_versions
    document = odm(qh1a)
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    versions = [m.get("OID") for m in document.iterfind("odm:Study/odm:MetaDataVersion", NS)]
    assert versions == ["MDV.1.0", "MDV.2.0"]
    location = document.find("odm:AdminData/odm:Location[@OID='LOC.SYSU3']", NS)
    refs = [
        (r.get("MetaDataVersionOID"), r.get("EffectiveDate"))
        for r in location.iterfind("odm:MetaDataVersionRef", NS)
    ]
    assert [oid for oid, _since in refs] == ["MDV.1.0", "MDV.2.0"]
    assert refs[1][1] == (TODAY - dt.timedelta(days=1)).isoformat()

    def histories(mdv, subject):
        data = document.find(
            f"odm:ClinicalData[@MetaDataVersionOID='{mdv}']"
            f"/odm:SubjectData[@SubjectKey='{subject.screening_number}']",
            NS,
        )
        if data is None:
            return None
        return [
            item.get("Value")
            for item in data.iterfind(".//odm:ItemData[@ItemOID='IT.MEDICALHISTORY.TERM']", NS)
        ]

    # The subject on 1.0: all their data under 1.0, none under 2.0.
    assert histories("MDV.1.0", stays) == ["Hypertension"]
    assert histories("MDV.2.0", stays) is None
    # The re-consented subject: what was entered before under 1.0, after under 2.0; the
    # registration under the version they were screened under.
    assert histories("MDV.1.0", moves) == ["Hypertension"]
    assert histories("MDV.2.0", moves) == ["Diabetes mellitus"]
    registration = document.find(
        "odm:ClinicalData[@MetaDataVersionOID='MDV.1.0']"
        f"/odm:SubjectData[@SubjectKey='{moves.screening_number}']"
        "//odm:FormData[@FormOID='F.SUBJECT']",
        NS,
    )
    assert registration is not None


def test_sdtm_ts_and_suppdv_name_the_versions(qh1a, two_versions, tmp_path):
    stays, moves = two_versions
    _log, _archive, datasets = sdtm_export(qh1a, tmp_path)
    ts = datasets["ts"][0]
    protver = ts[ts.TSPARMCD == "PROTVER"]
    assert list(zip(protver.TSSEQ, protver.TSVAL, strict=True)) == [(1, "1.0"), (2, "2.0")]
    assert set(protver.TSPARM) == {"Protocol Version"}
    dv, suppdv = datasets["dv"][0], datasets["suppdv"][0]
    judged = {}
    for subject in (stays, moves):
        seq = dv[dv.USUBJID == f"{qh1a.registry_id}-{subject.screening_number}"].DVSEQ.iloc[0]
        row = suppdv[
            (suppdv.USUBJID == f"{qh1a.registry_id}-{subject.screening_number}")
            & (suppdv.IDVARVAL == str(int(seq)))
            & (suppdv.QNAM == "PROTVER")
        ]
        judged[subject.pk] = (row.QVAL.iloc[0], row.QLABEL.iloc[0], row.QORIG.iloc[0])
    assert judged[stays.pk] == ("1.0", "Protocol Version Judged By", "DERIVED")
    assert judged[moves.pk][0] == "2.0"


def test_the_csv_dictionary_states_the_versions_of_each_field(qh1a, two_versions):
    target = io.BytesIO()
    study_export(study=qh1a, fmt="csv", target=target)
    archive = zipfile.ZipFile(target)
    dictionary = list(csv.DictReader(io.TextIOWrapper(archive.open("data_dictionary.csv"))))
    term = next(r for r in dictionary if (r["form"], r["variable"]) == ("medicalhistory", "term"))
    assert term["versions"] == "1.0, 2.0"
    assert all(row["versions"] for row in dictionary)


def test_a_field_added_in_a_later_version_is_not_in_the_earlier_ones(cips, settings):
    # A test-only version (never the demo's) that first asks the imaging's findings.
    settings.ECRF_DEMO_VERSIONS = ["tests.migration_plan.amendment_adding_a_field"]
    StudyVersion.objects.create(
        study=cips, number="9.2", declared="9.2", date=TODAY, summary="Test: findings added."
    )
    assert [v.number for v in odm_versions(cips)] == ["1.0", "9.2"]
    document = odm(cips)
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(document)
    findings = (
        "odm:ItemGroupDef[@OID='IG.LIVERIMAGING']/odm:ItemRef[@ItemOID='IT.LIVERIMAGING.FINDINGS']"
    )
    first, added = document.iterfind("odm:Study/odm:MetaDataVersion", NS)
    assert first.find(findings, NS) is None and added.find(findings, NS) is not None
    target = io.BytesIO()
    study_export(study=cips, fmt="csv", target=target)
    with zipfile.ZipFile(target).open("data_dictionary.csv") as entry:
        rows = list(csv.DictReader(io.TextIOWrapper(entry)))
    row = next(r for r in rows if (r["form"], r["variable"]) == ("liverimaging", "findings"))
    assert row["versions"] == "9.2"


@pytest.mark.django_db
def test_the_demos_odm_validates_with_both_versions_of_qh1a():
    # Issue 21, done when: "The ODM export validates against the ODM 1.3.2 XSD with two
    # MetaDataVersions", on the demo as loaded: SYSU5 has the made-up 2.0 in force and
    # SYSU5-001 re-consented to it; SYSU3's subjects stay on 1.0.
    call_command("load_demo", verbosity=0)
    document = odm(Study.objects.get(registry_id="NCT06996392"))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    versions = [m.get("OID") for m in document.iterfind("odm:Study/odm:MetaDataVersion", NS)]
    assert versions == ["MDV.1.0", "MDV.2.0"]

    def forms(mdv, number):
        return {
            f.get("FormOID")
            for f in document.iterfind(
                f"odm:ClinicalData[@MetaDataVersionOID='{mdv}']"
                f"/odm:SubjectData[@SubjectKey='{number}']//odm:FormData",
                NS,
            )
        }

    # The re-consented subject: registered (screened) under 1.0, the re-consent under 2.0.
    assert "F.SUBJECT" in forms("MDV.1.0", "SYSU5-001")
    assert "F.RECONSENT" in forms("MDV.2.0", "SYSU5-001")
    assert "F.RECONSENT" not in forms("MDV.1.0", "SYSU5-001")
    # A subject on 1.0: every form under 1.0, nothing under 2.0.
    assert {"F.SUBJECT", "F.TREATMENTSESSION", "F.LABRESULT"} <= forms("MDV.1.0", "SYSU3-001")
    assert forms("MDV.2.0", "SYSU3-001") == set()
