"""Write a squash of one app's consecutive migrations that a new database applies in a
moment (issue 20, item 7): the SQL those migrations run, captured from their own
operations, beside their operations applied to the models' state without re-rendering
every related model after each one (what made `migrate` take minutes).

    python -m tests.with_database python -m tests.operations.squash APP FIRST LAST NAME
    e.g. ... ecrf 0029 0032 protocol_versions
         writes ecrf/migrations/0029_squashed_0032_protocol_versions.py and its .sql

It migrates the throw-away database to just before FIRST (through the squashes already
written, which is quick), then for each migration FIRST..LAST in turn records the SQL its
operations emit (`sqlmigrate`'s way, on a database in the very state that migration
meets) and applies it; then it records the backwards SQL of each, LAST..FIRST, unapplying
them. The squash file reads the replaced migrations' operations from their own files,
which stay (`replaces`) until every installation has passed LAST.

A data migration (RunPython, which no SQL can stand for) in the range runs as itself,
and may only open or close it. The other apps' migrations that depend on one of the range
and must run before another of it (cips_bal's, between ecrf 0032 and 0033) cannot be
squashed across: Django would see a cycle. tests/operations/test_squashed_migrations.py
proves that the squashes build the schema the migrations themselves build.
"""

from __future__ import annotations

import os
import sys
import textwrap
from importlib import import_module
from pathlib import Path

BACKWARDS = "-- ==== backwards: the same migrations unapplied, last first ===="

TEMPLATE = '''"""{docstring}
"""

from importlib import import_module
from pathlib import Path

{settings_import}from django.db import migrations

FORWARDS, BACKWARDS = Path(__file__).with_suffix(".sql").read_text().split(
    {marker!r}
)


def operations_of(name: str) -> list:
    """The operations of the replaced migration `name`, from its own file."""
    return import_module(f"{{__package__}}.{{name}}").Migration.operations


class RenderOnce(migrations.SeparateDatabaseAndState):
    """SeparateDatabaseAndState whose state operations do not re-render the models after
    each one; the models are rendered once, when the next operation reads them."""

    def state_forwards(self, app_label, state):
        if "apps" in vars(state):
            del state.apps  # a cached property: read again, it renders the final state
        super().state_forwards(app_label, state)


class Migration(migrations.Migration):
{initial}
    replaces = [
{replaces}
    ]

    dependencies = [
{dependencies}
    ]
{run_before}
    # One statement each way: the SQL holds dollar-quoted function bodies, and needs no
    # splitting into statements (which would take sqlparse seconds).
    operations = [
{leading}        RenderOnce(
            database_operations=[migrations.RunSQL([FORWARDS], [BACKWARDS])],
            state_operations=[
{state}
            ],
        ),
{trailing}    ]
'''


def docstring(*, app, names, name, command, data_names) -> str:
    """The squash's docstring: what it replaces, how it was made, how it is proven."""
    several = len(names) > 1
    what = f"migrations {names[0][:4]}-{names[-1][:4]}" if several else f"migration {names[0]}"
    them = "them" if several else "it"
    paragraphs = [
        f"{app}'s {what}, rendered once (issue 20, item 7): a new database applies {them} in "
        "a moment, instead of re-rendering every related model's state after each operation. "
        "Written by",
        f"    {command}",
        'Do not edit it: write it again (docs/operations.md, "Squashed migrations").',
        f"- The database's part is {name}.sql: the SQL of each operation, statement for "
        "statement, as Django emitted it on a database in the state the migration meets "
        "(sqlmigrate's way); then the same backwards.",
        "- The models' state is the same operations, read from the replaced file"
        + ("s" if several else "")
        + ", applied without rendering the models after each one (RenderOnce).",
    ]
    if data_names:
        paragraphs.append(
            f"- {', '.join(data_names)}: a data migration, run as itself (RunPython)."
        )
    paragraphs.append(
        f"A database that applied {'some of them' if several else 'it'} goes on with the "
        f"replaced file{'s' if several else ''} (`replaces`), kept until every "
        f"installation has passed {names[-1]}. tests/operations/test_squashed_migrations.py "
        "proves that a new database gets the schema that the migrations themselves build."
    )
    lines = []
    for paragraph in paragraphs:
        if paragraph.startswith("    "):
            lines += [paragraph]
        else:
            indent = "  " if paragraph.startswith("- ") else ""
            lines += textwrap.wrap(paragraph, 88, subsequent_indent=indent)
        if not paragraph.startswith("- ") or paragraph is paragraphs[-2]:
            lines.append("")
    return "\n".join(lines).strip()


def is_data_migration(migration) -> bool:
    """A migration with an operation no SQL can stand for (RunPython)."""
    kinds = {operation.reduces_to_sql for operation in migration.operations}
    if kinds == {True, False}:
        raise SystemExit(
            f"{migration.app_label}.{migration.name} mixes RunPython with schema operations: "
            "keep schema and data migrations apart, or end the range before it."
        )
    return kinds == {False}


