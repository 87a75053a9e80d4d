"""The demo dataset: both studies, the fixed accounts, subjects in several states; loading
it twice keeps what was entered."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse

from ecrf import actions, audit
from ecrf.models import Study, Subject, SubjectStatus

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_without_losing_data(client):
    call_command("load_demo")
    subject = Subject.objects.get(screening_number="SYSU3-004")
    with audit.reason("entry_error", "scale recalibrated"):
        actions.subject_update(subject=subject, by=subject.created_by, weight_kg="77.7")
    call_command("load_demo")
    subject.refresh_from_db()
    assert str(subject.weight_kg) == "77.7"
    assert Subject.objects.count() == 9
    statuses = set(Subject.objects.values_list("status", flat=True))
    assert statuses == {
        SubjectStatus.SCREENING,
        SubjectStatus.SCREEN_FAILED,
        SubjectStatus.ENROLLED,
    }


def test_demo_accounts_log_in_and_staff_sees_both_studies(client):
    call_command("load_demo")
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert {"staff", "investigator", "monitor", "datamanager", "safety", "admin"} <= usernames
    assert client.login(request=HttpRequest(), username="staff", password="bal-demo-2026")
    content = client.get(reverse("ecrf:home")).content.decode()
    assert "NCT07312864" in content and "NCT06996392" in content
    # Both trials (and, in the suite, the made-up third of tests/settings.py, siteless).
    assert {"NCT07312864", "NCT06996392"} <= set(
        Study.objects.values_list("registry_id", flat=True)
    )


def test_demo_66_year_old_is_refused_by_the_age_criterion(client):
    call_command("load_demo")
    subject = Subject.objects.get(screening_number="SYSU3-005")
    client.login(request=HttpRequest(), username="staff", password="bal-demo-2026")
    arm = subject.study.arms.get(code="QH4H")
    response = client.post(
        reverse("ecrf:enrol", kwargs={"registry_id": "NCT06996392", "number": "SYSU3-005"}),
        {"arm": arm.pk, "enrolment_date": "2026-11-21", "planned_first_treatment": "2026-11-24"},
    )
    assert response.status_code == 422
    assert "IN-AGE" in response.content.decode()


def test_demo_has_sessions_labs_and_an_adverse_event():
    call_command("load_demo")
    subject = Subject.objects.get(screening_number="SYSU3-001")
    session = subject.sessions.get()
    assert (session.gross_minutes, session.interruption_minutes, session.net_minutes) == (
        250,
        10,
        240,
    )
    bilirubin = subject.lab_results.get(panel__timepoint="PRE-S1", test_code="BILI")
    assert (bilirubin.value, bilirubin.unit) == (19, "mg/dL")
    assert float(bilirubin.standard_value) == pytest.approx(324.9)
    assert subject.adverse_events.get().ctcae_term == "Hypotension"
    assert Subject.objects.get(screening_number="BFH-001").sessions.count() == 1


def test_demo_has_a_subject_on_each_version_of_qh1a():
    # Issue 21 item 5: one subject stays on 1.0, one is re-consented to the made-up 2.0.
    from ecrf import versions

    call_command("load_demo")
    stays = Subject.objects.get(screening_number="SYSU3-001")
    moved = Subject.objects.get(screening_number="SYSU5-001")
    assert versions.subject_version(stays).number == "1.0"
    assert versions.subject_version(moved).number == "2.0"
    assert moved.reconsents.count() == 1
    # SYSU3 is left on 1.0, for a data manager to read the diff and apply 2.0 there.
    assert versions.version_in_force(stays.site, on=stays.screening_date).number == "1.0"
    assert moved.status == SubjectStatus.SCREENING
