"""Every write that matters, as a named action.

Actions are keyword-only, run in one transaction, and re-read with SELECT ... FOR UPDATE
whatever their decision depends on (a cohort's head-count, a subject's status). Views
and the demo loader call these; nothing else writes study data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from ecrf.actions.rows import lock_subject_row
from ecrf.models import (
    Arm,
    Deviation,
    EligibilityAnswer,
    Enrolment,
    GateChannel,
    GateRefusal,
    ScreenFailure,
    Site,
    Study,
    Subject,
    SubjectStatus,
)
from ecrf.models.core import today_in
from ecrf.models.treatment import DeviationCategory
from ecrf.protocol import DataAnswer, EnrolmentCase, Protocol, Refusal, RuleClass


class ProtocolRefusal(Exception):
    """A protocol rule refused the action; `refusals` name each rule that failed."""

    def __init__(self, refusals: list[Refusal]):
        self.refusals = refusals
        super().__init__("; ".join(str(r) for r in refusals))


@dataclass(frozen=True)
class Eligibility:
    answers: dict[str, bool]
    refusals: list[Refusal]
    unanswered: list[str]
    # What data elsewhere in the casebook answer, for each criterion they decide.
    data: dict[str, DataAnswer] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.unanswered

    @property
    def eligible(self) -> bool:
        return not self.refusals


def _next_screening_number(site: Site) -> str:
    # Spec §2 [PROP]: "<site>-<3-digit sequence>", e.g. BFH-001. The site row is locked
    # by the caller, so two registrations cannot take the same number. Ordered by length
    # first: as text, "BFH-999" sorts after "BFH-1000", which would be taken again. Voided
    # subjects count too: their numbers stay taken (the unique constraint covers them).
    last = (
        Subject.all_objects.filter(study=site.study, site=site)
        .order_by(Length("screening_number").desc(), "-screening_number")
        .values_list("screening_number", flat=True)
        .first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{site.code}-{sequence:03d}"


@transaction.atomic
def subject_register(*, site: Site, by, **demographics) -> Subject:
    """Register a screened subject at a site and give it the next screening number. The
    subject is screened and consented under the protocol version in force at the site
    on the screening date (issue 21); a site with none in force cannot screen."""
    from ecrf import versions  # it reads the models this module does

    # The site row (its numbering), not the study's: OF self.
    site = Site.objects.select_for_update(of=("self",)).select_related("study").get(pk=site.pk)
    subject = Subject(study=site.study, site=site, created_by=by, **demographics)
    subject.screening_number = _next_screening_number(site)
    subject.full_clean(exclude=["protocol_version"])
    subject.protocol_version = versions.version_in_force(site, on=subject.screening_date)
    if subject.protocol_version is None:
        raise ProtocolRefusal([versions.no_version_refusal(site, subject.screening_date)])
    subject.save()
    return subject


@transaction.atomic
def subject_update(*, subject: Subject, by, version: int | None = None, **demographics) -> Subject:
    """Correct a subject's registration data, in screening or after enrolment. A
    correction needs a reason for change (check_change). After enrolment consent and
    screening still precede the enrolment, and the eligibility check runs again: the
    registration decides criteria such as age at consent and pregnancy (a result other
    than eligible raises a query). A corrected screening date puts the subject under the
    version in force at the site on it (issue 21: screened and consented under the
    version in force that day); a date with none in force is refused."""
    from ecrf import versions  # it reads the models this module does
    from ecrf.actions.integrity import check_change  # integrity imports this module

    subject = lock_subject_row(subject)
    _refuse_unless_screening_or_enrolled(
        subject, _("A screen failure's registration data are closed.")
    )
    check_change(subject, version=version)
    screened_on = subject.screening_date
    for name, value in demographics.items():
        setattr(subject, name, value)
    subject.full_clean()
    # A subject screened before versions were recorded keeps reading as 1.0.
    if subject.screening_date != screened_on and subject.protocol_version_id is not None:
        in_force = versions.version_in_force(subject.site, on=subject.screening_date)
        if in_force is None:
            raise ProtocolRefusal(
                [versions.no_version_refusal(subject.site, subject.screening_date)]
            )
        subject.protocol_version = in_force
    if subject.status == SubjectStatus.ENROLLED:
        enrolled_on = subject.enrolment.enrolment_date
        refusals = [
            Refusal(
                "ENROLMENT-DATE",
                _("This date cannot follow the enrolment (%(date)s).")
                % {"date": enrolled_on.isoformat()},
                name,
            )
            for name in ("consent_date", "screening_date")
            if getattr(subject, name) > enrolled_on
        ]
        if refusals:
            raise ProtocolRefusal(refusals)
    subject.save()
    _recheck_enrolled(subject)
    return subject


def screening_protocol(subject: Subject) -> Protocol:
    """The protocol the subject's eligibility checklist is judged by: their version on the
    screening date (issue 21). A later version's criteria, or one put in force at the site
    afterwards, do not re-judge a subject already screened."""
    from ecrf import versions  # it reads the models this module does

    return versions.protocol_for(subject, on=subject.screening_date)


def eligibility_of(subject: Subject) -> Eligibility:
    """The checklist's answers and what they decide, the criteria that data elsewhere in
    the casebook decide (age at consent, pregnancy) taken from, or checked against, them;
    by the subject's version on their screening date."""
    protocol = screening_protocol(subject)
    answers = dict(subject.eligibility_answers.values_list("criterion_code", "answer"))
    unanswered = [c.code for c in protocol.asked_criteria if c.code not in answers]
    data = {c.code: c.decided_by.answer(subject) for c in protocol.criteria_decided_by_data}
    return Eligibility(answers, protocol.eligibility_refusals(answers, subject), unanswered, data)


