"""Issue 20, item 7: a new database is migrated in seconds. It applies
ecrf.0001_squashed_0028_schema (pg_dump of what 0001-0028 built; it `replaces` them, and
a database that had some or all of them carries on with their files), then the later
migrations rendered once (ecrf/migrations/__init__.py, RenderOnce; written by
tests/operations/render_once.py): each runs the SQL its operations emitted, kept in its
.sql, and applies the same operations to the models' state without re-rendering. Both
must build the very schema the migrations' operations build when Django runs them as
written: tables and their columns in order, constraints, indexes, the audit trail's
triggers and their functions, the cache table's UNLOGGED, and the runtime role's grants.

Three scratch databases are migrated by `manage.py migrate` (our command: as the owner,
then the grants and the triggers' hardening): one fresh, with today's files; one with
the files as written (no squash; every RenderOnce runs its operations as Django does) up
to 0020 (release 0.1.0's database), then with today's files; and a copy of that one with
the files as written to the end. All three also run a later migration written against
0028, as the next engineers' migrations are, on top: it must load and apply after the
squash as after the chain. Then the three `pg_dump --schema-only` are compared line for
line."""

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

# The proof migrates databases through the migrations as written (minutes of CPU), and
# what it compares is frozen: no migration, squash or .sql changes once landed. So it
# runs when asked (ECRF_PROVE_SQUASH=1 make test): after rendering a migration once
# (docs/operations.md, "Adding a migration") and before a release; CI stays under 15
# minutes.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("ECRF_PROVE_SQUASH"),
        reason="the squash's proof runs with ECRF_PROVE_SQUASH=1 (frozen migrations)",
    ),
]

# The apps whose migrations are squashed: their folders, and the package each is copied to.
FOLDERS = {
    "ecrf": BASE_DIR / "ecrf" / "migrations",
    "cips_bal": BASE_DIR / "studies" / "cips_bal" / "migrations",
}
SQUASH = "ecrf.0001_squashed_0028_schema"
LAST_REPLACED = "0028_password_history_of_existing_accounts"
RELEASE_0_1_0 = "0020_event_last_change_index"

# A migration as the next engineers write theirs: depending on the last migration of the
# old chain and on the newest, and on the state of a model built by them (an index on
# Subject).
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

# Each app's migrations package, as written: RenderOnce runs the operations as Django runs
# them (every state rendered), not its .sql.
AS_WRITTEN = """
from django.db import migrations


class RenderOnce(migrations.SeparateDatabaseAndState):
    def __init__(self, sql, operations):
        super().__init__(database_operations=operations, state_operations=operations)
"""


def is_squash(name: str) -> bool:
    return "_squashed_" in name


def migration_names(app: str) -> list[str]:
    """The names of `app`'s migrations, squashes included, in their numbers' order."""
    return sorted(p.stem for p in FOLDERS[app].glob("[0-9][0-9][0-9][0-9]_*.py"))


def numbered(after: int, before: int = 10_000) -> list[str]:
    """The names of ecrf's own migrations numbered between `after` and `before`."""
    names = [name for name in migration_names("ecrf") if not is_squash(name)]
    return [name for name in names if after < int(name[:4]) < before]


def owner_connection() -> psycopg.Connection:
    return backup.Database.from_settings(settings.DATABASES["owner"]).connect(autocommit=True)


@pytest.fixture
def scratch_databases():
    """New empty databases (or copies of one) on the suite's server, the owner role's;
    dropped after."""
    made = []

    def make(template: str | None = None) -> str:
        name = f"squash_{uuid.uuid4().hex[:12]}"
        with owner_connection() as conn:
            copy = f' TEMPLATE "{template}"' if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        made.append(name)
        return name

    yield make
    with owner_connection() as conn:
        for name in made:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def migrations_packages(root: Path, suffix: str, *, squash: bool) -> dict[str, str]:
    """A copy of each app's migrations as package `<app>_<suffix>` under `root`, ecrf's
    with the later migration; without the squash, and with RenderOnce running the
    operations as written, they are the migrations as Django would run them."""
    packages = {}
    for app, folder in FOLDERS.items():
        package = root / f"{app}_{suffix}"
        package.mkdir()
        for path in folder.iterdir():
            if path.suffix in (".py", ".sql") and (squash or not is_squash(path.name)):
                shutil.copy(path, package / path.name)
        if not squash:
            (package / "__init__.py").write_text(AS_WRITTEN)
        packages[app] = package.name
    newest = max(name for name in migration_names("ecrf") if not is_squash(name))
    (root / packages["ecrf"] / f"{PROBE}.py").write_text(
        LATER_MIGRATION.format(last_replaced=LAST_REPLACED, newest=newest)
    )
    return packages


