"""The one way an action locks a subject: its row, FOR UPDATE, and nothing else.

Every action that decides something from a subject's state (its status, its session
numbers, its forms) first reads the subject again under this lock; the caller's
transaction holds it until its commit, so two saves of one subject take turns.

Only the subject's row is locked. `SELECT ... FOR UPDATE` without `OF` locks a row of
every table it joins: a subject read with its study and site would lock those rows too,
and serialise the saves of every subject of the study (and hold up each insert that
references the study, its foreign key check, until the commit).
"""

from __future__ import annotations

from ecrf import plain_sql
from ecrf.models import Subject


def lock_subject_row(subject: Subject | int, *related: str, as_read: bool = False) -> Subject:
    """The subject (or its pk) read again and locked FOR UPDATE until the transaction
    ends. Its study and site, and the `related` rows (select_related names such as
    "enrolment__arm"), are read in the same query but not locked.

    `as_read`: the caller read `subject` in this transaction and changed nothing on it.
    Then only the lock is taken, by a short statement, and while the row's version has not
    moved the caller's instance is returned: every save of a subject is a new version
    (StudyRecord.save), and so is a re-consent (actions/versions.reconsent_record), so an
    unchanged version means the row and the versions it is judged by are as read (issue
    20: a lab save). A subject read with re-consents is read again: a voided re-consent
    leaves the subject's version as it was."""
    pk = subject.pk if isinstance(subject, Subject) else subject
    if as_read and not related and getattr(subject, "has_reconsents", None) is False:
        if plain_sql.locked_version(Subject, pk) == subject.version:
            return subject
    return (
        Subject.objects.select_for_update(of=("self",))
        # The protocol version they were screened under: most actions judge by the
        # subject's version (issue 21), and reading it here saves two queries a save.
        .select_related("study", "site", "protocol_version__study", *related)
        .get(pk=pk)
    )
