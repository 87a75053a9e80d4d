"""Issue 8, part 2: two app servers, one database. Nothing that matters lives in one
process: a user signs in on one server, continues the form on the other and saves; the
session, the CSRF token, the audit context, the form's one-time key and the sign-in
lock-out hold across both; a server whose database connections were cut recovers by
itself."""

import uuid

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.models import Session

from ecrf import audit
from ecrf.models import LoginEvent, LoginEventKind, Role, Subject, SubmissionKey
from tests.conftest import demographics, make_user
from tests.operations.conftest import Browser
from tests.test_views import as_post, url

# Two gunicorn processes: slow, and on the real clock (theirs cannot be moved).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long production password"


@pytest.fixture(scope="module")
def servers(start_server):
    return start_server("a"), start_server("b")


@pytest.fixture
def staff(guangzhou):
    # The servers check passwords with the production hashers, not the tests' fast one.
    user = make_user("staff_lb", Role.SITE_STAFF, [guangzhou])
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save()
    return user


def sign_in(browser, server, username="staff_lb", password=PASSWORD, **headers):
    page = browser.get(server, "/accounts/login/")
    assert page.status == 200
    form = {
        "username": username,
        "password": password,
        "csrfmiddlewaretoken": page.form_value("csrfmiddlewaretoken"),
    }
    return browser.post(server, "/accounts/login/", form, headers=headers)


def test_a_form_begun_on_one_server_is_saved_on_the_other(servers, qh1a, staff):
    a, b = servers
    browser = Browser()
    signed_in = sign_in(browser, a, **{"X-Request-ID": "journey-login-0001"})
    assert signed_in.status == 302 and "sessionid" in browser.cookies

    # The registration form comes from server A, with its CSRF token and one-time key ...
    new = url("subject_new", study=qh1a)
    page = browser.get(a, new)
    assert page.status == 200
    form = {
        **as_post(demographics()),
        "csrfmiddlewaretoken": page.form_value("csrfmiddlewaretoken"),
        "idempotency_key": page.form_value("idempotency_key"),
    }
    # ... and is saved on server B, in the same session.
    saved = browser.post(b, new, form, headers={"X-Request-ID": "journey-save-0001"})
    subject = Subject.objects.get()
    casebook = url("casebook", subject)
    assert (saved.status, saved.headers["Location"]) == (302, casebook)
    assert saved.headers["X-Request-ID"] == "journey-save-0001"

    # The browser retries on server A: the key is known there too, so it is saved once.
    again = browser.post(a, new, form)
    assert (again.status, again.headers["Location"]) == (302, casebook)
    assert Subject.objects.count() == 1 and SubmissionKey.objects.count() == 1

    # Both servers read the one session from PostgreSQL.
    assert browser.get(a, casebook + "?tab=history&q=private").status == 200
    assert browser.get(b, casebook).status == 200
    assert Session.objects.count() == 1

    # The audit trail names the user and the request of the server that wrote.
    created = audit.subject_history(subject)[0]
    assert (created.action, created.user_id, created.request_id) == (
        "insert",
        staff.pk,
        "journey-save-0001",
    )
    login = LoginEvent.objects.get(kind=LoginEventKind.LOGGED_IN)
    assert (login.user, login.request_id) == (staff, "journey-login-0001")

    # One JSON line per request, on the server that answered it; no query string, no
    # form value, no password.
    lines = [line for line in b.log_lines() if line.get("request_id") == "journey-save-0001"]
    assert lines == [
        {
            "time": lines[0]["time"],
            "level": "INFO",
            "logger": "ecrf.request",
            "message": f"POST {new} 302",
            "request_id": "journey-save-0001",
            "user_id": staff.pk,
            "method": "POST",
            "path": new,
            "status": 302,
            "duration_ms": lines[0]["duration_ms"],
        }
    ]
    assert isinstance(lines[0]["duration_ms"], float)
    logged = a.log_path.read_text() + b.log_path.read_text()
    assert casebook in logged
    for secret in ("private", PASSWORD, form["idempotency_key"], form["csrfmiddlewaretoken"]):
        assert secret not in logged


def test_failed_sign_ins_lock_out_across_servers(servers, staff):
    # django-axes counts failures in PostgreSQL: five on two servers lock the username
    # out from this address on both (settings.AXES_HANDLER).
    a, b = servers
    browser = Browser()
    statuses = [sign_in(browser, server, password="wrong").status for server in (a, b, a, b)]
    assert statuses == [200, 200, 200, 200]
    assert sign_in(browser, a, password="wrong").status == 429
    assert sign_in(browser, b).status == 429  # even with the right password
    assert "sessionid" not in browser.cookies


def test_a_server_recovers_when_its_database_connections_are_cut(servers, qh1a, staff):
    # A database restart or fail-over cuts every connection. Persistent connections are
    # health-checked (CONN_HEALTH_CHECKS): the next request reconnects, never a 500.
    from django.db import connection

    a, _b = servers
    browser = Browser()
    assert sign_in(browser, a).status == 302
    assert browser.get(a, url("study", study=qh1a)).status == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 1
    assert browser.get(a, url("study", study=qh1a)).status == 200
    assert a.get("/readyz").status == 200


def test_each_request_gets_its_own_id(servers):
    a, _b = servers
    browser = Browser()
    first, second = browser.get(a, "/accounts/login/"), browser.get(a, "/accounts/login/")
    ids = {first.headers["X-Request-ID"], second.headers["X-Request-ID"]}
    assert len(ids) == 2 and all(uuid.UUID(i) for i in ids)
