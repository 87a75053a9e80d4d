"""python manage.py casebook_pdf NCT06996392 [--subject SYSU3-001] --output DIR

Writes each subject's casebook as a PDF certified copy (ecrf/casebook_pdf.py) into DIR:
every subject of the study, or the one --subject names. Run by the operator on the server;
each file is logged in the export log like any export."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ecrf import casebook_pdf
from ecrf.actions.exports import casebook_pdf_export
from ecrf.models import Study


class Command(BaseCommand):
    help = "Write subjects' casebooks as PDF certified copies, one file per subject."

    def add_arguments(self, parser):
        parser.add_argument("registry_id")
        parser.add_argument("--subject", metavar="SCREENING-NUMBER", help="Only this subject.")
        parser.add_argument("--output", required=True, help="The directory to write into.")

    def handle(self, *args, registry_id, output, subject=None, **options):
        study = Study.objects.filter(registry_id=registry_id).first()
        if study is None:
            raise CommandError(f"No study {registry_id}.")
        subjects = study.subjects.select_related("site", "study").order_by("screening_number")
        if subject:
            subjects = subjects.filter(screening_number=subject)
            if not subjects:
                raise CommandError(f"No subject {subject} in {registry_id}.")
        directory = Path(output)
        directory.mkdir(parents=True, exist_ok=True)
        for one in subjects:
            content, log = casebook_pdf_export(subject=one, channel="command")
            path = directory / casebook_pdf.filename(one)
            path.write_bytes(content)
            self.stdout.write(f"Wrote {path}: {log.size_bytes} bytes, sha256 {log.sha256}")
