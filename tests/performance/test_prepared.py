"""Reads compiled once (ecrf/prepared.py) answer as their querysets would, whatever the
values of each call, and refuse what they cannot compile once; the signed-in user's two
reads (ecrf/signed_in.py) still sign out an expired session and an inactive user."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.urls import reverse
from django.utils import timezone

from ecrf.models import LabPanel, Subject
from ecrf.prepared import prepared

pytestmark = pytest.mark.django_db

SUBJECT = prepared(
    lambda registry_id, number: (
        Subject.objects.select_related("study", "site")
        .filter(study__registry_id=registry_id, screening_number=number)
        .order_by()
    )
)


def fields(row) -> dict:
    return {k: v for k, v in vars(row).items() if k != "_state"}


def test_a_prepared_read_answers_as_its_queryset_for_each_call(qh1a, cips, make_subject):
    subjects = [make_subject(qh1a), make_subject(qh1a), make_subject(cips)]
    for subject in subjects:
        (row,) = SUBJECT(registry_id=subject.study.registry_id, number=subject.screening_number)
        expected = Subject.objects.select_related("study", "site").get(pk=subject.pk)
        assert fields(row) == fields(expected)
        assert fields(row.study) == fields(expected.study)  # the joined rows too
        assert fields(row.site) == fields(expected.site)
    assert SUBJECT(registry_id=qh1a.registry_id, number="nobody") == []


def test_values_lists_and_annotations_come_back_as_from_the_queryset(qh1a, make_subject):
    from django.db.models import F

    subject = make_subject(qh1a)
    named = prepared(
        lambda pk: Subject.objects.filter(pk=pk).values_list("pk", "screening_number", named=True)
    )
    flat = prepared(lambda pk: Subject.objects.filter(pk=pk).values_list("version", flat=True))
    annotated = prepared(
        lambda pk: Subject.objects.filter(pk=pk).annotate(site_name=F("site__name"))
    )
    (row,) = named(pk=subject.pk)
    assert (row.pk, row.screening_number) == (subject.pk, subject.screening_number)
    assert flat(pk=subject.pk) == [subject.version]
    assert annotated(pk=subject.pk)[0].site_name == subject.site.name


def test_a_read_is_one_query_each_call(qh1a, make_subject, django_assert_num_queries):
    subject = make_subject(qh1a)
    SUBJECT(registry_id=qh1a.registry_id, number=subject.screening_number)  # compiled
    with django_assert_num_queries(1):
        SUBJECT(registry_id=qh1a.registry_id, number=subject.screening_number)


@pytest.mark.parametrize(
    "values",
    [
        {"registry_id": None, "number": "x"},  # None: `IS NULL`, another SQL
        {"registry_id": ["a"], "number": "x"},  # a list: its length shapes the SQL
        {"registry_id": True, "number": "x"},  # a bool is no int
    ],
)
def test_values_that_would_change_the_sql_are_refused(values):
    with pytest.raises(TypeError):
        SUBJECT(**values)


def test_a_naive_datetime_is_refused():
    at = prepared(lambda at: LabPanel.objects.filter(sampled_at=at))
    with pytest.raises(TypeError, match="naive"):
        at(at=dt.datetime(2026, 1, 1))


def test_a_lookup_that_rewrites_its_value_is_refused_when_compiled(db):
    starting = prepared(lambda prefix: Subject.objects.filter(screening_number__startswith=prefix))
    with pytest.raises(ValueError, match="rewritten"):
        starting(prefix="SYSU")


def test_a_value_the_sql_does_not_use_is_refused(db):
    ignoring = prepared(lambda pk: Subject.objects.all())
    with pytest.raises(ValueError, match="not in its SQL"):
        ignoring(pk=1)


@pytest.mark.django_db(transaction=True)  # outside the test's own transaction
def test_a_row_lock_outside_a_transaction_is_refused_on_every_call(qh1a, make_subject):
    subject = make_subject(qh1a)
    locking = prepared(lambda pk: Subject.objects.select_for_update().filter(pk=pk))
    with transaction.atomic():
        assert locking(pk=subject.pk)[0].pk == subject.pk  # compiled here, in a transaction
    with pytest.raises(TransactionManagementError):
        locking(pk=subject.pk)


def test_an_expired_session_or_an_inactive_user_signs_out(client, staff_guangzhou):
    home = reverse("ecrf:home")
    client.force_login(staff_guangzhou)
    assert client.get(home).status_code == 200
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(home).status_code == 302  # to the sign-in page

    client.force_login(staff_guangzhou)
    assert client.get(home).status_code == 200
    staff_guangzhou.is_active = False
    staff_guangzhou.save()
    assert client.get(home).status_code == 302
