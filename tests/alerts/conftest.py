"""People around a Guangzhou (QH-1A) subject's adverse events: those who must be alerted,
and those who must not (issue 9). Monitors belong to sites; safety reviewers to studies."""

import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from ecrf.models import Role, Site
from tests.adverse_events.conftest import (  # noqa: F401
    FEVER,
    HYPOTENSION,
    ae_values,
    enrolled,
    report_ae,
    sae_values,
    serious,
)
from tests.conftest import make_user


class BrokenMailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def person(username, role, sites, *, active=True):
    user = make_user(username, role, sites, is_staff=role != Role.SITE_STAFF)
    user.email = f"{username}@hospital.example"
    user.is_active = active
    user.save()
    return user


@pytest.fixture
def second_site(qh1a):
    """Another site of the QH-1A study."""
    return Site.objects.create(study=qh1a, code="ZS", name="Another hospital", city="Guangzhou")


@pytest.fixture
def people(qh1a, guangzhou, second_site, beijing, investigator_guangzhou):
    """Everyone who might be told, by the part they play."""
    investigator_guangzhou.email = "investigator_gz@hospital.example"
    investigator_guangzhou.save()
    return {
        "monitor": person("mon_gz", Role.MONITOR, [guangzhou]),
        "safety": person("safety_gz", Role.SAFETY_REVIEWER, [guangzhou]),
        # A safety reviewer reviews the whole study, wherever their membership is.
        "safety_other_site": person("safety_zs", Role.SAFETY_REVIEWER, [second_site]),
        "monitor_other_site": person("mon_zs", Role.MONITOR, [second_site]),
        "monitor_other_study": person("mon_bj", Role.MONITOR, [beijing]),
        "safety_other_study": person("safety_bj", Role.SAFETY_REVIEWER, [beijing]),
        "data_manager": person("dm_gz", Role.DATA_MANAGER, [guangzhou]),
        "staff": person("staff_gz2", Role.SITE_STAFF, [guangzhou]),
        "inactive_monitor": person("mon_gone", Role.MONITOR, [guangzhou], active=False),
        "investigator": investigator_guangzhou,
    }


@pytest.fixture
def told(people):
    """The people an alert on a Guangzhou AE goes to."""
    return {people[k] for k in ("monitor", "safety", "safety_other_site")}
