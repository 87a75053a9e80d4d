"""Fuzzing adverse events (spec §2.11, §2.12): the AE form with its SAE supplement, new and
corrected, the monitors' review in the admin; and data queries (issue 4): raised by a
monitor, answered by the site, closed and reopened."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from ecrf.models import (
    AdverseEvent,
    AdverseEventReview,
    DataQuery,
    DataQueryMessage,
    SaeReport,
)
from tests.fuzz.conftest import SESSION_START, local, subject_url
from tests.fuzz.harness import FormPage, attempt, submissions

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def ae_rules(row):
    """Spec V14 and §2.12: resolution after onset, nothing dated in the future, grade 5
    exactly when fatal, a serious AE has a criterion and its supplement; reports follow
    awareness, and the 24-hour clock runs from awareness."""
    today = timezone.localdate()
    if isinstance(row, AdverseEvent):
        assert row.onset_date <= today
        assert row.resolved_date is None or row.onset_date <= row.resolved_date <= today
        assert (row.grade == 5) == (row.outcome == "fatal")
        assert 1 <= row.grade <= 5
    if isinstance(row, SaeReport):
        assert row.adverse_event.serious
        assert row.site_report_due_at == row.awareness_at + dt.timedelta(hours=24)
        if row.reported_to_sponsor_at:
            assert row.reported_to_sponsor_at >= row.awareness_at


def ae_post(onset: dt.datetime, **overrides) -> dict:
    """A serious grade-2 fever during the session, with its supplement (the page's POST)."""
    values = {
        "ctcae_code": "10016558",
        "verbatim_term": "Fever",
        "grade": "2",
        "onset_date": onset.date().isoformat(),
        "onset_time": onset.strftime("%H:%M"),
        "ongoing": "on",
        "serious": "on",
        "hospitalisation": "on",
        "related_device": "not_related",
        "related_cells": "possible",
        "related_procedure": "not_related",
        "expected": "false",
        "action_taken": "none",
        "outcome": "recovering",
        "sae-report_type": "initial",
        "sae-awareness_at": local(onset + dt.timedelta(hours=1)),
        "sae-narrative": "Fever during the session, admitted for observation.",
    }
    return values | overrides


@given(data=st.data())
def test_new_adverse_event(data, form_page, session, investigator_guangzhou):
    subject = session.subject
    client, page = form_page(investigator_guangzhou, subject_url("ae_new", subject))
    onset = timezone.localtime(SESSION_START + dt.timedelta(minutes=100))
    post = data.draw(submissions(page, ae_post(onset), max_changes=5))
    attempt(
        client,
        page,
        post,
        touched=[AdverseEvent, SaeReport],
        show=subject_url("ae_list", subject),
        invariants=ae_rules,
    )


@given(data=st.data())
def test_corrected_adverse_event(data, form_page, adverse_event, investigator_guangzhou):
    subject = adverse_event.subject
    url = subject_url("ae_edit", subject, ae_number=adverse_event.number)
    client, page = form_page(investigator_guangzhou, url)
    valid = {
        "grade": "2",
        "change_reason": "entry_error",
        "change_reason_detail": "grade",
        "sae-reported_to_sponsor_at": local(timezone.now() - dt.timedelta(hours=1)),
    }
    post = data.draw(submissions(page, valid, max_changes=5))
    attempt(
        client,
        page,
        post,
        touched=[AdverseEvent, SaeReport],
        show=subject_url("ae_detail", subject, ae_number=adverse_event.number),
        invariants=ae_rules,
    )


@given(data=st.data())
def test_monitor_review_in_the_admin(data, client, adverse_event, monitor_guangzhou):
    """The review button of the admin's AE page, and the list's review action."""
    client.force_login(monitor_guangzhou)
    review = reverse("admin:ecrf_adverseevent_review", args=[adverse_event.pk])
    changelist = reverse("admin:ecrf_adverseevent_changelist")
    action = {
        "action": ["record_review"],
        "_selected_action": [str(adverse_event.pk)],
        "apply": ["1"],
        "comment": ["Reviewed with the source."],
        "index": ["0"],
    }
    which = data.draw(st.sampled_from(["button", "action"]))
    if which == "button":
        page = FormPage(review, {})
        post = data.draw(submissions(page, {"comment": "Reviewed with the source."}))
    else:
        page = FormPage(changelist, {})
        post = data.draw(submissions(page, action))
    attempt(client, page, post, touched=[AdverseEventReview])


# --- Queries ------------------------------------------------------------------------------


def query_url(name, query):
    return reverse(f"ecrf:{name}", kwargs={"registry_id": query.study.registry_id, "pk": query.pk})


@given(data=st.data())
def test_raise_query(data, form_page, history, adverse_event, monitor_guangzhou):
    subject = history.subject
    client, page = form_page(monitor_guangzhou, subject_url("query_new", subject))
    valid = {"record": f"ecrf.medicalhistory:{history.pk}", "field": "term", "text": "Confirm?"}
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[DataQuery, DataQueryMessage],
        show=reverse("ecrf:query_list", kwargs={"registry_id": subject.study.registry_id}),
    )


@pytest.mark.parametrize("step", ["answer", "close"])
@given(data=st.data())
def test_query_steps(
    data, step, form_page, query, staff_guangzhou, monitor_guangzhou, investigator_guangzhou
):
    """The site answers an open query; the monitor closes it."""
    user = staff_guangzhou if step == "answer" else monitor_guangzhou
    client, page = form_page(
        user, query_url("query_detail", query), action=query_url(f"query_{step}", query)
    )
    post = data.draw(submissions(page, {f"{step}-text": "Start date confirmed in the chart."}))
    attempt(
        client,
        page,
        post,
        touched=[DataQuery, DataQueryMessage],
        show=query_url("query_detail", query),
    )


@pytest.fixture
def closed_query(query, monitor_guangzhou):
    from ecrf.actions import queries

    return queries.query_close(query=query, by=monitor_guangzhou, text="")


@given(data=st.data())
def test_query_reopen(data, form_page, closed_query, monitor_guangzhou):
    query = closed_query
    client, page = form_page(
        monitor_guangzhou, query_url("query_detail", query), action=query_url("query_reopen", query)
    )
    post = data.draw(submissions(page, {"reopen-text": "The date still differs."}))
    attempt(
        client,
        page,
        post,
        touched=[DataQuery, DataQueryMessage],
        show=query_url("query_detail", query),
    )
