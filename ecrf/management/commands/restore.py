"""python manage.py restore PATH (make restore FROM=PATH): load a dump made by `backup`
into the configured database, which must be empty, and check every table against the
dump's manifest (ecrf/backup.py)."""

from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ecrf import backup


class Command(BaseCommand):
    help = "Restore a dump made by `backup` into an empty database and verify it."
    # The database is empty until the end: system checks must not read it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The dump file written by `backup`.")

    def handle(self, *args, path: Path, **options):
        try:
            report = backup.restore(
                source=path, database=settings.DATABASES["default"], bin_dir=settings.PG_BIN_DIR
            )
        except (backup.BackupError, psycopg.Error) as error:
            raise CommandError(str(error)) from None
        name = settings.DATABASES["default"]["NAME"]
        self.stdout.write(
            f"Restored {path} into {name}: {report.tables} tables, {report.rows} rows."
        )
        if report.verified:
            self.stdout.write(
                self.style.SUCCESS("Every table matches the backup's manifest, row for row.")
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"No manifest ({backup.manifest_path(path)}): the rows were not verified."
                )
            )
