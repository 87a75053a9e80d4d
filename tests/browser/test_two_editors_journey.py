"""Two browsers edit one form (issue 4, "no lost updates"; issue 17 item 4, "a conflict
never reverts another user's save"): the second save is refused with what the first
person changed, the second person's entries stay on the page, and saving again keeps both
people's changes."""

import pytest
from django.urls import reverse

from ecrf.models import Subject
from tests.browser.conftest import CHROMIUM_ARGS, log_in  # noqa: F401

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]


def _give_reason(page, reason_label, detail):
    page.select_option("#id_change_reason", label=reason_label)
    page.fill("#id_change_reason_detail", detail)


def test_two_browsers_cannot_overwrite_each_other(page, browser, live_server, demo):
    edit = live_server.url + reverse(
        "ecrf:subject_edit", kwargs={"registry_id": "NCT06996392", "number": "SYSU3-004"}
    )
    opened = Subject.objects.get(screening_number="SYSU3-004").weight_kg
    opened = format(opened.normalize(), "f")
    # The investigator opens the form in a second browser, at the same version.
    other_context = browser.new_context(locale="en-GB", timezone_id="Asia/Shanghai")
    other = other_context.new_page()
    log_in(other, live_server, "investigator")
    other.goto(edit)
    log_in(page, live_server, "staff")
    page.goto(edit)

    # The investigator corrects the weight first, giving the reason the form asks for.
    other.fill("#id_weight_kg", "70.4")
    _give_reason(other, "Source document corrected", "weighed again on the ward")
    other.click("input[type=submit][name=save]")
    other.wait_for_selector("text=Registration data saved.")
    other_context.close()

    # Site staff, on the form they opened earlier, correct the height.
    page.fill("#id_height_cm", "175")
    _give_reason(page, "Data entry error", "typed 157")
    page.click("input[type=submit][name=save]")
    refusal = page.locator(".alert-danger, .alert-block").first
    refusal.wait_for()
    text = refusal.inner_text()
    assert "Someone else saved this form after you opened it" in text
    assert "investigator" in text and "70.4" in text
    # Each field that differs is shown three ways: opened, saved by them, entered.
    weight = page.locator("#conflicts tr[data-conflict-field=weight_kg]")
    shown = [weight.locator(f".conflict-{c}").inner_text() for c in ("opened", "theirs", "mine")]
    assert shown == [opened, "70.4", opened]
    # Nothing typed is lost: the height is still on the page, and the weight the
    # investigator saved shows in place of the one opened; the stored data is theirs.
    assert page.input_value("#id_height_cm") == "175"
    assert page.input_value("#id_weight_kg") == "70.4"
    subject = Subject.objects.get(screening_number="SYSU3-004")
    assert str(subject.weight_kg) == "70.4" and subject.version == 2

    # Staff save again, without retyping anything: both changes are kept.
    _give_reason(page, "Data entry error", "typed 157")
    page.click("input[type=submit][name=save]")
    page.wait_for_selector("text=Registration data saved.")
    subject.refresh_from_db()
    assert (str(subject.height_cm), str(subject.weight_kg), subject.version) == (
        "175.0",
        "70.4",
        3,
    )
