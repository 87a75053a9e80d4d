"""Issue 17, item 6: `make run` holds a burst. It serves the demo with gunicorn, as
production does, so its database connections are bounded by its workers: 200 signed-in
requests from 20 threads to a casebook all answer, none with a 5xx or PostgreSQL's
"too many clients", and /readyz answers 200 afterwards.

The command is `make run`'s own (python -m ecrf.embedded_db serve), pointed at the
suite's database (DATABASE_URL set: no embedded demo cluster of its own)."""

import concurrent.futures
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import psycopg
import pytest
from django.conf import settings
from django.db import connections

from ecrf.backup import Database
from tests.operations.conftest import BASE_DIR, free_port

pytestmark = pytest.mark.django_db(transaction=True)

CASEBOOK = "/studies/NCT06996392/subjects/SYSU3-001/"
THREADS, REQUESTS = 20, 200


class Demo:
    """`make run` on a free port; its output (gunicorn's JSON lines) kept in a file."""

    def __init__(self, log_path):
        self.port = free_port()
        self.log_path = log_path
        env = {**os.environ, "ECRF_ADDRESS": f"127.0.0.1:{self.port}", "ECRF_DEMO": "1"}
        with log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ecrf.embedded_db", "serve"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C's SIGINT reaches it and gunicorn
            )
        deadline = time.monotonic() + 180  # migrate and load_demo come first
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"make run did not start:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text()

    def request(self, method, path, body="", headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body or None, headers=headers or {})
            answer = conn.getresponse()
            return answer.status, answer.headers, answer.read().decode()
        finally:
            conn.close()

    def sign_in(self, username: str, password: str) -> str:
        """The session cookie of a signed-in user, through the login page."""
        status, headers, body = self.request("GET", "/accounts/login/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": csrf, "username": username, "password": password}
        )
        status, headers, _ = self.request(
            "POST",
            "/accounts/login/",
            form,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
            },
        )
        assert status == 302, status
        session = re.search(r"sessionid=([^;]+)", str(headers)).group(1)
        return f"sessionid={session}; csrftoken={cookie}"

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # Ctrl-C
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def demo(tmp_path):
    server = Demo(tmp_path / "make-run.log")
    yield server
    server.stop()


def app_connections() -> int:
    """Connections of the runtime role to the suite's database, now."""
    with Database.from_settings(settings.DATABASES["owner"]).connect(autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND datname = %s",
            [settings.DATABASES["default"]["USER"], settings.DATABASES["default"]["NAME"]],
        ).fetchone()[0]


def test_make_run_holds_a_burst_of_signed_in_requests(demo):
    cookie = demo.sign_in("staff", "bal-demo-2026")
    assert demo.request("GET", CASEBOOK, headers={"Cookie": cookie})[0] == 200
    # The suite's own connection, as the same role, is not make run's: a test run before
    # this one in the same process may have left it open (it then counted a fourth).
    connections.close_all()

    peak, done = [0], threading.Event()

    def watch():
        while not done.is_set():
            try:
                peak[0] = max(peak[0], app_connections())
            except psycopg.Error:
                pass
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
            answers = list(
                pool.map(
                    lambda _: demo.request("GET", CASEBOOK, headers={"Cookie": cookie}),
                    range(REQUESTS),
                )
            )
    finally:
        done.set()
        watcher.join()

    statuses = [status for status, _, _ in answers]
    assert statuses == [200] * REQUESTS, sorted(set(statuses))
    assert all("SYSU3-001" in body for _, _, body in answers)
    assert "too many clients" not in demo.log()
    # gunicorn.conf.py's 3 workers of one thread: one connection each (the watcher's own
    # is the owner's, not counted).
    assert peak[0] <= 3, peak[0]
    status, _, body = demo.request("GET", "/readyz")
    assert (status, body) == (200, '{"status": "ok", "database": "ok"}')
