"""Each screen: the happy path, bad input (a message at the field, nothing lost, 4xx),
another site's user (404) and a read-only role (403)."""

import datetime as dt

import pytest
from django.urls import reverse

from ecrf.models import Subject, SubjectStatus
from tests.conftest import TODAY, demographics, eligible_answers

pytestmark = pytest.mark.django_db


def url(name, subject=None, study=None, **kwargs):
    if subject is not None:
        kwargs.update(registry_id=subject.study.registry_id, number=subject.screening_number)
    elif study is not None:
        kwargs.update(registry_id=study.registry_id)
    return reverse(f"ecrf:{name}", kwargs=kwargs)


def as_post(values: dict) -> dict:
    return {k: ("" if v is None else v) for k, v in values.items()}


# --- Login and home ---------------------------------------------------------------------


def test_login_page_and_redirect(client):
    assert client.get(reverse("login")).status_code == 200
    response = client.get(reverse("ecrf:home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_bad_login_is_refused_with_a_message(client, staff_guangzhou):
    response = client.post(reverse("login"), {"username": "staff_gz", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_home_lists_only_the_users_studies(client, staff_guangzhou, cips):
    client.force_login(staff_guangzhou)
    response = client.get(reverse("ecrf:home"))
    assert b"NCT06996392" in response.content and b"NCT07312864" not in response.content


# --- Study and protocol pages ------------------------------------------------------------


def test_study_page_shows_enrolment_by_arm(client, qh1a, staff_guangzhou, make_subject):
    make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    response = client.get(url("study", study=qh1a))
    assert response.status_code == 200
    arms = {arm.code: arm.enrolled for arm in response.context["arms"]}
    assert arms == {"QH4H": 1, "QH6H": 0, "QH8H": 0, "QHMT": 0}
    assert b"SYSU3-001" in response.content


def test_study_page_is_404_for_a_non_member(client, qh1a, staff_beijing):
    client.force_login(staff_beijing)
    assert client.get(url("study", study=qh1a)).status_code == 404


def test_study_page_query_count_does_not_grow_with_subjects(
    client, qh1a, staff_guangzhou, make_subject, django_assert_max_num_queries
):
    client.force_login(staff_guangzhou)
    make_subject(qh1a, "enrolled")
    # 11: with the freezes and locks in force (issue 4, item 8).
    # + the committee's cohort states and the user's roles (issue 5).
    # + the dashboard: the schedule's four queries and the SAEs (issue 5, item 3).
    # + the study's sites, to offer a study-wide lock only to a data manager of every site
    #   (issue 17, item 2).
    # + the versions in force at the study's sites, for the cohorts' observation days
    #   (issue 21: a study-level rule by the site's version on the date).
    # + the subjects' re-consents, for the overdue forms each one's version expects
    #   (issue 21; their screening versions come in the subjects' query).
    with django_assert_max_num_queries(23) as few:
        client.get(url("study", study=qh1a))
    for state in ["enrolled", "enrolled", "screen_failed", "screening", "eligible"]:
        make_subject(qh1a, state)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("study", study=qh1a))


def test_protocol_page_lists_schedule_and_verbatim_criteria(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.get(url("protocol", study=qh1a))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Circulatory failure." in content and "IN-AGE" in content
    assert "QHMT" in content and "Follow-up" in content


# --- Registration ------------------------------------------------------------------------


def test_staff_registers_a_subject(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.post(url("subject_new", study=qh1a), as_post(demographics()))
    subject = Subject.objects.get()
    assert response.status_code == 302 and response["Location"] == url("casebook", subject)
    assert subject.screening_number == "SYSU3-001" and subject.created_by == staff_guangzhou


def test_registration_bad_input_keeps_what_was_typed(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    values = demographics(
        weight_kg="400", screening_date=TODAY - dt.timedelta(days=5), consent_version="ICF-v9"
    )
    response = client.post(url("subject_new", study=qh1a), as_post(values))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "weight_kg" in errors and "screening_date" in errors
    assert 'value="ICF-v9"' in response.content.decode()
    assert not Subject.objects.exists()


@pytest.mark.parametrize("hostile", ["\x00", "<script>alert(1)</script>" * 3, "x" * 5000])
def test_registration_hostile_input_is_a_4xx(client, qh1a, staff_guangzhou, hostile):
    client.force_login(staff_guangzhou)
    values = as_post(demographics(consent_version=hostile, date_of_birth=hostile))
    response = client.post(url("subject_new", study=qh1a), values)
    assert response.status_code == 422
    assert "<script>alert" not in response.content.decode()


def test_cips_registration_asks_women_about_pregnancy(client, cips, staff_beijing):
    # [REG-A] EX03 "Pregnant or breastfeeding women" needs the answers for every woman.
    client.force_login(staff_beijing)
    response = client.post(url("subject_new", study=cips), as_post(demographics(sex="F")))
    assert response.status_code == 422
    assert {"childbearing_potential", "breastfeeding"} <= set(response.context["form"].errors)


def test_monitor_cannot_register(client, qh1a, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    assert client.get(url("subject_new", study=qh1a)).status_code == 403
    response = client.post(url("subject_new", study=qh1a), as_post(demographics()))
    assert response.status_code == 403 and not Subject.objects.exists()


def test_registration_edit_during_screening(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_guangzhou)
    # The registration was saved complete: a change needs a reason for change (issue 4).
    data = as_post(demographics(weight_kg="70.5")) | {"version": str(subject.version)}
    response = client.post(url("subject_edit", subject), data)
    assert response.status_code == 422 and "change_reason" in response.context["form"].errors
    reason = {"change_reason": "entry_error", "change_reason_detail": "weighed again"}
    response = client.post(url("subject_edit", subject), data | reason)
    assert response.status_code == 302
    subject.refresh_from_db()
    assert str(subject.weight_kg) == "70.5" and subject.version == 2


# --- Casebook ------------------------------------------------------------------------------


def test_casebook_shows_forms_and_schedule(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    response = client.get(url("casebook", subject))
    assert response.status_code == 200
    codes = [visit.code for visit in response.context["schedule"]]
    assert codes == ["SCR", "S1", "FS+1", "FS+3", "FS+7", "FS+14", "FS+28"]


def test_casebook_of_another_sites_subject_is_404(client, qh1a, cips, staff_beijing, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_beijing)
    assert client.get(url("casebook", subject)).status_code == 404
    # Even through the other study's URL: the subject does not exist there.
    wrong = reverse(
        "ecrf:casebook",
        kwargs={"registry_id": cips.registry_id, "number": subject.screening_number},
    )
    assert client.get(wrong).status_code == 404


def test_monitor_reads_the_casebook_but_cannot_open_entry_forms(
    client, qh1a, monitor_guangzhou, make_subject
):
    subject = make_subject(qh1a)
    client.force_login(monitor_guangzhou)
    assert client.get(url("casebook", subject)).status_code == 200
    for name in ["eligibility", "enrol", "screen_failure", "subject_edit"]:
        assert client.get(url(name, subject)).status_code == 403
        assert client.post(url(name, subject), {}).status_code == 403


def test_casebook_query_count_is_small(
    client, qh1a, staff_guangzhou, make_subject, django_assert_max_num_queries
):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    casebook = url("casebook", subject)
    # Rendered (nothing kept yet): session, user, memberships, study, subject (+ enrolment,
    # arm), answers, and the first request's session save in a savepoint pair; the
    # schedule's sessions, follow-up vitals, lab panels and disposition, the deviations
    # (tests/sessions guards growth), and the clinical forms' counts in one query; the
    # header's open-query count; the voided sessions, listed flagged (issue 4); the
    # casebook signature card (issue 4, item 7): the forms' versions in one UNION query and
    # the latest casebook signature (tests/signoff guards growth); the freeze or lock in
    # force (issue 4, item 8); the fingerprint (prepared once per connection) and the
    # rendered body kept (ecrf/page_cache.py; tests/performance/test_casebook_cache.py
    # counts the page served kept); the hub (issue 19 item 1): the subject's open queries,
    # verifications and signatures, its AEs inline, the registered forms' content types;
    # the subject's protocol version (issue 21): its re-consents and its screening version.
    with django_assert_max_num_queries(30):
        client.get(casebook)


# --- Eligibility ---------------------------------------------------------------------------


def test_eligibility_checklist_is_saved(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_guangzhou)
    answers = {k: "yes" if v else "no" for k, v in eligible_answers(qh1a).items()}
    response = client.post(url("eligibility", subject), answers)
    assert response.status_code == 302
    assert subject.eligibility_answers.count() == len(answers)


def test_eligibility_missing_answer_is_shown_at_its_criterion(
    client, qh1a, staff_guangzhou, make_subject
):
    subject = make_subject(qh1a)
    client.force_login(staff_guangzhou)
    answers = {k: "yes" if v else "no" for k, v in eligible_answers(qh1a).items()}
    del answers["EX02"]
    answers["EX03"] = "maybe"
    response = client.post(url("eligibility", subject), answers)
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"EX02", "EX03"}
    assert response.context["form"]["IN01"].value() == "yes"  # what was typed is kept
    assert not subject.eligibility_answers.exists()


def test_other_sites_staff_cannot_post_eligibility(client, qh1a, staff_beijing, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_beijing)
    assert client.post(url("eligibility", subject), {"IN01": "yes"}).status_code == 404


# --- Enrolment -----------------------------------------------------------------------------


def enrolment_post(arm, first=None):
    return {
        "arm": arm.pk,
        "enrolment_date": TODAY.isoformat(),
        "planned_first_treatment": (first or TODAY + dt.timedelta(days=2)).isoformat(),
    }


def test_enrolment_happy_path(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    response = client.post(url("enrol", subject), enrolment_post(qh1a.arms.get(code="QH4H")))
    assert response.status_code == 302
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.ENROLLED


def test_enrolment_refusal_names_the_rule_at_its_field(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    response = client.post(url("enrol", subject), enrolment_post(qh1a.arms.get(code="QH6H")))
    assert response.status_code == 422
    assert "COHORT-OPEN" in str(response.context["form"].errors["arm"])


def test_enrolment_of_a_66_year_old_names_the_age_criterion(
    client, qh1a, staff_guangzhou, make_subject
):
    consent = TODAY - dt.timedelta(days=2)
    subject = make_subject(qh1a, "eligible", date_of_birth=consent.replace(year=consent.year - 66))
    client.force_login(staff_guangzhou)
    response = client.post(url("enrol", subject), enrolment_post(qh1a.arms.get(code="QH4H")))
    assert response.status_code == 422
    assert "IN-AGE" in response.content.decode()
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.SCREENING


def test_enrolment_bad_dates_are_shown_at_the_field(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    data = enrolment_post(qh1a.arms.get(code="QH4H"))
    data["planned_first_treatment"] = "not a date"
    response = client.post(url("enrol", subject), data)
    assert response.status_code == 422
    assert "planned_first_treatment" in response.context["form"].errors


def test_a_past_dated_enrolment_asks_for_its_reason_at_the_field(
    client, qh1a, staff_guangzhou, make_subject
):
    # Issue 18: "An enrolment dated in the past records what happened. It needs a reason."
    subject = make_subject(qh1a, "eligible")  # screened two days ago
    client.force_login(staff_guangzhou)
    data = enrolment_post(qh1a.arms.get(code="QH4H"))
    data["enrolment_date"] = (TODAY - dt.timedelta(days=1)).isoformat()
    response = client.post(url("enrol", subject), data)
    assert response.status_code == 422
    assert "ENROLMENT-REASON" in str(response.context["form"].errors["reason"])
    assert response.context["form"]["enrolment_date"].value() == data["enrolment_date"]
    data["reason"] = "Enrolled on the ward yesterday; entered from the paper log."
    assert client.post(url("enrol", subject), data).status_code == 302
    assert subject.enrolment.reason == data["reason"]


def test_enrolling_an_enrolled_subject_shows_its_state_and_a_link(
    client, qh1a, staff_guangzhou, make_subject
):
    # Issue 18: "a page whose action no longer applies, such as enrolling an enrolled
    # subject, shows the state and a link, not a form that refuses on save."
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    for name in ("enrol", "screen_failure"):
        response = client.get(url(name, subject))
        content = response.content.decode()
        assert response.status_code == 200 and 'id="no-longer-applies"' in content
        assert url("casebook", subject) in content and "<form" not in content.split("<main")[-1]
        # A POST from a page left open answers 409 with the same state, and changes nothing.
        assert client.post(url(name, subject), {}).status_code == 409
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.ENROLLED


# --- Screen failure ------------------------------------------------------------------------


def test_screen_failure_is_recorded(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_guangzhou)
    response = client.post(
        url("screen_failure", subject), {"date": TODAY.isoformat(), "failed_criteria": ["EX02"]}
    )
    assert response.status_code == 302
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.SCREEN_FAILED
    assert subject.screen_failure.failed_criteria == ["EX02"]


def test_screen_failure_needs_a_reason(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_guangzhou)
    response = client.post(url("screen_failure", subject), {"date": TODAY.isoformat()})
    assert response.status_code == 422
    assert response.context["form"].non_field_errors()


def test_protocol_page_states_the_screening_window_as_the_rule_enforces_it(
    client, qh1a, staff_guangzhou
):
    # Issue 18: "the protocol page states each window as the rule enforces it (QH-1A's
    # '−0/+13 days' vs '1 to 14 days after screening')". [REG-B] "screened within 14 days
    # before their first treatment"; rule SCREENING-WINDOW: 1 to 14 days after screening.
    client.force_login(staff_guangzhou)
    content = client.get(reverse("ecrf:protocol", args=[qh1a.registry_id])).content.decode()
    assert "the first session falls 1 to 14 days after screening" in content
    assert "−0 / +13" not in content
