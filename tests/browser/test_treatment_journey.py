"""Issue 7, journey (a): site staff take a QH-1A subject from screening to a serious AE in
the browser. They register and screen the subject, enrol it in the open cohort, record
its first BAL session, enter the liver panel before the session (bilirubin in µmol/L) and
after it (in mg/dL), and report a serious AE with its SAE supplement.

Every step is a click, a fill or a choice on the page; the database is read only at the
end, to check what the pages stored.
"""

import datetime as dt
import re
import zoneinfo
from decimal import Decimal

import pytest

from ecrf.models import AdverseEvent, LabResult, Subject, TreatmentSession
from tests.browser.conftest import log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT06996392"  # QH-1A
SITE_ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")  # SYSU3, Guangzhou


def _day(days_ago: int, time: str = "") -> str:
    """A local date (or datetime-local value) some days before today at the site."""
    day = dt.datetime.now(SITE_ZONE).date() - dt.timedelta(days=days_ago)
    return f"{day.isoformat()}T{time}" if time else day.isoformat()


def _register_and_screen(page) -> str:
    page.click(f"text={STUDY}")
    page.click("text=Register a subject")
    page.check("input[name=sex][value=F]")
    page.fill("#id_date_of_birth", "1968-11-02")
    page.fill("#id_height_cm", "162")
    page.fill("#id_weight_kg", "58.4")
    page.fill("#id_consent_date", _day(3))
    page.fill("#id_consent_version", "v1.1")
    page.fill("#id_screening_date", _day(3))
    page.click("input[type=submit][name=save]")
    registered = page.locator(".alert", has_text="registered.").inner_text()
    number = re.search(r"(SYSU3-\d{3}) registered\.", registered).group(1)

    page.click("#schedule a:text-is('Eligibility checklist')")
    for code in ["IN01", "IN02", "IN03"]:
        page.check(f"input[name={code}][value=yes]")
    for code in ["EX01", "EX02", "EX03", "EX04", "EX05"]:
        page.check(f"input[name={code}][value=no]")
    page.click("input[type=submit][name=save]")
    page.wait_for_selector("text=the subject is eligible")
    return number


def _enrol_in_the_open_cohort(page):
    page.click("#enrol-link")
    # The committee has not opened the 6-hour cohort yet: it is offered, marked closed.
    assert page.locator("#id_arm option", has_text="QH6H").inner_text().endswith("(closed)")
    page.select_option("#id_arm", label="QH4H — 4-hour group")
    page.fill("#id_enrolment_date", _day(2))
    page.fill("#id_planned_first_treatment", _day(1))
    # Dated in the past: it says why it is entered late (issue 18).
    page.fill("#id_reason", "Enrolled on the ward; entered from the paper log.")
    page.click("input[type=submit][name=enrol]")
    page.wait_for_selector("text=Subject enrolled.")


def _record_the_first_session(page):
    page.click("text=Record a BAL session")
    page.wait_for_selector("h1:has-text('New BAL session')")
    assert "planned 240 min ± 15 min" in page.inner_text("main")  # the 4-hour cohort
    # The weight used for dosing starts as the registration weight.
    assert page.input_value("#id_weight_kg") == "58.4"
    page.fill("#id_started_at", _day(1, "08:00"))
    page.fill("#id_ended_at", _day(1, "12:05"))
    page.select_option("#id_access_site", label="Femoral vein")
    page.select_option("#id_access_side", label="Right")
    page.select_option("#id_catheter_type", label="Non-tunnelled double-lumen dialysis catheter")
    page.fill("#id_catheter_size_fr", "12")
    page.fill("#id_blood_flow_ml_min", "120")
    page.fill("#id_plasma_flow_ml_min", "30")
    page.select_option("#id_anticoagulation", label="Systemic unfractionated heparin")
    page.fill("#id_cell_lot", "PTMSC-2612-04")
    page.fill("#id_total_cells_e9", "10")
    page.fill("#id_viability_percent", "91")
    page.fill("#id_device_serial", "QH1A-0011")
    for criterion in page.locator("input[name^=device_][value=pass]").all():
        criterion.check()
    # Nothing is answered in advance (issue 19 item 2): the outcome and status are chosen.
    page.check("input[name=completed_as_planned][value=True]")
    page.select_option("#id_form_status", "complete")
    # One ACT check and one set of vital signs during the session, in the logs' first rows.
    checks = page.locator("#log-anticoagulation tbody tr").first
    checks.get_by_label("Time", exact=True).fill(_day(1, "09:00"))
    checks.get_by_label("ACT (s)").fill("185")
    vitals = page.locator("#log-vitals tbody tr").first
    vitals.get_by_label("Date and time", exact=True).fill(_day(1, "10:00"))
    vitals.get_by_label("Systolic BP (mmHg)").fill("112")
    vitals.get_by_label("Diastolic BP (mmHg)").fill("68")
    vitals.get_by_label("Heart rate (beats/min)").fill("88")
    vitals.get_by_label("SpO₂ (%)").fill("97")
    page.click("button:text('Save session')")
    page.wait_for_selector("text=Session 1 saved.")
    assert page.locator("text=This session breaks a protocol rule").count() == 0


