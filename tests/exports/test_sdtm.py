"""SDTM export (issue 6; crf-domain-spec.md §6): DM, AE, LB, EX, VS, DS, DV, TS and their
SUPP-- datasets as SAS transport v5 files with a CSV beside each, in a zip. Each .xpt is
read back with pyreadstat and checked against the data entered through the actions;
voided records are left out, Chinese text is replaced in the .xpt and kept in the CSV,
and the export runs the same number of queries for 3 subjects as for 10."""

import csv
import datetime as dt
import io
import json
import math
import zipfile
import zoneinfo
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

import jsonschema
import pyreadstat
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ecrf import actions
from ecrf.actions import clinical, integrity
from ecrf.actions import sessions as session_actions
from ecrf.actions.adverse_events import ae_report
from ecrf.actions.exports import study_export
from ecrf.actions.labs import lab_panel_record
from ecrf.lab_catalogue import CATALOGUE
from ecrf.lab_results import ResultEntry
from ecrf.models import AdverseEvent, ExportLog, Study, Subject, TreatmentSession
from ecrf.protocol import all_protocols
from ecrf.sdtm.casebook import ascii_text, pieces, study_day
from ecrf.sdtm.datasets import _LabTest
from ecrf.sdtm.terms import DESIGN, PARENTS, SUPP_VARIABLES, TS, TS_PARAMETERS
from studies.cips_bal.models import FunctionalHepatocytes
from tests.adverse_events.conftest import FEVER, HEPATIC_FAILURE, ae_values, sae_values, serious
from tests.clinical.conftest import (
    diagnosis_values,
    history_values,
    medication_values,
    procedure_values,
)
from tests.conftest import TODAY
from tests.sessions.conftest import ALL_PASS, session_values

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T = TODAY  # the sites' date at the tests' frozen instant (tests/conftest.py)
CHINESE_TERM = "输液反应（发热）"  # "infusion reaction (fever)", with full-width brackets
CHINESE_DRUG = "恩替卡韦"  # entecavir
LONG_DEVIATION = " ".join(["The FS+7 visit took place three days after its window closed"] * 5)


def day(k: int) -> dt.date:
    """The site's date k days ago."""
    return T - dt.timedelta(days=k)


def at(k: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day(k), dt.time(hour, minute), tzinfo=SHANGHAI)


def treated_subject(study, make_subject, *, died: bool = False):
    """An enrolled subject with every form: screening vitals, labs (a bilirubin in mg/dL,
    a test not done, a serology with its index), one 5-hour session on day(9) with a
    10-minute interruption and an intra-session reading, a Chinese-worded AE during it,
    a long manual deviation and, if `died`, a fatal AE and the disposition."""
    subject = make_subject(study, "eligible", consent_date=day(10), screening_date=day(10))
    by = subject.created_by
    actions.subject_enrol(
        subject=subject,
        arm=study.arms.get(is_open=True, order=1),
        by=by,
        enrolment_date=day(10),
        planned_first_treatment=day(9),
        reason="Entered after the fact",
    )
    subject.refresh_from_db()
    clinical.vital_signs_record(
        subject=subject,
        by=by,
        timepoint="screening",
        measured_at=at(10, 9),
        systolic_bp=118,
        diastolic_bp=72,
        heart_rate=84,
        respiratory_rate=16,
        temperature_c=Decimal("36.8"),
        spo2_percent=97,
    )
    lab_panel_record(
        subject=subject,
        panel="LIVER",
        timepoint="BASELINE",
        sampled_at=at(10, 9),
        laboratory="中山三院检验科",
        entries=[
            ResultEntry("BILI", Decimal("5"), "mg/dL"),
            ResultEntry("ALT", Decimal("80"), "U/L"),
            ResultEntry("AST", not_done_reason="sample_lost"),
        ],
        by=by,
    )
    lab_panel_record(
        subject=subject,
        panel="VIROLOGY",
        timepoint="BASELINE",
        sampled_at=at(10, 9),
        entries=[ResultEntry("HBEAG", Decimal("12.5"), "S/CO", qualitative="positive")],
        by=by,
    )
    device = ALL_PASS if study.protocol.device_criteria else None
    arm = study.protocol.arm(subject.enrolment.arm.code)
    session_actions.session_record(
        subject=subject,
        by=by,
        # CiPS-BAL: the investigator sets the duration within 4-8 hours [REG-A].
        planned_minutes=300 if arm.duration_range_minutes else None,
        values=session_values(at(9, 8), 300),
        # CiPS-BAL's own field (studies/cips_bal/models.py): the functional fraction.
        study_parts={FunctionalHepatocytes: {"functional_percent": Decimal("80.0")}}
        if study.package == "studies.cips_bal"
        else None,
        interruptions=[
            {
                "started_at": at(9, 8, 30),
                "ended_at": at(9, 8, 40),
                "circulation_stopped": True,
                "reason": "hypotension",
                "outcome": "resumed",
            }
        ],
        vital_signs=[
            {
                "measured_at": at(9, 8, 30),
                "systolic_bp": 96,
                "diastolic_bp": 60,
                "heart_rate": 102,
            }
        ],
        device_checks=device,
    )
    lab_panel_record(
        subject=subject,
        panel="LIVER",
        timepoint="PRE-S1",
        sampled_at=at(9, 7),
        entries=[ResultEntry("BILI", Decimal("300"), "umol/L")],
        by=by,
    )
    ae_report(
        subject=subject,
        by=by,
        **ae_values(
            subject,
            ctcae_code=FEVER,
            verbatim_term=CHINESE_TERM,
            onset_date=day(9),
            onset_time=dt.time(10, 0),
            resolved_date=day(9),
            related_device="possible",
            related_cells="unlikely",
            related_procedure="not_related",
            action_taken="interrupted",
            expected=True,
        ),
    )
    session_actions.deviation_report(
        subject=subject,
        by=by,
        category="visit_window",
        description=LONG_DEVIATION,
        occurred_on=day(2),
        severity="major",
    )
    # Background forms (spec §2.3, §2.4, §2.13): an ongoing condition, a past allergy,
    # the diagnosis, a medication named in Chinese, a non-study plasma exchange.
    clinical.medical_history_record(subject=subject, by=by, **history_values())
    clinical.medical_history_record(
        subject=subject,
        by=by,
        **history_values(
            term="Penicillin allergy",
            category="allergy",
            allergen="Penicillin",
            start="2010",
            ongoing=False,
            end="2010",
        ),
    )
    clinical.liver_failure_record(subject=subject, by=by, **diagnosis_values(diagnosed_on=day(11)))
    clinical.medication_record(
        subject=subject, by=by, **medication_values(name=CHINESE_DRUG, start_date=day(20))
    )
    clinical.procedure_record(
        subject=subject, by=by, **procedure_values(started_on=day(5), ended_on=day(5))
    )
    if died:
        ae_report(
            subject=subject,
            by=by,
            sae=sae_values(awareness_at=at(3, 12)),
            **ae_values(
                subject,
                ctcae_code=HEPATIC_FAILURE,
                verbatim_term="Progressive liver failure",
                grade=5,
                onset_date=day(3),
                resolved_date=day(3),
                action_taken="not_applicable",
                outcome="fatal",
                **serious(results_in_death=True),
            ),
        )
        clinical.disposition_record(
            subject=subject,
            by=by,
            status="died",
            disposition_date=day(3),
            death_date=day(3),
            cause_of_death="Liver failure progression",
            transplant_date=None,
            survival_status_fs28="dead",
            last_known_alive=None,
        )
    subject.refresh_from_db()
    return subject


