"""Issue 19 items 1, 4 and 7 in the browser: the casebook is the hub.

(a) The casebook fits a tablet (820 px) and a laptop (1366 px) without a horizontal
scroll, each schedule cell opens its form and the AEs are listed inline; (b) "Save and go
to next form" opens the next expected form; (c) the investigator's signing page lists an
open query before signing; (d) the monitor's admin AE list fits 1366 px and a row's
casebook link opens the casebook. One server, few page loads.
"""

import pytest
from django.contrib.auth import get_user_model

from ecrf.actions import queries as query_actions
from ecrf.models import AdverseEvent
from tests.browser.conftest import ARTIFACTS, log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT07312864"  # CiPS-BAL
SUBJECT = "BFH-001"  # enrolled, a session and the demo's SAE
NEW_SUBJECT = "SYSU3-002"  # enrolled, no medical history yet
QUERY_TEXT = "Onset time differs from the ward notes; please check."

# Scrolled sideways when the document is wider than the window.
PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"hub-{name}.png"), full_page=True)


def _log_out(page):
    page.click("button:text('Log out')")
    page.wait_for_url("**/accounts/login/**")


def _casebook_is_the_hub(page, live_server):
    casebook = f"{live_server.url}/studies/{STUDY}/subjects/{SUBJECT}/"
    for width in (820, 1366):
        page.set_viewport_size({"width": width, "height": 768})
        page.goto(casebook)
        _shot(page, f"casebook-{width}")
        assert page.evaluate(PAGE_OVERFLOW) <= 0, f"the casebook scrolls sideways at {width} px"
    # Every schedule cell is a link to its form, which opens.
    cells = page.locator("#schedule .form-cell")
    assert cells.count() > 0
    assert cells.count() == page.locator("#schedule .form-cell a.form-cell-link").count()
    hrefs = page.eval_on_selector_all(
        "#schedule .form-cell a.form-cell-link", "links => links.map(a => a.href)"
    )
    assert all(href.startswith(live_server.url) for href in hrefs)
    # Each opens its form (fetched with the page's session; one is clicked below).
    for href in set(hrefs):
        assert page.request.get(href).ok, href
    # The AEs inline, the SAE among them.
    assert "Lung infection" in page.inner_text("#casebook-aes")
    page.locator("#schedule .form-cell a.form-cell-link").first.click()
    page.wait_for_load_state()
    assert page.url == hrefs[0]
    assert page.locator("main form, main h1").count() > 0


def _save_and_go_to_next(page, live_server):
    base = f"{live_server.url}/studies/NCT06996392/subjects/{NEW_SUBJECT}/"
    page.goto(base + "medical-history/new/")
    page.fill("#id_term", "Hypertension")
    page.select_option("#id_category", "general")
    page.fill("#id_start", "2015-03")
    page.check("#id_ongoing")
    page.click("button[name=_next], input[name=_next]")
    # The history is saved complete: the liver-failure diagnosis is the next form.
    page.wait_for_url(base + "liver-failure/edit/")


def _signing_lists_the_open_query(page, live_server):
    ae = AdverseEvent.objects.get(subject__screening_number=SUBJECT, number=1)
    monitor = get_user_model().objects.get(username="monitor")
    query_actions.query_raise(record=ae, text=QUERY_TEXT, by=monitor)
    log_in(page, live_server, "investigator")
    page.goto(f"{live_server.url}/studies/{STUDY}/subjects/{SUBJECT}/")
    page.click("#casebook-signature a:text('Sign the casebook')")
    before = page.locator("#before-signing")
    assert "1 open query" in page.inner_text("#sign-open-queries")
    assert QUERY_TEXT[:30] in before.inner_text()
    _shot(page, "sign-1366")
    _log_out(page)


def _monitor_ae_list_fits(page, live_server):
    log_in(page, live_server, "monitor")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/admin/ecrf/adverseevent/")
    _shot(page, "admin-ae-list-1366")
    assert page.evaluate(PAGE_OVERFLOW) <= 0, "the AE list scrolls sideways at 1366 px"
    table, box = page.evaluate(
        "[document.querySelector('#result_list').getBoundingClientRect().width,"
        " document.querySelector('#result_list').parentElement.clientWidth]"
    )
    assert table <= box, f"the AE table is {table} px wide in a {box} px box"
    # Reviewed, SAE clock and Voided are on screen.
    for column in ("is_reviewed", "sae_clock", "voided"):
        right = page.evaluate(
            f"document.querySelector('#result_list th.column-{column}')"
            ".getBoundingClientRect().right"
        )
        assert right <= 1366, column
    row = page.locator("#result_list tbody tr", has_text=SUBJECT).first
    row.locator("a.casebook-link").click()
    page.wait_for_url(f"**/studies/{STUDY}/subjects/{SUBJECT}/")
    assert page.locator("#schedule").count() == 1


def test_the_casebook_is_the_hub(page, live_server, demo):
    log_in(page, live_server, "staff")
    _casebook_is_the_hub(page, live_server)
    _save_and_go_to_next(page, live_server)
    _log_out(page)
    _signing_lists_the_open_query(page, live_server)
    _monitor_ae_list_fits(page, live_server)
