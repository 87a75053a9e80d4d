"""The committee's pages: the cohort report (spec §5.4 "data package reviewed by the
SEC") and the signed decision form (21 CFR 11.50, 11.200)."""

import datetime as dt

import pytest
from django.urls import reverse

from ecrf.actions.adverse_events import ae_report
from ecrf.models import CommitteeDecision, GateRefusal
from tests.adverse_events.conftest import ae_values
from tests.committee.conftest import PASSWORD
from tests.conftest import TODAY, eligible_answers  # noqa: F401


def report_url(study, code="QH4H"):
    return reverse("ecrf:sec_report", kwargs={"registry_id": study.registry_id, "arm_code": code})


def decision_url(study, code="QH4H"):
    return reverse("ecrf:sec_decision", kwargs={"registry_id": study.registry_id, "arm_code": code})


def decision_post(**overrides):
    values = {
        "decision": "proceed",
        "rationale": "No DLT in 3 subjects.",
        "meeting_date": TODAY.isoformat(),
        "password": PASSWORD,
        "mtd_minutes": "",
        "additional_subjects": "",
    }
    values.update(overrides)
    return values


def test_safety_reviewer_signs_and_the_six_hour_cohort_opens(
    client, qh1a, treated_cohort, safety_guangzhou
):
    treated_cohort(days_ago=29)
    client.force_login(safety_guangzhou)
    study_page = client.get(reverse("ecrf:study", kwargs={"registry_id": qh1a.registry_id}))
    assert 'data-state="awaiting"' in study_page.content.decode()
    assert client.get(decision_url(qh1a)).status_code == 200
    response = client.post(decision_url(qh1a), decision_post())
    assert response.status_code == 302
    assert qh1a.arms.get(code="QH6H").is_open
    assert CommitteeDecision.objects.get().signed_by == safety_guangzhou


def test_wrong_password_is_a_field_error(client, qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=29)
    client.force_login(safety_guangzhou)
    response = client.post(decision_url(qh1a), decision_post(password="nope"))
    assert response.status_code == 422
    form = response.context["form"]
    assert "password" in form.errors and form["rationale"].value() == "No DLT in 3 subjects."
    assert not qh1a.arms.get(code="QH6H").is_open


def test_set_mtd_needs_a_duration(client, qh1a, treated_cohort, safety_guangzhou):
    treated_cohort(days_ago=29)
    client.force_login(safety_guangzhou)
    response = client.post(decision_url(qh1a), decision_post(decision="set_mtd"))
    assert response.status_code == 422 and "mtd_minutes" in response.context["form"].errors


def test_decision_before_the_observation_ends_is_refused(
    client, qh1a, treated_cohort, safety_guangzhou
):
    treated_cohort(days_ago=5)
    client.force_login(safety_guangzhou)
    assert b'id="not-due"' in client.get(decision_url(qh1a)).content
    response = client.post(decision_url(qh1a), decision_post())
    assert response.status_code == 422 and "SEC-NOT-DUE" in str(response.context["form"].errors)
    assert not CommitteeDecision.objects.exists()


@pytest.mark.parametrize("role", ["monitor_guangzhou", "investigator_guangzhou"])
def test_other_roles_get_403_on_the_decision(client, qh1a, treated_cohort, role, request):
    treated_cohort(days_ago=29)
    client.force_login(request.getfixturevalue(role))
    assert client.get(decision_url(qh1a)).status_code == 403
    assert client.post(decision_url(qh1a), decision_post()).status_code == 403


def test_another_studys_user_gets_404(client, qh1a, staff_beijing, monitor_beijing):
    for user in (staff_beijing, monitor_beijing):
        client.force_login(user)
        assert client.get(report_url(qh1a)).status_code == 404
        assert client.get(decision_url(qh1a)).status_code == 404


