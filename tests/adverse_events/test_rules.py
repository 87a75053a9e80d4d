"""The AE rules of spec §2.11, §2.12, §5.3 and V11-V14, through the ae_report action."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ecrf import audit
from ecrf.actions import ProtocolRefusal
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions.integrity import StaleForm
from ecrf.models import DataQuery, Disposition, SaeReport
from ecrf.safety import SessionTiming
from tests.adverse_events.conftest import (
    ANAPHYLAXIS,
    HEPATIC_FAILURE,
    HYPOTENSION,
    INVESTIGATIONS_OTHER,
    SHANGHAI,
    sae_values,
    serious,
)
from tests.conftest import amend_options, reconsent_to

pytestmark = pytest.mark.django_db


def refused_rules(excinfo) -> set[str]:
    return {r.rule for r in excinfo.value.refusals}


def local(moment: dt.datetime) -> dict:
    """Onset date and time fields of an aware datetime, in the site's zone."""
    moment = moment.astimezone(SHANGHAI)
    return {
        "onset_date": moment.date(),
        "onset_time": moment.time().replace(second=0, microsecond=0),
    }


def test_ae_gets_the_next_number_term_and_soc(enrolled, report_ae):
    first, second = report_ae(enrolled), report_ae(enrolled, ctcae_code=HYPOTENSION)
    assert (first.number, second.number) == (1, 2)
    assert second.ctcae_term == "Hypotension" and second.soc == "Vascular disorders"
    assert first.timing == SessionTiming.BEFORE_FIRST_SESSION


def test_grade_must_exist_for_the_term(enrolled, report_ae):
    # Spec §2.11 / V11: "Only grades allowed for the chosen term (e.g. Anaphylaxis: 3-5)."
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, ctcae_code=ANAPHYLAXIS, grade=1)
    assert "Grade 1 does not exist for Anaphylaxis" in str(excinfo.value.message_dict["grade"])
    report_ae(enrolled, ctcae_code=ANAPHYLAXIS, grade=3)


def test_other_specify_term_needs_the_text(enrolled, report_ae):
    # Spec §2.11: an "Other, specify" CTCAE term carries the verbatim description.
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, ctcae_code=INVESTIGATIONS_OTHER)
    assert "other_specify" in excinfo.value.message_dict
    ae = report_ae(enrolled, ctcae_code=INVESTIGATIONS_OTHER, other_specify="Lipase raised")
    assert ae.ctcae_term == "Investigations - Other, specify"


def test_serious_needs_a_criterion(enrolled, report_ae):
    # Spec V12: "Serious = Y => >= 1 seriousness criterion" (hard).
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, sae=sae_values(), **serious(hospitalisation=False))
    assert "serious" in excinfo.value.message_dict


def test_every_relatedness_is_required(enrolled, report_ae):
    # Spec V13: relatedness to device, cells and procedure all answered for every AE.
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, related_device="", related_cells="", related_procedure="")
    assert {"related_device", "related_cells", "related_procedure"} <= set(
        excinfo.value.message_dict
    )


def test_grade_5_if_and_only_if_fatal(enrolled, report_ae):
    # Spec V11: "grade 5 <=> outcome fatal" (hard), both ways.
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, ctcae_code=HEPATIC_FAILURE, grade=5, outcome="not_recovered")
    assert "outcome" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, ctcae_code=HEPATIC_FAILURE, grade=4, outcome="fatal")
    assert "grade" in excinfo.value.message_dict
    fatal = report_ae(
        enrolled,
        ctcae_code=HEPATIC_FAILURE,
        grade=5,
        outcome="fatal",
        sae=sae_values(),
        **serious(results_in_death=True),
    )
    assert fatal.grade == 5


def fatal_on(subject, day):
    return {
        "ctcae_code": HEPATIC_FAILURE,
        "grade": 5,
        "outcome": "fatal",
        "resolved_date": day,
        "sae": sae_values(),
        **serious(results_in_death=True),
    }


def v11_queries(record):
    return list(
        DataQuery.objects.filter(
            object_id=record.pk,
            content_type__model=record._meta.model_name,
            rule="V11",
            automatic=True,
        )
    )