def dependency_source(dependency) -> str:
    """A dependency as makemigrations writes it: the user model's through its setting."""
    from django.conf import settings

    swappable = getattr(dependency, "setting", None)  # the setting's value, e.g. "auth.User"
    if swappable is None:
        return repr(tuple(dependency))
    if swappable != settings.AUTH_USER_MODEL:
        raise SystemExit(f"A swappable dependency other than the user model's: {swappable}")
    return "migrations.swappable_dependency(settings.AUTH_USER_MODEL)"


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    app, first, last, label = argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecrf.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.loader import MigrationLoader

    connection = connections["owner" if "owner" in settings.DATABASES else "default"]
    chain = MigrationLoader(connection, replace_migrations=False)
    names = sorted(
        name
        for (label_, name), migration in chain.disk_migrations.items()
        if label_ == app and not migration.replaces and first <= name[:4] <= last
    )
    members = [chain.disk_migrations[app, name] for name in names]
    keys = {(app, name) for name in names}
    data = [is_data_migration(migration) for migration in members]
    while data and data[0]:
        data.pop(0)
    while data and data[-1]:
        data.pop()
    if any(data):
        raise SystemExit("A data migration may only open or close the range.")

    # The range's parents, outside it, in the graph of the migrations themselves; each
    # reached through the squash that replaces it, if one does (a new database's way).
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
    ancestors = set().union(*(chain.graph.forwards_plan(key) for key in keys)) - keys
    descendants = set().union(*(chain.graph.backwards_plan(key) for key in keys)) - keys
    if ancestors & descendants:
        raise SystemExit(
            f"{sorted(ancestors & descendants)} run between migrations of the range: a squash "
            "across them would be a cycle. Squash the migrations before and after apart."
        )
    targets = sorted({replaced_by.get(parent, parent) for parent in parents})
    executor.migrate(targets)

    forwards, backwards = [], []
    for migration in members:
        state = chain.project_state((app, migration.name), at_end=False)
        if not is_data_migration(migration):
            with connection.schema_editor(collect_sql=True, atomic=True) as editor:
                migration.apply(state.clone(), editor, collect_sql=True)
            forwards.append(f"-- {app}.{migration.name}")
            forwards += editor.collected_sql
        executor.apply_migration(state, migration)
    for migration in reversed(members):
        state = chain.project_state((app, migration.name), at_end=False)
        if not is_data_migration(migration):
            with connection.schema_editor(collect_sql=True, atomic=True) as editor:
                migration.unapply(state.clone(), editor, collect_sql=True)
            backwards.append(f"-- {app}.{migration.name} unapplied")
            backwards += editor.collected_sql
        executor.unapply_migration(state, migration)

    folder = Path(import_module(chain.migrations_module(app)[0]).__file__).parent
    name = f"{names[0][:4]}_squashed_{names[-1][:4]}_{label}"
    command = f"python -m tests.operations.squash {app} {first} {last} {label}"
    schema_names = [m.name for m in members if not is_data_migration(m)]
    header = [
        f"-- {app}'s {', '.join(schema_names)}: the SQL of each operation,",
        "-- statement for statement, captured on a database in the state it meets, by",
        f"--     {command}",
        f"-- Applied by {name}.py. Do not edit: write it again.",
    ]
    (folder / f"{name}.sql").write_text(
        "\n".join([*header, "", *forwards, "", BACKWARDS, "", *backwards, ""])
    )

    def members_source(migrations, indent):
        return "".join(f'{" " * indent}*operations_of("{m.name}"),\n' for m in migrations)

    leading, trailing = [], []
    for migration in members:
        if not is_data_migration(migration):
            break
        leading.append(migration)
    for migration in reversed(members):
        if not is_data_migration(migration):
            break
        trailing.insert(0, migration)
    dependencies, run_before = [], []
    for migration in members:
        for dependency in migration.dependencies:
            if tuple(dependency) not in keys and dependency not in dependencies:
                dependencies.append(dependency)
        for child in migration.run_before:
            if tuple(child) not in keys and child not in run_before:
                run_before.append(child)
    source = TEMPLATE.format(
        docstring=docstring(
            app=app,
            names=names,
            name=name,
            command=command,
            data_names=[m.name for m in leading + trailing],
        ),
        marker=BACKWARDS,
        settings_import=(
            "from django.conf import settings\n"
            if any(getattr(d, "setting", None) for d in dependencies)
            else ""
        ),
        initial="\n    initial = True\n" if members[0].initial else "",
        replaces="\n".join(f"        ({app!r}, {n!r})," for n in names),
        dependencies="\n".join(f"        {dependency_source(d)}," for d in dependencies),
        run_before=(
            "\n    run_before = [\n"
            + "\n".join(f"        {tuple(c)!r}," for c in run_before)
            + "\n    ]\n"
            if run_before
            else ""
        ),
        leading=members_source(leading, 8),
        state="".join(f'                *operations_of("{n}"),\n' for n in schema_names).rstrip(
            "\n"
        ),
        trailing=members_source(trailing, 8),
    )
    (folder / f"{name}.py").write_text(source)
    print(f"wrote {folder / name}.py and .sql ({len(forwards)} + {len(backwards)} lines of SQL)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main(sys.argv[1:]))