@pytest.fixture
def ranges(qh1a, cips):
    call_command("load_reference_ranges", verbosity=0)


@pytest.fixture
def casebook(qh1a, make_subject, ranges):
    """A QH-1A subject with every form, who died, and a screen failure."""
    subject = treated_subject(qh1a, make_subject, died=True)
    failed = make_subject(qh1a, "screening")
    actions.subject_screen_fail(
        subject=failed, by=failed.created_by, date=T, failed_criteria=["EX02"]
    )
    return subject


def export(study, tmp_path):
    """The zip, and each dataset read back from its .xpt: name -> (frame, metadata)."""
    target = io.BytesIO()
    log = study_export(study=study, fmt="sdtm", target=target, channel="command")
    archive = zipfile.ZipFile(target)
    datasets = {}
    for name in archive.namelist():
        if name.endswith(".xpt"):
            path = tmp_path / name
            path.write_bytes(archive.read(name))
            datasets[name.removesuffix(".xpt")] = pyreadstat.read_xport(str(path))
    return log, archive, datasets


def csv_rows(archive, name) -> list[dict]:
    return list(csv.DictReader(io.TextIOWrapper(archive.open(f"{name}.csv"), encoding="utf-8")))


def record(frame, **where):
    rows = frame
    for name, value in where.items():
        rows = rows[rows[name] == value]
    assert len(rows) == 1, where
    return rows.iloc[0]


def usubjid(subject) -> str:
    return f"{subject.study.registry_id}-{subject.screening_number}"


# --- The whole zip ------------------------------------------------------------------------


def test_every_dataset_reads_back_with_its_variables_and_the_csv_has_the_same_rows(
    qh1a, casebook, tmp_path
):
    log, archive, datasets = export(qh1a, tmp_path)
    expected = {"dm", "ae", "lb", "ex", "vs", "ds", "dv", "ie", "mh", "cm", "pr", "sv", "ts"}
    expected |= {"ta", "te", "tv", "ti"}
    expected |= {"suppae", "supplb", "suppex", "suppdv", "suppmh", "supppr"}
    assert set(datasets) == expected
    assert {f"{n}.csv" for n in expected} | {"README.txt"} <= set(archive.namelist())
    assert {f"{n}.json" for n in expected} <= set(archive.namelist())
    definitions = {d.name.lower(): d for d in (*PARENTS, TS, *DESIGN)}
    for name, (frame, meta) in datasets.items():
        dataset = definitions.get(name)
        variables = dataset.variables if dataset else SUPP_VARIABLES
        # Only a permissible variable without a value in any record is left out.
        assert list(frame.columns) == [v for v in variables if v in frame.columns], name
        assert set(variables) - set(frame.columns) <= (dataset.permissible if dataset else set())
        assert meta.column_labels == [variables[v] for v in frame.columns], name
        assert meta.table_name == name.upper()
        assert all(len(v) <= 8 for v in frame.columns)
        assert all(len(label) <= 40 for label in meta.column_labels)
        assert log.row_counts[name.upper()] == len(frame) > 0
        # The CSV beside it: the same rows and variables, the text as entered.
        rows = csv_rows(archive, name)
        assert len(rows) == len(frame), name
        for row, (_, read) in zip(rows, frame.iterrows(), strict=True):
            assert list(row) == list(frame.columns)
            for variable, text in row.items():
                value = read[variable]
                if isinstance(value, float):
                    assert (text == "" and math.isnan(value)) or float(text) == value
                else:
                    assert ascii_text(text) == value, (name, variable)
                    assert value.isascii() and len(value.encode()) <= 200
    assert log.total_rows == sum(log.row_counts.values())


SCHEMA = json.loads((Path(__file__).parent / "dataset_json" / "dataset.schema.json").read_text())


