"""Each clinical screen: the happy path, bad input (422, a message at the field, nothing
typed lost), another site's user (404), a read-only role (403), hostile input (never a
500), and list pages whose query count does not grow with rows."""

import datetime as dt

import pytest
from django.urls import reverse

from ecrf import audit, versions
from ecrf.actions import clinical
from ecrf.models import (
    ConcomitantMedication,
    DataQuery,
    Disposition,
    LiverFailureDiagnosis,
    MedicalHistory,
    Procedure,
    VitalSigns,
)
from ecrf.views.clinical import casebook_context
from tests.clinical.conftest import (
    diagnosis_values,
    disposition_values,
    form_post,
    history_values,
    medication_values,
    procedure_values,
    url,
    vitals_values,
)
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

# The reason for change an edit of a form saved complete carries (issue 4).
REASON = {"change_reason": "entry_error", "change_reason_detail": "corrected from the chart"}

# (list page, new page, values, model) of the repeating forms.
REPEATING = {
    "history": ("clinical_history", "clinical_history_new", history_values, MedicalHistory),
    "vitals": ("clinical_vitals", "clinical_vitals_new", vitals_values, VitalSigns),
    "medication": (
        "clinical_medications",
        "clinical_medication_new",
        medication_values,
        ConcomitantMedication,
    ),
    "procedure": ("clinical_procedures", "clinical_procedure_new", procedure_values, Procedure),
}
# (detail page, edit page, values, model) of the one-per-subject forms.
SINGLE = {
    "diagnosis": (
        "clinical_liver_failure",
        "clinical_liver_failure_edit",
        diagnosis_values,
        LiverFailureDiagnosis,
    ),
    "disposition": (
        "clinical_disposition",
        "clinical_disposition_edit",
        disposition_values,
        Disposition,
    ),
}
FORMS = {**REPEATING, **SINGLE}
# A text field of each form, and a value the form must refuse (with the field to blame).
BAD_INPUT = {
    "history": ({"end": "2010", "ongoing": False, "term": "Asthma"}, "end", "Asthma"),
    "vitals": ({"diastolic_bp": 130, "systolic_bp": 120}, "diastolic_bp", "130"),
    "medication": (
        {"ongoing": False, "end_date": TODAY - dt.timedelta(days=40), "indication": "HBV"},
        "end_date",
        "HBV",
    ),
    "procedure": (
        {"ended_on": TODAY - dt.timedelta(days=9), "details": "Left femoral"},
        "ended_on",
        "Left femoral",
    ),
    "diagnosis": ({"category": "ALF", "diagnosed_on": "not a date"}, "diagnosed_on", "ALF"),
    "disposition": (
        {"status": "died", "cause_of_death": "Sepsis"},
        "death_date",
        "Sepsis",
    ),
}
TEXT_FIELD = {
    "history": "term",
    "vitals": "timepoint",
    "medication": "name",
    "procedure": "details",
    "diagnosis": "guideline",
    "disposition": "cause_of_death",
}


def post_url(kind, subject):
    names = FORMS[kind]
    return url(names[1], subject)


@pytest.mark.parametrize("kind", list(FORMS))
def test_happy_path_saves_and_returns_to_the_list(client, qh_subject, staff_guangzhou, kind):
    page, _new, values, model = FORMS[kind]
    client.force_login(staff_guangzhou)
    assert client.get(post_url(kind, qh_subject)).status_code == 200
    response = client.post(post_url(kind, qh_subject), form_post(values()))
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == url(page, qh_subject)
    row = model.objects.get(subject=qh_subject)
    assert row.created_by == staff_guangzhou and row.version == 1
    assert client.get(url(page, qh_subject)).status_code == 200


@pytest.mark.parametrize("kind", list(FORMS))
def test_bad_input_is_422_at_the_field_and_keeps_values(client, qh_subject, staff_guangzhou, kind):
    _page, _new, values, model = FORMS[kind]
    overrides, field, kept = BAD_INPUT[kind]
    client.force_login(staff_guangzhou)
    response = client.post(post_url(kind, qh_subject), form_post(values(**overrides)))
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert kept in response.content.decode()
    assert not model.objects.exists()


