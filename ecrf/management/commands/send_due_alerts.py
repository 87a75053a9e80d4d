"""python manage.py send_due_alerts: safe to run every few minutes (cron, systemd timer).

Raises the alerts of SAE reporting clocks about to run out or run out (spec §5.2), then
mails every alert not mailed yet, including entry-time alerts whose mail failed. Each alert
is mailed once, even when two runs overlap (ecrf/actions/alerts.py).
"""

from django.core.management.base import BaseCommand

from ecrf.actions.alerts import alerts_raise_due, alerts_send


class Command(BaseCommand):
    help = (
        "Raise the alerts of SAE reporting clocks due soon or overdue, and mail every "
        "alert not mailed yet (idempotent: run it every few minutes)."
    )

    def handle(self, *args, **options):
        alerts_raise_due()
        sent, failed = alerts_send()
        self.stdout.write(f"Alerts mailed: {sent}.")
        if failed:
            # Kept unsent on the alerts; the next run tries them again.
            self.stderr.write(f"Alerts not mailed (retried on the next run): {failed}.")
