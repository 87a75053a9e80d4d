"""Fuzzing the forms of control over the data: source data verification, e-signatures of
a form and of a casebook (password re-entered, 21 CFR 11.200), freeze/lock/unlock with a
reason, voiding a record entered in error, the committee's signed decision (spec §5.4)
and the exports (a bogus format in the URL)."""

import datetime as dt
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from ecrf.actions import locking as lock_actions
from ecrf.models import (
    Arm,
    CommitteeDecision,
    DataLock,
    ExportLog,
    MedicalHistory,
    Signature,
    SourceVerification,
)
from tests.fuzz import hostile
from tests.fuzz.conftest import PASSWORD, subject_url
from tests.fuzz.harness import FormPage, attempt, submissions

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def record_url(name, record):
    return reverse(f"ecrf:{name}", kwargs={"model": record._meta.label_lower, "pk": record.pk})


@given(data=st.data())
def test_source_data_verification(data, form_page, history, monitor_guangzhou):
    client, page = form_page(monitor_guangzhou, record_url("signoff_verify", history))
    post = data.draw(submissions(page, {"note": "Compared with the chart."}))
    attempt(
        client,
        page,
        post,
        touched=[SourceVerification],
        show=subject_url("signoff_subject", history.subject),
    )


def passwords() -> st.SearchStrategy[str]:
    return st.one_of(st.just(PASSWORD), hostile.hostile_text())


@given(data=st.data())
def test_form_signature(data, form_page, history, investigator_guangzhou):
    client, page = form_page(investigator_guangzhou, record_url("signoff_sign", history))
    valid = {"meaning": "approval", "password": data.draw(passwords())}
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[Signature],
        show=subject_url("signoff_subject", history.subject),
    )


@given(data=st.data())
def test_casebook_signature(data, form_page, history, investigator_guangzhou):
    subject = history.subject
    client, page = form_page(investigator_guangzhou, subject_url("signoff_casebook_sign", subject))
    valid = {"meaning": "approval", "password": data.draw(passwords())}
    post = data.draw(submissions(page, valid))
    attempt(client, page, post, touched=[Signature], show=subject_url("casebook", subject))


# --- Freeze, lock, unlock -------------------------------------------------------------------


def lock_urls(history):
    subject = history.subject
    study = subject.study.registry_id
    return {
        "study": reverse("ecrf:lock_study", kwargs={"registry_id": study}),
        "subject": subject_url("lock_subject", subject),
        "form": subject_url("lock_form", subject, model_name="medicalhistory", pk=history.pk),
    }


@pytest.mark.parametrize("scope", ["study", "subject", "form"])
@given(data=st.data())
def test_lock(data, scope, form_page, history, datamanager_guangzhou):
    url = lock_urls(history)[scope]
    client, page = form_page(datamanager_guangzhou, url, having="set-reason")
    valid = {"set-level": "frozen", "set-reason": "Cleaned for the interim analysis", "set": "1"}
    post = data.draw(submissions(page, valid))
    attempt(client, page, post, touched=[DataLock, MedicalHistory], show=url)


@pytest.fixture
def frozen(history, datamanager_guangzhou):
    return lock_actions.lock_set(
        study=history.subject.study,
        subject=history.subject,
        record=None,
        level="frozen",
        reason="Interim analysis",
        by=datamanager_guangzhou,
    )


@given(data=st.data())
def test_unlock(data, form_page, frozen, history, datamanager_guangzhou):
    url = lock_urls(history)["subject"]
    client, page = form_page(datamanager_guangzhou, url, having="release-reason")
    valid = {"release-reason": "Correction after a query", "release": "1"}
    post = data.draw(submissions(page, valid))
    attempt(client, page, post, touched=[DataLock], show=url)


# --- Void -------------------------------------------------------------------------------------


@given(data=st.data())
def test_void(data, form_page, history, staff_guangzhou):
    subject = history.subject
    url = subject_url("integrity_void", subject, model_name="medicalhistory", pk=history.pk)
    client, page = form_page(staff_guangzhou, url)
    post = data.draw(submissions(page, {"reason": "Entered on the wrong subject"}))
    attempt(
        client,
        page,
        post,
        touched=[MedicalHistory],
        show=subject_url("clinical_history", subject),
    )


# --- The committee's decision ----------------------------------------------------------------


@pytest.fixture
def observed_cohort(qh1a, make_subject, make_session):
    """The 4-hour cohort: three subjects, each treated once 29 days ago (their 28-day
    observation is over), awaiting the committee."""
    arm = qh1a.arms.get(code="QH4H")
    for _ in range(3):
        subject = make_subject(qh1a, "enrolled", arm=arm)
        make_session(subject, start=timezone.now() - dt.timedelta(days=29))
    return arm


@given(data=st.data())
def test_committee_decision(data, form_page, observed_cohort, safety_guangzhou):
    study = observed_cohort.study
    kwargs = {"registry_id": study.registry_id, "arm_code": observed_cohort.code}
    client, page = form_page(safety_guangzhou, reverse("ecrf:sec_decision", kwargs=kwargs))
    valid = {
        "decision": data.draw(st.sampled_from(["proceed", "expand", "set_mtd", "stop"])),
        "rationale": "No DLT in 3 subjects.",
        "meeting_date": timezone.localdate().isoformat(),
        "password": data.draw(passwords()),
        "additional_subjects": "3",
        "mtd_minutes": "240",
    }
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[CommitteeDecision, Arm],
        show=reverse("ecrf:study", kwargs={"registry_id": study.registry_id}),
    )


# --- Exports ----------------------------------------------------------------------------------


@given(fmt=st.one_of(st.sampled_from(["csv", "odm", "sdtm"]), hostile.hostile_text()))
def test_export_with_any_format(fmt, client, history, datamanager_guangzhou):
    """A POST to the export of a format that does not exist is a 404, never a 500; a
    real one downloads and is logged."""
    client.force_login(datamanager_guangzhou)
    study = history.subject.study.registry_id
    url = reverse("ecrf:exports", kwargs={"registry_id": study}) + quote(fmt, safe="") + "/"
    if not fmt.strip("/"):
        return
    page = FormPage(url, {})
    attempt(client, page, {}, touched=[ExportLog])
