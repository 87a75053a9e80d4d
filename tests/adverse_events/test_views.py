"""The AE screens: happy path, bad input (422, message at the field, nothing lost),
another site's user (404), a read-only role (403), and query counts that do not grow."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ecrf.models import AdverseEvent, SaeReport
from tests.adverse_events.conftest import (
    ANAPHYLAXIS,
    FEVER,
    HYPOTENSION,
    ae_post,
    ae_values,
    sae_values,
    serious,
)

pytestmark = pytest.mark.django_db


def url(name, subject, **kwargs):
    return reverse(
        f"ecrf:{name}",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number}
        | kwargs,
    )


def test_investigator_reports_an_ae(client, enrolled, investigator_guangzhou):
    client.force_login(investigator_guangzhou)
    assert client.get(url("ae_new", enrolled)).status_code == 200
    response = client.post(url("ae_new", enrolled), ae_post(ae_values(enrolled)))
    ae = AdverseEvent.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("ae_detail", enrolled, ae_number=1)
    assert (ae.number, ae.ctcae_term, ae.created_by) == (1, "Fever", investigator_guangzhou)
    assert not SaeReport.objects.exists()


def test_serious_ae_is_saved_with_its_supplement(client, enrolled, staff_guangzhou):
    client.force_login(staff_guangzhou)
    awareness = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=2)
    data = ae_post(ae_values(enrolled, grade=3, **serious()), sae_values(awareness_at=awareness))
    response = client.post(url("ae_new", enrolled), data)
    assert response.status_code == 302
    report = SaeReport.objects.get()
    assert report.awareness_at == awareness
    assert report.site_report_due_at == awareness + dt.timedelta(hours=24)


def test_bad_input_is_422_with_messages_and_nothing_lost(client, enrolled, staff_guangzhou):
    # V11 (grade for the term), V12 (criterion, SAE form), V13 (relatedness).
    client.force_login(staff_guangzhou)
    values = ae_values(
        enrolled,
        ctcae_code=ANAPHYLAXIS,
        grade=1,
        verbatim_term="Rash and wheeze after plasma",
        related_cells=None,
        serious=True,
    )
    data = ae_post(values, sae_values(narrative="Typed narrative kept"))
    del data["related_cells"]
    response = client.post(url("ae_new", enrolled), data)
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert {"grade", "related_cells", "serious"} <= set(errors)
    assert "Grade 1 does not exist for Anaphylaxis" in str(errors["grade"])
    content = response.content.decode()
    assert "Rash and wheeze after plasma" in content and "Typed narrative kept" in content
    assert not AdverseEvent.objects.exists()


def test_refusal_is_shown_at_the_sae_field(client, enrolled, staff_guangzhou):
    # Spec §2.12: awareness >= AE start, shown next to the awareness field.
    client.force_login(staff_guangzhou)
    onset = timezone.localtime(timezone.now() - dt.timedelta(hours=3))
    values = ae_values(
        enrolled,
        onset_date=onset.date(),
        onset_time=onset.time().replace(second=0, microsecond=0),
        resolved_date=None,
        ongoing=True,
        outcome="recovering",
        **serious(),
    )
    awareness = timezone.now() - dt.timedelta(hours=4)
    response = client.post(url("ae_new", enrolled), ae_post(values, sae_values(awareness)))
    assert response.status_code == 422
    assert "SAE-AWARENESS" in str(response.context["sae_form"].errors["awareness_at"])


def test_missing_sae_supplement_is_422_at_its_fields(client, enrolled, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.post(url("ae_new", enrolled), ae_post(ae_values(enrolled, **serious())))
    assert response.status_code == 422
    assert {"awareness_at", "narrative"} <= set(response.context["sae_form"].errors)


def test_edit_follows_up_the_ae(client, enrolled, staff_guangzhou, report_ae):
    ae = report_ae(enrolled, resolved_date=None, ongoing=True, outcome="recovering")
    client.force_login(staff_guangzhou)
    page = client.get(url("ae_edit", enrolled, ae_number=1))
    assert page.status_code == 200 and page.context["form"]["version"].value() == 1
    values = ae_values(enrolled, resolved_date=enrolled.consent_date, outcome="recovered")
    # The AE was saved complete: the edit gives a reason for change (issue 4).
    reason = {"change_reason": "new_information", "change_reason_detail": "resolved at follow-up"}
    data = ae_post(values, version=1) | reason
    response = client.post(url("ae_edit", enrolled, ae_number=1), data)
    assert response.status_code == 302
    ae.refresh_from_db()
    assert (ae.outcome, ae.version, ae.ongoing) == ("recovered", 2, False)
    # The same stale form again: refused, named, nothing overwritten.
    response = client.post(url("ae_edit", enrolled, ae_number=1), data)
    assert response.status_code == 422
    assert "Someone else saved this form after you opened it." in response.content.decode()
    ae.refresh_from_db()
    assert ae.version == 2


def test_other_sites_staff_get_404(client, enrolled, staff_beijing, report_ae):
    report_ae(enrolled)
    client.force_login(staff_beijing)
    for name, kwargs in [
        ("ae_new", {}),
        ("ae_list", {}),
        ("ae_detail", {"ae_number": 1}),
        ("ae_edit", {"ae_number": 1}),
    ]:
        assert client.get(url(name, enrolled, **kwargs)).status_code == 404
    assert client.post(url("ae_new", enrolled), ae_post(ae_values(enrolled))).status_code == 404
    study_list = reverse("ecrf:ae_study_list", kwargs={"registry_id": enrolled.study.registry_id})
    assert client.get(study_list).status_code == 404


def test_monitor_reads_but_cannot_enter(client, enrolled, monitor_guangzhou, report_ae):
    report_ae(enrolled)
    client.force_login(monitor_guangzhou)
    assert client.get(url("ae_detail", enrolled, ae_number=1)).status_code == 200
    assert client.get(url("ae_list", enrolled)).status_code == 200
    assert client.get(url("ae_new", enrolled)).status_code == 403
    assert client.post(url("ae_new", enrolled), ae_post(ae_values(enrolled))).status_code == 403
    edit = url("ae_edit", enrolled, ae_number=1)
    assert client.post(edit, ae_post(ae_values(enrolled, grade=2))).status_code == 403
    assert AdverseEvent.objects.get().grade == 1


@pytest.mark.parametrize(
    ("hours", "status", "overdue"), [((23, 59), "due_soon", False), ((24, 1), "overdue", True)]
)
def test_ae_page_shows_the_24_hour_clock(
    client, enrolled, staff_guangzhou, report_ae, hours, status, overdue
):
    # Spec §2.12 / §5.2 / V12: report to sponsor <= 24 h after awareness, else overdue.
    awareness = timezone.now() - dt.timedelta(hours=hours[0], minutes=hours[1])
    report_ae(enrolled, sae=sae_values(awareness_at=awareness), **serious())
    client.force_login(staff_guangzhou)
    response = client.get(url("ae_detail", enrolled, ae_number=1))
    site_clock = response.context["clocks"][0]
    assert site_clock.status == status
    content = response.content.decode()
    assert f'data-clock-status="{status}"' in content
    assert ("Overdue" in content) is overdue


def test_sponsor_clock_shown_once_day0_is_entered(client, enrolled, staff_guangzhou, report_ae):
    # Spec §5.2: the 7/15-day clock starts at sponsor awareness (Day 0) for a SUSAR or a
    # device-related SAE; fatal or life-threatening -> 7 days.
    now = timezone.now()
    sae = sae_values(
        awareness_at=now - dt.timedelta(hours=3),
        reported_to_sponsor_at=now - dt.timedelta(hours=2),
        sponsor_awareness_at=now - dt.timedelta(hours=2),
    )
    report_ae(enrolled, sae=sae, related_device="probable", **serious(life_threatening=True))
    client.force_login(staff_guangzhou)
    clocks = client.get(url("ae_detail", enrolled, ae_number=1)).context["clocks"]
    assert [c.status for c in clocks] == ["met", "running"]
    day0 = timezone.localtime(now - dt.timedelta(hours=2)).date()
    assert timezone.localtime(clocks[1].due_at).date() == day0 + dt.timedelta(days=7)


def test_subject_ae_list_query_count_does_not_grow(
    client, enrolled, staff_guangzhou, report_ae, django_assert_max_num_queries
):
    client.force_login(staff_guangzhou)
    report_ae(enrolled, sae=sae_values(), **serious())
    # 12, + 2 for the subject's protocol version and re-consents, read once: each SAE's
    # clocks are its subject's version's on its onset (issue 21).
    with django_assert_max_num_queries(14) as few:
        client.get(url("ae_list", enrolled))
    for grade in (1, 2, 3, 2, 1, 3):
        report_ae(enrolled, grade=grade, sae=sae_values(), **serious())
        report_ae(enrolled, ctcae_code=HYPOTENSION, grade=grade)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("ae_list", enrolled))
    assert len(response.context["rows"]) == 13


def test_study_ae_list_query_count_does_not_grow(
    client, qh1a, make_subject, staff_guangzhou, report_ae, django_assert_max_num_queries
):
    client.force_login(staff_guangzhou)
    study_list = reverse("ecrf:ae_study_list", kwargs={"registry_id": qh1a.registry_id})
    report_ae(make_subject(qh1a, "enrolled"), sae=sae_values(), **serious())
    with django_assert_max_num_queries(12) as few:
        client.get(study_list)
    for state in ("enrolled", "screening", "eligible"):  # AEs are collected from consent
        subject = make_subject(qh1a, state)
        report_ae(subject, sae=sae_values(), **serious())
        report_ae(subject)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(study_list)
    assert len(response.context["rows"]) == 7
    assert client.get(study_list + "?serious=1").context["page"].paginator.count == 4


def test_term_grade_texts_for_the_form(client, staff_guangzhou):
    client.force_login(staff_guangzhou)
    term = client.get(reverse("ecrf:ae_ctcae_term", kwargs={"code": ANAPHYLAXIS})).json()
    assert term["term"] == "Anaphylaxis" and sorted(term["grades"]) == ["3", "4", "5"]
    assert client.get(reverse("ecrf:ae_ctcae_term", kwargs={"code": "123"})).status_code == 404


def test_form_shows_the_chosen_terms_grade_texts(client, enrolled, staff_guangzhou):
    client.force_login(staff_guangzhou)
    data = ae_post(ae_values(enrolled, ctcae_code=FEVER, grade=None))
    response = client.post(url("ae_new", enrolled), data)
    assert response.status_code == 422 and "grade" in response.context["form"].errors
    assert "38.0 - 39.0 degrees C" in response.content.decode()
