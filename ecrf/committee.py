"""Where each cohort stands on the way to the Safety Evaluation Committee (QH-1A).

[REG-B]: "Treatment will be administered in a sequential escalation ... based on safety
data from a 28-day observation period, which will be reviewed by a Safety Evaluation
Committee"; "After the three subjects in the 4-hour group completed their 4-week
follow-up, the Safety Evaluation Committee convened a meeting". Spec §5.4.

A subject's observation day is counted from their FINAL session (the start date of
their last session, in the site's time zone): the registry counts the cohort's 4-week
follow-up and the 28-day survival "after the final treatment", and spec §0 defines
FS+n as n calendar days after the final session (for the single-session cohorts the
first session is the final one). The observation ends on FS+N (N =
StudyOptions.committee_observation_days, 28 for QH-1A, as the protocol version in force
at the subject's site on their final session has it: issue 21, a study-level rule is
judged by the site's version on the date), or earlier when a disposition
ends the subject's participation (death counts as observed, spec §5.4 "completed
28-day observation (or died)"; a withdrawal leaves the subject not evaluable, for the
committee to weigh, e.g. by expanding the cohort).

cohort_states() answers for every arm of a study in a constant number of queries.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf import versions
from ecrf.models import Arm, CommitteeDecision, Decision, Disposition, Enrolment, Site, Study
from ecrf.models.clinical import StudyDisposition
from ecrf.protocol import Protocol

# The subject's disposition in force (a voided one is not): its status and date, for
# annotations.
_LIVE_DISPOSITION = Subquery(
    Disposition.objects.filter(subject=OuterRef("subject"), voided_at__isnull=True).values(
        "status"
    )[:1]
)
_LIVE_DISPOSITION_DATE = Subquery(
    Disposition.objects.filter(subject=OuterRef("subject"), voided_at__isnull=True).values(
        "disposition_date"
    )[:1]
)


class CohortState(models.TextChoices):
    NOT_OPEN = "not_open", _("Not open (awaiting the committee's decision on the previous cohort)")
    CLOSED = "closed", _("Closed by the committee")
    ENROLLING = "enrolling", _("Enrolling")
    FULL = "full", _("Full: treatment pending")
    OBSERVATION = "observation", _("In observation")
    AWAITING = "awaiting", _("Awaiting the Safety Evaluation Committee")
    OBSERVED = "observed", _("Observation complete")
    DECIDED = "decided", _("Decided by the committee")


@dataclass(frozen=True)
class SubjectObservation:
    screening_number: str
    final_session: dt.date | None  # start date of the last session, site time zone
    day: int | None  # FS+day today; None before the first session
    ends_on: dt.date | None  # FS + observation days
    ended_by: str = ""  # a disposition that ended participation early (display label)
    complete: bool = False  # observed to FS+N, or participation ended
    ended_on: dt.date | None = None  # that disposition's date
    # N of FS+N: the version in force at the subject's site on the final session.
    observation_days: int | None = None

    @property
    def observed_until(self) -> dt.date | None:
        """The end of the subject's observation: FS+N, or the disposition that ended it
        earlier (spec T7 "reached FS+28 (or died/withdrew)")."""
        if self.ended_by and self.ended_on is not None:
            return min(self.ended_on, self.ends_on) if self.ends_on else self.ended_on
        return self.ends_on


@dataclass
class CohortStatus:
    arm: Arm
    state: str
    enrolled: int
    observation_days: int
    subjects: list[SubjectObservation] = field(default_factory=list)
    decision: CommitteeDecision | None = None  # the latest decision on this arm

    @property
    def state_label(self):
        return CohortState(self.state).label

    @property
    def awaiting_committee(self) -> bool:
        return self.state == CohortState.AWAITING

    @property
    def observation_ends(self) -> dt.date | None:
        """The day the cohort's last subject completes observation, once all are treated."""
        ends = [s.ends_on for s in self.subjects if not s.ended_by]
        if not self.subjects or any(e is None for e in ends):
            return None
        return max(ends, default=None)


def _local(moment: dt.datetime, time_zone: str) -> dt.date:
    return timezone.localtime(moment, zoneinfo.ZoneInfo(time_zone)).date()


