"""python manage.py sync_protocols: create or update the studies of ECRF_STUDIES and their
arms from each protocol declaration. A production install runs it after `migrate` (the
demo's load_demo runs it too); sites, users and their roles are then added in the admin.
Safe to run again: an arm's open/closed state and capacity are set only when it is first
created (ecrf.actions.protocol_sync)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from ecrf import actions


class Command(BaseCommand):
    help = "Create or update the installed studies and their arms from their protocol modules."

    def handle(self, *args, **options):
        for package in settings.ECRF_STUDIES:
            study = actions.protocol_sync(study_package=package)
            self.stdout.write(f"{study.registry_id}: {study.title} ({study.arms.count()} arms)")
