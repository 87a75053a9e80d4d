"""Issue 17, item 1: the record's guarantees hold against the app's own database role.

Connected as the runtime role (DATABASE_URL), as the app and anyone holding its password
are, each statement that would change or remove an audit row, delete study data, write
to a locked record or switch a trigger off is refused, on every table the catalogue
lists (not a hand-made list), of the database the owner role migrated for this run.
"""

import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings

from ecrf import privileges
from ecrf.actions import locking
from ecrf.backup import Database
from ecrf.models import Role, Subject
from tests.conftest import make_user

REFUSED = {
    "42501",  # insufficient privilege: not granted, or not the table's owner
    "P0001",  # a pgtrigger Protect trigger refused the row
    "EL423",  # the lock trigger refused the row (ecrf/models/core.py, RefuseWhenLocked)
}


def connect(alias: str) -> psycopg.Connection:
    return Database.from_settings(settings.DATABASES[alias]).connect(autocommit=True)


@pytest.fixture
def runtime():
    with connect("default") as conn:
        yield conn


def refused(conn: psycopg.Connection, *statements: str) -> bool:
    """True when the last statement fails as refused; the others prepare it. Any other
    error (a typo in the test's SQL) fails the test."""
    try:
        with conn.transaction():
            for statement in statements:
                conn.execute(statement)
    except psycopg.Error as error:
        if error.sqlstate in REFUSED:
            return True
        raise
    return False


def catalogue(conn) -> dict[str, dict]:
    """{table: {"triggers": [...], "key": its primary key column}} of schema public."""
    rows = conn.execute(
        """
        SELECT c.relname,
               coalesce(array_agg(t.tgname ORDER BY t.tgname)
                        FILTER (WHERE t.tgname IS NOT NULL), '{}'),
               (SELECT a.attname FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = c.oid AND i.indisprimary)
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         GROUP BY c.oid, c.relname
        """
    ).fetchall()
    return {name: {"triggers": triggers, "key": key} for name, triggers, key in rows}


def audit_tables(tables) -> list[str]:
    """Tables whose rows are never changed nor removed: a trigger refuses both."""
    return sorted(
        name
        for name, table in tables.items()
        if any("append_only" in trigger for trigger in table["triggers"])
        and name != "pghistory_context"  # pghistory adds keys to a context: see below
    )


def guarded_tables(tables) -> list[str]:
    """Tables an audit, append-only, no-delete or lock trigger guards."""
    return sorted(name for name, table in tables.items() if table["triggers"])


def cleaned_tables() -> set[str]:
    from django.apps import apps

    return {apps.get_model(label)._meta.db_table for label in privileges.CLEANED}


@pytest.mark.django_db
def test_the_runtime_role_is_neither_superuser_nor_owner(runtime):
    role = runtime.execute("SELECT current_user").fetchone()[0]
    assert role == settings.DATABASES["default"]["USER"] != settings.DATABASES["owner"]["USER"]
    superuser, owned = runtime.execute(
        "SELECT rolsuper, (SELECT count(*) FROM pg_class WHERE relowner = r.oid)"
        "  FROM pg_roles r WHERE rolname = current_user"
    ).fetchone()
    assert not superuser and owned == 0
    # Nor a member of the owner's role, which would let it SET ROLE to it.
    owner = settings.DATABASES["owner"]["USER"]
    assert not runtime.execute(
        "SELECT pg_has_role(current_user, %s, 'MEMBER')", [owner]
    ).fetchone()[0]


@pytest.mark.django_db
def test_audit_tables_refuse_update_delete_and_truncate(runtime):
    tables = catalogue(runtime)
    audit = audit_tables(tables)
    assert "ecrf_subjectevent" in audit and "ecrf_loginevent" in audit and len(audit) > 30
    for name in audit:
        key = tables[name]["key"]
        assert refused(runtime, f'UPDATE "{name}" SET "{key}" = "{key}"'), name
        assert refused(runtime, f'DELETE FROM "{name}"'), name
        assert refused(runtime, f'TRUNCATE "{name}"'), name
        assert refused(runtime, f'TRUNCATE "{name}" CASCADE'), name


@pytest.mark.django_db
def test_no_table_but_the_cleaned_ones_allows_delete_and_none_truncate(runtime):
    tables = catalogue(runtime)
    cleaned = cleaned_tables()
    assert "ecrf_subject" in tables and "django_session" in cleaned
    for name in tables:
        if name not in cleaned:
            assert refused(runtime, f'DELETE FROM "{name}"'), name
        assert refused(runtime, f'TRUNCATE "{name}"'), name
    # What the app cleans carries no audit or protection.
    assert not [name for name in cleaned if tables[name]["triggers"]]
    # Nor any privilege beyond reading and writing rows, anywhere.
    extra = runtime.execute(
        """
        SELECT c.relname, p.privilege FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace,
               unnest(ARRAY['TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
           AND has_table_privilege(current_user, c.oid, p.privilege)
        """
    ).fetchall()
    assert extra == []