def migrate(root: Path, database: str, packages: dict[str, str], *target: str) -> str:
    """`manage.py migrate [target]` on `database`, the apps' migrations read from
    `packages` (settings' MIGRATION_MODULES, in a settings module of the test's own)."""
    settings_module = root / f"settings_{packages['ecrf']}.py"
    settings_module.write_text(
        f"from ecrf.settings import *  # noqa: F403\n\nMIGRATION_MODULES = {packages!r}\n"
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


def applying(output: str) -> list[str]:
    """The migrations of the squashed apps that `migrate` applied, in order."""
    return re.findall(r"Applying ((?:ecrf|cips_bal)\.\w+)", output)


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
        rows = conn.execute(
            "SELECT app || '.' || name FROM django_migrations"
            " WHERE app IN ('ecrf', 'cips_bal') ORDER BY id"
        )
        return [name for (name,) in rows]


def test_the_squash_and_the_migrations_rendered_once_build_what_they_were_written_to(
    scratch_databases, tmp_path
):
    today = migrations_packages(tmp_path, "today", squash=True)
    chain = migrations_packages(tmp_path, "chain", squash=False)
    later = [f"ecrf.{name}" for name in numbered(28)] + [
        f"cips_bal.{name}" for name in migration_names("cips_bal")
    ]

    fresh = scratch_databases()
    output = migrate(tmp_path, fresh, today)
    # A new database applies the squash, the later migrations and then the probe
    # (Django records the replaced migrations as applied with the squash).
    assert applying(output)[0] == SQUASH
    assert sorted(applying(output)[1:]) == sorted([*later, f"ecrf.{PROBE}"])
    assert applying(output)[-1] == f"ecrf.{PROBE}"
    assert "Privileges: ecrf_app" in output

    # Release 0.1.0's database: at 0020, through the migrations as written.
    existing = scratch_databases()
    migrate(tmp_path, existing, chain, "ecrf", RELEASE_0_1_0)
    # ... copied before it is upgraded, to be migrated to the end as written.
    chained = scratch_databases(template=existing)

    # It goes on through the files of 0021-0028 (the squash is partly applied), then
    # the later ones and the probe; with every replaced migration applied, the squash
    # counts as applied.
    output = migrate(tmp_path, existing, today)
    steps = applying(output)
    assert steps[:8] == [f"ecrf.{name}" for name in numbered(20, 29)]
    assert sorted(steps[8:]) == sorted([*later, f"ecrf.{PROBE}"])
    assert SQUASH in applied(existing)
    assert "No migrations to apply." in migrate(tmp_path, existing, today)

    # The migrations as written, every one, to the end.
    output = migrate(tmp_path, chained, chain)
    assert SQUASH not in applying(output)
    assert applying(output)[-1] == f"ecrf.{PROBE}"
    assert "No migrations to apply." in migrate(tmp_path, chained, today)

    rendered_once, upgraded, as_written = schema(fresh), schema(existing), schema(chained)
    assert any("later_probe" in line for line in rendered_once)
    assert any("SET UNLOGGED" in line or "UNLOGGED TABLE" in line for line in rendered_once)
    assert any("CREATE TRIGGER pgtrigger_" in line for line in rendered_once)
    assert any("cips_bal_functionalhepatocytes" in line for line in rendered_once)
    assert rendered_once == as_written
    assert upgraded == as_written
