#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecrf.settings")
    if not os.environ.get("DATABASE_URL") and os.environ.get("ECRF_DEMO") == "1":
        # Demo mode, said explicitly (ECRF_DEMO=1): the embedded demo database of `make
        # run`. Anything else without DATABASE_URL stops at the settings, which name it:
        # a production command never falls back to a hidden demo cluster (issue 17).
        from ecrf import embedded_db

        embedded_db.demo_environment(os.environ)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
