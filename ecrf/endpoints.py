"""Trial endpoints computed from the entered data, each with its per-subject rows.

Nothing here is stored: every endpoint is derived on demand from the sessions,
dispositions, procedures, adverse events and lab results, so a corrected entry changes
the endpoint at once (spec §3.7 "derived"). Each study's protocol module lists the
endpoints its registry text names (Protocol.endpoints).

Day counting (spec §0): Day 1 is the date the first BAL session started, with no Day 0;
FS is the date the final session started and FS+n is n calendar days later, both in the
site's time zone. A subject is "treated" once a session is recorded; the denominators
are the treated subjects (spec §1.4 "Rate = alive/treated").

study_endpoints() answers for a whole study in a fixed number of queries, whatever the
number of subjects.
"""

from __future__ import annotations

import datetime as dt
import statistics
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecrf import versions
from ecrf.actions.sessions import session_passed
from ecrf.deaths import DispositionFacts, FatalEvent, death_account
from ecrf.lab_catalogue import CATALOGUE
from ecrf.lab_results import lab_rules, local_date, score_set
from ecrf.models import (
    AdverseEvent,
    ClinicalStatus,
    DeviceCheck,
    Disposition,
    LabResult,
    Procedure,
    Study,
    Subject,
    SubjectStatus,
    TreatmentSession,
)
from ecrf.models.adverse_events import Outcome
from ecrf.models.clinical import ProcedureName, StudyDisposition, SurvivalStatus
from ecrf.protocol import Endpoint

# [REG-B] "28-day survival rate after the final treatment": status at FS+28.
SURVIVAL_DAY = 28

# [REG-B] "biochemical markers"; spec §1.4 TBil, INR, ALT, ammonia and MELD.
LAB_ENDPOINT_TESTS = ("BILI", "INR", "ALT", "AMMONIA")
MELD = "MELD"
# Spec §2.10: anti-HLA class I/II (max MFI) and PRA at baseline, FS+14 and FS+28; DSA
# against the cell line (qualitative) for the de-novo DSA incidence.
IMMUNOGENICITY_TESTS = ("HLA1MFI", "HLA2MFI", "PRA")
IMMUNOGENICITY_DAYS = (14, 28)
DSA = "DSA"


def _local(moment: dt.datetime, time_zone: str) -> dt.date:
    return timezone.localtime(moment, zoneinfo.ZoneInfo(time_zone)).date()


@dataclass
class Course:
    """A treated subject's course: the sessions and the days counted from them."""

    subject: Subject
    arm_code: str
    sessions: list[TreatmentSession]
    today: dt.date  # at the subject's site

    @property
    def first_start(self) -> dt.datetime:
        return self.sessions[0].started_at

    @property
    def first_day(self) -> dt.date:
        return _local(self.sessions[0].started_at, self.subject.site.time_zone)

    @property
    def final_day(self) -> dt.date:
        return _local(self.sessions[-1].started_at, self.subject.site.time_zone)

    @property
    def final_number(self) -> int:
        return self.sessions[-1].number

    def fs(self, days: int) -> dt.date:
        return self.final_day + dt.timedelta(days=days)

    @property
    def fs28(self) -> dt.date:
        return self.fs(SURVIVAL_DAY)

    @property
    def fs_today(self) -> int:
        return (self.today - self.final_day).days

    def study_day(self, day: dt.date) -> int:
        """Spec §0: Day 1 = first session; no Day 0, so earlier days are negative."""
        offset = (day - self.first_day).days
        return offset + 1 if offset >= 0 else offset

    def fs_day(self, day: dt.date) -> int:
        return (day - self.final_day).days


# --- 28-day survival and transplant-free survival (spec §3.7) ------------------------


class Survival(models.TextChoices):
    ALIVE = "alive", _("Alive")
    DEAD = "dead", _("Dead")
    EVENT_FREE = "event_free", _("Alive without transplantation")
    EVENT = "event", _("Event")
    UNKNOWN = "unknown", _("Unknown")
    # Spec V11: the fatal AE, the death date and the survival status at FS+28 disagree;
    # no date is chosen among them until the site corrects the records.
    UNRECONCILED = "unreconciled", _("Unreconciled: the death records disagree")


class Unknown(models.TextChoices):
    """Why a status at FS+28 is unknown (spec §3.7: censored, not counted as alive)."""

    LOST = "lost", _("Lost to follow-up before FS+28")
    WITHDRAWN = "withdrawn", _("Withdrawn or left the study before FS+28")
    NOT_REACHED = "not_reached", _("FS+28 not yet reached")
    NOT_RECORDED = "not_recorded", _("FS+28 passed; status not recorded")


