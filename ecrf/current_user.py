"""Who is signed in, read on every request: the session's row, and the user's with their
sites and roles, each by one plain SQL statement.

Every page and every save starts with these two reads, and building them through the
ORM cost about 3,000 Python calls a request: most of a plain page (issue 7's benchmark).
Both classes are Django's own with the read written out in SQL, through the extension
points Django documents: a session engine's load() and an authentication backend's
get_user(). The session stays in PostgreSQL (several app servers: ecrf/settings.py), and
what the reads ask is Django's: a session not expired, a user who may sign in.
"""

from __future__ import annotations

from django.contrib.auth import backends, get_user_model
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from ecrf import access

_SESSION_SQL = (
    f'SELECT "session_data" FROM "{Session._meta.db_table}"'
    ' WHERE "session_key" = %s AND "expire_date" > %s'
)


class SessionStore(db.SessionStore):
    """SESSION_ENGINE = "ecrf.current_user": Django's database sessions."""

    def load(self):
        if self.session_key:
            with connection.cursor() as cursor:
                cursor.execute(_SESSION_SQL, [self.session_key, timezone.now()])
                row = cursor.fetchone()
            if row is not None:
                return self.decode(row[0])
        # None, missing or expired: Django's own read, which also forgets the key.
        return super().load()


def _user_sql():
    user_model = get_user_model()
    opts = user_model._meta
    columns = [f'u."{field.column}"' for field in opts.concrete_fields]
    # The user's sites and roles (ecrf/access.py) in the same statement: every page asks.
    memberships = access.MEMBERSHIPS_COLUMN_SQL.format(user_id=f'u."{opts.pk.column}"')
    listed = ", ".join([*columns, f"({memberships})"])
    sql = f'SELECT {listed} FROM "{opts.db_table}" u WHERE u."{opts.pk.column}" = %s'
    return user_model, [field.attname for field in opts.concrete_fields], sql


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend (passwords, permissions), reading the user by plain SQL."""

    def get_user(self, user_id):
        if not isinstance(user_id, int):
            return super().get_user(user_id)  # another kind of key: Django's own read
        user_model, names, sql = _user_sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, [user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        # Model.from_db: the instance the ORM would have built from the same row.
        user = user_model.from_db(connection.alias, names, row[:-1])
        access.remember_memberships(user, row[-1])
        return user if self.user_can_authenticate(user) else None
