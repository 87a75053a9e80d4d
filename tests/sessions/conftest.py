"""Sessions arranged through the real action: `record(subject, start, minutes, ...)`."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from ecrf.actions import sessions as actions
from ecrf.actions import subject_enrol
from tests.conftest import TODAY

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day: dt.date, hour: int = 8, minute: int = 0) -> dt.datetime:
    """A time on a day in the sites' time zone (both sites: Asia/Shanghai)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=SHANGHAI)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def session_values(start: dt.datetime, minutes: int, **overrides) -> dict:
    values = {
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=minutes),
        "weight_kg": Decimal("60.0"),
        "access_site": "femoral",
        "access_side": "right",
        "catheter_type": "non_tunnelled",
        "catheter_size_fr": Decimal("12.0"),
        "blood_flow_ml_min": 120,
        "plasma_flow_ml_min": 30,
        "anticoagulation": "ufh",
        "cell_lot": "LOT-001",
        "total_cells_e9": Decimal("10.000"),
        "viability_percent": Decimal("90.0"),
        "completed_as_planned": True,
    }
    values.update(overrides)
    return values


ALL_PASS = {
    code: (True, "")
    for code in ("BLOOD_PUMP", "TMP", "BIOREACTOR_TEMP", "NO_CLOTTING", "NO_BLOOD_LEAK",
                 "NO_CELL_LEAK")
}  # fmt: skip


@pytest.fixture
def record(db):
    """record(subject, start, minutes, planned_minutes=None, interruptions=(),
    study_parts=None, **values)."""

    def make(
        subject,
        start,
        minutes,
        *,
        planned_minutes=None,
        interruptions=(),
        study_parts=None,
        **overrides,
    ):
        by = get_user_model().objects.get_or_create(username=f"entry_{subject.site.code}")[0]
        device = ALL_PASS if subject.study.protocol.device_criteria else None
        device = overrides.pop("device_checks", device)
        return actions.session_record(
            subject=subject,
            by=by,
            values=session_values(start, minutes, **overrides),
            planned_minutes=planned_minutes,
            interruptions=list(interruptions),
            device_checks=device,
            study_parts=study_parts,
        )

    return make


@pytest.fixture
def qhmt(qh1a):
    """The multiple-treatment group, opened with a 6-hour duration by the committee."""
    arm = qh1a.arms.get(code="QHMT")
    arm.is_open = True
    arm.planned_minutes = 360
    arm.save()
    return arm


@pytest.fixture
def make_subject(make_subject):
    """The shared make_subject, except that "enrolled" enrols on the screening day with the
    first treatment the day after, so that sessions can lie in the past (spec V1: no
    session before enrolment)."""

    def make(study, state="screening", *, arm=None, planned_first_treatment=None, **overrides):
        if state != "enrolled":
            return make_subject(study, state, arm=arm, **overrides)
        subject = make_subject(study, "eligible", **overrides)
        subject_enrol(
            subject=subject,
            arm=arm or study.arms.get(is_open=True, order=1),
            by=subject.created_by,
            enrolment_date=subject.screening_date,
            planned_first_treatment=planned_first_treatment
            or subject.screening_date + dt.timedelta(days=1),
            reason="Entered from the paper enrolment log",
        )
        subject.refresh_from_db()
        return subject

    return make
