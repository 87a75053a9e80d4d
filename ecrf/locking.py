"""Which data are frozen or locked, for pages and actions (the read side of issue 4, item 8).

PostgreSQL is what refuses a write to locked data (RefuseWhenLocked, ecrf/models/core.py);
this module answers the same question in Python, so that pages can say so before anyone
types, hide edit buttons, and actions refuse with a clear message. Each helper costs a
fixed number of queries, whatever the number of subjects or forms.

`is_locked(record)` is the hook the form lifecycle uses (in progress → complete →
source-verified → signed → locked): SDV and signatures pass allowed_while_frozen=True.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Q

from ecrf.models import DataLock, LockLevel, RecordLocked, Study, StudyRecord, Subject

Form = tuple[str, int]  # (table, id) of a form, as DataLock names it


def in_force():
    return DataLock.objects.filter(released_at__isnull=True)


def _rank(level: str, subject_id: int | None, form_table: str) -> tuple[bool, bool, bool]:
    """Locked beats frozen; between equals, the study's beats the subject's beats a form's."""
    return (level != LockLevel.LOCKED, subject_id is not None, bool(form_table))


def _strongest(locks: Iterable[DataLock]) -> DataLock | None:
    ranked = sorted(locks, key=lambda lock: _rank(lock.level, lock.subject_id, lock.form_table))
    return ranked[0] if ranked else None


def _refusing(locks, allowed_while_frozen: bool):
    return locks.filter(level=LockLevel.LOCKED) if allowed_while_frozen else locks


def study_lock(study: Study) -> DataLock | None:
    """The freeze or lock of the whole study (one query)."""
    return in_force().filter(study=study, subject=None).select_related("set_by").first()


def subject_locks(study: Study, subjects: Iterable[Subject]) -> dict[int | None, DataLock]:
    """subject id → the lock of its casebook in force (its own, or the study's), and under
    the key None the study's own lock: one query for any number of subjects."""
    ids = [s.pk for s in subjects]
    locks = list(
        in_force()
        .filter(study=study, form_table="")
        .filter(Q(subject=None) | Q(subject__in=ids))
        .select_related("set_by")
    )
    whole = [lock for lock in locks if lock.subject_id is None]
    found = {None: _strongest(whole)} if whole else {}
    for subject_id in ids:
        lock = _strongest([*whole, *(x for x in locks if x.subject_id == subject_id)])
        if lock is not None:
            found[subject_id] = lock
    return found


def subject_lock(subject: Subject) -> DataLock | None:
    """The lock of the subject's casebook in force (its own, or the study's): one query."""
    return subject_locks(subject.study, [subject]).get(subject.pk)


def parent_of(record) -> StudyRecord | None:
    """The form a row is part of (a lab result's panel), as the model declares it."""
    name = getattr(type(record), "lock_parent", None)
    return getattr(record, name) if name else None


def forms_of(record) -> list[Form]:
    """The forms whose lock covers the record: itself and, for a part, its parent form."""
    forms = [(record._meta.db_table, record.pk)]
    name = getattr(type(record), "lock_parent", None)
    parent_id = getattr(record, f"{name}_id", None) if name else None
    if parent_id is not None:
        parent_model = record._meta.get_field(name).related_model
        forms.append((parent_model._meta.db_table, parent_id))
    return forms


def subject_of(record) -> Subject:
    if isinstance(record, Subject):
        return record
    if hasattr(record, "subject_id"):
        return record.subject
    return parent_of(record).subject


def _form_q(forms: Iterable[Form]) -> Q:
    q = Q()  # no form: matches nothing below, where it is OR-ed to other conditions
    for table, pk in forms:
        q |= Q(form_table=table, form_id=pk)
    return q


def form_locks(subject: Subject, records: Iterable) -> dict[Form, DataLock]:
    """(table, id) of each record of one subject → the lock that covers it (the study's,
    the subject's, its own or its parent form's): one query for any number of records."""
    records = list(records)
    forms = {r: forms_of(r) for r in records}
    locks = list(
        in_force()
        .filter(study_id=subject.study_id)
        .filter(
            Q(subject=None, form_table="")
            | Q(subject=subject, form_table="")
            | _form_q(f for fs in forms.values() for f in fs)
        )
        .select_related("set_by")
    )
    casebook = [lock for lock in locks if not lock.form_table]
    found = {}
    for covering in forms.values():
        own = [lock for lock in locks if (lock.form_table, lock.form_id) in covering]
        lock = _strongest([*casebook, *own])
        if lock is not None:
            found[covering[0]] = lock
    return found


def _covering(record, allowed_while_frozen: bool):
    """The locks in force that refuse a change of the record: the study's, its
    casebook's, its own and its parent form's (one query when read)."""
    subject = subject_of(record)
    return _covering_of(subject.study_id, subject.pk, forms_of(record), allowed_while_frozen)


def _covering_of(study, subject, forms: Iterable[Form], allowed_while_frozen: bool):
    locks = in_force().filter(study_id=study)
    return _refusing(locks, allowed_while_frozen).filter(
        Q(subject=None, form_table="") | Q(subject_id=subject, form_table="") | _form_q(forms)
    )


def lock_covering(record, *, allowed_while_frozen: bool = False) -> DataLock | None:
    """The lock in force that refuses a change of the record, if any, with who set it
    (one or two queries). With allowed_while_frozen (queries, SDV, signatures) only a
    lock at level "locked"."""
    return _strongest(_covering(record, allowed_while_frozen).select_related("set_by"))


def is_locked(record, *, allowed_while_frozen: bool = False) -> bool:
    """True when a freeze or lock in force refuses a change of the record. The hook of the
    form lifecycle: a form covered by a lock shows as locked; SDV and signatures, allowed
    while frozen, ask with allowed_while_frozen=True."""
    return _covering(record, allowed_while_frozen).exists()


def refuse_if_locked(record, *, allowed_while_frozen: bool = False) -> None:
    """Raise RecordLocked before any write, with the level of the lock that refuses it
    (the database would refuse the write anyway; this keeps the message clear)."""
    subject = subject_of(record)
    forms = [(table, pk) for table, pk in forms_of(record) if pk is not None]  # saved forms
    # _covering_of written out in SQL: an edit form's page and its save each run it, and
    # building it in the ORM cost them 2,500 Python calls each (issue 20: no prepared
    # reads). The same conditions: in force, refusing, the study's, casebook's or form's.
    covers = ['("subject_id" IS NULL AND "form_table" = \'\')']
    covers.append('("subject_id" = %s AND "form_table" = \'\')')
    params = [subject.study_id, subject.pk]
    for table, pk in forms:
        covers.append('("form_table" = %s AND "form_id" = %s)')
        params += [table, pk]
    refusing = ""
    if allowed_while_frozen:
        refusing = ' AND "level" = %s'
        params.append(LockLevel.LOCKED)
    sql = (
        f'SELECT "id", "level", "subject_id", "form_table" FROM "{DataLock._meta.db_table}"'
        f' WHERE "released_at" IS NULL AND "study_id" = %s AND ({" OR ".join(covers)})'
        f"{refusing}"
    )
    # The study and subject come first in params, the level last, as in the SQL.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if rows:
        pk, level, _subject, _table = min(rows, key=lambda row: _rank(*row[1:]))
        raise RecordLocked(level, pk)


def refuse_if_subject_locked(subject: Subject) -> None:
    """Raise RecordLocked when the subject's casebook (or its study) is frozen or locked."""
    lock = subject_lock(subject)
    if lock is not None:
        raise RecordLocked(lock.level, lock.pk)
