"""Issue 4: a wrong signing password counts as a failed sign-in for the lock-out (5 per
username and IP, django-axes), at the form, casebook and committee signatures alike (21
CFR 11.300(d): attempts at unauthorised use detected and acted on); it is logged once,
as a refused signature; a locked-out user signs nothing."""

import pytest
from axes.models import AccessAttempt

from ecrf.models import LoginEvent, LoginEventKind, Signature
from tests.signoff.conftest import PASSWORD, casebook_url, login, record_url

pytestmark = pytest.mark.django_db

SIGN = {"meaning": "approval"}


def failures(user) -> int:
    return sum(
        AccessAttempt.objects.filter(username=user.username).values_list(
            "failures_since_start", flat=True
        )
    )


def kinds(user) -> list[str]:
    return list(
        LoginEvent.objects.filter(username=user.username)
        .exclude(kind=LoginEventKind.LOGGED_IN)
        .values_list("kind", flat=True)
    )


def test_wrong_signing_passwords_lock_the_signer_out(client, history, investigator):
    login(client, investigator)
    sign = record_url("signoff_sign", history)
    for attempt in range(1, 5):
        response = client.post(sign, SIGN | {"password": "guess"})
        assert response.status_code == 422
        assert failures(investigator) == attempt  # counted by axes
    # Logged once each, as a refused signature, not also as a failed sign-in.
    assert kinds(investigator) == [LoginEventKind.SIGNATURE_FAILED] * 4
    # The fifth (at the casebook's signature) locks the user out (axes answers 429).
    response = client.post(
        casebook_url(history.subject, "signoff_casebook_sign"), SIGN | {"password": "x"}
    )
    assert response.status_code == 429
    assert LoginEventKind.LOCKED_OUT in kinds(investigator)
    # The right password no longer signs, at the field, and is not counted again.
    response = client.post(sign, SIGN | {"password": PASSWORD})
    assert response.status_code == 422
    assert "lock-out" in str(response.context["form"].errors["password"])
    assert not Signature.objects.exists()


def test_a_right_password_signs_after_a_wrong_one(client, history, investigator):
    login(client, investigator)
    sign = record_url("signoff_sign", history)
    assert client.post(sign, SIGN | {"password": "guess"}).status_code == 422
    assert client.post(sign, SIGN | {"password": PASSWORD}).status_code == 302
    assert Signature.objects.count() == 1
