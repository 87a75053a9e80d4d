"""Passwords as 21 CFR 11.300 expects (issue 17, item 7): every user changes their own
password, giving the current one; the last PASSWORD_HISTORY passwords are refused, in the
admin too; an administrator requires a change at the next sign-in; each change and each
demand is in the sign-in log."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ecrf.actions.accounts import password_change_require
from ecrf.models import LoginEvent, LoginEventKind, PasswordChangeRequired, PasswordHistory
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # tests/conftest.py make_user
CHANGE = reverse("password_change")


def change(client, old, new):
    return client.post(CHANGE, {"old_password": old, "new_password1": new, "new_password2": new})


def test_site_staff_changes_their_own_password(client, staff_guangzhou):
    client.force_login(staff_guangzhou)
    home = client.get(reverse("ecrf:home")).content.decode()
    assert 'id="password-change-link"' in home
    assert client.get(CHANGE).status_code == 200
    response = change(client, PASSWORD, "amber-lantern-meadow-7")
    assert response.status_code == 302
    staff_guangzhou.refresh_from_db()
    assert staff_guangzhou.check_password("amber-lantern-meadow-7")
    event = LoginEvent.objects.get(kind=LoginEventKind.PASSWORD_CHANGED)
    assert event.user == staff_guangzhou and event.request_id == response["X-Request-ID"]
    # Still signed in on this browser (Django keeps the session's hash up to date).
    assert client.get(reverse("ecrf:home")).status_code == 200


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("not-my-password", "amber-lantern-meadow-7", "old_password"),
        (PASSWORD, "short", "new_password2"),
        (PASSWORD, PASSWORD, "new_password2"),  # the current one: in the history
    ],
)
def test_a_refused_change_is_422_at_the_field(client, investigator_guangzhou, old, new, field):
    client.force_login(investigator_guangzhou)
    response = change(client, old, new)
    assert response.status_code == 422
    assert field in response.context["form"].errors
    investigator_guangzhou.refresh_from_db()
    assert investigator_guangzhou.check_password(PASSWORD)
    assert not LoginEvent.objects.filter(kind=LoginEventKind.PASSWORD_CHANGED).exists()


def test_the_last_n_passwords_are_refused(client, settings, monitor_guangzhou):
    # A read-only role changes its own password like everyone.
    settings.PASSWORD_HISTORY = 3
    client.force_login(monitor_guangzhou)
    passwords = [PASSWORD, "amber-lantern-meadow-1", "amber-lantern-meadow-2"]
    for old, new in zip(passwords, passwords[1:], strict=False):
        assert change(client, old, new).status_code == 302
    refused = change(client, passwords[-1], PASSWORD)  # 3 passwords ago
    assert refused.status_code == 422
    assert "last 3 passwords" in str(refused.context["form"].errors)
    assert change(client, passwords[-1], "amber-lantern-meadow-3").status_code == 302
    # Now the first is 4 passwords ago: allowed again.
    assert change(client, "amber-lantern-meadow-3", PASSWORD).status_code == 302
    assert PasswordHistory.objects.filter(user=monitor_guangzhou).count() == 5


def test_the_admin_may_not_set_a_recent_password_again(client, staff_guangzhou):
    admin = get_user_model().objects.create_superuser("root", password="admin-password-long")
    client.force_login(admin)
    url = reverse("admin:auth_user_password_change", args=[staff_guangzhou.pk])
    response = client.post(
        url, {"password1": PASSWORD, "password2": PASSWORD, "usable_password": "true"}
    )
    assert response.status_code == 200 and response.context["form"].errors
    staff_guangzhou.refresh_from_db()
    assert staff_guangzhou.check_password(PASSWORD)
    new = "orchid-harbour-signal-4"
    response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302
    event = LoginEvent.objects.get(kind=LoginEventKind.PASSWORD_CHANGED)
    assert event.user == staff_guangzhou
    assert PasswordHistory.objects.filter(user=staff_guangzhou).count() == 2


def test_an_administrator_requires_a_change_at_the_next_sign_in(client, staff_guangzhou):
    admin = get_user_model().objects.create_superuser("root", password="admin-password-long")
    client.force_login(admin)
    changelist = reverse("admin:auth_user_changelist")
    response = client.post(
        changelist,
        {"action": "require_password_change", "_selected_action": [staff_guangzhou.pk]},
    )
    assert response.status_code == 302
    demand = PasswordChangeRequired.objects.get()
    assert (demand.user, demand.required_by) == (staff_guangzhou, admin)
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.PASSWORD_CHANGE_REQUIRED, user=staff_guangzhou
    ).exists()

    client.logout()
    client.post(reverse("login"), {"username": "staff_gz", "password": PASSWORD})
    home = client.get(reverse("ecrf:home"))
    assert home.status_code == 302 and home["Location"] == CHANGE
    page = client.get(CHANGE)
    assert 'id="password-change-required"' in page.content.decode()
    assert change(client, PASSWORD, "amber-lantern-meadow-9").status_code == 302
    assert not PasswordChangeRequired.objects.exists()
    assert client.get(reverse("ecrf:home")).status_code == 200


def test_signing_out_is_allowed_while_a_change_is_required(client, staff_guangzhou):
    password_change_require(user=staff_guangzhou, by=None)
    client.force_login(staff_guangzhou)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("ecrf:home")).status_code == 302  # to the login page now


def test_others_may_not_require_a_change(client, staff_guangzhou, monitor_guangzhou):
    # A monitor uses the admin, but not the accounts: Django's permissions refuse it.
    client.force_login(monitor_guangzhou)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "require_password_change", "_selected_action": [staff_guangzhou.pk]},
    )
    assert response.status_code == 403
    assert not PasswordChangeRequired.objects.exists()


def test_the_page_needs_a_signed_in_user(client):
    response = client.get(CHANGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_new_accounts_first_password_is_no_change(db):
    make_user("new_user")
    assert not LoginEvent.objects.filter(kind=LoginEventKind.PASSWORD_CHANGED).exists()