def cohort_states(study: Study, *, today: dt.date | None = None) -> list[CohortStatus]:
    """Every arm of the study with its state, in arm order: four queries in all (the
    arms with their head-counts, the enrolled subjects with their final session and
    disposition, the committee's decisions, the versions in force at the sites), whatever
    the number of subjects."""
    in_force = versions.InForce(study.pk)
    # Explicit order: Django leaves Meta.ordering out of aggregating (GROUP BY) queries.
    arms = list(
        study.arms.annotate(
            enrolled=Count("enrolments", filter=Q(enrolments__voided_at=None))
        ).order_by("order")
    )
    enrolments = (
        Enrolment.objects.filter(arm__study=study)
        .select_related("subject__site")
        .annotate(disposition_status=_LIVE_DISPOSITION, disposition_date=_LIVE_DISPOSITION_DATE)
        .annotate(
            final_start=Max(
                "subject__sessions__started_at",
                filter=Q(subject__sessions__voided_at__isnull=True),
            )
        )
        .order_by("subject__screening_number")
    )
    by_arm: dict[int, list[SubjectObservation]] = {}
    for enrolment in enrolments:
        subject = enrolment.subject
        site_today = today or timezone.localdate(timezone=zoneinfo.ZoneInfo(subject.site.time_zone))
        final = (
            _local(enrolment.final_start, subject.site.time_zone) if enrolment.final_start else None
        )
        status = enrolment.disposition_status
        ended_by = str(StudyDisposition(status).label) if status else ""
        days = None
        if final:
            protocol = in_force.protocol(subject.site_id, on=final, default=study.protocol)
            days = protocol.options.committee_observation_days
        ends_on = final + dt.timedelta(days=days) if final else None
        by_arm.setdefault(enrolment.arm_id, []).append(
            SubjectObservation(
                screening_number=subject.screening_number,
                final_session=final,
                day=(site_today - final).days if final else None,
                ends_on=ends_on,
                observation_days=days,
                ended_by=ended_by,
                complete=bool(ended_by) or (ends_on is not None and site_today >= ends_on),
                ended_on=enrolment.disposition_date,
            )
        )
    latest: dict[int, CommitteeDecision] = {}
    stopped_after: int | None = None  # the order of a cohort the committee stopped at
    orders = {arm.pk: arm.order for arm in arms}
    for decision in CommitteeDecision.objects.filter(study=study).order_by("signed_at"):
        latest[decision.arm_id] = decision
        if decision.decision in (Decision.STOP, Decision.SET_MTD):
            stopped_after = orders.get(decision.arm_id)
    committee = study.protocol.safety_committee
    # The cohort's N shown beside its subjects' (the same unless a version in force at
    # one site changed it): the longest of its treated subjects', else the registered one.
    default = study.protocol.options.committee_observation_days
    statuses = []
    for arm in arms:
        subjects = by_arm.get(arm.pk, [])
        days = max((s.observation_days for s in subjects if s.observation_days), default=default)
        statuses.append(_status(arm, subjects, latest.get(arm.pk), days, committee, stopped_after))
    return statuses


def _status(arm, subjects, decision, days, committee, stopped_after) -> CohortStatus:
    status = CohortStatus(arm, "", arm.enrolled, days, subjects, decision)
    if decision is not None and decision.decision != Decision.EXPAND:
        status.state = CohortState.DECIDED
    elif not arm.is_open and not subjects:
        closed = stopped_after is not None and arm.order > stopped_after
        status.state = CohortState.CLOSED if closed else CohortState.NOT_OPEN
    elif arm.is_open and arm.enrolled < arm.capacity:
        status.state = CohortState.ENROLLING
    elif any(s.final_session is None and not s.ended_by for s in subjects):
        status.state = CohortState.FULL
    elif not all(s.complete for s in subjects):
        status.state = CohortState.OBSERVATION
    else:
        status.state = CohortState.AWAITING if committee else CohortState.OBSERVED
    return status


def cohort_status(arm: Arm, *, today: dt.date | None = None) -> CohortStatus:
    """One arm's status (computed with its study's, which the stop rule needs)."""
    for status in cohort_states(arm.study, today=today):
        if status.arm.pk == arm.pk:
            return status
    raise LookupError(arm)


# --- A cohort as it stood on a past date (issue 18; spec T7) ---------------------------


@dataclass(frozen=True)
class CohortOnDate:
    """Whether a cohort took subjects on a past date, judged by its declaration and the
    committee decisions signed on or before that date (a decision takes effect when
    signed, not on its meeting date)."""

    open: bool
    capacity: int
    # The first day from the judged date to today on which the cohort had no free place
    # (its subjects enrolled by then against its capacity then); None: a place every day.
    full_on: dt.date | None
    enrolled: int  # on full_on, or on the judged date


