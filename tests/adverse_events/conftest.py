"""Helpers for the adverse-event tests: an AE's values as the action takes them and as the
form posts them, and AEs reported through the real action."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from ecrf.actions import adverse_events as ae_actions
from ecrf.models.adverse_events import SERIOUSNESS_CRITERIA

# MedDRA LLT codes of CTCAE v5.0 terms (ecrf/data/ctcae_v5_terms.csv).
FEVER = "10016558"  # grades 1-5
HYPOTENSION = "10021097"  # grades 1-5
ANAPHYLAXIS = "10002218"  # grades 3-5 only
HEPATIC_FAILURE = "10019663"  # grades 3-5
INVESTIGATIONS_OTHER = "10022891"  # "Investigations - Other, specify"

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def ae_values(subject, **overrides):
    """A grade 1 fever on the consent day, resolved the same day, not related."""
    values = {
        "ctcae_code": FEVER,
        "verbatim_term": "Fever",
        "other_specify": "",
        "grade": 1,
        "onset_date": subject.consent_date,
        "onset_time": None,
        "resolved_date": subject.consent_date,
        "ongoing": False,
        "serious": False,
        **{name: False for name in SERIOUSNESS_CRITERIA},
        "related_device": "not_related",
        "related_cells": "unlikely",
        "related_procedure": "not_related",
        "expected": None,
        "action_taken": "none",
        "outcome": "recovered",
    }
    values.update(overrides)
    return values


def serious(**overrides):
    """Seriousness answers of an SAE: hospitalisation prolonged, unexpected."""
    return {"serious": True, "hospitalisation": True, "expected": False, **overrides}


def sae_values(awareness_at=None, **overrides):
    values = {
        "report_type": "initial",
        "awareness_at": awareness_at or timezone.now() - dt.timedelta(hours=1),
        "reported_to_sponsor_at": None,
        "reported_to_ethics_at": None,
        "sponsor_awareness_at": None,
        "regulatory_submitted_at": None,
        "narrative": "Admitted for observation.",
    }
    values.update(overrides)
    return values


def _post_value(value):
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value, SHANGHAI).strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def ae_post(values: dict, sae: dict | None = None, version=None) -> dict:
    """The form's POST: unticked boxes are absent, expectedness is unknown/true/false."""
    data = {}
    for name, value in values.items():
        if name == "expected":
            data[name] = {None: "unknown", True: "true", False: "false"}[value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = _post_value(value)
    for name, value in (sae or {}).items():
        data[f"sae-{name}"] = _post_value(value)
    if version is not None:
        data["version"] = str(version)
    return data


@pytest.fixture
def enrolled(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def report_ae(investigator_guangzhou):
    """report_ae(subject, sae=None, **overrides) -> AdverseEvent, through the action."""

    def report(subject, sae=None, by=None, **overrides):
        return ae_actions.ae_report(
            subject=subject,
            by=by or investigator_guangzhou,
            sae=sae,
            **ae_values(subject, **overrides),
        )

    return report
