"""Session rules and derived values, each citing the protocol text it checks."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from ecrf import audit
from ecrf.actions import ProtocolRefusal
from ecrf.actions import sessions as actions
from ecrf.models import Deviation, Disposition, Enrolment, TreatmentSession
from ecrf.schedule import FormState, subject_schedule
from studies.cips_bal.models import FunctionalHepatocytes
from tests.conftest import amend_options, reconsent_to
from tests.sessions.conftest import at, days, session_values

pytestmark = pytest.mark.django_db


def rules(excinfo) -> list[str]:
    return [r.rule for r in excinfo.value.refusals]


def open_deviations(subject) -> list[str]:
    return sorted(
        Deviation.objects.filter(subject=subject, resolved=False).values_list("rule", flat=True)
    )


def interruption(start, minutes, *, stopped=True):
    return {
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=minutes) if minutes is not None else None,
        "circulation_stopped": stopped,
        "reason": "hypotension",
        "outcome": "resumed",
    }


# --- Net duration (spec §2.7, §3.1) ----------------------------------------------------


def test_net_duration_is_gross_minus_stopped_interruptions():
    # Spec §3.1 "Net session duration = gross − Σ interruptions with circulation stopped".
    start = at(days(-1))
    end = start + dt.timedelta(minutes=280)
    stops = [
        (start + dt.timedelta(minutes=60), start + dt.timedelta(minutes=80)),  # 20 min
        (start + dt.timedelta(minutes=70), start + dt.timedelta(minutes=90)),  # overlaps: +10
        (start + dt.timedelta(minutes=270), None),  # no end: to the session's end, 10 min
    ]
    assert actions.session_minutes(start, end, stops) == (280, 40, 240)


def test_session_stores_gross_interruptions_and_net(qh1a, make_subject, record):
    subject = make_subject(qh1a, "enrolled")
    start = at(days(-1))
    session = record(
        subject,
        start,
        280,
        interruptions=[
            interruption(start + dt.timedelta(minutes=60), 25),
            # Spec §2.7.4 "Only Y counts toward total interruption time".
            interruption(start + dt.timedelta(minutes=120), 15, stopped=False),
        ],
    )
    assert (session.gross_minutes, session.interruption_minutes, session.net_minutes) == (
        280,
        25,
        255,
    )
    assert session.number == 1 and session.planned_minutes == 240
    # 255 = 240 + 15: inside the window, no deviation.
    assert open_deviations(subject) == []


# --- T3: [REG-B] "The 4-hour group treatment session lasts 4 hours (±15 minutes)" -----


@pytest.mark.parametrize(
    ("minutes", "deviation"), [(260, True), (250, False), (255, False), (256, True), (224, True)]
)
def test_qh1a_4_hour_session_outside_15_minutes_is_a_deviation(
    qh1a, make_subject, record, minutes, deviation
):
    # 4 h 20 min (260) → deviation; 4 h 10 min (250) → none; the window is 225–255 (T3).
    subject = make_subject(qh1a, "enrolled")
    session = record(subject, at(days(-1)), minutes)
    assert TreatmentSession.objects.filter(pk=session.pk).exists()  # never blocked
    assert open_deviations(subject) == (["QH-DURATION"] if deviation else [])
    if deviation:
        found = Deviation.objects.get(subject=subject)
        assert found.automatic and found.session == session and found.category == "session_duration"


def test_a_corrected_session_resolves_its_deviation_and_keeps_the_explanation(
    qh1a, make_subject, record
):
    # Issue 3: deviations are marked resolved "if a corrected session no longer breaks the rule".
    subject = make_subject(qh1a, "enrolled")
    session = record(subject, at(days(-1)), 260)
    deviation = Deviation.objects.get(subject=subject)
    actions.deviation_explain(
        deviation=deviation, by=subject.created_by, explanation="Typo", corrective_action=""
    )
    # The session was saved complete: each correction gives its reason (issue 4).
    with audit.reason("entry_error", "250 min on the flow sheet"):
        actions.session_update(
            session=session,
            by=subject.created_by,
            values=session_values(at(days(-1)), 250),
            device_checks=None,
        )
    deviation.refresh_from_db()
    assert deviation.resolved and deviation.explanation == "Typo"
    session.refresh_from_db()
    assert session.net_minutes == 250 and session.version == 2
    # Broken again: the same row comes back, not a duplicate.
    with audit.reason("entry_error", "200 min after all"):
        actions.session_update(
            session=session, by=subject.created_by, values=session_values(at(days(-1)), 200)
        )
    assert Deviation.objects.filter(subject=subject).count() == 1
    assert open_deviations(subject) == ["QH-DURATION"]


# --- T4: [REG-A] "for 4-8 hours per session" ---------------------------------------------


@pytest.mark.parametrize(("minutes", "deviation"), [(230, True), (240, False), (480, False)])
def test_cips_duration_outside_4_to_8_hours_is_a_deviation(
    cips, make_subject, record, minutes, deviation
):
    # 3 h 50 min (230) → deviation (spec T4).
    subject = make_subject(cips, "enrolled")
    record(subject, at(days(-1)), minutes, planned_minutes=300)
    assert open_deviations(subject) == (["CIPS-DURATION"] if deviation else [])


def test_cips_planned_duration_outside_4_to_8_hours_is_a_deviation(cips, make_subject, record):
    # [REG-A] "4-8 hours per session"; spec §2.7 "240–480 (CiPS, investigator-set)". A
    # session planned outside the range took place: saved, and the plan is a deviation
    # (issue 18, breach); a session with no planned duration is refused (impossible).
    subject = make_subject(cips, "enrolled")
    with pytest.raises(ProtocolRefusal) as excinfo:
        record(subject, at(days(-1)), 300, planned_minutes=None)
    assert rules(excinfo) == ["PLANNED-DURATION"]
    session = record(subject, at(days(-1)), 300, planned_minutes=500)
    assert session.planned_minutes == 500
    deviation = Deviation.objects.get(subject=subject)
    assert (deviation.rule, deviation.session, deviation.severity) == (
        "PLANNED-DURATION-RANGE",
        session,
        "minor",
    )


def test_cips_sessions_are_capped_by_the_study_option(cips, make_subject, record):
    # [PROP] spec §1.2 "max per subject = configurable" (default 5 in the CiPS module).
    amend_options(cips, {"max_sessions": 2})  # issue 21: a new version, in force
    subject = make_subject(cips, "enrolled")
    record(subject, at(days(-2), 6), 300, planned_minutes=300)
    second = record(subject, at(days(-1)), 300, planned_minutes=300)
    assert second.number == 2  # numbers are assigned by the action
    assert open_deviations(subject) == []
    # A third session took place: saved and flagged (issue 18), never refused.
    third = record(subject, at(days(0)), 300, planned_minutes=300)
    deviation = Deviation.objects.get(subject=subject)
    assert (deviation.rule, deviation.session, deviation.severity) == (
        "SESSION-MAX",
        third,
        "major",
    )


# --- Dose: [REG-A] "approximately 1.67 × 10^8 functional hepatocytes per kg" ---------------


def test_cips_dose_worked_example_60_kg(cips, make_subject, record):
    # Spec §1.1: "1.67 × 10^8 cells/kg × 60 kg = 1.0 × 10^10 cells".
    subject = make_subject(cips, "enrolled")
    session = record(subject, at(days(-1)), 300, planned_minutes=300, weight_kg=Decimal("60.0"))
    dose = cips.protocol.cell_dose(session, subject)
    assert round(dose.target_cells / Decimal("1e10"), 1) == Decimal("1.0")
    # Spec §3.1: without a functional fraction, functional cells = viable = 10e9 × 90 %.
    assert dose.functional_cells == Decimal("9.0e9")
    assert round(dose.delivered_percent, 1) == Decimal("89.8")
    assert dose.within_tolerance  # [PROP] ± 20 %


def test_cips_dose_uses_the_functional_fraction_and_the_study_tolerance(cips, make_subject, record):
    # Spec §3.1 "Functional cells = viable cells × functional-marker fraction/100".
    subject = make_subject(cips, "enrolled")
    session = record(
        subject,
        at(days(-1)),
        300,
        planned_minutes=300,
        study_parts={FunctionalHepatocytes: {"functional_percent": Decimal("50.0")}},
    )
    dose = cips.protocol.cell_dose(session, subject)
    assert dose.functional_cells == Decimal("4.5e9")
    assert round(dose.per_kg / Decimal("1e7"), 1) == Decimal("7.5")
    assert not dose.within_tolerance  # 44.9 % of the target
    # [PROP]: a per-study option, changed as the admin does: a new version (issue 21).
    version = amend_options(cips, {"dose": {"tolerance_percent": 60}})
    # The subject stays on the version they consented under until they re-consent.
    assert not cips.protocol.cell_dose(session, subject).within_tolerance
    reconsent_to(subject, version)
    assert cips.protocol.cell_dose(session, subject).within_tolerance


# --- T1: [REG-B] "screened within 14 days before their first treatment" --------------------


def test_qh1a_session_1_more_than_14_days_after_screening_is_a_major_deviation(
    qh1a, make_subject, record, monitor_guangzhou, safety_reviewer_guangzhou
):
    # [REG-B] "screened within 14 days before their first treatment"; spec T1/V3: "breach
    # (major deviation) when a session that took place falls outside". Issue 18: it was a
    # 422 [SCREENING-WINDOW]; now it is saved, flagged and the monitors are alerted.
    from ecrf.models import Alert

    subject = make_subject(
        qh1a,
        "enrolled",
        screening_date=days(-13),
        consent_date=days(-13),
        planned_first_treatment=days(1),
    )
    session = record(subject, at(days(2)), 240)  # 15 days after screening
    deviation = Deviation.objects.get(subject=subject)
    assert (deviation.rule, deviation.session, deviation.severity, deviation.category) == (
        "SCREENING-WINDOW",
        session,
        "major",
        "screening_window",
    )
    assert deviation.occurred_on == days(2)
    told = set(Alert.objects.filter(deviation=deviation).values_list("recipient", "trigger"))
    assert told == {
        (monitor_guangzhou.pk, "major_deviation"),
        (safety_reviewer_guangzhou.pk, "major_deviation"),
    }
    # Corrected to 14 days after screening: the deviation no longer applies.
    with audit.reason("entry_error", "the flow sheet says the day before"):
        actions.session_update(
            session=session, by=subject.created_by, values=session_values(at(days(1)), 240)
        )
    deviation.refresh_from_db()
    assert deviation.resolved


def test_a_session_cannot_precede_consent(cips, make_subject, record):
    # ICH GCP 4.8.8; spec T2 "Consent date/time ≤ date/time of every study-specific procedure".
    subject = make_subject(cips, "enrolled")  # consented two days ago
    with pytest.raises(ProtocolRefusal) as excinfo:
        record(subject, at(days(-3)), 300, planned_minutes=300)
    assert rules(excinfo) == ["CONSENT", "ENROLMENT"]


def test_a_session_cannot_precede_enrolment(qh1a, make_subject, record):
    # Spec V1 "Subject cannot start session 1 unless IE complete, eligible".
    subject = make_subject(
        qh1a,
        "enrolled",
        screening_date=days(-5),
        consent_date=days(-6),
        planned_first_treatment=days(-2),
    )
    Enrolment.objects.filter(subject=subject).update(enrolment_date=days(-3))
    subject.refresh_from_db()
    with pytest.raises(ProtocolRefusal) as excinfo:
        record(subject, at(days(-4)), 240)
    assert rules(excinfo) == ["ENROLMENT"]


def test_only_enrolled_subjects_have_sessions(qh1a, make_subject, record):
    subject = make_subject(qh1a, "eligible")
    with pytest.raises(ProtocolRefusal) as excinfo:
        record(subject, at(days(-1)), 240)
    assert rules(excinfo) == ["STATUS"]


def test_interruptions_lie_inside_the_session(qh1a, make_subject, record):
    # Spec §2.7.4 "Interruption start: Within session start–end (hard)".
    subject = make_subject(qh1a, "enrolled")
    start = at(days(-1))
    with pytest.raises(ProtocolRefusal) as excinfo:
        record(subject, start, 240, interruptions=[interruption(start - dt.timedelta(hours=1), 10)])
    assert rules(excinfo) == ["INTERRUPTION-INSIDE-SESSION"]
    assert not TreatmentSession.objects.exists()


# --- T6: [REG-B] "will receive a single biological artificial liver treatment" --------------


def test_second_session_in_a_single_session_cohort_is_a_deviation(qh1a, make_subject, record):
    # Issue 3 lists "a second session in a single-session cohort" as a deviation: saved.
    subject = make_subject(qh1a, "enrolled")
    record(subject, at(days(-1)), 240)
    second = record(subject, at(days(0)), 240)
    deviation = Deviation.objects.get(subject=subject, rule="QH-SINGLE-SESSION")
    assert deviation.session == second and deviation.severity == "major"


# --- T5 and T8: the multiple-treatment group ---------------------------------------------


def test_qhmt_session_waits_for_the_committees_duration(qh1a, make_subject, record, qhmt):
    # [REG-B] "The Safety Evaluation Committee will determine the maximum tolerable
    # treatment duration ... adopted as the treatment time for the multiple-treatment group".
    subject = make_subject(qh1a, "enrolled", arm=qhmt)
    qhmt.planned_minutes = None
    qhmt.save()
    with pytest.raises(ProtocolRefusal) as excinfo:
        record(subject, at(days(-1)), 360)
    assert rules(excinfo) == ["MTD-NOT-SET"]
    qhmt.planned_minutes = 480
    qhmt.save()
    assert record(subject, at(days(-1)), 480).planned_minutes == 480


def qhmt_subject(qh1a, make_subject, qhmt):
    return make_subject(
        qh1a,
        "enrolled",
        arm=qhmt,
        screening_date=days(-12),
        consent_date=days(-12),
    )


@pytest.mark.parametrize(("gap", "deviation"), [(5, True), (1, True), (2, False), (4, False)])
def test_qhmt_interval_outside_3_plus_minus_1_days_is_a_deviation(
    qh1a, make_subject, record, qhmt, gap, deviation
):
    # [REG-B] "with an interval of 3 (±1) days between sessions": 2–4 days (spec T5).
    subject = qhmt_subject(qh1a, make_subject, qhmt)
    record(subject, at(days(-10)), 360)
    second = record(subject, at(days(-10 + gap)), 360)
    assert open_deviations(subject) == (["QHMT-INTERVAL"] if deviation else [])
    if deviation:
        assert Deviation.objects.get(subject=subject).session == second


def test_qhmt_fourth_session_is_a_major_deviation(
    qh1a, make_subject, record, qhmt, monitor_guangzhou
):
    # [REG-B] "2-3 treatments"; spec T5 "Breach (major deviation) for a session beyond 3".
    # Issue 18: a fourth session that took place was a 422; it is saved and flagged.
    from ecrf.models import Alert

    subject = qhmt_subject(qh1a, make_subject, qhmt)
    for day in (-10, -7, -4):
        record(subject, at(days(day)), 360)
    assert open_deviations(subject) == []
    fourth = record(subject, at(days(-1)), 360)
    deviation = Deviation.objects.get(subject=subject)
    assert (deviation.rule, deviation.session, deviation.severity) == (
        "QHMT-SESSION-COUNT",
        fourth,
        "major",
    )
    assert Alert.objects.filter(deviation=deviation, recipient=monitor_guangzhou).exists()


def test_qhmt_single_session_is_a_deviation_once_treatment_is_over(
    qh1a, make_subject, record, qhmt
):
    # [REG-B] "Subjects in the multiple-treatment group will receive 2-3 sessions": judged
    # when a disposition is recorded (the disposition action calls deviations_refresh).
    subject = qhmt_subject(qh1a, make_subject, qhmt)
    record(subject, at(days(-10)), 360)
    assert open_deviations(subject) == []  # a second session may still come
    Disposition.objects.create(
        subject=subject,
        status="withdrew",
        disposition_date=days(-5),
        created_by=subject.created_by,
    )
    actions.deviations_refresh(subject=subject, by=subject.created_by)
    deviation = Deviation.objects.get(subject=subject)
    assert deviation.rule == "QHMT-SESSION-COUNT" and deviation.session is None


def test_the_disposition_action_triggers_the_qhmt_count_rule(qh1a, make_subject, record, qhmt):
    # [REG-B] "2-3 sessions"; spec T5: recording the disposition ends treatment.
    from ecrf.actions.clinical import disposition_record

    subject = qhmt_subject(qh1a, make_subject, qhmt)
    record(subject, at(days(-10)), 360)
    disposition_record(
        subject=subject, by=subject.created_by, status="withdrew", disposition_date=days(-5)
    )
    assert open_deviations(subject) == ["QHMT-SESSION-COUNT"]


def test_deleting_an_interruption_recomputes_the_net_duration(qh1a, make_subject, record):
    # Spec §3.1 "recompute when any input changes".
    subject = make_subject(qh1a, "enrolled")
    start = at(days(-1))
    session = record(
        subject, start, 270, interruptions=[interruption(start + dt.timedelta(minutes=30), 30)]
    )
    assert session.net_minutes == 240
    row = session.interruptions.get()
    with audit.reason("entry_error", "no interruption in the source"):
        actions.session_update(
            session=session,
            by=subject.created_by,
            values=session_values(start, 270),
            interruptions=[{"id": row.pk, "delete": True, **interruption(row.started_at, 30)}],
        )
    session.refresh_from_db()
    assert session.net_minutes == 270 and not session.interruptions.exists()
    assert open_deviations(subject) == ["QH-DURATION"]  # 270 > 255 (T3)


# --- Device performance (spec §2.8.3) -------------------------------------------------------


def test_session_passes_only_if_every_criterion_passes(qh1a, make_subject, record):
    # Spec §2.8.3 "Session performance PASS: PASS only if all criteria met".
    criteria = qh1a.protocol.device_criteria
    subject = make_subject(qh1a, "enrolled")
    passed = record(subject, at(days(-1)), 240)
    assert actions.session_passed(passed, criteria) is True
    results = {c.code: (True, "") for c in criteria} | {"NO_CLOTTING": (False, "Partial")}
    failed = record(make_subject(qh1a, "enrolled"), at(days(-1)), 240, device_checks=results)
    assert actions.session_passed(failed, criteria) is False


# --- Schedule statuses (spec §1.5) ----------------------------------------------------------


def statuses(schedule) -> dict[str, list[str]]:
    return {visit.code: [form.status for form in visit.forms] for visit in schedule}


def test_schedule_counts_follow_up_from_the_final_session(qh1a, make_subject, record):
    # Spec §0 "FS+n = n calendar days after the final session".
    subject = make_subject(qh1a, "enrolled")
    planned = subject_schedule(subject)
    assert statuses(planned)["S1"] == [FormState.EXPECTED]
    # A provisional follow-up is never overdue, but a missed session is.
    late = statuses(subject_schedule(subject, today=days(60)))
    assert late["S1"] == [FormState.OVERDUE] and late["FS+28"][0] == FormState.EXPECTED

    record(subject, at(days(-1)), 240)
    schedule = {v.code: v for v in subject_schedule(subject, today=days(5))}
    assert schedule["S1"].actual == days(-1) and statuses(schedule.values())["S1"] == ["complete"]
    assert schedule["FS+3"].target == days(2)
    assert schedule["FS+3"].forms[0].status == FormState.OVERDUE  # window days(1)–days(3)
    assert schedule["FS+7"].forms[0].status == FormState.EXPECTED


def test_schedule_forms_are_missing_once_the_subject_has_left(qh1a, make_subject, record, qhmt):
    subject = qhmt_subject(qh1a, make_subject, qhmt)
    record(subject, at(days(-10)), 360)
    record(subject, at(days(-7)), 360)
    Disposition.objects.create(
        subject=subject, status="died", disposition_date=days(-2), death_date=days(-2),
        created_by=subject.created_by,
    )  # fmt: skip
    found = statuses(subject_schedule(subject))
    assert found["S3"] == [FormState.NOT_REQUIRED]  # optional third session
    assert found["FS+7"][:2] == [FormState.MISSING, FormState.MISSING]
    assert found["FS+28"][2] == FormState.COMPLETE  # the disposition itself


def test_manual_deviation_is_reported(qh1a, make_subject):
    subject = make_subject(qh1a, "enrolled")
    by = get_user_model().objects.get(username="entry_SYSU3")
    deviation = actions.deviation_report(
        subject=subject,
        by=by,
        category="visit_window",
        description="FS+7 visit done on day 10",
        occurred_on=days(-1),
        severity="minor",
    )
    assert not deviation.automatic and deviation.created_by == by