def dataset_json_says_what_the_xpt_says(archive, datasets, study) -> None:
    """Dataset-JSON v1.1 (issue 22): valid against CDISC's schema, the same variables,
    labels and records as the .xpt, the text as entered (the .xpt's is its ASCII form),
    numbers equal to 1e-9 relatively, and keys that identify each record."""
    validator = jsonschema.Draft201909Validator(SCHEMA)
    for name, (frame, meta) in datasets.items():
        raw = archive.read(f"{name}.json")
        document = json.loads(raw.decode("utf-8"))
        validator.validate(document)
        assert (
            document["datasetJSONVersion"] == "1.1.0" and document["studyOID"] == study.registry_id
        )
        assert (document["name"], document["itemGroupOID"]) == (
            meta.table_name,
            f"IG.{name.upper()}",
        )
        assert document["label"] == meta.file_label
        assert document["records"] == len(document["rows"]) == len(frame)
        columns = document["columns"]
        assert [c["name"] for c in columns] == list(frame.columns)
        assert [c["label"] for c in columns] == meta.column_labels
        assert all(c["itemOID"] == f"IT.{name.upper()}.{c['name']}" for c in columns)
        for column in columns:
            numeric = meta.readstat_variable_types[column["name"]] == "double"
            assert numeric == (column["dataType"] in ("integer", "double")), column
            if column["dataType"] == "string":
                # Room for the longest value, in the .xpt and as entered.
                assert column["length"] >= meta.variable_storage_width[column["name"]]
        keys = sorted((c for c in columns if "keySequence" in c), key=itemgetter("keySequence"))
        assert [c["keySequence"] for c in keys] == list(range(1, len(keys) + 1)) and keys
        positions = [list(frame.columns).index(c["name"]) for c in keys]
        identified = {tuple(row[i] for i in positions) for row in document["rows"]}
        assert len(identified) == len(frame), name  # the keys tell every record apart
        for row, (_, read) in zip(document["rows"], frame.iterrows(), strict=True):
            for column, value in zip(columns, row, strict=True):
                variable = column["name"]
                if column["dataType"] in ("integer", "double"):
                    if value is None:
                        assert math.isnan(read[variable]), (name, variable)
                    else:
                        assert value == pytest.approx(read[variable], rel=1e-9)
                        assert isinstance(value, int) == (column["dataType"] == "integer")
                else:
                    # The .xpt has the ASCII form of the text as entered.
                    assert ascii_text(value) == read[variable], (name, variable)
                    if column["dataType"] == "string":
                        assert len(value) <= column["length"]


def test_each_xpt_has_a_dataset_json_file_that_says_the_same(qh1a, casebook, tmp_path):
    _log, archive, datasets = export(qh1a, tmp_path)
    dataset_json_says_what_the_xpt_says(archive, datasets, qh1a)
    # Chinese text as entered, written as UTF-8 (not \u escapes).
    assert CHINESE_TERM.encode() in archive.read("ae.json")
    lb = json.loads(archive.read("lb.json"))
    laboratory = [c["name"] for c in lb["columns"]].index("LBNAM")
    assert "中山三院检验科" in {row[laboratory] for row in lb["rows"]}
    dm = json.loads(archive.read("dm.json"))
    types = {c["name"]: c["dataType"] for c in dm["columns"]}
    assert (types["AGE"], types["RFSTDTC"], types["BRTHDTC"]) == ("integer", "datetime", "date")


