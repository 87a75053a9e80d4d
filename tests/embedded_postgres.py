"""Pytest plugin: a throw-away embedded PostgreSQL cluster when DATABASE_URL is unset.

Loaded with `-p` (see pyproject.toml) so that it runs before pytest-django imports the
settings, which read DATABASE_URL. Tests never run on SQLite.

The cluster has the two roles of a production install (ecrf/privileges.py): the suite's
database belongs to the owner role (DATABASE_OWNER_URL), which migrates it once per run
(tests/conftest.py, django_db_setup) and empties it after each transactional test; the
app under test connects as the runtime role (DATABASE_URL). With DATABASE_URL set, the
suite uses that database and DATABASE_OWNER_URL's role as they are: a scratch database,
since the tests write to it.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("ECRF_DEMO", "1")

# `make test` runs the suite in parallel processes (pytest-xdist, one per CPU). Each
# worker inherits the environment of the process that started it, which has its own
# throw-away cluster: a worker starts a cluster of its own rather than share that
# database, so that no test sees another's rows, and a test that restarts PostgreSQL
# (the soak) restarts only its own.
_OURS = "ECRF_TEST_CLUSTER_OF"
_inherited = os.environ.get(_OURS) not in (None, str(os.getpid()))

if not os.environ.get("DATABASE_URL") or _inherited:
    from ecrf import embedded_db

    _server = embedded_db.start(
        Path(tempfile.mkdtemp(prefix="ecrf-test-pg-")) / "data", throwaway=True
    )
    os.environ.update(embedded_db.ensure_database(_server, "ecrf_test"))
    os.environ[_OURS] = str(os.getpid())
