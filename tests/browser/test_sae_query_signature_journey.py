"""Issue 7, journey (b): the demo's SAE (BFH-001's lung infection, whose 24-hour report to
the sponsor is overdue) from the monitor's review to the investigator's signature.

The monitor finds the SAE in the admin, records a review and raises a query from there;
site staff record the report to the sponsor on the SAE supplement (a change to a complete
form, so with a reason) and answer; the monitor closes the query; the investigator signs
the casebook with their password and the signature's meaning (21 CFR 11.50, 11.200).
"""

import pytest

from ecrf.models import AdverseEvent, AdverseEventReview, DataQuery, Signature
from tests.browser.conftest import log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT07312864"  # CiPS-BAL
QUERY_TEXT = (
    "The 24-hour report to the sponsor is overdue. Please report the SAE and record "
    "when the sponsor was told on the SAE supplement."
)


def _log_out(page):
    page.click("button:text('Log out')")
    page.wait_for_url("**/accounts/login/**")


def _monitor_reviews_and_raises_a_query(page, live_server) -> str:
    log_in(page, live_server, "monitor")
    page.click("nav a:text-is('Admin')")
    page.click("#ecrf-adverseevent a:text-is('Adverse events')")
    page.click("details[data-filter-title='serious'] a:text-is('Yes')")
    page.wait_for_url("**/?serious__exact=1")
    row = page.locator("#result_list tbody tr", has_text="BFH-001")
    assert row.count() == 1 and "Overdue" in row.locator(".field-sae_clock").inner_text()
    row.locator("th a").click()
    page.wait_for_selector("#sae-clocks tr[data-clock-status='overdue']")

    page.fill("#ae-review-form textarea", "Checked against the ward notes; sponsor not yet told.")
    page.click("#ae-review-form input[name=_review]")
    page.wait_for_selector("text=Review recorded.")
    assert "ward notes" in page.inner_text("#ae-reviews")

    page.click("#ae-ecrf-links a:text-is('Raise a query')")
    assert page.locator("#id_record option:checked").inner_text() == "BFH-001 AE1 Lung infection"
    page.fill("#id_text", QUERY_TEXT)
    page.click("input[type=submit][name=raise]")
    page.wait_for_selector("text=Query raised.")
    assert page.inner_text("#query-status") == "Open"
    query_url = page.url
    _log_out(page)
    return query_url


def _staff_correct_the_sae_form_and_answer(page, live_server):
    log_in(page, live_server, "staff")
    page.click("#queries-waiting")
    page.locator("#queries tr", has_text="BFH-001").locator("td:first-child a").click()
    assert QUERY_TEXT in page.inner_text("#query-thread")

    page.click("#query-record a:text('BFH-001 AE1 Lung infection')")  # the AE's page
    page.click("main a:text-is('Edit')")
    page.fill("#id_sae-reported_to_sponsor_at", "2026-10-21T15:30")
    # The AE was saved complete: the change asks for a reason, kept in the audit trail.
    page.select_option("#id_change_reason", label="Response to a data query")
    page.fill("#id_change_reason_detail", "Sponsor told by telephone and e-mail on 21 Oct.")
    page.click("#ae-form button[name=save]")
    page.wait_for_selector("text=AE 1 saved.")
    assert "21 Oct 2026 15:30" in page.inner_text("#sae-fields")

    page.click("#record-queries a:has-text('1 open query')")
    page.locator("#queries tr", has_text=QUERY_TEXT[:40]).locator("td:first-child a").click()
    page.fill("#id_answer-text", "Reported to the sponsor on 21 Oct 2026 15:30; SAE form updated.")
    page.click("#answer input[type=submit]")
    page.wait_for_selector("text=Answer sent.")
    assert page.inner_text("#query-status") == "Answered"
    _log_out(page)


def _monitor_closes_the_query(page, live_server, query_url):
    log_in(page, live_server, "monitor")
    page.click("#queries-waiting")
    answered = page.locator("#queries tr[data-status=answered]", has_text="BFH-001")
    answered.locator("td:first-child a").click()
    page.wait_for_url(query_url)
    assert "SAE form updated" in page.inner_text("#query-thread")
    page.fill("#id_close-text", "Sponsor report date verified against the fax log.")
    page.click("#close input[type=submit]")
    page.wait_for_selector("text=Query closed.")
    assert page.inner_text("#query-status") == "Closed"
    _log_out(page)


def _investigator_signs_the_casebook(page, live_server):
    log_in(page, live_server, "investigator")
    page.click(f"text={STUDY}")
    page.click("a:text-is('BFH-001')")
    page.click("#casebook-signature a:text('Sign the casebook')")
    assert page.inner_text("#signer-username") == "investigator"
    assert page.inner_text("#printed-name") == "Demo Investigator"
    # A wrong password is refused at the field; nothing is signed.
    page.check("input[name=meaning][value=responsibility]")
    page.fill("#id_password", "not-my-password")
    page.click("input[type=submit][name=sign]")
    page.wait_for_selector("text=The password is not correct.")
    page.check("input[name=meaning][value=responsibility]")
    page.fill("#id_password", "bal-demo-2026")
    page.click("input[type=submit][name=sign]")
    page.wait_for_selector("text=Casebook signed.")
    signature = page.inner_text("#casebook-signature")
    assert "Demo Investigator" in signature and "Responsibility" in signature


def test_monitor_queries_the_sae_and_the_investigator_signs(page, live_server, demo):
    query_url = _monitor_reviews_and_raises_a_query(page, live_server)
    _staff_correct_the_sae_form_and_answer(page, live_server)
    _monitor_closes_the_query(page, live_server, query_url)
    _investigator_signs_the_casebook(page, live_server)

    ae = AdverseEvent.objects.get(subject__screening_number="BFH-001", number=1)
    assert ae.serious and ae.sae_report.reported_to_sponsor_at is not None
    review = AdverseEventReview.objects.get(adverse_event=ae)
    assert review.reviewer.username == "monitor"
    query = DataQuery.objects.get(object_id=ae.pk, raised_by__username="monitor")
    assert query.status == "closed"
    assert [m.kind for m in query.messages.order_by("at", "pk")] == ["raise", "answer", "close"]
    signature = Signature.objects.get(subject=ae.subject, manifest__isnull=False)
    assert (signature.signer.username, signature.meaning) == ("investigator", "responsibility")
    # The casebook signature covers the AE at the version the staff's correction made.
    assert ["ecrf.adverseevent", ae.pk, ae.version] in signature.manifest