_LEFT = {
    StudyDisposition.WITHDREW,
    StudyDisposition.PHYSICIAN,
    StudyDisposition.SPONSOR,
    StudyDisposition.TRANSPLANTED,
}


@dataclass(frozen=True)
class SurvivalRow:
    course: Course
    status: str
    event_date: dt.date | None = None
    event: str = ""  # "death" or "transplant" (transplant-free survival)
    reason: str = ""  # an Unknown code
    note: str = ""

    @property
    def status_label(self):
        return Survival(self.status).label

    @property
    def reason_label(self):
        return Unknown(self.reason).label if self.reason else ""

    @property
    def study_day(self) -> int | None:
        return self.course.study_day(self.event_date) if self.event_date else None

    @property
    def fs_day(self) -> int | None:
        return self.course.fs_day(self.event_date) if self.event_date else None


@dataclass(frozen=True)
class SurvivalSummary:
    rows: list[SurvivalRow]
    good: str  # the status counted in the rate (alive, or alive without transplantation)

    @property
    def treated(self) -> int:
        return len(self.rows)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def favourable(self) -> int:
        return self.count(self.good)

    @property
    def rate(self) -> Decimal | None:
        """Spec §1.4: rate = alive / treated (unknowns stay in the denominator)."""
        return _percent(self.favourable, self.treated)

    @property
    def unreconciled(self) -> int:
        return self.count(Survival.UNRECONCILED)

    @property
    def unknown_by_reason(self) -> list[tuple[str, int]]:
        return [
            (label, n)
            for code, label in Unknown.choices
            if (n := sum(1 for row in self.rows if row.reason == code))
        ]


@dataclass(frozen=True)
class Outcomes:
    """What the casebook says about death, transplantation and follow-up."""

    death: dt.date | None
    dead_without_date: bool
    transplant: dt.date | None
    alive_at_fs28: bool
    left: str  # a StudyDisposition that ended follow-up, or ""
    left_on: dt.date | None
    unreconciled: str = ""  # why the death records disagree (spec V11), or ""


def _outcomes(course: Course, disposition, fatal: list[FatalEvent], transplants) -> Outcomes:
    fs28 = course.fs(SURVIVAL_DAY)
    # The death date every record agrees on (spec V11, ecrf/deaths.py): none is chosen
    # while the fatal AEs, the death date and the survival status disagree.
    account = death_account(
        fatal_events=fatal, disposition=DispositionFacts.of(disposition), fs28=fs28
    )
    death = account.death_date
    # Liver transplantation after treatment started is an event; a transplant before the
    # first session is history, not an outcome.
    lt_dates = [d for d in transplants if d >= course.first_day]
    if (
        disposition
        and disposition.transplant_date
        and disposition.transplant_date >= course.first_day
    ):
        lt_dates.append(disposition.transplant_date)
    alive = bool(
        disposition
        and (
            disposition.survival_status_fs28 == SurvivalStatus.ALIVE
            or (disposition.last_known_alive and disposition.last_known_alive >= fs28)
            or disposition.status == StudyDisposition.COMPLETED  # "completed FS+28 (EOS)"
        )
    )
    left = (
        disposition.status
        if disposition
        and disposition.status
        not in (
            StudyDisposition.COMPLETED,
            StudyDisposition.DIED,
        )
        else ""
    )
    return Outcomes(
        death=death,
        dead_without_date=bool(
            disposition and disposition.survival_status_fs28 == SurvivalStatus.DEAD
        ),
        transplant=min(lt_dates, default=None),
        alive_at_fs28=alive,
        left=left,
        left_on=(disposition.last_known_alive or disposition.disposition_date) if left else None,
        unreconciled=account.summary,
    )


def _unknown(course: Course, outcomes: Outcomes) -> tuple[str, str]:
    if outcomes.left == StudyDisposition.LOST:
        return Unknown.LOST, _censored(outcomes)
    if outcomes.left:
        return Unknown.WITHDRAWN, _censored(outcomes)
    if course.today < course.fs(SURVIVAL_DAY):
        return Unknown.NOT_REACHED, gettext("Today is FS+%(n)d.") % {"n": course.fs_today}
    return Unknown.NOT_RECORDED, ""


def _censored(outcomes: Outcomes) -> str:
    return gettext("%(disposition)s; last known alive %(date)s.") % {
        "disposition": StudyDisposition(outcomes.left).label,
        "date": outcomes.left_on.isoformat() if outcomes.left_on else "?",
    }


