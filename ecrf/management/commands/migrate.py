"""python manage.py migrate: Django's migrate, run as the owner role, then the runtime
role's privileges and the triggers' hardening applied again (ecrf/privileges.py).

Migrations need the owner (they create and alter tables), the app must not have it: so
this command connects as DATABASE_OWNER_URL (the "owner" database alias) unless
--database names another, and after the last migration, whether it succeeded or not,
re-grants every table to DATABASE_URL's role and makes pgtrigger's ignore check, which
a migration may have reinstalled, ignore nothing. Nothing else needs to be run after a
deploy's migrate, and no migration can leave a new table without its grants.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from ecrf import privileges

OWNER = "owner"


class Command(migrate.Command):
    help = "Apply migrations as the owner role (DATABASE_OWNER_URL), then secure the runtime role."

    def handle(self, *args, **options):
        if options["database"] == DEFAULT_DB_ALIAS:
            if OWNER not in settings.DATABASES:
                raise CommandError(
                    "DATABASE_OWNER_URL is not set. Migrations run as the database's owner "
                    "role (DATABASE_OWNER_URL) and the app as its own role (DATABASE_URL); "
                    "see docs/operations.md, 'Database roles'."
                )
            options["database"] = OWNER
        try:
            super().handle(*args, **options)
        finally:
            # Also after a failed migration: it may have reinstalled pgtrigger's check.
            self.secure(options["database"])

    def secure(self, alias: str) -> None:
        runtime_role = settings.DATABASES[DEFAULT_DB_ALIAS]["USER"]
        try:
            # One transaction: the running app never sees a table between its REVOKE
            # and its GRANT.
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                privileges.secure(cursor, runtime_role=runtime_role)
        except privileges.RoleError as error:
            raise CommandError(str(error)) from None
        if self.verbosity >= 1:
            self.stdout.write(
                f"Privileges: {runtime_role} (DATABASE_URL) may read and write, not delete "
                "study data nor change the audit trail; no trigger can be ignored."
            )
