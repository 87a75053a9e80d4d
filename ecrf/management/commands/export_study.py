"""python manage.py export_study NCT06996392 --format odm --output study.xml [--site SYSU3]

Run by the operator on the server: every site of the study unless --site names some."""

from django.core.management.base import BaseCommand, CommandError

from ecrf import exports
from ecrf.actions.exports import study_export
from ecrf.models import Study


class Command(BaseCommand):
    help = (
        "Export a study's casebooks as a zip of CSVs, as CDISC ODM 1.3.2 XML, or as SDTM "
        "datasets (.xpt and CSV, zip)."
    )

    def add_arguments(self, parser):
        parser.add_argument("registry_id")
        parser.add_argument("--format", choices=exports.FORMATS, required=True)
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument(
            "--site",
            action="append",
            dest="site_codes",
            metavar="CODE",
            help="Export only this site's subjects (repeat for several). Default: every site.",
        )

    def handle(self, *args, registry_id, format, output, site_codes=None, **options):
        study = Study.objects.filter(registry_id=registry_id).first()
        if study is None:
            raise CommandError(f"No study {registry_id}.")
        sites = None
        if site_codes:
            sites = list(study.sites.filter(code__in=site_codes))
            unknown = set(site_codes) - {site.code for site in sites}
            if unknown:
                raise CommandError(f"No site {', '.join(sorted(unknown))} in {registry_id}.")
        with open(output, "w+b") as target:
            log = study_export(
                study=study, fmt=format, target=target, channel="command", sites=sites
            )
        self.stdout.write(
            f"Wrote {output}: {log.total_rows} rows, {log.size_bytes} bytes, sha256 {log.sha256}, "
            f"sites {', '.join(log.sites)}"
        )