def survival_row(course: Course, outcomes: Outcomes) -> SurvivalRow:
    """Alive / dead / unknown at FS+28 (spec §3.7): a death on or before FS+28 is dead; a
    later death means alive at FS+28; otherwise alive needs evidence (status recorded
    alive, last known alive on or after FS+28, or follow-up completed)."""
    fs28 = course.fs(SURVIVAL_DAY)
    if outcomes.unreconciled:
        return SurvivalRow(course, Survival.UNRECONCILED, note=outcomes.unreconciled)
    if outcomes.death and outcomes.death <= fs28:
        return SurvivalRow(course, Survival.DEAD, outcomes.death, "death")
    if outcomes.death:
        note = gettext("Died on %(date)s, after FS+28.") % {"date": outcomes.death.isoformat()}
        return SurvivalRow(course, Survival.ALIVE, note=note)
    if outcomes.dead_without_date:
        return SurvivalRow(course, Survival.DEAD, note=gettext("Death date not recorded."))
    if outcomes.alive_at_fs28:
        return SurvivalRow(course, Survival.ALIVE)
    reason, note = _unknown(course, outcomes)
    return SurvivalRow(course, Survival.UNKNOWN, reason=reason, note=note)


def transplant_free_row(course: Course, outcomes: Outcomes) -> SurvivalRow:
    """Alive and without liver transplantation at FS+28 (spec §2.14, §3.7): death or
    transplantation on or before FS+28 is an event, whichever came first."""
    fs28 = course.fs(SURVIVAL_DAY)
    if outcomes.unreconciled:
        return SurvivalRow(course, Survival.UNRECONCILED, note=outcomes.unreconciled)
    events = [
        (day, kind)
        for day, kind in ((outcomes.death, "death"), (outcomes.transplant, "transplant"))
        if day and day <= fs28
    ]
    if events:
        day, kind = min(events)
        return SurvivalRow(course, Survival.EVENT, day, kind)
    survival = survival_row(course, outcomes)
    if survival.status == Survival.ALIVE:
        return SurvivalRow(course, Survival.EVENT_FREE, note=survival.note)
    if survival.status == Survival.DEAD:
        return SurvivalRow(course, Survival.EVENT, None, "death", note=survival.note)
    return SurvivalRow(course, Survival.UNKNOWN, reason=survival.reason, note=survival.note)


# --- Device performance (spec §2.8.3, §3.7) ------------------------------------------


@dataclass(frozen=True)
class DevicePerformance:
    """Each session PASS/FAIL and the pass rate (PASS sessions / sessions started),
    overall and by cohort. Also the device_performance page's data."""

    criteria: tuple
    rows: list[tuple[TreatmentSession, list[bool | None], bool | None]]
    by_arm: list[tuple[str, int, int, Decimal | None]]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def passed(self) -> int:
        return sum(1 for _s, _r, p in self.rows if p)

    @property
    def rate(self) -> Decimal | None:
        return _percent(self.passed, self.total)

    def by_subject(self) -> list[tuple[Subject, int, int]]:
        counts: dict[int, list] = {}
        for session, _results, passed in self.rows:
            entry = counts.setdefault(session.subject_id, [session.subject, 0, 0])
            entry[1] += 1
            entry[2] += bool(passed)
        return [tuple(entry) for entry in counts.values()]


def device_performance(study: Study, sites) -> DevicePerformance:
    """Two queries: the sessions of the visible subjects, then their device checks."""
    criteria = study.protocol.device_criteria
    sessions = (
        TreatmentSession.objects.filter(subject__study=study, subject__site__in=sites)
        .select_related("subject__enrolment__arm", "subject__site")
        .prefetch_related(Prefetch("device_checks", queryset=DeviceCheck.objects.all()))
        .order_by("subject__screening_number", "number")
    )
    rows, by_arm = [], defaultdict(lambda: [0, 0])
    for session in sessions:
        passed = session_passed(session, criteria)
        results = {check.criterion: check.passed for check in session.device_checks.all()}
        rows.append((session, [results.get(c.code) for c in criteria], passed))
        counts = by_arm[session.subject.enrolment.arm.code]
        counts[0] += 1
        counts[1] += bool(passed)
    return DevicePerformance(
        criteria=criteria,
        rows=rows,
        by_arm=[(code, n, p, _percent(p, n)) for code, (n, p) in sorted(by_arm.items())],
    )


