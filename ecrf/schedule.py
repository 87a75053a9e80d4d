"""A subject's expected visits and forms, computed from its protocol (spec §1.5).

Screening precedes the first session. Session days are the actual sessions once
recorded, else planned: session 1 on the planned first treatment date, each later one
the arm's interval after the previous (QHMT: 3 ± 1 days). Follow-up days count from the
final session ("FS+n") because QH-1A counts survival "28 days after the final treatment"
[REG-B]; until the final session is recorded they are provisional.

Each expected form has a status:

  complete     the form is saved as complete;
  in progress  the form is saved as in progress;
  expected     not yet saved, and its window is open or still to come (a provisional
               follow-up date is never overdue);
  overdue      not saved, the window has passed, and the subject is still on study;
  missing      not saved, and the subject has left the study (disposition recorded):
               the form is declared not done and will not come;
  not required an optional session (QHMT session 3) that did not take place.

`records_for()` loads what the statuses need for many subjects in a fixed number of
queries, so a casebook and a study's overdue list cost the same for 1 or 100 subjects.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models import (
    Disposition,
    FormStatus,
    LabPanel,
    Subject,
    SubjectStatus,
    TreatmentSession,
    VitalSigns,
    today_in,
)


class FormState(models.TextChoices):
    EXPECTED = "expected", _("expected")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETE = "complete", _("complete")
    OVERDUE = "overdue", _("overdue")
    MISSING = "missing", _("missing")
    NOT_REQUIRED = "not_required", _("not required")


@dataclass(frozen=True)
class ExpectedForm:
    name: str
    status: str
    session_number: int | None = None  # the BAL session form links to its session

    @property
    def status_label(self):
        return FormState(self.status).label


@dataclass(frozen=True)
class ScheduledVisit:
    code: str
    label: str
    target: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    optional: bool = False
    actual: dt.date | None = None  # the session's date, once recorded
    forms: tuple[ExpectedForm, ...] = ()


@dataclass
class SubjectRecords:
    """The saved forms a schedule's statuses depend on."""

    sessions: list[TreatmentSession] = field(default_factory=list)
    follow_up_vitals: list[tuple[dt.date, str]] = field(default_factory=list)
    lab_timepoints: dict[str, list[str]] = field(default_factory=dict)
    disposition: Disposition | None = None


def records_for(subjects: list[Subject]) -> dict[int, SubjectRecords]:
    """Four queries, whatever the number of subjects."""
    records = {s.pk: SubjectRecords() for s in subjects}
    if not records:
        return records
    ids = list(records)
    zones = {s.pk: s.site.time_zone for s in subjects}
    for session in TreatmentSession.objects.filter(subject_id__in=ids).order_by("number"):
        records[session.subject_id].sessions.append(session)
    vitals = VitalSigns.objects.filter(subject_id__in=ids, timepoint="follow_up").values_list(
        "subject_id", "measured_at", "form_status"
    )
    for subject_id, measured_at, status in vitals:
        day = _local_date(measured_at, zones[subject_id])
        records[subject_id].follow_up_vitals.append((day, status))
    panels = LabPanel.objects.filter(subject_id__in=ids).values_list(
        "subject_id", "timepoint", "form_status"
    )
    for subject_id, timepoint, status in panels:
        records[subject_id].lab_timepoints.setdefault(timepoint, []).append(status)
    for disposition in Disposition.objects.filter(subject_id__in=ids):
        records[disposition.subject_id].disposition = disposition
    return records


def _local_date(moment: dt.datetime, time_zone: str) -> dt.date:
    return timezone.localtime(moment, zoneinfo.ZoneInfo(time_zone)).date()


def _state(statuses: list[str], *, latest, today, left_study, provisional=False) -> str:
    if statuses:
        if all(s == FormStatus.COMPLETE for s in statuses):
            return FormState.COMPLETE
        return FormState.IN_PROGRESS
    if left_study:
        return FormState.MISSING
    if latest is not None and today > latest and not provisional:
        return FormState.OVERDUE
    return FormState.EXPECTED


