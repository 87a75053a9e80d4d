"""Regression tests: each bug the fuzz tests found, as one plain example (issue 7, item 4).

Every one was a 500, a stored value the app cannot read back, or a refusal the user
could not see; each now answers a 4xx with its message where the user looks.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ecrf.models import AdverseEventReview, LabPanel, MedicalHistory, Study
from ecrf.protocol import check_options, get_protocol
from tests.clinical.conftest import form_post, history_values
from tests.fuzz.conftest import SESSION_START, local, subject_url
from tests.fuzz.harness import FormPage

pytestmark = pytest.mark.django_db


# --- A refusal the user could not see -------------------------------------------------------


def test_a_tampered_version_is_refused_where_the_user_sees_it(client, enrolled, staff_guangzhou):
    """The hidden version field's error used to be rendered nowhere: a 422, no message."""
    client.force_login(staff_guangzhou)
    post = form_post(history_values()) | {"version": "<script>"}
    response = client.post(subject_url("clinical_history_new", enrolled), post)
    assert response.status_code == 422
    assert 'class="alert alert-block alert-danger hidden-field-errors"' in response.content.decode()
    assert "Enter a whole number." in response.content.decode()
    assert not MedicalHistory.objects.exists()


def test_a_tampered_log_row_id_is_shown_on_its_row(client, session, staff_guangzhou):
    """A session log row's hidden id, tampered, was refused without a word on the page."""
    client.force_login(staff_guangzhou)
    url = subject_url("session_edit", session.subject, session_number=1)
    page = FormPage.get(client, url)
    post = page.baseline() | {
        "interruptions-0-id": ["not-a-row"],
        "change_reason": ["entry_error"],
        "change_reason_detail": ["x"],
    }
    response = client.post(url, post)
    assert response.status_code == 422
    assert "Select a valid choice." in response.content.decode()


def test_a_panel_with_no_result_says_so_on_the_page(client, session, staff_guangzhou):
    """The lab panel page is not drawn by crispy: its form's own error (no result and no
    reason) was refused with a 422 and shown nowhere."""
    client.force_login(staff_guangzhou)
    url = subject_url("labs_panel", session.subject, timepoint="POST-S1", panel="RENAL")
    page = FormPage.get(client, url)
    post = page.baseline() | {"sampled_at": [local(SESSION_START + dt.timedelta(hours=5))]}
    post = {k: v for k, v in post.items() if not k.endswith("_value")}
    response = client.post(url, post)
    assert response.status_code == 422
    assert "Enter at least one result, or the reason a test was not done." in (
        response.content.decode()
    )
    assert not LabPanel.objects.exists()


# --- NUL characters ---------------------------------------------------------------------------


def test_a_lab_file_with_a_nul_character_is_refused_whole(client, session, staff_guangzhou):
    """A NUL in a cell the import looks up (the screening number) was a 500."""
    client.force_login(staff_guangzhou)
    content = (
        b"screening_number,timepoint,panel,sampled_at,test_code,value,unit\n"
        b"SYSU\x003-001,POST-S1,LIVER,2026-01-01 08:00,BILI,5,mg/dL\n"
    )
    url = reverse("ecrf:labs_import", kwargs={"registry_id": session.subject.study.registry_id})
    response = client.post(url, {"file": SimpleUploadedFile("labs.csv", content)})
    assert response.status_code == 422
    assert "NUL characters" in response.content.decode()
    assert not LabPanel.objects.filter(timepoint="POST-S1").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/studies/NCT%00/",
        "/studies/NCT06996392/subjects/SYSU%003-001/",
        "/admin/ecrf/subject/?status=%00",
        "/studies/NCT06996392/queries/?subject=%00",
    ],
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, qh1a, superuser, path):
    """PostgreSQL cannot compare text with NUL: these lookups were 500s."""
    client.force_login(superuser)
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Security-Policy"]  # still answered through the app's headers


def test_a_nul_character_in_a_cookie_is_a_bad_request(client, qh1a):
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    assert client.get(reverse("ecrf:home")).status_code == 400


# --- Impossible moments ------------------------------------------------------------------------


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59", "1899-12-31T23:59"])
def test_a_sample_time_outside_1900_2099_is_refused_at_its_field(
    client, session, staff_guangzhou, moment
):
    """Year 1 at 08:00 in Shanghai is year 0 in UTC: PostgreSQL stored it and reading it
    back failed (a 500 on the lab pages)."""
    client.force_login(staff_guangzhou)
    url = subject_url("labs_panel", session.subject, timepoint="POST-S1", panel="RENAL")
    response = client.post(url, {"sampled_at": moment, "CREAT_value": "80", "version": "0"})
    assert response.status_code == 422
    assert response.context["form"].errors["sampled_at"] == [
        "Enter a date and time between 1900 and 2099."
    ]


