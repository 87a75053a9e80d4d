"""Protocol versions (issue 21 item 1): declared and fingerprinted, put in force at a
site by a data manager with an e-signature, and nothing screened without one."""

import dataclasses
import datetime as dt

import pytest
from django.core import checks
from django.urls import reverse

from ecrf import actions, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions.versions import site_version_put_in_force, study_options_amend
from ecrf.checks import check_protocol_versions
from ecrf.models import Site, SiteVersion, StudyVersion
from tests.conftest import TODAY, demographics, make_user

pytestmark = pytest.mark.django_db


def test_each_study_declares_1_0_as_registered_with_its_published_fingerprint():
    for package in ("studies.qh1a", "studies.cips_bal"):
        first = versions.declared_versions(package)[0]
        assert first.number == "1.0" and first.summary == "As registered."
        assert first.fingerprint == versions.fingerprint(package, "1.0")
    assert check_protocol_versions() == []


def test_a_published_version_whose_code_drifts_fails_the_check(monkeypatch):
    """Issue 21: "manage.py check fails if the code declaring it drifts from that
    fingerprint": here 1.0's EX02 text is edited in place."""
    import studies.qh1a.protocol as module

    declared = module.VERSIONS[0]
    criteria = tuple(
        dataclasses.replace(c, text="Circulatory failure of any kind.") if c.code == "EX02" else c
        for c in declared.protocol.criteria
    )
    edited = dataclasses.replace(
        declared, protocol=dataclasses.replace(declared.protocol, criteria=criteria)
    )
    monkeypatch.setattr(module, "VERSIONS", (edited, *module.VERSIONS[1:]))
    errors = [e for e in check_protocol_versions() if isinstance(e, checks.Error)]
    assert [e.id for e in errors] == ["ecrf.E012"]
    assert "studies.qh1a version 1.0 drifted" in errors[0].msg


def test_a_site_with_no_version_in_force_cannot_screen(qh1a, staff_guangzhou):
    new = Site.objects.create(study=qh1a, code="SYSU7", name="Seventh Affiliated Hospital")
    with pytest.raises(ProtocolRefusal) as refused:
        actions.subject_register(site=new, by=staff_guangzhou, **demographics())
    assert refused.value.refusals[0].rule == "VERSION-IN-FORCE"
    assert refused.value.refusals[0].field == "screening_date"


def test_the_registration_page_says_why_a_site_without_a_version_cannot_screen(client, qh1a):
    new = Site.objects.create(study=qh1a, code="SYSU7", name="Seventh Affiliated Hospital")
    client.force_login(make_user("staff_sysu7", "site_staff", [new]))
    values = {k: str(v) for k, v in demographics().items()}
    response = client.post(reverse("ecrf:subject_new", args=[qh1a.registry_id]), values)
    assert response.status_code == 422
    assert "No protocol version is in force at SYSU7" in response.content.decode()


def test_a_subject_is_screened_under_the_version_in_force_that_day(qh1a, make_subject):
    subject = make_subject(qh1a)
    assert subject.protocol_version.number == "1.0"
    assert versions.subject_version(subject).number == "1.0"


def test_a_data_manager_puts_a_version_in_force_with_ethics_approval_and_signature(
    qh1a, guangzhou, data_manager_guangzhou, staff_guangzhou
):
    options = study_options_amend(
        study=qh1a,
        options={"screening_window_days": 10},
        summary="Screening window of 10 days.",
        by=data_manager_guangzhou,
    )
    assert options.number == "1.0+o1" and options.declared == "1.0"
    assert qh1a.protocol_versions.get(number="1.0").options == {}  # never edited in place
    with pytest.raises(ProtocolRefusal) as wrong:
        site_version_put_in_force(
            site=guangzhou,
            number="1.0+o1",
            by=data_manager_guangzhou,
            password="wrong",
            ethics_approved_on=TODAY,
            in_force_from=TODAY,
        )
    assert wrong.value.refusals[0].rule == "VERSION-SIGNATURE"
    with pytest.raises(ProtocolRefusal) as not_dm:
        site_version_put_in_force(
            site=guangzhou,
            number="1.0+o1",
            by=staff_guangzhou,
            password="correct-horse-battery",
            ethics_approved_on=TODAY,
            in_force_from=TODAY,
        )
    assert not_dm.value.refusals[0].rule == "VERSION-SIGNER"
    row = site_version_put_in_force(
        site=guangzhou,
        number="1.0+o1",
        by=data_manager_guangzhou,
        password="correct-horse-battery",
        ethics_approved_on=TODAY - dt.timedelta(days=3),
        in_force_from=TODAY,
    )
    assert row.printed_name == "dm_guangzhou" and row.signature_meaning
    assert versions.version_in_force(guangzhou, on=TODAY).number == "1.0+o1"
    assert versions.version_in_force(guangzhou, on=TODAY - dt.timedelta(days=1)).number == "1.0"
    assert versions.protocol_in_force(guangzhou, on=TODAY).options.screening_window_days == 10


def test_a_version_in_force_and_a_published_version_are_never_edited(qh1a, guangzhou):
    from django.db import DatabaseError, transaction

    row = SiteVersion.objects.get(site=guangzhou)
    with pytest.raises(DatabaseError), transaction.atomic():
        SiteVersion.objects.filter(pk=row.pk).update(in_force_from=TODAY)
    with pytest.raises(DatabaseError), transaction.atomic():
        StudyVersion.objects.filter(pk=row.version_id).update(options={"max_sessions": 1})


def test_a_draft_version_is_put_in_force_nowhere(qh1a, guangzhou, data_manager_guangzhou):
    import studies.qh1a.protocol as module

    draft = dataclasses.replace(module.VERSIONS[0], number="1.1", fingerprint="")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "VERSIONS", (*module.VERSIONS, draft))
        with pytest.raises(ProtocolRefusal) as refused:
            site_version_put_in_force(
                site=guangzhou,
                number="1.1",
                by=data_manager_guangzhou,
                password="correct-horse-battery",
                ethics_approved_on=TODAY,
                in_force_from=TODAY,
            )
    assert refused.value.refusals[0].rule == "VERSION-DRAFT"