def test_fatal_ae_on_another_day_than_the_death_date_is_saved_and_queried(enrolled, report_ae):
    # Spec V11: "death date = AE end date = DS death date". Issue 18: "An entry that
    # contradicts another form raises an automatic query to the site, naming both records."
    death = enrolled.consent_date + dt.timedelta(days=1)
    Disposition.objects.create(
        subject=enrolled,
        status="died",
        disposition_date=death,
        death_date=death,
        created_by=enrolled.created_by,
    )
    wrong = report_ae(enrolled, **fatal_on(enrolled, enrolled.consent_date))
    assert wrong.pk is not None  # recorded, not refused
    (query,) = v11_queries(wrong)
    assert query.status == "open" and query.field == "outcome"
    assert "AE 1" in query.text and "disposition" in query.text
    right = report_ae(enrolled, **fatal_on(enrolled, death))
    assert right.resolved_date == death
    # AE 2 agrees with the disposition, but not with AE 1: both are named.
    (query,) = v11_queries(right)
    assert "AE 1" in query.text and "AE 2" in query.text


def test_fatal_ae_without_disposition_is_accepted(enrolled, report_ae):
    # The disposition's side checks the same rule when it is entered later.
    ae = report_ae(enrolled, **fatal_on(enrolled, enrolled.consent_date))
    assert ae.number == 1 and v11_queries(ae) == []


def test_serious_ae_needs_the_sae_supplement(enrolled, report_ae):
    # Spec V12: serious => SAE form with the awareness date.
    with pytest.raises(ProtocolRefusal) as excinfo:
        report_ae(enrolled, **serious())
    assert refused_rules(excinfo) == {"SAE-FORM"}


def test_awareness_before_onset_is_refused(enrolled, report_ae):
    # Spec §2.12: "Investigator awareness date/time ... >= AE start."
    onset = timezone.now() - dt.timedelta(hours=5)
    with pytest.raises(ProtocolRefusal) as excinfo:
        report_ae(
            enrolled,
            sae=sae_values(awareness_at=onset - dt.timedelta(hours=1)),
            **local(onset),
            resolved_date=None,
            ongoing=True,
            outcome="recovering",
            **serious(),
        )
    assert refused_rules(excinfo) == {"SAE-AWARENESS"}
    assert not SaeReport.objects.exists()


def test_sae_due_time_is_awareness_plus_site_report_hours(enrolled, report_ae, qh1a):
    # Spec §2.12 / §5.2: the site reports to the sponsor within 24 h of awareness [STD];
    # the hours are a per-study option (SafetyRules.site_report_hours).
    awareness = timezone.now() - dt.timedelta(hours=2)
    ae = report_ae(enrolled, sae=sae_values(awareness_at=awareness), **serious())
    assert ae.sae_report.site_report_due_at == awareness + dt.timedelta(hours=24)
    # Changed as the admin does: a new version (issue 21), the subject's once re-consented.
    version = amend_options(qh1a, {"safety": {"site_report_hours": 12}})
    ae = report_ae(enrolled, sae=sae_values(awareness_at=awareness), **serious())
    assert ae.sae_report.site_report_due_at == awareness + dt.timedelta(hours=24)
    reconsent_to(enrolled, version)
    ae = report_ae(enrolled, sae=sae_values(awareness_at=awareness), **serious())
    assert ae.sae_report.site_report_due_at == awareness + dt.timedelta(hours=12)


def test_onset_before_consent_is_refused(enrolled, report_ae):
    # Spec V14: "AE start >= consent date".
    day = enrolled.consent_date - dt.timedelta(days=1)
    with pytest.raises(ProtocolRefusal) as excinfo:
        report_ae(enrolled, onset_date=day, resolved_date=day)
    assert refused_rules(excinfo) == {"AE-START"}


