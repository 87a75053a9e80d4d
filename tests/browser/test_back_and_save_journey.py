"""Issue 17 item 5: after a new AE is saved, Back followed by Save answers with the first
save's page and says it was already saved; a fresh form with the same content is saved."""

import datetime as dt
import zoneinfo

import pytest

from ecrf.models import AdverseEvent
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fill_ae(page, onset: dt.date):
    page.fill("#term-filter", "nausea")
    page.select_option("#id_ctcae_code", "10028813")  # Nausea
    page.fill("#id_verbatim_term", "Nausea after the session")
    page.check("input[name=grade][value='1']")
    page.fill("#id_onset_date", onset.isoformat())
    page.check("#id_ongoing")
    for name in ["related_device", "related_cells", "related_procedure"]:
        page.check(f"input[name={name}][value=unlikely]")
    page.select_option("#id_expected", "true")
    page.select_option("#id_action_taken", "none")
    page.select_option("#id_outcome", "not_recovered")


def test_back_and_save_does_not_report_the_ae_twice(page, live_server, demo):
    today = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date()
    log_in(page, live_server, "staff")
    new = f"{live_server.url}/studies/NCT06996392/subjects/SYSU3-002/adverse-events/new/"
    before = AdverseEvent.objects.filter(subject__screening_number="SYSU3-002").count()
    page.goto(new)
    _fill_ae(page, today - dt.timedelta(days=2))
    page.click("#ae-form button[name=save]")
    page.wait_for_url("**/adverse-events/*/")
    first = page.url
    assert AdverseEvent.objects.filter(subject__screening_number="SYSU3-002").count() == before + 1

    # Back to the form as the browser shows it again, and Save once more.
    page.go_back()
    page.wait_for_url(new)

    page.click("#ae-form button[name=save]")
    page.wait_for_url(first)
    assert "already saved" in page.inner_text("body")
    assert AdverseEvent.objects.filter(subject__screening_number="SYSU3-002").count() == before + 1

    # A genuine second entry, typed in a freshly opened form, is a second AE.
    page.goto(new)
    _fill_ae(page, today - dt.timedelta(days=2))
    page.click("#ae-form button[name=save]")
    page.wait_for_url("**/adverse-events/*/")
    assert page.url != first
    assert AdverseEvent.objects.filter(subject__screening_number="SYSU3-002").count() == before + 2