def _recheck_enrolled(subject: Subject) -> Eligibility:
    """Issue 18 item 4: a correction after enrolment to the checklist, or to the data
    behind it, runs the check again; a result other than "eligible" raises an automatic
    query to the site on the enrolment, naming each criterion and why."""
    from ecrf.actions.queries import query_raise_automatic  # queries imports this module

    result = eligibility_of(subject)
    if subject.status == SubjectStatus.ENROLLED and not result.eligible:
        reasons = " ".join(f"{r.rule}: {r.message}" for r in result.refusals)
        query_raise_automatic(
            record=subject.enrolment,
            field=None,
            rule="ELIGIBILITY",
            text=_(
                "After a correction the subject, already enrolled, is not eligible. "
                "%(reasons)s Please confirm the correction; an enrolment outside the "
                "criteria is a protocol deviation."
            )
            % {"reasons": reasons},
        )
    return result


def _refuse_unless_screening_or_enrolled(subject: Subject, message) -> None:
    # A screen failure's data stay as they were when screening closed (its own record).
    if subject.status not in (SubjectStatus.SCREENING, SubjectStatus.ENROLLED):
        raise ProtocolRefusal([Refusal("STATUS", message)])


@transaction.atomic
def eligibility_record(*, subject: Subject, answers: Mapping[str, bool], by) -> Eligibility:
    """Record the eligibility checklist: one answer per asked criterion (spec §2.2).
    A changed answer needs a reason; after enrolment the check runs again (a result
    other than eligible raises a query)."""
    subject = lock_subject_row(subject)
    _refuse_unless_screening_or_enrolled(
        subject, _("A screen failure's eligibility checklist is closed.")
    )
    protocol = screening_protocol(subject)
    known = {c.code: c for c in protocol.asked_criteria}
    existing = {a.criterion_code: a for a in subject.eligibility_answers.all()}
    for code, answer in answers.items():
        criterion = known[code]  # KeyError: a form offered a criterion the protocol lacks
        row = existing.get(code)
        if row is None:
            EligibilityAnswer.objects.create(
                subject=subject,
                criterion_code=code,
                criterion_text=criterion.text,
                answer=answer,
                created_by=by,
            )
        elif row.answer != answer:
            from ecrf.actions.integrity import check_change  # integrity imports this module

            check_change(row, version=None)  # a changed answer needs a reason
            row.answer = answer
            row.save(update_fields=["answer"])
    return _recheck_enrolled(subject)


