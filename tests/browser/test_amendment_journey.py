"""Issue 21, done when: tried as a new user would, a data manager reads the diff of
QH-1A 1.0 -> 2.0, puts 2.0 in force at one site (SYSU3) with its ethics approval and an
e-signature, and sees that no stored value changed.

Version 2.0 is the demo's made-up one (studies/qh1a/demo_amendment.py): EX02 tightened,
AFP added at screening, a visit at FS+21, screening within 21 days (1.0 as registered:
[REG-B] "within 14 days"). Putting it in force moves nobody: subjects already screened
stay on their version until they re-consent, so every saved value at the site, each
form's rows and each deviation, reads the same before and after, in the page and in the
database. Screenshots in test-artifacts/."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from ecrf import actions
from ecrf.actions.sessions import session_record
from ecrf.models import Site, SiteVersion, Subject
from ecrf.models.core import today_in
from tests.browser.conftest import ARTIFACTS, log_in
from tests.browser.test_entry_forms_journey import axe_violations
from tests.conftest import demographics, eligible_answers
from tests.sessions.conftest import session_values

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT06996392"  # QH-1A; SYSU3 is on 1.0 in the demo, SYSU5 already on 2.0
SITE = "SYSU3"


def _subject_path(model, depth: int = 3) -> str | None:
    """The shortest lookup from a model's rows to their subject through its foreign keys
    ("" for the subject itself: a form's rows, a session's interruptions, a panel's
    results, their audit events), or None for a model that holds no subject's data."""
    if model is Subject:
        return ""
    if depth == 0:
        return None
    found = []
    for field in model._meta.concrete_fields:
        if field.many_to_one and field.related_model is not model:
            rest = _subject_path(field.related_model, depth - 1)
            if rest is not None:
                found.append(f"{field.name}__{rest}" if rest else field.name)
    return min(found, key=lambda path: path.count("__"), default=None)


def saved_values(site: Site) -> dict[str, list[dict]]:
    """Every row of the site's subjects, voided ones too: the registration, each form's
    rows, the deviations and the audit trail of them, keyed by model, in key order."""
    dump = {}
    for model in apps.get_models():
        path = _subject_path(model)
        if path is None:
            continue
        manager = getattr(model, "all_objects", model._default_manager)
        rows = manager.filter(**{f"{path}__site" if path else "site": site})
        dump[model._meta.label] = list(rows.order_by("pk").values())
    return dump


def _treated_17_days_after_screening(site: Site) -> Subject:
    """A subject screened 20 days ago and first treated 3 days ago: outside 1.0's 14
    days (a major deviation, SCREENING-WINDOW), inside 2.0's 21. Through the actions."""
    staff = get_user_model().objects.get(username="staff")
    today = today_in(site)
    screened = today - dt.timedelta(days=20)
    treated = today - dt.timedelta(days=3)
    subject = actions.subject_register(
        site=site, by=staff, **demographics(consent_date=screened, screening_date=screened)
    )
    actions.eligibility_record(subject=subject, answers=eligible_answers(site.study), by=staff)
    actions.subject_enrol(
        subject=subject,
        arm=site.study.arms.get(code="QH4H"),
        by=staff,
        enrolment_date=screened + dt.timedelta(days=1),
        planned_first_treatment=treated,
        reason="Enrolled on the ward; entered from the paper log.",
    )
    start = dt.datetime.combine(treated, dt.time(8), tzinfo=ZoneInfo(site.time_zone))
    session_record(
        subject=subject,
        by=staff,
        values=session_values(
            start,
            240,
            weight_kg=Decimal("65.0"),
            cell_lot="PTMSC-2612-01",
            device_serial="QH1A-0007",
        ),
        planned_minutes=240,
        device_checks={c.code: (True, "") for c in site.study.protocol.device_criteria},
    )
    return subject


