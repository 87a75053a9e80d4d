"""The endpoints page: every member of the study, their own sites' subjects only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecrf.endpoints import study_endpoints
from ecrf.models import Role, Site
from tests.conftest import make_user
from tests.endpoints.conftest import T, at, clinical_status, dispose, panel


def url(study):
    return reverse("ecrf:endpoints", kwargs={"registry_id": study.registry_id})


@pytest.fixture
def subject(qh1a, treated, died):
    subject = treated(qh1a, 40)
    died(subject, 20)
    return subject


def test_monitor_sees_each_endpoint_with_links_to_casebooks(
    client, qh1a, subject, monitor_guangzhou
):
    client.force_login(monitor_guangzhou)
    response = client.get(url(qh1a))
    assert response.status_code == 200
    content = response.content.decode()
    casebook = reverse("ecrf:casebook", args=[qh1a.registry_id, subject.screening_number])
    assert f'href="{casebook}"' in content
    for anchor in (
        "survival_fs28",
        "transplant_free_fs28",
        "device_pass_rate",
        "lab_change",
        "ae_incidence",
        "immunogenicity",
    ):
        assert f'id="{anchor}"' in content
    assert f'data-subject="{subject.screening_number}" data-status="dead"' in content
    assert "FS+20" in content


def test_study_page_links_to_the_endpoints(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    assert url(qh1a) in client.get(reverse("ecrf:study", args=[qh1a.registry_id])).content.decode()


def test_site_staff_see_only_their_sites_subjects(client, qh1a, subject):
    other = Site.objects.create(study=qh1a, code="SYSU1", name="First Affiliated", city="Guangzhou")
    user = make_user("staff_other", Role.SITE_STAFF, [other])
    client.force_login(user)
    response = client.get(url(qh1a))
    assert response.status_code == 200
    assert subject.screening_number not in response.content.decode()
    assert response.context["e"].courses == []


def test_another_studys_user_gets_404(client, qh1a, cips, subject, staff_beijing):
    client.force_login(staff_beijing)
    assert client.get(url(qh1a)).status_code == 404
    assert client.get(url(cips)).status_code == 200


def test_post_is_refused(client, qh1a, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    assert client.post(url(qh1a)).status_code == 405


def test_anonymous_is_sent_to_login(client, qh1a):
    response = client.get(url(qh1a))
    assert response.status_code == 302 and "login" in response["Location"]


def test_cips_page_has_no_device_or_immunogenicity_section(client, cips, staff_beijing):
    client.force_login(staff_beijing)
    content = client.get(url(cips)).content.decode()
    assert 'id="device_pass_rate"' not in content and 'id="immunogenicity"' not in content
    assert 'id="survival_fs28"' in content


def _full_subject(study, treated, died, report_ae, dead: bool):
    subject = treated(study, 40)
    panel(subject, "LIVER", "PRE-S1", at(40, 8), BILI=("280", "umol/L"), ALT=("120", "U/L"))
    panel(subject, "LIVER", "FS+7", at(33), BILI=("200", "umol/L"))
    clinical_status(subject, 40)
    report_ae(subject, onset_date=at(38).date(), resolved_date=at(38).date())
    if dead:
        died(subject, 20)
    else:
        dispose(
            subject, "completed", 11, survival_status_fs28="alive", last_known_alive=at(11).date()
        )
    return subject


def test_query_count_is_flat_in_the_number_of_subjects(
    client, cips, treated, died, report_ae, staff_beijing
):
    client.force_login(staff_beijing)
    sites = cips.sites.all()

    def count():
        with CaptureQueriesContext(connection) as computed:
            study_endpoints(cips, sites, today=T)
        with CaptureQueriesContext(connection) as page:
            assert client.get(url(cips)).status_code == 200
        return len(computed), len(page)

    _full_subject(cips, treated, died, report_ae, dead=True)
    # The session's first page reads the password-change demand once (issue 17, item 7).
    assert client.get(url(cips)).status_code == 200
    one = count()
    for dead in (False, True, False, False):
        _full_subject(cips, treated, died, report_ae, dead=dead)
    assert count() == one
    assert one[0] <= 10
