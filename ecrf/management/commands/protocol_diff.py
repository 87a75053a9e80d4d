"""python manage.py protocol_diff NCT07312864 1.0 2.0 [--site BFH]

What changes between two versions of a study's protocol (issue 21 item 3): forms,
fields, choices, units, lab tests, visits, windows, expected forms, eligibility
criteria, rules, arms and options. With --site, the impact on the data stored there:
the saved values that would be lost or read under a changed meaning (a version is not
put in force while there are any), and subject by subject what a re-consent to the new
version would change. Reads only."""

from django.core.management.base import BaseCommand, CommandError

from ecrf.models import Study


class Command(BaseCommand):
    help = "List what changes between two protocol versions, and with --site its impact."

    def add_arguments(self, parser):
        parser.add_argument("registry_id")
        parser.add_argument("old", metavar="from")
        parser.add_argument("new", metavar="to")
        parser.add_argument("--site", dest="site_code", metavar="CODE")

    def handle(self, *args, registry_id, old, new, site_code=None, **options):
        from ecrf import migration_plan
        from ecrf.protocol_diff import version_diff

        study = Study.objects.filter(registry_id=registry_id).first()
        if study is None:
            raise CommandError(f"No study {registry_id}.")
        try:
            changes = version_diff(study, old, new)
        except KeyError as missing:
            raise CommandError(f"{registry_id} has no version {missing}.") from None
        out = self.stdout.write
        out(f"{registry_id}: protocol version {old} -> {new}, {len(changes)} changes")
        for change in changes:
            meaning = "  [changes the meaning of saved values]" if change.changes_meaning else ""
            out(f"  {change}{meaning}")
        if site_code is None:
            return
        site = study.sites.filter(code=site_code).first()
        if site is None:
            raise CommandError(f"No site {site_code} in {registry_id}.")
        # Each subject moves from the version they are on, which may not be `old`.
        losses = migration_plan.version_losses(site=site, number=new)
        out(f"\nSaved values at {site.code} lost or read under a changed meaning: {len(losses)}")
        for found in losses:
            subjects = ", ".join(found.subjects)
            out(f"  {found.change}: {found.records} records of {subjects}")
        out(f"\nSubjects at {site.code}, if they re-consented to {new}:")
        for subject in migration_plan.version_impact(site=site, number=new):
            out(f"  {subject.subject.screening_number}:")
            if not subject.changes_anything:
                out("    nothing changes")
            lines = [
                *(f"saved values: {v.change} ({v.records} records)" for v in subject.values),
                *(f"new deviation: {text}" for text in subject.deviations_added),
                *(f"deviation no longer found: {text}" for text in subject.deviations_gone),
                *(f"form expected: {text}" for text in subject.forms_added),
                *(f"form no longer expected: {text}" for text in subject.forms_removed),
                *(f"window: {text}" for text in subject.windows_changed),
            ]
            for line in lines:
                out(f"    {line}")