def test_onset_time_required_on_a_session_day(enrolled, report_ae, make_session):
    # Spec §2.11: "Start date/time (time required if on a session day)".
    session = make_session(enrolled, start=timezone.now() - dt.timedelta(hours=30))
    day = session.started_at.astimezone(SHANGHAI).date()
    with pytest.raises(ProtocolRefusal) as excinfo:
        report_ae(enrolled, onset_date=day, resolved_date=day)
    assert refused_rules(excinfo) == {"AE-ONSET-TIME"}


def test_grade_3_related_hypotension_during_a_session_is_a_dlt_candidate(
    enrolled, report_ae, make_session
):
    # Spec §5.3 D2 [PROP]: hypotension grade >= 3 during or <= 24 h after a session,
    # at least possibly related to the BAL system.
    session = make_session(enrolled, start=timezone.now() - dt.timedelta(hours=30))
    onset = local(session.started_at + dt.timedelta(hours=1))
    ae = report_ae(
        enrolled,
        ctcae_code=HYPOTENSION,
        grade=3,
        related_device="possible",
        resolved_date=onset["onset_date"],
        **onset,
    )
    ae.refresh_from_db()
    assert ae.timing == SessionTiming.DURING_SESSION and ae.dlt_candidate is True
    unrelated = report_ae(
        enrolled,
        ctcae_code=HYPOTENSION,
        grade=3,
        related_device="unlikely",
        resolved_date=onset["onset_date"],
        **onset,
    )
    assert unrelated.dlt_candidate is False


def test_terminated_session_must_match_the_record(enrolled, report_ae, make_session):
    # Spec §2.11 "Action taken": terminated must have a matching session record (hard).
    session = make_session(enrolled, start=timezone.now() - dt.timedelta(hours=30))
    onset = local(session.started_at + dt.timedelta(hours=1))
    with pytest.raises(ProtocolRefusal) as excinfo:
        report_ae(enrolled, action_taken="terminated", resolved_date=onset["onset_date"], **onset)
    assert refused_rules(excinfo) == {"AE-ACTION-SESSION"}


def test_stale_form_is_refused(enrolled, report_ae, investigator_guangzhou):
    # StudyRecord.version: a form older than the stored AE is refused, not overwritten,
    # even when it gives a reason for change (issue 4, no lost updates).
    ae = report_ae(enrolled)
    with audit.reason("entry_error", "grade 2, not 1"):
        ae_actions.ae_update(adverse_event=ae, by=investigator_guangzhou, version=1, grade=2)
    with audit.reason("entry_error", "grade 3, not 1"), pytest.raises(StaleForm) as excinfo:
        ae_actions.ae_update(adverse_event=ae, by=investigator_guangzhou, version=1, grade=3)
    assert (excinfo.value.seen_version, excinfo.value.record.version) == (1, 2)
    ae.refresh_from_db()
    assert (ae.grade, ae.version) == (2, 2)


def test_review_is_for_monitors_of_the_site(
    enrolled, report_ae, monitor_guangzhou, monitor_beijing, staff_guangzhou
):
    # Issue 3: a monitor records who reviewed, when, and a comment; the AE is untouched.
    ae = report_ae(enrolled)
    review = ae_actions.ae_review(adverse_event=ae, by=monitor_guangzhou, comment=" SDV done ")
    assert (review.reviewer, review.comment) == (monitor_guangzhou, "SDV done")
    for user in (monitor_beijing, staff_guangzhou):
        with pytest.raises(ProtocolRefusal) as excinfo:
            ae_actions.ae_review(adverse_event=ae, by=user)
        assert refused_rules(excinfo) == {"REVIEW-ROLE"}
    ae.refresh_from_db()
    assert ae.version == 1


def test_end_before_start_or_in_the_future_is_refused(enrolled, report_ae):
    # Spec V14: "end >= start" (hard); dates are not in the future.
    with pytest.raises(ValidationError) as excinfo:
        report_ae(enrolled, resolved_date=enrolled.consent_date - dt.timedelta(days=1))
    assert "resolved_date" in excinfo.value.message_dict
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        report_ae(
            enrolled, onset_date=tomorrow, resolved_date=None, ongoing=True, outcome="recovering"
        )
    assert "onset_date" in excinfo.value.message_dict