def test_a_session_start_in_year_one_is_refused_at_its_field(client, enrolled, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.post(
        subject_url("session_new", enrolled),
        {"started_at": "0001-01-01T00:00", "ended_at": local(SESSION_START)},
    )
    assert response.status_code == 422
    assert "started_at" in response.context["form"].errors


def test_a_lab_file_row_in_year_one_is_a_row_error(client, session, staff_guangzhou):
    client.force_login(staff_guangzhou)
    content = (
        "screening_number,timepoint,panel,sampled_at,test_code,value,unit\n"
        f"{session.subject.screening_number},POST-S1,LIVER,0001-01-01 00:00,BILI,5,mg/dL\n"
    ).encode()
    url = reverse("ecrf:labs_import", kwargs={"registry_id": session.subject.study.registry_id})
    response = client.post(url, {"file": SimpleUploadedFile("labs.csv", content)})
    assert response.status_code == 422
    errors = response.context["form"].row_errors
    assert [(e.field, e.message) for e in errors] == [
        ("sampled_at", "Enter a date and time between 1900 and 2099.")
    ]


# --- The admin -----------------------------------------------------------------------------------


def test_an_admin_action_on_ids_that_are_not_keys_is_refused(
    client, adverse_event, monitor_guangzhou
):
    """Django's admin filtered the selected rows on "<script>" and failed with a 500."""
    client.force_login(monitor_guangzhou)
    response = client.post(
        reverse("admin:ecrf_adverseevent_changelist"),
        {
            "action": "record_review",
            "_selected_action": ["<script>"],
            "apply": "1",
            "comment": "x",
            "index": "0",
        },
    )
    assert response.status_code == 302
    assert not AdverseEventReview.objects.exists()


@pytest.mark.parametrize("query", ["study=abc", "site=%20%20", "study=1.5"])
def test_an_admin_filter_on_a_value_that_is_no_id_is_an_invalid_lookup(
    client, qh1a, superuser, query
):
    """The study and site filters passed any text to an id lookup: a 500."""
    client.force_login(superuser)
    response = client.get(f"{reverse('admin:ecrf_subject_changelist')}?{query}")
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


@pytest.mark.parametrize(
    "options",
    [
        "[]",
        "null",
        '"text"',
        "9" * 5000,
        "[" * 5000 + "]" * 5000,
        '{"screening_window_days": "abc"}',
        '{"screening_window_days": 1e308}',
        '{"follow_up": [[1]]}',
        '{"follow_up": []}',
        '{"safety": {"bogus": 1}}',
        '{"safety": {"site_report_hours": "24"}}',
        '{"safety": {"ae_collection_start": "yesterday"}}',
        '{"queries": {"lab_min_grade": 9}}',
        '{"dose": {"cells_per_kg": 0}}',
        '{"nonsense": {}}',
    ],
)
def test_protocol_options_that_the_pages_cannot_read_are_refused(client, qh1a, superuser, options):
    """Options typed in the admin were checked for unknown names only: a list, a string, a
    number as text or a deep JSON was stored (or failed with a 500), and every page
    reading the options failed after it."""
    client.force_login(superuser)
    url = reverse("admin:ecrf_study_change", args=[qh1a.pk])
    page = FormPage.get(client, url)
    response = client.post(url, page.baseline() | {"options": [options]})
    assert response.status_code == 200
    assert "options" in response.context["adminform"].form.errors
    assert Study.objects.get(pk=qh1a.pk).options == {}


def test_protocol_options_that_fit_are_saved(client, cips, superuser):
    client.force_login(superuser)
    url = reverse("admin:ecrf_study_change", args=[cips.pk])
    page = FormPage.get(client, url)
    options = '{"screening_window_days": 10, "dose": {"tolerance_percent": 25}}'
    # A change of options says why, and makes a new protocol version (issue 21).
    why = {"options_change_summary": ["Screening window of 10 days, per the amendment."]}
    response = client.post(url, page.baseline() | {"options": [options]} | why)
    assert response.status_code == 302
    cips.refresh_from_db()
    assert cips.options == {"screening_window_days": 10, "dose": {"tolerance_percent": 25}}
    assert cips.protocol_versions.get(number="1.0+o1").options == cips.options
    assert client.get(reverse("ecrf:protocol", args=[cips.registry_id])).status_code == 200


def test_option_values_are_checked_against_their_defaults():
    protocol = get_protocol("studies.qh1a")
    check_options({"screening_window_days": 10, "max_sessions": 3}, protocol)
    check_options(
        {"safety": {"dlt_platelet_nadir": 20, "ae_collection_start": "consent"}}, protocol
    )
    for bad in (
        {"max_sessions": True},
        {"max_sessions": -1},
        {"follow_up": [[1, 0]]},
        {"dose": {"cells_per_kg": 1}},  # CiPS-BAL's group, not QH-1A's
    ):
        with pytest.raises(ValueError):
            check_options(bad, protocol)


def test_a_tampered_admin_date_in_year_one_is_refused(client, casebook_session, superuser):
    """The admin's date and time fields take the eCRF's limits too."""
    client.force_login(superuser)
    url = reverse("admin:ecrf_treatmentsession_change", args=[casebook_session.pk])
    page = FormPage.get(client, url)
    post = page.baseline() | {
        "started_at_0": ["0001-01-01"],
        "started_at_1": ["00:00"],
        "change_reason": ["entry_error"],
        "change_reason_detail": ["x"],
    }
    response = client.post(url, post)
    assert response.status_code == 200
    assert "started_at" in response.context["adminform"].form.errors


@pytest.fixture
def casebook_session(session):
    return session


def test_moments_in_range_still_save(client, session, staff_guangzhou):
    client.force_login(staff_guangzhou)
    url = subject_url("labs_panel", session.subject, timepoint="POST-S1", panel="RENAL")
    at = local(SESSION_START + dt.timedelta(hours=5))
    response = client.post(url, {"sampled_at": at, "CREAT_value": "80", "version": "0"})
    assert response.status_code == 302


# --- Script tags: stored as typed, always shown escaped ------------------------------------

SCRIPT = "<script>alert('fuzz')</script>"


def test_script_tags_are_stored_as_typed_and_shown_escaped(
    client, session, history, query, staff_guangzhou, monitor_guangzhou
):
    """Text fields keep what was typed (it is source data), and every page that shows it
    escapes it: the medical history, a medication, a deviation, a query's thread."""
    from django.utils.html import escape

    from tests.clinical.conftest import medication_values

    subject = session.subject
    client.force_login(staff_guangzhou)
    posts = [
        (
            "clinical_medication_new",
            form_post(medication_values(name=SCRIPT)),
            "clinical_medications",
        ),
        (
            "session_deviation_new",
            {
                "category": "other",
                "description": SCRIPT,
                "occurred_on": SESSION_START.date().isoformat(),
                "severity": "minor",
            },
            "casebook",
        ),
    ]
    for entry, post, show in posts:
        assert client.post(subject_url(entry, subject), post).status_code == 302, entry
        page = client.get(subject_url(show, subject)).content.decode()
        assert escape(SCRIPT) in page and SCRIPT not in page, show
    answer = reverse("ecrf:query_answer", args=[subject.study.registry_id, query.pk])
    assert client.post(answer, {"answer-text": SCRIPT}).status_code == 302
    client.force_login(monitor_guangzhou)
    detail = reverse("ecrf:query_detail", args=[subject.study.registry_id, query.pk])
    page = client.get(detail).content.decode()
    assert escape(SCRIPT) in page and SCRIPT not in page


# --- Stored invalid values -------------------------------------------------------------------


def test_an_enrolment_dated_before_screening_is_refused_at_its_field(
    client, qh1a, make_subject, staff_guangzhou
):
    """An enrolment dated 0001-01-01 was stored: nothing compared it with screening."""
    from ecrf.models import Enrolment

    subject = make_subject(qh1a, "eligible")
    client.force_login(staff_guangzhou)
    response = client.post(
        subject_url("enrol", subject),
        {
            "arm": qh1a.arms.get(is_open=True, order=1).pk,
            "enrolment_date": "0001-01-01",
            "planned_first_treatment": subject.screening_date.isoformat(),
        },
    )
    assert response.status_code == 422
    assert response.context["form"].errors["enrolment_date"] == [
        f"Enrolment cannot precede screening ({subject.screening_date.isoformat()}). "
        "[ENROLMENT-DATE]"
    ]
    assert not Enrolment.objects.exists()
