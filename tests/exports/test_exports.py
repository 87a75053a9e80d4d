"""Exports (issue 6, item 1): the ODM file validates against the official ODM 1.3.2 XSD
(shipped by odmlib), the CSV zip has one file per form and a data dictionary, the
command writes the file, and only a data manager of the study reaches the page."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import odmlib
import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.http import HttpRequest
from django.urls import reverse
from lxml import etree

from ecrf import audit, exports
from ecrf.actions import clinical, integrity, signoff
from ecrf.actions.exports import study_export
from ecrf.models import AdverseEvent, ExportLog, LabResult, Role, ScreenFailure, Study
from tests.clinical.conftest import history_values, medication_values
from tests.conftest import make_user
from tests.exports.test_streaming import _lab_rows
from tests.signoff.conftest import PASSWORD

pytestmark = pytest.mark.django_db

XSD = Path(odmlib.__file__).parent / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}


@pytest.fixture
def casebook(qh1a, make_subject, staff_guangzhou, investigator_guangzhou):
    """An enrolled subject with medical history (edited with a reason), a medication
    (voided) and a signed history."""
    subject = make_subject(qh1a, "enrolled")
    history = clinical.medical_history_record(
        subject=subject, by=staff_guangzhou, **history_values()
    )
    with audit.reason("entry_error", "Started in 2016, not 2015."):
        history = clinical.medical_history_record(
            subject=subject,
            by=staff_guangzhou,
            entry=history,
            version=history.version,
            **history_values(start="2016-03"),
        )
    medication = clinical.medication_record(
        subject=subject, by=staff_guangzhou, **medication_values()
    )
    integrity.record_void(record=medication, by=staff_guangzhou, reason="Wrong subject.")
    signoff.form_sign(
        record=history, by=investigator_guangzhou, password=PASSWORD, meaning="approval"
    )
    return subject


@pytest.fixture
def data_manager(guangzhou):
    return make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)


def _odm(study) -> bytes:
    target = io.BytesIO()
    study_export(study=study, fmt="odm", target=target)
    return target.getvalue()


def test_odm_validates_against_the_official_xsd(qh1a, casebook):
    document = etree.fromstring(_odm(qh1a))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    subject = document.find(".//odm:SubjectData", NS)
    assert subject.get("SubjectKey") == casebook.screening_number
    forms = {f.get("FormOID") for f in subject.iterfind(".//odm:FormData", NS)}
    assert {"F.SUBJECT", "F.ELIGIBILITYANSWER", "F.ENROLMENT", "F.MEDICALHISTORY"} <= forms
    assert "F.CONCOMITANTMEDICATION" in forms
    history = subject.find(".//odm:FormData[@FormOID='F.MEDICALHISTORY']", NS)
    reason = history.find("odm:AuditRecord/odm:ReasonForChange", NS).text
    assert reason == "entry_error: Started in 2016, not 2015."
    signature = history.find("odm:Signature/odm:SignatureRef", NS)
    assert signature.get("SignatureOID") == "SD.APPROVAL"
    value = history.find(".//odm:ItemData[@ItemOID='IT.MEDICALHISTORY.START']", NS)
    assert value.get("Value") == "2016-03"
    medication = subject.find(".//odm:FormData[@FormOID='F.CONCOMITANTMEDICATION']", NS)
    voided = medication.find(".//odm:ItemData[@ItemOID='IT.VOIDED']", NS)
    assert voided.get("Value") == "true"
    # The metadata: code lists and units from the model fields.
    assert document.find(".//odm:CodeList[@OID='CL.SUBJECT.SEX']", NS) is not None
    assert document.find(".//odm:MeasurementUnit[@OID='MU.cm']", NS) is not None


def test_odm_text_is_escaped_and_reads_back_as_typed(qh1a, casebook, staff_guangzhou):
    # The clinical data are written as text (ecrf/exports.py _xml): markup, quotes and a
    # line break in a value must come back from a parser exactly as typed.
    typed = "Gallstones <b>\"acute\"</b> & 'chronic'\nsecond line 胆结石"
    clinical.medical_history_record(
        subject=casebook, by=staff_guangzhou, **history_values(term=typed)
    )
    document = etree.fromstring(_odm(qh1a))
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(document)
    terms = [
        item.get("Value")
        for item in document.iterfind(".//odm:ItemData[@ItemOID='IT.MEDICALHISTORY.TERM']", NS)
    ]
    assert typed in terms
    # ODM items leave out the bookkeeping each AuditRecord carries.
    assert document.find(".//odm:ItemDef[@OID='IT.SUBJECT.VERSION']", NS) is None


def test_odm_values_are_the_csv_values(qh1a, cips, casebook):
    # PostgreSQL writes each ODM value (ecrf/exports.py _odm_text): every ItemData must be
    # the text value_text() gives the CSV, and an empty value must write none.
    call_command("load_demo", stdout=io.StringIO())
    _lab_rows([casebook], 1)
    first_ae = AdverseEvent.all_objects.order_by("pk").first()
    AdverseEvent.all_objects.filter(pk=first_ae.pk).update(
        onset_time=dt.time(6, 0, 0, 500000), expected=None
    )
    first_lab, second_lab = LabResult.all_objects.order_by("pk")[:2]
    LabResult.all_objects.filter(pk=first_lab.pk).update(
        sampled_at=dt.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC), value=Decimal("-0.0010")
    )
    beijing_time = dt.timezone(dt.timedelta(hours=8))
    LabResult.all_objects.filter(pk=second_lab.pk).update(
        sampled_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=beijing_time)
    )
    ScreenFailure.all_objects.update(failed_criteria=["EX02", "EX<3>"])
    forms = {f"F.{form.name.upper()}": form for form in exports.forms()}
    compared = set()
    for study in Study.objects.all():
        document = etree.fromstring(_odm(study))
        for record in document.iterfind(".//odm:FormData", NS):
            form = forms[record.get("FormOID")]
            row = form.model.all_objects.get(pk=record.get("FormRepeatKey"))
            expected = {
                exports._item_oid(form, v): exports.value_text(getattr(row, v.attname))
                for v in form.odm_variables()
            }
            written = {
                item.get("ItemOID"): item.get("Value")
                for item in record.iterfind(".//odm:ItemData", NS)
                if item.get("ItemOID") != "IT.VOIDED"
            }
            assert written == {oid: text for oid, text in expected.items() if text != ""}
            compared |= set(written)
    assert {
        "IT.ADVERSEEVENT.ONSET_TIME",
        "IT.LABRESULT.SAMPLED_AT",
        "IT.LABRESULT.VALUE",
        "IT.SCREENFAILURE.FAILED_CRITERIA",
        "IT.SUBJECT.DATE_OF_BIRTH",
        "IT.MEDICALHISTORY.TERM",
    } <= compared


def test_csv_zip_has_one_file_per_form_and_a_dictionary(qh1a, casebook):
    target = io.BytesIO()
    log = study_export(study=qh1a, fmt="csv", target=target)
    archive = zipfile.ZipFile(target)
    names = set(archive.namelist())
    assert {"subject.csv", "medicalhistory.csv", "data_dictionary.csv"} <= names
    assert "concomitantmedication.csv" in names
    rows = list(csv.DictReader(io.TextIOWrapper(archive.open("concomitantmedication.csv"))))
    assert [(r["screening_number"], r["site"], r["voided"]) for r in rows] == [
        (casebook.screening_number, "SYSU3", "Y")
    ]
    assert rows[0]["void_reason"] == "Wrong subject."
    dictionary = list(csv.DictReader(io.TextIOWrapper(archive.open("data_dictionary.csv"))))
    height = next(r for r in dictionary if r["form"] == "subject" and r["variable"] == "height_cm")
    assert (height["type"], height["unit"]) == ("float", "cm")
    sex = next(r for r in dictionary if r["form"] == "subject" and r["variable"] == "sex")
    assert "M=Male" in sex["codes"]
    assert log.row_counts["concomitantmedication"] == 1
    assert log.total_rows == sum(log.row_counts.values())


def test_export_log_is_append_only(qh1a, casebook):
    log = study_export(study=qh1a, fmt="csv", target=io.BytesIO())
    with pytest.raises(DatabaseError), transaction.atomic():
        ExportLog.objects.filter(pk=log.pk).update(total_rows=0)
    with pytest.raises(DatabaseError), transaction.atomic():
        ExportLog.objects.filter(pk=log.pk).delete()


def test_command_writes_the_file(qh1a, casebook, tmp_path):
    output = tmp_path / "study.xml"
    call_command("export_study", qh1a.registry_id, "--format", "odm", "--output", str(output))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.parse(str(output))), schema.error_log
    log = ExportLog.objects.get()
    assert (log.format, log.channel, log.exported_by) == ("odm", "command", None)


def _login(client, user):
    assert client.login(request=HttpRequest(), username=user.username, password=PASSWORD)


def test_data_manager_downloads_and_the_export_is_logged(client, qh1a, casebook, data_manager):
    _login(client, data_manager)
    page = client.get(reverse("ecrf:exports", args=[qh1a.registry_id]))
    assert page.status_code == 200
    url = reverse("ecrf:export_download", args=[qh1a.registry_id, "csv"])
    response = client.post(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "data_dictionary.csv" in archive.namelist()
    log = ExportLog.objects.get()
    assert (log.exported_by, log.format, log.study) == (data_manager, "csv", qh1a)
    unknown = client.post(reverse("ecrf:export_download", args=[qh1a.registry_id, "xlsx"]))
    assert unknown.status_code == 404


def test_others_are_refused(client, qh1a, cips, casebook, monitor_guangzhou, beijing):
    _login(client, monitor_guangzhou)
    assert client.get(reverse("ecrf:exports", args=[qh1a.registry_id])).status_code == 403
    url = reverse("ecrf:export_download", args=[qh1a.registry_id, "odm"])
    assert client.post(url).status_code == 403
    elsewhere = make_user("dm_bj", Role.DATA_MANAGER, [beijing])
    _login(client, elsewhere)
    assert client.get(reverse("ecrf:exports", args=[qh1a.registry_id])).status_code == 404
    assert client.post(url).status_code == 404
    assert not ExportLog.objects.exists()


def test_page_queries_do_not_grow_with_exports(
    client, qh1a, casebook, data_manager, django_assert_max_num_queries
):
    for _ in range(5):
        study_export(study=qh1a, fmt="csv", target=io.BytesIO(), by=data_manager)
    _login(client, data_manager)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("ecrf:exports", args=[qh1a.registry_id]))
    assert page.status_code == 200
    assert page.content.count(b"<code>") == 5
