"""One death, told the same way everywhere (issue 18 item 5; spec V11 "grade 5 ⇔ outcome
fatal ⇔ death date = AE end date = DS death date", §2.14 "Survival status at FS+28").

The finding: a grade-5 AE (outcome fatal) was accepted for a subject whose disposition
says "alive at FS+28"; the endpoints page then listed the subject as dead on the AE's
date, SDTM DS said "completed", and nobody was asked. Now the AE is saved, a query asks
the site naming both records, and until they agree the endpoints, the committee report
and SDTM show the subject as unreconciled, never a date chosen among them.

A QH-1A subject of the 4-hour group, one session on T-40 (FS+28 = T-12).
"""

import pytest
from django.urls import reverse

from ecrf import audit
from ecrf.committee import cohort_report
from ecrf.deaths import DispositionFacts, FatalEvent, death_account
from ecrf.endpoints import Survival, study_endpoints
from ecrf.models import DataQuery
from ecrf.reports import cohort_report_pdf
from tests.adverse_events.conftest import HEPATIC_FAILURE, sae_values, serious
from tests.endpoints.conftest import T, day, dispose
from tests.exports.test_sdtm import export, record, usubjid

pytestmark = pytest.mark.django_db


@pytest.fixture
def alive_then_fatal(qh1a, treated, report_ae):
    """The demo finding: follow-up completed alive at FS+28, then a fatal AE on FS+20."""
    subject = treated(qh1a, 40)
    dispose(
        subject,
        "completed",
        12,
        survival_status_fs28="alive",
        last_known_alive=day(12),
    )
    ae = report_ae(
        subject,
        sae=sae_values(),
        ctcae_code=HEPATIC_FAILURE,
        verbatim_term="Progressive liver failure",
        grade=5,
        onset_date=day(20),
        resolved_date=day(20),
        action_taken="not_applicable",
        outcome="fatal",
        **serious(results_in_death=True),
    )
    return subject, ae


def test_the_fatal_ae_is_saved_and_the_site_is_asked_naming_both_records(alive_then_fatal):
    subject, ae = alive_then_fatal
    assert ae.pk and ae.grade == 5  # what happened is recorded
    query = DataQuery.objects.get(subject=subject, rule="V11")
    assert query.automatic and query.status == "open"  # open: waiting for the site
    assert query.object_id == ae.pk and query.field == "outcome"
    assert "AE 1" in query.text and "disposition" in query.text
    assert "alive at FS+28" in query.text


def test_endpoints_show_the_subject_unreconciled_not_dead_on_the_ae_date(qh1a, alive_then_fatal):
    subject, _ae = alive_then_fatal
    endpoints = study_endpoints(qh1a, qh1a.sites.all(), today=T)
    (row,) = endpoints.survival.rows
    assert row.status == Survival.UNRECONCILED and row.event_date is None
    assert "AE 1" in row.note
    assert endpoints.survival.favourable == 0 and endpoints.survival.unreconciled == 1
    (row,) = endpoints.transplant_free.rows
    assert row.status == Survival.UNRECONCILED and row.event_date is None


def test_endpoints_page_shows_unreconciled(client, qh1a, alive_then_fatal, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    response = client.get(reverse("ecrf:endpoints", kwargs={"registry_id": qh1a.registry_id}))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-status="unreconciled"' in page and 'id="survival_fs28-unreconciled"' in page


def test_committee_report_shows_the_subject_unreconciled(qh1a, alive_then_fatal):
    subject, _ae = alive_then_fatal
    report = cohort_report(subject.enrolment.arm, qh1a.sites.all())
    (enrolment,) = report.enrolments
    assert not enrolment.death.reconciled and enrolment.death.death_date is None
    assert cohort_report_pdf(report).startswith(b"%PDF")


def test_sdtm_leaves_dthfl_blank_flags_suppdm_and_ds_does_not_say_completed(
    qh1a, alive_then_fatal, tmp_path
):
    subject, _ae = alive_then_fatal
    _log, _archive, datasets = export(qh1a, tmp_path)
    dm = record(datasets["dm"][0], USUBJID=usubjid(subject))
    assert (dm.DTHFL, dm.DTHDTC) == ("", "")
    supp = datasets["suppdm"][0]
    flag = record(supp, USUBJID=usubjid(subject), QNAM="DTHUNREC")
    assert (flag.RDOMAIN, flag.IDVAR, flag.QVAL, flag.QORIG) == ("DM", "", "Y", "DERIVED")
    assert "AE 1" in record(supp, USUBJID=usubjid(subject), QNAM="DTHCONFL").QVAL
    ds = datasets["ds"][0]
    assert set(ds[ds.USUBJID == usubjid(subject)].DSDECOD) == {"INFORMED CONSENT OBTAINED"}


def test_once_the_site_corrects_the_disposition_the_death_is_told_once(
    qh1a, alive_then_fatal, tmp_path
):
    subject, _ae = alive_then_fatal
    with audit.reason("entry_error", "the subject died on FS+20"):
        dispose(subject, "died", 20, death_date=day(20), survival_status_fs28="dead")
    (row,) = study_endpoints(qh1a, qh1a.sites.all(), today=T).survival.rows
    assert (row.status, row.event_date) == (Survival.DEAD, day(20))
    _log, _archive, datasets = export(qh1a, tmp_path)
    dm = record(datasets["dm"][0], USUBJID=usubjid(subject))
    assert (dm.DTHFL, dm.DTHDTC) == ("Y", day(20).isoformat())
    assert "suppdm" not in datasets
    assert record(datasets["ds"][0], DSDECOD="DEATH").DSSTDTC == day(20).isoformat()


# --- The rule itself (ecrf/deaths.py), record by record ------------------------------------


def facts(status="died", death=None, survival=""):
    return DispositionFacts(status, death, survival)


@pytest.mark.parametrize(
    ("events", "disposition", "reconciled"),
    [
        # V11: AE end date = DS death date.
        ([FatalEvent(1, day(20))], facts(death=day(20), survival="dead"), True),
        ([FatalEvent(1, day(20))], facts(death=day(21), survival="dead"), False),
        # A fatal AE and a disposition that records no death.
        ([FatalEvent(1, day(20))], facts("completed", survival="alive"), False),
        # Two fatal AEs ending on different days.
        ([FatalEvent(1, day(20)), FatalEvent(2, day(19))], None, False),
        # §2.14: dead before FS+28 (T-12) but "alive at FS+28" on the disposition.
        ([], facts(death=day(20), survival="alive"), False),
        # Died after FS+28: alive at FS+28 is right, "dead" is not.
        ([], facts(death=day(5), survival="alive"), True),
        ([], facts(death=day(5), survival="dead"), False),
        # A death without a fatal AE is no contradiction (spec O10: progression may not
        # be recorded as an AE); nor a fatal AE before the disposition is entered.
        ([], facts(death=day(20), survival="dead"), True),
        ([FatalEvent(1, day(20))], None, True),
    ],
)
def test_death_account(events, disposition, reconciled):
    account = death_account(fatal_events=events, disposition=disposition, fs28=day(12))
    assert account.reconciled is reconciled
    if not reconciled:
        assert account.death_date is None and account.summary