@pytest.mark.parametrize("kind", list(FORMS))
def test_another_sites_user_gets_404(client, qh_subject, staff_beijing, kind):
    page, _new, values, _model = FORMS[kind]
    client.force_login(staff_beijing)
    assert client.get(url(page, qh_subject)).status_code == 404
    assert client.get(post_url(kind, qh_subject)).status_code == 404
    assert client.post(post_url(kind, qh_subject), form_post(values())).status_code == 404


@pytest.mark.parametrize("kind", list(FORMS))
def test_monitor_reads_but_cannot_enter(client, qh_subject, monitor_guangzhou, kind):
    page, _new, values, model = FORMS[kind]
    client.force_login(monitor_guangzhou)
    response = client.get(url(page, qh_subject))
    assert response.status_code == 200
    assert url(FORMS[kind][1], qh_subject) not in response.content.decode()
    assert client.get(post_url(kind, qh_subject)).status_code == 403
    assert client.post(post_url(kind, qh_subject), form_post(values())).status_code == 403
    assert not model.objects.exists()


@pytest.mark.parametrize("kind", list(FORMS))
@pytest.mark.parametrize("hostile", ["\x00", "x" * 5000, "9" * 5000, "<script>alert(1)</script>"])
def test_hostile_input_is_never_a_500(client, qh_subject, staff_guangzhou, kind, hostile):
    _page, _new, values, model = FORMS[kind]
    client.force_login(staff_guangzhou)
    data = form_post(values())
    for name in data:
        if name != "ongoing":
            data[name] = hostile
    response = client.post(post_url(kind, qh_subject), data)
    assert response.status_code == 422
    assert "<script>alert" not in response.content.decode()
    assert not model.objects.exists()


@pytest.mark.parametrize("kind", list(FORMS))
def test_nul_byte_in_one_text_field(client, qh_subject, staff_guangzhou, kind):
    # PostgreSQL refuses NUL in text: the form must catch it first.
    _page, _new, values, model = FORMS[kind]
    client.force_login(staff_guangzhou)
    data = form_post(values())
    data[TEXT_FIELD[kind]] = "abc\x00def"
    response = client.post(post_url(kind, qh_subject), data)
    assert response.status_code == 422 and TEXT_FIELD[kind] in response.context["form"].errors


# --- Edits --------------------------------------------------------------------------------


