"""Who is signed in, read on every request: the session's row and the user's.

Django's own session store and authentication backend, with their two reads prepared
(compiled once per process, ecrf/prepared.py): every page and every save starts with
them, and building them cost more Python than the rest of a plain page (issue 7). The
session stays in PostgreSQL (several app servers: ecrf/settings.py), and what the reads
ask is Django's, unchanged.
"""

from __future__ import annotations

from django.contrib.auth import backends, get_user_model
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from ecrf.prepared import prepared

LIVE_SESSION = prepared(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now)
)
USER = prepared(lambda pk: get_user_model()._default_manager.filter(pk=pk))


class SessionStore(db.SessionStore):
    """SESSION_ENGINE = "ecrf.signed_in"."""

    def _get_session_from_db(self):
        # As Django's: a missing or expired session forgets its key.
        found = None
        if self.session_key:
            found = LIVE_SESSION.first(key=self.session_key, now=timezone.now())
        if found is None:
            self._session_key = None
        return found


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend (passwords, permissions), reading the user prepared."""

    def get_user(self, user_id):
        if not isinstance(user_id, int):
            return super().get_user(user_id)  # another kind of key: Django's own read
        user = USER.first(pk=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
