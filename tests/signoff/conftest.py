"""Fixtures of the sign-off: a QH-1A subject with medical history, the site's
investigator (with a full name, printed with the signature) and monitor."""

import pytest
from django.http import HttpRequest
from django.urls import reverse

from ecrf.actions import clinical
from tests.clinical.conftest import history_values, medication_values
from tests.conftest import make_user

PASSWORD = "correct-horse-battery"


@pytest.fixture
def investigator(investigator_guangzhou):
    investigator_guangzhou.first_name = "Wei"
    investigator_guangzhou.last_name = "Zhang"
    investigator_guangzhou.save()
    return investigator_guangzhou


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def history(subject, staff_guangzhou):
    return clinical.medical_history_record(subject=subject, by=staff_guangzhou, **history_values())


@pytest.fixture
def medication(subject, staff_guangzhou):
    return clinical.medication_record(subject=subject, by=staff_guangzhou, **medication_values())


@pytest.fixture
def monitor_elsewhere(beijing):
    from ecrf.models import Role

    return make_user("monitor_other", Role.MONITOR, [beijing], is_staff=True)


def login(client, user):
    assert client.login(request=HttpRequest(), username=user.username, password=PASSWORD)
    return client


def record_url(name, record):
    return reverse(f"ecrf:{name}", kwargs={"model": record._meta.label_lower, "pk": record.pk})


def casebook_url(subject, name="casebook"):
    return reverse(
        f"ecrf:{name}",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )
