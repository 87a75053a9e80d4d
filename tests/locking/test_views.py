"""Issue 4, item 8 on the pages: data managers freeze, lock and unlock, with a reason;
everyone sees the state; edit pages of frozen or locked data say so and keep no form
(a POST answers 423 Locked, never a 500)."""

from django.contrib.admin.sites import site as admin_site
from django.test import RequestFactory
from django.urls import reverse

from ecrf.models import DataLock, MedicalHistory, TreatmentSession
from tests.clinical.conftest import form_post, history_values
from tests.locking.conftest import subject_url
from tests.sessions.test_session_views import session_post


def lock_url(subject, record=None):
    if record is None:
        return subject_url("lock_subject", subject)
    return subject_url("lock_form", subject, model_name=record._meta.model_name, pk=record.pk)


def freeze_post(level="frozen", reason="Cleaned for the interim analysis"):
    return {"set-level": level, "set-reason": reason, "set": "1"}


def test_a_data_manager_freezes_and_unlocks_a_casebook_with_reasons(
    client, subject, datamanager_guangzhou, monitor_guangzhou
):
    client.force_login(datamanager_guangzhou)
    page = client.get(lock_url(subject))
    assert page.status_code == 200 and 'name="set-reason"' in page.content.decode()
    response = client.post(lock_url(subject), freeze_post())
    assert response.status_code == 302
    lock = DataLock.objects.get()
    assert (lock.subject, lock.level, lock.set_by) == (subject, "frozen", datamanager_guangzhou)
    # Everyone sees the state on the casebook and the study page.
    client.force_login(monitor_guangzhou)
    casebook = client.get(subject_url("casebook", subject)).content.decode()
    assert 'id="lock-state"' in casebook and "Cleaned for the interim analysis" in casebook
    assert 'id="lock-subject"' not in casebook  # the button is the data manager's
    study = client.get(reverse("ecrf:study", args=[subject.study.registry_id])).content.decode()
    assert "Frozen: only queries allowed" in study
    client.force_login(datamanager_guangzhou)
    release = {"release-reason": "Late lab correction", "release": "1"}
    assert client.post(lock_url(subject), release).status_code == 302
    lock.refresh_from_db()
    assert (
        lock.released_by == datamanager_guangzhou
        and lock.release_reason == release["release-reason"]
    )


def test_a_lock_needs_a_reason(client, subject, datamanager_guangzhou):
    client.force_login(datamanager_guangzhou)
    response = client.post(lock_url(subject), freeze_post(reason=" "))
    assert response.status_code == 422 and not DataLock.objects.exists()


def test_only_data_managers_lock(
    client, subject, staff_guangzhou, monitor_guangzhou, datamanager_beijing
):
    for user in (staff_guangzhou, monitor_guangzhou):
        client.force_login(user)
        assert client.get(lock_url(subject)).status_code == 403
        assert client.post(lock_url(subject), freeze_post()).status_code == 403
        study_lock = reverse("ecrf:lock_study", args=[subject.study.registry_id])
        assert client.post(study_lock, freeze_post()).status_code == 403
    # Another site's (and study's) data manager: the subject is not disclosed.
    client.force_login(datamanager_beijing)
    assert client.get(lock_url(subject)).status_code == 404
    assert client.post(lock_url(subject), freeze_post()).status_code == 404
    assert not DataLock.objects.exists()


def test_a_study_lock_by_a_data_manager_of_the_study(
    client, subject, other_subject, datamanager_guangzhou, staff_guangzhou
):
    client.force_login(datamanager_guangzhou)
    study_lock = reverse("ecrf:lock_study", args=[subject.study.registry_id])
    assert client.post(study_lock, freeze_post("locked")).status_code == 302
    client.force_login(staff_guangzhou)
    for each in (subject, other_subject):
        response = client.post(
            subject_url("clinical_history_new", each), form_post(history_values())
        )
        assert response.status_code == 423
    assert not MedicalHistory.objects.exists()


