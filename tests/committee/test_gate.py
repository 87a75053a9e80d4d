"""The cohort gate: [REG-B] "After the three subjects in the 4-hour group completed their
4-week follow-up, the Safety Evaluation Committee convened a meeting to review the safety
data and determine whether to proceed with the recruitment for the 6-hour group."
Spec §5.4: the SEC's decision is the only way a later cohort opens."""

import datetime as dt

import pytest
from django.utils import timezone

from ecrf import actions
from ecrf.actions.committee import committee_decide
from ecrf.committee import CohortState, cohort_states
from ecrf.models import CommitteeDecision, Decision, GateRefusal
from tests.committee.conftest import PASSWORD
from tests.conftest import TODAY, amend_options


def enrol(subject, arm):
    return actions.subject_enrol(
        subject=subject,
        arm=arm,
        by=subject.created_by,
        enrolment_date=TODAY,
        planned_first_treatment=TODAY + dt.timedelta(days=2),
    )


def decide(arm, by, decision=Decision.PROCEED, password=PASSWORD, meeting_date=None, **extra):
    return committee_decide(
        arm=arm,
        by=by,
        password=password,
        decision=decision,
        rationale="0/3 DLT in the 4-hour cohort.",
        meeting_date=meeting_date or TODAY,
        **extra,
    )


def states(study):
    return {s.arm.code: s.state for s in cohort_states(study)}


def test_states_before_and_during_observation(qh1a, make_subject, treated_cohort):
    assert states(qh1a) == {
        "QH4H": CohortState.ENROLLING,
        "QH6H": CohortState.NOT_OPEN,
        "QH8H": CohortState.NOT_OPEN,
        "QHMT": CohortState.NOT_OPEN,
    }
    subjects = treated_cohort(days_ago=10, n=2)
    make_subject(qh1a, "enrolled")  # the third place taken, not yet treated
    assert states(qh1a)["QH4H"] == CohortState.FULL
    status = cohort_states(qh1a)[0]
    # Day counts from the final session: FS+10 of 28 (spec §0 "FS+n").
    days = {s.screening_number: s.day for s in status.subjects}
    assert days[subjects[0].screening_number] == 10
    assert status.observation_days == 28


def test_six_hour_cohort_refuses_a_subject_until_the_signed_decision(
    qh1a, make_subject, treated_cohort, safety_guangzhou
):
    treated_cohort(days_ago=29)
    assert states(qh1a)["QH4H"] == CohortState.AWAITING
    candidate = make_subject(qh1a, "eligible")
    six = qh1a.arms.get(code="QH6H")
    with pytest.raises(actions.ProtocolRefusal) as excinfo:
        enrol(candidate, six)
    assert [r.rule for r in excinfo.value.refusals] == ["COHORT-OPEN"]
    assert "Safety Evaluation Committee" in str(excinfo.value.refusals[0].message)

    decision = decide(qh1a.arms.get(code="QH4H"), safety_guangzhou)
    assert decision.opened_arm == six and decision.printed_name == "safety_gz"
    assert decision.signature_meaning
    candidate.refresh_from_db()
    assert enrol(candidate, six).arm == six
    assert states(qh1a)["QH4H"] == CohortState.DECIDED
    assert states(qh1a)["QH6H"] == CohortState.ENROLLING


def test_wrong_password_is_refused_and_nothing_opens(qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=29)
    with pytest.raises(actions.ProtocolRefusal) as excinfo:
        decide(qh1a.arms.get(code="QH4H"), safety_guangzhou, password="wrong")
    assert excinfo.value.refusals[0].field == "password"
    assert not qh1a.arms.get(code="QH6H").is_open
    assert not CommitteeDecision.objects.exists()


def test_decision_refused_before_the_observation_ends(qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=20)
    assert states(qh1a)["QH4H"] == CohortState.OBSERVATION
    with pytest.raises(actions.ProtocolRefusal) as excinfo:
        decide(qh1a.arms.get(code="QH4H"), safety_guangzhou)
    assert excinfo.value.refusals[0].rule == "SEC-NOT-DUE"
    assert not qh1a.arms.get(code="QH6H").is_open


def test_observation_days_are_a_study_option(qh1a, treated_cohort):
    treated_cohort(days_ago=20)
    # Issue 21: changed as the admin does, a new version in force at the site.
    amend_options(qh1a, {"committee_observation_days": 14})
    assert states(qh1a)["QH4H"] == CohortState.AWAITING


def test_only_a_safety_reviewer_signs(qh1a, treated_cohort, monitor_guangzhou):
    treated_cohort(days_ago=29)
    with pytest.raises(actions.ProtocolRefusal) as excinfo:
        decide(qh1a.arms.get(code="QH4H"), monitor_guangzhou)
    assert excinfo.value.refusals[0].rule == "SEC-SIGNER"


def test_set_mtd_opens_the_multiple_treatment_group(qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=29)
    four = qh1a.arms.get(code="QH4H")
    with pytest.raises(actions.ProtocolRefusal):
        decide(four, safety_guangzhou, Decision.SET_MTD, mtd_minutes=360)  # not studied yet
    decide(four, safety_guangzhou, Decision.SET_MTD, mtd_minutes=240)
    mt = qh1a.arms.get(code="QHMT")
    assert mt.is_open and mt.planned_minutes == 240
    assert not qh1a.arms.get(code="QH6H").is_open


def test_expand_raises_capacity_and_reopens(qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=29)
    decide(qh1a.arms.get(code="QH4H"), safety_guangzhou, Decision.EXPAND, additional_subjects=3)
    four = qh1a.arms.get(code="QH4H")
    assert four.capacity == 6 and four.is_open
    assert states(qh1a)["QH4H"] == CohortState.ENROLLING
    actions.protocol_sync(study_package="studies.qh1a")  # keeps the committee's capacity
    assert qh1a.arms.get(code="QH4H").capacity == 6


def test_stop_closes_later_cohorts(qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=29)
    decide(qh1a.arms.get(code="QH4H"), safety_guangzhou, Decision.STOP)
    assert not qh1a.arms.filter(is_open=True).exists()
    assert states(qh1a)["QH6H"] == CohortState.CLOSED


def test_refused_enrolment_is_logged(qh1a, make_subject):
    candidate = make_subject(qh1a, "eligible")
    with pytest.raises(actions.ProtocolRefusal):
        enrol(candidate, qh1a.arms.get(code="QH8H"))
    row = GateRefusal.objects.get()
    assert (row.subject, row.arm.code, row.rules) == (candidate, "QH8H", "COHORT-OPEN")
    assert row.user == candidate.created_by and row.at <= timezone.now()


def test_decisions_and_refusals_are_append_only(qh1a, treated_cohort, safety_guangzhou):
    from django.db import ProgrammingError, transaction

    treated_cohort(days_ago=29)
    decide(qh1a.arms.get(code="QH4H"), safety_guangzhou)
    with pytest.raises(ProgrammingError), transaction.atomic():
        CommitteeDecision.objects.update(rationale="edited")
    with pytest.raises(ProgrammingError), transaction.atomic():
        CommitteeDecision.objects.all().delete()
    GateRefusal.objects.create(arm=qh1a.arms.get(code="QH8H"), channel="admin", rules="X")
    with pytest.raises(ProgrammingError), transaction.atomic():
        GateRefusal.objects.update(rules="")
