"""Change control (issue 4): a reason for every change to data saved complete, and no
lost updates when two people edit one form."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ecrf import audit
from ecrf.actions import ProtocolRefusal
from ecrf.actions import clinical as clinical_actions
from ecrf.actions.integrity import StaleForm
from ecrf.models import MedicalHistory, Subject
from tests.clinical.conftest import form_post, history_values, url
from tests.conftest import demographics, make_user


def _history(subject, by, **overrides):
    return clinical_actions.medical_history_record(
        subject=subject, by=by, **history_values(**overrides)
    )


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


def edit_url(entry):
    return url("clinical_history_edit", entry.subject, pk=entry.pk)


# --- Reason for change ------------------------------------------------------------------


def test_changing_a_complete_form_without_a_reason_is_refused_at_the_field(
    client, subject, staff_guangzhou
):
    entry = _history(subject, staff_guangzhou)
    client.force_login(staff_guangzhou)
    page = client.get(edit_url(entry)).content.decode()
    assert 'name="change_reason"' in page and 'name="change_reason_detail"' in page
    data = form_post(history_values(term="Essential hypertension")) | {"version": "1"}
    response = client.post(edit_url(entry), data)
    assert response.status_code == 422
    assert "change_reason" in response.context["form"].errors
    # What was typed is kept.
    assert 'value="Essential hypertension"' in response.content.decode()
    entry.refresh_from_db()
    assert entry.term == "Hypertension" and entry.version == 1


def test_a_reason_needs_its_free_text(client, subject, staff_guangzhou):
    entry = _history(subject, staff_guangzhou)
    client.force_login(staff_guangzhou)
    data = form_post(history_values(term="Essential")) | {
        "version": "1",
        "change_reason": "entry_error",
    }
    response = client.post(edit_url(entry), data)
    assert response.status_code == 422
    assert "change_reason_detail" in response.context["form"].errors


def test_a_change_that_does_not_say_which_version_it_changes_is_refused(
    client, subject, staff_guangzhou
):
    # Without the form's version nothing could tell the change from an overwrite of a
    # newer save (a hand-made POST, a page of an older release): refused, not saved.
    entry = _history(subject, staff_guangzhou)
    client.force_login(staff_guangzhou)
    data = form_post(history_values(term="Essential hypertension")) | {
        "change_reason": "entry_error",
        "change_reason_detail": "Typo",
    }
    response = client.post(edit_url(entry), data)
    assert response.status_code == 422
    assert "version" in response.context["form"].errors
    assert "does not say which saved version it changes" in response.content.decode()
    assert 'value="Essential hypertension"' in response.content.decode()  # kept
    entry.refresh_from_db()
    assert entry.term == "Hypertension" and entry.version == 1


def test_a_stale_form_is_reported_as_stale_before_any_reason_is_asked(
    client, subject, staff_guangzhou
):
    entry = _history(subject, staff_guangzhou)
    with audit.reason("entry_error", "first fix"):
        clinical_actions.medical_history_record(
            subject=subject, by=staff_guangzhou, entry=entry, **history_values(term="Other")
        )
    client.force_login(staff_guangzhou)
    data = form_post(history_values(term="Mine")) | {"version": "1"}
    response = client.post(edit_url(entry), data)
    assert response.status_code == 422
    assert "Someone else saved this form" in response.content.decode()
    assert "change_reason" not in response.context["form"].errors


def test_a_change_with_its_reason_is_saved_and_the_history_shows_the_reason(
    client, subject, staff_guangzhou
):
    entry = _history(subject, staff_guangzhou)
    client.force_login(staff_guangzhou)
    data = form_post(history_values(term="Essential hypertension")) | {
        "version": "1",
        "change_reason": "source_corrected",
        "change_reason_detail": "GP letter gives the diagnosis",
    }
    assert client.post(edit_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert entry.term == "Essential hypertension" and entry.version == 2
    update = [e for e in audit.record_history(subject, MedicalHistory, entry.pk)][-1]
    assert update.action == "update"
    assert update.reason == "Source document corrected"
    assert update.reason_detail == "GP letter gives the diagnosis"
    assert [(c.column, c.new) for c in update.changes if c.column == "term"] == [
        ("term", "Essential hypertension")
    ]


def test_a_form_saved_in_progress_changes_freely_until_it_is_complete(subject, staff_guangzhou):
    entry = _history(subject, staff_guangzhou, form_status="in_progress")
    # Still in progress: no reason needed, and saving it complete needs none either.
    entry = clinical_actions.medical_history_record(
        subject=subject,
        by=staff_guangzhou,
        entry=entry,
        version=entry.version,
        **history_values(term="Hypertension, treated", form_status="complete"),
    )
    assert entry.form_status == "complete" and entry.version == 2
    with pytest.raises(ProtocolRefusal) as refused:
        clinical_actions.medical_history_record(
            subject=subject, by=staff_guangzhou, entry=entry, **history_values(term="Again")
        )
    assert [r.rule for r in refused.value.refusals] == ["REASON"]
    assert refused.value.refusals[0].field == "change_reason"


def test_a_changed_eligibility_answer_needs_a_reason(client, qh1a, staff_guangzhou, make_subject):
    subject = make_subject(qh1a, "eligible")
    answers = dict(subject.eligibility_answers.values_list("criterion_code", "answer"))
    code = next(iter(sorted(answers)))
    data = {c: ("yes" if a else "no") for c, a in answers.items()}
    data[code] = "no" if answers[code] else "yes"
    client.force_login(staff_guangzhou)
    address = reverse(
        "ecrf:eligibility",
        kwargs={"registry_id": qh1a.registry_id, "number": subject.screening_number},
    )
    response = client.post(address, data)
    assert response.status_code == 422
    assert "change_reason" in response.context["form"].errors
    reason = {"change_reason": "entry_error", "change_reason_detail": "ticked the wrong box"}
    assert client.post(address, data | reason).status_code == 302
    assert subject.eligibility_answers.get(criterion_code=code).answer != answers[code]


# --- No lost updates -----------------------------------------------------------------------


def test_two_people_editing_one_form_cannot_overwrite_each_other(
    client, subject, staff_guangzhou, investigator_guangzhou
):
    entry = _history(subject, staff_guangzhou)
    reason = {"change_reason": "entry_error", "change_reason_detail": "typo"}
    # Two browsers open the form at version 1; the investigator saves first.
    other = Client()
    other.force_login(investigator_guangzhou)
    theirs = form_post(history_values(term="Hypertension grade 2")) | {"version": "1"}
    assert other.post(edit_url(entry), theirs | reason).status_code == 302
    client.force_login(staff_guangzhou)
    mine = form_post(history_values(term="Hypertension grade 1")) | {"version": "1"} | reason
    response = client.post(edit_url(entry), mine)
    assert response.status_code == 422
    page = response.content.decode()
    # The refusal says who changed what; the staff member's own entry is kept.
    assert "Someone else saved this form after you opened it" in page
    assert "investigator_gz" in page and "Hypertension grade 2" in page
    assert 'value="Hypertension grade 1"' in page
    assert 'name="version" value="2"' in page
    entry.refresh_from_db()
    assert entry.term == "Hypertension grade 2"
    # Having compared, saving again (now at version 2) is a deliberate overwrite.
    assert client.post(edit_url(entry), mine | {"version": "2"}).status_code == 302
    entry.refresh_from_db()
    assert entry.term == "Hypertension grade 1" and entry.version == 3


def test_a_stale_action_call_is_refused_with_the_changes_since(subject, staff_guangzhou):
    entry = _history(subject, staff_guangzhou)
    with audit.reason("entry_error", "first fix"):
        clinical_actions.medical_history_record(
            subject=subject,
            by=staff_guangzhou,
            entry=entry,
            version=1,
            **history_values(start="2014-03"),
        )
        with pytest.raises(StaleForm) as stale:
            clinical_actions.medical_history_record(
                subject=subject,
                by=staff_guangzhou,
                entry=entry,
                version=1,
                **history_values(start="2016-03"),
            )
    [change] = stale.value.changes
    assert [(c.column, c.old, c.new) for c in change.changes] == [("start", "2015-03", "2014-03")]


# --- The admin -----------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", password="correct-horse-battery")


def _admin_post(subject, **extra):
    values = demographics(weight_kg="71.0") | {"study": subject.study_id, "site": subject.site_id}
    data = {k: ("" if v is None else str(v)) for k, v in values.items()}
    return data | extra


def test_an_admin_edit_needs_a_reason_and_shows_in_the_forms_history(
    client, qh1a, make_subject, superuser, monitor_guangzhou
):
    subject = make_subject(qh1a)
    client.force_login(superuser)
    address = reverse("admin:ecrf_subject_change", args=[subject.pk])
    page = client.get(address).content.decode()
    assert 'name="change_reason"' in page and 'name="seen_version"' in page
    response = client.post(address, _admin_post(subject, seen_version="1"))
    assert response.status_code == 200  # the admin re-shows the form with its errors
    assert "change_reason" in response.context["adminform"].form.errors
    assert Subject.objects.get(pk=subject.pk).version == 1
    reason = {"change_reason": "source_corrected", "change_reason_detail": "weighed again"}
    response = client.post(address, _admin_post(subject, seen_version="1", **reason))
    assert response.status_code == 302, response.context["adminform"].form.errors
    subject.refresh_from_db()
    assert str(subject.weight_kg) == "71.0" and subject.version == 2
    # The monitor reads the subject's history page and finds the reason there.
    client.force_login(monitor_guangzhou)
    history = reverse(
        "ecrf:audit_subject_history",
        kwargs={"registry_id": qh1a.registry_id, "number": subject.screening_number},
    )
    page = client.get(history).content.decode()
    assert "Source document corrected" in page and "weighed again" in page


def test_a_stale_admin_form_is_refused(client, qh1a, make_subject, superuser, staff_guangzhou):
    subject = make_subject(qh1a)
    with audit.reason("entry_error", "meanwhile"):
        from ecrf import actions

        actions.subject_update(subject=subject, by=staff_guangzhou, height_cm="171.0")
    client.force_login(superuser)
    address = reverse("admin:ecrf_subject_change", args=[subject.pk])
    reason = {"change_reason": "entry_error", "change_reason_detail": "typo"}
    response = client.post(address, _admin_post(subject, seen_version="1", **reason))
    assert response.status_code == 200
    assert "Someone else saved this form" in response.content.decode()
    subject.refresh_from_db()
    assert str(subject.height_cm) == "171.0" and subject.version == 2


def test_a_non_superuser_gets_no_change_form_in_the_admin(client, qh1a, make_subject, guangzhou):
    subject = make_subject(qh1a)
    data_manager = make_user("dm_gz", "data_manager", [guangzhou], is_staff=True)
    client.force_login(data_manager)
    address = reverse("admin:ecrf_subject_change", args=[subject.pk])
    page = client.get(address).content.decode()
    assert 'name="change_reason"' not in page
    assert client.post(address, _admin_post(subject)).status_code == 403
