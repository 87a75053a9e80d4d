"""A field of one study lives in that study's package (issue 20 item 3): CiPS-BAL's
functional fraction is studies/cips_bal's FunctionalHepatocytes, a part of the session
form. It is entered on the session form, shown on its page, audited, voided with it, and
offered to no other study."""

import pytest

from ecrf import audit, form_registry
from ecrf.actions.integrity import record_void
from ecrf.models import TreatmentSession
from studies.cips_bal.models import FunctionalHepatocytes
from tests.sessions.conftest import at, days
from tests.sessions.test_session_views import session_post, url

pytestmark = pytest.mark.django_db


def test_the_fraction_is_entered_corrected_shown_and_audited(
    client, cips, staff_beijing, make_subject
):
    # Spec §3.1 "Functional cells = viable cells × functional-marker fraction/100".
    subject = make_subject(cips, "enrolled")
    client.force_login(staff_beijing)
    data = session_post(
        at(days(-1)), 300, device=False, planned_minutes="300", functional_percent="80"
    )
    assert client.post(url("session_new", subject), data).status_code == 302
    session = TreatmentSession.objects.get(subject=subject)
    page = client.get(url("session_detail", subject, session_number=1)).content.decode()
    assert "Functional hepatocytes (%)" in page and "80.0" in page
    # The correction form shows it, and a correction changes that row (a new version).
    form = client.get(url("session_edit", subject, session_number=1)).context["form"]
    assert form.initial["functional_percent"] == 80
    data |= {"functional_percent": "60", "version": str(session.version)}
    data |= {"change_reason": "entry_error", "change_reason_detail": "typed 80"}
    response = client.post(url("session_edit", subject, session_number=1), data)
    assert response.status_code == 302
    part = FunctionalHepatocytes.objects.get(session=session)
    assert part.functional_percent == 60
    # The audit trail records both writes, under the subject (its history pages).
    changes = [
        e.action
        for e in audit.subject_history(subject)
        if e.model is FunctionalHepatocytes and e.record_id == str(part.pk)
    ]
    assert sorted(changes) == ["insert", "update"]


def test_the_fraction_is_voided_with_its_session(cips, make_subject, record, staff_beijing):
    subject = make_subject(cips, "enrolled")
    session = record(
        subject,
        at(days(-1)),
        300,
        planned_minutes=300,
        study_parts={FunctionalHepatocytes: {"functional_percent": 80}},
    )
    record_void(record=session, by=staff_beijing, reason="Wrong subject")
    part = FunctionalHepatocytes.all_objects.get(session=session)
    assert part.voided_at is not None and part.void_reason == "Wrong subject"
    assert "functional_hepatocytes" in form_registry.parts_of(TreatmentSession)


def test_another_study_has_no_such_field(client, qh1a, staff_guangzhou, make_subject, record):
    # Only CiPS-BAL records a functional fraction (spec §2.8.1, §3.1).
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_guangzhou)
    form = client.get(url("session_new", subject)).context["form"]
    assert "functional_percent" not in form.fields
    with pytest.raises(ValueError, match="not a part of studies.qh1a"):
        record(
            subject,
            at(days(-1)),
            300,
            study_parts={FunctionalHepatocytes: {"functional_percent": 80}},
        )


def test_a_bad_fraction_is_answered_next_to_its_field(client, cips, staff_beijing, make_subject):
    subject = make_subject(cips, "enrolled")
    client.force_login(staff_beijing)
    data = session_post(
        at(days(-1)), 300, device=False, planned_minutes="300", functional_percent="120"
    )
    response = client.post(url("session_new", subject), data)
    assert response.status_code == 422
    assert "functional_percent" in response.context["form"].errors
    assert not TreatmentSession.objects.filter(subject=subject).exists()
