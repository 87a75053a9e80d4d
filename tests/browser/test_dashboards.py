"""The study home, swimmer plot and lab trends render their SVG plots in a real browser
under the Content-Security-Policy, without console errors (the page fixture fails on any)."""

import pytest

from tests.browser.conftest import log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]


def test_staff_sees_the_dashboard_plots(page, live_server, demo):
    log_in(page, live_server, "staff")
    page.click("text=NCT06996392")
    plot = page.locator("#enrolment-plot svg")
    assert plot.is_visible() and plot.bounding_box()["width"] > 200
    page.click("#swimmer-link")
    assert page.locator("#swimmer-plot svg").is_visible()
    page.goto(f"{live_server.url}/studies/NCT06996392/subjects/SYSU3-001/labs/trends/")
    assert page.locator("figure.plot svg").count() == 5
    page.click("#trend-bili summary")
    assert page.locator("#trend-bili table").is_visible()