def test_edit_history_entry_and_another_subjects_entry_is_404(
    client, qh1a, qh_subject, staff_guangzhou, make_subject
):
    entry = clinical.medical_history_record(
        subject=qh_subject, by=staff_guangzhou, **history_values()
    )
    client.force_login(staff_guangzhou)
    edit = url("clinical_history_edit", qh_subject, pk=entry.pk)
    assert 'value="Hypertension"' in client.get(edit).content.decode()
    # The entry was saved complete: the edit carries a reason for change (issue 4).
    data = form_post(history_values(term="Essential hypertension")) | REASON | {"version": "1"}
    response = client.post(edit, data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.term == "Essential hypertension" and entry.version == 2
    other = make_subject(qh1a, "enrolled")
    assert client.get(url("clinical_history_edit", other, pk=entry.pk)).status_code == 404


def test_intra_session_vitals_are_not_edited_here(
    client, qh_subject, staff_guangzhou, make_session
):
    from django.utils import timezone

    session = make_session(qh_subject)
    reading = VitalSigns.objects.create(
        subject=qh_subject,
        session=session,
        timepoint="intra_session",
        measured_at=timezone.now(),
        systolic_bp=110,
        diastolic_bp=70,
        heart_rate=80,
        created_by=staff_guangzhou,
    )
    client.force_login(staff_guangzhou)
    assert client.get(url("clinical_vitals_edit", qh_subject, pk=reading.pk)).status_code == 404
    assert "session 1" in client.get(url("clinical_vitals", qh_subject)).content.decode()


# --- Rules shown on the pages --------------------------------------------------------------


def test_qh1a_non_aclf_diagnosis_is_refused_naming_in01(client, qh_subject, staff_guangzhou):
    # [REG-B] IN01 "Patients with acute-on-chronic liver failure ...".
    client.force_login(staff_guangzhou)
    values = diagnosis_values(category="CLF")
    response = client.post(url("clinical_liver_failure_edit", qh_subject), form_post(values))
    assert response.status_code == 422
    assert "[IN01]" in str(response.context["form"].errors["category"])


def test_sfss_is_offered_only_for_cips(
    client, qh_subject, cips_subject, staff_guangzhou, staff_beijing
):
    # Spec §2.4 "SFSS (CiPS only)"; [REG-A] IN01 "... or small-for-size syndrome".
    client.force_login(staff_guangzhou)
    page = client.get(url("clinical_liver_failure_edit", qh_subject)).content.decode()
    assert 'value="SFSS"' not in page and "graft_weight_g" not in page
    client.force_login(staff_beijing)
    page = client.get(url("clinical_liver_failure_edit", cips_subject)).content.decode()
    assert 'value="SFSS"' in page and "graft_weight_g" in page


def test_cips_sfss_diagnosis_shows_grwr_flag(client, cips_subject, staff_beijing):
    # Spec §3.6 "GRWR = graft g / (kg × 10) ... small-for-size if < 0.8 %"; §2.5 "flag < 0.8 %".
    client.force_login(staff_beijing)
    values = diagnosis_values(
        category="SFSS",
        guideline="SFSS",
        chronic_liver_disease=False,
        aetiology=[],
        cirrhosis="none",
        sfss_operation="living_donor",
        sfss_operation_date=cips_subject.consent_date,
        graft_weight_g=450,
    )
    response = client.post(url("clinical_liver_failure_edit", cips_subject), form_post(values))
    assert response.status_code == 302
    page = client.get(url("clinical_liver_failure", cips_subject)).content.decode()
    assert "0.69 %" in page and "small for size" in page


def test_sfss_needs_its_operation(client, cips_subject, staff_beijing):
    # Spec V18: "SFSS category ⇒ SFSS form complete"; §2.5 graft weight "C (LT)".
    client.force_login(staff_beijing)
    values = diagnosis_values(category="SFSS", guideline="SFSS", sfss_operation="split")
    response = client.post(url("clinical_liver_failure_edit", cips_subject), form_post(values))
    assert response.status_code == 422
    assert {"sfss_operation_date", "graft_weight_g"} <= set(response.context["form"].errors)


def test_aclf_type_is_shown(client, qh_subject, staff_guangzhou):
    # Spec §3.5: decompensated cirrhosis → type C.
    client.force_login(staff_guangzhou)
    values = diagnosis_values(cirrhosis="decompensated")
    client.post(url("clinical_liver_failure_edit", qh_subject), form_post(values))
    response = client.get(url("clinical_liver_failure", qh_subject))
    assert '<dd class="col-sm-8" id="aclf-type">C</dd>' in response.content.decode()


def test_history_contradicting_ex03_shows_a_warning(client, qh_subject, staff_guangzhou):
    # [REG-B] EX03 "... within the past 6 months": saved, with a warning on the page.
    client.force_login(staff_guangzhou)
    recent = (qh_subject.consent_date - dt.timedelta(days=30)).isoformat()
    values = history_values(term="Myocardial infarction", category="cardiovascular", start=recent)
    response = client.post(url("clinical_history_new", qh_subject), form_post(values), follow=True)
    assert response.status_code == 200 and MedicalHistory.objects.count() == 1
    assert "[EX03]" in response.content.decode()


def test_allergy_needs_its_allergen(client, qh_subject, staff_guangzhou):
    # Spec §2.3 "Allergen (if allergy)".
    client.force_login(staff_guangzhou)
    values = history_values(term="Urticaria to plasma", category="allergy")
    response = client.post(url("clinical_history_new", qh_subject), form_post(values))
    assert response.status_code == 422 and "allergen" in response.context["form"].errors


def test_partial_date_that_does_not_exist_is_refused(client, qh_subject, staff_guangzhou):
    client.force_login(staff_guangzhou)
    values = history_values(start="2023-02-30")
    response = client.post(url("clinical_history_new", qh_subject), form_post(values))
    assert response.status_code == 422 and "start" in response.context["form"].errors


def test_vital_sign_alerts_are_shown_not_blocking(client, qh_subject, staff_guangzhou):
    # Spec §2.6 soft alerts: SBP < 90, temperature ≥ 38.0 °C; V9 "prompt to record an AE".
    client.force_login(staff_guangzhou)
    values = vitals_values(systolic_bp=85, diastolic_bp=55, temperature_c="38.4")
    response = client.post(url("clinical_vitals_new", qh_subject), form_post(values), follow=True)
    assert response.status_code == 200 and VitalSigns.objects.count() == 1
    page = response.content.decode()
    assert "Systolic BP below 90 mmHg." in page and "Temperature of 38.0 °C or more." in page
    assert "<td>65</td>" in page  # MAP (85 + 2 × 55) / 3


def test_vitals_out_of_hard_range_are_refused(client, qh_subject, staff_guangzhou):
    # Spec §2.6 hard ranges: SBP 40–260, temperature 30.0–43.0.
    client.force_login(staff_guangzhou)
    values = vitals_values(systolic_bp=300, temperature_c="44.0")
    response = client.post(url("clinical_vitals_new", qh_subject), form_post(values))
    assert response.status_code == 422
    assert {"systolic_bp", "temperature_c"} <= set(response.context["form"].errors)


def test_vitals_before_consent_refusal_names_t2(client, qh_subject, staff_guangzhou):
    # Spec T2: consent precedes every study procedure.
    client.force_login(staff_guangzhou)
    before = dt.datetime.combine(qh_subject.consent_date - dt.timedelta(days=1), dt.time(9, 0))
    values = vitals_values(measured_at=before.strftime("%Y-%m-%dT%H:%M"))
    response = client.post(url("clinical_vitals_new", qh_subject), form_post(values))
    assert response.status_code == 422
    assert "[T2]" in str(response.context["form"].errors["measured_at"])


def test_disposition_death_other_than_fatal_ae_is_saved_and_queried(
    client, qh_subject, staff_guangzhou, make_fatal_event
):
    # Spec V11: "death date = AE end date = DS death date"; issue 18: a contradiction
    # with another form is saved and raises an automatic query naming both records.
    make_fatal_event(qh_subject, onset=TODAY - dt.timedelta(days=1), resolved=TODAY)
    client.force_login(staff_guangzhou)
    values = disposition_values(
        status="died",
        death_date=TODAY - dt.timedelta(days=1),
        cause_of_death="Sepsis",
        survival_status_fs28="dead",
        last_known_alive=None,
    )
    response = client.post(url("clinical_disposition_edit", qh_subject), form_post(values))
    assert response.status_code == 302
    query = DataQuery.objects.get(subject=qh_subject, rule="V11")
    assert query.record_label.endswith("Died") and "AE 1" in query.text


def test_transplanted_disposition_lists_the_transplant(client, qh_subject, staff_guangzhou):
    # Spec §2.13: the LT date feeds disposition and survival; one record of it.
    client.force_login(staff_guangzhou)
    values = disposition_values(status="transplanted", transplant_date=TODAY)
    assert (
        client.post(url("clinical_disposition_edit", qh_subject), form_post(values)).status_code
        == 302
    )
    page = client.get(url("clinical_procedures", qh_subject)).content.decode()
    assert "Liver transplantation" in page


def test_disposition_of_a_subject_in_screening_is_refused(
    client, qh1a, make_subject, staff_guangzhou
):
    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    response = client.post(
        url("clinical_disposition_edit", subject), form_post(disposition_values())
    )
    assert response.status_code == 422 and "[STATUS]" in response.content.decode()


# --- Query counts ------------------------------------------------------------------------


def add_rows(kind, subject, n):
    for i in range(n):
        if kind == "history":
            clinical.medical_history_record(
                subject=subject, by=subject.created_by, **history_values(term=f"Condition {i}")
            )
        elif kind == "vitals":
            from django.utils import timezone

            values = vitals_values(measured_at=timezone.now() - dt.timedelta(minutes=i + 1))
            values["temperature_c"] = __import__("decimal").Decimal(values["temperature_c"])
            clinical.vital_signs_record(subject=subject, by=subject.created_by, **values)
        elif kind == "medication":
            clinical.medication_record(
                subject=subject, by=subject.created_by, **medication_values(name=f"Drug {i}")
            )
        else:
            clinical.procedure_record(
                subject=subject, by=subject.created_by, **procedure_values(details=f"#{i}")
            )


@pytest.mark.parametrize("kind", list(REPEATING))
def test_list_query_count_does_not_grow_with_rows(
    client, qh_subject, staff_guangzhou, kind, django_assert_max_num_queries
):
    page = url(REPEATING[kind][0], qh_subject)
    client.force_login(staff_guangzhou)
    add_rows(kind, qh_subject, 1)
    # + the lifecycle badges (verifications, signatures) and the locks in force (issue 4)
    # + on a session's first page, the password-change demand read and the session saved
    #   once (issue 17, item 7)
    # + the subject's re-consents: the history's checks are judged by the subject's version
    #   on the screening date (issue 21)
    with django_assert_max_num_queries(18) as few:
        assert client.get(page).status_code == 200
    add_rows(kind, qh_subject, 9)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page)
    assert response.content.decode().count(">Edit</a>") == 10