def subject_schedule(
    subject: Subject, records: SubjectRecords | None = None, today: dt.date | None = None
) -> list[ScheduledVisit]:
    """The subject's visits with the status of each expected form."""
    if records is None:
        records = records_for([subject])[subject.pk]
    today = today or today_in(subject.site)
    options = subject.study.effective_options
    enrolment = getattr(subject, "enrolment", None)
    if subject.status != SubjectStatus.ENROLLED:
        enrolment = None
    first = enrolment.planned_first_treatment if enrolment else None
    day = dt.timedelta
    complete = ExpectedForm(str(_("Registration and consent")), FormState.COMPLETE)
    visits = [
        ScheduledVisit(
            "SCR",
            _("Screening"),
            subject.screening_date,
            first - day(options.screening_window_days) if first else None,
            first - day(1) if first else None,
            forms=(complete,),
        )
    ]
    if enrolment is None:
        return visits

    design = subject.study.protocol.arm(enrolment.arm.code)
    left_study = records.disposition is not None
    tz = subject.site.time_zone
    recorded = {s.number: s for s in records.sessions}
    planned = design.sessions_max or design.sessions_min
    low_gap, high_gap = design.interval_days or (0, 0)
    step = (low_gap + high_gap) // 2
    previous = None  # the previous session's date: actual if recorded, else its target
    session_dates = []
    for n in range(1, max(planned, max(recorded, default=0)) + 1):
        session = recorded.get(n)
        actual = _local_date(session.started_at, tz) if session else None
        if n == 1:
            # Spec T1: session 1 within the screening window, planned at enrolment.
            target = first
            earliest = first
            latest = max(first, subject.screening_date + day(options.screening_window_days))
        elif n <= planned and design.interval_days:
            target = previous + day(step)
            earliest, latest = previous + day(low_gap), previous + day(high_gap)
        else:
            target = earliest = latest = actual  # CiPS: sessions "according to clinical response"
        optional = n > design.sessions_min
        if session is not None:
            state = _state([session.form_status], latest=latest, today=today, left_study=False)
        elif optional and (left_study or (latest is not None and today > latest)):
            state = FormState.NOT_REQUIRED
        else:
            state = _state([], latest=latest, today=today, left_study=left_study)
        previous = actual or target
        if session is not None or n <= design.sessions_min:
            session_dates.append(previous)
        visits.append(
            ScheduledVisit(
                f"S{n}",
                _("BAL session %(n)d") % {"n": n},
                target,
                earliest,
                latest,
                optional=optional,
                actual=actual,
                forms=(ExpectedForm(str(_("BAL session")), state, n),),
            )
        )

    # FS is the last recorded session once the arm's minimum is given, else provisional.
    provisional = len(recorded) < design.sessions_min or not recorded
    final = session_dates[-1] if session_dates else first
    for offset, before, after in options.follow_up:
        target = final + day(offset)
        earliest, latest = target - day(before), target + day(after)
        code = f"FS+{offset}"
        vitals = [s for d, s in records.follow_up_vitals if earliest <= d <= latest]
        kwargs = {"latest": latest, "today": today, "left_study": left_study}
        forms = [
            ExpectedForm(str(_("Vital signs")), _state(vitals, provisional=provisional, **kwargs)),
            ExpectedForm(
                str(_("Laboratory panels")),
                _state(records.lab_timepoints.get(code, []), provisional=provisional, **kwargs),
            ),
        ]
        if offset == max(o for o, _b, _a in options.follow_up):
            disposition = [records.disposition.form_status] if records.disposition else []
            forms.append(
                ExpectedForm(
                    str(_("Disposition")),
                    _state(disposition, provisional=provisional, **{**kwargs, "left_study": False}),
                )
            )
        visits.append(
            ScheduledVisit(
                code,
                _("Follow-up day %(n)d after final session") % {"n": offset},
                target,
                earliest,
                latest,
                forms=tuple(forms),
            )
        )
    return visits


@dataclass(frozen=True)
class OverdueForm:
    subject: Subject
    visit: ScheduledVisit
    form: ExpectedForm


def overdue_forms(
    subjects: list[Subject], records: dict[int, SubjectRecords] | None = None
) -> list[OverdueForm]:
    """Every overdue form of these subjects, oldest window first (fixed query count:
    the subjects must come with site, study and enrolment__arm selected; a caller that
    already holds their records_for() passes them)."""
    records = records_for(subjects) if records is None else records
    found = [
        OverdueForm(subject, visit, form)
        for subject in subjects
        for visit in subject_schedule(subject, records[subject.pk])
        for form in visit.forms
        if form.status == FormState.OVERDUE
    ]
    return sorted(found, key=lambda o: (o.visit.latest, o.subject.screening_number))
