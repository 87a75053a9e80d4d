"""SDTM export (issue 6; crf-domain-spec.md §6): DM, AE, LB, EX, VS, DS, DV, TS and their
SUPP-- datasets as SAS transport v5 files with a CSV beside each, in a zip. Each .xpt is
read back with pyreadstat and checked against the data entered through the actions;
voided records are left out, Chinese text is replaced in the .xpt and kept in the CSV,
and the export runs the same number of queries for 3 subjects as for 10."""

import csv
import datetime as dt
import io
import math
import zipfile
import zoneinfo
from decimal import Decimal

import pyreadstat
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

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
from ecrf.sdtm.terms import PARENTS, SUPP_VARIABLES, TS, TS_PARAMETERS
from tests.adverse_events.conftest import FEVER, HEPATIC_FAILURE, ae_values, sae_values, serious
from tests.sessions.conftest import ALL_PASS, session_values

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T = timezone.localdate(timezone=SHANGHAI)
CHINESE_TERM = "输液反应（发热）"  # "infusion reaction (fever)", with full-width brackets
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
        values=session_values(at(9, 8), 300, functional_percent=Decimal("80.0")),
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
    expected = {"dm", "ae", "lb", "ex", "vs", "ds", "dv", "ts"}
    expected |= {"suppae", "supplb", "suppex", "suppdv"}
    assert set(datasets) == expected
    assert {f"{n}.csv" for n in expected} | {"README.txt"} <= set(archive.namelist())
    definitions = {d.name.lower(): d for d in (*PARENTS, TS)}
    for name, (frame, meta) in datasets.items():
        variables = definitions[name].variables if name in definitions else SUPP_VARIABLES
        assert list(frame.columns) == list(variables), name
        assert meta.column_labels == list(variables.values()), name
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


def test_study_identifiers_and_sequence_numbers(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    for name in ("dm", "ae", "lb", "ex", "vs", "ds", "dv"):
        frame = datasets[name][0]
        assert set(frame.STUDYID) == {qh1a.registry_id}
        assert set(frame.DOMAIN) == {name.upper()}
        if name != "dm":
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
    assert values["VIABPCT"] == "90" and values["FUNCPCT"] == "80"


def test_ex_dose_per_kg_where_the_protocol_states_one(cips, make_subject, ranges, tmp_path):
    # [REG-A] "approximately 1.67 × 10^8 functional hepatocytes per kg of body weight".
    treated_subject(cips, make_subject)
    _log, _archive, datasets = export(cips, tmp_path)
    ex = datasets["ex"][0].iloc[0]
    # 10 x 10^9 cells x 90 % viable x 80 % functional / 60 kg = 1.2 x 10^8 per kg.
    assert ex.EXDOSU == "10^8 cells/kg" and ex.EXDOSE == pytest.approx(1.2)
    assert ex.EXTRT == "CIPS-DERIVED HEPATOCYTES"


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
    assert record(mine, VSTESTCD="HR", VISIT="SESSION 1").VSSTRESN == 102
    assert "RESP" not in set(mine[mine.VISIT == "SESSION 1"].VSTESTCD)  # not measured


def test_ae_and_suppae(qh1a, casebook, tmp_path):
    _log, _archive, datasets = export(qh1a, tmp_path)
    ae = datasets["ae"][0]
    fever = record(ae, USUBJID=usubjid(casebook), AEDECOD="Fever")
    assert fever.AESTDTC == f"{day(9).isoformat()}T10:00" and fever.AESTDY == 1
    assert (fever.AESER, fever.AESDTH, fever.AETOXGR) == ("N", "", "1")
    assert (fever.AEREL, fever.AEACN) == ("POSSIBLY RELATED", "DRUG INTERRUPTED")
    death = record(ae, USUBJID=usubjid(casebook), AEOUT="FATAL")
    # serious(): death, and a prolonged hospitalisation; no other criterion.
    assert (death.AESER, death.AESDTH, death.AESHOSP, death.AETOXGR) == ("Y", "Y", "Y", "5")
    assert (death.AESLIFE, death.AESMIE) == ("N", "N")
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
    # CiPS-BAL: a single arm of 12 [REG-A], so ten subjects can be enrolled.
    for _ in range(3):
        treated_subject(cips, make_subject)
    with django_assert_max_num_queries(15):
        study_export(study=cips, fmt="sdtm", target=io.BytesIO(), channel="command")
    three = _count_queries(cips)
    for _ in range(7):
        treated_subject(cips, make_subject, died=True)
    assert Subject.objects.filter(study=cips).count() == 10
    with django_assert_max_num_queries(15):
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
    dm = record(after["dm"][0], USUBJID=usubjid(casebook))
    assert dm.RFSTDTC == "" and dm.ARMNRS == "ASSIGNED, NOT TREATED"


def test_demo_study_exports_dm_and_ae(tmp_path):
    call_command("load_demo")
    study = Study.objects.filter(subjects__adverse_events__isnull=False).distinct().first()
    log, _archive, datasets = export(study, tmp_path)
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