def test_the_form_post_of_a_frozen_subject_answers_423_with_the_message(
    client, subject, lock, staff_guangzhou
):
    lock("frozen", subject=subject)
    client.force_login(staff_guangzhou)
    new = subject_url("clinical_history_new", subject)
    page = client.get(new)
    text = page.content.decode()
    assert page.status_code == 200 and 'id="record-locked"' in text
    assert 'name="term"' not in text  # no edit form
    response = client.post(new, form_post(history_values()))
    assert response.status_code == 423
    assert "frozen by a data manager: only queries are allowed" in response.content.decode()
    assert not MedicalHistory.objects.exists()
    # The casebook hides its edit links while the lock is in force.
    casebook = client.get(subject_url("casebook", subject)).content.decode()
    assert subject_url("session_new", subject) not in casebook


def test_a_form_lock_refuses_that_form_only(client, session, lock, staff_guangzhou):
    lock("locked", form=session)
    subject = session.subject
    client.force_login(staff_guangzhou)
    edit = subject_url("session_edit", subject, session_number=1)
    page = client.get(edit)
    assert page.status_code == 200 and 'id="record-locked"' in page.content.decode()
    start = session.started_at
    response = client.post(edit, session_post(start, 200))
    assert response.status_code == 423
    assert TreatmentSession.objects.get(pk=session.pk).net_minutes == session.net_minutes
    detail = client.get(subject_url("session_detail", subject, session_number=1)).content.decode()
    assert "Locked: nothing allowed" in detail and edit not in detail
    # The rest of the casebook is open.
    response = client.post(
        subject_url("clinical_history_new", subject), form_post(history_values())
    )
    assert response.status_code == 302 and MedicalHistory.objects.count() == 1


def test_a_data_manager_locks_one_form_from_its_page(client, session, datamanager_guangzhou):
    client.force_login(datamanager_guangzhou)
    detail = client.get(subject_url("session_detail", session.subject, session_number=1))
    assert lock_url(session.subject, session) in detail.content.decode()
    response = client.post(lock_url(session.subject, session), freeze_post("locked"))
    assert response.status_code == 302
    lock = DataLock.objects.get()
    assert (lock.form_table, lock.form_id) == ("ecrf_treatmentsession", session.pk)


def test_queries_through_the_pages_while_frozen_not_while_locked(
    client, session, lock, monitor_guangzhou
):
    subject = session.subject
    frozen = lock("frozen", subject=subject)
    client.force_login(monitor_guangzhou)
    new = reverse("ecrf:query_new", args=[subject.study.registry_id, subject.screening_number])
    record = f"ecrf.treatmentsession:{session.pk}"
    data = {"record": record, "field": "cell_lot", "text": "Lot number on CoA?"}
    assert client.post(new, data).status_code == 302
    from ecrf.actions import locking

    locking.lock_release(lock=frozen, reason="Frozen in error", by=frozen.set_by)
    lock("locked", subject=subject)
    response = client.post(new, data | {"text": "Another?"})
    assert response.status_code == 423
    assert "locked by a data manager" in response.content.decode()


def test_the_admin_does_not_change_a_locked_row(session, lock, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", password="x")
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    model_admin = admin_site._registry[TreatmentSession]
    assert model_admin.has_change_permission(request, session)
    lock("locked", form=session)
    assert not model_admin.has_change_permission(request, session)


def test_voiding_a_locked_form_is_refused(client, session, lock, staff_guangzhou):
    lock("locked", form=session)
    client.force_login(staff_guangzhou)
    ids = {"model_name": "treatmentsession", "pk": session.pk}
    void = subject_url("integrity_void", session.subject, **ids)
    assert 'id="record-locked"' in client.get(void).content.decode()
    assert client.post(void, {"reason": "Wrong subject"}).status_code == 423
    assert TreatmentSession.objects.filter(pk=session.pk).exists()