# --- Change from baseline in labs and MELD (spec §1.4, §6 ADLB) ----------------------


@dataclass(frozen=True)
class LabPoint:
    code: str  # POST-S<n> or FS+<n>
    label: str


@dataclass(frozen=True)
class LabCell:
    value: Decimal | int | None
    change: Decimal | int | None


@dataclass(frozen=True)
class LabSubjectRow:
    course: Course
    baseline: Decimal | int | None
    cells: list[LabCell]


@dataclass(frozen=True)
class LabTimepointSummary:
    point: LabPoint
    n: int
    mean_change: Decimal | None
    median_change: Decimal | None


@dataclass(frozen=True)
class LabChange:
    code: str
    label: str
    unit: str
    points: list[LabPoint]
    rows: list[LabSubjectRow]

    @property
    def summary(self) -> list[LabTimepointSummary]:
        out = []
        for i, point in enumerate(self.points):
            changes = [
                Decimal(row.cells[i].change) for row in self.rows if row.cells[i].change is not None
            ]
            out.append(
                LabTimepointSummary(
                    point,
                    len(changes),
                    _quantize(statistics.fmean(changes)) if changes else None,
                    _quantize(statistics.median(changes)) if changes else None,
                )
            )
        return out


def _points(
    study: Study, *, after_treatment: bool, days: Iterable[int] | None = None
) -> list[LabPoint]:
    points = [LabPoint("POST", gettext("End of the final session"))] if after_treatment else []
    offsets = days if days is not None else [v.day for v in study.protocol.follow_up_visits]
    return points + [LabPoint(f"FS+{d}", f"FS+{d}") for d in offsets]


class _SubjectLabs:
    """One subject's results, by test, with their panel timepoints."""

    def __init__(self, course: Course, results: list[LabResult]):
        self.course = course
        self.results = results

    def timepoint_code(self, point: LabPoint) -> str:
        # "After treatment" is the end of the final session (spec §1.4 "end of session").
        return f"POST-S{self.course.final_number}" if point.code == "POST" else point.code

    def baseline_results(self) -> list[LabResult]:
        """Spec §3.7, §6 ADLB: baseline = the last value before the first session start."""
        return [r for r in self.results if r.sampled_at < self.course.first_start]

    def at(self, point: LabPoint) -> list[LabResult]:
        code = self.timepoint_code(point)
        return [r for r in self.results if r.panel.timepoint == code]

    @staticmethod
    def latest(results: Sequence[LabResult], test: str) -> LabResult | None:
        found = [r for r in results if r.test_code == test and r.standard_value is not None]
        return max(found, key=lambda r: r.sampled_at, default=None)


def _meld(subject_labs: _SubjectLabs, results: list[LabResult], statuses) -> int | None:
    """MELD from one timepoint's results (spec §3.2, V16: inputs within the window)."""
    bilirubin = subject_labs.latest(results, "BILI")
    if bilirubin is None:
        return None
    by_test: dict[str, list[LabResult]] = defaultdict(list)
    for result in results:
        by_test[result.test_code].append(result)
    subject = subject_labs.course.subject
    # The score window of the subject's protocol version on the sample's date (issue 21).
    rules = lab_rules(subject, on=local_date(subject, bilirubin.sampled_at))
    return score_set(subject, bilirubin.sampled_at, by_test, statuses, rules).meld


def _change(value, baseline):
    return None if value is None or baseline is None else value - baseline


def lab_changes(
    study: Study,
    labs: list[_SubjectLabs],
    statuses: dict[int, list[ClinicalStatus]],
    tests: Sequence[str],
    points: list[LabPoint],
    *,
    with_meld: bool,
) -> list[LabChange]:
    # Each subject's versions read once, for their MELD's score window (issue 21).
    versions.load_versions([subject_labs.course.subject for subject_labs in labs])
    changes = []
    for test in (*tests, *((MELD,) if with_meld else ())):
        rows = []
        for subject_labs in labs:
            if test == MELD:
                subject_statuses = statuses.get(subject_labs.course.subject.pk, [])

                def value_of(results, _s=subject_statuses, _l=subject_labs):
                    return _meld(_l, results, _s)
            else:

                def value_of(results, _t=test, _l=subject_labs):
                    found = _l.latest(results, _t)
                    return found.standard_value if found else None

            baseline = value_of(subject_labs.baseline_results())
            cells = []
            for point in points:
                value = value_of(subject_labs.at(point))
                cells.append(LabCell(value, _change(value, baseline)))
            rows.append(LabSubjectRow(subject_labs.course, baseline, cells))
        if test == MELD:
            label, unit = gettext("MELD"), gettext("points")
        else:
            label, unit = str(CATALOGUE[test].name), CATALOGUE[test].standard_unit.label
        changes.append(LabChange(test, label, unit, points, rows))
    return changes


