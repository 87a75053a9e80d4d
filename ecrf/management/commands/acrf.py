"""python manage.py acrf NCT06996392 --output acrf.pdf: the study's annotated CRF (issue 22
item 5), the same PDF as the SDTM export's acrf.pdf. It reads the protocol module and the
form registry only, no database rows."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ecrf import acrf
from ecrf.protocol import all_protocols


class Command(BaseCommand):
    help = "Write the annotated CRF (each form blank, each field's SDTM variable) of a study."

    def add_arguments(self, parser):
        parser.add_argument("registry_id", help="the study's registry id, e.g. NCT06996392")
        parser.add_argument("--output", required=True, type=Path, help="the PDF to write")

    def handle(self, *args, registry_id: str, output: Path, **options):
        protocols = {protocol.registry_id: protocol for protocol in all_protocols()}
        if registry_id not in protocols:
            raise CommandError(
                f"No installed study {registry_id!r}; ECRF_STUDIES has {', '.join(protocols)}."
            )
        annotated = acrf.build(protocols[registry_id])
        output.write_bytes(annotated.pdf)
        pages = max(page for pages in annotated.pages.values() for page in pages)
        self.stdout.write(f"{output}: {len(annotated.forms)} forms on {pages} pages.")
