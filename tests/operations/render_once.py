"""Give migrations the render-once treatment (issue 20, item 7), so that a new database
applies them in a moment: each keeps its name and its operations as written, which are
applied to the models' state without re-rendering every related model after each one
(what made `migrate` take minutes), while the database runs the SQL those operations
emit, kept beside it.

    python -m tests.with_database .venv/bin/python -m tests.operations.render_once APP FIRST [LAST]
    e.g. ... ecrf 0036     rewrites ecrf/migrations/0036_*.py and writes its .sql

It migrates the throw-away database to just before FIRST, then for each migration
FIRST..LAST of APP in turn records the SQL its operations emit (`sqlmigrate`'s way, on a
database in the very state that migration meets; RunSQL data steps included) and applies
it; then the backwards SQL of each, LAST..FIRST, unapplying them. Each migration file
gets `operations = [RenderOnce(<its .sql>, operations_as_written)]` (ecrf/migrations/
__init__.py), its operations' text untouched. A migration already treated is captured
again from its operations as written (the same SQL: the capture is deterministic). A data
migration (RunPython: no SQL stands for it) is left as it is; one that mixes RunPython
with schema operations is refused. tests/operations/test_squashed_migrations.py proves
that the treated migrations build the schema their operations build when run as written.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

# The same marker as ecrf/migrations/__init__.py's (not imported: Django is set up later).
BACKWARDS = "-- ==== backwards: the same operations unapplied, last first ===="
OPERATIONS = (
    '    operations = [RenderOnce(Path(__file__).with_suffix(".sql"), operations_as_written)]\n'
)
COMMENT = """\
    # Rendered once (issue 20 item 7; tests/operations/render_once.py): the database
    # runs this file's .sql, the SQL these operations emitted, and the models' state
    # takes them without re-rendering after each one. Edit neither: write a migration.
"""


def as_written(migration) -> list:
    """The migration's operations as written: a treated one's, out of its RenderOnce."""
    from ecrf.migrations import RenderOnce

    operations = []
    for operation in migration.operations:
        if isinstance(operation, RenderOnce):
            operations += operation.state_operations
        else:
            operations.append(operation)
    return operations


def is_data_migration(operations) -> bool:
    """Operations of which none can be written as SQL (RunPython)."""
    kinds = {operation.reduces_to_sql for operation in operations}
    if kinds == {True, False}:
        raise SystemExit("A migration mixes RunPython with schema operations: split it.")
    return kinds == {False}


def rewrite(path: Path) -> None:
    """`operations = [...]` becomes `operations_as_written = [...]`, its text untouched,
    followed by the RenderOnce that runs them; RenderOnce and Path are imported."""
    source = path.read_text()
    if "operations_as_written = [" in source:
        return
    tree = ast.parse(source)
    migration = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Migration")
    assign = next(
        n
        for n in migration.body
        if isinstance(n, ast.Assign) and [t.id for t in n.targets] == ["operations"]
    )
    lines = source.splitlines(keepends=True)
    first, last = assign.lineno - 1, assign.end_lineno - 1
    assert lines[first].startswith("    operations = ["), lines[first]
    lines[first] = lines[first].replace("operations = [", "operations_as_written = [", 1)
    lines.insert(
        last + 1,
        "\n" + COMMENT + OPERATIONS,
    )
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    after = imports[-1].end_lineno
    lines.insert(after, "from pathlib import Path\n\nfrom . import RenderOnce\n")
    rewritten = "".join(lines)
    # The operations' source is the same, to the character.
    old = ast.get_source_segment(source, assign.value)
    new_tree = ast.parse(rewritten)
    new_migration = next(
        n for n in new_tree.body if isinstance(n, ast.ClassDef) and n.name == "Migration"
    )
    new_assign = next(
        n
        for n in new_migration.body
        if isinstance(n, ast.Assign) and [t.id for t in n.targets] == ["operations_as_written"]
    )
    assert ast.get_source_segment(rewritten, new_assign.value) == old
    path.write_text(rewritten)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    app, first = argv[0], argv[1]
    last = argv[2] if len(argv) == 3 else first
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecrf.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connections
    from django.db.migrations import Migration
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.loader import MigrationLoader

    from ecrf.migrations import BACKWARDS as MARKER

    assert MARKER == BACKWARDS
    connection = connections["owner" if "owner" in settings.DATABASES else "default"]
    chain = MigrationLoader(connection, replace_migrations=False)
    names = sorted(
        name
        for (label, name), migration in chain.disk_migrations.items()
        if label == app and not migration.replaces and first <= name[:4] <= last
    )
    keys = {(app, name) for name in names}

    def written(name: str):
        """A copy of the migration with its operations as written."""
        migration = chain.disk_migrations[app, name]
        copy = Migration(name, app)
        copy.dependencies, copy.operations = migration.dependencies, as_written(migration)
        return copy

    members = [written(name) for name in names]
    data = {m.name for m in members if is_data_migration(m.operations)}

    ancestors = set().union(*(chain.graph.forwards_plan(key) for key in keys)) - keys
    descendants = set().union(*(chain.graph.backwards_plan(key) for key in keys)) - keys
    if ancestors & descendants:
        raise SystemExit(
            f"{sorted(ancestors & descendants)} run between migrations of the range: "
            "treat the migrations before and after it apart."
        )

    # The range's parents outside it, each reached through the squash that replaces it,
    # if one does (a new database's way, quick).
    executor = MigrationExecutor(connection)
    replaced_by = {
        replaced: key
        for key, squash in executor.loader.replacements.items()
        for replaced in squash.replaces
    }
    parents = {
        parent.key
        for key in keys
        for parent in chain.graph.node_map[key].parents
        if parent.key not in keys
    }
    executor.migrate(sorted({replaced_by.get(parent, parent) for parent in parents}))

    forwards, backwards = {}, {}
    for migration in members:
        state = chain.project_state((app, migration.name), at_end=False)
        if migration.name not in data:
            with connection.schema_editor(collect_sql=True, atomic=True) as editor:
                migration.apply(state.clone(), editor, collect_sql=True)
            forwards[migration.name] = editor.collected_sql
        executor.apply_migration(state, migration)
    for migration in reversed(members):
        state = chain.project_state((app, migration.name), at_end=False)
        if migration.name not in data:
            with connection.schema_editor(collect_sql=True, atomic=True) as editor:
                migration.unapply(state.clone(), editor, collect_sql=True)
            backwards[migration.name] = editor.collected_sql
        executor.unapply_migration(state, migration)

    folder = Path(chain.disk_migrations[app, names[0]].__module__.replace(".", "/"))
    folder = Path(settings.BASE_DIR) / folder.parent
    for name in forwards:
        header = [
            f"-- {app}'s {name}: the SQL of each of its operations as written, statement for",
            "-- statement, captured on a database in the state the migration meets, by",
            f"--     python -m tests.operations.render_once {app} {name[:4]}",
            "-- and run by the migration (RenderOnce). Do not edit: write a new migration.",
        ]
        (folder / f"{name}.sql").write_text(
            "\n".join([*header, "", *forwards[name], "", BACKWARDS, "", *backwards[name], ""])
        )
        rewrite(folder / f"{name}.py")
        print(f"{app}.{name}: rendered once ({len(forwards[name])} lines of SQL)")
    for name in sorted(data):
        print(f"{app}.{name}: a data migration, left as it is")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main(sys.argv[1:]))
