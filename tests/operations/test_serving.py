"""Issue 8, part 1: production serving. The production settings pass `check --deploy`;
/healthz answers without the database, /readyz asks it; a database that cannot be
reached answers 503 with Retry-After, never 500 (a restart mid-load, for the soak
harness too)."""

import subprocess
import sys
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

from tests.operations.conftest import BASE_DIR, Browser, free_port, production_env

pytestmark = pytest.mark.django_db


def test_check_deploy_accepts_the_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_nothing_that_matters_lives_in_one_process():
    # Several app servers: sessions and lock-outs in PostgreSQL, no per-process cache.
    assert issubclass(import_module(settings.SESSION_ENGINE).SessionStore, DatabaseStore)
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.CACHES["default"]["BACKEND"].endswith("DummyCache")
    assert not settings.CSRF_USE_SESSIONS  # the CSRF cookie works on any server
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]


def test_probes_answer_before_host_checks_and_the_https_redirect(client, settings):
    # A load balancer probes each server by its address, over plain HTTP.
    settings.ALLOWED_HOSTS = ["ecrf.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    live = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    ready = client.get("/readyz", HTTP_HOST="10.0.0.7:8000")
    assert (ready.status_code, ready.json()) == (200, {"status": "ok", "database": "ok"})
    assert ready["Cache-Control"] == "no-store"
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


@pytest.mark.slow
@pytest.mark.real_clock
def test_a_database_that_cannot_be_reached_answers_503(start_server):
    # The app server runs; its PostgreSQL does not answer (nothing listens on the port).
    down = start_server("down", DATABASE_URL=f"postgresql://ecrf@127.0.0.1:{free_port()}/ecrf")
    assert down.get("/healthz").status == 200
    ready = down.get("/readyz")
    assert ready.status == 503 and ready.headers["Retry-After"] == "5"
    assert '"database": "unreachable"' in ready.body

    browser = Browser()
    page = browser.get(down, "/accounts/login/")  # needs no database
    assert page.status == 200
    form = {
        "username": "staff",
        "password": "whatever it is",
        "csrfmiddlewaretoken": page.form_value("csrfmiddlewaretoken"),
    }
    refused = browser.post(down, "/accounts/login/", form)
    assert refused.status == 503 and refused.headers["Retry-After"] == "5"
    assert "The database cannot be reached at the moment" in refused.body
    # Raised in a middleware (the session is read to find the user's site), not a view.
    browser.cookies["sessionid"] = "x" * 32
    assert browser.get(down, "/").status == 503

    statuses = [line["status"] for line in down.log_lines() if line["logger"] == "ecrf.request"]
    assert statuses == [200, 503, 503]


def test_a_session_lost_with_the_database_answers_503_not_400(rf):
    # A PostgreSQL restart after the view answered: the session save fails, Django
    # reports SessionInterrupted (400). The cause is the lost database: 503, retry.
    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.exceptions import SessionInterrupted
    from django.db import OperationalError

    from ecrf.views import health

    try:
        try:
            try:
                raise OperationalError("server closed the connection unexpectedly")
            except OperationalError:
                raise UpdateError()  # noqa: B904 (the context is the point)
        except UpdateError:
            raise SessionInterrupted("The request's session was deleted.")  # noqa: B904
    except SessionInterrupted as error:
        interrupted = error
    response = health.bad_request(rf.get("/"), interrupted)
    assert response.status_code == 503 and response["Retry-After"]
    # A plain bad request stays a 400.
    assert health.bad_request(rf.get("/"), SessionInterrupted("deleted")).status_code == 400
