"""The monitors' AE review in the Django admin (issue 3): scoped to their sites, filtered,
searched, read-only, with the review recorded through the ae_review action."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from ecrf.models import (
    AdverseEvent,
    AdverseEventReview,
    Deviation,
    LabPanel,
    LabResult,
    Membership,
    Role,
)
from tests.adverse_events.conftest import HYPOTENSION, SHANGHAI, sae_values, serious

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:ecrf_adverseevent_changelist"


def change_url(ae):
    return reverse("admin:ecrf_adverseevent_change", args=[ae.pk])


def listed(response) -> set[int]:
    return {ae.pk for ae in response.context["cl"].result_list}


def test_grade_4_sae_in_the_monitors_list_reviewed_but_not_edited(
    client, enrolled, report_ae, monitor_guangzhou
):
    # Issue 3 acceptance: "a grade-4 serious AE appears in monitor's admin list with its
    # 24-hour clock; the monitor records a review, and cannot edit the AE's clinical fields."
    awareness = timezone.now() - dt.timedelta(hours=25)
    ae = report_ae(
        enrolled, ctcae_code=HYPOTENSION, grade=4, sae=sae_values(awareness), **serious()
    )
    client.force_login(monitor_guangzhou)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200 and listed(response) == {ae.pk}
    content = response.content.decode()
    assert 'class="ae-clock overdue"' in content and "Overdue" in content

    page = client.get(change_url(ae))
    assert page.status_code == 200
    assert 'data-clock-status="overdue"' in page.content.decode()
    review = reverse("admin:ecrf_adverseevent_review", args=[ae.pk])
    response = client.post(review, {"comment": "Source verified; SAE form chased."})
    assert response.status_code == 302 and response["Location"] == change_url(ae)
    recorded = AdverseEventReview.objects.get()
    assert (recorded.reviewer, recorded.comment) == (
        monitor_guangzhou,
        "Source verified; SAE form chased.",
    )
    assert recorded.reviewed_at <= timezone.now()

    response = client.post(change_url(ae), {"grade": "2", "serious": "", "outcome": "recovered"})
    assert response.status_code == 403
    ae.refresh_from_db()
    assert (ae.grade, ae.serious, ae.version) == (4, True, 1)


def test_change_page_is_read_only_with_deviations_and_labs(
    client, enrolled, report_ae, monitor_guangzhou
):
    ae = report_ae(enrolled)
    Deviation.objects.create(
        subject=enrolled,
        category="other",
        description="Vital signs not recorded at 2 h",
        occurred_on=enrolled.consent_date,
        created_by=enrolled.created_by,
    )
    client.force_login(monitor_guangzhou)
    page = client.get(change_url(ae))
    content = page.content.decode()
    assert page.status_code == 200
    assert 'name="_save"' not in content and 'name="grade"' not in content
    assert "Vital signs not recorded at 2 h" in content
    assert page.context["lab_days"] == 3 and list(page.context["labs"]) == []
    assert 'id="ae-review-form"' in content


def test_change_page_leads_to_the_event_in_the_ecrf_and_to_a_query_on_it(
    client, enrolled, report_ae, monitor_guangzhou, guangzhou
):
    # Issue 7, journey (b): "the monitor finds the SAE in the admin, reviews it and raises
    # a query" -- queries are raised in the eCRF, so the admin page leads there.
    ae = report_ae(enrolled, ctcae_code=HYPOTENSION, grade=4, sae=sae_values(), **serious())
    ae_page = reverse(
        "ecrf:ae_detail",
        kwargs={"registry_id": "NCT06996392", "number": enrolled.screening_number, "ae_number": 1},
    )
    query_form = reverse(
        "ecrf:query_new",
        kwargs={"registry_id": "NCT06996392", "number": enrolled.screening_number},
    )
    client.force_login(monitor_guangzhou)
    page = client.get(change_url(ae))
    assert (page.context["ecrf_url"], page.context["raise_query_url"]) == (
        ae_page,
        f"{query_form}?record=ecrf.adverseevent%3A{ae.pk}",
    )
    content = page.content.decode()
    assert f'href="{ae_page}"' in content and "Raise a query" in content
    chosen = client.get(page.context["raise_query_url"]).context["form"]["record"].value()
    assert chosen == f"ecrf.adverseevent:{ae.pk}"

    # A safety reviewer reviews AEs here too, but raises no queries: no such link.
    reviewer = get_user_model().objects.create_user("safety_gz", is_staff=True)
    Membership.objects.create(user=reviewer, site=guangzhou, role=Role.SAFETY_REVIEWER)
    client.force_login(reviewer)
    page = client.get(change_url(ae))
    assert page.status_code == 200 and page.context["raise_query_url"] is None
    assert "Raise a query" not in page.content.decode()


def test_review_action_on_the_changelist(client, enrolled, report_ae, monitor_guangzhou):
    first, second = report_ae(enrolled), report_ae(enrolled)
    client.force_login(monitor_guangzhou)
    data = {"action": "record_review", ACTION_CHECKBOX_NAME: [first.pk, second.pk]}
    confirm = client.post(reverse(CHANGELIST), data)
    assert confirm.status_code == 200 and b"Record review" in confirm.content
    response = client.post(reverse(CHANGELIST), data | {"apply": "1", "comment": "Batch"})
    assert response.status_code == 302
    assert set(AdverseEventReview.objects.values_list("adverse_event", "comment")) == {
        (first.pk, "Batch"),
        (second.pk, "Batch"),
    }
    reviewed = client.get(reverse(CHANGELIST) + "?reviewed=yes")
    assert listed(reviewed) == {first.pk, second.pk}
    assert listed(client.get(reverse(CHANGELIST) + "?reviewed=no")) == set()


def test_other_sites_monitor_does_not_see_the_ae(
    client, enrolled, report_ae, monitor_beijing, cips, make_subject
):
    ae = report_ae(enrolled)
    own = report_ae(make_subject(cips, "screening"))
    client.force_login(monitor_beijing)
    response = client.get(reverse(CHANGELIST))
    assert listed(response) == {own.pk}
    assert enrolled.screening_number not in response.content.decode()
    assert client.get(change_url(ae)).status_code in (302, 404)
    review = reverse("admin:ecrf_adverseevent_review", args=[ae.pk])
    assert client.post(review, {"comment": "x"}).status_code == 404
    assert not AdverseEventReview.objects.exists()
    # The study filter offers only the monitor's own study.
    studies = [choice["display"] for choice in _filter_choices(response, "study")]
    assert "NCT06996392" not in studies and "NCT07312864" in studies


def _filter_choices(response, parameter):
    for spec in response.context["cl"].filter_specs:
        if getattr(spec, "parameter_name", None) == parameter:
            return list(spec.choices(response.context["cl"]))
    raise AssertionError(parameter)


def test_site_staff_have_no_admin(client, enrolled, report_ae, staff_guangzhou):
    ae = report_ae(enrolled)
    client.force_login(staff_guangzhou)
    assert client.get(reverse(CHANGELIST)).status_code == 302
    assert client.get(change_url(ae)).status_code == 302
    review = reverse("admin:ecrf_adverseevent_review", args=[ae.pk])
    assert client.post(review, {"comment": "x"}).status_code == 302
    assert not AdverseEventReview.objects.exists()


def test_superuser_cannot_edit_an_ae_in_the_admin_either(client, enrolled, report_ae):
    # Entry goes through the eCRF action (numbering, timing, DLT flag, cross-form rules).
    ae = report_ae(enrolled)
    admin_user = get_user_model().objects.create_superuser("root", password="x-y-z-w-v")
    client.force_login(admin_user)
    assert b'name="_save"' not in client.get(change_url(ae)).content
    assert client.post(change_url(ae), {"grade": "2"}).status_code == 403


def test_filters_and_search(client, enrolled, report_ae, monitor_guangzhou, make_session):
    now = timezone.now()
    plain = report_ae(enrolled)
    overdue = report_ae(enrolled, sae=sae_values(now - dt.timedelta(hours=25)), **serious())
    running = report_ae(enrolled, sae=sae_values(now - dt.timedelta(hours=1)), **serious())
    session = make_session(enrolled, start=now - dt.timedelta(hours=30))
    onset = timezone.localtime(session.started_at + dt.timedelta(hours=1))
    dlt = report_ae(
        enrolled,
        ctcae_code=HYPOTENSION,
        grade=3,
        related_device="possible",
        onset_date=onset.date(),
        onset_time=onset.time().replace(second=0, microsecond=0),
        resolved_date=onset.date(),
    )
    AdverseEvent.objects.filter(pk=dlt.pk).update(dlt=True)  # the SEC's adjudication
    client.force_login(monitor_guangzhou)
    base = reverse(CHANGELIST)
    cases = {
        "": {plain.pk, overdue.pk, running.pk, dlt.pk},
        f"?study={enrolled.study_id}&site={enrolled.site_id}": {
            plain.pk,
            overdue.pk,
            running.pk,
            dlt.pk,
        },
        "?grade__exact=3": {dlt.pk},
        "?serious__exact=1": {overdue.pk, running.pk},
        "?related=any": {dlt.pk},
        "?related=device": {dlt.pk},
        "?related=cells": set(),
        "?related=none": {plain.pk, overdue.pk, running.pk},
        "?dlt_candidate__exact=1": {dlt.pk},
        "?dlt__exact=1": {dlt.pk},
        "?sae_clock=overdue": {overdue.pk},
        "?sae_clock=open": {overdue.pk, running.pk},
        "?reviewed=no": {plain.pk, overdue.pk, running.pk, dlt.pk},
        "?q=Hypotension": {dlt.pk},
        f"?q={enrolled.screening_number}": {plain.pk, overdue.pk, running.pk, dlt.pk},
    }
    for query, expected in cases.items():
        response = client.get(base + query)
        assert response.status_code == 200, query
        assert listed(response) == expected, query


def test_changelist_query_count_does_not_grow_with_aes(
    client, qh1a, make_subject, report_ae, monitor_guangzhou, django_assert_max_num_queries
):
    # Issue 3: quick with 100,000 AEs: the page's queries do not depend on its rows.
    subjects = [make_subject(qh1a, "screening") for _ in range(3)]

    def add(n):
        for i in range(n):
            subject = subjects[i % 3]
            if i % 2:
                report_ae(subject, sae=sae_values(), **serious())
            else:
                report_ae(subject, ctcae_code=HYPOTENSION, grade=1 + i % 3)

    add(5)
    client.force_login(monitor_guangzhou)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse(CHANGELIST))
    add(25)
    AdverseEventReview.objects.bulk_create(
        AdverseEventReview(adverse_event=ae, reviewer=monitor_guangzhou)
        for ae in AdverseEvent.objects.all()[:10]
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(CHANGELIST) + "?related=none&reviewed=no")
    assert len(response.context["cl"].result_list) == 20


def test_change_page_shows_labs_within_3_days_of_onset(
    client, enrolled, report_ae, monitor_guangzhou
):
    # Issue 3 [PROP]: the labs around onset, within ± SafetyRules.ae_review_lab_days (3).
    onset = enrolled.consent_date + dt.timedelta(days=1)
    ae = report_ae(enrolled, onset_date=onset, resolved_date=onset)
    by = enrolled.created_by
    for timepoint, days, value in [("IN", 3, "55"), ("OUT", 4, "99")]:
        sampled = dt.datetime.combine(onset - dt.timedelta(days=days), dt.time(8), tzinfo=SHANGHAI)
        panel = LabPanel.objects.create(
            subject=enrolled, panel="LIVER", timepoint=timepoint, sampled_at=sampled, created_by=by
        )
        LabResult.objects.create(
            panel=panel,
            subject=enrolled,
            sampled_at=sampled,
            test_code="ALT",
            value=Decimal(value),
            standard_value=Decimal(value),
            unit="U/L",
            created_by=by,
        )
    client.force_login(monitor_guangzhou)
    page = client.get(change_url(ae))
    assert [lab.value for lab in page.context["labs"]] == [Decimal("55")]


def test_each_ae_row_and_page_link_to_the_subjects_casebook(
    client, enrolled, report_ae, monitor_guangzhou
):
    # Issue 19 item 7: "The subject link leads to an admin page with no way to the casebook."
    ae = report_ae(enrolled)
    casebook = reverse(
        "ecrf:casebook", args=[enrolled.study.registry_id, enrolled.screening_number]
    )
    link = f'<a class="casebook-link" href="{casebook}">'
    client.force_login(monitor_guangzhou)
    assert link in client.get(reverse(CHANGELIST)).content.decode()
    assert link in client.get(change_url(ae)).content.decode()


def test_the_bulk_review_page_shows_each_aes_details_clocks_and_labs(
    client, enrolled, report_ae, monitor_guangzhou
):
    first, second = report_ae(enrolled, grade=2), report_ae(enrolled, verbatim_term="Chills")
    client.force_login(monitor_guangzhou)
    data = {"action": "record_review", ACTION_CHECKBOX_NAME: [first.pk, second.pk]}
    content = client.post(reverse(CHANGELIST), data).content.decode()
    assert content.count('class="ae-review-item"') == 2
    assert "Verbatim term: Chills" in content and "Lab results within ±3 days of onset" in content
    assert "Not serious: no reporting clock." in content
