"""Issue 4 item 4: a form submitted twice (double click, a browser retry after a lost
response) is saved once; the second submission answers with the first's redirect."""

import datetime as dt
import re
import threading
import time
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from ecrf.models import Subject, SubmissionKey
from tests.conftest import demographics
from tests.test_views import as_post, url


def registration(key=None, **overrides) -> dict:
    values = as_post(demographics(**overrides))
    if key is not None:
        values["idempotency_key"] = str(key)
    return values


def test_every_post_form_carries_a_fresh_key(client, qh1a, staff_guangzhou):
    # The registration form is a crispy form that renders its own <form> tag.
    client.force_login(staff_guangzhou)
    pages = [client.get(url("subject_new", study=qh1a)) for _ in range(2)]
    keys = [
        re.findall(r'name="idempotency_key" value="([0-9a-f-]{36})"', p.content.decode())
        for p in pages
    ]
    assert len(keys[0]) >= 1 and keys[0] != keys[1]
    # GET forms (filters, searches) get no key.
    home = client.get(url("home")).content.decode()
    assert home.count("idempotency_key") == home.lower().count('method="post"')


def test_the_key_is_rendered_by_the_form_not_added_to_responses(client, qh1a, staff_guangzhou):
    # Issue 20 item 5: {% submission_key %} renders it; no response is rewritten, so a
    # form written without the tag carries no key.
    from django.contrib.auth import get_user_model
    from django.template import Context, Template

    rendered = Template('<form method="post">{% submission_key %}</form>').render(Context())
    assert re.search(r'name="idempotency_key" value="[0-9a-f-]{36}"', rendered)
    assert "idempotency_key" not in Template('<form method="post"></form>').render(Context())
    # The admin's change forms carry one too.
    admin = get_user_model().objects.create_superuser("root", password="x" * 12)
    client.force_login(admin)
    page = client.get("/admin/ecrf/study/add/").content.decode()
    assert len(re.findall(r'name="idempotency_key" value="[0-9a-f-]{36}"', page)) >= 1


def test_the_same_registration_posted_twice_creates_one_subject(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    key = uuid.uuid4()
    first = client.post(url("subject_new", study=qh1a), registration(key))
    second = client.post(url("subject_new", study=qh1a), registration(key), follow=True)
    subject = Subject.objects.get()
    assert first.status_code == 302 and first["Location"] == url("casebook", subject)
    assert second.redirect_chain == [(url("casebook", subject), 302)]
    assert "This form was already saved." in second.content.decode()
    row = SubmissionKey.objects.get()
    assert (row.key, row.user, row.response_status, row.redirect_to) == (
        key,
        staff_guangzhou,
        302,
        url("casebook", subject),
    )


def test_two_keys_are_two_submissions(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    for _ in range(2):
        response = client.post(url("subject_new", study=qh1a), registration(uuid.uuid4()))
        assert response.status_code == 302
    assert Subject.objects.count() == 2


def test_a_refused_submission_does_not_use_its_key(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    key = uuid.uuid4()
    refused = client.post(url("subject_new", study=qh1a), registration(key, weight_kg="400"))
    assert refused.status_code == 422 and "weight_kg" in refused.context["form"].errors
    assert not SubmissionKey.objects.exists()
    corrected = client.post(url("subject_new", study=qh1a), registration(key))
    assert corrected.status_code == 302 and Subject.objects.count() == 1


def test_another_users_key_is_not_replayed(client, qh1a, staff_guangzhou, investigator_guangzhou):
    key = uuid.uuid4()
    client.force_login(staff_guangzhou)
    client.post(url("subject_new", study=qh1a), registration(key))
    client.force_login(investigator_guangzhou)
    response = client.post(url("subject_new", study=qh1a), registration(key))
    assert response.status_code == 409 and Subject.objects.count() == 1


def test_a_forbidden_submission_is_not_recorded(client, qh1a, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    response = client.post(url("subject_new", study=qh1a), registration(uuid.uuid4()))
    assert response.status_code == 403 and not SubmissionKey.objects.exists()


def test_keys_older_than_a_week_are_purged(qh1a, staff_guangzhou):
    old = SubmissionKey.objects.create(key=uuid.uuid4(), user=staff_guangzhou, path="/x/")
    SubmissionKey.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    recent = SubmissionKey.objects.create(key=uuid.uuid4(), user=staff_guangzhou, path="/y/")
    call_command("purge_submission_keys", verbosity=0)
    assert list(SubmissionKey.objects.all()) == [recent]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_with_one_key_save_once(qh1a, staff_guangzhou, monkeypatch):
    # A double click sends the second POST while the first is still writing: the second
    # waits on the first's key row, then answers with its redirect.
    from ecrf import actions

    register = actions.subject_register

    def slow_register(**kwargs):
        time.sleep(0.5)
        return register(**kwargs)

    monkeypatch.setattr(actions, "subject_register", slow_register)
    key = uuid.uuid4()
    responses = []

    def submit():
        client = Client()
        client.force_login(staff_guangzhou)
        try:
            responses.append(client.post(url("subject_new", study=qh1a), registration(key)))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    subject = Subject.objects.get()
    assert [r.status_code for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {url("casebook", subject)}
