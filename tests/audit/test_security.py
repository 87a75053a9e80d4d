"""Security headers on every page, and `manage.py check --deploy` clean with production
settings (research/performance-reliability-anchors.md §3.6)."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

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
