"""Passwords as 21 CFR 11.300 expects (issue 17, item 7): the last PASSWORD_HISTORY
passwords of an account are refused, on every path that sets one (the account's own
change, the admin, manage.py changepassword), and each change is in the sign-in log.

Django calls a password validator's validate() before a password is set and its
password_changed() after the user is saved with a new one, whichever path set it: the
validator below is the one place that keeps the history.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from ecrf import logs
from ecrf.models import LoginEvent, LoginEventKind, PasswordHistory


def _recent_hashes(user) -> list[str]:
    """The account's current password and its former ones, the last PASSWORD_HISTORY."""
    count = settings.PASSWORD_HISTORY
    hashes = list(
        PasswordHistory.objects.filter(user=user)
        .order_by("-set_at", "-pk")
        .values_list("password", flat=True)[:count]
    )
    # An account whose password was set before the history was kept: its current one.
    current = user.password
    if current and current not in hashes:
        hashes = [current, *hashes][:count]
    return hashes


class PasswordHistoryValidator:
    """Refuses the account's last PASSWORD_HISTORY passwords (the current one included)
    and records each new one."""

    def validate(self, password: str, user=None) -> None:
        if user is None or user.pk is None:
            return  # a new account has no former password
        # Kept for password_changed(): the password this one replaces.
        user.ecrf_previous_password = user.password
        # check_password() of the hashers module: the user's own would re-hash and save.
        if any(check_password(password, encoded) for encoded in _recent_hashes(user)):
            raise ValidationError(self.get_help_text(), code="password_reused")

    def password_changed(self, password: str, user) -> None:
        """After the user was saved with a new password: keep its hash, and log the change.
        (Django calls it when a password is set on an existing account: not for the first
        password create_user() gives a new one.)"""
        history = PasswordHistory.objects.filter(user=user)
        previous = getattr(user, "ecrf_previous_password", "")
        if previous and previous != user.password and not history.exists():
            # The account's password from before its history was kept.
            PasswordHistory.objects.create(user=user, password=previous)
        PasswordHistory.objects.create(user=user, password=user.password)
        LoginEvent.objects.create(
            kind=LoginEventKind.PASSWORD_CHANGED,
            user=user,
            username=user.get_username()[:150],
            request_id=logs.current_request_id.get() or "",
        )

    def get_help_text(self) -> str:
        count = settings.PASSWORD_HISTORY
        return ngettext(
            "Your password cannot be your current one.",
            "Your password cannot be any of your last %(count)d passwords.",
            count,
        ) % {"count": count}