def cohort_on(arm: Arm, day: dt.date, *, today: dt.date, site: Site) -> CohortOnDate:
    """The cohort `arm` as it stood on `day`, and whether it had a free place on every
    date from `day` to `today` for one more subject, as judged at `site` (the enrolling
    subject's): its size by the protocol version in force there on each date (issue 21,
    cohort_capacity). The caller holds the arm's row lock.

    The committee's decisions are replayed in the order they were signed, as
    actions.committee_decide applied them. A cohort no decision ever concerned keeps its
    current state: it was opened, if at all, at study start or outside the committee's
    record (the admin), and there is nothing to replay."""
    zone = zoneinfo.ZoneInfo(site.time_zone)
    in_force = versions.InForce(arm.study_id)
    decisions = list(
        CommitteeDecision.objects.filter(study=arm.study_id)
        .select_related("arm")
        .order_by("signed_at")
    )
    concerned = [d for d in decisions if arm.pk in (d.arm_id, d.opened_arm_id)]
    expansions = [d for d in concerned if d.arm_id == arm.pk and d.decision == Decision.EXPAND]
    # The capacity before any expansion (declared, or set in the admin), then each
    # expansion from the day it was signed.
    base = arm.capacity - sum(d.additional_subjects for d in expansions)

    def capacity_on(date: dt.date) -> int:
        signed = [d for d in expansions if d.signed_at.astimezone(zone).date() <= date]
        protocol = in_force.protocol(site.pk, on=date, default=arm.study.protocol)
        return base + capacity_change(arm, protocol) + sum(d.additional_subjects for d in signed)

    is_open = arm.is_open
    if concerned:
        protocol = in_force.protocol(site.pk, on=day, default=arm.study.protocol)
        is_open = protocol.arm(arm.code).opens_at_study_start
        for decision in decisions:
            if decision.signed_at.astimezone(zone).date() > day:
                break
            if decision.opened_arm_id == arm.pk:
                is_open = True
            if decision.arm_id == arm.pk:
                is_open = decision.decision == Decision.EXPAND
            elif decision.decision == Decision.STOP and arm.order > decision.arm.order:
                is_open = False
    # The head-count only grows with the date and the capacity only with an expansion,
    # so the days to check are the judged one and each later enrolment's date.
    enrolled_by = list(Enrolment.objects.filter(arm=arm).values_list("enrolment_date", flat=True))
    dates = sorted({d for d in enrolled_by if day < d <= today} | {day})
    for date in dates:
        enrolled = sum(1 for d in enrolled_by if d <= date)
        if enrolled >= capacity_on(date):
            return CohortOnDate(is_open, capacity_on(date), date, enrolled)
    return CohortOnDate(is_open, capacity_on(day), None, sum(1 for d in enrolled_by if d <= day))


def capacity_change(arm: Arm, protocol: Protocol) -> int:
    """How many places a protocol version adds to a cohort (or takes from it) against
    the protocol its row was created from (study.protocol, as registered): the row's
    capacity is that declaration's plus the committee's expansions (protocol_sync keeps
    it), so a version that changes a cohort's size changes it by the difference."""
    try:
        declared = protocol.arm(arm.code).capacity
    except KeyError:  # a cohort the version does not declare: its size unchanged
        return 0
    return declared - arm.study.protocol.arm(arm.code).capacity


def cohort_capacity(arm: Arm, *, site: Site, on: dt.date) -> int:
    """The cohort's size on a date as judged at a site (rule_cohort_capacity; issue 21:
    a study-level rule, by the version in force at the site on the date): its row's
    capacity, the committee's expansions included, changed by that version."""
    return arm.capacity + capacity_change(arm, versions.protocol_in_force(site, on=on))


# --- The cohort report for the committee (spec §5.4 "Data package reviewed by the SEC") ---

# Key liver and coagulation markers, baseline vs latest (spec §1.4 biochemical endpoints).
KEY_LABS = ("BILI", "INR", "ALT", "AMMONIA")


@dataclass(frozen=True)
class LabChange:
    screening_number: str
    test: object  # ecrf.lab_catalogue.LabTest
    baseline: object  # LabResult: the last before the first session (else the first)
    latest: object  # LabResult: the most recent

    @property
    def change(self):
        if self.baseline.pk == self.latest.pk:
            return None
        return self.latest.standard_value - self.baseline.standard_value


