"""Issue 19 items 2, 6 and 9 in a browser: the entry forms fit the work at a tablet's
820 px and a laptop's 1366 px, dates and times are ISO whatever the browser's locale,
and axe-core finds no WCAG 2.1 A/AA violation on the pages staff and monitors use.

Each width is measured, not looked at: the page does not scroll sideways
(scrollWidth <= clientWidth) and every select shows its whole text with its longest choice
chosen. Screenshots of each page at each width go to test-artifacts/.
"""

from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser.conftest import ARTIFACTS, log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT06996392"
SUBJECT = "SYSU3-001"  # the demo's enrolled QH-1A subject with a session, labs and an AE
WIDTHS = (820, 1366)
# axe-core 4.14.1 from the npm registry (npm pack axe-core), MPL-2.0: vendored, so the
# journeys fetch nothing at run time. It is injected through the DevTools protocol
# (page.evaluate), which the pages' strict Content-Security-Policy does not govern.
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def subject_page(name, **kwargs):
    return reverse(f"ecrf:{name}", kwargs={"registry_id": STUDY, "number": SUBJECT, **kwargs})


ENTRY_FORMS = {
    "session": lambda: subject_page("session_new"),
    "session-edit": lambda: subject_page("session_edit", session_number=1),
    "lab-liver": lambda: subject_page("labs_panel", timepoint="BASELINE", panel="LIVER"),
    "lab-virology": lambda: subject_page("labs_panel", timepoint="BASELINE", panel="VIROLOGY"),
    "meld": lambda: subject_page("labs_meld"),
    "adverse-event": lambda: subject_page("ae_new"),
    "vital-signs": lambda: subject_page("clinical_vitals_new"),
}

MEASURE = """() => {
  const page = document.documentElement;
  const clipped = [];
  for (const select of document.querySelectorAll("select")) {
    if (!select.offsetParent || !select.options.length) continue;
    // The longest choice chosen: the select must show all of it.
    const longest = [...select.options].reduce((a, b) => (b.text.length > a.text.length ? b : a));
    select.value = longest.value;
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d");
    context.font = style.font;
    const text = context.measureText(longest.text).width;
    // Bootstrap's padding-right holds the arrow.
    const room = select.clientWidth - parseFloat(style.paddingLeft)
      - parseFloat(style.paddingRight);
    if (text > room + 1) {
      clipped.push(`${select.name}: "${longest.text}" ${Math.round(text)} > ${Math.round(room)}`);
    }
  }
  return {scrollWidth: page.scrollWidth, clientWidth: page.clientWidth, clipped};
}"""


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def misfit(page) -> str | list[str] | None:
    """What does not fit on the page as shown: a sideways scroll, or the selects that clip
    their longest choice; None when all fits."""
    measured = page.evaluate(MEASURE)
    if measured["scrollWidth"] > measured["clientWidth"]:
        return f"scrolls sideways: {measured}"
    return measured["clipped"] or None


def test_entry_forms_fit_820_and_1366_px(page, live_server, demo):
    log_in(page, live_server, "staff")
    problems = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in ENTRY_FORMS.items():
            page.goto(live_server.url + url())
            shoot(page, f"entry-{name}-{width}")
            if found := misfit(page):
                problems[f"{name}@{width}"] = found
    assert problems == {}


