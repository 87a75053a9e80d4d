"""Exports stream (issue 6, item 2): the number of queries does not grow with rows or
subjects (the ODM export reads each form with one query), and memory stays flat as lab
rows grow. The 100,000-row figures
(time, memory) are measured by `make bench`, not asserted here (speed lives in benchmarks)."""

import datetime as dt
import io
import tempfile
import tracemalloc
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecrf import audit, exports
from ecrf.actions.exports import study_export
from ecrf.models import LabPanel, LabResult, Subject

pytestmark = pytest.mark.django_db

TESTS = ["BILI", "ALT", "AST", "ALB", "INR", "PT", "NH3", "CREAT", "NA", "K"]


def _clone_subjects(template: Subject, count: int, start: int) -> list[Subject]:
    """Copies of a registered subject, made in one statement (the audit trigger still
    writes their history rows)."""
    fields = [f.attname for f in Subject._meta.concrete_fields if f.attname != "id"]
    copies = []
    for n in range(start, start + count):
        copy = Subject(**{name: getattr(template, name) for name in fields})
        copy.screening_number = f"ST-{n:05d}"
        copies.append(copy)
    return Subject.objects.bulk_create(copies)


def _lab_rows(subjects: list[Subject], panels_each: int) -> int:
    sampled = timezone.now() - dt.timedelta(days=3)
    panels = LabPanel.objects.bulk_create(
        LabPanel(
            subject=s,
            panel="LIVER",
            timepoint=f"T{p:04d}",
            sampled_at=sampled,
            created_by_id=s.created_by_id,
        )
        for s in subjects
        for p in range(panels_each)
    )
    results = LabResult.objects.bulk_create(
        LabResult(
            panel=panel,
            subject_id=panel.subject_id,
            sampled_at=sampled,
            test_code=code,
            value=Decimal("12.5"),
            unit="umol/L",
            standard_value=Decimal("12.5"),
            created_by_id=panel.created_by_id,
        )
        for panel in panels
        for code in TESTS
    )
    return len(results)


def _odm_queries(study) -> int:
    with CaptureQueriesContext(connection) as queries:
        study_export(study=study, fmt="odm", target=io.BytesIO())
    return len(queries)


def test_odm_queries_do_not_grow_with_subjects_or_rows(qh1a, make_subject):
    template = make_subject(qh1a, "enrolled")
    _lab_rows([template], 2)
    _odm_queries(qh1a)  # warm: the content types are cached after the first export
    few = _odm_queries(qh1a)
    more = _clone_subjects(template, 60, start=1)
    _lab_rows(more, 5)  # 3,000 lab values: more than one chunk of a form's cursor
    assert _odm_queries(qh1a) == few


def test_csv_queries_do_not_grow_with_rows(qh1a, make_subject):
    template = make_subject(qh1a, "enrolled")
    _lab_rows([template], 1)
    study_export(study=qh1a, fmt="csv", target=io.BytesIO())  # warm, as above
    with CaptureQueriesContext(connection) as before:
        study_export(study=qh1a, fmt="csv", target=io.BytesIO())
    _lab_rows(_clone_subjects(template, 10, start=1), 10)
    with CaptureQueriesContext(connection) as after:
        study_export(study=qh1a, fmt="csv", target=io.BytesIO())
    assert len(after) == len(before)


def _peak_bytes(study, fmt) -> int:
    with tempfile.TemporaryFile() as target:
        tracemalloc.start()
        try:
            study_export(study=study, fmt=fmt, target=target)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


@pytest.mark.parametrize("fmt", [exports.ODM, exports.CSV])
def test_memory_stays_flat_as_lab_rows_grow(qh1a, make_subject, fmt):
    # Realistic shape: a few hundred lab values per subject (spec §2.9 schedule), many
    # subjects. Four times the rows must not need noticeably more memory.
    template = make_subject(qh1a, "enrolled")
    subjects = _clone_subjects(template, 50, start=1)
    _lab_rows(subjects, 4)  # 2,000 lab values
    small = _peak_bytes(qh1a, fmt)
    more = _clone_subjects(template, 150, start=10_000)
    _lab_rows(more, 4)  # 8,000 lab values in all
    large = _peak_bytes(qh1a, fmt)
    assert large - small < 4 * 1024 * 1024, (small, large)


def test_each_records_last_change_is_one_index_entry(db):
    # The ODM export's AuditRecord reads each row's newest event (exports._WITH_LAST_CHANGE):
    # every event table has the index by record, newest first, carrying the time and
    # context, so that read touches no table page and sorts nothing (audited()).
    event_tables = {events._meta.db_table for events in audit._tracked_models().values()}
    assert len(event_tables) > 30
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [sorted(event_tables)],
        )
        indexes = cursor.fetchall()
    covering = {
        table
        for table, definition in indexes
        if "(pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id)" in definition
    }
    assert covering == event_tables
