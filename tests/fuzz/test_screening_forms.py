"""Fuzzing screening and enrolment (spec §2.1, §2.2): registration in both studies and its
correction, the eligibility checklist, enrolment and the screen failure."""

import datetime as dt

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ecrf.models import EligibilityAnswer, Enrolment, ScreenFailure, Subject
from tests.conftest import TODAY, demographics, eligible_answers
from tests.fuzz.conftest import subject_url
from tests.fuzz.harness import attempt, submissions

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def registration(**overrides) -> dict:
    values = demographics(**overrides)
    return {k: "" if v is None else str(v) for k, v in values.items()}


def subject_rules(row):
    """Spec §2.1: nobody is consented before birth; screening follows consent (V2)."""
    if isinstance(row, Subject):
        assert row.date_of_birth < row.consent_date <= row.screening_date
    if isinstance(row, Enrolment):
        assert row.planned_first_treatment >= row.enrolment_date >= row.subject.consent_date


@pytest.mark.parametrize("study_name", ["qh1a", "cips"])
@given(data=st.data())
def test_registration(data, study_name, request, form_page):
    study = request.getfixturevalue(study_name)
    user = request.getfixturevalue("staff_guangzhou" if study_name == "qh1a" else "staff_beijing")
    url = reverse("ecrf:subject_new", kwargs={"registry_id": study.registry_id})
    client, page = form_page(user, url)
    post = data.draw(submissions(page, registration()))
    attempt(client, page, post, touched=[Subject], invariants=subject_rules)


@pytest.fixture
def screening(qh1a, make_subject):
    return make_subject(qh1a, "screening")


@pytest.fixture
def eligible(qh1a, make_subject):
    return make_subject(qh1a, "eligible")


@given(data=st.data())
def test_registration_correction(data, form_page, screening, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("subject_edit", screening))
    valid = registration(consent_version="v1.1")
    valid |= {"change_reason": "entry_error", "change_reason_detail": "typo"}
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[Subject],
        show=subject_url("casebook", screening),
        invariants=subject_rules,
    )


@given(data=st.data())
def test_eligibility_checklist(data, form_page, screening, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("eligibility", screening))
    answers = {
        code: "yes" if met else "no" for code, met in eligible_answers(screening.study).items()
    }
    post = data.draw(submissions(page, answers))
    attempt(
        client,
        page,
        post,
        touched=[EligibilityAnswer, Subject],
        show=subject_url("casebook", screening),
    )


@given(data=st.data())
def test_enrolment(data, form_page, eligible, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("enrol", eligible))
    arm = eligible.study.arms.get(is_open=True, order=1)
    valid = {
        "arm": arm.pk,
        "enrolment_date": TODAY.isoformat(),
        "planned_first_treatment": (TODAY + dt.timedelta(days=2)).isoformat(),
    }
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[Enrolment, Subject],
        show=subject_url("casebook", eligible),
        invariants=subject_rules,
    )


@given(data=st.data())
def test_screen_failure(data, form_page, screening, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("screen_failure", screening))
    valid = {"date": TODAY.isoformat(), "other_reason": "Withdrew consent"}
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[ScreenFailure, Subject],
        show=subject_url("casebook", screening),
    )