def test_study_identifiers_and_sequence_numbers(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    for name in ("dm", "ae", "lb", "ex", "vs", "ds", "dv", "ie", "mh", "cm", "pr", "sv"):
        frame = datasets[name][0]
        assert set(frame.STUDYID) == {qh1a.registry_id}
        assert set(frame.DOMAIN) == {name.upper()}
        if name not in ("dm", "sv"):
            # --SEQ numbers each subject's records from 1.
            for _subject, rows in frame.groupby("USUBJID"):
                assert sorted(rows[f"{name.upper()}SEQ"]) == list(range(1, len(rows) + 1))


# --- Each dataset ---------------------------------------------------------------------------


def test_dm_reference_dates_death_and_arm(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    dm = datasets["dm"][0]
    row = record(dm, USUBJID=usubjid(casebook))
    assert row.RFSTDTC == row.RFXSTDTC == at(9, 8).strftime("%Y-%m-%dT%H:%M")
    assert row.RFENDTC == row.RFXENDTC == at(9, 13).strftime("%Y-%m-%dT%H:%M")
    assert row.RFICDTC == day(10).isoformat() and row.RFPENDTC == day(3).isoformat()
    assert (row.DTHDTC, row.DTHFL) == (day(3).isoformat(), "Y")
    assert row.ARMCD == row.ACTARMCD == "QH4H" and row.ARMNRS == ""
    assert row.AGE == casebook.age_at_consent
    failed = record(dm, ARMNRS="SCREEN FAILURE")
    assert failed.ARMCD == failed.ACTARMCD == "" and failed.RFSTDTC == ""


def test_lb_keeps_the_entered_unit_and_converts_to_the_standard_one(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    lb = datasets["lb"][0]
    mine = lb[lb.USUBJID == usubjid(casebook)]
    # 5 mg/dL as entered; x 17.1 = 85.5 umol/L (spec §3.8).
    bili = record(mine, LBTESTCD="BILI", VISIT="SCREENING")
    assert (bili.LBORRES, bili.LBORRESU) == ("5", "mg/dL")
    assert (bili.LBSTRESC, bili.LBSTRESN, bili.LBSTRESU) == ("85.5", 85.5, "umol/L")
    assert bili.LBTEST == "Total bilirubin" and bili.LBCAT == "LIVER FUNCTION"
    assert bili.LBNRIND == "HIGH" and bili.LBSTNRHI > 0
    # The site's range is in umol/L; in the entered unit it is divided by 17.1.
    assert float(bili.LBORNRHI) == pytest.approx(bili.LBSTNRHI / 17.1, abs=1e-4)
    assert bili.LBTOXGR != "" and bili.LBTOX == "Blood bilirubin increased"
    assert bili.LBDTC == at(10, 9).strftime("%Y-%m-%dT%H:%M") and bili.LBDY == -1
    assert bili.VISITNUM == 1 and bili.LBNAM == "?" * 7  # Chinese lab name, in .xpt
    pre = record(mine, LBTESTCD="BILI", VISIT="SESSION 1")
    assert (pre.LBORRES, pre.LBORRESU, pre.LBSTRESN) == ("300", "umol/L", 300.0)
    assert (pre.VISITNUM, pre.LBTPT, pre.LBDY) == (10, "PRE-SESSION", 1)
    # CORE: a time point has its number and reference; the reference's time is the
    # session's start, and a sample taken before it is still in the screening epoch.
    assert (pre.LBTPTNUM, pre.LBTPTREF) == (1, "SESSION START")
    assert pre.LBRFTDTC == at(9, 8).strftime("%Y-%m-%dT%H:%M") and pre.EPOCH == "SCREENING"
    assert (bili.LBTPT, bili.LBTPTREF, bili.EPOCH) == ("", "", "SCREENING")
    assert math.isnan(bili.LBTPTNUM)
    alt = record(mine, LBTESTCD="ALT")
    assert alt.LBTEST == "Alanine aminotransferase"  # no "(ALT)": LBTEST names the test
    not_done = record(mine, LBTESTCD="AST")
    assert (not_done.LBSTAT, not_done.LBREASND) == ("NOT DONE", "SAMPLE LOST OR HAEMOLYSED")
    assert not_done.LBORRES == "" and math.isnan(not_done.LBSTRESN)
    serology = record(mine, LBTESTCD="HBEAG")
    assert (serology.LBORRES, serology.LBSTRESC) == ("POSITIVE", "POSITIVE")
    supplb = datasets["supplb"][0]
    index = record(supplb, QNAM="LBQNTRES")
    assert (index.IDVAR, index.IDVARVAL) == ("LBSEQ", str(int(serology.LBSEQ)))
    assert index.QVAL == "12.5 S/CO"


def test_ex_one_record_per_session(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    ex = record(datasets["ex"][0], USUBJID=usubjid(casebook))
    session = TreatmentSession.objects.get(subject=casebook)
    assert ex.EXTRT == "QH-1A HYBRID BAL WITH IMMORTALIZED MSC"
    assert ex.EXSTDTC == "T".join([day(9).isoformat(), "08:00"])
    assert ex.EXENDTC == "T".join([day(9).isoformat(), "13:00"])
    assert (ex.EXSTDY, ex.EXENDY, ex.VISIT, ex.VISITNUM) == (1, 1, "SESSION 1", 10)
    # Net duration: 300 minutes less a 10-minute stop (spec §2.7).
    assert session.net_minutes == 290 and ex.EXDUR == "PT4H50M"
    # QH-1A states no dose per kg: the viable cells loaded, 10 x 10^9 x 90 %.
    assert (ex.EXDOSE, ex.EXDOSU) == (9.0, "10^9 cells") and ex.EXLOT == "LOT-001"
    suppex = datasets["suppex"][0]
    values = dict(zip(suppex.QNAM, suppex.QVAL, strict=True))
    assert values["PLANDUR"] == "PT4H" and values["INTRDUR"] == "PT10M"
    # The functional fraction is CiPS-BAL's field only (issue 20 item 3).
    assert values["VIABPCT"] == "90" and "FUNCPCT" not in values


def test_ex_dose_per_kg_where_the_protocol_states_one(cips, make_subject, ranges, tmp_path):
    # [REG-A] "approximately 1.67 × 10^8 functional hepatocytes per kg of body weight".
    treated_subject(cips, make_subject)
    _log, _archive, datasets = export(cips, tmp_path)
    ex = datasets["ex"][0].iloc[0]
    # 10 x 10^9 cells x 90 % viable x 80 % functional / 60 kg = 1.2 x 10^8 per kg.
    assert ex.EXDOSU == "10^8 cells/kg" and ex.EXDOSE == pytest.approx(1.2)
    assert ex.EXTRT == "CIPS-DERIVED HEPATOCYTES"
    # The fraction behind it, from CiPS-BAL's own model, in SUPPEX (Collected in define).
    suppex = datasets["suppex"][0]
    values = dict(zip(suppex.QNAM, suppex.QVAL, strict=True))
    assert values["FUNCPCT"] == "80"
    labels = dict(zip(suppex.QNAM, suppex.QLABEL, strict=True))
    assert labels["FUNCPCT"] == "Functional Hepatocytes (%)"


def test_vs_a_record_per_measurement(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    vs = datasets["vs"][0]
    mine = vs[vs.USUBJID == usubjid(casebook)]
    height = record(mine, VSTESTCD="HEIGHT")
    assert (height.VSORRES, height.VSORRESU, height.VISIT) == ("170", "cm", "SCREENING")
    screening = record(mine, VSTESTCD="SYSBP", VISIT="SCREENING")
    assert (screening.VSSTRESN, screening.VSSTRESU) == (118.0, "mmHg")
    temperature = record(mine, VSTESTCD="TEMP")
    assert (temperature.VSORRES, temperature.VSORRESU) == ("36.8", "C")
    intra = record(mine, VSTESTCD="SYSBP", VISIT="SESSION 1")
    assert (intra.VSTPT, intra.VSELTM, intra.VSTPTREF) == (
        "DURING SESSION",
        "PT30M",
        "SESSION START",
    )
    assert intra.VSDTC == at(9, 8, 30).strftime("%Y-%m-%dT%H:%M") and intra.VSDY == 1
    assert (intra.VSTPTNUM, intra.EPOCH) == (2, "TREATMENT")
    assert intra.VSRFTDTC == at(9, 8).strftime("%Y-%m-%dT%H:%M")
    assert (screening.EPOCH, screening.VSTPT, height.EPOCH) == ("SCREENING", "", "SCREENING")
    assert math.isnan(screening.VSTPTNUM)
    assert record(mine, VSTESTCD="HR", VISIT="SESSION 1").VSSTRESN == 102
    assert "RESP" not in set(mine[mine.VISIT == "SESSION 1"].VSTESTCD)  # not measured


def test_ae_and_suppae(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    ae = datasets["ae"][0]
    fever = record(ae, USUBJID=usubjid(casebook), AEDECOD="Fever")
    assert fever.AESTDTC == f"{day(9).isoformat()}T10:00" and fever.AESTDY == 1
    assert (fever.AESER, fever.AESDTH, fever.AETOXGR) == ("N", "", "1")
    assert (fever.AEREL, fever.AEACN) == ("POSSIBLY RELATED", "DRUG INTERRUPTED")
    assert fever.EPOCH == "TREATMENT"  # 10:00, during the session (08:00-13:00)
    death = record(ae, USUBJID=usubjid(casebook), AEOUT="FATAL")
    # serious(): death, and a prolonged hospitalisation; no other criterion.
    assert (death.AESER, death.AESDTH, death.AESHOSP, death.AETOXGR) == ("Y", "Y", "Y", "5")
    assert (death.AESLIFE, death.AESMIE) == ("N", "N")
    assert death.EPOCH == "FOLLOW-UP"
    suppae = datasets["suppae"][0]
    about_fever = suppae[suppae.IDVARVAL == str(int(fever.AESEQ))]
    values = dict(zip(about_fever.QNAM, about_fever.QVAL, strict=True))
    assert values["AERELDEV"] == "POSSIBLY RELATED"
    assert values["AERELCEL"] == "UNLIKELY RELATED"
    assert values["AERELPRC"] == "NOT RELATED"
    assert values["AEACNBAL"] == "SESSION INTERRUPTED AND RESUMED"
    assert values["AEEXPECT"] == "Y"
    assert set(about_fever.IDVAR) == {"AESEQ"} and set(about_fever.RDOMAIN) == {"AE"}


def test_ds_consent_screen_failure_and_death(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    ds = datasets["ds"][0]
    mine = ds[ds.USUBJID == usubjid(casebook)]
    consent = record(mine, DSDECOD="INFORMED CONSENT OBTAINED")
    assert (consent.DSCAT, consent.DSSTDTC, consent.EPOCH) == (
        "PROTOCOL MILESTONE",
        day(10).isoformat(),
        "SCREENING",
    )
    death = record(mine, DSDECOD="DEATH")
    assert (death.DSCAT, death.DSSCAT) == ("DISPOSITION EVENT", "STUDY PARTICIPATION")
    assert (death.DSTERM, death.DSSTDTC, death.EPOCH) == ("Died", day(3).isoformat(), "FOLLOW-UP")
    assert death.DSSTDY == 7
    failure = record(ds, DSDECOD="SCREEN FAILURE")
    assert failure.DSTERM == "Criteria not met: EX02" and failure.EPOCH == "SCREENING"


def test_dv_with_long_text_continued_in_suppdv(qh1a, casebook, tmp_path):
    _log, archive, datasets = export(qh1a, tmp_path)
    dv = datasets["dv"][0]
    mine = dv[dv.USUBJID == usubjid(casebook)]
    manual = record(mine, DVDECOD="VISIT OUT OF WINDOW")
    assert (manual.DVCAT, manual.DVSTDTC, manual.EPOCH) == (
        "MAJOR",
        day(2).isoformat(),
        "FOLLOW-UP",
    )
    # 319 characters: 200 at most in DVTERM, the rest in SUPPDV DVTERM1 (SDTMIG 4.5.3.2).
    assert len(LONG_DEVIATION) > 200 and len(manual.DVTERM) <= 200
    suppdv = datasets["suppdv"][0]
    seq = str(int(manual.DVSEQ))
    continued = record(suppdv, IDVARVAL=seq, QNAM="DVTERM1")
    assert manual.DVTERM + continued.QVAL == LONG_DEVIATION
    assert record(suppdv, IDVARVAL=seq, QNAM="DVAUTO").QVAL == "N"
    # The 5-hour session is outside 4 h ± 15 min: the system's deviation (spec T3).
    found = record(mine, DVDECOD="SESSION DURATION OUTSIDE WINDOW")
    about = suppdv[suppdv.IDVARVAL == str(int(found.DVSEQ))]
    assert dict(zip(about.QNAM, about.QVAL, strict=True))["DVAUTO"] == "Y"
    assert "DVRULE" in set(about.QNAM)
    # The CSV: the same two pieces.
    rows = [r for r in csv_rows(archive, "suppdv") if r["QNAM"] == "DVTERM1"]
    assert [r["QVAL"] for r in rows] == [continued.QVAL]


def test_mh_cm_and_pr_from_the_forms(qh1a, casebook, tmp_path):
    _log, archive, datasets = export(qh1a, tmp_path)
    mine = {
        name: frame[frame.USUBJID == usubjid(casebook)]
        for name, (frame, _meta) in datasets.items()
        if "USUBJID" in frame.columns
    }
    # MH: partial dates as entered; ongoing at screening (spec §2.3).
    hypertension = record(mine["mh"], MHTERM="Hypertension")
    assert (hypertension.MHCAT, hypertension.MHSTDTC, hypertension.MHENDTC) == (
        "GENERAL",
        "2015-03",
        "",
    )
    assert (hypertension.MHENRTPT, hypertension.MHENTPT) == ("ONGOING", day(10).isoformat())
    allergy = record(mine["mh"], MHTERM="Penicillin allergy")
    assert (allergy.MHCAT, allergy.MHENDTC, allergy.MHENRTPT) == (
        "ALLERGY OR HYPERSENSITIVITY",
        "2010",
        "",
    )
    allergen = record(mine["suppmh"], QNAM="MHALLERG")
    assert (allergen.QVAL, allergen.IDVARVAL) == ("Penicillin", str(int(allergy.MHSEQ)))
    diagnosis = record(mine["mh"], MHCAT="LIVER FAILURE DIAGNOSIS")
    assert (diagnosis.MHTERM, diagnosis.MHSTDTC) == (
        "Acute-on-chronic liver failure",
        day(11).isoformat(),
    )
    # CM: the Chinese name as entered in the CSV and the JSON, "?" in the .xpt.
    drug = mine["cm"].iloc[0]
    assert len(mine["cm"]) == 1 and drug.CMTRT == "????"
    assert [r["CMTRT"] for r in csv_rows(archive, "cm")] == [CHINESE_DRUG]
    assert CHINESE_DRUG.encode() in archive.read("cm.json")
    assert (drug.CMDOSE, drug.CMDOSU, drug.CMDOSFRQ, drug.CMROUTE) == (
        0.5,
        "mg",
        "once daily",
        "oral",
    )
    assert (drug.CMCAT, drug.CMINDC) == (
        "ANTIVIRAL (NUCLEOS(T)IDE ANALOGUE)",
        "Chronic hepatitis B",
    )
    # Day 1 is the session's day(9): day(20) is Day -11, before treatment.
    assert (drug.CMSTDTC, drug.CMSTDY, drug.EPOCH) == (day(20).isoformat(), -11, "SCREENING")
    assert (drug.CMENRTPT, drug.CMENTPT) == ("ONGOING", T.isoformat())
    # PR: the BAL session (spec §6) and the plasma exchange after it, by start.
    session, exchange = mine["pr"].sort_values("PRSEQ").itertuples()
    assert (session.PRTRT, session.PRCAT, session.VISITNUM) == (
        "BIOARTIFICIAL LIVER TREATMENT",
        "STUDY PROCEDURE",
        10,
    )
    assert (session.PRSTDTC, session.PRENDTC) == (
        at(9, 8).strftime("%Y-%m-%dT%H:%M"),
        at(9, 13).strftime("%Y-%m-%dT%H:%M"),
    )
    assert (session.EPOCH, session.PRSTDY, session.PRSPID) == ("TREATMENT", 1, "SESSION 1")
    assert (exchange.PRTRT, exchange.PRCAT) == (
        "PLASMA EXCHANGE (NON-STUDY)",
        "CONCOMITANT PROCEDURE",
    )
    assert (exchange.PRSTDTC, exchange.PRSTDY, exchange.EPOCH) == (
        day(5).isoformat(),
        5,
        "FOLLOW-UP",
    )
    details = record(mine["supppr"], QNAM="PRDETAIL")
    assert (details.QVAL, details.IDVARVAL) == ("2000 mL FFP", str(int(exchange.PRSEQ)))


def test_ie_holds_only_the_criteria_not_met(qh1a, casebook, make_subject, tmp_path):
    # An inclusion criterion answered No, then named by the screen failure: one record.
    answers = {c.code: c.kind == "inclusion" for c in qh1a.protocol.asked_criteria}
    unable = make_subject(qh1a, "screening")
    actions.eligibility_record(
        subject=unable, answers={**answers, "IN03": False}, by=unable.created_by
    )
    actions.subject_screen_fail(
        subject=unable, by=unable.created_by, date=T, failed_criteria=["IN03"]
    )
    _log, _archive, datasets = export(qh1a, tmp_path)
    ie = datasets["ie"][0]
    assert usubjid(casebook) not in set(ie.USUBJID)  # every criterion met
    included = record(ie, USUBJID=usubjid(unable))
    criteria = {c.code: c for c in qh1a.protocol.criteria}
    assert (included.IETESTCD, included.IECAT, included.IEORRES, included.IESTRESC) == (
        "IN03",
        "INCLUSION",
        "N",
        "N",
    )
    assert included.IETEST == criteria["IN03"].text
    screened = unable.screening_date.isoformat()
    assert (included.VISITNUM, included.EPOCH, included.IEDTC) == (1, "SCREENING", screened)
    # The casebook's screen failure, named EX02 without answers: the exclusion applies.
    excluded = record(ie, IETESTCD="EX02")
    assert (excluded.IECAT, excluded.IEORRES) == ("EXCLUSION", "Y")
    assert set(ie.IETESTCD) <= set(datasets["ti"][0].IETESTCD)


def test_trial_design_from_the_protocol(qh1a, cips, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    ta, te, tv, ti = (datasets[name][0] for name in ("ta", "te", "tv", "ti"))
    # [REG-B] four cohorts: one session of 4, 6 or 8 hours, or 2-3 sessions.
    assert set(ta.ARMCD) == {"QH4H", "QH6H", "QH8H", "QHMT"}
    single = ta[ta.ARMCD == "QH4H"].sort_values("TAETORD")
    assert list(single.ETCD) == ["SCRN", "QH4H", "FU"]
    assert list(single.EPOCH) == ["SCREENING", "TREATMENT", "FOLLOW-UP"]
    assert single.iloc[0].TABRANCH == "Enrolled in the 4-hour group"
    multiple = ta[ta.ARMCD == "QHMT"].sort_values("TAETORD")
    assert list(multiple.EPOCH) == ["SCREENING", *["TREATMENT"] * 3, "FOLLOW-UP"]
    # Follow-up may start after session 2 or 3, not after session 1 ("2-3 treatments").
    assert [bool(t) for t in multiple.TATRANS] == [False, False, True, False, False]
    assert set(ta.ETCD) == set(te.ETCD) and len(te) == len(set(te.ETCD))
    assert dict(zip(te.ETCD, te.ELEMENT, strict=True)) == dict(
        zip(ta.ETCD, ta.ELEMENT, strict=True)
    )
    assert record(te, ETCD="FU").TEDUR == "P28D"  # FS+28, the last follow-up visit (spec §1.5)
    # TI: every criterion, verbatim [REG-B], the age derived from the date of birth too.
    criteria = qh1a.protocol.criteria
    assert list(ti.IETESTCD) == [c.code for c in criteria]
    assert list(ti.IETEST) == [c.text for c in criteria]
    assert record(ti, IETESTCD="EX02").IECAT == "EXCLUSION"
    # TV: screening 14 days before Day 1 [REG-B]; session 1 for every arm; sessions 2 and
    # 3 of the multiple-treatment group 3 days apart ("3 (±1) days").
    assert (record(tv, VISITNUM=1).VISIT, record(tv, VISITNUM=1).VISITDY) == ("SCREENING", -14)
    first = record(tv, VISITNUM=10)
    assert (first.VISIT, first.VISITDY, first.ARMCD) == ("SESSION 1", 1, "")
    later = tv[(tv.VISITNUM > 10) & (tv.VISITNUM < 100)]
    assert [(r.VISITDY, r.ARMCD) for r in later.itertuples()] == [
        (4, "QHMT"),
        (7, "QHMT"),
    ]
    assert set(tv[tv.VISITNUM > 100].VISIT) == {"FS+1", "FS+3", "FS+7", "FS+14", "FS+28"}
    # The datasets' visits, arms and epochs are the design's.
    planned = set(zip(tv.VISITNUM, tv.VISIT, strict=True))
    for name in ("lb", "vs", "ex", "sv", "pr", "ie"):
        frame = datasets[name][0].dropna(subset=["VISITNUM"])
        assert set(zip(frame.VISITNUM, frame.VISIT, strict=True)) <= planned, name
    assert set(datasets["dm"][0].ARMCD) - {""} <= set(ta.ARMCD)
    for name in ("ae", "lb", "vs", "ex", "ds", "dv", "ie", "cm", "pr", "sv"):
        assert set(datasets[name][0].EPOCH) <= set(ta.EPOCH), name
    # CiPS-BAL [REG-A]: one arm, sessions "according to clinical response", up to the
    # study's maximum; after session 1 no planned day.
    _log, _archive, datasets = export(cips, tmp_path)
    ta, tv = datasets["ta"][0], datasets["tv"][0]
    sessions = cips.effective_options.max_sessions
    assert set(ta.ARMCD) == {"CIPSBAL"} and len(ta) == sessions + 2
    assert "TABRANCH" not in ta.columns  # no branch: a permissible column empty throughout
    assert set(tv.ARMCD) == {""} and record(tv, VISITNUM=1).VISITDY == -7
    assert math.isnan(record(tv, VISITNUM=11).VISITDY)


def test_sv_the_visits_each_subject_had(qh1a, casebook, tmp_path):
    lab_panel_record(
        subject=casebook,
        panel="LIVER",
        timepoint="FS+3",
        sampled_at=at(6, 9),
        entries=[ResultEntry("ALT", Decimal("60"), "U/L")],
        by=casebook.created_by,
    )
    _log, _archive, datasets = export(qh1a, tmp_path)
    sv = datasets["sv"][0]
    mine = sv[sv.USUBJID == usubjid(casebook)]
    assert list(mine.VISITNUM) == [1, 10, 103]
    screening = record(mine, VISITNUM=1)
    assert (screening.SVSTDTC, screening.SVENDTC, screening.EPOCH) == (
        day(10).isoformat(),
        day(10).isoformat(),
        "SCREENING",
    )
    assert (screening.VISITDY, screening.SVSTDY) == (-14, -1)
    session = record(mine, VISITNUM=10)
    assert (session.SVSTDTC, session.SVENDTC) == (
        at(9, 8).strftime("%Y-%m-%dT%H:%M"),
        at(9, 13).strftime("%Y-%m-%dT%H:%M"),
    )
    assert (session.VISIT, session.SVSTDY, session.EPOCH, session.VISITDY) == (
        "SESSION 1",
        1,
        "TREATMENT",
        1,
    )
    follow_up = record(mine, VISITNUM=103)
    assert (follow_up.VISIT, follow_up.SVSTDY, follow_up.EPOCH) == ("FS+3", 4, "FOLLOW-UP")
    assert math.isnan(follow_up.VISITDY)  # counted from the final session, not Day 1
    failed = sv[sv.USUBJID != usubjid(casebook)]
    assert list(failed.VISIT) == ["SCREENING"]


def test_ts_trial_summary(qh1a, cips, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    ts = datasets["ts"][0]
    values = dict(zip(ts.TSPARMCD, ts.TSVAL, strict=True))
    assert values["TITLE"] == qh1a.title and values["REGID"] == "NCT06996392"
    assert values["PLANSUB"] == "15" and values["TPHASE"] == "PHASE I TRIAL"
    assert (values["AGEMIN"], values["AGEMAX"]) == ("P18Y", "P65Y")  # [REG-B] 18-65 years
    assert values["INTMODEL"] == "SEQUENTIAL" and values["SPONSOR"]
    _log, _archive, datasets = export(cips, tmp_path)
    values = dict(zip(datasets["ts"][0].TSPARMCD, datasets["ts"][0].TSVAL, strict=True))
    # [REG-A] has no age limits: no AGEMIN/AGEMAX; phase as registered, PHASE1/PHASE2.
    assert "AGEMIN" not in values and values["TPHASE"] == "PHASE I/II TRIAL"
    assert values["PLANSUB"] == "12" and values["INTMODEL"] == "SINGLE GROUP"


def test_every_declared_trial_summary_parameter_is_known():
    for protocol in all_protocols():
        for code, value in protocol.trial_summary:
            assert code in TS_PARAMETERS and value.isascii()
        assert protocol.sdtm_treatment and len(protocol.sdtm_treatment) <= 200
        # TI's IETEST holds each criterion's text whole (SDTMIG: at most 200 characters).
        assert all(len(ascii_text(c.text)) <= 200 for c in protocol.criteria)


# --- Non-ASCII text and long text ------------------------------------------------------------


def test_chinese_verbatim_term_is_replaced_in_the_xpt_and_kept_in_the_csv(qh1a, casebook, tmp_path):
    _log, archive, datasets = export(qh1a, tmp_path)
    ae = datasets["ae"][0]
    # Chinese characters become "?", the full-width brackets ASCII brackets.
    assert record(ae, AEDECOD="Fever").AETERM == "????(??)"
    rows = csv_rows(archive, "ae")
    assert [r["AETERM"] for r in rows if r["AEDECOD"] == "Fever"] == [CHINESE_TERM]
    readme = archive.read("README.txt").decode("ascii")
    assert "Non-ASCII text" in readme and 'written as "?"' in readme
    assert "ae.xpt  Adverse Events: 2 records; 1 values with non-ASCII characters" in readme


def test_ascii_text_transliterates_what_it_can():
    assert ascii_text("Fever") == "Fever"
    assert ascii_text("38.5 ℃，µg/dL ≥ 2") == "38.5 degC,ug/dL >= 2"
    assert ascii_text("Café") == "Cafe"
    assert ascii_text("发热") == "??"


def test_pieces_cut_between_words_and_join_back():
    text = "word " * 100
    parts = pieces(text)
    assert "".join(parts) == text and len(parts) == 3
    assert all(len(p) <= 200 for p in parts) and parts[1].startswith(" ")
    chinese = "发" * 250  # 250 characters, one "?" each in the .xpt
    assert [len(p) for p in pieces(chinese)] == [200, 50]
    assert pieces("short") == ["short"]


def test_every_lab_test_has_a_short_code_and_name():
    with translation.override("en"):
        for code, test in CATALOGUE.items():
            name = _LabTest.of(code, test.standard_unit.code).name
            assert len(code) <= 8 and len(name) <= 40 and name.isascii(), code


# --- Queries, voided records, the command ---------------------------------------------------


def _count_queries(study) -> int:
    with CaptureQueriesContext(connection) as queries:
        study_export(study=study, fmt="sdtm", target=io.BytesIO(), channel="command")
    return len(queries)


def test_query_count_does_not_grow_with_subjects(
    cips, make_subject, ranges, django_assert_max_num_queries
):
    # CiPS-BAL: a single arm of 12 [REG-A], so ten subjects can be enrolled. One query
    # a dataset's rows (two for MH: the history and the diagnosis), five for the
    # casebook (its fatal AEs for the deaths, spec V11), two for the sites the export
    # covers (site scope, issue 17), two for the protocol versions and the subjects'
    # re-consents (TS PROTVER, SUPPDV PROTVER; issue 21), the rest the export's log; one for
    # the sessions' own CiPS-BAL fields (their functional fraction, issue 20 item 3); three
    # for the subjects' versions (with their study) and re-consents, read by the dose
    # targets (EXDOSE by the subject's version on the session's date, issue 21).
    for _ in range(3):
        treated_subject(cips, make_subject)
    with django_assert_max_num_queries(27):
        study_export(study=cips, fmt="sdtm", target=io.BytesIO(), channel="command")
    three = _count_queries(cips)
    for _ in range(7):
        treated_subject(cips, make_subject, died=True)
    assert Subject.objects.filter(study=cips).count() == 10
    with django_assert_max_num_queries(27):
        study_export(study=cips, fmt="sdtm", target=io.BytesIO(), channel="command")
    assert _count_queries(cips) == three


def test_voided_records_and_subjects_are_left_out(qh1a, casebook, tmp_path):
    _log, _archive, before = export(qh1a, tmp_path)
    by = casebook.created_by
    fever = AdverseEvent.objects.get(subject=casebook, ctcae_code=FEVER)
    integrity.record_void(record=fever, by=by, reason="Wrong subject.")
    session = TreatmentSession.objects.get(subject=casebook)
    integrity.record_void(record=session, by=by, reason="Entered twice.")
    _log, _archive, after = export(qh1a, tmp_path)
    assert len(after["ae"][0]) == len(before["ae"][0]) - 1
    assert list(after["ae"][0].AESEQ) == [1]  # renumbered from 1
    assert "ex" not in after  # its only session is voided: no EX records, no file
    assert "SESSION 1" not in set(after["vs"][0].VISIT)  # the session's readings went with it
    # No reading of a session day is left: its time point columns, all empty, are not
    # written (CORE); nor is --RFTDTC of the pre-session sample, its session voided.
    timing = {"VSTPT", "VSTPTNUM", "VSELTM", "VSTPTREF", "VSRFTDTC"}
    assert not timing & set(after["vs"][0].columns) and timing <= set(before["vs"][0].columns)
    assert "LBRFTDTC" not in after["lb"][0].columns and "LBTPTNUM" in after["lb"][0].columns
    dm = record(after["dm"][0], USUBJID=usubjid(casebook))
    assert dm.RFSTDTC == "" and dm.ARMNRS == "ASSIGNED, NOT TREATED"


def test_demo_study_exports_dm_and_ae(tmp_path):
    call_command("load_demo")
    study = Study.objects.filter(subjects__adverse_events__isnull=False).distinct().first()
    log, archive, datasets = export(study, tmp_path)
    dm = datasets["dm"][0]
    subjects = Subject.objects.filter(study=study).select_related("site")
    assert len(dm) == subjects.count() == log.row_counts["DM"]
    for subject in subjects:
        row = record(dm, SUBJID=subject.screening_number)
        assert row.SITEID == subject.site.code and row.COUNTRY == "CHN"
        assert row.SEX == subject.sex and row.BRTHDTC == subject.date_of_birth.isoformat()
    events = AdverseEvent.objects.filter(subject__study=study)
    assert len(datasets["ae"][0]) == events.count() == log.row_counts["AE"] > 0
    assert ExportLog.objects.filter(format="sdtm").count() == 1
    # The demo's casebooks: each dataset's Dataset-JSON says what its .xpt says.
    assert {"sv", "ta", "te", "tv", "ti"} <= set(datasets)
    dataset_json_says_what_the_xpt_says(archive, datasets, study)


def test_study_day_has_no_day_zero():
    day1 = dt.date(2026, 9, 8)
    assert study_day(day1, day1) == 1
    assert study_day(dt.date(2026, 9, 9), day1) == 2
    assert study_day(dt.date(2026, 9, 7), day1) == -1
    assert study_day(None, day1) is None


def test_command_writes_the_sdtm_zip(qh1a, casebook, tmp_path):
    output = tmp_path / "sdtm.zip"
    call_command("export_study", qh1a.registry_id, "--format", "sdtm", "--output", str(output))
    assert {"dm.xpt", "lb.xpt", "README.txt"} <= set(zipfile.ZipFile(output).namelist())
