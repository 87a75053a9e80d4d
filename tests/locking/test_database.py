"""Issue 4, item 8: "The database refuses changes to locked data." PostgreSQL's lock
trigger refuses every write path: raw SQL, a queryset update(), a model save()."""

import pytest
from django.db import DatabaseError, connection, transaction

from ecrf import locking as lock_state
from ecrf.actions import locking
from ecrf.actions import queries as query_actions
from ecrf.models import (
    LOCK_SQLSTATE,
    DataLock,
    DataQuery,
    DeviceCheck,
    LabPanel,
    LabResult,
    RecordLocked,
    SessionInterruption,
    Subject,
    TreatmentSession,
)


def copy_row_sql(model, pk) -> str:
    """INSERT ... SELECT: a copy of one row of the table, as a raw INSERT."""
    columns = ", ".join(f'"{f.column}"' for f in model._meta.concrete_fields if not f.primary_key)
    table = model._meta.db_table
    return f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table} WHERE id = {int(pk)}"


def refused(sql: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except DatabaseError as error:
        assert error.__cause__.sqlstate == LOCK_SQLSTATE, error
        return True
    return False


@pytest.mark.parametrize("level", ["frozen", "locked"])
def test_raw_sql_update_and_insert_on_a_locked_subject_are_refused(session, lock, level):
    # Issue 4: freeze (only queries allowed) or lock (nothing allowed) a subject.
    subject = session.subject
    lock(level, subject=subject)
    part = session.interruptions.get()
    assert refused(f"UPDATE ecrf_treatmentsession SET cell_lot = 'X' WHERE id = {session.pk}")
    assert refused(f"UPDATE ecrf_subject SET weight_kg = 70 WHERE id = {subject.pk}")
    assert refused(f"UPDATE ecrf_sessioninterruption SET reason = 'other' WHERE id = {part.pk}")
    assert refused(copy_row_sql(SessionInterruption, part.pk))
    session.refresh_from_db()
    assert session.cell_lot == "LOT-001" and session.interruptions.count() == 1


def test_a_queryset_update_is_refused_and_a_save_raises_record_locked(session, lock):
    lock("frozen", subject=session.subject)
    with pytest.raises(DatabaseError, match="is frozen"), transaction.atomic():
        TreatmentSession.objects.filter(pk=session.pk).update(cell_lot="X")
    session.cell_lot = "X"
    with pytest.raises(RecordLocked) as refusal, transaction.atomic():
        session.save()
    assert refusal.value.level == "frozen" and "only queries" in refusal.value.message


def test_release_restores_writes_and_keeps_the_lock_row(session, lock, datamanager_guangzhou):
    held = lock("locked", subject=session.subject)
    update = f"UPDATE ecrf_treatmentsession SET cell_lot = 'LOT-002' WHERE id = {session.pk}"
    assert refused(update)
    locking.lock_release(lock=held, reason="Query resolution after lock", by=datamanager_guangzhou)
    assert not refused(update)
    held.refresh_from_db()
    assert held.released_by == datamanager_guangzhou and held.released_at is not None
    assert held.release_reason == "Query resolution after lock"
    assert DataLock.objects.count() == 1  # released, not deleted
    with pytest.raises(DatabaseError, match="permission denied for table"), transaction.atomic():
        DataLock.objects.all().delete()


def test_a_study_lock_covers_every_subject_and_new_registrations(
    session, other_subject, lock, qh1a
):
    lock("locked", study=qh1a)
    for subject in (session.subject, other_subject):
        assert refused(f"UPDATE ecrf_subject SET weight_kg = 70 WHERE id = {subject.pk}")
    assert refused(copy_row_sql(Subject, other_subject.pk))
    assert lock_state.is_locked(other_subject) and lock_state.is_locked(session)


def test_a_study_lock_leaves_the_other_study_alone(session, lock, cips, make_subject):
    beijing_subject = make_subject(cips, "screening")
    lock("locked", study=session.subject.study)
    assert not refused(f"UPDATE ecrf_subject SET weight_kg = 70 WHERE id = {beijing_subject.pk}")


def test_a_form_lock_covers_the_form_and_its_parts_only(session, panel, lock):
    # Issue 4: "a single form can be locked"; a session's logs and checks are part of it.
    lock("locked", form=session)
    part = session.interruptions.get()
    assert refused(f"UPDATE ecrf_treatmentsession SET cell_lot = 'X' WHERE id = {session.pk}")
    assert refused(f"UPDATE ecrf_sessioninterruption SET reason = 'other' WHERE id = {part.pk}")
    assert refused(copy_row_sql(SessionInterruption, part.pk))
    for check in DeviceCheck.objects.filter(session=session):
        assert refused(f"UPDATE ecrf_devicecheck SET comment = 'x' WHERE id = {check.pk}")
    # The rest of the casebook is still open: the subject, the labs.
    result = panel.results.first()
    assert not refused(f"UPDATE ecrf_labresult SET unit = unit WHERE id = {result.pk}")
    assert not refused(f"UPDATE ecrf_labpanel SET laboratory = 'Lab 2' WHERE id = {panel.pk}")
    assert not refused(f"UPDATE ecrf_subject SET weight_kg = 70 WHERE id = {session.subject_id}")
    assert lock_state.is_locked(part) and not lock_state.is_locked(result)


def test_a_lab_panel_lock_covers_its_results(panel, lock):
    lock("locked", form=panel)
    result = panel.results.first()
    assert refused(f"UPDATE ecrf_labresult SET unit = unit WHERE id = {result.pk}")
    assert refused(copy_row_sql(LabResult, result.pk))
    assert LabPanel.objects.get(pk=panel.pk).laboratory == panel.laboratory


def test_queries_go_on_while_frozen_not_while_locked(
    session, lock, monitor_guangzhou, staff_guangzhou, datamanager_guangzhou
):
    # Issue 4: frozen = "only queries allowed"; locked = "nothing allowed".
    frozen = lock("frozen", subject=session.subject)
    query = query_actions.query_raise(record=session, text="Source says 150?", by=monitor_guangzhou)
    query_actions.query_answer(query=query, text="Corrected on source.", by=staff_guangzhou)
    locking.lock_set(
        study=session.subject.study,
        subject=session.subject,
        level="locked",
        reason="Database lock",
        by=datamanager_guangzhou,
    )
    frozen.refresh_from_db()
    assert frozen.released_at is not None  # the change of level released the freeze
    with pytest.raises(RecordLocked):
        query_actions.query_close(query=query, by=monitor_guangzhou)
    with pytest.raises(RecordLocked):
        query_actions.query_raise(record=session, text="Another one", by=monitor_guangzhou)
    assert refused(f"UPDATE ecrf_dataquery SET text = 'x' WHERE id = {query.pk}")
    assert DataQuery.objects.get(pk=query.pk).status == "answered"


def test_raw_sql_on_a_query_is_allowed_while_frozen(session, lock, monitor_guangzhou):
    query = query_actions.query_raise(record=session, text="Source?", by=monitor_guangzhou)
    lock("frozen", subject=session.subject)
    assert not refused(f"UPDATE ecrf_dataquery SET text = 'Source says?' WHERE id = {query.pk}")


def test_the_lock_tables_own_writes_are_not_refused(session, lock, datamanager_guangzhou):
    # The trigger must let the lock table itself be written (setting, releasing, re-setting).
    first = lock("locked", subject=session.subject)
    locking.lock_release(lock=first, reason="Correction", by=datamanager_guangzhou)
    again = lock("frozen", subject=session.subject)
    assert lock_state.subject_lock(session.subject) == again


def test_the_lifecycle_hook_is_locked(session, lock):
    # The form lifecycle asks is_locked(record); SDV and signatures go on while frozen.
    assert not lock_state.is_locked(session)
    lock("frozen", subject=session.subject)
    assert lock_state.is_locked(session)
    assert not lock_state.is_locked(session, allowed_while_frozen=True)
    lock("locked", form=session)
    assert lock_state.is_locked(session, allowed_while_frozen=True)


def test_lock_state_of_many_forms_in_one_query(session, panel, lock, django_assert_num_queries):
    lock("locked", form=session)
    records = [session, *session.interruptions.all(), panel, *panel.results.all()]
    with django_assert_num_queries(1):
        found = lock_state.form_locks(session.subject, records)
    assert set(found) == {("ecrf_treatmentsession", session.pk)} | {
        ("ecrf_sessioninterruption", part.pk) for part in session.interruptions.all()
    }
