"""An administrator requires a new password at the next sign-in; the account's own change
satisfies it (issue 17, item 7; 21 CFR 11.300(b)). Both are in the sign-in log."""

from __future__ import annotations

from django.db import transaction

from ecrf import audit
from ecrf.models import LoginEventKind, PasswordChangeRequired


@transaction.atomic
def password_change_require(*, user, by, request=None) -> PasswordChangeRequired:
    """Require `user` to choose a new password at their next sign-in (already required:
    left as it was)."""
    demand, created = PasswordChangeRequired.objects.get_or_create(
        user=user, defaults={"required_by": by}
    )
    if created:
        audit.record_login_event(LoginEventKind.PASSWORD_CHANGE_REQUIRED, request, user=user)
    return demand


@transaction.atomic
def password_change_done(*, user) -> None:
    """The account changed its own password: nothing more is required of it. (The change
    itself is logged where every password change is: ecrf.passwords.)"""
    PasswordChangeRequired.objects.filter(user=user).delete()


def must_change_password(user) -> bool:
    return PasswordChangeRequired.objects.filter(user=user).exists()
