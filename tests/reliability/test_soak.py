"""Issue 7, item 3: the short soak. 16 writers for 15 s against gunicorn on a copy of the
test database, PostgreSQL restarted in the middle, then a busy worker killed (bench/soak.py;
`make soak` runs the full 60 s). One run, several checks."""

import json
import os
import subprocess
import sys
import time

import pytest
from django.db import connection, connections

from bench import processes
from ecrf import embedded_db, urls

# django_db: pytest-django then sets the test database up (migrated), which the soak copies.
pytestmark = [pytest.mark.soak, pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db]

SOAK_DATABASE = "soak"


@pytest.fixture(scope="module")
def soak(django_db_setup, django_db_blocker):
    """Run bench.soak once against a copy of the (migrated, empty) test database."""
    from tests import embedded_postgres

    server = getattr(embedded_postgres, "_server", None)
    if server is None:
        pytest.skip("the soak restarts PostgreSQL: it needs the embedded test server")
    # The cluster's superuser creates the copy; the soak's app connects as the runtime role.
    admin_url = processes.superuser_url(server)
    runtime_url = os.environ["DATABASE_URL"]
    with django_db_blocker.unblock():
        template = connection.settings_dict["NAME"]
        connections.close_all()  # a template database must have no session
    processes.psql(admin_url, f'DROP DATABASE IF EXISTS "{SOAK_DATABASE}"')
    processes.psql(
        admin_url,
        f'CREATE DATABASE "{SOAK_DATABASE}" OWNER {embedded_db.OWNER_ROLE} TEMPLATE "{template}"',
    )
    started = time.monotonic()
    try:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.soak",
                "--seconds=15",
                "--writers=16",
                # The restart at 4.5 s, the kills from 7.5 s: time for several tries
                # before the writers stop.
                "--restart-at=0.3",
                "--kill-at=0.5",
                f"--database-url={processes.with_database(runtime_url, SOAK_DATABASE)}",
                f"--pgdata={server.pgdata}",
            ],
            cwd=processes.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        # The session's server handle follows the restarted postmaster (stopped at exit).
        processes.follow_restart(server)
        processes.psql(admin_url, f'DROP DATABASE IF EXISTS "{SOAK_DATABASE}"')
    lines = run.stdout.strip().splitlines()
    assert lines, f"bench.soak printed nothing:\n{run.stderr[-4000:]}"
    result = json.loads(lines[-1])
    result["log"] = run.stderr[-4000:]
    result["soak_seconds"] = round(time.monotonic() - started, 1)
    return result


def checked(result, *names):
    failed = [name for name in names if not result["checks"][name]]
    figures = {k: v for k, v in result.items() if k not in ("checks", "log")}
    return not failed, f"failed: {failed}\n{json.dumps(figures, indent=1)}\n{result['log']}"


def test_every_acknowledged_write_is_present_exactly_once(soak):
    ok, detail = checked(
        soak,
        "writes_acknowledged",
        "no_lost_write",
        "no_duplicate",
        "unacknowledged_writes_at_most_once",
    )
    assert ok, detail


def test_the_audit_records_match_the_writes(soak):
    # One insert event per row, in its writer's request context; one stored form key per
    # acknowledged write.
    ok, detail = checked(soak, "audit_records_match_writes", "one_key_per_acknowledged_write")
    assert ok, detail
    assert soak["audit_insert_events"] == soak["rows"] >= soak["acknowledged"]


def test_service_resumes_by_itself_after_the_database_restart(soak):
    ok, detail = checked(soak, "restart_recovered_within_5s")
    assert ok, detail


def test_a_worker_killed_mid_request_is_retried_without_a_duplicate(soak):
    ok, detail = checked(
        soak,
        "killed_worker_cut_a_post",
        "cut_posts_retried_without_duplicate",
        "service_after_the_kill",
    )
    assert ok, detail


@pytest.mark.xfail(
    not hasattr(urls, "handler500"),
    reason="the 503 mapping of a database outage comes with the ops branch (issue 7, item 1)",
    strict=True,
)
def test_a_database_restart_answers_503_with_retry_after_never_500(soak):
    ok, detail = checked(soak, "no_http_500", "errors_are_503_with_retry_after")
    assert ok, detail
