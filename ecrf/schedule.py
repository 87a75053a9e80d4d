"""A subject's expected visits and forms, computed from its protocol's visits (spec §1.5):
each study's protocol module (studies/<study>/protocol.py) declares its visits, their
windows and the forms and lab panels expected at each; this module only dates them.

Screening precedes the first session, within the study's screening window. Session days
are the actual sessions once recorded, else planned: session 1 on the planned first
treatment date, each later one the arm's interval after the previous (QHMT: 3 ± 1 days).
Follow-up days count from the final session ("FS+n") because QH-1A counts survival "28
days after the final treatment" [REG-B]; until the final session is recorded they are
provisional.

Where a form counts: a session at its session (its lab panels are the lab page's PRE-S<n>
and POST-S<n> timepoints, not a form of the schedule); the lab panels at the visit's timepoint
(BASELINE for screening); vital signs by their timepoint (screening) or date in the
window (follow-up); a form that names its visit (form_registry `visit_field`, e.g. the
liver imaging) at that visit; any other (medical history, the disposition) wherever
expected once recorded.

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
from django.db.models import CharField, F, Value
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry, versions
from ecrf.models import (
    FormStatus,
    LabPanel,
    Subject,
    SubjectStatus,
    TreatmentSession,
    VitalSigns,
    today_in,
)
from ecrf.models.clinical import VitalsTimepoint
from ecrf.protocol import BASELINE, Anchor, Protocol, StudyOptions, Visit

# The forms the schedule places by their own rules (a session, a timepoint, a date).
SESSION = "ecrf.treatmentsession"
LABS = "ecrf.labpanel"
VITALS = "ecrf.vitalsigns"


class FormState(models.TextChoices):
    EXPECTED = "expected", _("expected")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETE = "complete", _("complete")
    OVERDUE = "overdue", _("overdue")
    MISSING = "missing", _("missing")
    NOT_REQUIRED = "not_required", _("not required")


@dataclass(frozen=True)
class Saved:
    """One saved record as the schedule counts it: its status, and which record it is
    (the casebook's cells show its queries, verification and signature)."""

    status: str
    pk: int
    version: int


@dataclass(frozen=True)
class ExpectedForm:
    name: str
    status: str
    session_number: int | None = None  # the BAL session form links to its session
    # The form's model label and the records that count for it at the visit.
    label: str = ""
    records: tuple[Saved, ...] = ()
    # The lab timepoint a visit's panels are entered at (the lab page's section), and
    # the panels the visit expects (by the subject's version on its date).
    timepoint: str = ""
    panels: tuple[str, ...] = ()

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
    screening_vitals: list[Saved] = field(default_factory=list)
    follow_up_vitals: list[tuple[dt.date, Saved]] = field(default_factory=list)
    lab_timepoints: dict[str, list[Saved]] = field(default_factory=dict)
    # Every other expected form: model label -> [(the visit it names or "", saved)].
    forms: dict[str, list[tuple[str, Saved]]] = field(default_factory=dict)

    @property
    def left_study(self) -> bool:
        return bool(self.forms.get("ecrf.disposition"))


def _other_forms(protocols: list[Protocol]) -> list[form_registry.FormEntry]:
    """The registered forms the protocols expect at a visit, beyond sessions, labs and
    vital signs (which have their own reads), and the disposition (which says whether a
    subject has left the study)."""
    labels = {"ecrf.disposition"}
    labels |= {f for p in protocols for visit in p.visits for f in visit.forms}
    labels -= {SESSION, LABS, VITALS}
    return [e for e in form_registry.entries() if e.label in labels]


def records_for(subjects: list[Subject], also: Protocol | None = None) -> dict[int, SubjectRecords]:
    """Four queries, whatever the number of subjects or forms. `also`: another version
    of the protocol whose expected forms are read too (the migration plan's schedule of
    a subject under the version they would re-consent to)."""
    records = {s.pk: SubjectRecords() for s in subjects}
    if not records:
        return records
    ids = list(records)
    zones = {s.pk: s.site.time_zone for s in subjects}
    for session in TreatmentSession.objects.filter(subject_id__in=ids).order_by("number"):
        records[session.subject_id].sessions.append(session)
    vitals = VitalSigns.objects.filter(
        subject_id__in=ids, timepoint__in=[VitalsTimepoint.SCREENING, VitalsTimepoint.FOLLOW_UP]
    ).values_list("subject_id", "timepoint", "measured_at", "form_status", "pk", "version")
    for subject_id, timepoint, measured_at, *saved in vitals:
        if timepoint == VitalsTimepoint.SCREENING:
            records[subject_id].screening_vitals.append(Saved(*saved))
        else:
            day = _local_date(measured_at, zones[subject_id])
            records[subject_id].follow_up_vitals.append((day, Saved(*saved)))
    panels = LabPanel.objects.filter(subject_id__in=ids).values_list(
        "subject_id", "timepoint", "form_status", "pk", "version"
    )
    for subject_id, timepoint, *saved in panels:
        records[subject_id].lab_timepoints.setdefault(timepoint, []).append(Saved(*saved))
    # The other expected forms in one UNION ALL query: (subject, form, visit, status). The
    # forms any declared version of the subjects' studies expects (a subject's versions
    # are the schedule's to judge; reading a form no version of theirs expects costs nothing).
    packages = {s.study.package for s in subjects}
    protocols = [v.protocol for package in packages for v in versions.declared_versions(package)]
    entries = _other_forms([*protocols, *([also] if also else [])])
    parts = [
        entry.model.objects.filter(subject_id__in=ids)
        .annotate(
            schedule_form=Value(entry.label, output_field=CharField()),
            schedule_visit=(F(entry.visit_field) if entry.visit_field else Value("", CharField())),
        )
        .values_list(
            "subject_id", "schedule_form", "schedule_visit", "form_status", "pk", "version"
        )
        .order_by()
        for entry in entries
    ]
    for subject_id, label, visit, *saved in parts[0].union(*parts[1:], all=True):
        records[subject_id].forms.setdefault(label, []).append((visit, Saved(*saved)))
    return records


def _local_date(moment: dt.datetime, time_zone: str) -> dt.date:
    return timezone.localtime(moment, zoneinfo.ZoneInfo(time_zone)).date()


def _state(saved: list[Saved], *, latest, today, left_study, provisional=False) -> str:
    statuses = [s.status for s in saved]
    if statuses:
        if all(s == FormStatus.COMPLETE for s in statuses):
            return FormState.COMPLETE
        return FormState.IN_PROGRESS
    if left_study:
        return FormState.MISSING
    if latest is not None and today > latest and not provisional:
        return FormState.OVERDUE
    return FormState.EXPECTED


def _form_name(label: str) -> str:
    meta = form_registry.by_label(label)._meta
    # The lab panels of a visit are several; every other form one.
    return str(capfirst(meta.verbose_name_plural if label == LABS else meta.verbose_name))


def lab_timepoint(visit: Visit) -> str:
    """The lab timepoint of a visit's panels: BASELINE for screening, else its code."""
    return BASELINE if visit.anchor == Anchor.SCREENING else visit.code


def _statuses(
    label: str, visit: Visit, records: SubjectRecords, window: tuple[dt.date, dt.date] | None
) -> list[Saved]:
    """The subject's records of the form that count at the visit."""
    if label == LABS:
        return records.lab_timepoints.get(lab_timepoint(visit), [])
    if label == VITALS:
        if window is None:
            return records.screening_vitals
        return [s for d, s in records.follow_up_vitals if window[0] <= d <= window[1]]
    entry = form_registry.entry(form_registry.by_label(label))
    rows = records.forms.get(label, [])
    return [s for v, s in rows if not entry.visit_field or v == visit.code]


def _visit_forms(
    visit: Visit, records: SubjectRecords, *, window=None, **kwargs
) -> tuple[ExpectedForm, ...]:
    forms = []
    for label in visit.forms:
        saved = _statuses(label, visit, records, window)
        if label == "ecrf.disposition":
            kwargs = {**kwargs, "left_study": False}  # it is how a subject leaves
        forms.append(
            ExpectedForm(
                _form_name(label),
                _state(saved, **kwargs),
                label=label,
                records=tuple(saved),
                timepoint=lab_timepoint(visit) if label == LABS else "",
                panels=tuple(visit.panels) if label == LABS else (),
            )
        )
    return tuple(forms)


def _judged_by(subject: Subject, protocol: Protocol | None, options: StudyOptions | None):
    """A function of a date giving (protocol, options) a visit on that date is judged by:
    the subject's version on the date (issue 21), or the one version asked for."""
    if protocol is not None:
        fixed = (protocol, options or protocol.options)
        return lambda day: fixed
    found = {}

    def on(day: dt.date) -> tuple[Protocol, StudyOptions]:
        if day not in found:
            judging = versions.protocol_for(subject, on=day)
            found[day] = (judging, judging.options)
        return found[day]

    return on


def subject_schedule(
    subject: Subject,
    records: SubjectRecords | None = None,
    today: dt.date | None = None,
    *,
    protocol: Protocol | None = None,
    options: StudyOptions | None = None,
) -> list[ScheduledVisit]:
    """The subject's visits with the status of each expected form. Each visit is judged
    by the subject's protocol version on its date (issue 21: a re-consent changes the
    visits and forms expected from its date, none before it): the screening by the
    version on the screening date, the sessions' windows by the version on the first
    session's date (as its deviation is judged), each follow-up visit by the version on
    its target date. `protocol` (and its `options`): every visit by that one version
    instead (the migration plan asks what a re-consent would change).

    Reads the subject's versions (versions.load_versions: none loaded twice)."""
    if records is None:
        records = records_for([subject], protocol)[subject.pk]
    if protocol is None:
        versions.load_versions([subject])
    today = today or today_in(subject.site)
    judged_on = _judged_by(subject, protocol, options)
    enrolment = getattr(subject, "enrolment", None)
    if subject.status != SubjectStatus.ENROLLED:
        enrolment = None
    first = enrolment.planned_first_treatment if enrolment else None
    day = dt.timedelta
    left_study = records.left_study or subject.status == SubjectStatus.SCREEN_FAILED
    recorded = {s.number: s for s in records.sessions}
    tz = subject.site.time_zone
    # Spec T1: the first session within the screening window; the version on its date
    # (recorded, else planned) says how long that window is, as its deviation is judged.
    first_session = recorded.get(1)
    first_day = _local_date(first_session.started_at, tz) if first_session else first
    window_options = judged_on(first_day or subject.screening_date)[1]
    screening = judged_on(subject.screening_date)[0].screening_visit
    offset, _before, _after = screening.window(window_options)
    latest = first - day(1) if first else None
    complete = ExpectedForm(
        str(_("Registration and consent")),
        FormState.COMPLETE,
        label="ecrf.subject",
        records=(Saved(FormStatus.COMPLETE, subject.pk, subject.version),),
    )
    forms = _visit_forms(screening, records, latest=latest, today=today, left_study=left_study)
    visits = [
        ScheduledVisit(
            screening.code,
            screening.label,
            subject.screening_date,
            first + day(offset) if first else None,
            latest,
            forms=(complete, *forms),
        )
    ]
    if enrolment is None:
        return visits

    design = judged_on(enrolment.enrolment_date)[0].arm(enrolment.arm.code)

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
            window_days = window_options.screening_window_days
            latest = max(first, subject.screening_date + day(window_days))
        elif n <= planned and design.interval_days:
            target = previous + day(step)
            earliest, latest = previous + day(low_gap), previous + day(high_gap)
        else:
            target = earliest = latest = actual  # CiPS: sessions "according to clinical response"
        optional = n > design.sessions_min
        saved = (Saved(session.form_status, session.pk, session.version),) if session else ()
        if session is not None:
            state = _state(list(saved), latest=latest, today=today, left_study=False)
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
                forms=(ExpectedForm(_form_name(SESSION), state, n, SESSION, saved),),
            )
        )

    # FS is the last recorded session once the arm's minimum is given, else provisional.
    provisional = len(recorded) < design.sessions_min or not recorded
    final = session_dates[-1] if session_dates else first
    kwargs = {"today": today, "left_study": left_study, "provisional": provisional}
    for visit, target in _follow_up_visits(subject, final, judged_on, fixed=protocol is not None):
        earliest, latest = target - day(visit.window_before), target + day(visit.window_after)
        visits.append(
            ScheduledVisit(
                visit.code,
                visit.label,
                target,
                earliest,
                latest,
                forms=_visit_forms(
                    visit, records, window=(earliest, latest), latest=latest, **kwargs
                ),
            )
        )
    return visits


