"""Production serving, for real: gunicorn processes with the production settings (no demo
mode, HTTPS behind a proxy, collected static files) against the suite's PostgreSQL,
and a browser-like client whose cookies go to whichever server answers, as behind one
load balancer's host name."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
HOST = "ecrf.test"  # the load balancer's name, in Host; ALLOWED_HOSTS holds only it
SECRET_KEY = secrets.token_urlsafe(50)  # one key for every app server, as in production


def database_url(name: str | None = None, variable: str = "DATABASE_URL") -> str:
    """The suite's PostgreSQL as DATABASE_URL's role (or DATABASE_OWNER_URL's), with the
    database `name` (default: the suite's, which the app servers must use to see the
    test's rows)."""
    name = name or settings.DATABASES["default"]["NAME"]
    parts = urllib.parse.urlsplit(os.environ[variable])
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def production_env(**overrides) -> dict[str, str]:
    """The environment of a production app server: no demo defaults, no DEBUG, and only
    the runtime role's DATABASE_URL (the owner's is for migrations)."""
    demo_only = {"ECRF_DEMO", "DEBUG", "PYTHONPATH", "DATABASE_OWNER_URL"}
    env = {k: v for k, v in os.environ.items() if k not in demo_only}
    env.update(
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url(),
        LOG_LEVEL="INFO",
    )
    env.update(overrides)
    return env


@pytest.fixture(scope="session")
def static_root(tmp_path_factory) -> Path:
    """collectstatic, as an install runs it: hashed names and a manifest (WhiteNoise)."""
    root = tmp_path_factory.mktemp("staticfiles")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=BASE_DIR,
        env=production_env(STATIC_ROOT=str(root), DATABASE_URL="postgresql://nobody@127.0.0.1/x"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (root / "staticfiles.json").exists()
    return root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def form_value(self, name: str) -> str:
        match = re.search(rf'name="{name}" value="([^"]+)"', self.body)
        assert match, f"no {name} in the page"
        return match.group(1)


class AppServer:
    """One gunicorn (gunicorn.conf.py, one worker) on a free loopback port; its JSON log
    lines are kept in a file."""

    def __init__(self, name: str, env: dict[str, str], log_dir: Path):
        self.name = name
        self.port = free_port()
        self.log_path = log_dir / f"{name}.log"
        env = {**env, "BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": "1"}
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                cwd=BASE_DIR,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        self._wait_until_live()

    def _wait_until_live(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_path.read_text()
            try:
                if self.get("/healthz").status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"{self.name} did not start: {self.log_path.read_text()}")

    def request(self, method: str, path: str, body: str = "", headers=None) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body or None, headers=headers or {})
            answer = conn.getresponse()
            return Response(answer.status, answer.headers, answer.read().decode())
        finally:
            conn.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def log_lines(self) -> list[dict]:
        lines = []
        for line in self.log_path.read_text().splitlines():
            try:
                lines.append(json.loads(line))
            except ValueError:
                raise AssertionError(
                    f"{self.name} logged a line that is not JSON: {line}"
                ) from None
        return lines

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class Browser:
    """Cookies kept per host name, not per server: the load balancer sends each request
    to any app server. Requests arrive as the proxy forwards them: HTTPS, Host, Origin."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, server: AppServer, method: str, path: str, form=None, headers=None):
        sent = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            **({"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
               if self.cookies else {}),
            **(headers or {}),
        }  # fmt: skip
        body = ""
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{HOST}"
        response = server.request(method, path, body, sent)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response

    def get(self, server, path, **kwargs):
        return self.request(server, "GET", path, **kwargs)

    def post(self, server, path, form, **kwargs):
        return self.request(server, "POST", path, form=form, **kwargs)


@pytest.fixture(scope="module")
def start_server(static_root, django_db_setup, tmp_path_factory):
    """start_server(name, **env overrides) -> a running AppServer on the test database,
    stopped with the test module (the servers hold no state between tests: the test
    database is emptied after each transactional test)."""
    servers = []
    log_dir = tmp_path_factory.mktemp("app-servers")

    def start(name: str, **overrides) -> AppServer:
        env = production_env(STATIC_ROOT=str(static_root), **overrides)
        server = AppServer(name, env, log_dir)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
