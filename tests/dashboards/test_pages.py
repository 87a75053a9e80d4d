"""The dashboard pages: the demo's plots render, site scoping holds, and the query count
does not grow with the number of subjects (issue 5, item 3)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse

from ecrf.models import Site
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
QH1A = "NCT06996392"


def svgs(content: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", content, re.S)]


@pytest.fixture
def demo_staff(client):
    call_command("load_demo")
    assert client.login(request=HttpRequest(), username="staff", password="bal-demo-2026")
    return client


def test_demo_study_home_shows_the_enrolment_plot_and_counts(demo_staff):
    response = demo_staff.get(reverse("ecrf:study", kwargs={"registry_id": QH1A}))
    content = response.content.decode()
    assert response.status_code == 200
    (plot,) = svgs(content)
    assert plot.get("aria-labelledby") == "enrolment-plot-title"
    assert 'id="sessions-done">1<' in content
    assert 'id="overdue-total"' in content and 'id="swimmer-link"' in content
    assert "<details" in content and "Cumulative enrolled" in content


def test_demo_swimmer_and_lab_trends_render(demo_staff):
    swimmer = demo_staff.get(reverse("ecrf:study_swimmer", kwargs={"registry_id": QH1A}))
    assert swimmer.status_code == 200
    (plot,) = svgs(swimmer.content.decode())
    assert plot.find("{http://www.w3.org/2000/svg}desc") is not None
    assert "SYSU3-001" in swimmer.content.decode()
    trends = demo_staff.get(
        reverse("ecrf:labs_trends", kwargs={"registry_id": QH1A, "number": "SYSU3-001"})
    )
    assert trends.status_code == 200
    plots = svgs(trends.content.decode())
    assert len(plots) == 5  # bilirubin, INR, ammonia, platelets, MELD
    bilirubin = plots[0]
    assert bilirubin.find(".//{http://www.w3.org/2000/svg}circle") is not None
    casebook = demo_staff.get(
        reverse("ecrf:casebook", kwargs={"registry_id": QH1A, "number": "SYSU3-001"})
    )
    assert 'id="lab-trends-link"' in casebook.content.decode()


def test_another_studys_user_gets_404(client, qh1a, staff_beijing, make_subject):
    subject = make_subject(qh1a, "enrolled")
    client.force_login(staff_beijing)
    kwargs = {"registry_id": qh1a.registry_id}
    assert client.get(reverse("ecrf:study_swimmer", kwargs=kwargs)).status_code == 404
    kwargs["number"] = subject.screening_number
    assert client.get(reverse("ecrf:labs_trends", kwargs=kwargs)).status_code == 404


def test_a_user_sees_only_their_sites_subjects(client, qh1a, make_subject):
    subject = make_subject(qh1a, "enrolled")
    other = Site.objects.create(study=qh1a, code="OTHER", name="Another hospital")
    client.force_login(make_user("staff_other", "site_staff", [other]))
    content = client.get(
        reverse("ecrf:study_swimmer", kwargs={"registry_id": qh1a.registry_id})
    ).content.decode()
    assert subject.screening_number not in content
    kwargs = {"registry_id": qh1a.registry_id, "number": subject.screening_number}
    assert client.get(reverse("ecrf:labs_trends", kwargs=kwargs)).status_code == 404


def _get_counted(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as counted:
        assert client.get(url).status_code == 200
    return len(counted.captured_queries)


def test_query_counts_do_not_grow_with_subjects(
    client, qh1a, staff_guangzhou, make_subject, make_session, django_assert_max_num_queries
):
    client.force_login(staff_guangzhou)
    make_session(make_subject(qh1a, "enrolled"))
    pages = [
        reverse("ecrf:study", kwargs={"registry_id": qh1a.registry_id}),
        reverse("ecrf:study_swimmer", kwargs={"registry_id": qh1a.registry_id}),
    ]
    first = [_get_counted(client, page, django_assert_max_num_queries, 25) for page in pages]
    for _ in range(2):  # the first cohort holds 3
        make_session(make_subject(qh1a, "enrolled"))
    make_subject(qh1a, "screening")
    for page, count in zip(pages, first, strict=True):
        _get_counted(client, page, django_assert_max_num_queries, count)
