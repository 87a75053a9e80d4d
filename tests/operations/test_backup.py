"""Issue 8, part 3: backups that restore (ICH E6(R3) 4.3.3). A study with a row in every
form, edits with reasons, voided records, signatures and the audit trail is backed up
with `manage.py backup`, restored with `manage.py restore` into a new database, and the
two databases are compared table by table, row for row."""

import json
import os
import subprocess
import sys
import uuid

import pghistory
import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from ecrf import audit, backup
from ecrf.actions import clinical, integrity
from ecrf.models import ConcomitantMedication, MedicalHistory, Subject
from tests.access.test_every_admin_page import casebooks  # noqa: F401  (a fixture)
from tests.clinical.conftest import history_values, medication_values
from tests.operations.conftest import BASE_DIR, database_url


def connect(name: str, alias: str = "default") -> psycopg.Connection:
    database = {**settings.DATABASES[alias], "NAME": name}
    return backup.Database.from_settings(database).connect(autocommit=True)


@pytest.fixture
def new_database():
    """An empty database on the same server, the owner role's, dropped after the test."""
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with connect(settings.DATABASES["default"]["NAME"], "owner") as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect(settings.DATABASES["default"]["NAME"], "owner") as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def every_row(name: str) -> dict[str, list[str]]:
    """{table: its rows as text, sorted}, for every table of the database."""
    with connect(name) as conn, conn.transaction():
        backup.set_row_text_settings(conn)
        tables = conn.execute(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
            " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
        ).fetchall()
        return {
            table: [row for (row,) in conn.execute(f"SELECT t::text FROM {table} t ORDER BY 1")]
            for (table,) in tables
        }


def edits_and_voids(users):
    """On top of one row per form: a change made with a reason, and a voided record."""
    subject = Subject.objects.get(screening_number="BFH-001")
    by = users["investigator"]
    history = MedicalHistory.objects.get(subject=subject)
    with audit.reason("entry_error", "Started in 2016, not 2015."):
        clinical.medical_history_record(
            subject=subject,
            by=by,
            entry=history,
            version=history.version,
            **history_values(start="2016-03"),
        )
    medication = clinical.medication_record(
        subject=subject, by=by, **medication_values(name="Lactulose")
    )
    integrity.record_void(record=medication, by=by, reason="Entered for the wrong subject.")


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row(casebooks, new_database, tmp_path):  # noqa: F811
    edits_and_voids(casebooks)
    dump = tmp_path / "ecrf.dump"
    call_command("backup", str(dump))
    manifest = json.loads(backup.manifest_path(dump).read_text())
    assert manifest["sha256"] == backup.file_sha256(dump)

    restored = subprocess.run(
        [sys.executable, "manage.py", "restore", str(dump)],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": database_url(new_database),
            "DATABASE_OWNER_URL": database_url(new_database, "DATABASE_OWNER_URL"),
        },
        capture_output=True,
        text=True,
    )
    assert restored.returncode == 0, restored.stderr
    assert "Every table matches the backup's manifest, row for row." in restored.stdout

    source = every_row(settings.DATABASES["default"]["NAME"])
    copy = every_row(new_database)
    assert source.keys() == copy.keys()
    for table in source:
        assert source[table] == copy[table], table

    # What was compared: every form (and each one holds rows), the audit trail's event
    # tables and contexts (reasons for change), the voided row, the signatures.
    def rows(model):
        return source[f"public.{model._meta.db_table}"]

    # The made-up third study (tests/third_study) has no demo subject; its own form is
    # exported and proved in tests/third_study.
    forms = [
        m for m in audit.subject_links() if not rows(m) and not m.__module__.startswith("tests.")
    ]
    assert forms == [], "forms without a row to back up"
    events = [m for m in pghistory.core.event_models() if m.pgh_tracked_model is not None]
    assert all(rows(event) for event in events if rows(event.pgh_tracked_model))
    assert any("Started in 2016, not 2015." in row for row in source["public.pghistory_context"])
    voided = ConcomitantMedication.all_objects.get(voided_at__isnull=False)
    assert any(f"({voided.pk}," in row for row in rows(ConcomitantMedication))
    assert manifest["tables"].keys() == source.keys()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    dump = tmp_path / "small.dump"
    call_command("backup", str(dump))
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(dump))  # into the test database itself
    with pytest.raises(CommandError, match="give each backup a new name"):
        call_command("backup", str(dump))


def test_restore_refuses_a_damaged_file(tmp_path):
    dump = tmp_path / "damaged.dump"
    dump.write_bytes(b"PGDMP" + b"\0" * 100)
    manifest = {"format": 1, "sha256": "0" * 64, "tables": {}}
    backup.manifest_path(dump).write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="damaged or incomplete"):
        call_command("restore", str(dump))


def test_the_client_programs_match_the_server():
    with connect(settings.DATABASES["default"]["NAME"]) as conn:
        major = conn.info.server_version // 10000
    assert backup._version(backup.client_program("pg_dump", major)) >= major
    with pytest.raises(backup.BackupError, match="postgresql-client-99"):
        backup.client_program("pg_dump", 99)
