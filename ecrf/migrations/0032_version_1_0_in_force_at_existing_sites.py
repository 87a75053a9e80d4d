"""Version 1.0 (the protocol as registered) published for every existing study and put in
force at every existing site (issue 21), so that the sites screen on as before.

Each site's row is marked `recorded_by_migration`: it has no ethics approval date and no
signature (none was recorded before versions were), and says so in its meaning. It is in
force from the site's earliest screening date (voided subjects included), or from the
day of the migration at a site that has screened nobody yet. Subjects already screened
keep Subject.protocol_version empty, which reads as 1.0 (ecrf.versions.subject_version):
the migration changes no subject row, a locked casebook included.
"""

import datetime as dt

from django.db import migrations
from django.db.models import Min

# The date of each study's version 1.0: the registry record's "Last Updated" (as the
# protocol modules declare it; a data migration does not import app code).
REGISTERED_ON = {"NCT06996392": dt.date(2025, 5, 30), "NCT07312864": dt.date(2025, 12, 31)}
MEANING = (
    "Recorded by migration 0032: version 1.0 as registered, in force before protocol "
    "versions were recorded; no ethics approval date or signature was recorded"
)


def put_in_force(apps, schema_editor):
    database = schema_editor.connection.alias
    Study = apps.get_model("ecrf", "Study")
    Site = apps.get_model("ecrf", "Site")
    Subject = apps.get_model("ecrf", "Subject")
    StudyVersion = apps.get_model("ecrf", "StudyVersion")
    SiteVersion = apps.get_model("ecrf", "SiteVersion")
    today = dt.date.today()
    for study in Study.objects.using(database):
        version = StudyVersion.objects.using(database).create(
            study=study,
            number="1.0",
            declared="1.0",
            options=study.options or {},
            date=REGISTERED_ON.get(study.registry_id, today),
            summary="As registered.",
        )
        for site in Site.objects.using(database).filter(study=study):
            first = (
                Subject.objects.using(database)
                .filter(site=site)
                .aggregate(first=Min("screening_date"))["first"]
            )
            SiteVersion.objects.using(database).create(
                site=site,
                version=version,
                in_force_from=min(first, today) if first else today,
                signature_meaning=MEANING,
                recorded_by_migration=True,
            )


class Migration(migrations.Migration):
    dependencies = [("ecrf", "0031_protocol_versions")]

    operations = [migrations.RunPython(put_in_force, migrations.RunPython.noop)]
