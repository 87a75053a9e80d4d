"""Issue 19 item 3: numbers read as entered. Values are shown as typed (5.2, not 5.2000),
a range beside a value speaks its unit, an out-of-range message names the limit in the
unit typed, and the MELD inputs go on one page into the same panels and clinical status."""

import datetime as dt

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from ecrf.models import ClinicalStatus, LabPanel, LabResult
from tests.labs.conftest import local, panel_url, subject_url

pytestmark = pytest.mark.django_db


def test_a_saved_value_comes_back_as_typed(client, treated, staff_guangzhou, post_panel):
    client.force_login(staff_guangzhou)
    at = timezone.now() - dt.timedelta(days=3)
    response = post_panel(treated, "BASELINE", "LIVER", at, BILI=("5.2", "mg/dL"), ALT="120")
    assert response.status_code == 302
    page = lxml.html.fromstring(client.get(panel_url(treated, "BASELINE", "LIVER")).content)
    assert page.xpath('//input[@name="BILI_value"]/@value') == ["5.2"]
    assert page.xpath('//input[@name="ALT_value"]/@value') == ["120"]


def test_a_range_is_in_the_unit_of_the_value_beside_it(
    treated, client, staff_guangzhou, post_panel
):
    # Spec §3.8: bilirubin mg/dL × 17.1 = µmol/L; the site's range is stored in µmol/L.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", timezone.now() - dt.timedelta(days=3),
               BILI=("5.2", "mg/dL"))  # fmt: skip
    result = LabResult.objects.get(test_code="BILI")
    assert result.entered_text == "5.2 mg/dL"
    low, high = result.lln / 17, result.uln / 17
    assert result.normal_range_text.endswith(" mg/dL")
    shown_low, shown_high = result.normal_range_text.removesuffix(" mg/dL").split("–")
    assert abs(float(shown_low) - float(low)) < 0.1 and abs(float(shown_high) - float(high)) < 2
    assert "0000" not in result.standard_range_text and result.standard_range_text.endswith(
        "µmol/L"
    )


def test_admin_lists_a_result_beside_the_range_in_its_unit(
    client, treated, staff_guangzhou, post_panel
):
    from tests.conftest import make_user

    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", timezone.now() - dt.timedelta(days=3),
               BILI=("5.2", "mg/dL"))  # fmt: skip
    admin = make_user("lab_admin", is_staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("admin:ecrf_labresult_changelist")).content.decode()
    assert "5.2 mg/dL" in page and "5.2000" not in page
    assert "µmol/L" in page  # the standard value beside its own range


def test_out_of_range_is_told_in_the_unit_typed(client, treated, staff_guangzhou, post_panel):
    # §2.9 bilirubin 0-1500 µmol/L = 0-87.72 mg/dL.
    client.force_login(staff_guangzhou)
    at = timezone.now() - dt.timedelta(days=3)
    response = post_panel(treated, "BASELINE", "LIVER", at, BILI=("90", "mg/dL"))
    assert response.status_code == 422
    message = " ".join(response.context["form"].errors["BILI_value"])
    assert "90 mg/dL" in message and "87.72 mg/dL" in message and "µmol" not in message
    # The error sits where the value's aria-describedby points (WCAG 1.3.1).
    page = lxml.html.fromstring(response.content)
    described = page.xpath('//input[@name="BILI_value"]/@aria-describedby')[0]
    assert page.xpath(f'//*[@id="{described}"]')


def meld_url(subject):
    return subject_url("labs_meld", subject)


def meld_post(at, **overrides):
    data = {
        "timepoint": "BASELINE",
        "sampled_at": local(at),
        "laboratory": "Central lab",
        "BILI_value": "5.2",
        "BILI_unit": "mg/dL",
        "INR_value": "2.1",
        "INR_unit": "ratio",
        "CREAT_value": "1.4",
        "CREAT_unit": "mg/dL",
        "SODIUM_value": "131",
        "SODIUM_unit": "mmol/L",
        "ALB_value": "28",
        "ALB_unit": "g/L",
        "dialysed_twice_last_week": "False",
        "ascites": "mild",
        "encephalopathy_grade": "1",
    }
    return data | overrides


def test_meld_inputs_on_one_page_go_into_the_panels(client, treated, staff_guangzhou):
    client.force_login(staff_guangzhou)
    assert client.get(meld_url(treated)).status_code == 200
    at = timezone.now() - dt.timedelta(days=3)
    response = client.post(meld_url(treated), meld_post(at))
    assert response.status_code == 302
    assert response["Location"].endswith(subject_url("labs_subject", treated) + "#tp-BASELINE")
    panels = {p.panel: p for p in LabPanel.objects.filter(subject=treated)}
    assert set(panels) == {"LIVER", "COAGULATION", "RENAL"}
    assert {p.timepoint for p in panels.values()} == {"BASELINE"}
    stored = {r.test_code: r for r in LabResult.objects.filter(subject=treated)}
    assert set(stored) == {"BILI", "INR", "CREAT", "SODIUM", "ALB"}
    assert stored["BILI"].panel == panels["LIVER"] and stored["INR"].panel == panels["COAGULATION"]
    assert stored["BILI"].entered_text == "5.2 mg/dL"
    status = ClinicalStatus.objects.get(subject=treated)
    assert not status.dialysed_twice_last_week and status.ascites == "mild"
    # The page after it shows the scores (spec §3.2).
    labs = client.get(response["Location"])
    shown = [m.message for m in labs.context["messages"]]
    assert any(m.startswith("MELD inputs saved: MELD ") for m in shown)
    assert labs.context["rows"][0].scores.meld is not None


def test_meld_page_refuses_a_panel_already_recorded(client, treated, staff_guangzhou, post_panel):
    client.force_login(staff_guangzhou)
    at = timezone.now() - dt.timedelta(days=3)
    post_panel(treated, "BASELINE", "LIVER", at, ALT="40")
    response = client.post(meld_url(treated), meld_post(at))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "already recorded at BASELINE" in " ".join(errors["BILI_value"])
    # Nothing of the page was saved: one transaction.
    assert not LabPanel.objects.filter(subject=treated, panel="RENAL").exists()
    assert not ClinicalStatus.objects.filter(subject=treated).exists()


def test_meld_page_asks_about_dialysis(client, treated, staff_guangzhou):
    client.force_login(staff_guangzhou)
    data = meld_post(timezone.now() - dt.timedelta(days=3))
    del data["dialysed_twice_last_week"]
    response = client.post(meld_url(treated), data)
    assert response.status_code == 422
    assert response.context["form"].errors["dialysed_twice_last_week"] == [
        "Say whether the subject was dialysed."
    ]


def test_meld_page_of_another_site_is_404_and_read_only_is_403(
    client, treated, staff_beijing, monitor_guangzhou
):
    client.force_login(staff_beijing)
    assert client.get(meld_url(treated)).status_code == 404
    client.force_login(monitor_guangzhou)
    assert client.get(meld_url(treated)).status_code == 403
