"""The liver imaging form (CiPS-BAL tumorigenicity surveillance, spec §1.5): the happy
path, bad input, another site's user and a read-only role."""

import datetime as dt

from ecrf.models import LiverImaging
from ecrf.views.clinical import casebook_context
from tests.clinical.conftest import as_post, liver_imaging_values, url
from tests.conftest import TODAY


def test_staff_records_a_liver_imaging(client, cips_subject, staff_beijing):
    client.force_login(staff_beijing)
    page = url("clinical_liver_imaging_new", cips_subject)
    response = client.get(page)
    # The visits the protocol expects it at, and unscheduled.
    assert [c[0] for c in response.context["form"].fields["visit"].choices] == [
        "SCR",
        "FS+28",
        "UNS",
    ]
    values = liver_imaging_values(new_lesion=True, lesion_size_mm=12, findings="Segment VI")
    response = client.post(page, as_post(values))
    assert response.status_code == 302
    assert response["Location"] == url("clinical_liver_imaging", cips_subject)
    exam = LiverImaging.objects.get()
    assert (exam.visit, exam.lesion_size_mm, exam.created_by) == ("SCR", 12, staff_beijing)
    listing = client.get(url("clinical_liver_imaging", cips_subject)).content.decode()
    assert "Segment VI" in listing and "12 mm" in listing


def test_bad_input_is_refused_next_to_the_field(client, cips_subject, staff_beijing):
    client.force_login(staff_beijing)
    page = url("clinical_liver_imaging_new", cips_subject)
    lesion_without_size = liver_imaging_values(new_lesion=True)
    response = client.post(page, as_post(lesion_without_size))
    assert response.status_code == 422
    assert "lesion_size_mm" in response.context["form"].errors
    future = liver_imaging_values(examined_on=TODAY + dt.timedelta(days=3))
    response = client.post(page, as_post(future))
    assert response.status_code == 422
    assert "examined_on" in response.context["form"].errors
    assert not LiverImaging.objects.exists()


def test_another_site_and_a_monitor(client, cips_subject, staff_guangzhou, monitor_beijing):
    page = url("clinical_liver_imaging_new", cips_subject)
    client.force_login(staff_guangzhou)
    assert client.get(page).status_code == 404
    assert client.get(url("clinical_liver_imaging", cips_subject)).status_code == 404
    client.force_login(monitor_beijing)
    assert client.get(url("clinical_liver_imaging", cips_subject)).status_code == 200
    assert client.post(page, as_post(liver_imaging_values())).status_code == 403
    assert not LiverImaging.objects.exists()


def test_the_casebook_lists_it_where_the_protocol_expects_it(cips_subject, qh_subject):
    labels = [f["label"] for f in casebook_context(cips_subject)["clinical_forms"]]
    assert "Liver imaging" in labels
    labels = [f["label"] for f in casebook_context(qh_subject)["clinical_forms"]]
    assert "Liver imaging" not in labels
