"""Issue 4 item 3: study data is never deleted; a record entered in error is voided with
a reason, stays in the history, and no longer counts."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from ecrf import audit
from ecrf.actions import ProtocolRefusal
from ecrf.actions import sessions as session_actions
from ecrf.actions.integrity import record_void
from ecrf.models import AdverseEvent, LabResult, SessionInterruption, TreatmentSession
from tests.integrity.conftest import void_url
from tests.labs.conftest import panel_url
from tests.labs.test_lab_entry import correct_panel
from tests.sessions.conftest import at, days, session_values
from tests.sessions.test_session_rules import interruption


def subject_url(name, subject):
    return reverse(
        f"ecrf:{name}",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


# --- The database refuses DELETE ------------------------------------------------------------


@pytest.mark.parametrize("table", ["ecrf_adverseevent", "ecrf_subject"])
def test_raw_sql_delete_on_a_study_table_is_refused(fever, table):
    # Issue 4: "Study data is never deleted", whichever path asks (here raw SQL).
    with pytest.raises(DatabaseError, match="permission denied for table"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")
    assert AdverseEvent.objects.filter(pk=fever.pk).exists()


def test_orm_delete_of_a_lab_result_is_refused(client, staff_guangzhou, treated, post_panel):
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", at(days(-3)), BILI="30")
    with pytest.raises(DatabaseError, match="permission denied for table"), transaction.atomic():
        LabResult.objects.all().delete()
    assert LabResult.objects.count() == 1


def test_a_voided_row_has_a_reason(fever):
    # The named constraint: voided => reason (issue 4: "marked entered in error with a reason").
    with pytest.raises(IntegrityError, match="adverseevent_voided_has_reason"):
        with transaction.atomic():
            AdverseEvent.objects.filter(pk=fever.pk).update(voided_at=fever.created_at)


# --- Voiding through the page ---------------------------------------------------------------


def test_void_an_ae_records_who_when_why_and_keeps_it_listed_and_in_history(
    client, fever, staff_guangzhou
):
    client.force_login(staff_guangzhou)
    page = client.get(void_url(fever))
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    response = client.post(void_url(fever), {"reason": "Entered for the wrong subject"})
    assert response.status_code == 302
    assert response["Location"] == subject_url("ae_list", fever.subject)
    ae = AdverseEvent.all_objects.get(pk=fever.pk)
    assert ae.voided_by == staff_guangzhou and ae.voided_at is not None
    assert ae.void_reason == "Entered for the wrong subject" and ae.version == fever.version + 1
    assert not AdverseEvent.objects.filter(pk=fever.pk).exists()  # out of the live records
    listing = client.get(subject_url("ae_list", fever.subject)).content.decode()
    assert "voided" in listing and "Entered for the wrong subject" in listing
    history = client.get(subject_url("audit_subject_history", fever.subject))
    assert history.status_code == 200
    text = history.content.decode()
    assert "Entered for the wrong subject" in text and "Entered in error" in text


def test_void_needs_a_reason(client, fever, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.post(void_url(fever), {"reason": "   "})
    assert response.status_code == 422 and "reason" in response.context["form"].errors
    assert AdverseEvent.objects.filter(pk=fever.pk).exists()


def test_monitor_cannot_void(client, fever, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    assert client.get(void_url(fever)).status_code == 403
    assert client.post(void_url(fever), {"reason": "x"}).status_code == 403
    assert AdverseEvent.objects.filter(pk=fever.pk).exists()


def test_another_sites_user_gets_404(client, fever, staff_beijing):
    client.force_login(staff_beijing)
    assert client.post(void_url(fever), {"reason": "x"}).status_code == 404
    assert AdverseEvent.objects.filter(pk=fever.pk).exists()


def test_the_action_refuses_a_monitor(fever, monitor_guangzhou):
    with pytest.raises(ProtocolRefusal) as refusal:
        record_void(record=fever, by=monitor_guangzhou, reason="x")
    assert refusal.value.refusals[0].rule == "VOID-ROLE"


def test_voiding_a_session_voids_its_logs_and_flags_it_on_the_casebook(
    client, qh1a, make_subject, staff_guangzhou
):
    subject = make_subject(qh1a, "enrolled")
    start = at(days(-1))
    session = session_actions.session_record(
        subject=subject,
        by=staff_guangzhou,
        values=session_values(start, 270),
        interruptions=[interruption(start + dt.timedelta(minutes=30), 30)],
    )
    client.force_login(staff_guangzhou)
    detail = reverse(
        "ecrf:session_detail",
        kwargs={
            "registry_id": qh1a.registry_id,
            "number": subject.screening_number,
            "session_number": 1,
        },
    )
    assert void_url(session) in client.get(detail).content.decode()
    response = client.post(void_url(session), {"reason": "Recorded for the wrong day"})
    assert response.status_code == 302
    assert not TreatmentSession.objects.filter(subject=subject).exists()
    assert SessionInterruption.all_objects.get().void_reason == "Recorded for the wrong day"
    casebook = client.get(subject_url("casebook", subject)).content.decode()
    assert "voided" in casebook and "Recorded for the wrong day" in casebook


# --- Rows removed from a form are voided ----------------------------------------------------


def test_an_interruption_removed_from_the_form_is_voided_and_no_longer_counts(
    qh1a, make_subject, staff_guangzhou
):
    # Spec §3.1: net = gross - interruptions; issue 4: removed rows are voided, not deleted.
    subject = make_subject(qh1a, "enrolled")
    start = at(days(-1))
    session = session_actions.session_record(
        subject=subject,
        by=staff_guangzhou,
        values=session_values(start, 270),
        interruptions=[interruption(start + dt.timedelta(minutes=30), 30)],
    )
    assert session.net_minutes == 240
    row = session.interruptions.get()
    with audit.reason("entry_error", "no interruption in the source"):
        session_actions.session_update(
            session=session,
            by=staff_guangzhou,
            values=session_values(start, 270),
            interruptions=[{"id": row.pk, "delete": True, **interruption(row.started_at, 30)}],
        )
    session.refresh_from_db()
    assert session.net_minutes == 270 and session.interruption_minutes == 0
    voided = SessionInterruption.all_objects.get(pk=row.pk)
    assert voided.voided_by == staff_guangzhou
    assert voided.void_reason == "Removed from the form by staff_gz"


def test_a_cleared_lab_test_is_voided_and_can_be_entered_again(
    client, treated, staff_guangzhou, post_panel
):
    client.force_login(staff_guangzhou)
    when = at(days(-3))
    post_panel(treated, "BASELINE", "LIVER", when, BILI="30", ALT="40")
    correct_panel(client, treated, "BASELINE", "LIVER", when, BILI="35")  # ALT cleared
    alt = LabResult.all_objects.get(test_code="ALT")
    assert alt.voided_at is not None and "Removed from the form" in alt.void_reason
    assert client.get(panel_url(treated, "BASELINE", "LIVER")).status_code == 200
    assert list(alt.panel.results.values_list("test_code", flat=True)) == ["BILI"]
    correct_panel(client, treated, "BASELINE", "LIVER", when, BILI="35", ALT="45")
    live = LabResult.objects.get(test_code="ALT")
    assert live.pk != alt.pk and live.standard_value == D("45")
    assert LabResult.all_objects.filter(test_code="ALT").count() == 2
