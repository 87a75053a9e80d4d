"""The two database roles, and what the app's own role may do (issue 17, item 1).

The audit trail, the no-delete rule and the data locks are PostgreSQL triggers. A role
that owns the tables could switch them off (ALTER TABLE ... DISABLE TRIGGER, DROP
TRIGGER, TRUNCATE), so the app does not own them:

- the owner role (DATABASE_OWNER_URL) owns the schema and runs `manage.py migrate`;
- the runtime role (DATABASE_URL) serves the app. It is neither superuser nor owner, and
  has on each table only what the app's own code needs:
    study and reference tables   SELECT, INSERT, UPDATE
    audit tables (append-only)   SELECT, INSERT
    tables meant to be cleaned   SELECT, INSERT, UPDATE, DELETE (CLEANED below)
  and never TRUNCATE, REFERENCES, TRIGGER, DDL or a temporary table.

`secure()` applies this. Our `migrate` command (ecrf/management/commands/migrate.py) runs
it as the owner after every migration, so a new table gets its grants and a trigger that
pgtrigger reinstalls gets the hardened ignore check back; `restore` runs it after loading
a dump.
"""

from __future__ import annotations

import pgtrigger
from django.apps import apps

# Rows the app deletes in its ordinary work: signed-out sessions, django-axes' lock-out
# counts (reset at a successful sign-in), spent one-time form keys (purge_submission_keys),
# rendered casebooks replaced by a newer one, a demand for a new password once met
# (ecrf/actions/accounts.py), the parts of a site archive once zipped
# (ecrf/actions/archives.py), and a user's group links (Django's admin
# removes a link by deleting its row). No table here is audited or protected by a trigger.
CLEANED = frozenset(
    {
        "sessions.Session",
        "axes.AccessAttempt",
        "axes.AccessAttemptExpiration",
        "axes.AccessFailureLog",
        "axes.AccessLog",
        "ecrf.SubmissionKey",
        "ecrf.RenderedCasebook",
        # An administrator's demand for a new password, removed by the account's change.
        "ecrf.PasswordChangeRequired",
        # A site archive's files, dropped once the zip holds them (issue 22).
        "ecrf.SiteArchivePart",
        "auth.User_groups",
        "auth.User_user_permissions",
        "auth.Group_permissions",
    }
)

# pgtrigger builds into every trigger it installs a check "is this trigger ignored in
# this session?" (the setting pgtrigger.ignore), through this function; every migration
# that installs a trigger also reinstalls pgtrigger's version of it. Ours ignores
# nothing, for any role: no session setting skips the audit, append-only, no-delete or
# lock triggers. It also raises no error when the setting is absent, which pgtrigger's
# does (and catches) on every row.
IGNORE_NOTHING = """
CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(trigger_name NAME)
RETURNS BOOLEAN AS $$
    -- ecrf/privileges.py: no session setting may skip an audit, append-only,
    -- no-delete or lock trigger (issue 17).
    SELECT FALSE
$$ LANGUAGE sql IMMUTABLE
"""


class RoleError(Exception):
    """The roles are set up in a way that would let the app switch its guarantees off."""


def _refuses_update(model) -> bool:
    """True for an append-only table: a pgtrigger Protect refuses every UPDATE."""
    return any(
        isinstance(trigger, pgtrigger.Protect)
        and "UPDATE" in str(trigger.operation)
        and trigger.condition is None
        for trigger in getattr(model._meta, "triggers", [])
    )


def table_privileges() -> dict[str, str]:
    """{table: the runtime role's privileges}, for every table of the installed models."""
    grants = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        if model._meta.label in CLEANED:
            privileges = "SELECT, INSERT, UPDATE, DELETE"
        elif _refuses_update(model):
            privileges = "SELECT, INSERT"
        else:
            privileges = "SELECT, INSERT, UPDATE"
        grants[model._meta.db_table] = privileges
    return grants


def _check_roles(cursor, runtime_role: str) -> str:
    """The owner's name; refuses a runtime role that could undo what secure() does."""
    cursor.execute("SELECT current_user, current_database()")
    owner, database = cursor.fetchone()
    cursor.execute(
        "SELECT rolsuper, pg_has_role(%s, current_user, 'MEMBER') FROM pg_roles WHERE rolname = %s",
        [runtime_role, runtime_role],
    )
    found = cursor.fetchone()
    if found is None:
        raise RoleError(f"The runtime role {runtime_role!r} (DATABASE_URL) does not exist.")
    superuser, member_of_owner = found
    if runtime_role == owner or member_of_owner:
        raise RoleError(
            f"DATABASE_URL connects as {runtime_role!r}, the owner of {database!r} (or a "
            "member of it): the app must serve as a role of its own, see "
            "docs/operations.md, 'Database roles'."
        )
    if superuser:
        raise RoleError(
            f"DATABASE_URL connects as {runtime_role!r}, a superuser: the app must serve as "
            "a role that is neither superuser nor owner (docs/operations.md)."
        )
    return owner


def secure(cursor, *, runtime_role: str) -> None:
    """Grant the runtime role what it needs and nothing else, and make pgtrigger's ignore
    check ignore nothing. Run as the owner role, after every migration and restore.

    Idempotent: each table's privileges are revoked and granted again, so a re-run also
    takes back anything granted by hand."""
    _check_roles(cursor, runtime_role)
    role = _quote(cursor, runtime_role)
    cursor.execute("SELECT current_database()")
    database = _quote(cursor, cursor.fetchone()[0])
    cursor.execute(IGNORE_NOTHING)
    # A temporary table named like one a trigger reads would take its place in the
    # trigger's query (pg_temp comes first on the search path): no temporary tables.
    # No object of its own anywhere either, so nothing can shadow a trigger's function.
    cursor.execute(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC, {role}")
    cursor.execute(f"GRANT CONNECT ON DATABASE {database} TO {role}")
    cursor.execute(f"REVOKE ALL ON SCHEMA public FROM PUBLIC, {role}")
    cursor.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')"
    )
    tables = [name for (name,) in cursor.fetchall()]
    wanted = table_privileges()
    for table in tables:
        quoted = _quote(cursor, table)
        cursor.execute(f"REVOKE ALL ON {quoted} FROM PUBLIC, {role}")
        # A table no model declares (django_migrations) is only read.
        cursor.execute(f"GRANT {wanted.get(table, 'SELECT')} ON {quoted} TO {role}")
    # Identity columns draw their ids from sequences.
    cursor.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {role}")
    cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")


def _quote(cursor, name: str) -> str:
    cursor.execute("SELECT quote_ident(%s)", [name])
    return cursor.fetchone()[0]
