"""The eligibility checklist and the lab panels expected of a subject, by their protocol
version (issue 21 item 2). Version 2.0 is the demo's made-up one (studies/qh1a/
demo_amendment.py: EX02 tightened, AFP at screening, FS+21); 1.0 is QH-1A as registered
(shared/protocol/NCT06996392-qh-1a.txt: EX02 "Circulatory failure")."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from ecrf import actions, versions
from ecrf.actions.labs import lab_panel_record
from ecrf.actions.versions import reconsent_record
from ecrf.lab_catalogue import Panel
from ecrf.lab_results import ResultEntry, expected_timepoints, subject_panels
from studies.qh1a.demo_amendment import MADE_UP
from tests.conftest import NOW, TODAY, put_in_force

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
SCREENED = TODAY - 40 * DAY
VERSION_2_FROM = TODAY - 30 * DAY
SCREENED_UNDER_2 = TODAY - 22 * DAY


def _checklist_page(client, subject):
    args = [subject.study.registry_id, subject.screening_number]
    return client.get(reverse("ecrf:eligibility", args=args)).content.decode()


def test_the_checklist_of_a_subject_on_1_0_is_unchanged_after_2_0_is_put_in_force(
    client, qh1a, guangzhou, make_subject, staff_guangzhou
):
    """Issue 21: "Changing it changes the rules for every subject already in the study:
    their eligibility ... re-judged by rules they never consented under" is what versions
    prevent. The checklist is judged by the version on the screening date."""
    on_1 = make_subject(qh1a, "eligible", consent_date=SCREENED, screening_date=SCREENED)
    client.force_login(staff_guangzhou)
    before = actions.eligibility_of(on_1)
    assert before.eligible and before.complete
    assert MADE_UP not in _checklist_page(client, on_1)

    put_in_force(guangzhou, "2.0", on=VERSION_2_FROM)
    assert actions.eligibility_of(on_1) == before
    assert MADE_UP not in _checklist_page(client, on_1)
    # Re-consented to 2.0 after screening: the screening stays judged by 1.0.
    reconsent_record(
        subject=on_1, by=staff_guangzhou, number="2.0", reconsent_date=TODAY, consent_version="v2"
    )
    on_1.refresh_from_db()
    assert versions.subject_version(on_1).number == "2.0"
    ex02 = next(c for c in actions.screening_protocol(on_1).criteria if c.code == "EX02")
    assert MADE_UP not in ex02.text
    assert actions.eligibility_of(on_1) == before
    # A subject screened at the site under 2.0 is asked 2.0's EX02.
    on_2 = make_subject(qh1a, consent_date=SCREENED_UNDER_2, screening_date=SCREENED_UNDER_2)
    assert MADE_UP in _checklist_page(client, on_2)


def _afp(subject, by):
    entry = ResultEntry("AFP", Decimal("5"), "ng/mL")
    entry.standard_value = Decimal("5")
    return lab_panel_record(
        subject=subject,
        panel=Panel.TUMOUR_MARKER,
        timepoint="BASELINE",
        sampled_at=NOW - DAY,
        entries=[entry],
        by=by,
    )


def test_afp_is_collected_of_a_subject_on_2_0_only(
    client, qh1a, guangzhou, make_subject, make_session, staff_guangzhou
):
    # Enrolled today: screened within 14 days before the first treatment.
    screened = {"consent_date": TODAY - 10 * DAY, "screening_date": TODAY - 10 * DAY}
    on_1 = make_subject(qh1a, "enrolled", **screened)
    put_in_force(guangzhou, "2.0", on=TODAY - 5 * DAY)
    screened = {"consent_date": TODAY - 3 * DAY, "screening_date": TODAY - 3 * DAY}
    on_2 = make_subject(qh1a, "enrolled", **screened)
    assert Panel.TUMOUR_MARKER not in subject_panels(on_1)
    assert Panel.TUMOUR_MARKER in subject_panels(on_2)
    with pytest.raises(actions.ProtocolRefusal) as refused:
        _afp(on_1, staff_guangzhou)
    assert [r.rule for r in refused.value.refusals] == ["LAB-PANEL"]
    assert _afp(on_2, staff_guangzhou).panel == Panel.TUMOUR_MARKER
    # The lab page's columns: the panels collected of the subject.
    client.force_login(staff_guangzhou)
    for subject, shown in ((on_1, False), (on_2, True)):
        args = [qh1a.registry_id, subject.screening_number]
        page = client.get(reverse("ecrf:labs_subject", args=args)).content.decode()
        assert ("Tumour marker (AFP)" in page) is shown
    # After a session, the follow-up timepoints: FS+21's liver panel only under 2.0.
    for subject in (on_1, on_2):
        make_session(subject, 1, start=NOW - DAY)
    codes = {s: [t.code for t in expected_timepoints(s, s.sessions.all())] for s in (on_1, on_2)}
    assert "FS+21" in codes[on_2] and "FS+21" not in codes[on_1]
    assert "FS+14" in codes[on_1]


def test_the_protocol_page_shows_the_version_in_force_at_the_readers_site(
    client, qh1a, guangzhou, staff_guangzhou
):
    page = reverse("ecrf:protocol", args=[qh1a.registry_id])
    client.force_login(staff_guangzhou)
    assert "Follow-up day 21" not in client.get(page).content.decode()
    put_in_force(guangzhou, "2.0", on=VERSION_2_FROM)
    content = client.get(page).content.decode()
    assert "Follow-up day 21" in content and MADE_UP in content
    assert "the first session falls 1 to 21 days after screening" in content
    # Any published version on asking; one never published is not found.
    earlier = client.get(page, {"version": "1.0"}).content.decode()
    assert "Follow-up day 21" not in earlier and "1 to 14 days after screening" in earlier
    assert client.get(page, {"version": "9.9"}).status_code == 404


def test_an_enrolment_is_judged_by_the_checklist_as_asked_at_screening(
    settings, qh1a, guangzhou, make_subject, staff_guangzhou
):
    """Re-consented before enrolment to a version that asks a criterion of its own (the
    tests' 2.1: EX99), the subject is enrolled on the checklist asked at screening: the
    eligibility of an enrolment is judged by the version the checklist was (issue 21)."""
    settings.ECRF_DEMO_VERSIONS = [
        "studies.qh1a.demo_amendment",
        "tests.versions.amendment_adding_a_criterion",
    ]
    subject = make_subject(qh1a, "eligible", consent_date=TODAY - 5 * DAY)
    put_in_force(guangzhou, "2.1", on=TODAY - 2 * DAY)
    reconsent_record(
        subject=subject, by=staff_guangzhou, number="2.1", reconsent_date=TODAY, consent_version="3"
    )
    subject.refresh_from_db()
    assert "EX99" in {c.code for c in versions.protocol_for(subject).criteria}
    assert actions.eligibility_of(subject).eligible
    actions.subject_enrol(
        subject=subject,
        arm=qh1a.arms.get(is_open=True, order=1),
        by=staff_guangzhou,
        enrolment_date=TODAY,
        planned_first_treatment=TODAY + 2 * DAY,
    )
    assert subject.enrolment.enrolment_date == TODAY


def test_a_corrected_screening_date_puts_the_subject_under_the_version_in_force_on_it(
    qh1a, guangzhou, make_subject, staff_guangzhou
):
    """Screened and consented under the version in force at the site that day (issue 21):
    a screening date corrected to before 2.0 was in force puts the subject on 1.0."""
    from ecrf import audit

    put_in_force(guangzhou, "2.0", on=TODAY - 5 * DAY)
    subject = make_subject(qh1a, consent_date=TODAY - 3 * DAY, screening_date=TODAY - 3 * DAY)
    assert versions.subject_version(subject).number == "2.0"
    dates = {"consent_date": TODAY - 8 * DAY, "screening_date": TODAY - 8 * DAY}
    with audit.reason("entry_error", "Typed from the wrong page"):
        actions.subject_update(subject=subject, by=staff_guangzhou, **dates)
    subject.refresh_from_db()
    assert subject.protocol_version.number == "1.0"
    assert MADE_UP not in next(
        c.text for c in actions.screening_protocol(subject).criteria if c.code == "EX02"
    )
