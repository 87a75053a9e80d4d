"""Forget form-submission keys older than a week (issue 4): a browser retries within
minutes, so a week is ample, and the table stays small."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from ecrf.models import SubmissionKey


class Command(BaseCommand):
    help = "Delete idempotency keys of form submissions older than --days (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        cutoff = timezone.now() - dt.timedelta(days=days)
        count, _ = SubmissionKey.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {count} submission keys older than {days} days.")