def follow_up_visits(subject: Subject, final: dt.date) -> list[tuple[Visit, dt.date]]:
    """(visit, target date) of the follow-up visits expected of the subject after a final
    session on `final`, each by their version on its date (the lab timepoints read them)."""
    versions.load_versions([subject])
    return _follow_up_visits(subject, final, _judged_by(subject, None, None), fixed=False)


def _follow_up_visits(subject, final: dt.date, judged_on, *, fixed: bool):
    """(visit, target date) of the follow-up visits expected of the subject, in date order:
    each visit a version of theirs declares, where the version they are on at its target
    date declares it so (FS+21, added by a later version, is expected of a subject
    re-consented to it before that date; one re-consented after is not asked for it)."""
    protocols = [judged_on(final)[0]] if fixed else versions.subject_protocols(subject)
    found = {}
    for protocol in protocols:
        for visit in protocol.follow_up_visits:
            target = final + dt.timedelta(days=visit.day)
            if visit.code not in found and visit in judged_on(target)[0].follow_up_visits:
                found[visit.code] = (visit, target)
    return sorted(found.values(), key=lambda pair: (pair[1], pair[0].day))


@dataclass(frozen=True)
class OverdueForm:
    subject: Subject
    visit: ScheduledVisit
    form: ExpectedForm

    @property
    def days_overdue(self) -> int:
        """Days since the window closed, at the subject's site today."""
        return (today_in(self.subject.site) - self.visit.latest).days


def overdue_forms(
    subjects: list[Subject], records: dict[int, SubjectRecords] | None = None
) -> list[OverdueForm]:
    """Every overdue form of these subjects, oldest window first (fixed query count:
    the subjects must come with site, study and enrolment__arm selected; a caller that
    already holds their records_for() passes them)."""
    records = records_for(subjects) if records is None else records
    versions.load_versions(subjects)  # each subject's versions: a few queries in all
    found = [
        OverdueForm(subject, visit, form)
        for subject in subjects
        for visit in subject_schedule(subject, records[subject.pk])
        for form in visit.forms
        if form.status == FormState.OVERDUE
    ]
    return sorted(found, key=lambda o: (o.visit.latest, o.subject.screening_number))
