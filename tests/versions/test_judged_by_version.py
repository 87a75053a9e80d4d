"""Subjects on their version (issue 21 item 2, Done when): a subject on 1.0 keeps their
deviations, and a subject re-consented to 2.0 is judged by the new window. Version 2.0
is the demo's made-up one (studies/qh1a/demo_amendment.py: screening within 21 days
before the first treatment, 1.0 as registered: [REG-B] "within 14 days")."""

import datetime as dt

import pytest

from ecrf import actions, versions
from ecrf.actions.sessions import deviations_refresh
from ecrf.actions.versions import reconsent_record
from tests.conftest import NOW, TODAY, put_in_force

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
SCREENED = TODAY - 40 * DAY
VERSION_2_FROM = TODAY - 30 * DAY
RECONSENTED = TODAY - 25 * DAY
FIRST_SESSION = SCREENED + 18 * DAY  # 18 days: outside 1.0's 14, inside 2.0's 21


def _enrolled_with_a_session(qh1a, make_subject, make_session, by, *, reconsent):
    subject = make_subject(qh1a, "eligible", consent_date=SCREENED, screening_date=SCREENED)
    if reconsent:
        reconsent_record(
            subject=subject,
            by=by,
            number="2.0",
            reconsent_date=RECONSENTED,
            consent_version="v2.0",
        )
    actions.subject_enrol(
        subject=subject,
        arm=qh1a.arms.get(code="QH4H"),
        by=by,
        enrolment_date=FIRST_SESSION - 2 * DAY,
        planned_first_treatment=FIRST_SESSION,
        reason="Entered from the source after the fact.",
    )
    start = NOW - (TODAY - FIRST_SESSION).days * DAY
    make_session(subject, start=start)
    subject.refresh_from_db()
    deviations_refresh(subject=subject, by=by)
    return subject


def test_each_subject_is_judged_by_their_own_version(
    qh1a, guangzhou, make_subject, make_session, staff_guangzhou
):
    put_in_force(guangzhou, "2.0", on=VERSION_2_FROM)
    on_1 = _enrolled_with_a_session(
        qh1a, make_subject, make_session, staff_guangzhou, reconsent=False
    )
    on_2 = _enrolled_with_a_session(
        qh1a, make_subject, make_session, staff_guangzhou, reconsent=True
    )
    assert versions.subject_version(on_1).number == "1.0"
    assert versions.subject_version(on_2).number == "2.0"
    assert versions.subject_version(on_2, on=SCREENED).number == "1.0"
    # 1.0: 18 days from screening to the first session breaks "within 14 days".
    rules_1 = set(on_1.deviations.filter(resolved=False).values_list("rule", flat=True))
    assert "SCREENING-WINDOW" in rules_1
    # 2.0 (re-consented before enrolment): within 21 days, no deviation.
    rules_2 = set(on_2.deviations.filter(resolved=False).values_list("rule", flat=True))
    assert "SCREENING-WINDOW" not in rules_2
    # 2.0 going into force at the site changed nothing of the subject still on 1.0.
    deviations_refresh(subject=on_1, by=staff_guangzhou)
    assert set(on_1.deviations.filter(resolved=False).values_list("rule", flat=True)) == rules_1


def test_a_reconsent_is_audited_and_needs_the_version_in_force(
    qh1a, guangzhou, make_subject, staff_guangzhou
):
    subject = make_subject(qh1a, consent_date=SCREENED, screening_date=SCREENED)
    with pytest.raises(actions.ProtocolRefusal) as refused:
        reconsent_record(
            subject=subject,
            by=staff_guangzhou,
            number="2.0",
            reconsent_date=TODAY,
            consent_version="v2.0",
        )
    assert refused.value.refusals[0].rule == "RECONSENT-VERSION"  # not in force here yet
    put_in_force(guangzhou, "2.0", on=VERSION_2_FROM)
    record = reconsent_record(
        subject=subject,
        by=staff_guangzhou,
        number="2.0",
        reconsent_date=TODAY,
        consent_version="v2.0",
    )
    event = record.events.get()
    assert event.pgh_label == "insert" and event.protocol_version_id == record.protocol_version_id
    assert versions.subject_version(subject).number == "2.0"


def _deviations(subject):
    return list(
        subject.deviations.filter(rule="SCREENING-WINDOW")
        .order_by("pk")
        .values("pk", "rule", "description", "occurred_on", "severity", "resolved")
    )


def test_1_0_keeps_its_deviations_and_2_0_flags_by_its_own_21_days(
    qh1a, guangzhou, make_subject, make_session, staff_guangzhou
):
    # Issue 21, done when: "A subject on 1.0 keeps their deviations, and a subject on
    # 2.0 is judged by the new window." A first treatment 23 days after screening breaks
    # both 1.0's 14 days ([REG-B] "within 14 days") and the made-up 2.0's 21: each
    # subject's deviation cites the window of their own version.
    def treated(*, days, reconsent_on=None):
        subject = make_subject(qh1a, "eligible", consent_date=SCREENED, screening_date=SCREENED)
        if reconsent_on:
            reconsent_record(
                subject=subject,
                by=staff_guangzhou,
                number="2.0",
                reconsent_date=reconsent_on,
                consent_version="v2.0",
            )
        first = SCREENED + days * DAY
        actions.subject_enrol(
            subject=subject,
            arm=qh1a.arms.get(code="QH4H"),
            by=staff_guangzhou,
            enrolment_date=first - DAY,
            planned_first_treatment=first,
            reason="Entered from the source after the fact.",
        )
        make_session(subject, start=NOW - (TODAY - first).days * DAY)
        subject.refresh_from_db()
        deviations_refresh(subject=subject, by=staff_guangzhou)
        return subject

    on_1 = treated(days=23)
    kept = _deviations(on_1)
    assert kept and all("1 to 14 days" in d["description"] for d in kept)
    # 2.0 put in force at the site afterwards (back-dated to its ethics approval).
    put_in_force(guangzhou, "2.0", on=SCREENED + 2 * DAY)
    on_2 = treated(days=23, reconsent_on=SCREENED + 5 * DAY)
    assert versions.subject_version(on_2, on=SCREENED + 22 * DAY).number == "2.0"
    flagged = _deviations(on_2)
    assert flagged and all("1 to 21 days" in d["description"] for d in flagged)
    # The subject on 1.0 is not re-judged: the same rows, word for word.
    deviations_refresh(subject=on_1, by=staff_guangzhou)
    assert _deviations(on_1) == kept
