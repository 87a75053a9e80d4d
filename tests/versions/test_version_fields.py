"""The fields an entry form asks by the subject's protocol version (issue 21: "removed:
hidden for new entries, never deleted"; "A hidden field's data stays readable and
exportable"; an added field is not asked of a subject on an earlier version). Made-up
versions (tests/versions/amendment_fields.py): 9.6 hides the respiratory rate of vital
signs, 9.7 adds the SpO₂."""

import csv
import datetime as dt
import io
import zipfile

import pytest
from django import forms

from ecrf.actions.exports import study_export
from ecrf.forms.clinical import VitalSignsForm
from ecrf.forms.integrity import add_change_control
from ecrf.models import StudyVersion, VitalSigns
from tests.clinical.conftest import form_post, url, vitals_values
from tests.clinical.test_rules import vitals
from tests.conftest import TODAY, put_in_force, reconsent_to

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def amended(settings, qh1a):
    # Declared after qh1a published its 1.0 (a later version's added field is not 1.0's).
    settings.ECRF_DEMO_VERSIONS = ["tests.versions.amendment_fields"]
    return {
        number: StudyVersion.objects.create(
            study=qh1a, number=number, declared=number, date=TODAY, summary="Test"
        )
        for number in ("9.6", "9.7")
    }


def entry_form(subject, record=None, data=None):
    form = VitalSignsForm(data, instance=record or VitalSigns(subject=subject))
    add_change_control(form, form.instance)
    return form


def asked(form, name) -> bool:
    field = form.fields[name]
    return not field.disabled and not isinstance(field.widget, forms.HiddenInput)


def test_a_field_added_in_a_later_version_is_not_asked_of_a_subject_on_1_0(qh1a, make_subject):
    subject = make_subject(qh1a, "enrolled")
    form = entry_form(subject)
    assert not asked(form, "spo2_percent")  # first asked in 9.7
    assert asked(form, "respiratory_rate") and asked(form, "temperature_c")


def test_a_hidden_field_is_not_asked_for_a_new_entry_and_nothing_posted_is_taken(
    client, qh1a, guangzhou, make_subject, staff_guangzhou
):
    put_in_force(guangzhou, "9.6", on=TODAY - 10 * DAY)
    subject = make_subject(qh1a, "enrolled")  # screened under 9.6
    form = entry_form(subject)
    assert not asked(form, "respiratory_rate") and not form.fields["respiratory_rate"].required
    client.force_login(staff_guangzhou)
    response = client.post(
        url("clinical_vitals_new", subject), form_post(vitals_values(respiratory_rate=30))
    )
    assert response.status_code == 302
    saved = VitalSigns.objects.get(subject=subject)
    assert saved.respiratory_rate is None and saved.temperature_c is not None
    page = client.get(url("clinical_vitals_new", subject)).content.decode()
    assert 'type="hidden" name="respiratory_rate"' in page


def test_a_saved_value_of_a_hidden_field_stays_shown_read_only_and_kept(
    qh1a, guangzhou, make_subject, amended
):
    subject = make_subject(qh1a, "enrolled")
    record = vitals(subject, respiratory_rate=18)  # entered under 1.0
    put_in_force(guangzhou, "9.6", on=TODAY - DAY)
    reconsent_to(subject, amended["9.6"], on=TODAY)
    data = {
        **form_post(vitals_values(respiratory_rate=25, heart_rate=90)),
        "version": record.version,
    }
    form = entry_form(subject, record, data)
    field = form.fields["respiratory_rate"]
    assert field.disabled and not isinstance(field.widget, forms.HiddenInput)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["respiratory_rate"] == 18  # the saved value, whatever is posted
    assert form.cleaned_data["heart_rate"] == 90
    # Still exported: "A hidden field's data stays readable and exportable" (issue 21).
    target = io.BytesIO()
    study_export(study=qh1a, fmt="csv", target=target)
    rows = csv.DictReader(io.TextIOWrapper(zipfile.ZipFile(target).open("vitalsigns.csv")))
    assert [row["respiratory_rate"] for row in rows] == ["18"]


def test_a_version_hides_or_adds_only_fields_a_new_entry_may_leave_empty():
    from ecrf.checks import version_field_errors
    from tests.versions.amendment_fields import VERSIONS, WRONG

    assert [version_field_errors(v) for v in VERSIONS] == [[], []]
    assert version_field_errors(WRONG[0]) == [
        "hidden field ecrf.vitalsigns.no_such is no field entered on a registered form",
        "hidden field ecrf.vitalsigns.systolic_bp cannot be left empty by a new entry",
    ]