def test_site_staff_do_not_read_the_report(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    assert client.get(report_url(qh1a)).status_code == 403


def test_report_lists_the_four_hour_cohorts_aes_by_grade(
    client, qh1a, treated_cohort, monitor_guangzhou, investigator_guangzhou
):
    first, second, _third = treated_cohort(days_ago=29)
    onset = first.consent_date
    for subject, grade in ((first, 2), (second, 2), (second, 3)):
        ae_report(
            subject=subject,
            by=investigator_guangzhou,
            **ae_values(
                subject,
                grade=grade,
                onset_date=onset,
                resolved_date=onset,
                related_device="possible",
            ),
        )
    client.force_login(monitor_guangzhou)
    response = client.get(report_url(qh1a))
    assert response.status_code == 200
    grades = {row[0]: row for row in response.context["report"].grade_table}
    assert grades[2][1:] == (2, 2, 0) and grades[3][1:] == (1, 1, 0) and grades[1][1] == 0
    content = response.content.decode()
    assert 'data-grade="2"><td>2</td><td>2</td>' in content
    assert "print.css" in content


GI_OTHER = "10017947"  # "Gastrointestinal disorders - Other, specify"


def test_report_shows_each_aes_verbatim_text_beside_its_term(
    client, qh1a, treated_cohort, monitor_guangzhou, investigator_guangzhou
):
    # Issue 19 item 5: the committee reads the event, not "... - Other, specify" alone.
    first, _second, _third = treated_cohort(days_ago=29)
    ae_report(
        subject=first,
        by=investigator_guangzhou,
        **ae_values(
            first,
            ctcae_code=GI_OTHER,
            verbatim_term="Bleeding from the catheter exit site into the gut",
            other_specify="Gastric mucosal bleeding",
            grade=3,
            onset_date=first.consent_date,
            resolved_date=first.consent_date,
        ),
    )
    client.force_login(monitor_guangzhou)
    content = client.get(report_url(qh1a)).content.decode()
    assert (
        '<td class="ae-term">Gastrointestinal disorders - Other, specify: Gastric mucosal'
        ' bleeding</td><td class="ae-verbatim">Bleeding from the catheter exit site into the'
        " gut</td>"
    ) in content


def test_report_query_count_is_flat(
    client, qh1a, treated_cohort, monitor_guangzhou, django_assert_max_num_queries
):
    treated_cohort(days_ago=29, n=1)
    client.force_login(monitor_guangzhou)
    with django_assert_max_num_queries(25) as few:
        client.get(report_url(qh1a))
    qh1a.arms.filter(code="QH4H").update(capacity=8)  # room for more subjects in one cohort
    treated_cohort(days_ago=29, n=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(report_url(qh1a))


def test_study_page_shows_every_arms_state(client, qh1a, treated_cohort, monitor_guangzhou):
    treated_cohort(days_ago=10)
    client.force_login(monitor_guangzhou)
    content = client.get(reverse("ecrf:study", kwargs={"registry_id": qh1a.registry_id}))
    content = content.content.decode()
    assert 'data-arm="QH4H" data-state="observation"' in content
    assert "FS+10 of 28" in content
    for code in ("QH6H", "QH8H", "QHMT"):
        assert f'data-arm="{code}" data-state="not_open"' in content


def test_enrolling_into_a_closed_cohort_is_refused_and_logged(
    client, qh1a, make_subject, staff_guangzhou
):
    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    url = reverse(
        "ecrf:enrol",
        kwargs={"registry_id": qh1a.registry_id, "number": subject.screening_number},
    )
    response = client.post(
        url,
        {
            "arm": qh1a.arms.get(code="QH6H").pk,
            "enrolment_date": TODAY.isoformat(),
            "planned_first_treatment": (TODAY + dt.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 422
    assert "Safety Evaluation Committee" in str(response.context["form"].errors["arm"])
    row = GateRefusal.objects.get()
    assert (row.user, row.subject, row.arm.code) == (staff_guangzhou, subject, "QH6H")


def test_admin_cannot_open_an_arm_and_the_attempt_is_logged(client, qh1a, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    arm = qh1a.arms.get(code="QH6H")
    url = reverse("admin:ecrf_arm_change", args=[arm.pk])
    page = client.get(url).content.decode()
    assert 'name="is_open"' not in page and 'name="planned_minutes"' not in page
    assert "Only a signed decision of the Safety Evaluation Committee" in page
    response = client.post(
        url,
        {
            "study": qh1a.pk,
            "code": "QH6H",
            "label": "6-hour group",
            "order": 2,
            "is_open": "on",
            "capacity": 9,
            "planned_minutes": 480,
        },
    )
    assert response.status_code == 302
    arm.refresh_from_db()
    assert not arm.is_open and arm.capacity == 3 and arm.planned_minutes is None
    assert GateRefusal.objects.get().channel == "admin"


def test_monitor_reads_refusals_in_the_admin(client, qh1a, monitor_guangzhou):
    GateRefusal.objects.create(arm=qh1a.arms.get(code="QH6H"), channel="enrolment", rules="X")
    client.force_login(monitor_guangzhou)
    changelist = reverse("admin:ecrf_gaterefusal_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(reverse("admin:ecrf_gaterefusal_add")).status_code == 403
