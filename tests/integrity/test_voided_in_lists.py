"""Issue 4: "No hard deletes ... Voided records stay visible in the history and in
exports, flagged as voided." Every casebook list keeps a voided row, flagged with the
reason, who and when, at no extra query per row; the one-per-subject forms (liver-failure
diagnosis, disposition) can be voided too, and a new one entered after."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from ecrf.actions import ProtocolRefusal, clinical
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions.integrity import record_void
from ecrf.models import Disposition, LiverFailureDiagnosis
from tests.adverse_events.conftest import ae_values
from tests.clinical.conftest import (
    diagnosis_values,
    disposition_values,
    history_values,
    medication_values,
    procedure_values,
)
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

FLAG = "Voided (entered in error): Typed into the wrong casebook, investigator_gz,"


def url(name, subject):
    return reverse(
        f"ecrf:{name}",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def vitals(subject, by, hour):
    return clinical.vital_signs_record(
        subject=subject,
        by=by,
        timepoint="screening",
        measured_at=dt.datetime.combine(
            TODAY - dt.timedelta(days=1), dt.time(hour, 0)
        ).astimezone(),
        systolic_bp=118,
        diastolic_bp=72,
        heart_rate=84,
    )


# list page -> how to enter one row of it through its action
ROWS = {
    "clinical_history": lambda s, by, i: clinical.medical_history_record(
        subject=s, by=by, **history_values(term=f"Condition {i}")
    ),
    "clinical_vitals": lambda s, by, i: vitals(s, by, 6 + i),
    "clinical_medications": lambda s, by, i: clinical.medication_record(
        subject=s, by=by, **medication_values(name=f"Drug {i}")
    ),
    "clinical_procedures": lambda s, by, i: clinical.procedure_record(
        subject=s, by=by, **procedure_values(details=f"Procedure {i}")
    ),
    "ae_list": lambda s, by, i: ae_actions.ae_report(
        subject=s, by=by, **ae_values(s, verbatim_term=f"Fever {i}")
    ),
}


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.mark.parametrize("page", ROWS)
def test_a_voided_row_stays_listed_flagged_with_reason_who_and_when(
    client, subject, investigator_guangzhou, monitor_guangzhou, page
):
    live, wrong = (ROWS[page](subject, investigator_guangzhou, i) for i in (1, 2))
    record_void(record=wrong, by=investigator_guangzhou, reason="Typed into the wrong casebook")
    for reader in (investigator_guangzhou, monitor_guangzhou):
        client.force_login(reader)
        content = client.get(url(page, subject)).content.decode()
        assert content.count(FLAG) == 1, (page, reader)
        assert content.count('class="text-muted voided"') == 1
    # No edit link on the voided row, one on the live one.
    client.force_login(investigator_guangzhou)
    content = client.get(url(page, subject)).content.decode()
    assert f"/{wrong.pk}/" not in content or page == "ae_list"
    assert live.pk


@pytest.mark.parametrize("page", ROWS)
def test_voided_rows_cost_no_query_each(
    client, subject, investigator_guangzhou, page, django_assert_max_num_queries
):
    client.force_login(investigator_guangzhou)

    def add_voided(i):
        row = ROWS[page](subject, investigator_guangzhou, i)
        record_void(record=row, by=investigator_guangzhou, reason="Typed into the wrong casebook")

    add_voided(1)
    with django_assert_max_num_queries(40) as few:
        client.get(url(page, subject))
    for i in (2, 3, 4):
        add_voided(i)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(page, subject))
    assert response.content.decode().count(FLAG) == 4


def test_a_voided_session_is_flagged_on_the_casebook(
    client, subject, investigator_guangzhou, make_session
):
    session = make_session(subject, 1, 240)
    record_void(record=session, by=investigator_guangzhou, reason="Typed into the wrong casebook")
    client.force_login(investigator_guangzhou)
    assert FLAG in client.get(url("casebook", subject)).content.decode()


# --- One-per-subject forms -------------------------------------------------------------------

ONE_PER_SUBJECT = {
    "liverfailurediagnosis": (
        LiverFailureDiagnosis,
        clinical.liver_failure_record,
        diagnosis_values,
        "clinical_liver_failure",
    ),
    "disposition": (
        Disposition,
        clinical.disposition_record,
        disposition_values,
        "clinical_disposition",
    ),
}


@pytest.mark.parametrize("form", ONE_PER_SUBJECT)
def test_a_one_per_subject_form_is_voided_and_a_new_one_entered(
    client, subject, investigator_guangzhou, form
):
    model, record, values, page = ONE_PER_SUBJECT[form]
    first = record(subject=subject, by=investigator_guangzhou, **values())
    client.force_login(investigator_guangzhou)
    void = reverse(
        "ecrf:integrity_void",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            "model_name": form,
            "pk": first.pk,
        },
    )
    assert void in client.get(url(page, subject)).content.decode()  # the page offers it
    assert client.post(void, {"reason": ""}).status_code == 422  # a reason is required
    response = client.post(void, {"reason": "Typed into the wrong casebook"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.is_voided and first.voided_by == investigator_guangzhou
    # The casebook no longer counts it: the form is expected again.
    assert not model.objects.filter(subject=subject).exists()
    casebook = client.get(url("casebook", subject)).content.decode()
    assert url(f"{page}_edit", subject) in casebook  # "Add" is offered again
    second = record(subject=subject, by=investigator_guangzhou, **values())
    assert second.pk != first.pk
    assert model.objects.get(subject=subject) == second
    assert model.all_objects.filter(subject=subject).count() == 2
    # The page shows the live form and, below it, the voided one flagged.
    content = client.get(url(page, subject)).content.decode()
    assert FLAG in content
    # Voiding twice is refused by name.
    with pytest.raises(ProtocolRefusal, match="VOID-ONCE"):
        record_void(record=first, by=investigator_guangzhou, reason="again")


@pytest.mark.parametrize("form", ONE_PER_SUBJECT)
def test_the_database_holds_one_live_form_per_subject(subject, investigator_guangzhou, form):
    model, record, values, _page = ONE_PER_SUBJECT[form]
    first = record(subject=subject, by=investigator_guangzhou, **values())
    duplicate = model.all_objects.get(pk=first.pk)
    duplicate.pk = None
    duplicate._state.adding = True
    with pytest.raises(IntegrityError, match="one_live_per_subject"), transaction.atomic():
        duplicate.save()
    record_void(record=first, by=investigator_guangzhou, reason="Typed into the wrong casebook")
    duplicate.save()  # a voided one leaves room for a live one
    assert model.objects.get(subject=subject).pk == duplicate.pk


def test_a_monitor_cannot_void_a_disposition(
    client, subject, investigator_guangzhou, monitor_guangzhou
):
    first = clinical.disposition_record(
        subject=subject, by=investigator_guangzhou, **disposition_values()
    )
    with pytest.raises(ProtocolRefusal, match="VOID-ROLE"):
        record_void(record=first, by=monitor_guangzhou, reason="x")
    assert Disposition.objects.filter(subject=subject).exists()
