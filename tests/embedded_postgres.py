"""Pytest plugin: a throw-away embedded PostgreSQL cluster when DATABASE_URL is unset.

Loaded with `-p` (see pyproject.toml) so that it runs before pytest-django imports the
settings, which read DATABASE_URL. Tests never run on SQLite.
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
    os.environ["DATABASE_URL"] = embedded_db.database_url(_server, "postgres")