def test_data_manager_reads_the_diff_and_puts_2_0_in_force(page, live_server, demo):
    ARTIFACTS.mkdir(exist_ok=True)
    site = Site.objects.get(code=SITE)
    late = _treated_17_days_after_screening(site)
    # Judged by 1.0's 14 days: the late first treatment (and the planned one) deviate.
    deviations = list(late.deviations.filter(rule="SCREENING-WINDOW", resolved=False))
    assert deviations
    before = saved_values(site)
    assert len(before["ecrf.Subject"]) == 6 and before["ecrf.Deviation"]
    assert before["ecrf.TreatmentSession"] and before["ecrf.LabResult"]  # reached by the keys
    today = today_in(site)

    log_in(page, live_server, "datamanager")
    page.click(f"text={STUDY}")
    page.click("#versions-link")
    assert f"{SITE}: 1.0" in page.inner_text("#in-force")
    assert "made up for the demo" in page.inner_text("#declared")

    # The diff: what 2.0 changes, and what it would change for each subject at SYSU3.
    page.click("#migration-plan-link")
    page.select_option("#id_site", SITE)
    page.select_option("#id_old", "1.0")
    page.select_option("#id_new", "2.0")
    page.click("#plan-form button[type=submit]")
    page.wait_for_selector("#changes")
    changes = page.inner_text("#changes")
    for shown in (
        "EX02",  # the exclusion tightened
        "vasopressors needed within 48 hours",
        "TUMOUR_MARKER.AFP",  # the lab test added
        "FS+21",  # the visit added
        "screening_window_days",  # 14 -> 21 days
        "1 to 21 days before the first session",
    ):
        assert shown in changes, shown
    assert "changes the meaning of saved values" not in changes
    assert "may be put in force here" in page.inner_text("#losses")
    impact = page.inner_text("#impact")
    for number in range(1, 7):
        assert f"{SITE}-00{number}" in impact
    assert "Form expected: FS+21" in impact  # the enrolled subjects' new follow-up visit
    # Were the late subject to re-consent, 2.0's 21 days would not find their deviation.
    late_row = page.locator("#impact tr", has_text=late.screening_number)
    assert "Deviation no longer found: SCREENING-WINDOW" in late_row.inner_text()
    page.screenshot(path=str(ARTIFACTS / "amendment_plan.png"), full_page=True)
    assert axe_violations(page) == []  # WCAG 2.1 A/AA, as the entry forms

    # Put 2.0 in force at SYSU3, signed: the ethics committee approved it yesterday.
    page.click("#put-in-force-link")
    form = page.locator("#put-in-force")
    sysu3 = form.locator("#id_site option", has_text=SITE).get_attribute("value")
    form.locator("#id_site").select_option(sysu3)
    form.locator("#id_number").select_option("2.0")
    form.locator("#id_ethics_approved_on").fill((today - dt.timedelta(days=1)).isoformat())
    form.locator("#id_in_force_from").fill(today.isoformat())
    form.locator("#id_password").fill("bal-demo-2026")
    form.locator("input[name=sign], button[name=sign]").click()
    page.wait_for_selector(f"text=Version 2.0 is in force at {SITE}")
    assert f"{SITE}: 2.0" in page.inner_text("#in-force")
    history = page.inner_text("#site-history")
    assert "Approved: this protocol version is in force at the site" in history
    page.screenshot(path=str(ARTIFACTS / "amendment_in_force.png"), full_page=True)
    assert axe_violations(page) == []

    row = SiteVersion.objects.get(site=site, version__number="2.0")
    assert row.signed_by.username == "datamanager"
    assert (row.ethics_approved_on, row.in_force_from) == (today - dt.timedelta(days=1), today)

    # Nothing saved changed: the casebook still reads version 1.0, the plan still finds
    # nothing lost, and every row of every subject at the site is as it was.
    page.goto(f"{live_server.url}/studies/{STUDY}/subjects/{SITE}-001/")
    assert page.inner_text("#protocol-version") == "Protocol version 1.0"
    page.goto(f"{live_server.url}/studies/{STUDY}/deviations/")
    assert late.screening_number in page.inner_text("main")
    assert list(late.deviations.filter(rule="SCREENING-WINDOW", resolved=False)) == deviations
    after = saved_values(site)
    assert after.keys() == before.keys()
    for label, rows in before.items():
        assert after[label] == rows, f"{label} changed when 2.0 was put in force"
