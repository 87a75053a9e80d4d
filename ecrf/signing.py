"""The signer's password, re-entered at every e-signature: a form's or a casebook's
(ecrf/actions/signoff.py) and the committee's decision (ecrf/actions/committee.py).

21 CFR 11.200(a)(1): both components of the signature at each signing. 11.300(d): an
attempt at unauthorised use is detected and logged; a wrong signing password counts
toward the same django-axes lock-out as a wrong sign-in password (5 per username and IP,
ecrf/settings.py), so guessing at the signing form is no easier than at the login page,
and a locked-out user signs nothing until the cool-off ends.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _

from ecrf import audit
from ecrf.actions.core import ProtocolRefusal
from ecrf.models import LoginEventKind
from ecrf.protocol import Refusal

# The sender of the failed-login signal a wrong signing password sends: django-axes
# counts it; our own log skips it (audit._login_failed), having logged SIGNATURE_FAILED.
SENDER = "ecrf.signing"


def check_signer_password(by, password: str, request, *, rule: str, message: str) -> None:
    """Refuse the signature (ProtocolRefusal, on the "password" field) unless `password`
    is the signer's and the signer is not locked out. Call it outside the signing
    transaction: the failure's log rows must survive the refusal. `request` may be None
    for a signature made in code (no IP to count against)."""
    credentials = {"username": by.get_username()}
    if request is not None and AxesProxyHandler.is_locked(request, credentials):
        raise ProtocolRefusal(
            [
                Refusal(
                    "SIGN-LOCKED-OUT",
                    _("Too many wrong passwords: signing is refused until the lock-out ends."),
                    "password",
                )
            ]
        )
    if by.check_password(password or ""):
        return
    audit.record_login_event(LoginEventKind.SIGNATURE_FAILED, request, user=by)
    if request is not None:
        user_login_failed.send(sender=SENDER, credentials=credentials, request=request)
    raise ProtocolRefusal([Refusal(rule, message, "password")])
