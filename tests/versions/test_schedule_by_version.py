"""Expected visits and forms by the subject's version on the date of each visit (issue 21
item 2: "Subject-level rules (eligibility, windows, deviations, expected forms) are judged
by the subject's version on the date of the event"). Version 2.0 is the demo's made-up one
(studies/qh1a/demo_amendment.py): AFP (the tumour-marker panel) at screening, a visit at
FS+21 and a screening window of 21 days; 1.0 is QH-1A as registered ([REG-B]: follow-up
to day 14 after the final session in this schedule, screening "within 14 days")."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecrf import access, actions, versions
from ecrf.actions.rows import lock_subject_row
from ecrf.actions.versions import reconsent_record
from ecrf.lab_catalogue import Panel
from ecrf.lab_results import subject_panels
from ecrf.schedule import LABS, overdue_forms, subject_schedule
from tests.conftest import TODAY, put_in_force
from tests.integrity.test_conflicts import form_values, opened, save

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
SCREENED = TODAY - 40 * DAY
VERSION_2_FROM = TODAY - 30 * DAY
RECONSENTED = TODAY - 25 * DAY


def _enrolled(qh1a, make_subject, by, *, screened=SCREENED, first=TODAY - 20 * DAY):
    subject = make_subject(qh1a, "eligible", consent_date=screened, screening_date=screened)
    actions.subject_enrol(
        subject=subject,
        arm=qh1a.arms.get(code="QH4H"),
        by=by,
        enrolment_date=first - 2 * DAY,
        planned_first_treatment=first,
        reason="Entered from the source after the fact.",
    )
    subject.refresh_from_db()
    return subject


def _reconsent(subject, by, on):
    reconsent_record(
        subject=subject, by=by, number="2.0", reconsent_date=on, consent_version="v2.0"
    )
    subject.refresh_from_db()  # its re-consents are read afresh
    return subject


def _visits(subject):
    return {visit.code: visit for visit in subject_schedule(subject)}


def _screening_panels(subject):
    screening = subject_schedule(subject)[0]
    return next(f.panels for f in screening.forms if f.label == LABS)


@pytest.fixture
def version_2_at_guangzhou(guangzhou):
    put_in_force(guangzhou, "2.0", on=VERSION_2_FROM)


def test_a_subject_on_2_0_is_expected_at_fs21_and_for_afp_and_one_on_1_0_is_not(
    qh1a, guangzhou, make_subject, staff_guangzhou, version_2_at_guangzhou
):
    on_1 = _enrolled(qh1a, make_subject, staff_guangzhou)
    # Screened at the same site after 2.0 was put in force there: screened under 2.0.
    on_2 = _enrolled(qh1a, make_subject, staff_guangzhou, screened=TODAY - 22 * DAY)
    assert versions.subject_version(on_1).number == "1.0"
    assert versions.subject_version(on_2).number == "2.0"
    assert "FS+21" not in _visits(on_1)
    assert Panel.TUMOUR_MARKER not in _screening_panels(on_1)
    fs21 = _visits(on_2)["FS+21"]
    assert fs21.latest - fs21.target == 2 * DAY  # 21 ± 2 days after the final session
    assert [f.label for f in fs21.forms] == ["ecrf.vitalsigns", LABS]
    assert Panel.TUMOUR_MARKER in _screening_panels(on_2)
    # 2.0's screening window: 21 days before the first session, 1.0's 14.
    assert _visits(on_2)["SCR"].earliest == on_2.enrolment.planned_first_treatment - 21 * DAY
    assert _visits(on_1)["SCR"].earliest == on_1.enrolment.planned_first_treatment - 14 * DAY


def test_the_casebook_shows_what_each_subjects_version_expects(
    client, qh1a, guangzhou, make_subject, staff_guangzhou, version_2_at_guangzhou
):
    on_1 = _enrolled(qh1a, make_subject, staff_guangzhou)
    on_2 = _reconsent(_enrolled(qh1a, make_subject, staff_guangzhou), staff_guangzhou, RECONSENTED)
    client.force_login(staff_guangzhou)

    def casebook(subject):
        args = [qh1a.registry_id, subject.screening_number]
        return client.get(reverse("ecrf:casebook", args=args)).content.decode()

    assert "FS+21" in casebook(on_2)
    assert "FS+21" not in casebook(on_1)


def test_a_reconsent_judges_visits_after_it_and_none_before(
    qh1a, guangzhou, make_subject, staff_guangzhou, version_2_at_guangzhou
):
    """Re-consented after screening: the screening stays judged by 1.0 (no AFP asked of
    it); what comes after the re-consent by 2.0: the first session's window from
    screening (21 days, as its deviation is judged on the session's date) and FS+21."""
    subject = _reconsent(
        _enrolled(qh1a, make_subject, staff_guangzhou), staff_guangzhou, RECONSENTED
    )
    assert Panel.TUMOUR_MARKER not in _screening_panels(subject)
    assert _visits(subject)["SCR"].earliest == subject.enrolment.planned_first_treatment - 21 * DAY
    assert "FS+21" in _visits(subject)
    # Re-consented only after the day FS+21 would have fallen on: it was never expected.
    late = _enrolled(qh1a, make_subject, staff_guangzhou, first=TODAY - 36 * DAY)
    assert _visits(late)["FS+14"].target < TODAY - 7 * DAY
    _reconsent(late, staff_guangzhou, TODAY)
    assert versions.subject_version(late).number == "2.0"
    assert "FS+21" not in _visits(late)


def test_the_overdue_list_reads_each_subjects_versions_in_a_fixed_number_of_queries(
    qh1a,
    guangzhou,
    make_subject,
    staff_guangzhou,
    version_2_at_guangzhou,
    django_assert_num_queries,
):
    from ecrf.models import Subject

    def overdue():
        subjects = list(
            versions.with_versions(Subject.objects.filter(study=qh1a)).select_related(
                "study", "site", "enrolment__arm"
            )
        )
        with django_assert_num_queries(4):  # the schedule's records; versions come loaded
            return overdue_forms(subjects)

    _enrolled(qh1a, make_subject, staff_guangzhou, first=TODAY - 36 * DAY)
    one = overdue()
    for _ in range(2):
        _reconsent(
            _enrolled(qh1a, make_subject, staff_guangzhou, first=TODAY - 36 * DAY),
            staff_guangzhou,
            RECONSENTED,
        )
    assert len(overdue()) > len(one)


def test_subjects_screened_before_versions_were_recorded_read_as_1_0_in_fixed_queries(
    qh1a, guangzhou, make_subject, staff_guangzhou, django_assert_num_queries
):
    """Migration 0032 left Subject.protocol_version empty for subjects screened before
    versions were recorded: they read as 1.0, and a list of them finds it once."""
    from ecrf.models import Subject

    for _ in range(3):
        _enrolled(qh1a, make_subject, staff_guangzhou, first=TODAY - 36 * DAY)
    Subject.objects.filter(study=qh1a).update(protocol_version=None)
    subjects = list(
        versions.with_versions(Subject.objects.filter(study=qh1a)).select_related(
            "study", "site", "enrolment__arm"
        )
    )
    with django_assert_num_queries(5):  # the schedule's records and the studies' 1.0
        found = overdue_forms(subjects)
    assert found and {versions.subject_version(s).number for s in subjects} == {"1.0"}


# --- A save that read the subject before its re-consent (issue 20: the lab save's lock) ---


def _as_a_page_reads(subject, user):
    """The subject as the lab form's view reads it: with whether it has a re-consent."""
    read = access.study_subject_or_404(
        user,
        subject.study.registry_id,
        subject.screening_number,
        related=("site", "protocol_version__study"),
        flag_reconsents=True,
    )
    subject_panels(read)  # the page asks which panels it collects: its versions loaded
    return read


def test_a_reconsent_is_a_new_version_of_the_subject(
    qh1a, guangzhou, make_subject, staff_guangzhou, version_2_at_guangzhou
):
    subject = _enrolled(qh1a, make_subject, staff_guangzhou)
    before = subject.version
    assert _reconsent(subject, staff_guangzhou, RECONSENTED).version == before + 1


def test_a_save_that_read_the_subject_before_a_reconsent_is_judged_by_it(
    qh1a, guangzhou, make_subject, staff_guangzhou, version_2_at_guangzhou
):
    subject = _enrolled(qh1a, make_subject, staff_guangzhou)
    read = _as_a_page_reads(subject, staff_guangzhou)
    assert Panel.TUMOUR_MARKER not in subject_panels(read)
    _reconsent(subject, staff_guangzhou, RECONSENTED)  # another user's save, in between
    with transaction.atomic():
        locked = lock_subject_row(read, as_read=True)
    assert locked is not read  # read again: its version moved
    assert Panel.TUMOUR_MARKER in subject_panels(locked)


def test_a_subject_unchanged_since_it_was_read_is_only_locked(
    qh1a, guangzhou, make_subject, staff_guangzhou
):
    read = _as_a_page_reads(_enrolled(qh1a, make_subject, staff_guangzhou), staff_guangzhou)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        locked = lock_subject_row(read, as_read=True)
    assert locked is read
    [statement] = [q["sql"] for q in queries.captured_queries]
    assert statement.endswith("FOR UPDATE") and " JOIN " not in statement


def test_a_registration_form_opened_before_a_reconsent_is_refused_as_stale_then_saved(
    qh1a, guangzhou, make_subject, staff_guangzhou, version_2_at_guangzhou
):
    # The re-consent is a new version of the subject: the form opened before it may ask
    # another version's fields, and is shown again before anything is saved over it.
    subject = _enrolled(qh1a, make_subject, staff_guangzhou)
    address = reverse("ecrf:subject_edit", args=[qh1a.registry_id, subject.screening_number])
    client, values = opened(staff_guangzhou, address)
    _reconsent(subject, staff_guangzhou, RECONSENTED)
    refused = save(client, address, values, weight_kg="71.5")
    assert refused.status_code == 422
    assert "Someone else saved this form after you opened it" in refused.content.decode()
    assert save(client, address, form_values(refused)).status_code == 302
    subject.refresh_from_db()
    assert subject.weight_kg == Decimal("71.5")
