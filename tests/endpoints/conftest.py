"""Subjects at a chosen point after their final session, built through the real actions.

Days are counted at the sites (Asia/Shanghai): `T` is the site's today, a session
`k` days ago starts at 09:00 local time on T-k.
"""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest

from ecrf.actions import adverse_events as ae_actions
from ecrf.actions.clinical import disposition_record, procedure_record
from ecrf.actions.labs import clinical_status_record, lab_panel_record
from ecrf.lab_results import ResultEntry
from tests.adverse_events.conftest import HEPATIC_FAILURE, ae_values, sae_values, serious
from tests.conftest import TODAY

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T = TODAY  # the sites' date at the tests' frozen instant (tests/conftest.py)


def day(k: int) -> dt.date:
    """The site's date k days ago."""
    return T - dt.timedelta(days=k)


def at(k: int, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day(k), dt.time(hour), tzinfo=SHANGHAI)


@pytest.fixture
def treated(make_subject, make_session):
    """treated(study, days_ago, sessions=1, arm=None) -> a subject whose sessions started
    at 09:00 on the given days (the last one is the final session, FS)."""

    def make(study, *days_ago, arm=None):
        subject = make_subject(
            study,
            "enrolled",
            arm=arm,
            consent_date=TODAY - dt.timedelta(days=80),
            screening_date=TODAY - dt.timedelta(days=3),
        )
        for number, k in enumerate(days_ago, start=1):
            make_session(subject, number, start=at(k), planned_minutes=240)
        return subject

    return make


@pytest.fixture
def report_ae(db):
    def report(subject, by=None, sae=None, **overrides):
        return ae_actions.ae_report(
            subject=subject, by=by or subject.created_by, sae=sae, **ae_values(subject, **overrides)
        )

    return report


@pytest.fixture
def died(report_ae):
    """died(subject, k, survival="dead"): a fatal hepatic failure and the disposition,
    both dated T-k, with the survival status at FS+28 (alive for a death after FS+28)."""

    def make(subject, k, survival="dead"):
        report_ae(
            subject,
            sae=sae_values(),
            ctcae_code=HEPATIC_FAILURE,
            verbatim_term="Progressive liver failure",
            grade=5,
            onset_date=day(k),
            resolved_date=day(k),
            action_taken="not_applicable",
            outcome="fatal",
            **serious(results_in_death=True),
        )
        return dispose(subject, "died", k, death_date=day(k), survival_status_fs28=survival)

    return make


def dispose(subject, status, k, **fields):
    values = {
        "status": status,
        "disposition_date": day(k),
        "death_date": None,
        "cause_of_death": "Liver failure progression" if status == "died" else "",
        "transplant_date": None,
        "survival_status_fs28": "",
        "last_known_alive": None,
    }
    values.update(fields)
    return disposition_record(subject=subject, by=subject.created_by, **values)


def transplant(subject, k):
    return procedure_record(
        subject=subject,
        by=subject.created_by,
        name="transplant",
        details="Deceased-donor liver transplantation",
        started_on=day(k),
        ended_on=day(k),
    )


def panel(subject, name, timepoint, when, **values):
    """values: BILI=("280", "umol/L"), DSA="negative" (a qualitative result)."""
    entries = []
    for code, value in values.items():
        if isinstance(value, tuple):
            entries.append(ResultEntry(code, Decimal(value[0]), value[1]))
        else:
            entries.append(ResultEntry(code, qualitative=value))
    return lab_panel_record(
        subject=subject,
        panel=name,
        timepoint=timepoint,
        sampled_at=when,
        entries=entries,
        by=subject.created_by,
    )


def clinical_status(subject, k):
    return clinical_status_record(
        subject=subject,
        assessed_on=day(k),
        ascites="none",
        encephalopathy_grade=0,
        dialysed_twice_last_week=False,
        by=subject.created_by,
    )