# --- Casebook section ----------------------------------------------------------------------


def test_casebook_context_in_one_query(qh_subject, django_assert_num_queries):
    add_rows("history", qh_subject, 3)
    clinical.liver_failure_record(
        subject=qh_subject, by=qh_subject.created_by, **diagnosis_values(cirrhosis="none")
    )
    # As the casebook reads it: with its protocol versions (issue 21).
    subject = versions.with_versions(qh_subject.__class__.objects.select_related("study")).get(
        pk=qh_subject.pk
    )
    with django_assert_num_queries(1):
        context = casebook_context(subject)
    forms = {form["label"]: form for form in context["clinical_forms"]}
    assert forms["Medical history"]["status"] == "3 recorded"
    assert forms["Liver-failure diagnosis"]["summary"] == "Acute-on-chronic liver failure — type A"
    assert forms["Disposition"]["status"] == "expected"
    assert forms["Vital signs"]["new_url"] == url("clinical_vitals_new", qh_subject)


def test_casebook_section_renders(qh_subject):
    from django.template.loader import render_to_string

    html = render_to_string(
        "ecrf/clinical/_casebook_section.html",
        {**casebook_context(qh_subject), "can_enter": True},
    )
    assert url("clinical_history", qh_subject) in html
    assert url("clinical_disposition_edit", qh_subject) in html


