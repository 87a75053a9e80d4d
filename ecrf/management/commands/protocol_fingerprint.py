"""Print a protocol version's fingerprint: the SHA-256 of its canonical content
(ecrf.versions.describe). Publishing a version records it in the version's declaration
(ProtocolVersion(fingerprint=...)); `manage.py check` then fails whenever the declaration
drifts from it (issue 21)."""

import json

from django.core.management.base import BaseCommand, CommandError

from ecrf import versions


class Command(BaseCommand):
    help = "Print a protocol version's fingerprint (and, with --content, what it covers)."
    # It is what one runs when the check fails on a drifted version: no checks first.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("package", help="The study package, e.g. studies.qh1a")
        parser.add_argument("number", help='The version, e.g. "2.0"')
        parser.add_argument("--content", action="store_true", help="Print the content too.")

    def handle(self, *args, package, number, content, **options):
        try:
            declared = versions.declared_version(package, number)
        except (KeyError, ImportError) as exc:
            raise CommandError(str(exc)) from None
        if content:
            text = json.dumps(versions.describe(package, number), indent=2, ensure_ascii=False)
            self.stdout.write(text)
        now = versions.fingerprint(package, number)
        self.stdout.write(now)
        if declared.fingerprint and declared.fingerprint != now:
            self.stderr.write(f"The declaration records {declared.fingerprint}: it drifted.")
