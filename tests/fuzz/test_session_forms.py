"""Fuzzing the BAL session form (spec §2.7, §2.8) with its sub-forms on the same page
(interruptions, the ACT/APTT/iCa log, intra-session vital signs, QH-1A's device checks,
CiPS-BAL's planned duration), and the protocol deviations (§2.16)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecrf.actions import sessions as session_actions
from ecrf.models import (
    AnticoagulationCheck,
    Deviation,
    DeviceCheck,
    SessionInterruption,
    TreatmentSession,
    VitalSigns,
)
from studies.cips_bal.models import FunctionalHepatocytes
from tests.fuzz.conftest import ALL_PASS, SESSION_START, local, session_values, subject_url
from tests.fuzz.harness import attempt, submissions

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

SESSION_PARTS = [TreatmentSession, SessionInterruption, AnticoagulationCheck, VitalSigns]


def session_rules(row):
    """Spec §2.7: a session ends after it starts, its logs lie inside it, and the net
    duration is the gross one less the stops; DBP < SBP (§2.6)."""
    if isinstance(row, TreatmentSession):
        assert row.ended_at > row.started_at
        assert 0 <= row.net_minutes <= row.gross_minutes
    if isinstance(row, SessionInterruption):
        session = row.session
        assert session.started_at <= row.started_at <= session.ended_at
        if row.ended_at:
            assert row.started_at < row.ended_at <= session.ended_at
    if isinstance(row, VitalSigns):
        assert row.diastolic_bp < row.systolic_bp
        if row.session_id:
            assert row.session.started_at <= row.measured_at <= row.session.ended_at


def session_post(start=SESSION_START, minutes=240, device=True) -> dict:
    """The page's POST of a 4-hour session with one row in each log."""
    values = {
        name: local(value) if isinstance(value, dt.datetime) else value
        for name, value in session_values(start, minutes).items()
    }
    values["completed_as_planned"] = "True"
    values["form_status"] = "complete"
    if device:
        values |= {f"device_{code}": "pass" for code in ALL_PASS}
    values |= {
        "interruptions-0-started_at": local(start + dt.timedelta(minutes=30)),
        "interruptions-0-ended_at": local(start + dt.timedelta(minutes=45)),
        "interruptions-0-circulation_stopped": "True",
        "interruptions-0-reason": "clotting",
        "interruptions-0-outcome": "resumed",
        "anticoagulation-0-measured_at": local(start + dt.timedelta(minutes=60)),
        "anticoagulation-0-act_seconds": "180",
        "anticoagulation-0-aptt_seconds": "55",
        "vitals-0-measured_at": local(start + dt.timedelta(minutes=90)),
        "vitals-0-systolic_bp": "110",
        "vitals-0-diastolic_bp": "70",
        "vitals-0-heart_rate": "88",
        "vitals-0-respiratory_rate": "16",
        "vitals-0-temperature_c": "36.9",
        "vitals-0-spo2_percent": "97",
    }
    return values


@given(data=st.data())
def test_new_session(data, form_page, enrolled, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("session_new", enrolled))
    post = data.draw(submissions(page, session_post(), max_changes=5))
    attempt(
        client,
        page,
        post,
        touched=[*SESSION_PARTS, DeviceCheck, Deviation],
        show=subject_url("casebook", enrolled),
        invariants=session_rules,
    )


@given(data=st.data())
def test_corrected_session(data, form_page, session, staff_guangzhou):
    """The session's correction: existing log rows (ids, DELETE boxes) and the version."""
    url = subject_url("session_edit", session.subject, session_number=session.number)
    client, page = form_page(staff_guangzhou, url)
    valid = {"cell_lot": "LOT-002", "change_reason": "entry_error", "change_reason_detail": "x"}
    post = data.draw(submissions(page, valid, max_changes=5))
    attempt(
        client,
        page,
        post,
        touched=[*SESSION_PARTS, DeviceCheck, Deviation],
        show=subject_url("session_detail", session.subject, session_number=session.number),
        invariants=session_rules,
    )


@pytest.fixture
def cips_enrolled(cips, make_subject):
    screened = dt.date.today() - dt.timedelta(days=20)
    from ecrf import actions

    subject = make_subject(cips, "eligible", consent_date=screened, screening_date=screened)
    actions.subject_enrol(
        subject=subject,
        arm=cips.arms.get(is_open=True, order=1),
        by=subject.created_by,
        enrolment_date=screened,
        planned_first_treatment=screened + dt.timedelta(days=1),
        reason="Entered after the fact",
    )
    return subject


@given(data=st.data())
def test_cips_session(data, form_page, cips_enrolled, staff_beijing):
    """CiPS-BAL: the investigator's planned duration (4-8 h) and the functional fraction."""
    client, page = form_page(staff_beijing, subject_url("session_new", cips_enrolled))
    valid = session_post(device=False) | {"planned_minutes": "300", "functional_percent": "60"}
    post = data.draw(submissions(page, valid, max_changes=5))
    attempt(
        client,
        page,
        post,
        # The fraction is CiPS-BAL's own model (studies/cips_bal/models.py).
        touched=[*SESSION_PARTS, FunctionalHepatocytes, Deviation],
        show=subject_url("casebook", cips_enrolled),
        invariants=session_rules,
    )


@given(data=st.data())
def test_deviation_report(data, form_page, session, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("session_deviation_new", session.subject))
    valid = {
        "category": "other",
        "description": "Blood drawn late",
        "occurred_on": (SESSION_START.date()).isoformat(),
        "severity": "minor",
        "session": session.pk,
    }
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[Deviation],
        show=subject_url("casebook", session.subject),
    )


@pytest.fixture
def deviation(session, staff_guangzhou):
    return session_actions.deviation_report(
        subject=session.subject,
        by=staff_guangzhou,
        category="other",
        description="Sample lost",
        occurred_on=SESSION_START.date(),
        severity="minor",
        session=session,
    )


@given(data=st.data())
def test_deviation_explanation(data, form_page, deviation, staff_guangzhou):
    from django.urls import reverse

    study = deviation.subject.study
    url = reverse(
        "ecrf:session_deviation_explain",
        kwargs={"registry_id": study.registry_id, "pk": deviation.pk},
    )
    client, page = form_page(staff_guangzhou, url)
    valid = {"explanation": "Courier delay", "corrective_action": "Second courier booked"}
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[Deviation],
        show=reverse("ecrf:session_deviations", kwargs={"registry_id": study.registry_id}),
    )
