from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ecrf", "0023_alert_subject_from_adverse_event")]

    operations = [
        migrations.AddConstraint(
            model_name="alert",
            constraint=models.CheckConstraint(
                condition=models.Q(subject__isnull=False), name="alert_has_subject"
            ),
        ),
    ]
