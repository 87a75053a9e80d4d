"""ecrf's migrations, and RenderOnce, the treatment that lets a new database apply a
migration of many operations in a moment (issue 20, item 7; docs/operations.md,
"Squashed migrations")."""

from pathlib import Path

from django.db import migrations

# Between a treated migration's SQL forwards and its SQL backwards, in its .sql.
BACKWARDS = "-- ==== backwards: the same operations unapplied, last first ===="


class RenderOnce(migrations.SeparateDatabaseAndState):
    """A migration's operations as written, applied to the models' state without
    rendering the models again after each one (each would otherwise render again every
    model related to the one it changes: nearly all, as every form points at Subject);
    they are rendered once, when the next migration reads them. The database runs `sql`:
    the SQL these operations emitted, captured by tests/operations/render_once.py on a
    database in the state the migration meets, and the SQL they run backwards.
    tests/operations/test_squashed_migrations.py proves both build the same schema."""

    def __init__(self, sql: Path, operations: list):
        forwards, backwards = Path(sql).read_text().split(BACKWARDS)
        # One statement each way: the SQL holds dollar-quoted function bodies, and needs
        # no splitting into statements (which would take sqlparse seconds).
        super().__init__(
            database_operations=[migrations.RunSQL([forwards], [backwards])],
            state_operations=operations,
        )

    def state_forwards(self, app_label, state):
        if "apps" in vars(state):
            del state.apps  # a cached property: read again, it renders the final state
        super().state_forwards(app_label, state)
