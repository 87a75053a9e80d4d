"""ecrf's migrations 0029-0032, rendered once (issue 20, item 7): a new database applies
them in a moment, instead of re-rendering every related model's state after each
operation. Written by

    python -m tests.operations.squash ecrf 0029 0032 protocol_versions

Do not edit it: write it again (docs/operations.md, "Squashed migrations").

- The database's part is 0029_squashed_0032_protocol_versions.sql: the SQL of each
  operation, statement for statement, as Django emitted it on a database in the state
  the migration meets (sqlmigrate's way); then the same backwards.
- The models' state is the same operations, read from the replaced files, applied
  without rendering the models after each one (RenderOnce).
- 0032_version_1_0_in_force_at_existing_sites: a data migration, run as itself
  (RunPython).

A database that applied some of them goes on with the replaced files (`replaces`), kept
until every installation has passed 0032_version_1_0_in_force_at_existing_sites.
tests/operations/test_squashed_migrations.py proves that a new database gets the schema
that the migrations themselves build.
"""

from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.db import migrations

FORWARDS, BACKWARDS = Path(__file__).with_suffix(".sql").read_text().split(
    '-- ==== backwards: the same migrations unapplied, last first ===='
)


def operations_of(name: str) -> list:
    """The operations of the replaced migration `name`, from its own file."""
    return import_module(f"{__package__}.{name}").Migration.operations


class RenderOnce(migrations.SeparateDatabaseAndState):
    """SeparateDatabaseAndState whose state operations do not re-render the models after
    each one; the models are rendered once, when the next operation reads them."""

    def state_forwards(self, app_label, state):
        if "apps" in vars(state):
            del state.apps  # a cached property: read again, it renders the final state
        super().state_forwards(app_label, state)


class Migration(migrations.Migration):

    replaces = [
        ('ecrf', '0029_arm_and_site_chinese_names'),
        ('ecrf', '0030_export_log_casebook_and_archive'),
        ('ecrf', '0031_protocol_versions'),
        ('ecrf', '0032_version_1_0_in_force_at_existing_sites'),
    ]

    dependencies = [
        ('ecrf', '0028_password_history_of_existing_accounts'),
        ('pghistory', '0007_auto_20250421_0444'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # One statement each way: the SQL holds dollar-quoted function bodies, and needs no
    # splitting into statements (which would take sqlparse seconds).
    operations = [
        RenderOnce(
            database_operations=[migrations.RunSQL([FORWARDS], [BACKWARDS])],
            state_operations=[
                *operations_of("0029_arm_and_site_chinese_names"),
                *operations_of("0030_export_log_casebook_and_archive"),
                *operations_of("0031_protocol_versions"),
            ],
        ),
        *operations_of("0032_version_1_0_in_force_at_existing_sites"),
    ]
