"""The sign-off screens: happy path, bad input (422 at the field), another site's user
(404), a role that does not take the step (403), and a casebook whose query count does
not grow with its forms."""

import pytest
from django.urls import reverse

from ecrf import audit
from ecrf.actions import clinical, signoff
from ecrf.models import LoginEvent, LoginEventKind, Signature, SourceVerification
from tests.clinical.conftest import history_values, medication_values
from tests.signoff.conftest import PASSWORD, casebook_url, login, record_url

pytestmark = pytest.mark.django_db


def test_monitor_verifies_from_the_form_page(client, history, monitor_guangzhou):
    login(client, monitor_guangzhou)
    # The casebook leads to the sign-off page, which lists each form with its buttons.
    assert casebook_url(history.subject, "signoff_subject") in (
        client.get(casebook_url(history.subject)).content.decode()
    )
    page = client.get(casebook_url(history.subject, "signoff_subject"))
    assert record_url("signoff_verify", history) in page.content.decode()
    assert client.get(record_url("signoff_verify", history)).status_code == 200
    response = client.post(record_url("signoff_verify", history), {"note": "Clinic letter"})
    assert response.status_code == 302
    verification = SourceVerification.objects.get()
    assert (verification.form_version, verification.note) == (history.version, "Clinic letter")
    signoff_page = client.get(casebook_url(history.subject, "signoff_subject"))
    assert "Source-verified" in signoff_page.content.decode()


def test_investigator_signs_with_password_and_meaning(client, history, investigator):
    login(client, investigator)
    page = client.get(record_url("signoff_sign", history)).content.decode()
    # The two components (11.200(a)): the username shown, the password asked.
    assert investigator.username in page and "Wei Zhang" in page
    assert 'type="password"' in page
    response = client.post(
        record_url("signoff_sign", history), {"password": PASSWORD, "meaning": "approval"}
    )
    assert response.status_code == 302
    assert Signature.objects.get().printed_name == "Wei Zhang"
    page = client.get(response["Location"]).content.decode()
    assert "Signed by" in page and "Wei Zhang" in page and "approve" in page


def test_wrong_password_answers_422_at_the_field_and_is_logged(client, history, investigator):
    login(client, investigator)
    response = client.post(
        record_url("signoff_sign", history), {"password": "guess", "meaning": "approval"}
    )
    assert response.status_code == 422
    assert response.context["form"].errors["password"]
    assert response.context["form"].data["meaning"] == "approval"  # nothing typed is lost
    assert not Signature.objects.exists()
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.SIGNATURE_FAILED, user=investigator
    ).exists()


def test_missing_meaning_answers_422(client, history, investigator):
    login(client, investigator)
    response = client.post(record_url("signoff_sign", history), {"password": PASSWORD})
    assert response.status_code == 422 and response.context["form"].errors["meaning"]


def test_wrong_role_gets_403(client, history, staff_guangzhou, monitor_guangzhou, investigator):
    login(client, staff_guangzhou)
    assert client.get(record_url("signoff_verify", history)).status_code == 403
    assert client.get(record_url("signoff_sign", history)).status_code == 403
    login(client, monitor_guangzhou)
    assert (
        client.post(record_url("signoff_sign", history), {"password": PASSWORD}).status_code == 403
    )
    assert client.get(casebook_url(history.subject, "signoff_casebook_sign")).status_code == 403
    login(client, investigator)
    assert client.post(record_url("signoff_verify", history)).status_code == 403


def test_another_sites_user_gets_404(client, history, monitor_elsewhere):
    login(client, monitor_elsewhere)
    assert client.get(record_url("signoff_verify", history)).status_code == 404
    assert client.get(record_url("signoff_sign", history)).status_code == 404
    assert client.get(casebook_url(history.subject, "signoff_casebook_sign")).status_code == 404


def test_unknown_form_or_record_gets_404(client, history, monitor_guangzhou):
    login(client, monitor_guangzhou)
    for model, pk in (
        ("ecrf.subject", history.subject.pk),
        ("nope", 1),
        ("ecrf.medicalhistory", 0),
    ):
        url = reverse("ecrf:signoff_verify", kwargs={"model": model, "pk": pk})
        assert client.get(url).status_code == 404


