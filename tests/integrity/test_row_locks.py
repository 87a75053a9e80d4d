"""One way to lock a subject (issue 20, item 5): ecrf.actions.rows.lock_subject_row locks
the subject's row and no other, and every action locks a subject through it."""

import ast
import threading
from pathlib import Path

import pytest
from django.db import OperationalError, connection, transaction

from ecrf.actions.rows import lock_subject_row
from ecrf.models import Site, Study, Subject

ACTIONS = Path(__file__).resolve().parents[2] / "ecrf" / "actions"


def _in_another_connection(read):
    """Run `read` (a queryset's FOR UPDATE NOWAIT) on a second connection, as another
    request would: True if it got its lock, False if the row was already locked."""
    outcome = []

    def run():
        try:
            with transaction.atomic():
                list(read())
            outcome.append(True)
        except OperationalError:  # NOWAIT: "could not obtain lock on row"
            outcome.append(False)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return outcome[0]


@pytest.mark.django_db(transaction=True)  # two connections see the same committed rows
def test_locking_a_subject_leaves_its_study_and_site_free(qh1a, make_subject):
    subject = make_subject(qh1a, "enrolled")
    with transaction.atomic():
        locked = lock_subject_row(subject, "enrolment__arm")
        assert locked.study == qh1a and locked.enrolment.arm_id  # read with it
        # Another save of the same study, at the same site, is not held up...
        assert _in_another_connection(
            lambda: Study.objects.select_for_update(nowait=True).filter(pk=qh1a.pk)
        )
        assert _in_another_connection(
            lambda: Site.objects.select_for_update(nowait=True).filter(pk=subject.site_id)
        )
        # ... while another save of this subject waits for this one.
        assert not _in_another_connection(
            lambda: Subject.objects.select_for_update(nowait=True).filter(pk=subject.pk)
        )


def test_every_action_locks_a_subject_through_the_one_helper():
    # A subject read FOR UPDATE anywhere else in the actions would be a second spelling
    # of the lock (and one that may join and lock the study's row).
    found = []
    for path in sorted(ACTIONS.glob("*.py")):
        if path.name == "rows.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "select_for_update"
                and "Subject.objects" in ast.unparse(node.value)
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
