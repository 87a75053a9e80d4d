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

if not os.environ.get("DATABASE_URL"):
    from ecrf import embedded_db

    _server = embedded_db.start(
        Path(tempfile.mkdtemp(prefix="ecrf-test-pg-")) / "data", throwaway=True
    )
    os.environ.update(embedded_db.ensure_database(_server, "ecrf_test"))
