"""A QH-1A 4-hour cohort at any point of its 28-day observation, and the committee."""

import datetime as dt

import pytest
from django.utils import timezone

from ecrf.models import Role
from tests.conftest import make_user

PASSWORD = "correct-horse-battery"  # make_user's


@pytest.fixture
def safety_guangzhou(guangzhou):
    return make_user("safety_gz", Role.SAFETY_REVIEWER, [guangzhou], is_staff=True)


@pytest.fixture
def data_manager_guangzhou(guangzhou):
    return make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)


@pytest.fixture
def treated_cohort(qh1a, make_subject, make_session):
    """treated_cohort(days_ago=29, code="QH4H", n=3): n subjects enrolled in the cohort,
    each treated once `days_ago` days ago (the final session)."""

    def make(days_ago=29, code="QH4H", n=3):
        arm = qh1a.arms.get(code=code)
        subjects = []
        for _ in range(n):
            subject = make_subject(qh1a, "enrolled", arm=arm)
            start = timezone.now() - dt.timedelta(days=days_ago)
            make_session(subject, start=start, planned_minutes=arm.planned_minutes or 240)
            subjects.append(subject)
        return subjects

    return make
