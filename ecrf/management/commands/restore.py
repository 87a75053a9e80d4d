"""python manage.py restore PATH (make restore FROM=PATH): load a dump made by `backup`
into the configured database, which must be empty, and check every table against the
dump's manifest (ecrf/backup.py).

The restore runs as the owner role (DATABASE_OWNER_URL): the restored tables are the
owner's, as migrated ones are. The dump carries no privileges (a managed server's roles
differ from the source's), so the runtime role's are then granted as `migrate` grants
them (ecrf/privileges.py)."""

from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ecrf import backup, privileges


class Command(BaseCommand):
    help = "Restore a dump made by `backup` into an empty database and verify it."
    # The database is empty until the end: system checks must not read it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The dump file written by `backup`.")

    def handle(self, *args, path: Path, **options):
        owner = settings.DATABASES.get("owner")
        if owner is None:
            raise CommandError(
                "DATABASE_OWNER_URL is not set: a restore creates the tables, which only the "
                "owner role may (docs/operations.md, 'Database roles')."
            )
        try:
            report = backup.restore(source=path, database=owner, bin_dir=settings.PG_BIN_DIR)
            with backup.Database.from_settings(owner).connect() as conn:
                with conn.transaction(), conn.cursor() as cursor:
                    runtime_role = settings.DATABASES["default"]["USER"]
                    privileges.secure(cursor, runtime_role=runtime_role)
        except (backup.BackupError, privileges.RoleError, psycopg.Error) as error:
            raise CommandError(str(error)) from None
        name = owner["NAME"]
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
