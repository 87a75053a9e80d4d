"""Study-level rules by the version in force at the site on the date (issue 21 item 2:
"Study-level rules (the committee gate, cohort capacity) are judged by the version in
force at the site on that date"). A made-up 9.5 (tests/versions/amendment_study_level.py)
puts a 4-hour cohort of 4 and a 14-day observation in force at Zhuhai only; Guangzhou
stays on 1.0 as registered ([REG-B] "4-hour group (3 patients)", "a 28-day observation
period")."""

import datetime as dt

import pytest
from django.utils import timezone

from ecrf import actions
from ecrf.committee import CohortState, cohort_states
from ecrf.models import StudyVersion
from tests.conftest import TODAY, put_in_force

DAY = dt.timedelta(days=1)
IN_FORCE_AT_ZHUHAI = TODAY - 25 * DAY


@pytest.fixture(autouse=True)
def version_9_5_at_zhuhai(settings, qh1a, zhuhai):
    settings.ECRF_DEMO_VERSIONS = ["tests.versions.amendment_study_level"]
    StudyVersion.objects.create(
        study=qh1a, number="9.5", declared="9.5", date=TODAY, summary="Test"
    )
    put_in_force(zhuhai, "9.5", on=IN_FORCE_AT_ZHUHAI)


def treated(make_subject, make_session, qh1a, site, *, days_ago):
    # As tests/committee/conftest.py treated_cohort: enrolled today, the session dated back.
    subject = make_subject(qh1a, "enrolled", site=site, arm=qh1a.arms.get(code="QH4H"))
    make_session(subject, start=timezone.now() - days_ago * DAY)
    return subject


def test_observation_days_by_the_version_at_the_site_on_the_final_session(
    qh1a, guangzhou, zhuhai, make_subject, make_session
):
    in_guangzhou = treated(make_subject, make_session, qh1a, guangzhou, days_ago=20)
    in_zhuhai = treated(make_subject, make_session, qh1a, zhuhai, days_ago=20)
    # Treated at Zhuhai before 9.5 was in force there: observed for 1.0's 28 days.
    before = treated(make_subject, make_session, qh1a, zhuhai, days_ago=30)
    (four, *_rest) = cohort_states(qh1a)
    by_number = {s.screening_number: s for s in four.subjects}
    assert by_number[in_guangzhou.screening_number].observation_days == 28
    assert not by_number[in_guangzhou.screening_number].complete
    assert by_number[in_zhuhai.screening_number].observation_days == 14
    assert by_number[in_zhuhai.screening_number].complete
    assert by_number[before.screening_number].observation_days == 28
    assert four.state == CohortState.OBSERVATION  # Guangzhou's subject is still observed


def enrol(subject, *, on, reason=""):
    return actions.subject_enrol(
        subject=subject,
        arm=subject.study.arms.get(code="QH4H"),
        by=subject.created_by,
        enrolment_date=on,
        planned_first_treatment=on + 2 * DAY,
        reason=reason,
    )


def test_cohort_capacity_by_the_version_at_the_site_on_the_date(
    qh1a, guangzhou, zhuhai, make_subject
):
    for _ in range(3):
        make_subject(qh1a, "enrolled", site=guangzhou)  # the 3 places of 1.0's cohort
    fourth_in_guangzhou = make_subject(qh1a, "eligible", site=guangzhou)
    with pytest.raises(actions.ProtocolRefusal) as refused:
        enrol(fourth_in_guangzhou, on=TODAY)
    assert [r.rule for r in refused.value.refusals] == ["COHORT-CAPACITY"]
    # At Zhuhai 9.5 is in force: the cohort has a fourth place there.
    fourth_in_zhuhai = make_subject(qh1a, "eligible", site=zhuhai)
    assert enrol(fourth_in_zhuhai, on=TODAY).arm.code == "QH4H"


def test_a_past_enrolment_before_the_version_was_in_force_is_judged_by_the_earlier(
    qh1a, guangzhou, zhuhai, make_subject
):
    early = TODAY - 30 * DAY  # before 9.5 was in force at Zhuhai
    for _ in range(3):
        subject = make_subject(
            qh1a, "eligible", site=guangzhou, consent_date=early, screening_date=early
        )
        enrol(subject, on=early, reason="From the paper log")
    late = make_subject(qh1a, "eligible", site=zhuhai, consent_date=early, screening_date=early)
    # Dated before 9.5 at Zhuhai: 1.0's 3 places were taken, a deviation, not a refusal.
    enrol(late, on=early + DAY, reason="From the paper log")
    assert list(late.deviations.values_list("rule", flat=True)) == ["COHORT-CAPACITY"]
