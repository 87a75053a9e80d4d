"""Freezing or locking a whole study needs the data manager role at every site of the
study (issue 17, item 2): QH1A here has two sites, Guangzhou and Zhuhai."""

import pytest
from django.urls import reverse

from ecrf.actions import ProtocolRefusal
from ecrf.actions import locking as lock_actions
from ecrf.models import DataLock

pytestmark = pytest.mark.django_db


def _study_lock_url(study):
    return reverse("ecrf:lock_study", args=[study.registry_id])


FREEZE = {"set-level": "frozen", "set-reason": "Interim analysis", "set": "1"}


def test_a_data_manager_at_every_site_freezes_the_study(client, qh1a, data_manager_qh1a):
    client.force_login(data_manager_qh1a)
    study_page = client.get(reverse("ecrf:study", args=[qh1a.registry_id])).content.decode()
    assert 'id="lock-study"' in study_page
    assert client.post(_study_lock_url(qh1a), FREEZE).status_code == 302
    lock = DataLock.objects.get()
    assert (lock.study, lock.subject, lock.level) == (qh1a, None, "frozen")


def test_one_sites_data_manager_may_not_lock_the_whole_study(
    client, qh1a, data_manager_guangzhou, subject
):
    client.force_login(data_manager_guangzhou)
    study_page = client.get(reverse("ecrf:study", args=[qh1a.registry_id])).content.decode()
    assert 'id="lock-study"' not in study_page
    assert client.get(_study_lock_url(qh1a)).status_code == 403
    assert client.post(_study_lock_url(qh1a), FREEZE).status_code == 403
    with pytest.raises(ProtocolRefusal) as refused:
        lock_actions.lock_set(
            study=qh1a, level="locked", reason="Database lock", by=data_manager_guangzhou
        )
    assert [r.rule for r in refused.value.refusals] == ["LOCK-ROLE"]
    # Their own site's casebook they still freeze.
    url = reverse("ecrf:lock_subject", args=[qh1a.registry_id, subject.screening_number])
    assert client.post(url, FREEZE).status_code == 302
    assert DataLock.objects.get().subject == subject


def test_one_sites_data_manager_may_not_release_the_study_lock(
    qh1a, data_manager_qh1a, data_manager_zhuhai
):
    lock = lock_actions.lock_set(
        study=qh1a, level="frozen", reason="Interim analysis", by=data_manager_qh1a
    )
    with pytest.raises(ProtocolRefusal):
        lock_actions.lock_release(lock=lock, reason="Too early", by=data_manager_zhuhai)
    lock.refresh_from_db()
    assert lock.released_at is None


def test_others_are_refused_the_study_lock(client, qh1a, zhuhai, staff_zhuhai, monitor_beijing):
    client.force_login(staff_zhuhai)
    assert client.post(_study_lock_url(qh1a), FREEZE).status_code == 403
    client.force_login(monitor_beijing)
    assert client.post(_study_lock_url(qh1a), FREEZE).status_code == 404
    assert not DataLock.objects.exists()
