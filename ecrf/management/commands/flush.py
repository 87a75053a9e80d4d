"""python manage.py flush: Django's flush, for the demo and the tests only.

Emptying the record is never part of running a trial: outside demo mode this command
refuses. In demo mode (the tests empty their database after each transactional test
with it) the tables are emptied by the owner role (DATABASE_OWNER_URL), since the app's
own role may not TRUNCATE (ecrf/privileges.py).
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.management.commands import flush
from django.core.management.sql import emit_post_migrate_signal, sql_flush
from django.db import connections

from ecrf.backup import Database


class Command(flush.Command):
    def handle(self, **options):
        if not settings.DEMO:
            raise CommandError("flush empties every table: only a demo database may be flushed.")
        if "owner" not in settings.DATABASES:
            raise CommandError("DATABASE_OWNER_URL is not set: only the owner role may flush.")
        database = options["database"]
        statements = sql_flush(
            no_style(),
            connections[database],
            reset_sequences=options.get("reset_sequences", True),
            allow_cascade=options.get("allow_cascade", False),
        )
        if options["interactive"]:
            answer = input(f"Empty every table of {connections[database].settings_dict['NAME']}? ")
            if answer != "yes":
                self.stdout.write("Flush cancelled.")
                return
        # Its own connection: in a test, Django lets the test's database aliases only be
        # used; this one is the owner's, not the app's.
        with Database.from_settings(settings.DATABASES["owner"]).connect() as owner:
            with owner.transaction():
                for statement in statements:
                    owner.execute(statement)
        if not options.get("inhibit_post_migrate", False):
            emit_post_migrate_signal(options["verbosity"], options["interactive"], database)