@transaction.atomic
def subject_screen_fail(
    *, subject: Subject, by, date: dt.date, failed_criteria: list[str], other_reason: str = ""
) -> ScreenFailure:
    """Close screening for a subject who will not be enrolled (spec §2.2: DS SCREEN FAILURE)."""
    subject = lock_subject_row(subject)
    if subject.status != SubjectStatus.SCREENING:
        raise ProtocolRefusal(
            [Refusal("STATUS", _("Only a subject in screening can be a screen failure."))]
        )
    if date < subject.screening_date:
        raise ProtocolRefusal(
            [Refusal("DATE", _("The screen-failure date cannot precede screening."), "date")]
        )
    failure = ScreenFailure(
        subject=subject,
        date=date,
        failed_criteria=sorted(failed_criteria),
        other_reason=other_reason.strip(),
        created_by=by,
    )
    failure.full_clean()
    failure.save()
    subject.status = SubjectStatus.SCREEN_FAILED
    subject.save(update_fields=["status"])
    return failure


def subject_enrol(
    *,
    subject: Subject,
    arm: Arm,
    by,
    enrolment_date: dt.date,
    planned_first_treatment: dt.date,
    reason: str = "",
) -> Enrolment:
    """Enrol an eligible subject into an arm, if every rule of its protocol allows it.

    An enrolment dated today is a gate (issue 18): a rule that fails refuses it. One dated
    in the past records what happened: it needs a `reason`, and is judged by the protocol
    and the committee's decisions as they stood on its date (ecrf.committee.cohort_on).
    A gate rule it breaks does not refuse it: it is saved with a deviation of the rule's
    severity naming the rule and the date judged on, and the site's monitors (and the
    study's safety reviewers, for a major one) are alerted. Impossible rules (consent,
    eligibility, a date before screening) refuse either way.

    The arm row is locked so that two enrolments cannot both take a cohort's last place.
    Raises ProtocolRefusal naming each rule that failed. A refused attempt is logged
    (GateRefusal) after the enrolment's transaction rolls back, so the log row stays:
    an attempt on a cohort the committee has not opened is there for the monitor.
    """
    try:
        return _subject_enrol(
            subject=subject,
            arm=arm,
            by=by,
            enrolment_date=enrolment_date,
            planned_first_treatment=planned_first_treatment,
            reason=reason.strip(),
        )
    except ProtocolRefusal as refusal:
        GateRefusal.objects.create(
            user=by if getattr(by, "pk", None) else None,
            channel=GateChannel.ENROLMENT,
            subject_id=subject.pk,
            arm_id=arm.pk,
            rules=", ".join(r.rule for r in refusal.refusals)[:200],
            message="\n".join(str(r.message) for r in refusal.refusals),
        )
        raise


