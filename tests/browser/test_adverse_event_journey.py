"""Site staff report a serious grade-4 AE in the browser; the monitor finds it in the
admin with its 24-hour clock, records a review, and cannot edit its clinical fields."""

import datetime as dt
import zoneinfo

import pytest

from tests.browser.conftest import log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]


def test_serious_ae_reported_then_reviewed_by_the_monitor(page, live_server, demo):
    today = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date()
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/studies/NCT06996392/subjects/SYSU3-002/")
    page.click("text=Report an adverse event")

    page.fill("#term-filter", "hypotension")
    page.select_option("#id_ctcae_code", "10021097")  # Hypotension (MedDRA LLT code)
    # The term's grade texts appear next to the grades once the term is chosen.
    page.wait_for_selector(
        "#grade-table tr[data-grade='4'] .grade-text:has-text('Life-threatening')"
    )
    page.fill("#id_verbatim_term", "Severe hypotension after BAL session")
    page.check("input[name=grade][value='4']")
    # Two days back: the awareness below (25 h ago) falls on or after the onset at any
    # hour of the day (one day back, it fell before it in the first hour after midnight).
    page.fill("#id_onset_date", (today - dt.timedelta(days=2)).isoformat())
    page.check("#id_ongoing")
    assert page.locator("#sae-supplement").is_hidden()
    page.check("#id_serious")
    assert page.locator("#sae-supplement").is_visible()  # shown for a serious event
    page.check("#id_life_threatening")
    for name in ["related_device", "related_cells", "related_procedure"]:
        page.check(f"input[name={name}][value=possible]")
    page.select_option("#id_expected", "false")
    page.select_option("#id_action_taken", "not_applicable")
    page.select_option("#id_outcome", "not_recovered")
    aware = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")) - dt.timedelta(hours=25)
    page.fill("#id_sae-awareness_at", aware.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_sae-narrative", "Hypotension requiring vasopressors the day after session.")
    page.click("#ae-form button[name=save]")
    page.wait_for_url("**/adverse-events/**")
    page.click("text=Log out")

    log_in(page, live_server, "monitor")
    page.goto(f"{live_server.url}/admin/ecrf/adverseevent/?serious__exact=1")
    row = page.locator("#result_list tbody tr", has_text="SYSU3-002")
    assert row.count() == 1 and "4" in row.inner_text()
    row.locator("a").first.click()
    clock = page.locator("#sae-clocks tr[data-clock-status]").first
    assert clock.get_attribute("data-clock-status") == "overdue"  # 25 h after awareness
    assert page.locator("input[name=_save]").count() == 0  # read-only for the monitor
    page.fill("#ae-review-form textarea", "Reviewed against source; clock overdue, site reminded.")
    page.click("#ae-review-form input[name=_review]")
    assert "Reviewed against source" in page.inner_text("#ae-reviews")
