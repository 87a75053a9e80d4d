"""Each existing account's current password starts its history (issue 17, item 7): from
now on an account without history is a new one, whose first password is no change."""

from django.db import migrations


def seed(apps, schema_editor):
    # As the role migrate runs as (the owner): the runtime role gets its grants after.
    database = schema_editor.connection.alias
    User = apps.get_model("auth", "User")
    PasswordHistory = apps.get_model("ecrf", "PasswordHistory")
    PasswordHistory.objects.using(database).bulk_create(
        PasswordHistory(user_id=pk, password=password)
        for pk, password in User.objects.using(database)
        .exclude(password="")
        .exclude(password__startswith="!")  # unusable: no password was ever chosen
        .values_list("pk", "password")
    )


class Migration(migrations.Migration):
    dependencies = [("ecrf", "0027_password_history_and_change_required")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
