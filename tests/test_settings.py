"""Settings come from the environment and fail loudly; DEBUG is off unless asked for."""

import os
import subprocess
import sys

from django.conf import settings


def import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"ECRF_DEMO", "DEBUG", "SECRET_KEY"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import ecrf.settings as s; print(s.DEBUG, s.SECRET_KEY[:4])"],
        env=clean,
        capture_output=True,
        text=True,
    )


def test_secret_key_is_required_outside_the_demo():
    result = import_settings()
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = import_settings(SECRET_KEY="x" * 50)
    assert result.returncode == 0 and result.stdout.startswith("False")


def test_bad_boolean_fails_loudly():
    result = import_settings(SECRET_KEY="x" * 50, DEBUG="perhaps")
    assert "DEBUG must be true or false" in result.stderr


def test_connections_persist_with_health_checks():
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] > 0 and database["CONN_HEALTH_CHECKS"]


def test_times_in_utc_shown_in_shanghai():
    assert settings.USE_TZ and settings.TIME_ZONE == "Asia/Shanghai"


def test_old_secret_keys_come_from_the_environment():
    # Rotating SECRET_KEY (docs/operations.md): sessions signed with the old key stay valid.
    clean = {k: v for k, v in os.environ.items() if k not in {"ECRF_DEMO", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-c", "import ecrf.settings as s; print(s.SECRET_KEY_FALLBACKS)"],
        env={**clean, "SECRET_KEY": "n" * 50, "SECRET_KEY_FALLBACKS": "o" * 50 + ", " + "p" * 50},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == str(["o" * 50, "p" * 50])


def test_bad_log_level_fails_loudly():
    result = import_settings(SECRET_KEY="x" * 50, LOG_LEVEL="chatty")
    assert "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL" in result.stderr
