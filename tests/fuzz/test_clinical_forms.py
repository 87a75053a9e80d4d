"""Fuzzing the clinical forms (spec §2.3–§2.6, §2.13, §2.14): medical history, the
liver-failure diagnosis (QH-1A and CiPS-BAL's small-for-size form), vital signs,
concomitant medications, procedures and the disposition, new and corrected."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecrf.models import (
    ConcomitantMedication,
    Disposition,
    LiverFailureDiagnosis,
    MedicalHistory,
    Procedure,
    Subject,
    VitalSigns,
)
from ecrf.protocol import partial_date_bounds
from studies.cips_bal.models import SmallForSizeOperation
from tests.clinical.conftest import (
    diagnosis_values,
    disposition_values,
    form_post,
    history_values,
    medication_values,
    procedure_values,
    vitals_values,
)
from tests.fuzz.conftest import subject_url
from tests.fuzz.harness import attempt, submissions

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def not_reversed(row):
    """Spec §2.3, §2.13: no end before its start, whichever form stored it."""
    if isinstance(row, MedicalHistory) and row.end:
        assert partial_date_bounds(row.end)[1] >= partial_date_bounds(row.start)[0]
    pairs = {
        ConcomitantMedication: ("start_date", "end_date"),
        Procedure: ("started_on", "ended_on"),
    }
    start, end = pairs.get(type(row), (None, None))
    if start and getattr(row, end):
        assert getattr(row, end) >= getattr(row, start)
    if isinstance(row, VitalSigns):
        assert row.diastolic_bp < row.systolic_bp  # spec §2.6, hard


# (entry page, page showing it, valid values, model) of each form.
FORMS = {
    "history": ("clinical_history_new", "clinical_history", history_values, MedicalHistory),
    "vitals": ("clinical_vitals_new", "clinical_vitals", vitals_values, VitalSigns),
    "medication": (
        "clinical_medication_new",
        "clinical_medications",
        medication_values,
        ConcomitantMedication,
    ),
    "procedure": ("clinical_procedure_new", "clinical_procedures", procedure_values, Procedure),
    "diagnosis": (
        "clinical_liver_failure_edit",
        "clinical_liver_failure",
        diagnosis_values,
        LiverFailureDiagnosis,
    ),
    "disposition": (
        "clinical_disposition_edit",
        "clinical_disposition",
        disposition_values,
        Disposition,
    ),
}


@pytest.mark.parametrize("kind", FORMS)
@given(data=st.data())
def test_new_clinical_form(data, kind, form_page, enrolled, staff_guangzhou):
    entry, show, values, model = FORMS[kind]
    client, page = form_page(staff_guangzhou, subject_url(entry, enrolled))
    post = data.draw(submissions(page, form_post(values())))
    attempt(
        client,
        page,
        post,
        touched=[model, Subject],
        show=subject_url(show, enrolled),
        invariants=not_reversed,
    )


@given(data=st.data())
def test_corrected_history(data, form_page, history, staff_guangzhou):
    """A correction of a form saved complete: version and reason for change in play."""
    url = subject_url("clinical_history_edit", history.subject, pk=history.pk)
    client, page = form_page(staff_guangzhou, url)
    valid = form_post(history_values(term="Arterial hypertension"))
    valid |= {"change_reason": "entry_error", "change_reason_detail": "from the chart"}
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[MedicalHistory],
        show=subject_url("clinical_history", history.subject),
        invariants=not_reversed,
    )


@pytest.fixture
def cips_enrolled(cips, make_subject):
    return make_subject(cips, "enrolled")


@given(data=st.data())
def test_small_for_size_diagnosis(data, form_page, cips_enrolled, staff_beijing):
    """CiPS-BAL's diagnosis with the small-for-size syndrome form (spec §2.5)."""
    subject = cips_enrolled
    client, page = form_page(staff_beijing, subject_url("clinical_liver_failure_edit", subject))
    valid = form_post(
        diagnosis_values(
            category="SFSS",
            guideline="SFSS",
            chronic_liver_disease=False,
            aetiology=[],
            sfss_operation="living_donor",
            sfss_operation_date=subject.consent_date,
            graft_weight_g=520,
        )
    )
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        # The operation is CiPS-BAL's own part of the form (studies/cips_bal/models.py).
        touched=[LiverFailureDiagnosis, SmallForSizeOperation],
        show=subject_url("clinical_liver_failure", subject),
    )
