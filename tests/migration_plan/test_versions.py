"""The migration plan over declared versions (issue 21 items 3): the demo's made-up
QH-1A 2.0 against 1.0, the guard of putting a version in force (a removal with saved
values is refused, a hidden field is not a loss), `manage.py protocol_diff` and the data
manager's page."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from ecrf import migration_plan
from ecrf.actions import ProtocolRefusal
from ecrf.actions.clinical import liver_imaging_record
from ecrf.models import LiverImaging, Role, StudyVersion
from ecrf.protocol_diff import Kind, Part, version_diff
from tests.clinical.conftest import liver_imaging_values
from tests.conftest import TODAY, make_user, put_in_force

DEMO = "studies.qh1a.demo_amendment"
TEST_AMENDMENTS = "tests.migration_plan.amendment_with_a_loss"


@pytest.fixture(autouse=True)
def declared_amendments(settings):
    settings.ECRF_DEMO_VERSIONS = [DEMO, TEST_AMENDMENTS]


def test_the_demos_2_0_against_1_0(qh1a):
    found = {(c.part, c.key): c for c in version_diff(qh1a, "1.0", "2.0")}
    assert found[(Part.CRITERION, "EX02")].kind == Kind.CHANGED
    assert found[(Part.VISIT, "FS+21")].kind == Kind.ADDED
    assert found[(Part.OPTION, "screening_window_days")].after == "21"
    assert found[(Part.WINDOW, "SCR")].after == "1 to 21 days before the first session"
    assert found[(Part.LAB_TEST, "TUMOUR_MARKER.AFP")].kind == Kind.ADDED
    # Nothing is removed and no meaning changes: the amendment only adds and changes.
    assert not [c for c in found.values() if migration_plan.loses_or_rereads(c)]


def test_2_0_goes_in_force_and_no_stored_value_changes(qh1a, guangzhou, make_subject):
    subject = make_subject(qh1a, "enrolled")
    assert migration_plan.version_losses(site=guangzhou, number="2.0") == []
    (impact,) = migration_plan.version_impact(site=guangzhou, number="2.0")
    assert impact.subject == subject and impact.values == []
    put_in_force(guangzhou, "2.0", on=TODAY)


@pytest.fixture
def imaged(cips, make_subject):
    subject = make_subject(cips, "enrolled")
    liver_imaging_record(subject=subject, by=subject.created_by, **liver_imaging_values())
    return subject


def publish(study, number):
    # A draft the tests declare, published as the admin's option changes publish one:
    # the guard, not the fingerprint, is under test.
    return StudyVersion.objects.create(
        study=study, number=number, declared=number, date=TODAY, summary="Test"
    )


def test_a_version_that_would_lose_saved_values_is_not_put_in_force(cips, beijing, imaged):
    refusals = migration_plan.put_in_force_refusals(site=beijing, version=publish(cips, "9.0"))
    assert refusals and {r.rule for r in refusals} == {"VERSION-LOSS"}
    assert any("ecrf.liverimaging" in str(r.message) for r in refusals)
    assert imaged.screening_number in str(refusals[0].message)
    with pytest.raises(ProtocolRefusal) as refused:
        put_in_force(beijing, "9.0", on=TODAY)
    assert "VERSION-LOSS" in {r.rule for r in refused.value.refusals}
    assert LiverImaging.objects.count() == 1


def test_a_hidden_field_is_not_a_loss(cips, beijing, imaged):
    changes = version_diff(cips, "1.0", "9.1")
    assert [(c.key, c.kind) for c in changes] == [("ecrf.liverimaging.findings", Kind.CHANGED)]
    assert migration_plan.put_in_force_refusals(site=beijing, version=publish(cips, "9.1")) == []
    put_in_force(beijing, "9.1", on=TODAY)


def test_the_command_lists_the_changes_and_the_impact(qh1a, guangzhou, make_subject):
    subject = make_subject(qh1a, "enrolled")
    out = io.StringIO()
    call_command("protocol_diff", "NCT06996392", "1.0", "2.0", "--site", "SYSU3", stdout=out)
    text = out.getvalue()
    assert "criterion EX02 changed" in text
    assert "visit FS+21 added" in text
    assert "lost or read under a changed meaning: 0" in text
    assert f"{subject.screening_number}:" in text


def test_the_command_refuses_an_unknown_version(qh1a):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no version"):
        call_command("protocol_diff", "NCT06996392", "1.0", "7.0", stdout=io.StringIO())


def plan_url(study, **query):
    url = reverse("ecrf:migration_plan", kwargs={"registry_id": study.registry_id})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_data_managers_page(client, qh1a, guangzhou, make_subject, data_manager_guangzhou):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(data_manager_guangzhou)
    assert client.get(plan_url(qh1a)).status_code == 200
    response = client.get(plan_url(qh1a, site="SYSU3", old="1.0", new="2.0"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "EX02" in page and "FS+21" in page
    assert "may be put in force here" in page
    assert subject.screening_number in page


def test_bad_input_another_site_and_a_read_only_role(
    client, qh1a, guangzhou, zhuhai, data_manager_zhuhai, monitor_guangzhou
):
    client.force_login(data_manager_zhuhai)
    # The same version twice, and a site that is not theirs: 422 next to the field.
    response = client.get(plan_url(qh1a, site="SYSU5", old="2.0", new="2.0"))
    assert response.status_code == 422
    assert "new" in response.context["form"].errors
    response = client.get(plan_url(qh1a, site="SYSU3", old="1.0", new="2.0"))
    assert response.status_code == 422
    assert "site" in response.context["form"].errors
    client.force_login(monitor_guangzhou)
    assert client.get(plan_url(qh1a)).status_code == 403
    client.force_login(make_user("stranger", Role.DATA_MANAGER, []))
    assert client.get(plan_url(qh1a)).status_code == 404


def test_the_page_shows_what_would_be_lost_in_chinese_too(client, cips, beijing, imaged):
    client.force_login(make_user("dm_beijing", Role.DATA_MANAGER, [beijing], is_staff=True))
    response = client.get(plan_url(cips, site="BFH", old="1.0", new="9.0"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "cannot be put in force here" in page and imaged.screening_number in page
    assert "ecrf.liverimaging" in page
    response = client.get(
        plan_url(cips, site="BFH", old="1.0", new="9.0"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert "不能在本中心生效" in response.content.decode()
