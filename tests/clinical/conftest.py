"""Fixtures of the clinical forms: values a clinician would type, and a fatal AE."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import TODAY


def url(name, subject, **kwargs):
    kwargs.update(registry_id=subject.study.registry_id, number=subject.screening_number)
    return reverse(f"ecrf:{name}", kwargs=kwargs)


def as_post(values: dict) -> dict:
    return {k: ("" if v is None else v) for k, v in values.items()}


def history_values(**overrides):
    values = {
        "term": "Hypertension",
        "category": "general",
        "start": "2015-03",
        "ongoing": True,
        "end": "",
        "allergen": "",
    }
    values.update(overrides)
    return values


def diagnosis_values(**overrides):
    values = {
        "category": "ACLF",
        "diagnosed_on": TODAY - dt.timedelta(days=3),
        "guideline": "CN2024",
        "chronic_liver_disease": True,
        "aetiology": ["HBV"],
        "cirrhosis": "compensated",
    }
    values.update(overrides)
    return values


def vitals_values(**overrides):
    values = {
        "timepoint": "screening",
        # Midnight starting today at the site: never in the future (08:30 was, before 08:30).
        "measured_at": dt.datetime.combine(TODAY, dt.time(0, 0)).strftime("%Y-%m-%dT%H:%M"),
        "systolic_bp": 118,
        "diastolic_bp": 72,
        "heart_rate": 84,
        "respiratory_rate": 16,
        "temperature_c": "36.8",
        "spo2_percent": 97,
    }
    values.update(overrides)
    return values


def medication_values(**overrides):
    values = {
        "name": "Entecavir",
        "category": "antiviral",
        "indication": "Chronic hepatitis B",
        "dose": "0.5",
        "dose_unit": "mg",
        "frequency": "once daily",
        "route": "oral",
        "start_date": TODAY - dt.timedelta(days=20),
        "ongoing": True,
        "end_date": None,
    }
    values.update(overrides)
    return values


def liver_imaging_values(**overrides):
    values = {
        "visit": "SCR",
        "examined_on": TODAY - dt.timedelta(days=1),
        "modality": "ultrasound",
        "new_lesion": False,
        "lesion_size_mm": None,
        "findings": "Coarse echotexture, no focal lesion.",
    }
    values.update(overrides)
    return values


def procedure_values(**overrides):
    values = {
        "name": "plasma_exchange",
        "details": "2000 mL FFP",
        "started_on": TODAY - dt.timedelta(days=1),
        "ended_on": TODAY - dt.timedelta(days=1),
    }
    values.update(overrides)
    return values


def disposition_values(**overrides):
    values = {
        "status": "completed",
        "disposition_date": TODAY,
        "death_date": None,
        "cause_of_death": "",
        "transplant_date": None,
        "survival_status_fs28": "alive",
        "last_known_alive": TODAY,
    }
    values.update(overrides)
    return values


def form_post(values: dict) -> dict:
    """The POST a browser sends: dates as ISO text, unticked boxes left out."""
    data = {}
    for key, value in values.items():
        if key == "ongoing":  # a checkbox
            if value:
                data[key] = "on"
            continue
        if isinstance(value, bool):
            value = "True" if value else "False"
        elif isinstance(value, dt.date):
            value = value.isoformat()
        data[key] = "" if value is None else value
    return data


@pytest.fixture
def qh_subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def cips_subject(cips, make_subject):
    return make_subject(cips, "enrolled")


@pytest.fixture
def make_fatal_event(db):
    """make_fatal_event(subject, onset, resolved=None) -> AdverseEvent with outcome fatal.

    Built with the ORM: the AE action belongs to the adverse-events work."""
    from ecrf.models import AdverseEvent

    def make(subject, onset, resolved=None):
        return AdverseEvent.objects.create(
            subject=subject,
            number=AdverseEvent.objects.filter(subject=subject).count() + 1,
            verbatim_term="Progressive liver failure",
            ctcae_code="10019663",
            ctcae_term="Hepatic failure",
            soc="Hepatobiliary disorders",
            grade=5,
            onset_date=onset,
            resolved_date=resolved,
            ongoing=False,
            serious=True,
            results_in_death=True,
            related_device="not_related",
            related_cells="not_related",
            related_procedure="not_related",
            action_taken="not_applicable",
            outcome="fatal",
            created_by=subject.created_by,
        )

    return make
