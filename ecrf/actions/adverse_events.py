"""Adverse events: report and correct an AE with its SAE supplement, and monitors' reviews
(spec §2.11, §2.12, §3.7, §5.2, §5.3).

Single-row checks live in AdverseEvent.clean() and SaeReport.clean(); the checks that look
at other records (consent, BAL sessions) are the rules below, each raised as a
ProtocolRefusal naming the rule and the form field it belongs to. A fatal event that the
disposition tells differently is saved and queried (spec V11, ecrf/deaths.py).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from ecrf import access, alerts, ctcae, safety, versions
from ecrf.actions.alerts import alerts_raise
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.integrity import check_change
from ecrf.actions.queries import death_record_queries
from ecrf.actions.rows import lock_subject_row
from ecrf.deaths import subject_death_account
from ecrf.models import (
    AdverseEvent,
    AdverseEventReview,
    Role,
    SaeReport,
    Subject,
    TreatmentSession,
)
from ecrf.models.adverse_events import SERIOUSNESS_CRITERIA, ActionTaken
from ecrf.protocol import Refusal

# The fields site staff enter; everything else on the AE is derived here.
AE_FIELDS = (
    "ctcae_code",
    "verbatim_term",
    "other_specify",
    "grade",
    "onset_date",
    "onset_time",
    "resolved_date",
    "ongoing",
    "serious",
    *SERIOUSNESS_CRITERIA,
    "related_device",
    "related_cells",
    "related_procedure",
    "expected",
    "action_taken",
    "outcome",
)
SAE_FIELDS = (
    "report_type",
    "awareness_at",
    "reported_to_sponsor_at",
    "reported_to_ethics_at",
    "sponsor_awareness_at",
    "regulatory_submitted_at",
    "narrative",
)

# Issue 3: monitors review AEs; the safety reviewer may record a review as well.
REVIEW_ROLES = frozenset({Role.MONITOR, Role.SAFETY_REVIEWER})


def safety_rules(subject: Subject, *, on: dt.date | None = None) -> safety.SafetyRules:
    """The [PROP] safety options (clocks, windows) of the subject's protocol version on
    the date (issue 21: an AE's clocks are the subject's version's on its onset)."""
    return versions.option_group("safety", safety.SafetyRules, subject=subject, on=on)


def onset_at(ae: AdverseEvent, time_zone: str) -> dt.datetime:
    """AE start as an aware datetime in the site's zone; a date alone counts from 00:00."""
    return dt.datetime.combine(
        ae.onset_date, ae.onset_time or dt.time.min, tzinfo=zoneinfo.ZoneInfo(time_zone)
    )


def may_review(user, site_id: int) -> bool:
    return access.role_at(user, site_id) in REVIEW_ROLES


# --- Rules across records ---------------------------------------------------------------


def rule_onset_after_consent(
    ae: AdverseEvent, subject: Subject, first_session_start, rules
) -> Refusal | None:
    """Spec V14: AE start >= consent date (or the first session, per the study's option)."""
    tz = zoneinfo.ZoneInfo(subject.site.time_zone)
    consent_at = dt.datetime.combine(subject.consent_date, dt.time.min, tzinfo=tz)
    message = safety.ae_start_error(
        onset_at(ae, subject.site.time_zone), consent_at, first_session_start, rules
    )
    return Refusal("AE-START", message, "onset_date") if message else None


def rule_onset_time_on_session_day(
    ae: AdverseEvent, sessions: list[TreatmentSession], time_zone: str
) -> Refusal | None:
    """Spec §2.11: the start time is required when the AE began on a session day."""
    if ae.onset_time is not None:
        return None
    tz = zoneinfo.ZoneInfo(time_zone)
    for s in sessions:
        if ae.onset_date in (s.started_at.astimezone(tz).date(), s.ended_at.astimezone(tz).date()):
            return Refusal(
                "AE-ONSET-TIME",
                _("Session %(n)d ran on this day: give the onset time.") % {"n": s.number},
                "onset_time",
            )
    return None


def rule_action_matches_session(
    ae: AdverseEvent, session: TreatmentSession | None
) -> Refusal | None:
    """Spec §2.11 "Action taken": an interrupted or terminated session must be the session
    the AE began in, and a terminated one must be recorded as stopped early (hard,
    cross-form)."""
    if ae.action_taken not in (ActionTaken.INTERRUPTED, ActionTaken.TERMINATED):
        return None
    if session is None:
        return Refusal(
            "AE-ACTION-SESSION",
            _("The event did not begin during a recorded BAL session, so no session was %(a)s.")
            % {"a": ActionTaken(ae.action_taken).label.lower()},
            "action_taken",
        )
    if ae.action_taken == ActionTaken.TERMINATED and session.completed_as_planned:
        return Refusal(
            "AE-ACTION-SESSION",
            _("Session %(n)d is recorded as completed as planned, not terminated early.")
            % {"n": session.number},
            "action_taken",
        )
    return None


def rule_awareness_after_onset(
    ae: AdverseEvent, awareness_at: dt.datetime, time_zone: str
) -> Refusal | None:
    """Spec §2.12: investigator awareness >= AE start."""
    if awareness_at < onset_at(ae, time_zone):
        return Refusal(
            "SAE-AWARENESS",
            _("Awareness cannot precede the onset of the event."),
            "awareness_at",
        )
    return None


# --- Derivations --------------------------------------------------------------------------


def _session_of(onset: dt.datetime, sessions: list[TreatmentSession]) -> TreatmentSession | None:
    for s in sessions:
        if s.started_at <= onset <= s.ended_at:
            return s
    return None


def _final_session_date(subject: Subject, sessions: list[TreatmentSession], tz) -> dt.date | None:
    """The final session's date once the arm's last session is recorded (FS of §1.5);
    None while more sessions may follow (the DLT window then stays open)."""
    enrolment = getattr(subject, "enrolment", None)
    if enrolment is None or not sessions:
        return None
    most = enrolment.arm.design.sessions_max
    if most is None or len(sessions) < most:
        return None
    return sessions[-1].ended_at.astimezone(tz).date()


def _derive(ae: AdverseEvent, subject: Subject, sessions, rules) -> TreatmentSession | None:
    """Store §2.11 timing and the §5.3 DLT candidate flag; return the AE's session."""
    onset = onset_at(ae, subject.site.time_zone)
    spans = [(s.started_at, s.ended_at) for s in sessions]
    ae.timing = safety.session_timing(onset, spans, rules)
    first_start = sessions[0].started_at if sessions else None
    facts = safety.DltFacts(
        ctcae_term=ae.ctcae_term,
        grade=ae.grade,
        related=safety.any_component_related(
            ae.related_device, ae.related_cells, ae.related_procedure
        ),
        timing=ae.timing,
        session_terminated=ae.action_taken == ActionTaken.TERMINATED,
        within_dlt_window=safety.in_dlt_window(
            onset,
            first_start,
            _final_session_date(subject, sessions, zoneinfo.ZoneInfo(subject.site.time_zone)),
            rules,
        ),
    )
    ae.dlt_candidate = safety.dlt_candidate(facts, rules)
    return _session_of(onset, sessions)


# --- Actions ------------------------------------------------------------------------------


def _save(ae: AdverseEvent, subject: Subject, sae: Mapping[str, Any] | None, by) -> AdverseEvent:
    if term := ctcae.load_terms().get(ae.ctcae_code):
        ae.ctcae_term, ae.soc = term.term, term.soc
    ae.full_clean(exclude=["subject", "created_by"])  # the locked rows, already checked
    rules = safety_rules(subject, on=ae.onset_date)
    sessions = list(subject.sessions.order_by("started_at"))
    session = _derive(ae, subject, sessions, rules)
    tz_name = subject.site.time_zone
    refusals = [
        rule_onset_after_consent(ae, subject, sessions[0].started_at if sessions else None, rules),
        rule_onset_time_on_session_day(ae, sessions, tz_name),
        rule_action_matches_session(ae, session),
    ]
    report = None
    if ae.serious:
        report = getattr(ae, "sae_report", None) if ae.pk else None
        if report is None:
            report = SaeReport(created_by=by)
        for name in SAE_FIELDS:
            if sae and name in sae:
                setattr(report, name, sae[name])
        if report.awareness_at is None:
            # Spec V12: a serious AE needs its SAE form with the awareness time.
            refusals.append(
                Refusal(
                    "SAE-FORM",
                    _("A serious event needs the SAE supplement with the awareness time."),
                    "awareness_at",
                )
            )
        else:
            refusals.append(rule_awareness_after_onset(ae, report.awareness_at, tz_name))
    refusals = [r for r in refusals if r]
    if refusals:
        raise ProtocolRefusal(refusals)
    ae.save()
    if report is not None:
        report.adverse_event = ae
        report.site_report_due_at = report.awareness_at + dt.timedelta(
            hours=rules.site_report_hours
        )
        report.full_clean(exclude=["created_by", "adverse_event"])
        report.save()
    # Spec V11: a fatal event that another form tells differently (the disposition's death
    # date or survival at FS+28, another fatal AE) is saved and queried, naming both.
    death_record_queries(subject, ae, subject_death_account(subject))
    return ae


@transaction.atomic
def ae_report(
    *, subject: Subject, by, sae: Mapping[str, Any] | None = None, **fields: Any
) -> AdverseEvent:
    """Report a new adverse event (spec §2.11), with its SAE supplement when serious.

    The AE number is the subject's next; the subject row is locked so that two reports
    cannot take the same number. Raises ProtocolRefusal naming each rule that failed.
    A serious or grade 5 event alerts the monitors and safety reviewers (issue 9): the
    alert is raised in this transaction and mailed once it commits.
    """
    subject = lock_subject_row(subject, "enrolment__arm")
    ae = AdverseEvent(subject=subject, created_by=by, **_entered(fields))
    # Voided AEs keep their numbers: a number never names two events.
    last = AdverseEvent.all_objects.filter(subject=subject).aggregate(last=Max("number"))["last"]
    ae.number = (last or 0) + 1
    ae = _save(ae, subject, sae, by)
    alerts_raise(
        adverse_event=ae, triggers=alerts.entry_triggers(ae, was_serious=None, old_grade=None)
    )
    return ae


@transaction.atomic
def ae_update(
    *,
    adverse_event: AdverseEvent,
    by,
    version: int | None = None,
    sae: Mapping[str, Any] | None = None,
    **fields: Any,
) -> AdverseEvent:
    """Correct or follow up an AE (e.g. its resolution). `version` is the one the form
    showed: a form older than the stored AE is refused (check_change: StaleForm). An AE
    that becomes serious or grade 5 alerts the monitors and safety reviewers (issue 9)."""
    subject = lock_subject_row(adverse_event.subject_id, "enrolment__arm")
    ae = AdverseEvent.objects.select_for_update().get(pk=adverse_event.pk)
    check_change(ae, version=version)
    was_serious, old_grade = ae.serious, ae.grade
    for name, value in _entered(fields).items():
        setattr(ae, name, value)
    ae = _save(ae, subject, sae, by)
    alerts_raise(
        adverse_event=ae,
        triggers=alerts.entry_triggers(ae, was_serious=was_serious, old_grade=old_grade),
    )
    return ae


def _entered(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(AE_FIELDS)
    if unknown:
        raise TypeError(f"Not AE entry fields: {', '.join(sorted(unknown))}")
    return dict(fields)


@transaction.atomic
def ae_review(*, adverse_event: AdverseEvent, by, comment: str = "") -> AdverseEventReview:
    """Record a monitor's review of an AE: who, when and a comment. The AE is not changed."""
    ae = (
        AdverseEvent.objects.select_for_update(of=("self",))
        .select_related("subject")
        .get(pk=adverse_event.pk)
    )
    if not may_review(by, ae.subject.site_id):
        raise ProtocolRefusal(
            [Refusal("REVIEW-ROLE", _("Only a monitor of the AE's site records reviews."))]
        )
    review = AdverseEventReview(adverse_event=ae, reviewer=by, comment=comment.strip())
    review.full_clean()
    review.save()
    return review


# --- Reading --------------------------------------------------------------------------------


def sae_clocks_of(ae: AdverseEvent, rules: safety.SafetyRules | None = None) -> list[safety.Clock]:
    """The reporting clocks of a serious AE (spec §5.2): none without an SAE report."""
    report = getattr(ae, "sae_report", None)
    if not ae.serious or report is None:
        return []
    rules = rules or safety_rules(ae.subject, on=ae.onset_date)
    related = safety.any_component_related(
        ae.related_device, ae.related_cells, ae.related_procedure
    )
    return safety.sae_clocks(
        rules,
        report.awareness_at,
        reported_to_sponsor_at=report.reported_to_sponsor_at,
        sponsor_awareness_at=report.sponsor_awareness_at,
        fatal_or_life_threatening=ae.grade == 5 or ae.results_in_death or ae.life_threatening,
        susar_or_device_related=safety.is_susar(ae.serious, related, ae.expected)
        or safety.relationship_is_related(ae.related_device),
        regulatory_submitted_at=report.regulatory_submitted_at,
    )