def test_session_form_asks_and_keeps_what_was_typed(page, live_server, demo):
    log_in(page, live_server, "staff")
    page.set_viewport_size({"width": 820, "height": 900})
    page.goto(live_server.url + subject_page("session_new"))
    # No clinical answer is given in advance.
    assert page.locator("input[name=completed_as_planned]:checked").count() == 0
    assert page.input_value("#id_form_status") == ""
    assert page.input_value("#id_interruptions-0-circulation_stopped") == ""
    # Rows are added on the page, without saving.
    rows = page.locator("#log-vitals tbody tr")
    before = rows.count()
    page.click("#section-vitals button[data-add-row]")
    assert rows.count() == before + 1
    assert page.input_value("#id_vitals-TOTAL_FORMS") == str(before + 1)
    added = rows.nth(before)
    added.get_by_label("Systolic BP (mmHg)").fill("121")
    # A new row is removed on the page too: emptied and hidden.
    page.click(f"#log-vitals tbody tr:nth-child({before + 1}) button[data-remove-row]")
    assert not added.is_visible() and added.get_by_label("Systolic BP (mmHg)").input_value() == ""
    # Dates are ISO text, with a calendar beside them (item 6).
    start = page.locator("#id_started_at")
    assert start.get_attribute("type") == "text"
    assert page.locator("#id_started_at + button.iso-calendar").count() == 1
    start.fill("2026-12-01 08:00")
    # Leaving with unsaved entries asks first.
    asked = []

    def dismiss(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.click(".breadcrumb a >> nth=1")
    assert asked == ["beforeunload"]
    assert page.input_value("#id_started_at") == "2026-12-01 08:00"  # still here
    page.remove_listener("dialog", dismiss)
    # Saving with answers missing: the summary at the top links to each field.
    page.click("button:text('Save session')")
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert summary.evaluate("element => element === document.activeElement")
    text = summary.inner_text()
    assert "Say whether the session was completed as planned." in text
    assert "Choose the form's status" in text
    page.click("#error-summary a[href='#id_form_status']")
    assert page.evaluate("location.hash") == "#id_form_status"
    assert page.input_value("#id_started_at") == "2026-12-01 08:00"  # nothing typed lost
    shoot(page, "entry-session-errors-820")


def test_session_rows_are_added_without_javascript(page, browser, live_server, demo):
    # Signed in with JavaScript, then the same session in a browser without it.
    log_in(page, live_server, "staff")
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    context.add_cookies(page.context.cookies())
    page = context.new_page()
    page.goto(live_server.url + subject_page("session_new"))
    before = page.locator("#log-interruptions tbody tr").count()
    page.fill("#id_cell_lot", "LOT-7")
    page.click("#section-interruptions button[data-add-row]")  # a post that saves nothing
    assert page.locator("#log-interruptions tbody tr").count() == before + 1
    assert page.input_value("#id_cell_lot") == "LOT-7"
    assert page.locator("#error-summary").count() == 0
    context.close()


def test_dates_are_iso_in_a_chinese_browser(browser, live_server, demo):
    # The browser's locale would show a native date input as 2026/12/01 or 12/01/2026.
    context = browser.new_context(locale="zh-CN", timezone_id="America/New_York")
    page = context.new_page()
    log_in(page, live_server, "staff")
    page.goto(live_server.url + subject_page("session_edit", session_number=1))
    started = page.input_value("#id_started_at")
    assert len(started) == 16 and started[4] == "-" and started[10] == " " and started[13] == ":"
    # Times read in the site's time zone, named, whatever the browser's own zone.
    note = page.inner_text("#time-zone-note")
    assert "Asia/Shanghai" in note and "UTC+08:00" in note
    context.close()


AXE_PAGES = {
    "login": "/accounts/login/",
    "casebook": lambda: subject_page("casebook"),
    "session": ENTRY_FORMS["session"],
    "lab": ENTRY_FORMS["lab-liver"],
    "adverse-event": ENTRY_FORMS["adverse-event"],
    "admin-ae-list": lambda: reverse("admin:ecrf_adverseevent_changelist"),
}


def axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


def test_no_wcag_21_aa_violation(page, live_server, demo):
    found = {}
    page.goto(live_server.url + AXE_PAGES["login"])
    if violations := axe_violations(page):
        found["login"] = violations
    log_in(page, live_server, "monitor")  # reads the casebook and reviews in the admin
    for name in ("casebook", "admin-ae-list"):
        page.goto(live_server.url + AXE_PAGES[name]())
        if violations := axe_violations(page):
            found[name] = violations
    page.context.clear_cookies()
    log_in(page, live_server, "staff")
    for name in ("session", "lab", "adverse-event"):
        page.goto(live_server.url + AXE_PAGES[name]())
        if violations := axe_violations(page):
            found[name] = violations
    # A lab error's description is found by its id (aria-describedby).
    page.goto(live_server.url + AXE_PAGES["lab"]())
    page.fill("#id_sampled_at", "2026-12-01 08:00")
    page.get_by_label("Total bilirubin", exact=True).fill("90")
    page.get_by_label("Total bilirubin unit").select_option("mg/dL")
    page.click("button[type=submit]:text('Save')")
    page.locator("#error-summary").wait_for()
    if violations := axe_violations(page):
        found["lab-with-error"] = violations
    assert found == {}


def test_the_chinese_interface_fits_820_px_and_the_ae_review_page_1366(browser, live_server, demo):
    """Chinese labels are shorter in characters but not always in pixels: the entry forms
    at 820 px and the monitor's AE change page in the admin at 1366 px, in Chinese."""
    from django.conf import settings

    from ecrf.models import AdverseEvent

    context = browser.new_context(locale="zh-CN")
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "zh-hans", "url": live_server.url}]
    )
    page = context.new_page()
    log_in(page, live_server, "staff")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    problems = {}

    def measure(name, width):
        shoot(page, f"entry-{name}-{width}-zh")
        if found := misfit(page):
            problems[f"{name}@{width}"] = found

    page.set_viewport_size({"width": 820, "height": 900})
    for name, url in ENTRY_FORMS.items():
        page.goto(live_server.url + url())
        measure(name, 820)
    # The monitor reviews an AE on its admin page (issue 19 item 7).
    context.clear_cookies()
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "zh-hans", "url": live_server.url}]
    )
    log_in(page, live_server, "monitor")
    ae = AdverseEvent.objects.filter(subject__screening_number=SUBJECT).order_by("pk").first()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + reverse("admin:ecrf_adverseevent_change", args=[ae.pk]))
        measure("admin-ae-change", width)
    context.close()
    assert problems == {}