@dataclass
class CohortReport:
    status: CohortStatus
    enrolments: list
    sessions: list
    deviations: list
    adverse_events: list
    grade_table: list  # rows (grade, all, related, serious)
    lab_changes: list[LabChange]

    @property
    def serious_events(self) -> list:
        return [ae for ae in self.adverse_events if ae.serious]

    @property
    def dlt_candidates(self) -> list:
        return [ae for ae in self.adverse_events if ae.dlt_candidate or ae.dlt]


def cohort_report(arm: Arm, sites) -> CohortReport:
    """Everything the committee reviews about one cohort's subjects at the given sites,
    in a fixed number of queries whatever the number of subjects."""
    from ecrf.deaths import DispositionFacts, FatalEvent, death_account, fs28_of
    from ecrf.lab_catalogue import CATALOGUE
    from ecrf.models import AdverseEvent, Deviation, LabResult, TreatmentSession
    from ecrf.models.adverse_events import Outcome
    from ecrf.safety import any_component_related

    status = cohort_status(arm)
    enrolments = list(
        Enrolment.objects.filter(arm=arm, subject__site__in=sites)
        .select_related("subject__site")
        .annotate(disposition_status=_LIVE_DISPOSITION)
        .order_by("subject__screening_number")
    )
    for enrolment in enrolments:
        # Not named `status`: that is the cohort's, returned in the report.
        live = enrolment.disposition_status
        enrolment.disposition_label = str(StudyDisposition(live).label) if live else ""
    subject_ids = [e.subject_id for e in enrolments]
    sessions = list(
        TreatmentSession.objects.filter(subject_id__in=subject_ids)
        .select_related("subject")
        .order_by("subject__screening_number", "number")
    )
    deviations = list(
        Deviation.objects.filter(subject_id__in=subject_ids)
        .select_related("subject", "session")
        .order_by("subject__screening_number", "occurred_on")
    )
    adverse_events = list(
        AdverseEvent.objects.filter(subject_id__in=subject_ids)
        .select_related("subject")
        .order_by("subject__screening_number", "number")
    )
    # Spec V11: a subject whose fatal AE, death date and survival status disagree is shown
    # unreconciled, with why, rather than with a date chosen among them (ecrf/deaths.py).
    dispositions = {
        d["subject_id"]: d
        for d in Disposition.objects.filter(subject_id__in=subject_ids).values(
            "subject_id", "status", "death_date", "survival_status_fs28"
        )
    }
    for enrolment in enrolments:
        subject = enrolment.subject
        enrolment.death = death_account(
            fatal_events=[
                FatalEvent.of(ae)
                for ae in adverse_events
                if ae.subject_id == subject.pk and ae.outcome == Outcome.FATAL
            ],
            disposition=DispositionFacts.of(dispositions.get(subject.pk)),
            fs28=fs28_of(
                [s for s in sessions if s.subject_id == subject.pk], subject.site.time_zone
            ),
        )
    grade_table = []
    for grade in range(1, 6):
        events = [ae for ae in adverse_events if ae.grade == grade]
        related = [
            ae
            for ae in events
            if any_component_related(ae.related_device, ae.related_cells, ae.related_procedure)
        ]
        grade_table.append((grade, len(events), len(related), sum(ae.serious for ae in events)))
    first_session = {}
    for session in sessions:
        first_session.setdefault(session.subject_id, session.started_at)
    results = (
        LabResult.objects.filter(
            subject_id__in=subject_ids, test_code__in=KEY_LABS, standard_value__isnull=False
        )
        .select_related("subject")
        .order_by("subject__screening_number", "test_code", "sampled_at")
    )
    series: dict[tuple, list] = {}
    for result in results:
        series.setdefault((result.subject.screening_number, result.test_code), []).append(result)
    lab_changes = []
    for (number, code), rows in series.items():
        start = first_session.get(rows[0].subject_id)
        before = [r for r in rows if start is None or r.sampled_at < start]
        baseline = before[-1] if before else rows[0]
        lab_changes.append(LabChange(number, CATALOGUE[code], baseline, rows[-1]))
    return CohortReport(
        status, enrolments, sessions, deviations, adverse_events, grade_table, lab_changes
    )
