"""Fuzzing fixtures: Hypothesis profiles, each role of the Guangzhou site, and a QH-1A
casebook with a record of every form to correct (built through the real actions).

Profiles: "fuzz" locally (random, a failing example is remembered in .hypothesis/);
"fuzz-ci" when CI is set (derandomized, so a CI run is reproducible). FUZZ_EXAMPLES
raises the number of examples per form for a longer local hunt.
"""

import datetime as dt
import os
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, settings

from ecrf.actions import adverse_events as ae_actions
from ecrf.actions import clinical, queries
from ecrf.actions import labs as lab_actions
from ecrf.actions import sessions as session_actions
from ecrf.lab_results import ResultEntry
from ecrf.models import Role
from tests.conftest import NOW, make_user
from tests.fuzz.harness import FormPage
from tests.sessions.conftest import session_values as valid_session

PASSWORD = "correct-horse-battery"  # make_user's

# Examples per form; the lists and URLs, one test for many pages, take twice as many.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.register_profile(
    "fuzz-ci", parent=settings.get_profile("fuzz"), derandomize=True, database=None
)
settings.load_profile("fuzz-ci" if os.environ.get("CI") else "fuzz")

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def local(moment: dt.datetime) -> str:
    """A datetime-local value in the sites' time (Asia/Shanghai)."""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")


def subject_url(name, subject, **kwargs):
    kwargs.update(registry_id=subject.study.registry_id, number=subject.screening_number)
    return reverse(f"ecrf:{name}", kwargs=kwargs)


@pytest.fixture
def as_user(client):
    """as_user(user) -> the client, signed in as the user (once per test, not per example)."""
    signed_in = {}

    def login(user):
        if signed_in.get("user") != user.pk:
            client.force_login(user)
            signed_in["user"] = user.pk
        return client

    return login


@pytest.fixture
def form_page(as_user):
    """form_page(user, url, **how) -> (client, FormPage): the page read once per test."""
    pages = {}

    def read(user, url, **how):
        client = as_user(user)
        key = (user.pk, url, tuple(sorted(how.items())))
        if key not in pages:
            pages[key] = FormPage.get(client, url, **how)
        return client, pages[key]

    return read


@pytest.fixture
def datamanager_guangzhou(guangzhou):
    return make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)


@pytest.fixture
def safety_guangzhou(guangzhou):
    return make_user("safety_gz", Role.SAFETY_REVIEWER, [guangzhou], is_staff=True)


@pytest.fixture
def superuser(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", password=PASSWORD)


@pytest.fixture
def enrolled(qh1a, make_subject):
    """An enrolled QH-1A man: screened and enrolled 20 days ago, first treatment planned
    the day after, so that sessions, labs and AEs can lie in the past."""
    screened = timezone.localdate() - dt.timedelta(days=20)
    subject = make_subject(qh1a, "eligible", consent_date=screened, screening_date=screened)
    from ecrf import actions

    actions.subject_enrol(
        subject=subject,
        arm=qh1a.arms.get(is_open=True, order=1),
        by=subject.created_by,
        enrolment_date=screened,
        planned_first_treatment=screened + dt.timedelta(days=1),
        reason="Entered after the fact",
    )
    subject.refresh_from_db()
    return subject


# Ten days before the tests' frozen instant (tests/conftest.py: NOW).
SESSION_START = NOW.replace(second=0, microsecond=0) - dt.timedelta(days=10)


def session_values(start=SESSION_START, minutes=240) -> dict:
    """A valid session, as the session tests enter it, from SESSION_START by default."""
    return valid_session(start, minutes)


ALL_PASS = {
    code: (True, "")
    for code in ("BLOOD_PUMP", "TMP", "BIOREACTOR_TEMP", "NO_CLOTTING", "NO_BLOOD_LEAK",
                 "NO_CELL_LEAK")
}  # fmt: skip


@pytest.fixture
def session(enrolled, staff_guangzhou):
    """Session 1 of the enrolled subject, ten days ago, with a 10-minute interruption."""
    start = SESSION_START
    return session_actions.session_record(
        subject=enrolled,
        by=staff_guangzhou,
        values=session_values(start),
        interruptions=[
            {
                "started_at": start + dt.timedelta(minutes=60),
                "ended_at": start + dt.timedelta(minutes=70),
                "circulation_stopped": True,
                "reason": "clotting",
                "outcome": "resumed",
            }
        ],
        device_checks=ALL_PASS,
    )


@pytest.fixture
def panel(session, staff_guangzhou, reference_ranges):
    """A baseline liver panel (bilirubin typed in mg/dL)."""
    return lab_actions.lab_panel_record(
        subject=session.subject,
        panel="LIVER",
        timepoint="BASELINE",
        sampled_at=SESSION_START - dt.timedelta(hours=3),
        laboratory="Central lab",
        entries=[
            ResultEntry(test_code="BILI", value=Decimal("5.2"), unit="mg/dL"),
            ResultEntry(test_code="ALT", value=Decimal("420"), unit="U/L"),
        ],
        by=staff_guangzhou,
    )


@pytest.fixture
def reference_ranges(guangzhou):
    from django.core.management import call_command

    call_command("load_reference_ranges", verbosity=0)


@pytest.fixture
def adverse_event(session, investigator_guangzhou):
    """A serious grade-3 hypotension during session 1, with its SAE supplement."""
    subject = session.subject
    onset = timezone.localtime(SESSION_START + dt.timedelta(minutes=90))
    return ae_actions.ae_report(
        subject=subject,
        by=investigator_guangzhou,
        sae={
            "report_type": "initial",
            "awareness_at": onset + dt.timedelta(hours=1),
            "reported_to_sponsor_at": None,
            "reported_to_ethics_at": None,
            "sponsor_awareness_at": None,
            "regulatory_submitted_at": None,
            "narrative": "Hypotension during the session, admitted for observation.",
        },
        ctcae_code="10021097",
        verbatim_term="Low blood pressure",
        other_specify="",
        grade=3,
        onset_date=onset.date(),
        onset_time=onset.time().replace(second=0, microsecond=0),
        resolved_date=None,
        ongoing=True,
        serious=True,
        results_in_death=False,
        life_threatening=False,
        hospitalisation=True,
        disability=False,
        congenital_anomaly=False,
        important_medical_event=False,
        intervention_required=False,
        related_device="possible",
        related_cells="unlikely",
        related_procedure="not_related",
        expected=False,
        action_taken="interrupted",
        outcome="recovering",
    )


@pytest.fixture
def history(enrolled, staff_guangzhou):
    return clinical.medical_history_record(
        subject=enrolled,
        by=staff_guangzhou,
        term="Hypertension",
        category="general",
        start="2015-03",
        ongoing=True,
        end="",
        allergen="",
    )


@pytest.fixture
def query(history, monitor_guangzhou):
    """An open query on the medical history's term."""
    return queries.query_raise(
        record=history, field="term", text="Please confirm the start date.", by=monitor_guangzhou
    )
