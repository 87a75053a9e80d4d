"""Locking fixtures: data managers of each site, and an enrolled QH-1A subject with a
session (its interruption and device checks) and a lab panel (its results), all entered
through the real actions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ecrf.actions import locking
from ecrf.models import Role
from tests.conftest import make_user
from tests.sessions.conftest import at, days, make_subject, record  # noqa: F401


@pytest.fixture
def datamanager_guangzhou(guangzhou):
    return make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)


@pytest.fixture
def datamanager_beijing(beijing):
    return make_user("dm_bj", Role.DATA_MANAGER, [beijing], is_staff=True)


@pytest.fixture
def subject(qh1a, make_subject):  # noqa: F811 (the sessions' make_subject)
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def other_subject(qh1a, make_subject):  # noqa: F811
    return make_subject(qh1a, "enrolled")


def interruption(start, minutes):
    return {
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=minutes),
        "circulation_stopped": True,
        "reason": "hypotension",
        "outcome": "resumed",
    }


@pytest.fixture
def session(subject, record):  # noqa: F811
    """Session 1 (the day after screening, 4 h) with a 10-minute interruption."""
    start = at(subject.screening_date + dt.timedelta(days=1), 9)
    return record(
        subject, start, 240, interruptions=[interruption(start + dt.timedelta(hours=1), 10)]
    )


@pytest.fixture
def panel(subject, guangzhou):
    from ecrf.actions.labs import lab_panel_record
    from ecrf.lab_results import ResultEntry

    call_command("load_reference_ranges", verbosity=0)
    entries = []
    for code, value in {"HGB": Decimal("120"), "PLAT": Decimal("200")}.items():
        entry = ResultEntry(code, value, "")
        entry.standard_value = value
        entries.append(entry)
    return lab_panel_record(
        subject=subject,
        panel="HAEMATOLOGY",
        timepoint="BASELINE",
        sampled_at=timezone.now() - dt.timedelta(days=1),
        entries=entries,
        by=subject.created_by,
    )


@pytest.fixture
def lock(datamanager_guangzhou):
    """lock(level, subject=..., form=..., study=...) -> DataLock, set by the data manager."""

    def make(level, *, study=None, subject=None, form=None, reason="Cleaned for interim"):
        if study is None:
            study = (subject or form.subject).study
        return locking.lock_set(
            study=study,
            subject=subject,
            record=form,
            level=level,
            reason=reason,
            by=datamanager_guangzhou,
        )

    return make


def subject_url(name, subject, **kwargs):
    return reverse(
        f"ecrf:{name}",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            **kwargs,
        },
    )


__all__ = ["at", "days"]
