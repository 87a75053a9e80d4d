"""Data: each existing alert's subject is its adverse event's (0021 added the column)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill_subject(apps, schema_editor):
    # The migration's own connection: migrate runs as the owner role ("owner" alias), and
    # the app's runtime role may not write this table outside its grants.
    alias = schema_editor.connection.alias
    Alert = apps.get_model("ecrf", "Alert")
    AdverseEvent = apps.get_model("ecrf", "AdverseEvent")
    Alert.objects.using(alias).filter(subject=None).update(
        subject=Subquery(
            AdverseEvent.objects.using(alias)
            .filter(pk=OuterRef("adverse_event"))
            .values("subject")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("ecrf", "0022_alert_about_a_deviation")]

    operations = [migrations.RunPython(fill_subject, migrations.RunPython.noop)]
