"""The database itself refuses to alter the audit trail: 21 CFR 11.10(e), "Record changes
shall not obscure previously recorded information". Raw SQL, the most direct path a
privileged user has, is refused as well as the ORM. The app's own role is refused by its
privileges first (ecrf/privileges.py); tests/audit/test_database_roles.py shows the
triggers refuse the tables' owner too."""

import pghistory
import pytest
from django.db import DatabaseError, connection, transaction

from ecrf.models import AuditContext, LoginEvent, LoginEventKind, Subject

pytestmark = pytest.mark.django_db


def run(sql, params=()):
    # A savepoint, so the refused statement does not end the test's transaction.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


# The app's role has no UPDATE or DELETE privilege on an audit table.
NOT_PERMITTED = "permission denied for table"


def test_raw_update_and_delete_of_an_event_are_refused(qh1a, make_subject):
    subject = make_subject(qh1a)
    Subject.objects.filter(pk=subject.pk).update(weight_kg="70.0")
    assert subject.events.count() == 2
    with pytest.raises(DatabaseError, match=NOT_PERMITTED):
        run("UPDATE ecrf_subjectevent SET weight_kg = 99 WHERE pgh_obj_id = %s", [subject.pk])
    with pytest.raises(DatabaseError, match=NOT_PERMITTED):
        run("DELETE FROM ecrf_subjectevent WHERE pgh_obj_id = %s", [subject.pk])
    assert [float(e.weight_kg) for e in subject.events.order_by("pgh_id")] == [65.0, 70.0]


def test_every_event_table_is_append_only(qh1a, make_subject):
    # Each audited model's event table carries the protection, not only the subject's.
    make_subject(qh1a, "enrolled")
    for table in ["ecrf_eligibilityanswerevent", "ecrf_enrolmentevent", "ecrf_membershipevent"]:
        with pytest.raises(DatabaseError, match=NOT_PERMITTED):
            run(f"DELETE FROM {table}")  # noqa: S608  fixed table names


def test_audit_context_rows_cannot_be_deleted_or_rewritten(staff_guangzhou):
    # A write with a context (as in a request) creates the context row.
    with pghistory.context(user=staff_guangzhou.pk, username="staff_gz", request_id="r-12345678"):
        staff_guangzhou.memberships.update(role="investigator")
    context = AuditContext.objects.get()
    with pytest.raises(DatabaseError, match=NOT_PERMITTED):
        run("DELETE FROM pghistory_context")
    with pytest.raises(DatabaseError, match="Cannot update rows"):
        run("""UPDATE pghistory_context SET metadata = '{"username": "someone else"}'""")
    with pytest.raises(DatabaseError, match="Cannot update rows"):
        run("UPDATE pghistory_context SET metadata = metadata - 'username'")
    # Adding to a context is what pghistory does while a request runs: allowed.
    run("""UPDATE pghistory_context SET metadata = metadata || '{"extra": 1}'""")
    context.refresh_from_db()
    assert context.metadata["username"] == "staff_gz" and context.metadata["extra"] == 1


def test_login_events_cannot_be_altered(staff_guangzhou):
    event = LoginEvent.objects.create(kind=LoginEventKind.LOGIN_FAILED, username="staff_gz")
    with pytest.raises(DatabaseError, match=NOT_PERMITTED):
        run("UPDATE ecrf_loginevent SET username = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError, match=NOT_PERMITTED):
        with transaction.atomic():
            event.delete()
