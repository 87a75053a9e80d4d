"""SDTM export (issue 6; crf-domain-spec.md §6): DM and AE as SAS transport v5 files with
a CSV beside each, in a zip, read back with pyreadstat and checked against the entered
demo data; voided records are left out."""

import datetime as dt
import io
import zipfile

import pyreadstat
import pytest
from django.core.management import call_command

from ecrf import coding, sdtm
from ecrf.actions import integrity
from ecrf.actions.exports import study_export
from ecrf.models import AdverseEvent, ExportLog, Study, Subject, TreatmentSession

pytestmark = pytest.mark.django_db

DM_REQUIRED = set(sdtm.DM_VARIABLES)
AE_REQUIRED = set(sdtm.AE_VARIABLES)


def _export(study, tmp_path):
    target = io.BytesIO()
    log = study_export(study=study, fmt="sdtm", target=target, channel="command")
    archive = zipfile.ZipFile(target)
    datasets = {}
    for name in ("dm", "ae"):
        path = tmp_path / f"{study.registry_id}-{name}.xpt"
        path.write_bytes(archive.read(f"{name}.xpt"))
        datasets[name] = pyreadstat.read_xport(str(path))
    return log, archive, datasets


def _study_with_aes():
    return Study.objects.filter(subjects__adverse_events__isnull=False).distinct().first()


def test_dm_and_ae_read_back_and_match_the_entered_data(tmp_path):
    call_command("load_demo")
    study = _study_with_aes()
    log, archive, datasets = _export(study, tmp_path)
    assert sorted(archive.namelist()) == ["ae.csv", "ae.xpt", "dm.csv", "dm.xpt"]
    assert log.format == "sdtm" and ExportLog.objects.filter(format="sdtm").count() == 1

    dm, dm_meta = datasets["dm"]
    assert DM_REQUIRED <= set(dm.columns)
    assert all(len(name) <= 8 for name in dm.columns)
    assert all(len(label) <= 40 for label in dm_meta.column_labels)
    subjects = Subject.objects.filter(study=study).select_related("site")
    assert len(dm) == subjects.count() == log.row_counts["DM"]
    for subject in subjects:
        row = dm[dm.SUBJID == subject.screening_number].iloc[0]
        assert row.USUBJID == f"{study.registry_id}-{subject.screening_number}"
        assert row.STUDYID == study.registry_id and row.DOMAIN == "DM"
        assert row.SITEID == subject.site.code and row.COUNTRY == "CHN"
        assert row.SEX == subject.sex and row.AGEU == "YEARS"
        assert row.RFICDTC == subject.consent_date.isoformat()
        assert row.BRTHDTC == subject.date_of_birth.isoformat()
        assert row.AGE == sdtm.age_on(subject.date_of_birth, subject.consent_date)
        starts = sorted(
            TreatmentSession.objects.filter(subject=subject, started_at__isnull=False).values_list(
                "started_at", flat=True
            )
        )
        if starts:
            assert row.RFSTDTC == sdtm.iso(starts[0]) and row.RFENDTC == sdtm.iso(starts[-1])
            assert row.ACTARMCD == row.ARMCD == subject.enrolment.arm.code
        else:
            assert row.RFSTDTC == ""

    ae, ae_meta = datasets["ae"]
    assert AE_REQUIRED <= set(ae.columns)
    assert all(len(label) <= 40 for label in ae_meta.column_labels)
    events = AdverseEvent.objects.filter(subject__study=study).select_related("subject")
    assert len(ae) == events.count() == log.row_counts["AE"] > 0
    assert (ae.AETERM != "").all() and (ae.AETOXGR != "").all()
    assert set(ae.AESER) <= {"Y", "N"}
    for event in events:
        usubjid = f"{study.registry_id}-{event.subject.screening_number}"
        row = ae[(ae.USUBJID == usubjid) & (ae.AETERM == event.verbatim_term)].iloc[0]
        assert row.AETOXGR == str(event.grade)
        assert row.AESER == ("Y" if event.serious else "N")
        # Issue 9: the coded term; an "Other, specify" AE waiting for coding has none.
        code = coding.coded(event) or coding.Coded("", "", "")
        assert (row.AELLTCD, row.AEDECOD, row.AEBODSYS, row.AESOC) == (
            code.llt_code,
            code.term,
            code.soc,
            code.soc,
        )
        assert row.AESTDTC.startswith(event.onset_date.isoformat())
        assert row.AEENDTC == (event.resolved_date.isoformat() if event.resolved_date else "")
    csv_header = archive.read("ae.csv").decode().splitlines()[0]
    assert csv_header.split(",") == list(sdtm.AE_VARIABLES)


def test_study_day_has_no_day_zero():
    day1 = dt.date(2026, 9, 8)
    assert sdtm.study_day(day1, day1) == 1
    assert sdtm.study_day(dt.date(2026, 9, 9), day1) == 2
    assert sdtm.study_day(dt.date(2026, 9, 7), day1) == -1
    assert sdtm.study_day(None, day1) is None


def test_ae_study_days_follow_rfstdtc_and_voided_events_are_left_out(tmp_path):
    call_command("load_demo")
    study = _study_with_aes()
    event = AdverseEvent.objects.filter(subject__study=study).select_related("subject").first()
    _log, _archive, datasets = _export(study, tmp_path)
    dm, ae = datasets["dm"][0], datasets["ae"][0]
    usubjid = f"{study.registry_id}-{event.subject.screening_number}"
    rfstdtc = dm[dm.USUBJID == usubjid].iloc[0].RFSTDTC
    rows = ae[ae.USUBJID == usubjid]
    assert rfstdtc, "the demo subject with adverse events was treated"
    for _, row in rows.iterrows():
        reference = dt.date.fromisoformat(rfstdtc[:10])
        onset = dt.date.fromisoformat(row.AESTDTC[:10])
        assert row.AESTDY == sdtm.study_day(onset, reference) and row.AESTDY != 0
    count = len(ae)

    integrity.record_void(record=event, by=event.subject.created_by, reason="Wrong subject.")
    _log, _archive, datasets = _export(study, tmp_path)
    assert len(datasets["ae"][0]) == count - 1
    left = datasets["ae"][0]
    assert AdverseEvent.all_objects.get(pk=event.pk).is_voided
    assert sorted(left[left.USUBJID == usubjid].AESEQ) == list(range(1, len(rows)))


def test_command_writes_the_sdtm_zip(tmp_path):
    call_command("load_demo")
    study = _study_with_aes()
    output = tmp_path / "sdtm.zip"
    call_command("export_study", study.registry_id, "--format", "sdtm", "--output", str(output))
    assert "dm.xpt" in zipfile.ZipFile(output).namelist()
