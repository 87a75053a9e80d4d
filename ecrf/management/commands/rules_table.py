"""Print the table of every protocol rule with its class, severity and source, for the
README (issue 18); tests/test_protocol_rules.py fails when the README's copy is stale."""

from django.core.management.base import BaseCommand

from ecrf.protocol import rules_table


class Command(BaseCommand):
    help = "Print the README's table of protocol rules (class, severity, source)."

    def handle(self, *args, **options):
        self.stdout.write(rules_table(), ending="")