def test_page_says_when_a_signed_form_changed(client, history, investigator, staff_guangzhou):
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning="approval")
    with audit.reason("entry_error", "abbreviation"):
        clinical.medical_history_record(
            subject=history.subject, by=staff_guangzhou, entry=history, **history_values(term="HTN")
        )
    login(client, investigator)
    page = client.get(casebook_url(history.subject, "signoff_subject")).content.decode()
    assert "Changed after it was signed by Wei Zhang" in page and "sign again" in page
    list_page = client.get(
        reverse(
            "ecrf:clinical_history",
            kwargs={
                "registry_id": history.subject.study.registry_id,
                "number": history.subject.screening_number,
            },
        )
    ).content.decode()
    assert "Changed after it was signed by Wei Zhang" in list_page


def test_casebook_signature_from_the_casebook(client, history, medication, investigator):
    subject = history.subject
    login(client, investigator)
    assert (
        casebook_url(subject, "signoff_casebook_sign")
        in client.get(casebook_url(subject)).content.decode()
    )
    response = client.post(
        casebook_url(subject, "signoff_casebook_sign"),
        {"password": PASSWORD, "meaning": "responsibility"},
    )
    assert response.status_code == 302
    page = client.get(casebook_url(subject)).content.decode()
    assert "Casebook signature" in page and "Wei Zhang" in page and "responsibility" in page


def test_casebook_query_count_does_not_grow_with_forms(
    client,
    subject,
    staff_guangzhou,
    investigator,
    monitor_guangzhou,
    django_assert_max_num_queries,
    settings,
):
    # Counts the casebook's rendering (served kept: tests/performance/test_casebook_cache.py).
    settings.CASEBOOK_CACHE = False

    def add(n):
        for i in range(n):
            row = clinical.medical_history_record(
                subject=subject, by=staff_guangzhou, **history_values(term=f"Condition {i}")
            )
            clinical.medication_record(subject=subject, by=staff_guangzhou, **medication_values())
            signoff.form_verify(record=row, by=monitor_guangzhou)
            signoff.form_sign(record=row, by=investigator, password=PASSWORD, meaning="review")

    login(client, investigator)
    add(1)
    for name in ("casebook", "signoff_subject"):
        client.get(casebook_url(subject, name))
        with django_assert_max_num_queries(40) as few:
            assert client.get(casebook_url(subject, name)).status_code == 200
        add(5)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(casebook_url(subject, name)).status_code == 200


def test_the_signing_page_lists_what_is_not_yet_clean(
    client, history, medication, investigator, monitor_guangzhou, staff_guangzhou
):
    # Issue 19 item 4: before signing, the open queries, the forms not source-verified
    # and those changed since their verification.
    from ecrf.actions import queries

    subject = history.subject
    signoff.form_verify(record=history, by=monitor_guangzhou)
    queries.query_raise(record=medication, field="dose", text="Dose unit?", by=monitor_guangzhou)
    login(client, investigator)
    page = client.get(casebook_url(subject, "signoff_casebook_sign")).content.decode()
    assert "1 open query" in page and "Dose unit?" in page
    assert "1 form not source-verified" in page  # the medication
    assert "0 forms changed since they were verified" in page
    history.term = "Hypertension, treated"
    with audit.reason("entry_error", "Typo"):
        history.save()
    page = client.get(casebook_url(subject, "signoff_casebook_sign")).content.decode()
    assert "1 form changed since it was verified" in page


def test_the_casebook_signature_covers_eligibility_and_enrolment(client, history, investigator):
    # Issue 19 item 4: "Eligibility and enrolment are not among the signed forms."
    subject = history.subject
    signature = signoff.casebook_sign(
        subject=subject, by=investigator, password=PASSWORD, meaning="responsibility"
    )
    labels = {label for label, _pk, _version in signature.manifest}
    assert {"ecrf.eligibilityanswer", "ecrf.enrolment"} <= labels
    login(client, investigator)
    assert "Wei Zhang" in client.get(casebook_url(subject)).content.decode()
    enrolment = subject.enrolment
    enrolment.reason = "Entered the next morning"
    with audit.reason("entry_error", "Reason added"):
        enrolment.save()
    page = client.get(casebook_url(subject)).content.decode()
    assert "A form changed after the casebook was signed" in page
