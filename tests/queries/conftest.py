"""Fixtures of the query tests: an enrolled QH-1A subject with a session, a data manager,
and a query raised by the Guangzhou monitor."""

import pytest
from django.urls import reverse

from ecrf.actions import queries
from ecrf.models import Role
from tests.conftest import make_user


def url(name, study, **kwargs):
    return reverse(f"ecrf:{name}", kwargs={"registry_id": study.registry_id, **kwargs})


@pytest.fixture
def datamanager_guangzhou(guangzhou):
    return make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def session(subject, make_session):
    return make_session(subject, 1, 240)


@pytest.fixture
def query(session, monitor_guangzhou):
    return queries.query_raise(
        record=session,
        field="blood_flow_ml_min",
        text="Blood flow 120? Source says 150.",
        by=monitor_guangzhou,
    )
