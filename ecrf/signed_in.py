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
        found = LIVE_SESSION(key=self.session_key, now=timezone.now()) if self.session_key else []
        if not found:
            self._session_key = None
            return None
        return found[0]


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend (passwords, permissions), reading the user prepared."""

    def get_user(self, user_id):
        found = USER(pk=user_id) if isinstance(user_id, int) else []
        if not found:
            return super().get_user(user_id)  # another kind of key: Django's own read
        user = found[0]
        return user if self.user_can_authenticate(user) else None