@transaction.atomic
def _subject_enrol(
    *, subject, arm, by, enrolment_date, planned_first_treatment, reason
) -> Enrolment:
    from ecrf import versions  # it reads the models this module does
    from ecrf.committee import cohort_capacity, cohort_on  # it imports the models

    subject = lock_subject_row(subject)
    arm = Arm.objects.select_for_update().get(pk=arm.pk)
    if subject.status != SubjectStatus.SCREENING:
        raise ProtocolRefusal(
            [Refusal("STATUS", _("Only a subject in screening can be enrolled."))]
        )
    if arm.study_id != subject.study_id:
        raise ProtocolRefusal([Refusal("ARM", _("That arm belongs to another study."), "arm")])
    today = today_in(subject.site)
    past = enrolment_date < today
    # Issue 21: the subject's rules by their protocol version on the enrolment date; the
    # cohort's state, a study-level rule, by the committee's decisions and the version in
    # force at the site on that date.
    protocol = versions.protocol_for(subject, on=enrolment_date)
    if past:
        then = cohort_on(arm, enrolment_date, today=today, site=subject.site)
        cohort = {"cohort_open": then.open, "capacity": then.capacity, "full_on": then.full_on}
        enrolled = then.enrolled
    else:
        capacity = cohort_capacity(arm, site=subject.site, on=today)
        cohort = {"cohort_open": arm.is_open, "capacity": capacity}
        enrolled = arm.enrolments.count()
    case = EnrolmentCase(
        subject=subject,
        arm=arm,
        enrolled_in_arm=enrolled,
        eligibility=eligibility_of(subject).answers,
        enrolment_date=enrolment_date,
        planned_first_treatment=planned_first_treatment,
        options=protocol.options,
        protocol=protocol,
        checklist=screening_protocol(subject),
        **cohort,
    )
    # Every refusal at once: the missing reason beside whatever else is wrong.
    refused = [(None, PAST_DATE_NEEDS_A_REASON)] if past and not reason else []
    breached = []
    for rule in protocol.enrolment_rules:
        refusal = rule(case)
        if refusal is None:
            continue
        gate = rule.declaration.kind == RuleClass.GATE
        (breached if gate and past else refused).append((rule.declaration, refusal))
    if refused:
        raise ProtocolRefusal([refusal for _rule, refusal in refused])
    enrolment = Enrolment(
        subject=subject,
        arm=arm,
        enrolment_date=enrolment_date,
        planned_first_treatment=planned_first_treatment,
        reason=reason if past else "",
        created_by=by,
    )
    enrolment.full_clean()
    enrolment.save()
    subject.status = SubjectStatus.ENROLLED
    subject.save(update_fields=["status"])
    for declaration, refusal in breached:
        _enrolment_deviation_record(
            subject=subject, declaration=declaration, refusal=refusal, day=enrolment_date, by=by
        )
    return enrolment


# Issue 18: an entry dated in the past records what happened, and says why it is late.
PAST_DATE_NEEDS_A_REASON = Refusal(
    "ENROLMENT-REASON",
    _("An enrolment dated before today records what happened: give the reason it is late."),
    "reason",
)
# The deviation category of each gate rule an enrolment dated in the past may break.
ENROLMENT_DEVIATION_CATEGORIES = {
    "COHORT-OPEN": DeviationCategory.COHORT,
    "COHORT-CAPACITY": DeviationCategory.COHORT,
    "SCREENING-WINDOW": DeviationCategory.SCREENING_WINDOW,
}


def _enrolment_deviation_record(*, subject, declaration, refusal, day, by) -> Deviation:
    """The deviation a past-dated enrolment records for a gate rule it breaks: named by
    the rule, dated and described as judged on the enrolment's date, and alerted."""
    from ecrf.actions.alerts import deviation_alerts_raise  # alerts imports the models

    deviation = Deviation.objects.create(
        subject=subject,
        rule=declaration.code,
        category=ENROLMENT_DEVIATION_CATEGORIES.get(declaration.code, DeviationCategory.OTHER),
        description=str(
            _("Enrolment dated %(date)s, judged by the protocol as it stood on that date: %(why)s")
            % {"date": day.isoformat(), "why": refusal.message}
        ),
        occurred_on=day,
        severity=declaration.severity,
        automatic=True,
        created_by=by,
    )
    deviation_alerts_raise(deviation=deviation)
    return deviation


@transaction.atomic
def protocol_sync(*, study_package: str) -> Study:
    """Create or update a study and its arms from its protocol declaration.

    An arm's open/closed state and capacity are set only when the arm is first created:
    afterwards only a committee decision (ecrf/actions/committee.py) changes them (an
    expanded cohort keeps its larger capacity).
    """
    from ecrf.protocol import get_protocol

    protocol = get_protocol(study_package)
    study, _created = Study.objects.update_or_create(
        registry_id=protocol.registry_id,
        defaults={
            "package": study_package,
            "title": protocol.title,
            "phase": protocol.phase,
            "target_enrolment": protocol.target_enrolment,
        },
    )
    for order, design in enumerate(protocol.arms, start=1):
        Arm.objects.update_or_create(
            study=study,
            code=design.code,
            defaults={"label": design.label, "label_zh": design.label_zh, "order": order},
            create_defaults={
                "label": design.label,
                "label_zh": design.label_zh,
                "order": order,
                "capacity": design.capacity,
                "is_open": design.opens_at_study_start,
            },
        )
    return study
