"""Each rule of the clinical forms, quoting the protocol text or spec section it checks."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ecrf import actions, audit
from ecrf.actions import ProtocolRefusal, clinical
from ecrf.deaths import subject_death_account
from ecrf.models import DataQuery, Disposition, Procedure, VitalSigns
from studies.cips_bal.models import SmallForSizeOperation
from studies.cips_bal.protocol import graft_recipient_weight_ratio
from tests.clinical.conftest import (
    diagnosis_values,
    disposition_values,
    history_values,
    medication_values,
    procedure_values,
)
from tests.conftest import TODAY, eligible_answers

pytestmark = pytest.mark.django_db


def rules(excinfo) -> list[str]:
    return [r.rule for r in excinfo.value.refusals]


def fields(excinfo) -> list[str | None]:
    return [r.field for r in excinfo.value.refusals]


def add_history(subject, **overrides):
    return clinical.medical_history_record(
        subject=subject, by=subject.created_by, **history_values(**overrides)
    )


# --- Dates -------------------------------------------------------------------------------


def test_partial_dates_mean_a_range_of_days():
    # Spec §2.3: "Start date DATE (partial YYYY or YYYY-MM allowed)".
    assert clinical.partial_date_bounds("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert clinical.partial_date_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert clinical.partial_date_bounds("2024-02-10") == (dt.date(2024, 2, 10),) * 2
    with pytest.raises(ValueError):
        clinical.partial_date_bounds("2023-02-30")


def test_months_are_calendar_months():
    # [REG-B] EX03 "within the past 6 months": calendar months, clamped to the month's end.
    assert clinical.months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert clinical.months_before(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 15)
    assert clinical.months_before(dt.date(2028, 2, 29), 60) == dt.date(2023, 2, 28)


# --- Medical history against the QH-1A checklist (soft) -----------------------------------


def test_recent_cardiovascular_event_contradicts_ex03_answer(qh_subject):
    # [REG-B] EX03 "Occurrence of myocardial infarction, cerebral infarction, or cerebral
    # hemorrhage within the past 6 months." The checklist says No (eligible).
    recent = clinical.months_before(qh_subject.consent_date, 2).isoformat()
    add_history(qh_subject, term="Myocardial infarction", category="cardiovascular", start=recent)
    warnings = clinical.medical_history_warnings(qh_subject, list(qh_subject.medical_history.all()))
    assert [w.rule for w in warnings] == ["EX03"]
    assert "Myocardial infarction" in str(warnings[0].message)


def test_old_cardiovascular_event_is_not_an_exclusion(qh_subject):
    # [REG-B] EX03: an event more than 6 months before consent does not exclude.
    add_history(qh_subject, term="Cerebral infarction", category="cardiovascular", start="2019")
    assert (
        clinical.medical_history_warnings(qh_subject, list(qh_subject.medical_history.all())) == []
    )


def test_year_only_date_that_may_fall_in_the_window_asks_for_the_month(qh1a, make_subject):
    # Spec §2.3: "For QH EX03/EX04 the month must be known if within 6 months ... of
    # consent (query otherwise)." Consent in July: "<year>" straddles the 6-month window.
    # The latest 15 July before today, so version 1.0 is in force at the site by then.
    consent = dt.date(TODAY.year, 7, 15)
    if consent >= TODAY:
        consent = consent.replace(year=TODAY.year - 1)
    subject = make_subject(qh1a, "eligible", consent_date=consent, screening_date=consent)
    add_history(
        subject, term="Cerebral haemorrhage", category="cardiovascular", start=str(consent.year)
    )
    warnings = clinical.medical_history_warnings(subject, list(subject.medical_history.all()))
    assert [w.rule for w in warnings] == ["EX03"] and "month" in str(warnings[0].message)


def test_ex03_answered_yes_without_history_is_flagged(qh1a, make_subject):
    # [REG-B] EX03: the checklist's Yes should be supported by the medical history.
    subject = make_subject(qh1a)
    answers = eligible_answers(qh1a) | {"EX03": True}
    actions.eligibility_record(subject=subject, answers=answers, by=subject.created_by)
    warnings = clinical.medical_history_warnings(subject, [])
    assert [w.rule for w in warnings] == ["EX03"]


def test_ongoing_malignancy_contradicts_ex04_answer(qh_subject):
    # [REG-B] EX04 "A history of malignant tumors within the past 5 years (except for cured
    # basal cell carcinoma of the skin or carcinoma in situ of the cervix)."
    add_history(qh_subject, term="Hepatocellular carcinoma", category="malignancy", start="2012")
    warnings = clinical.medical_history_warnings(qh_subject, list(qh_subject.medical_history.all()))
    assert [w.rule for w in warnings] == ["EX04"]
    assert "basal cell" in str(warnings[0].message)  # the exception is the investigator's call


def test_malignancy_cured_over_5_years_ago_is_not_an_exclusion(qh_subject):
    # [REG-B] EX04 "within the past 5 years": judged by when the malignancy ended.
    add_history(
        qh_subject,
        term="Colon cancer",
        category="malignancy",
        start="2008",
        ongoing=False,
        end=str(TODAY.year - 7),
    )
    assert (
        clinical.medical_history_warnings(qh_subject, list(qh_subject.medical_history.all())) == []
    )


def test_cips_has_no_qh1a_history_checks(cips_subject):
    # [REG-A] lists no cardiovascular or malignancy exclusion.
    add_history(cips_subject, term="Myocardial infarction", category="cardiovascular", start="2026")
    assert (
        clinical.medical_history_warnings(cips_subject, list(cips_subject.medical_history.all()))
        == []
    )


def test_history_start_in_the_future_is_refused(qh_subject):
    # Spec §2.3: a history is what happened before; no date lies in the future.
    with pytest.raises(ProtocolRefusal) as excinfo:
        add_history(qh_subject, start=str(TODAY.year + 1))
    assert rules(excinfo) == ["DATE-FUTURE"] and fields(excinfo) == ["start"]


# --- Liver-failure diagnosis ------------------------------------------------------------


SFSS_FIELDS = ("sfss_operation", "sfss_operation_date", "graft_weight_g")


def record_diagnosis(subject, **overrides):
    # The small-for-size operation is CiPS-BAL's own part of the form (issue 20 item 3).
    sfss = {name: overrides.pop(name) for name in SFSS_FIELDS if name in overrides}
    return clinical.liver_failure_record(
        subject=subject,
        by=subject.created_by,
        study_parts={SmallForSizeOperation: sfss} if sfss else None,
        **diagnosis_values(**overrides),
    )


def test_qh1a_admits_only_aclf(qh_subject):
    # [REG-B] IN01 "Patients with acute-on-chronic liver failure, diagnosed according to
    # the - - Guideline for diagnosis and treatment of liver failure (2024 version)".
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_diagnosis(qh_subject, category="ALF", chronic_liver_disease=False, aetiology=[])
    assert rules(excinfo) == ["IN01"] and fields(excinfo) == ["category"]


def test_qh1a_requires_the_chinese_2024_guideline(qh_subject):
    # [REG-B] IN01 "... (2024 version) in China"; spec §2.4 "QH-1A requires Chinese 2024".
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_diagnosis(qh_subject, guideline="APASL2019")
    assert rules(excinfo) == ["IN01"] and fields(excinfo) == ["guideline"]


def test_aclf_type_follows_cirrhosis(qh_subject):
    # Spec §3.5: "A: on non-cirrhotic chronic liver disease; B: on compensated cirrhosis;
    # C: on decompensated cirrhosis".
    diagnosis = record_diagnosis(qh_subject, cirrhosis="compensated")
    assert diagnosis.aclf_type == "B" and diagnosis.created_by == qh_subject.created_by
    # The diagnosis was saved complete: correcting it needs a reason (issue 4).
    with audit.reason("entry_error", "cirrhosis is decompensated"):
        diagnosis = record_diagnosis(qh_subject, cirrhosis="decompensated")
    assert diagnosis.aclf_type == "C" and diagnosis.version == 2  # one row, updated


def test_cips_admits_small_for_size_syndrome(cips_subject):
    # [REG-A] IN01 "liver failure (including acute, subacute/acute-on-chronic, and chronic
    # liver failure) or small-for-size syndrome".
    diagnosis = record_diagnosis(
        cips_subject,
        category="SFSS",
        guideline="SFSS",
        chronic_liver_disease=False,
        aetiology=[],
        cirrhosis="none",
        sfss_operation="living_donor",
        sfss_operation_date=cips_subject.consent_date - dt.timedelta(days=5),
        graft_weight_g=450,
    )
    assert diagnosis.category == "SFSS" and diagnosis.aclf_type is None
    operation = diagnosis.small_for_size.get()
    assert (operation.sfss_operation, operation.graft_weight_g) == ("living_donor", 450)


def test_sfss_needs_its_operation_whatever_path_saves_it(cips_subject):
    # Spec V18: "SFSS category ⇒ SFSS form complete" (a database constraint while the
    # operation was a column of the diagnosis; now CiPS-BAL's rule, run by the action).
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_diagnosis(cips_subject, category="SFSS", guideline="SFSS")
    assert rules(excinfo) == ["V18", "V18"]
    assert fields(excinfo) == ["sfss_operation", "sfss_operation_date"]


def test_a_diagnosis_changed_from_sfss_voids_its_operation(cips_subject):
    # The operation no longer applies: voided as removed from the form, never deleted.
    record_diagnosis(
        cips_subject,
        category="SFSS",
        guideline="SFSS",
        chronic_liver_disease=False,
        aetiology=[],
        sfss_operation="hepatectomy",
        sfss_operation_date=cips_subject.consent_date,
    )
    with audit.reason("entry_error", "not SFSS"):
        diagnosis = record_diagnosis(
            cips_subject, sfss_operation="", sfss_operation_date=None, graft_weight_g=None
        )
    assert not diagnosis.small_for_size.exists()
    voided = SmallForSizeOperation.all_objects.get(diagnosis=diagnosis)
    assert voided.voided_at is not None and voided.void_reason


def test_sfss_operation_after_consent_is_refused(cips_subject):
    # Spec §2.5: operation date "≤ consent".
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_diagnosis(
            cips_subject,
            category="SFSS",
            guideline="SFSS",
            sfss_operation="hepatectomy",
            sfss_operation_date=cips_subject.consent_date + dt.timedelta(days=1),
        )
    assert rules(excinfo) == ["SFSS-OPERATION"] and fields(excinfo) == ["sfss_operation_date"]


def test_diagnosis_in_the_future_is_refused(qh_subject):
    # Issue 3 ("other forms"): dates must not lie in the future.
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_diagnosis(qh_subject, diagnosed_on=TODAY + dt.timedelta(days=2))
    assert rules(excinfo) == ["DATE-FUTURE"] and fields(excinfo) == ["diagnosed_on"]


def test_grwr_is_graft_grams_over_ten_times_recipient_kg():
    # Spec §3.6: "GRWR = graft g / (kg × 10)"; "small-for-size if < 0.8 %".
    assert graft_recipient_weight_ratio(520, Decimal("65.0")) == Decimal("0.80")
    assert graft_recipient_weight_ratio(450, Decimal("65.0")) == Decimal("0.69")
    assert graft_recipient_weight_ratio(None, Decimal("65.0")) is None


def test_small_graft_is_flagged(cips_subject):
    # Spec §2.5 GRWR "flag < 0.8 %".
    diagnosis = record_diagnosis(
        cips_subject,
        category="SFSS",
        guideline="SFSS",
        sfss_operation="living_donor",
        sfss_operation_date=cips_subject.consent_date,
        graft_weight_g=450,
    )
    assert [w.rule for w in clinical.liver_failure_warnings(diagnosis)] == ["GRWR"]


# --- Vital signs --------------------------------------------------------------------------


def vitals(subject, **overrides):
    from django.utils import timezone

    values = {
        "timepoint": "screening",
        "measured_at": timezone.now() - dt.timedelta(hours=1),
        "systolic_bp": 118,
        "diastolic_bp": 72,
        "heart_rate": 84,
        "respiratory_rate": 16,
        "temperature_c": Decimal("36.8"),
        "spo2_percent": 97,
    }
    values.update(overrides)
    return clinical.vital_signs_record(subject=subject, by=subject.created_by, **values)


def test_map_is_derived(qh_subject):
    # Spec §3.1: "MAP = (SBP + 2 × DBP) / 3", integer.
    assert vitals(qh_subject, systolic_bp=120, diastolic_bp=80).mean_arterial_pressure == 93


def test_diastolic_must_be_below_systolic(qh_subject):
    # Spec §2.6: "DBP < SBP (hard)".
    with pytest.raises(ValidationError):
        vitals(qh_subject, systolic_bp=90, diastolic_bp=90)
    assert not VitalSigns.objects.exists()


def test_soft_alerts_warn_without_blocking(qh_subject):
    # Spec §2.6 soft column: SBP "< 90"; temperature "< 36.0 or ≥ 38.0"; SpO2 "< 92".
    reading = vitals(qh_subject, systolic_bp=85, diastolic_bp=50, temperature_c=Decimal("38.0"))
    alerts = [str(a) for a in clinical.vital_signs_alerts(reading)]
    assert "Systolic BP below 90 mmHg." in alerts
    assert "Temperature of 38.0 °C or more." in alerts
    assert VitalSigns.objects.count() == 1
    normal = vitals(qh_subject, temperature_c=Decimal("37.9"))
    assert clinical.vital_signs_alerts(normal) == []


def test_vitals_before_consent_are_refused(qh_subject):
    # Spec T2: "Consent date/time ≤ date/time of every study-specific procedure."
    from django.utils import timezone

    with pytest.raises(ProtocolRefusal) as excinfo:
        vitals(qh_subject, measured_at=timezone.now() - dt.timedelta(days=5))
    assert rules(excinfo) == ["T2"] and fields(excinfo) == ["measured_at"]


def test_vitals_in_the_future_are_refused(qh_subject):
    # Issue 3 ("other forms"): dates must not lie in the future.
    from django.utils import timezone

    with pytest.raises(ProtocolRefusal) as excinfo:
        vitals(qh_subject, measured_at=timezone.now() + dt.timedelta(hours=3))
    assert rules(excinfo) == ["DATE-FUTURE"]


# --- Medications and procedures --------------------------------------------------------


def test_medication_may_start_before_consent(qh_subject):
    # Spec §1.5: concomitant medications "incl. 14 days before screening".
    medication = clinical.medication_record(
        subject=qh_subject, by=qh_subject.created_by, **medication_values()
    )
    assert medication.start_date < qh_subject.consent_date


def test_medication_end_before_start_is_refused(qh_subject):
    # Spec §2.13 "Start / end date"; constraint medication_end_after_start.
    values = medication_values(ongoing=False, end_date=TODAY - dt.timedelta(days=30))
    with pytest.raises(ValidationError):
        clinical.medication_record(subject=qh_subject, by=qh_subject.created_by, **values)


def test_medication_in_the_future_is_refused(qh_subject):
    # Issue 3 ("other forms"): dates must not lie in the future.
    values = medication_values(start_date=TODAY + dt.timedelta(days=1))
    with pytest.raises(ProtocolRefusal) as excinfo:
        clinical.medication_record(subject=qh_subject, by=qh_subject.created_by, **values)
    assert fields(excinfo) == ["start_date"]


def test_procedure_edit_bumps_version(qh_subject):
    # House rule (StudyRecord): an update bumps `version`, so stale forms can be refused.
    procedure = clinical.procedure_record(
        subject=qh_subject, by=qh_subject.created_by, **procedure_values()
    )
    with audit.reason("entry_error", "3000 mL exchanged"):
        procedure = clinical.procedure_record(
            subject=qh_subject,
            by=qh_subject.created_by,
            entry=procedure,
            **procedure_values(details="3000 mL"),
        )
    assert procedure.version == 2 and procedure.details == "3000 mL"


# --- Disposition ------------------------------------------------------------------------


def record_disposition(subject, **overrides):
    return clinical.disposition_record(
        subject=subject, by=subject.created_by, **disposition_values(**overrides)
    )


def died(day, **overrides):
    return {
        "status": "died",
        "disposition_date": day,
        "death_date": day,
        "cause_of_death": "Liver failure progression",
        "survival_status_fs28": "dead",
        "last_known_alive": None,
        **overrides,
    }


def test_disposition_only_for_enrolled_subjects(qh1a, make_subject):
    # Spec §2.14: a screen failure is closed by its own record (§2.2).
    subject = make_subject(qh1a, "eligible")
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_disposition(subject)
    assert rules(excinfo) == ["STATUS"]


def v11_query(record):
    return DataQuery.objects.get(
        object_id=record.pk, content_type__model=record._meta.model_name, rule="V11"
    )


def test_death_date_other_than_the_fatal_adverse_event_is_saved_and_queried(
    qh_subject, make_fatal_event
):
    # Spec V11: "grade 5 ⇔ outcome fatal ⇔ death date = AE end date = DS death date".
    # Issue 18: a contradiction with another form is saved and queried, naming both.
    make_fatal_event(qh_subject, onset=TODAY - dt.timedelta(days=1), resolved=TODAY)
    disposition = record_disposition(qh_subject, **died(TODAY - dt.timedelta(days=1)))
    query = v11_query(disposition)
    assert query.field == "death_date" and query.automatic and query.status == "open"
    assert "AE 1" in query.text and "disposition" in query.text
    assert subject_death_account(qh_subject).death_date is None  # none is chosen


def test_unresolved_fatal_event_is_dated_by_its_onset(qh_subject, make_fatal_event):
    # Spec V11, with the onset standing in for the missing end date.
    make_fatal_event(qh_subject, onset=TODAY - dt.timedelta(days=1))
    disposition = record_disposition(qh_subject, **died(TODAY))
    assert str(TODAY - dt.timedelta(days=1)) in v11_query(disposition).text
    with audit.reason("entry_error", "died the day the event began"):
        agreed = record_disposition(qh_subject, **died(TODAY - dt.timedelta(days=1)))
    assert subject_death_account(qh_subject).death_date == agreed.death_date


def test_disposition_alive_at_fs28_but_dead_before_it_is_refused(qh_subject, make_session):
    # Spec §2.14 "Survival status at FS+28": one form saying alive at FS+28 and dead
    # before it contradicts itself, and is refused (issue 18 item 5).
    make_session(qh_subject, start=timezone.now() - dt.timedelta(days=3))
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_disposition(
            qh_subject,
            **died(TODAY - dt.timedelta(days=1), survival_status_fs28="alive"),
        )
    assert rules(excinfo) == ["V11"] and fields(excinfo) == ["survival_status_fs28"]


def test_disposition_dates_not_before_consent_nor_future(qh_subject):
    # Spec T2 (consent first) and issue 3: "Dates must not precede consent, nor lie in the
    # future."
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_disposition(
            qh_subject,
            disposition_date=TODAY + dt.timedelta(days=1),
            last_known_alive=qh_subject.consent_date - dt.timedelta(days=1),
        )
    assert sorted(rules(excinfo)) == ["DATE-FUTURE", "T2"]
    assert sorted(fields(excinfo)) == ["disposition_date", "last_known_alive"]


def test_transplanted_disposition_adds_the_transplant_procedure(qh_subject):
    # Spec §2.13 "LT date → disposition/survival": one transplantation, in the procedures.
    day = TODAY - dt.timedelta(days=1)
    record_disposition(qh_subject, status="transplanted", transplant_date=day, disposition_date=day)
    procedure = Procedure.objects.get(subject=qh_subject)
    assert procedure.name == "transplant" and procedure.started_on == day
    # Saving again (a correction, with its reason) does not add a second one.
    with audit.reason("entry_error", "disposition recorded today"):
        record_disposition(
            qh_subject, status="transplanted", transplant_date=day, disposition_date=TODAY
        )
    assert Procedure.objects.filter(subject=qh_subject).count() == 1
    assert Disposition.objects.get(subject=qh_subject).version == 2


def test_transplant_date_must_match_the_recorded_transplantation(qh_subject):
    # Spec §2.14 "Liver transplantation YN + date" agrees with §2.13 PR "liver transplantation".
    clinical.procedure_record(
        subject=qh_subject,
        by=qh_subject.created_by,
        **procedure_values(name="transplant", started_on=TODAY, ended_on=None),
    )
    with pytest.raises(ProtocolRefusal) as excinfo:
        record_disposition(
            qh_subject, status="transplanted", transplant_date=TODAY - dt.timedelta(days=1)
        )
    assert rules(excinfo) == ["TRANSPLANT-DATE"] and fields(excinfo) == ["transplant_date"]


def test_reported_transplantation_cannot_be_moved(qh_subject):
    # The disposition's transplant date keeps its procedure (spec §2.13/§2.14).
    record_disposition(qh_subject, status="transplanted", transplant_date=TODAY)
    procedure = Procedure.objects.get(subject=qh_subject)
    with pytest.raises(ProtocolRefusal) as excinfo:
        clinical.procedure_record(
            subject=qh_subject,
            by=qh_subject.created_by,
            entry=procedure,
            **procedure_values(name="transplant", started_on=TODAY - dt.timedelta(days=1)),
        )
    assert rules(excinfo) == ["TRANSPLANT-DATE"]


def test_impossible_partial_date_is_refused_by_the_action(qh_subject):
    # Spec §2.3 partial dates: a day that does not exist is not a date.
    with pytest.raises(ProtocolRefusal) as excinfo:
        add_history(qh_subject, start="2023-02-30")
    assert rules(excinfo) == ["DATE"] and fields(excinfo) == ["start"]
    with pytest.raises(ValidationError):
        add_history(qh_subject, start="March 2023")
