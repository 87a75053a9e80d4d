"""Query screens: the happy path, bad input (422 at the field, nothing typed lost),
another site's user (404) and a role that may not take the step (403); the counts on the
study, casebook and form pages, and the work lists of each role."""

import pytest
from django.urls import reverse

from ecrf.actions import queries
from ecrf.models import DataQuery
from tests.queries.conftest import url

pytestmark = pytest.mark.django_db


def casebook_url(subject):
    return reverse(
        "ecrf:casebook",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def new_url(subject):
    return url("query_new", subject.study, number=subject.screening_number)


def record_value(record):
    return queries.record_key(record)


# --- Raising -------------------------------------------------------------------------------


def test_monitor_raises_a_field_query_from_the_casebook(client, session, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    subject = session.subject
    page = client.get(new_url(subject) + f"?record={record_value(session)}")
    assert page.status_code == 200
    assert page.context["form"]["record"].value() == record_value(session)
    response = client.post(
        new_url(subject),
        {"record": record_value(session), "field": "cell_lot", "text": "Lot number on CoA?"},
    )
    query = DataQuery.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("query_detail", subject.study, pk=query.pk)
    assert (query.field, query.raised_by, query.record) == ("cell_lot", monitor_guangzhou, session)


def test_raising_without_text_is_422_at_the_field(client, session, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    response = client.post(
        new_url(session.subject),
        {"record": record_value(session), "field": "cell_lot", "text": "   "},
    )
    assert response.status_code == 422
    form = response.context["form"]
    assert "text" in form.errors
    assert form["field"].value() == "cell_lot" and form["record"].value() == record_value(session)
    assert not DataQuery.objects.exists()


def test_a_field_of_another_form_is_422_at_the_field(client, session, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    response = client.post(
        new_url(session.subject),
        {"record": record_value(session.subject), "field": "cell_lot", "text": "?"},
    )
    assert response.status_code == 422 and "field" in response.context["form"].errors


def test_site_staff_may_not_raise(client, session, staff_guangzhou):
    client.force_login(staff_guangzhou)
    assert client.get(new_url(session.subject)).status_code == 403


def test_another_sites_monitor_gets_404(client, query, monitor_beijing):
    client.force_login(monitor_beijing)
    study = query.study
    assert client.get(new_url(query.subject)).status_code == 404
    assert client.get(url("query_detail", study, pk=query.pk)).status_code == 404
    response = client.post(url("query_close", study, pk=query.pk), {"close-text": ""})
    assert response.status_code == 404


# --- The thread ----------------------------------------------------------------------------


def test_staff_answers_then_monitor_closes_and_reopens(
    client, query, staff_guangzhou, monitor_guangzhou
):
    study = query.study
    client.force_login(staff_guangzhou)
    page = client.get(url("query_detail", study, pk=query.pk))
    assert page.context["answer_form"] is not None and page.context["close_form"] is None
    response = client.post(url("query_answer", study, pk=query.pk), {"answer-text": "Was 150."})
    assert response.status_code == 302
    query.refresh_from_db()
    assert query.status == "answered"

    client.force_login(monitor_guangzhou)
    page = client.get(url("query_detail", study, pk=query.pk))
    assert page.context["answer_form"] is None and page.context["close_form"] is not None
    assert b"Was 150." in page.content
    assert (
        client.post(url("query_close", study, pk=query.pk), {"close-text": ""}).status_code == 302
    )
    response = client.post(url("query_reopen", study, pk=query.pk), {"reopen-text": "Not fixed."})
    assert response.status_code == 302
    query.refresh_from_db()
    assert query.status == "open"


def test_empty_answer_is_422_at_the_field(client, query, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.post(url("query_answer", query.study, pk=query.pk), {"answer-text": " "})
    assert response.status_code == 422
    assert "text" in response.context["answer_form"].errors
    query.refresh_from_db()
    assert query.status == "open"


def test_roles_that_may_not_take_a_step_get_403(client, query, staff_guangzhou, monitor_guangzhou):
    study = query.study
    client.force_login(monitor_guangzhou)
    assert (
        client.post(url("query_answer", study, pk=query.pk), {"answer-text": "x"}).status_code
        == 403
    )
    client.force_login(staff_guangzhou)
    assert (
        client.post(url("query_close", study, pk=query.pk), {"close-text": ""}).status_code == 403
    )
    assert (
        client.post(url("query_reopen", study, pk=query.pk), {"reopen-text": "x"}).status_code
        == 403
    )


def test_a_refused_step_shows_the_rule(client, query, staff_guangzhou, monitor_guangzhou):
    queries.query_close(query=query, by=monitor_guangzhou)
    client.force_login(monitor_guangzhou)
    response = client.post(url("query_close", query.study, pk=query.pk), {"close-text": ""})
    assert response.status_code == 422 and b"QUERY-STATUS" in response.content


# --- Counts --------------------------------------------------------------------------------


def test_open_query_counts_on_study_casebook_and_forms(
    client, query, session, make_subject, make_session, monitor_guangzhou, staff_guangzhou
):
    subject = session.subject
    other = make_subject(subject.study, "enrolled")
    queries.query_raise(record=subject, text="Weight?", by=monitor_guangzhou)
    answered = queries.query_raise(record=session, text="Catheter?", by=monitor_guangzhou)
    queries.query_answer(query=answered, text="12 Fr.", by=staff_guangzhou)  # no longer open
    client.force_login(staff_guangzhou)

    study_page = client.get(
        reverse("ecrf:study", kwargs={"registry_id": subject.study.registry_id})
    )
    assert study_page.context["open_queries_total"] == 2
    counts = {s.screening_number: s.open_queries for s in study_page.context["subjects"]}
    assert counts == {subject.screening_number: 2, other.screening_number: 0}

    casebook = client.get(casebook_url(subject))
    assert b'id="subject-queries"' in casebook.content
    assert b'data-open-queries="2"' in casebook.content

    detail = client.get(
        reverse(
            "ecrf:session_detail",
            kwargs={
                "registry_id": subject.study.registry_id,
                "number": subject.screening_number,
                "session_number": session.number,
            },
        )
    )
    assert b'id="record-queries"' in detail.content and b'data-open-queries="1"' in detail.content


def test_ae_detail_page_shows_its_queries(
    client, subject, investigator_guangzhou, monitor_guangzhou
):
    from ecrf.actions.adverse_events import ae_report
    from tests.adverse_events.conftest import ae_values

    ae = ae_report(subject=subject, by=investigator_guangzhou, sae=None, **ae_values(subject))
    queries.query_raise(record=ae, field="grade", text="Grade 1 fever?", by=monitor_guangzhou)
    client.force_login(monitor_guangzhou)
    page = client.get(
        reverse(
            "ecrf:ae_detail",
            kwargs={
                "registry_id": subject.study.registry_id,
                "number": subject.screening_number,
                "ae_number": ae.number,
            },
        )
    )
    assert b'data-open-queries="1"' in page.content
    assert new_url(subject).encode() in page.content  # the monitor may raise another


# --- Work lists ----------------------------------------------------------------------------


def test_work_lists_per_role(client, query, session, staff_guangzhou, monitor_guangzhou):
    answered = queries.query_raise(record=session, text="Flow?", by=monitor_guangzhou)
    queries.query_answer(query=answered, text="120.", by=staff_guangzhou)

    client.force_login(staff_guangzhou)
    home = client.get(reverse("ecrf:home"))
    assert b'id="queries-waiting"' in home.content
    waiting = client.get(reverse("ecrf:query_waiting"))
    assert [q.pk for q in waiting.context["queries"]] == [query.pk]  # open: the site's turn

    client.force_login(monitor_guangzhou)
    waiting = client.get(reverse("ecrf:query_waiting"))
    assert [q.pk for q in waiting.context["queries"]] == [answered.pk]  # answered: monitor's

    listing = client.get(url("query_list", query.study), {"scope": "waiting"})
    assert [q.pk for q in listing.context["queries"]] == [answered.pk]
    listing = client.get(url("query_list", query.study), {"status": "open"})
    assert [q.pk for q in listing.context["queries"]] == [query.pk]
    listing = client.get(url("query_list", query.study), {"record": record_value(session)})
    assert {q.pk for q in listing.context["queries"]} == {query.pk, answered.pk}


def test_mine_lists_queries_i_raised_or_answered(
    client, query, subject, staff_guangzhou, datamanager_guangzhou
):
    other = queries.query_raise(record=subject, text="Height?", by=datamanager_guangzhou)
    client.force_login(datamanager_guangzhou)
    listing = client.get(url("query_list", query.study), {"scope": "mine"})
    assert [q.pk for q in listing.context["queries"]] == [other.pk]
    queries.query_answer(query=query, text="Fixed.", by=staff_guangzhou)
    client.force_login(staff_guangzhou)
    listing = client.get(url("query_list", query.study), {"scope": "mine"})
    assert [q.pk for q in listing.context["queries"]] == [query.pk]


def test_another_sites_user_sees_no_list(client, query, staff_beijing):
    client.force_login(staff_beijing)
    assert client.get(url("query_list", query.study)).status_code == 404
    assert list(client.get(reverse("ecrf:query_waiting")).context["queries"]) == []


# --- Query counts do not grow with rows ----------------------------------------------------


def test_pages_query_count_does_not_grow_with_rows(
    client, session, monitor_guangzhou, make_subject, django_assert_max_num_queries
):
    subject = session.subject
    study = subject.study
    queries.query_raise(record=session, text="Q1", by=monitor_guangzhou)
    client.force_login(monitor_guangzhou)
    pages = [
        url("query_list", study),
        reverse("ecrf:query_waiting"),
        reverse("ecrf:study", kwargs={"registry_id": study.registry_id}),
        new_url(subject),
        reverse(
            "ecrf:session_detail",
            kwargs={
                "registry_id": study.registry_id,
                "number": subject.screening_number,
                "session_number": 1,
            },
        ),
    ]
    first = {}
    for page in pages:
        with django_assert_max_num_queries(40) as few:
            assert client.get(page).status_code == 200
        first[page] = len(few.captured_queries)
    for n in range(8):
        other = make_subject(study, "screening")
        queries.query_raise(record=other, text=f"Other {n}", by=monitor_guangzhou)
        queries.query_raise(record=session, field="cell_lot", text=f"Q{n}", by=monitor_guangzhou)
        queries.query_raise(record=subject, text=f"S{n}", by=monitor_guangzhou)
    for page in pages:
        with django_assert_max_num_queries(first[page]):
            assert client.get(page).status_code == 200


# --- The query beside the field it asks about (issue 19 item 7) ---------------------------


def test_staff_correcting_a_field_see_the_query_beside_it(
    client, query, session, staff_guangzhou, monitor_guangzhou
):
    # A query on the form as a whole shows at the form's top.
    queries.query_raise(record=session, text="Is the end time the pump's?", by=monitor_guangzhou)
    client.force_login(staff_guangzhou)
    edit = url(
        "session_edit",
        session.subject.study,
        number=session.subject.screening_number,
        session_number=session.number,
    )
    content = client.get(edit).content.decode()
    beside = content.index(
        f'class="alert alert-warning py-1 px-2 mt-1 mb-0 small field-query" data-query="{query.pk}"'
    )
    field = content.index('name="blood_flow_ml_min"')
    assert field < beside  # after its input, before the next field
    assert content.index('name="', field + 1) > beside
    assert "Blood flow 120? Source says 150." in content
    assert content.count('class="alert alert-warning py-1 px-2 small form-query"') == 1
    assert "Is the end time the pump&#x27;s?" in content
    # A closed query no longer shows.
    queries.query_answer(query=query, text="150, corrected.", by=staff_guangzhou)
    queries.query_close(query=query, by=monitor_guangzhou)
    assert "Blood flow 120?" not in client.get(edit).content.decode()
