"""ecrf's migration 0033_functional_hepatocytes_moved_to_cips_bal, rendered once (issue 20,
item 7): a new database applies it in a moment, instead of re-rendering every related
model's state after each operation. Written by

    python -m tests.operations.squash ecrf 0033 0033 functional_hepatocytes_moved_to_cips_bal

Do not edit it: write it again (docs/operations.md, "Squashed migrations").

- The database's part is
  0033_squashed_0033_functional_hepatocytes_moved_to_cips_bal.sql: the SQL of each
  operation, statement for statement, as Django emitted it on a database in the state
  the migration meets (sqlmigrate's way); then the same backwards.
- The models' state is the same operations, read from the replaced file, applied without
  rendering the models after each one (RenderOnce).

A database that applied it goes on with the replaced file (`replaces`), kept until every
installation has passed 0033_functional_hepatocytes_moved_to_cips_bal.
tests/operations/test_squashed_migrations.py proves that a new database gets the schema
that the migrations themselves build.
"""

from importlib import import_module
from pathlib import Path

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
        ('ecrf', '0033_functional_hepatocytes_moved_to_cips_bal'),
    ]

    dependencies = [
        ('ecrf', '0032_version_1_0_in_force_at_existing_sites'),
    ]

    # One statement each way: the SQL holds dollar-quoted function bodies, and needs no
    # splitting into statements (which would take sqlparse seconds).
    operations = [
        RenderOnce(
            database_operations=[migrations.RunSQL([FORWARDS], [BACKWARDS])],
            state_operations=[
                *operations_of("0033_functional_hepatocytes_moved_to_cips_bal"),
            ],
        ),
    ]