@dataclass(frozen=True)
class DsaRow:
    course: Course
    baseline: str  # qualitative result before the first session, or ""
    later: list[tuple[str, str]]  # (timepoint, qualitative) after the first session start

    @property
    def evaluable(self) -> bool:
        return bool(self.baseline) and bool(self.later)

    @property
    def de_novo(self) -> bool:
        """Spec §2.10, §3.7: DSA absent before the first session and present later."""
        return self.baseline == "negative" and any(q == "positive" for _t, q in self.later)


def dsa_rows(labs: list[_SubjectLabs]) -> list[DsaRow]:
    rows = []
    for subject_labs in labs:
        dsa = [r for r in subject_labs.results if r.test_code == DSA and r.qualitative]
        before = [r for r in dsa if r.sampled_at < subject_labs.course.first_start]
        baseline = max(before, key=lambda r: r.sampled_at).qualitative if before else ""
        later = [
            (r.panel.timepoint, r.qualitative)
            for r in sorted(dsa, key=lambda r: r.sampled_at)
            if r.sampled_at >= subject_labs.course.first_start
        ]
        rows.append(DsaRow(subject_labs.course, baseline, later))
    return rows


# --- AE and SAE incidence (spec §1.4, §3.7) ------------------------------------------


@dataclass(frozen=True)
class AeSubjectRow:
    course: Course
    events: int
    serious: int
    worst_grade: int | None


@dataclass(frozen=True)
class AeArmRow:
    arm: str
    treated: int
    with_ae: int
    events: int
    with_sae: int
    sae_events: int

    @property
    def ae_percent(self) -> Decimal | None:
        return _percent(self.with_ae, self.treated)

    @property
    def sae_percent(self) -> Decimal | None:
        return _percent(self.with_sae, self.treated)


@dataclass(frozen=True)
class AeIncidence:
    window_days: int | None
    rows: list[AeSubjectRow]
    by_arm: list[AeArmRow]
    total: AeArmRow


def _treatment_emergent(ae: AdverseEvent, course: Course, window: int | None) -> bool:
    """Spec §3.7 TEAE: onset on or after the first session (dates: the AE onset time is
    optional), up to FS+window when the registry gives a time frame (QH-1A: 28 days)."""
    if ae.onset_date < course.first_day:
        return False
    return window is None or ae.onset_date <= course.fs(window)


def ae_incidence(study: Study, courses: list[Course], aes: dict[int, list[AdverseEvent]]):
    window = study.protocol.ae_window_days
    rows = []
    for course in courses:
        emergent = [
            ae for ae in aes.get(course.subject.pk, []) if _treatment_emergent(ae, course, window)
        ]
        rows.append(
            AeSubjectRow(
                course,
                len(emergent),
                sum(1 for ae in emergent if ae.serious),
                max((ae.grade for ae in emergent), default=None),
            )
        )

    def tally(label, subset):
        return AeArmRow(
            label,
            len(subset),
            sum(1 for r in subset if r.events),
            sum(r.events for r in subset),
            sum(1 for r in subset if r.serious),
            sum(r.serious for r in subset),
        )

    arms = [arm.code for arm in study.protocol.arms]
    by_arm = [tally(code, [r for r in rows if r.course.arm_code == code]) for code in arms]
    return AeIncidence(window, rows, by_arm, tally(gettext("All arms"), rows))


# --- The study's endpoints -------------------------------------------------------------


@dataclass
class StudyEndpoints:
    study: Study
    endpoints: tuple[str, ...]
    courses: list[Course]
    not_treated: int
    survival: SurvivalSummary | None = None
    transplant_free: SurvivalSummary | None = None
    device: DevicePerformance | None = None
    labs: list[LabChange] = field(default_factory=list)
    ae: AeIncidence | None = None
    immunogenicity: list[LabChange] = field(default_factory=list)
    dsa: list[DsaRow] = field(default_factory=list)

    def has(self, endpoint: str) -> bool:
        return endpoint in self.endpoints

    @property
    def de_novo_dsa(self) -> tuple[int, int]:
        evaluable = [row for row in self.dsa if row.evaluable]
        return sum(1 for row in evaluable if row.de_novo), len(evaluable)


