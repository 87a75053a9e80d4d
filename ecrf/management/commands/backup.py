"""python manage.py backup PATH (make backup TO=PATH): a consistent pg_dump of the database
in custom format, and PATH.manifest.json to check a restore against (ecrf/backup.py)."""

from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ecrf import backup


class Command(BaseCommand):
    help = "Write a consistent dump of the database (pg_dump, custom format) and its manifest."
    # Nothing but the database is needed: no system checks, which read the project.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The dump file to write (must not exist).")

    def handle(self, *args, path: Path, **options):
        try:
            manifest = backup.backup(
                to=path, database=settings.DATABASES["default"], bin_dir=settings.PG_BIN_DIR
            )
        except (backup.BackupError, psycopg.Error) as error:
            raise CommandError(str(error)) from None
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"Backed up {manifest['database']} to {path}: {len(manifest['tables'])} tables, "
            f"{rows} rows, {manifest['bytes']} bytes, sha256 {manifest['sha256']}; "
            f"manifest {backup.manifest_path(path)}"
        )
