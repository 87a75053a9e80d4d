"""Site staff screen a QH-1A subject in a real browser: register, answer the eligibility
checklist, enrol into the open cohort; a 66-year-old is refused by criterion IN-AGE."""

import datetime as dt

import pytest

from tests.browser.conftest import log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]


def test_staff_screens_and_enrols_a_qh1a_subject(page, live_server, demo):
    log_in(page, live_server, "staff")
    # Issue 2: "staff logs in and sees both studies by registry id".
    assert page.locator("text=NCT07312864").count() and page.locator("text=NCT06996392").count()

    page.click("text=NCT06996392")
    page.click("text=Register a subject")
    today = dt.date.today()
    page.check("input[name=sex][value=M]")
    page.fill("#id_date_of_birth", "1975-05-20")
    page.fill("#id_height_cm", "171")
    page.fill("#id_weight_kg", "68.5")
    page.fill("#id_consent_date", today.isoformat())
    page.fill("#id_consent_version", "v1.1")
    page.fill("#id_screening_date", today.isoformat())
    page.click("input[type=submit][name=save]")
    page.wait_for_selector("text=SYSU3-006 registered.")

    page.click("#schedule a:text-is('Eligibility checklist')")
    for code in ["IN01", "IN02", "IN03"]:
        page.check(f"input[name={code}][value=yes]")
    for code in ["EX01", "EX02", "EX03", "EX04", "EX05"]:
        page.check(f"input[name={code}][value=no]")
    page.click("input[type=submit][name=save]")
    page.wait_for_selector("text=the subject is eligible")

    page.click("#enrol-link")
    page.select_option("#id_arm", label="QH4H — 4-hour group")
    page.fill("#id_planned_first_treatment", (today + dt.timedelta(days=3)).isoformat())
    page.click("input[type=submit][name=enrol]")
    page.wait_for_selector("text=Subject enrolled.")
    assert "Enrolled" in page.inner_text("h1")


def test_a_66_year_old_is_refused_naming_the_age_criterion(page, live_server, demo):
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/studies/NCT06996392/subjects/SYSU3-005/enrol/")
    page.select_option("#id_arm", label="QH4H — 4-hour group")
    page.fill("#id_enrolment_date", "2026-11-21")
    page.fill("#id_planned_first_treatment", "2026-11-24")
    page.click("input[type=submit][name=enrol]")
    refusal = page.inner_text("main form")
    assert "IN-AGE" in refusal and "18 to 65 years" in refusal
