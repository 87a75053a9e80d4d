#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecrf.settings")
    if not os.environ.get("DATABASE_URL"):
        # No database configured: the embedded demo database, in demo mode (as `make
        # run`). Production sets DATABASE_URL and SECRET_KEY and never gets here.
        from ecrf import embedded_db

        embedded_db.demo_environment(os.environ)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
