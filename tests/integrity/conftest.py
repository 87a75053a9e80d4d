"""Integrity fixtures: records entered through the real actions, and the URLs to void them."""

import pytest
from django.urls import reverse

from tests.adverse_events.conftest import ae_values
from tests.labs.conftest import post_panel, reference_ranges, treated  # noqa: F401

# Enrolled on the screening day, so sessions can be dated in the past (as in tests/sessions).
from tests.sessions.conftest import make_subject  # noqa: F401


def void_url(record):
    subject = record.subject
    return reverse(
        "ecrf:integrity_void",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            "model_name": record._meta.model_name,
            "pk": record.pk,
        },
    )


@pytest.fixture
def fever(qh1a, make_subject, investigator_guangzhou):  # noqa: F811 (the override above)
    """A grade 1 fever reported for an enrolled QH-1A subject, through the AE action."""
    from ecrf.actions import adverse_events

    subject = make_subject(qh1a, "enrolled")
    return adverse_events.ae_report(
        subject=subject, by=investigator_guangzhou, sae=None, **ae_values(subject)
    )
