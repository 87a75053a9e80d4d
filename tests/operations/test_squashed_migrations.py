"""Issue 20, item 7: the migrations are squashed. A new database applies one migration,
ecrf.0001_squashed_0028_schema, that `replaces` 0001-0028; a database that had some or
all of them carries on with the old files. The squash must build the very schema the old
chain built: tables and their columns in order, constraints, indexes, the audit trail's
triggers and their functions, the cache table's UNLOGGED, and the runtime role's grants.

Two scratch databases are migrated by `manage.py migrate` (our command: as the owner,
then the grants and the triggers' hardening): one fresh, through the squash; one through
the old chain up to 0020, as a demo database of last week, then by today's migrations.
Both also run a later migration written against 0028, as the next engineers' migrations
are, on top: it must load and apply after the squash as after the chain. Then the two
`pg_dump --schema-only` are compared line for line."""

import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from ecrf import backup
from tests.operations.conftest import BASE_DIR, database_url

# The proof migrates a database through the old chain 0001-0028 (over two minutes of
# CPU), and what it compares is frozen: neither those files nor the squash's .sql change
# again. So it runs when asked (ECRF_PROVE_SQUASH=1 make test), e.g. before a release
# or after touching ecrf/migrations/0001_*, and CI stays under 15 minutes.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("ECRF_PROVE_SQUASH"),
        reason="the squash's proof runs with ECRF_PROVE_SQUASH=1 (frozen migrations)",
    ),
]

MIGRATIONS = BASE_DIR / "ecrf" / "migrations"
SQUASH = "0001_squashed_0028_schema"
LAST_REPLACED = "0028_password_history_of_existing_accounts"

# A migration as the next engineers write theirs: depending on the last migration of the
# old chain (and on the newest, when there are later ones), and on the state of a model
# built by it (an index on Subject).
LATER_MIGRATION = """
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ecrf", "{last_replaced}"), ("ecrf", "{newest}")]
    operations = [
        migrations.AddIndex(
            model_name="subject",
            index=models.Index(fields=["screening_number", "site"], name="later_probe"),
        ),
    ]
"""
PROBE = "0999_later_probe"


def numbered(after: int) -> list[str]:
    """The names of ecrf's migrations numbered above `after`, the squash left aside."""
    names = [p.stem for p in MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.py") if SQUASH not in p.name]
    return sorted(name for name in names if int(name[:4]) > after)


def owner_connection() -> psycopg.Connection:
    return backup.Database.from_settings(settings.DATABASES["owner"]).connect(autocommit=True)


@pytest.fixture
def scratch_databases():
    """New empty databases on the suite's server, the owner role's; dropped after."""
    made = []

    def make() -> str:
        name = f"squash_{uuid.uuid4().hex[:12]}"
        with owner_connection() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return name

    yield make
    with owner_connection() as conn:
        for name in made:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def migrations_package(root: Path, name: str, *, squash: bool) -> str:
    """A copy of ecrf/migrations as package `name` under `root`, with the later migration;
    without the squash, it is the old chain alone."""
    package = root / name
    package.mkdir()
    for path in MIGRATIONS.iterdir():
        if path.suffix in (".py", ".sql") and (squash or SQUASH not in path.name):
            shutil.copy(path, package / path.name)
    newest = max(numbered(0))
    (package / f"{PROBE}.py").write_text(
        LATER_MIGRATION.format(last_replaced=LAST_REPLACED, newest=newest)
    )
    return name


def migrate(root: Path, database: str, package: str, *target: str) -> str:
    """`manage.py migrate [target]` on `database`, the ecrf app's migrations read from
    `package` (settings' MIGRATION_MODULES, in a settings module of the test's own)."""
    settings_module = root / f"settings_{package}.py"
    settings_module.write_text(
        "from ecrf.settings import *  # noqa: F403\n\n"
        f"MIGRATION_MODULES = {{'ecrf': '{package}'}}\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", *target],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(root), str(BASE_DIR)]),
            "DJANGO_SETTINGS_MODULE": settings_module.stem,
            "DATABASE_URL": database_url(database),
            "DATABASE_OWNER_URL": database_url(database, "DATABASE_OWNER_URL"),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def schema(database: str) -> list[str]:
    """pg_dump --schema-only, less its comments and the session lines that vary by run
    (a newer pg_dump's \\restrict key)."""
    with owner_connection() as conn:
        major = conn.info.server_version // 10000
    dsn, env = backup.Database.from_settings(
        {**settings.DATABASES["owner"], "NAME": database}
    ).tool_arguments()
    dump = subprocess.run(
        [str(backup.client_program("pg_dump", major)), "--schema-only", "--dbname", dsn],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        line
        for line in dump.splitlines()
        if line.strip() and not line.startswith("--") and not re.match(r"\\(un)?restrict ", line)
    ]


def applied(database: str) -> list[str]:
    owner = {**settings.DATABASES["owner"], "NAME": database}
    with backup.Database.from_settings(owner).connect() as conn:
        rows = conn.execute("SELECT name FROM django_migrations WHERE app = 'ecrf' ORDER BY id")
        return [name for (name,) in rows]


def test_the_squash_builds_the_schema_the_old_chain_built(scratch_databases, tmp_path):
    today = migrations_package(tmp_path, "today", squash=True)
    chain = migrations_package(tmp_path, "chain", squash=False)

    fresh = scratch_databases()
    output = migrate(tmp_path, fresh, today)
    # A new database applies the squash and then the later migration, nothing else (Django
    # records the replaced migrations as applied with it).
    applying = re.findall(r"Applying ecrf\.(\w+)", output)
    assert applying == [SQUASH, *numbered(28), PROBE]
    assert "Privileges: ecrf_app" in output

    existing = scratch_databases()
    migrate(tmp_path, existing, chain, "ecrf", "0020_event_last_change_index")
    # Last week's database goes on through the old files, then the later migration; with
    # every replaced migration applied, the squash counts as applied too.
    output = migrate(tmp_path, existing, today)
    assert re.findall(r"Applying ecrf\.(\w+)", output) == [*numbered(20), PROBE]
    assert SQUASH in applied(existing)
    assert "No migrations to apply." in migrate(tmp_path, existing, today)

    squashed, chained = schema(fresh), schema(existing)
    assert any("later_probe" in line for line in squashed)
    assert any("SET UNLOGGED" in line or "UNLOGGED TABLE" in line for line in squashed)
    assert any("CREATE TRIGGER pgtrigger_" in line for line in squashed)
    assert squashed == chained
