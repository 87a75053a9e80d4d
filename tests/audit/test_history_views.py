"""The history pages: read-only, for every member of the subject's site (monitors too),
404 for another site; each event shows when (site time), who, what changed (old → new),
the reason and the request id. The CSV export has one row per changed field."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from ecrf import audit
from ecrf.models import EligibilityAnswer, SessionInterruption
from tests.conftest import demographics

pytestmark = pytest.mark.django_db


def history_url(subject, *, csv=False):
    name = "ecrf:audit_subject_history_csv" if csv else "ecrf:audit_subject_history"
    return reverse(
        name,
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def record_url(subject, model, pk, *, csv=False):
    name = "ecrf:audit_record_history_csv" if csv else "ecrf:audit_record_history"
    return reverse(
        name,
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            "model": model,
            "pk": pk,
        },
    )


def edit(client, subject, **changes):
    url = reverse(
        "ecrf:subject_edit",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )
    values = {k: ("" if v is None else v) for k, v in demographics(**changes).items()}
    # The registration was saved complete: a change carries its reason (issue 4).
    values |= {
        "version": subject.version,
        "change_reason": "entry_error",
        "change_reason_detail": "typed from the wrong chart",
    }
    response = client.post(url, values, HTTP_X_REQUEST_ID="edit-request-0001")
    assert response.status_code == 302


def test_member_sees_the_subjects_history_in_site_time(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    edit(client, subject, weight_kg="70.5")
    response = client.get(history_url(subject))
    assert response.status_code == 200
    entries = response.context["entries"]
    forms = {entry.model_label for entry in entries}
    assert {"ecrf.subject", "ecrf.eligibilityanswer"} <= forms
    content = response.content.decode()
    assert "65</del> → <ins>70.5" in content and "edit-request-0001" in content
    assert "staff_gz" in content
    assert "Data entry error" in content and "typed from the wrong chart" in content
    # References read as names: the user who entered the row, the site.
    created = next(e for e in entries if e.model_label == "ecrf.subject" and e.action == "insert")
    shown = {c.column: c.new_display for c in created.changes}
    assert shown["created_by_id"] == "entry_SYSU3" and shown["site_id"] == "SYSU3"
    # Site time: Asia/Shanghai, UTC+8 all year.
    edited = [e for e in entries if e.action == "update"][-1]
    local = timezone.localtime(edited.at, dt.timezone(dt.timedelta(hours=8)))
    assert local.isoformat(timespec="seconds") in content  # ISO 8601 with the offset


def test_another_sites_user_gets_404(client, qh1a, cips, staff_beijing, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_beijing)
    assert client.get(history_url(subject)).status_code == 404
    assert client.get(history_url(subject, csv=True)).status_code == 404
    assert client.get(record_url(subject, "ecrf.subject", subject.pk)).status_code == 404


def test_monitor_reads_the_history_but_cannot_post(client, qh1a, monitor_guangzhou, make_subject):
    subject = make_subject(qh1a)
    client.force_login(monitor_guangzhou)
    assert client.get(history_url(subject)).status_code == 200
    assert client.get(record_url(subject, "ecrf.subject", subject.pk)).status_code == 200
    assert client.post(history_url(subject), {}).status_code == 405
    assert client.post(record_url(subject, "ecrf.subject", subject.pk), {}).status_code == 405


def test_history_requires_login(client, qh1a, make_subject):
    subject = make_subject(qh1a)
    assert client.get(history_url(subject)).status_code == 302


def test_one_forms_history(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    other = make_subject(qh1a, "eligible")
    answer = subject.eligibility_answers.first()
    EligibilityAnswer.objects.filter(pk=answer.pk).update(answer=not answer.answer)
    client.force_login(staff_guangzhou)
    response = client.get(record_url(subject, "ecrf.eligibilityanswer", answer.pk))
    assert response.status_code == 200
    entries = response.context["entries"]
    assert [e.action for e in entries] == ["insert", "update"]
    assert {e.record_id for e in entries} == {str(answer.pk)}
    # Another subject's record, an unknown form, a model not in any casebook: 404.
    other_answer = other.eligibility_answers.first()
    for model, pk in [
        ("ecrf.eligibilityanswer", other_answer.pk),
        ("ecrf.subject", other.pk),
        ("ecrf.nosuchform", 1),
        ("ecrf.membership", staff_guangzhou.memberships.get().pk),
        ("auth.user", staff_guangzhou.pk),
    ]:
        assert client.get(record_url(subject, model, pk)).status_code == 404, model


def test_logs_below_a_session_are_in_the_subjects_history(
    client, qh1a, staff_guangzhou, make_subject, make_session
):
    # A session interruption points at its session, not at the subject.
    subject = make_subject(qh1a, "enrolled")
    session = make_session(subject)
    interruption = SessionInterruption.objects.create(
        session=session,
        started_at=session.started_at + dt.timedelta(minutes=30),
        ended_at=session.started_at + dt.timedelta(minutes=40),
        reason="hypotension",
        outcome="resumed",
        created_by=subject.created_by,
    )
    other = make_subject(qh1a, "enrolled")
    make_session(other)
    labels = {(e.model_label, e.record_id) for e in audit.subject_history(subject)}
    assert ("ecrf.treatmentsession", str(session.pk)) in labels
    assert ("ecrf.sessioninterruption", str(interruption.pk)) in labels
    assert not any(
        e.model_label == "ecrf.treatmentsession" and e.record_id != str(session.pk)
        for e in audit.subject_history(subject)
    )
    client.force_login(staff_guangzhou)
    page = client.get(record_url(subject, "ecrf.sessioninterruption", interruption.pk))
    assert page.status_code == 200 and "Hypotension" in page.content.decode()
    assert (
        client.get(record_url(other, "ecrf.sessioninterruption", interruption.pk)).status_code
        == 404
    )


def test_history_queries_do_not_grow_with_events(
    client, qh1a, staff_guangzhou, make_subject, make_session, django_assert_max_num_queries
):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    with django_assert_max_num_queries(20) as few:
        client.get(history_url(subject))
    for number in range(1, 4):
        session = make_session(subject, number=number)
        SessionInterruption.objects.create(
            session=session,
            started_at=session.started_at,
            reason="hypotension",
            outcome="resumed",
            created_by=subject.created_by,
        )
    for answer in subject.eligibility_answers.all():
        EligibilityAnswer.objects.filter(pk=answer.pk).update(criterion_text="reworded")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(history_url(subject))
    assert len(response.context["entries"]) > 20


def test_csv_export_has_one_row_per_changed_field(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a)
    client.force_login(staff_guangzhou)
    edit(client, subject, weight_kg="70.5", consent_version="=HYPERLINK(1)")
    response = client.get(history_url(subject, csv=True))
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == audit.CSV_COLUMNS
    weight = [r for r in rows if r["field"] == "weight_kg" and r["action"] == "update"]
    assert len(weight) == 1
    assert weight[0]["old_value"] == "65.0" and weight[0]["new_value"] == "70.5"
    assert weight[0]["username"] == "staff_gz"
    assert weight[0]["request_id"] == "edit-request-0001"
    assert weight[0]["reason"] == "Data entry error"
    assert weight[0]["reason_detail"] == "typed from the wrong chart"
    assert weight[0]["changed_at_utc"].endswith("+00:00")
    assert weight[0]["changed_at_site"].endswith("+08:00")
    # The same update event lists each changed field on its own row.
    same_event = [
        r for r in rows if r["request_id"] == "edit-request-0001" and r["action"] == "update"
    ]
    assert {r["field"] for r in same_event} >= {"weight_kg", "consent_version", "version"}
    # A spreadsheet formula typed into a field is neutralised.
    formula = [r for r in same_event if r["field"] == "consent_version"][0]
    assert formula["new_value"] == "'=HYPERLINK(1)"
    # Record CSV: the same, for one form.
    one = client.get(record_url(subject, "ecrf.subject", subject.pk, csv=True))
    assert b"".join(one.streaming_content).decode().count("weight_kg") == 2  # insert, update
