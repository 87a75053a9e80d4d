"""The reads written in SQL once per process (ecrf/plain_sql.py) build the instances the
ORM builds from the same rows: the same values, the same related rows, none read again."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ecrf import plain_sql
from ecrf.models import StudyVersion, Subject

pytestmark = pytest.mark.django_db

RELATED = ("site", "study", "protocol_version__study")


def _values(instance):
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_a_subject_and_its_related_rows_are_the_orms(qh1a, guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    orm = Subject.objects.select_related(*RELATED).get(pk=subject.pk)
    [plain] = plain_sql.select(Subject, 't0."id" = %s', [subject.pk], related=RELATED)
    assert _values(plain) == _values(orm)
    with CaptureQueriesContext(connection) as reads:
        for path in ("site", "study", "protocol_version", "protocol_version.study"):
            mine, theirs = plain, orm
            for name in path.split("."):
                mine, theirs = getattr(mine, name), getattr(theirs, name)
            assert _values(mine) == _values(theirs), path
    assert len(reads) == 0  # all read with the subject
    # A JSONField comes back as the ORM gives it (Field.from_db_value), not as its text.
    assert isinstance(plain.study.options, dict) and plain.study.options == orm.study.options
    assert not plain._state.adding and plain._state.db == "default"


def test_a_foreign_key_left_empty_is_none_and_the_subject_still_read(qh1a, guangzhou, make_subject):
    # protocol_version__study: the study's key is required, but under an empty key the
    # join must still keep the subject's row (a LEFT JOIN all the way down).
    subject = make_subject(qh1a, "eligible")
    Subject.objects.filter(pk=subject.pk).update(protocol_version=None)
    [plain] = plain_sql.select(Subject, 't0."id" = %s', [subject.pk], related=RELATED)
    with CaptureQueriesContext(connection) as reads:
        assert plain.protocol_version is None
    assert len(reads) == 0


def test_flags_are_set_and_only_the_model_s_rows_are_locked(qh1a, guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    with transaction.atomic(), CaptureQueriesContext(connection) as reads:
        [plain] = plain_sql.select(
            Subject,
            't0."id" = %s',
            [subject.pk],
            related=("study",),
            flags={"answer": ("%s + 1", [41])},
            for_update=True,
        )
    assert plain.answer == 42
    assert reads.captured_queries[0]["sql"].endswith("FOR UPDATE OF t0")


def test_only_forward_foreign_keys_are_followed():
    with pytest.raises(ValueError, match="only forward foreign keys"):
        plain_sql.select(StudyVersion, "true", [], related=("sites",))
