"""Browser journeys: Playwright drives Debian's Chromium against a live test server.

Locally, without Chromium, the journeys skip and say how to install it. In CI (CI set)
a missing browser is a failure. A failed journey leaves a screenshot in test-artifacts/.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Chromium's own background traffic is refused on a closed network; keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Browser journeys need Debian's Chromium: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run them: .ci/run installs it)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the Django ORM calls the
    # fixtures make there are still synchronous and safe. Only while the browser runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="en-GB", timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def console(message):
        # CSP violations and failed scripts are console errors; a missing favicon is not,
        # nor the 422 answer of a form that was refused on purpose.
        url = (message.location or {}).get("url", "")
        if (
            message.type == "error"
            and "favicon" not in url
            and "(Unprocessable" not in message.text
        ):
            errors.append(message.text)

    page.on("console", console)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def demo(transactional_db):
    """The demo dataset and accounts, loaded through the real actions."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "bal-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
