"""Run a command with DATABASE_URL (and DATABASE_OWNER_URL) pointing at a throw-away
embedded PostgreSQL, unless DATABASE_URL is already set:
`python -m tests.with_database manage.py check`."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ecrf import embedded_db

if __name__ == "__main__":
    env = dict(os.environ, ECRF_DEMO=os.environ.get("ECRF_DEMO", "1"))
    server = None
    if not env.get("DATABASE_URL"):
        server = embedded_db.start(
            Path(tempfile.mkdtemp(prefix="ecrf-check-pg-")) / "data", throwaway=True
        )
        env.update(embedded_db.ensure_database(server, "ecrf_check"))
    sys.exit(subprocess.run(sys.argv[1:], env=env).returncode)