@pytest.mark.django_db
def test_no_trigger_can_be_disabled_or_dropped(runtime):
    tables = catalogue(runtime)
    guarded = guarded_tables(tables)
    assert "ecrf_subject" in guarded and "ecrf_datalock" in guarded
    for name in guarded:
        assert refused(runtime, f'ALTER TABLE "{name}" DISABLE TRIGGER ALL'), name
        assert refused(runtime, f'ALTER TABLE "{name}" DISABLE TRIGGER USER'), name
        for trigger in tables[name]["triggers"]:
            assert refused(runtime, f'ALTER TABLE "{name}" DISABLE TRIGGER "{trigger}"'), trigger
            assert refused(runtime, f'DROP TRIGGER "{trigger}" ON "{name}"'), trigger
    assert refused(runtime, "SET session_replication_role = replica")
    assert refused(runtime, "SET LOCAL session_replication_role = replica")
    # Nothing of its own that could stand in for a table or function a trigger uses:
    # a temporary table comes first on the search path.
    assert refused(runtime, "CREATE TEMPORARY TABLE ecrf_datalock (id bigint)")
    assert refused(runtime, "CREATE TABLE public.shadow (id bigint)")
    assert refused(
        runtime,
        'CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(trigger_name NAME)'
        " RETURNS BOOLEAN AS $$ SELECT TRUE $$ LANGUAGE sql",
    )
    assert refused(runtime, "CREATE SCHEMA shadow")


@pytest.fixture
def locked_subject(qh1a, make_subject, guangzhou):
    """A subject committed to the database, locked by a data manager."""
    subject = make_subject(qh1a, "enrolled")
    manager = make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)
    locking.lock_set(
        study=qh1a, subject=subject, record=None, level="locked", reason="Cleaned", by=manager
    )
    return subject


@pytest.mark.django_db(transaction=True)
def test_a_locked_record_refuses_every_write_and_ignores_pgtrigger_ignore(
    runtime, locked_subject, make_subject, qh1a
):
    tables = catalogue(runtime)
    update = f"UPDATE ecrf_subject SET weight_kg = 99 WHERE id = {locked_subject.pk}"
    assert refused(runtime, update)
    # pgtrigger's way to skip a trigger in one session: named, every trigger at once.
    every_trigger = ",".join(t for table in tables.values() for t in table["triggers"])
    assert refused(runtime, f"SET LOCAL pgtrigger.ignore = '{{{every_trigger}}}'", update)
    assert refused(runtime, f"SET pgtrigger.ignore = '{{{every_trigger}}}'", update)
    runtime.execute("RESET pgtrigger.ignore")
    # Each locked form of the subject, the same.
    for name in ("ecrf_enrolment", "ecrf_eligibilityanswer"):
        change = f"UPDATE {name} SET id = id WHERE subject_id = {locked_subject.pk}"
        assert refused(runtime, f"SET LOCAL pgtrigger.ignore = '{{{every_trigger}}}'", change)
    assert Subject.objects.get(pk=locked_subject.pk).weight_kg != 99

    # The audit trigger is not skipped either: an unlocked subject's change is recorded.
    other = make_subject(qh1a)
    events = other.events.count()
    with runtime.transaction():
        runtime.execute(f"SET LOCAL pgtrigger.ignore = '{{{every_trigger}}}'")
        runtime.execute(f"UPDATE ecrf_subject SET weight_kg = 71 WHERE id = {other.pk}")
    assert other.events.count() == events + 1


@pytest.mark.django_db(transaction=True)
def test_the_audit_context_gains_keys_but_is_never_rewritten(runtime, locked_subject):
    assert runtime.execute("SELECT count(*) FROM pghistory_context").fetchone()[0] > 0
    assert refused(
        runtime, "UPDATE pghistory_context SET created_at = created_at - interval '1 day'"
    )
    assert refused(runtime, """UPDATE pghistory_context SET metadata = '{"user": 0}'""")
    assert refused(runtime, "DELETE FROM pghistory_context")
    assert refused(runtime, "TRUNCATE pghistory_context")


@pytest.mark.django_db(transaction=True)
def test_the_triggers_refuse_even_the_owner(locked_subject):
    # The second line: privileges keep the app's role out; the triggers hold for the
    # owner too (as long as it does not switch them off, which only it may).
    with connect("owner") as owner:
        assert refused(owner, f"DELETE FROM ecrf_subject WHERE id = {locked_subject.pk}")
        assert refused(
            owner, f"DELETE FROM ecrf_subjectevent WHERE pgh_obj_id = {locked_subject.pk}"
        )
        assert refused(owner, "UPDATE ecrf_subjectevent SET weight_kg = 1")
        assert refused(
            owner, f"UPDATE ecrf_subject SET weight_kg = 1 WHERE id = {locked_subject.pk}"
        )
        assert refused(
            owner,
            "SET LOCAL pgtrigger.ignore = '{pgtrigger_append_only_33776}'",
            "UPDATE ecrf_subjectevent SET weight_kg = 1",
        )


def test_migrate_hardens_again_what_a_migration_reinstalls():
    # Every pgtrigger migration reinstalls its ignore check, which honours
    # pgtrigger.ignore; our migrate puts ours back, whatever the migrations did.
    permissive = """
        CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(trigger_name NAME)
        RETURNS BOOLEAN AS $$ SELECT trigger_name = ANY(
            NULLIF(current_setting('pgtrigger.ignore', true), '')::text[]) $$ LANGUAGE sql
    """
    with connect("owner") as owner:
        owner.execute(permissive)
    try:
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input"],
            cwd=settings.BASE_DIR,
            env=dict(os.environ),
            capture_output=True,
            text=True,
        )
        assert migrate.returncode == 0, migrate.stderr
    finally:
        with connect("owner") as owner:
            ours = owner.execute(
                "SELECT prosrc FROM pg_proc WHERE proname = '_pgtrigger_should_ignore'"
            ).fetchone()[0]
            if "SELECT FALSE" not in ours:
                owner.execute(privileges.IGNORE_NOTHING)
    assert "SELECT FALSE" in ours


def test_migrate_refuses_a_runtime_role_that_owns_the_database():
    env = {**os.environ, "DATABASE_URL": os.environ["DATABASE_OWNER_URL"]}
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert migrate.returncode != 0
    assert "the app must serve as a role of its own" in migrate.stderr
