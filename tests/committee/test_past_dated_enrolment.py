"""A date in the past is judged by the protocol on that date (issue 18; spec T7 "Gate at
enrolment, judged on the enrolment's date (the decision signed on or before it); the
decision's meeting date itself must be ≥ every cohort subject's FS+28"; spec conventions
"An entry dated in the past is judged by the protocol and the committee decisions in
force on that date")."""

import datetime as dt

import pytest
from django.urls import reverse

from ecrf import actions
from ecrf.models import Alert, Deviation, GateRefusal
from tests.committee.test_gate import decide
from tests.conftest import TODAY


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def enrol_late(subject, arm, *, on, first=None, reason="Entered from the paper log"):
    return actions.subject_enrol(
        subject=subject,
        arm=arm,
        by=subject.created_by,
        enrolment_date=on,
        planned_first_treatment=first or on + dt.timedelta(days=2),
        reason=reason,
    )


def screened(qh1a, make_subject, on):
    return make_subject(qh1a, "eligible", consent_date=on, screening_date=on)


def test_an_enrolment_dated_in_the_past_needs_a_reason(qh1a, make_subject):
    # Issue 18: "An enrolment dated in the past records what happened. It needs a reason."
    subject = screened(qh1a, make_subject, days(-5))
    four = qh1a.arms.get(code="QH4H")
    with pytest.raises(actions.ProtocolRefusal) as excinfo:
        enrol_late(subject, four, on=days(-3), reason="  ")
    assert [(r.rule, r.field) for r in excinfo.value.refusals] == [("ENROLMENT-REASON", "reason")]
    enrolment = enrol_late(subject, four, on=days(-3))
    assert enrolment.reason == "Entered from the paper log"
    assert not Deviation.objects.filter(subject=subject).exists()  # the 4-hour group was open


def test_enrolment_dated_before_the_decision_that_opened_the_cohort_is_a_major_deviation(
    qh1a, make_subject, treated_cohort, safety_guangzhou, monitor_guangzhou
):
    # Issue 18: "Three subjects went into the 6-hour cohort with a September enrolment
    # date, although the decision that opened that cohort was signed in December." [REG-B]
    # "After the three subjects in the 4-hour group completed their 4-week follow-up, the
    # Safety Evaluation Committee convened a meeting".
    treated_cohort(days_ago=29)
    six = qh1a.arms.get(code="QH6H")
    today_candidate = make_subject(qh1a, "eligible")
    with pytest.raises(actions.ProtocolRefusal) as excinfo:  # dated today: a gate
        actions.subject_enrol(
            subject=today_candidate,
            arm=six,
            by=today_candidate.created_by,
            enrolment_date=TODAY,
            planned_first_treatment=days(2),
        )
    assert [r.rule for r in excinfo.value.refusals] == ["COHORT-OPEN"]
    decide(qh1a.arms.get(code="QH4H"), safety_guangzhou)  # signed today: opens QH6H today

    late = screened(qh1a, make_subject, days(-5))
    enrolment = enrol_late(late, six, on=days(-3))
    assert enrolment.arm == six  # saved: it happened
    deviation = Deviation.objects.get(subject=late)
    assert (deviation.rule, deviation.severity, deviation.occurred_on, deviation.session) == (
        "COHORT-OPEN",
        "major",
        days(-3),
        None,
    )
    assert days(-3).isoformat() in deviation.description  # the date it was judged on
    told = set(Alert.objects.filter(deviation=deviation).values_list("recipient", "trigger"))
    assert told == {
        (monitor_guangzhou.pk, "major_deviation"),
        (safety_guangzhou.pk, "major_deviation"),
    }
    # An enrolment dated after the signature is judged by the open cohort: no deviation.
    after = make_subject(qh1a, "eligible")
    enrol_late(after, six, on=TODAY)
    assert not Deviation.objects.filter(subject=after).exists()
    assert not GateRefusal.objects.filter(subject_id=late.pk).exists()


def test_past_dated_enrolment_needs_a_free_place_on_every_date_since(
    qh1a, make_subject, treated_cohort, monitor_guangzhou
):
    # Issue 18: "the cohort had a free place on every date from then to today"; [REG-B]
    # "4-hour group (3 patients)".
    treated_cohort(days_ago=1, n=3)  # enrolled today: the cohort is full from today
    late = screened(qh1a, make_subject, days(-5))
    enrol_late(late, qh1a.arms.get(code="QH4H"), on=days(-3))
    deviation = Deviation.objects.get(subject=late)
    assert (deviation.rule, deviation.category, deviation.severity) == (
        "COHORT-CAPACITY",
        "cohort",
        "major",
    )
    assert f"was full on {TODAY.isoformat()}" in deviation.description


def test_past_dated_enrolment_outside_the_screening_window_is_a_major_deviation(qh1a, make_subject):
    # [REG-B] "screened within 14 days before their first treatment"; spec T1: gate at
    # enrolment, judged on the enrolment's date when it is in the past.
    late = screened(qh1a, make_subject, days(-25))
    enrol_late(late, qh1a.arms.get(code="QH4H"), on=days(-24), first=days(-5))  # 20 days
    deviation = Deviation.objects.get(subject=late)
    assert (deviation.rule, deviation.category, deviation.severity) == (
        "SCREENING-WINDOW",
        "screening_window",
        "major",
    )


def test_the_committee_report_lists_the_past_dated_enrolment_deviation(
    client, qh1a, make_subject, treated_cohort, safety_guangzhou, monitor_guangzhou
):
    # Issue 18: "... and the committee report lists it" (spec §5.4 data package).
    treated_cohort(days_ago=29)
    decide(qh1a.arms.get(code="QH4H"), safety_guangzhou)
    late = screened(qh1a, make_subject, days(-5))
    enrol_late(late, qh1a.arms.get(code="QH6H"), on=days(-3))
    client.force_login(monitor_guangzhou)
    url = reverse("ecrf:sec_report", kwargs={"registry_id": qh1a.registry_id, "arm_code": "QH6H"})
    content = client.get(url).content.decode()
    assert 'data-rule="COHORT-OPEN"' in content and late.screening_number in content


def test_meeting_date_falls_after_every_subjects_end_of_observation(
    qh1a, treated_cohort, safety_guangzhou
):
    # Issue 18: "A committee decision was accepted with a meeting date three weeks before a
    # cohort subject's FS+28"; spec §2.15 "Data cut-off date ≥ FS+28 of every subject of
    # the cohort (or death/withdrawal) (hard)".
    treated_cohort(days_ago=29)  # FS+28 was yesterday
    four = qh1a.arms.get(code="QH4H")
    with pytest.raises(actions.ProtocolRefusal) as excinfo:
        decide(four, safety_guangzhou, meeting_date=days(-22))
    assert [(r.rule, r.field) for r in excinfo.value.refusals] == [
        ("SEC-MEETING-DATE", "meeting_date")
    ]
    assert not qh1a.arms.get(code="QH6H").is_open
    assert decide(four, safety_guangzhou, meeting_date=days(-1)).meeting_date == days(-1)