def _to_the_casebook(page, number):
    page.click(f".breadcrumb a:text-is('{number}')")
    page.wait_for_selector("#schedule")  # the casebook's schedule


def _enter_liver_panel(page, number, timepoint, sampled_at, bilirubin, unit):
    _to_the_casebook(page, number)
    page.click("text=Laboratory results and scores")
    row = page.locator("#lab-grid tr", has_text=timepoint)
    row.locator("td").first.get_by_role("link", name="Enter").click()
    page.fill("#id_sampled_at", sampled_at)
    page.fill("#id_laboratory", "SYSU3 central laboratory")
    page.get_by_label("Total bilirubin", exact=True).fill(bilirubin)
    page.get_by_label("Total bilirubin unit").select_option(label=unit)
    page.get_by_label("Alanine aminotransferase (ALT)", exact=True).fill("76")
    page.click("#lab-tests ~ button[type=submit]")
    page.wait_for_selector(f"text=Liver function at {timepoint} saved.")


def _report_a_serious_ae(page, number):
    _to_the_casebook(page, number)
    page.click("text=Report an adverse event")
    page.fill("#term-filter", "fever")
    page.select_option("#id_ctcae_code", label="Fever")
    page.wait_for_selector("#grade-table tr[data-grade='3'] .grade-text:has-text('40.0')")
    page.fill("#id_verbatim_term", "High fever with rigors after the first BAL session")
    page.check("input[name=grade][value='3']")
    page.fill("#id_onset_date", _day(1))
    page.fill("#id_onset_time", "15:30")  # required on a session day
    page.check("#id_ongoing")
    page.check("#id_serious")
    page.check("#id_hospitalisation")
    page.check("input[name=related_device][value=unlikely]")
    page.check("input[name=related_cells][value=possible]")
    page.check("input[name=related_procedure][value=possible]")
    page.select_option("#id_expected", label="Unexpected")
    page.select_option("#id_action_taken", label="Next session postponed")
    page.select_option("#id_outcome", label="Recovering/resolving")
    page.fill("#id_sae-awareness_at", _day(1, "16:00"))
    page.fill(
        "#id_sae-narrative",
        "Fever of 40.3 °C with rigors 3 hours after the session; blood cultures taken, "
        "hospital stay prolonged for intravenous antibiotics.",
    )
    page.click("#ae-form button[name=save]")
    page.wait_for_selector("text=AE 1 reported.")
    assert "Serious" in page.inner_text("h1")


def test_staff_take_a_qh1a_subject_from_screening_to_a_serious_ae(page, live_server, demo):
    log_in(page, live_server, "staff")
    number = _register_and_screen(page)
    _enrol_in_the_open_cohort(page)
    _record_the_first_session(page)
    _enter_liver_panel(page, number, "PRE-S1", _day(1, "07:00"), "342", "µmol/L")
    _enter_liver_panel(page, number, "POST-S1", _day(1, "12:20"), "17.5", "mg/dL")
    _report_a_serious_ae(page, number)

    subject = Subject.objects.get(screening_number=number)
    assert subject.status == "enrolled" and subject.enrolment.arm.code == "QH4H"
    session = TreatmentSession.objects.get(subject=subject)
    assert (session.number, session.net_minutes, session.planned_minutes) == (1, 245, 240)
    assert session.form_status == "complete"
    assert session.vital_signs.count() == 1 and session.anticoagulation_checks.count() == 1
    bilirubin = {
        r.panel.timepoint: r for r in LabResult.objects.filter(subject=subject, test_code="BILI")
    }
    # Stored as entered and in the standard unit: 17.5 mg/dL × 17.1 = 299.25 µmol/L.
    before, after = bilirubin["PRE-S1"], bilirubin["POST-S1"]
    assert (before.value, before.unit, before.standard_value) == (
        Decimal("342"),
        "umol/L",
        Decimal("342"),
    )
    assert (after.value, after.unit) == (Decimal("17.5"), "mg/dL")
    assert after.standard_value == Decimal("299.25")
    ae = AdverseEvent.objects.get(subject=subject)
    assert (ae.ctcae_term, ae.grade, ae.serious, ae.hospitalisation) == ("Fever", 3, True, True)
    assert ae.sae_report.narrative.startswith("Fever of 40.3 °C")