def study_endpoints(study: Study, sites, *, today: dt.date | None = None) -> StudyEndpoints:
    """Every endpoint the study's protocol declares, for the subjects of `sites`."""
    declared = study.protocol.endpoints
    subjects = list(
        Subject.objects.filter(study=study, site__in=sites, status=SubjectStatus.ENROLLED)
        .select_related("site", "study", "enrolment__arm")
        .order_by("screening_number")
    )
    by_pk = {s.pk: s for s in subjects}
    sessions: dict[int, list[TreatmentSession]] = defaultdict(list)
    for session in TreatmentSession.objects.filter(subject__in=by_pk).order_by("number"):
        sessions[session.subject_id].append(session)
    courses = []
    for subject in subjects:
        if not sessions.get(subject.pk):
            continue
        site_today = today or timezone.localdate(timezone=zoneinfo.ZoneInfo(subject.site.time_zone))
        courses.append(
            Course(subject, subject.enrolment.arm.code, sessions[subject.pk], site_today)
        )
    result = StudyEndpoints(study, declared, courses, len(subjects) - len(courses))
    treated = [c.subject.pk for c in courses]

    aes: dict[int, list[AdverseEvent]] = defaultdict(list)
    if {Endpoint.AE_INCIDENCE, Endpoint.SURVIVAL_FS28, Endpoint.TRANSPLANT_FREE_FS28} & set(
        declared
    ):
        for ae in AdverseEvent.objects.filter(subject__in=treated):
            aes[ae.subject_id].append(ae)
    if {Endpoint.SURVIVAL_FS28, Endpoint.TRANSPLANT_FREE_FS28} & set(declared):
        dispositions = {d.subject_id: d for d in Disposition.objects.filter(subject__in=treated)}
        transplants: dict[int, list[dt.date]] = defaultdict(list)
        for subject_id, day in Procedure.objects.filter(
            subject__in=treated, name=ProcedureName.TRANSPLANT
        ).values_list("subject_id", "started_on"):
            transplants[subject_id].append(day)
        outcomes = [
            _outcomes(
                course,
                dispositions.get(course.subject.pk),
                [
                    FatalEvent.of(ae)
                    for ae in aes.get(course.subject.pk, [])
                    if ae.outcome == Outcome.FATAL
                ],
                transplants.get(course.subject.pk, []),
            )
            for course in courses
        ]
        if Endpoint.SURVIVAL_FS28 in declared:
            result.survival = SurvivalSummary(
                [survival_row(c, o) for c, o in zip(courses, outcomes, strict=True)], Survival.ALIVE
            )
        if Endpoint.TRANSPLANT_FREE_FS28 in declared:
            result.transplant_free = SurvivalSummary(
                [transplant_free_row(c, o) for c, o in zip(courses, outcomes, strict=True)],
                Survival.EVENT_FREE,
            )
    if Endpoint.DEVICE_PASS_RATE in declared:
        result.device = device_performance(study, sites)
    if Endpoint.AE_INCIDENCE in declared:
        result.ae = ae_incidence(study, courses, aes)
    if {Endpoint.LAB_CHANGE, Endpoint.IMMUNOGENICITY} & set(declared):
        codes = {"CREAT", "SODIUM", "ALB", *LAB_ENDPOINT_TESTS, *IMMUNOGENICITY_TESTS, DSA}
        results: dict[int, list[LabResult]] = defaultdict(list)
        for lab in LabResult.objects.filter(
            subject__in=treated, test_code__in=codes, panel__voided_at__isnull=True
        ).select_related("panel"):
            results[lab.subject_id].append(lab)
        labs = [_SubjectLabs(c, results.get(c.subject.pk, [])) for c in courses]
        if Endpoint.LAB_CHANGE in declared:
            statuses: dict[int, list[ClinicalStatus]] = defaultdict(list)
            for status in ClinicalStatus.objects.filter(subject__in=treated):
                statuses[status.subject_id].append(status)
            result.labs = lab_changes(
                study,
                labs,
                statuses,
                LAB_ENDPOINT_TESTS,
                _points(study, after_treatment=True),
                with_meld=True,
            )
        if Endpoint.IMMUNOGENICITY in declared:
            result.immunogenicity = lab_changes(
                study,
                labs,
                {},
                IMMUNOGENICITY_TESTS,
                _points(study, after_treatment=False, days=IMMUNOGENICITY_DAYS),
                with_meld=False,
            )
            result.dsa = dsa_rows(labs)
    return result


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def _quantize(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))
