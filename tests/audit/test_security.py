"""Security headers on every page, and `manage.py check --deploy` clean with production
settings (research/performance-reliability-anchors.md §3.6)."""

import datetime as dt
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from ecrf.middleware import REFRESHED_KEY

pytestmark = pytest.mark.django_db


def test_security_headers_on_a_page(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_have_no_inline_script(client, staff_guangzhou):
    # The CSP forbids inline code: the language menu submits from ecrf/static/ecrf/ecrf.js.
    client.force_login(staff_guangzhou)
    content = client.get(reverse("ecrf:home")).content.decode()
    assert "onchange=" not in content and "<script>" not in content
    assert "ecrf/ecrf.js" in content and "data-submit-on-change" in content


def test_check_deploy_is_clean_with_production_settings():
    unwanted = {"ECRF_DEMO", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # production has none
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(48)[:50],
        ALLOWED_HOSTS="ecrf.example.org",
        DATABASE_URL="postgresql://x@localhost/x",
        ECRF_DEMO="",
        DEBUG="",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# --- The idle timeout (EU Annex 11 §12) -----------------------------------------------------


def _session_row(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_signed_in_request_pushes_back_the_session_end_at_most_once_a_minute(
    client, staff_guangzhou, settings
):
    settings.SESSION_REFRESH_SECONDS = 60
    client.force_login(staff_guangzhou)
    home = reverse("ecrf:home")
    client.get(home)  # the first request after sign-in saves the session: refreshed now
    saved = _session_row(client).expire_date
    client.get(home)
    assert _session_row(client).expire_date == saved  # within the minute: no write

    # A minute later the next request saves it, ending it SESSION_COOKIE_AGE from now.
    session = client.session
    session[REFRESHED_KEY] -= settings.SESSION_REFRESH_SECONDS
    session.save()
    before = _session_row(client).expire_date
    client.get(home)
    after = _session_row(client).expire_date
    assert after > before
    assert abs((after - before).total_seconds()) < settings.SESSION_REFRESH_SECONDS + 5


def test_an_idle_session_ends(client, staff_guangzhou):
    client.force_login(staff_guangzhou)
    home = reverse("ecrf:home")
    assert client.get(home).status_code == 200
    # Idle for SESSION_COOKIE_AGE: the session row's end has passed.
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get(home)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_anonymous_requests_write_no_session(client):
    client.get(reverse("login"))
    assert not Session.objects.exists()
