"""python manage.py site_archive NCT06996392 --site SYSU3 --output DIR

Builds the site's archive (ecrf/actions/archives.py: every subject's casebook PDF and
audit-trail CSV, the site's ODM export, MANIFEST.sha256) and writes the zip into DIR.
Run by the operator on the server; the export log records it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ecrf.actions import archives
from ecrf.models import Study


class Command(BaseCommand):
    help = "Build a site's archive (casebook PDFs, audit trails, ODM, manifest) as one zip."

    def add_arguments(self, parser):
        parser.add_argument("registry_id")
        parser.add_argument("--site", required=True, metavar="CODE", help="The site's code.")
        parser.add_argument("--output", required=True, help="The directory to write into.")

    def handle(self, *args, registry_id, site, output, **options):
        study = Study.objects.filter(registry_id=registry_id).first()
        if study is None:
            raise CommandError(f"No study {registry_id}.")
        found = study.sites.filter(code=site).first()
        if found is None:
            raise CommandError(f"No site {site} in {registry_id}.")
        archive = archives.site_archive_start(study=study, site=found)
        while not archive.is_finished:
            archive = archives.site_archive_step(archive=archive)
            done, total = archives.progress(archive)
            self.stdout.write(f"{done} of {total} parts built")
        directory = Path(output)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / archives.zip_name(archive)
        with path.open("wb") as target:
            for chunk in archives.read_zip(archive):
                target.write(chunk)
        self.stdout.write(f"Wrote {path}: {archive.size_bytes} bytes, sha256 {archive.sha256}")
