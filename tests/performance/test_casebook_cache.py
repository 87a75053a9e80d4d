"""The kept casebook body (ecrf/page_cache.py): served while the subject's data is
unchanged, rendered again as soon as any of it changes, whoever changed it and however,
and never shown to a reader of another kind (role, language, time zone)."""

import datetime as dt
from decimal import Decimal

import pghistory.models
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from ecrf import audit, page_cache
from ecrf.models import Arm, RenderedCasebook, SessionInterruption, Subject

pytestmark = pytest.mark.django_db


def main_part(response) -> str:
    # The page around the body has a fresh CSRF token and form keys each time.
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def casebook_url(subject):
    return reverse("ecrf:casebook", args=[subject.study.registry_id, subject.screening_number])


def test_an_unchanged_casebook_is_served_kept_in_a_handful_of_queries(
    client, qh1a, staff_guangzhou, make_subject, django_assert_max_num_queries
):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    first = client.get(casebook_url(subject))
    assert "schedule" in first.context  # rendered
    # session, user, memberships, the subject with its study, and the fingerprint with the
    # kept body in one statement (plus the session refresh's three at most once a minute).
    with django_assert_max_num_queries(5):
        second = client.get(casebook_url(subject))
    assert second.status_code == 200
    assert second.context is None or "schedule" not in second.context  # not rendered
    assert main_part(second) == main_part(first)
    assert RenderedCasebook.objects.filter(subject_id=subject.pk).count() == 1


def test_a_change_made_outside_the_app_is_shown_at_once(
    client, qh1a, staff_guangzhou, make_subject
):
    # The fingerprint comes from PostgreSQL: even an UPDATE that no Python code saw (another
    # app server, a data manager's script) renders the casebook again.
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    assert "72.5 kg" not in client.get(casebook_url(subject)).content.decode()
    with audit.reason("entry_error", "Weighed again"):
        Subject.objects.filter(pk=subject.pk).update(weight_kg=Decimal("72.5"))
    assert "72.5 kg" in client.get(casebook_url(subject)).content.decode()


def test_a_change_to_a_study_row_the_page_shows_is_shown_at_once(
    client, qh1a, staff_guangzhou, make_subject
):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    client.get(casebook_url(subject))
    Arm.objects.filter(pk=subject.enrolment.arm_id).update(label="Renamed cohort label")
    assert "Renamed cohort label" in client.get(casebook_url(subject)).content.decode()


def test_rows_of_a_form_s_child_tables_count_in_the_fingerprint(qh1a, make_subject, make_session):
    # An interruption reaches the subject only through its session.
    subject = make_subject(qh1a, "enrolled")
    session = make_session(subject)
    before = page_cache._lookup(subject, "any", "2026-12-02")[0]
    SessionInterruption.objects.create(
        session=session,
        started_at=session.started_at + dt.timedelta(minutes=30),
        ended_at=session.started_at + dt.timedelta(minutes=40),
        circulation_stopped=True,
        reason="other",
        outcome="resumed",
        created_by=session.created_by,
    )
    assert page_cache._lookup(subject, "any", "2026-12-02")[0] != before


def test_every_table_linked_to_a_subject_counts():
    tables = " ".join(source for source, _where in page_cache._subject_tables())
    for table in [
        "ecrf_subject",
        "ecrf_labresult",
        "ecrf_adverseevent",
        "ecrf_saereport",  # through its AE
        "ecrf_dataquerymessage",  # through its query
        "ecrf_sessioninterruption",  # through its session
        "ecrf_signature",
        "ecrf_sourceverification",
        "ecrf_datalock",
        "ecrf_deviation",
    ]:
        assert f"{table} t" in tables
    # The audit trail's tables are not shown on the page.
    for event_model in pghistory.models.Event.__subclasses__():
        if not event_model._meta.abstract:
            assert f"{event_model._meta.db_table} t" not in tables
    assert "pghistory" not in tables
    assert "ecrf_renderedcasebook" not in tables  # its own writes would never let it hit


def test_each_kind_of_reader_gets_its_own_body(
    client, qh1a, staff_guangzhou, monitor_guangzhou, make_subject
):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    assert "Record a BAL session" in client.get(casebook_url(subject)).content.decode()
    client.force_login(monitor_guangzhou)  # reads, does not enter data
    assert "Record a BAL session" not in client.get(casebook_url(subject)).content.decode()
    client.force_login(staff_guangzhou)
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert "记录" in client.get(casebook_url(subject)).content.decode()
    assert RenderedCasebook.objects.filter(subject_id=subject.pk).count() == 3


def test_a_body_is_kept_for_one_day(qh1a, make_subject):
    # The schedule marks forms overdue by date: tomorrow renders again.
    subject = make_subject(qh1a, "enrolled")
    today = timezone.localdate()
    fingerprint, html = page_cache._lookup(subject, "reader", today.isoformat())
    assert html is None
    page_cache._store(subject, "reader", fingerprint, "<p>kept</p>")
    assert page_cache._lookup(subject, "reader", today.isoformat())[1] == "<p>kept</p>"
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert page_cache._lookup(subject, "reader", tomorrow)[1] is None


def test_the_cache_can_be_turned_off(client, qh1a, staff_guangzhou, make_subject, settings):
    settings.CASEBOOK_CACHE = False
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    client.get(casebook_url(subject))
    assert "schedule" in client.get(casebook_url(subject)).context
    assert not RenderedCasebook.objects.exists()


def test_the_kept_bodies_table_is_unlogged():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpersistence FROM pg_class WHERE relname = %s",
            [RenderedCasebook._meta.db_table],
        )
        assert cursor.fetchone()[0] == "u"