def test_screening_subject_has_no_disposition_row(qh1a, make_subject):
    subject = make_subject(qh1a)
    labels = [f["label"] for f in casebook_context(subject)["clinical_forms"]]
    assert "Disposition" not in labels and "Medical history" in labels


def test_urls_are_namespaced(qh_subject):
    assert reverse(
        "ecrf:clinical_history",
        kwargs={"registry_id": "NCT06996392", "number": qh_subject.screening_number},
    ).endswith("/medical-history/")


def test_stale_form_is_refused(client, qh_subject, staff_guangzhou):
    # StudyRecord.version: a form older than the stored row is refused (optimistic locking),
    # even with a reason for change; the other person's change is shown, nothing is lost.
    entry = clinical.medical_history_record(
        subject=qh_subject, by=staff_guangzhou, **history_values()
    )
    with audit.reason("entry_error", "term updated"):
        clinical.medical_history_record(
            subject=qh_subject, by=staff_guangzhou, entry=entry, **history_values(term="Updated")
        )
    client.force_login(staff_guangzhou)
    data = form_post(history_values(term="Mine")) | REASON | {"version": "1"}
    response = client.post(url("clinical_history_edit", qh_subject, pk=entry.pk), data)
    content = response.content.decode()
    assert response.status_code == 422
    assert "Someone else saved this form after you opened it." in content
    assert "Hypertension → Updated" in content
    assert 'value="Mine"' in content
    entry.refresh_from_db()
    assert (entry.term, entry.version) == ("Updated", 2)


def test_singleton_created_meanwhile_is_stale(client, qh_subject, staff_guangzhou):
    client.force_login(staff_guangzhou)
    page = client.get(url("clinical_disposition_edit", qh_subject)).content.decode()
    assert 'name="version" value="0"' in page
    clinical.disposition_record(subject=qh_subject, by=staff_guangzhou, **disposition_values())
    # The blank form's POST meets a disposition saved complete meanwhile: refused.
    data = form_post(disposition_values(status="lost")) | {"version": "0"}
    response = client.post(url("clinical_disposition_edit", qh_subject), data)
    assert response.status_code == 422
    # Given a reason too, the form is still stale: the other save is not overwritten unseen.
    response = client.post(url("clinical_disposition_edit", qh_subject), data | REASON)
    assert response.status_code == 422
    assert "Someone else saved this form after you opened it." in response.content.decode()
    stored = Disposition.objects.get(subject=qh_subject)
    assert (stored.status, stored.version) == ("completed", 1)
