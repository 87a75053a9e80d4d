"""BAL sessions and the protocol deviations their rules find (spec §2.7, §2.8, §2.16).

A session records what happened: rules that compare it with the protocol (screening
window, duration window, number of sessions, interval, dose) are breach rules that record
Deviation rows and alert the site's monitors instead of refusing it (issue 18). Only what
cannot be true is refused: each protocol's `session_rules` are all "impossible" ones
(a session before consent or enrolment, or without a planned duration).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry, versions
from ecrf.actions.alerts import deviation_alerts_raise
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.integrity import check_change, removed_from_form, study_parts_save, void_row
from ecrf.actions.rows import lock_subject_row
from ecrf.models import (
    AnticoagulationCheck,
    Deviation,
    DeviceCheck,
    SessionInterruption,
    Subject,
    SubjectStatus,
    TreatmentSession,
    VitalSigns,
)
from ecrf.models.clinical import VitalsTimepoint
from ecrf.protocol import (
    Finding,
    Protocol,
    Refusal,
    SessionCase,
    StudyOptions,
    TreatmentCourse,
    planned_session_minutes,
)

# Fields the session form may set; everything else is derived here.
SESSION_FIELDS = (
    "started_at",
    "ended_at",
    "weight_kg",
    "access_site",
    "access_side",
    "catheter_type",
    "catheter_size_fr",
    "blood_flow_ml_min",
    "plasma_flow_ml_min",
    "anticoagulation",
    "cell_lot",
    "total_cells_e9",
    "viability_percent",
    "device_serial",
    "completed_as_planned",
    "termination_reason",
    "termination_details",
    "form_status",
)


def local_date(moment: dt.datetime, time_zone: str) -> dt.date:
    return timezone.localtime(moment, zoneinfo.ZoneInfo(time_zone)).date()


def session_minutes(
    started_at: dt.datetime,
    ended_at: dt.datetime,
    stops: Iterable[tuple[dt.datetime, dt.datetime | None]],
) -> tuple[int, int, int]:
    """(gross, interruptions, net) minutes of a session (spec §2.7, §3.1).

    Gross = end − start; interruptions = the time with circulation stopped, where an
    interruption without an end (session terminated during it) lasts to the session's end
    and overlapping interruptions count once; net = gross − interruptions.
    """
    gross = int((ended_at - started_at).total_seconds() // 60)
    spans = sorted((max(start, started_at), min(end or ended_at, ended_at)) for start, end in stops)
    stopped = dt.timedelta()
    current_start = current_end = None
    for start, end in spans:
        if end <= start:
            continue
        if current_end is None or start > current_end:
            if current_end is not None:
                stopped += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        stopped += current_end - current_start
    interrupted = int(stopped.total_seconds() // 60)
    return gross, interrupted, gross - interrupted


def _inside(moment, started_at, ended_at) -> bool:
    return moment is not None and started_at <= moment <= ended_at


def inside_session_refusals(
    started_at, ended_at, interruptions: list[dict], vital_signs: list[dict]
) -> list[Refusal]:
    """Each interruption lies inside the session (spec §2.7.4: "Within session start–end
    (hard)"), and so do intra-session vital signs (spec §2.6 "during session")."""
    refusals = []
    for n, row in enumerate(interruptions, start=1):
        end = row.get("ended_at")
        if row.get("delete"):
            continue
        if not _inside(row["started_at"], started_at, ended_at) or (
            end is not None and not _inside(end, started_at, ended_at)
        ):
            refusals.append(
                Refusal(
                    "INTERRUPTION-INSIDE-SESSION",
                    _("Interruption %(n)d must lie between the session's start and end.")
                    % {"n": n},
                )
            )
    for n, row in enumerate(vital_signs, start=1):
        if not row.get("delete") and not _inside(row["measured_at"], started_at, ended_at):
            refusals.append(
                Refusal(
                    "VITALS-INSIDE-SESSION",
                    _("Vital signs %(n)d must be measured between the session's start and end.")
                    % {"n": n},
                )
            )
    return refusals


def _sync(model, rows: list[dict], existing, create_with: dict, by, now) -> None:
    """Create, update or void a session's child rows from a formset's rows.

    Each row holds the form's values plus "id" (None for a new row) and "delete". A row
    removed from the form is voided, never deleted (issue 4)."""
    existing = {row.pk: row for row in existing}
    for values in rows:
        values = dict(values)
        pk, delete = values.pop("id", None), values.pop("delete", False)
        row = existing.get(pk) if pk else None
        if delete:
            if row is not None:
                void_row(row, by=by, reason=removed_from_form(by), now=now)
            continue
        if row is None:
            row = model(created_by=by, **create_with, **values)
        else:
            changed = any(getattr(row, name) != value for name, value in values.items())
            if not changed:
                continue
            for name, value in values.items():
                setattr(row, name, value)
        row.full_clean()
        row.save()


@transaction.atomic
def session_record(
    *,
    subject: Subject,
    by,
    values: Mapping,
    planned_minutes: int | None = None,
    interruptions: list[dict] = (),
    anticoagulation_checks: list[dict] = (),
    vital_signs: list[dict] = (),
    device_checks: Mapping[str, tuple[bool, str]] | None = None,
    study_parts: Mapping | None = None,
) -> TreatmentSession:
    """Record a BAL session: the next session number for the subject, its logs, its
    derived durations, its device checks, the study's own fields (`study_parts`: part
    model -> values, see study_parts_save) and the deviations its protocol finds.

    Raises ProtocolRefusal when a hard rule of the protocol refuses the session."""
    return _session_save(
        subject=subject,
        session=None,
        by=by,
        values=values,
        planned_minutes=planned_minutes,
        interruptions=list(interruptions),
        anticoagulation_checks=list(anticoagulation_checks),
        vital_signs=list(vital_signs),
        device_checks=device_checks,
        study_parts=study_parts,
    )


@transaction.atomic
def session_update(
    *,
    session: TreatmentSession,
    by,
    values: Mapping,
    planned_minutes: int | None = None,
    interruptions: list[dict] = (),
    anticoagulation_checks: list[dict] = (),
    vital_signs: list[dict] = (),
    device_checks: Mapping[str, tuple[bool, str]] | None = None,
    study_parts: Mapping | None = None,
    version: int | None = None,
) -> TreatmentSession:
    """Correct a recorded session. Its deviations are re-checked: one the correction
    removes is marked as no longer applying (kept, with its explanation). `version` is
    the one the form showed (see check_change)."""
    return _session_save(
        subject=session.subject,
        session=session,
        version=version,
        by=by,
        values=values,
        planned_minutes=planned_minutes,
        interruptions=list(interruptions),
        anticoagulation_checks=list(anticoagulation_checks),
        vital_signs=list(vital_signs),
        device_checks=device_checks,
        study_parts=study_parts,
    )


def _session_save(
    *,
    subject,
    session,
    version=None,
    by,
    values,
    planned_minutes,
    interruptions,
    anticoagulation_checks,
    vital_signs,
    device_checks,
    study_parts,
) -> TreatmentSession:
    # The subject row is locked: session numbers and counts are decided under it.
    subject = lock_subject_row(subject, "enrolment__arm")
    if subject.status != SubjectStatus.ENROLLED:
        raise ProtocolRefusal(
            [Refusal("STATUS", _("Only an enrolled subject can have BAL sessions."))]
        )
    study, arm = subject.study, subject.enrolment.arm
    unknown = set(values) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"Not session fields: {', '.join(sorted(unknown))}")
    if session is None:
        last = subject.sessions.order_by("-number").values_list("number", flat=True).first()
        number = (last or 0) + 1
        session = TreatmentSession(subject=subject, number=number, created_by=by)
    else:
        session = TreatmentSession.objects.select_for_update().get(pk=session.pk)
        check_change(session, version=version)
    for name, value in values.items():
        setattr(session, name, value)
    # Issue 21: judged by the subject's protocol version on the session's date.
    session_date = local_date(session.started_at, subject.site.time_zone)
    protocol = versions.protocol_for(subject, on=session_date)
    design = protocol.arm(arm.code)
    # A correction keeps the planned duration it was given unless the form sends one.
    planned = planned_session_minutes(design, arm, planned_minutes)
    if session.pk and planned is None:
        planned = session.planned_minutes
    case = SessionCase(
        subject=subject,
        arm=arm,
        design=design,
        number=session.number,
        session_date=session_date,
        planned_minutes=planned,
        options=protocol.options,
    )
    refusals = [r for rule in protocol.session_rules if (r := rule(case))]
    refusals += inside_session_refusals(
        session.started_at, session.ended_at, interruptions, vital_signs
    )
    if refusals:
        raise ProtocolRefusal(refusals)
    session.planned_minutes = planned
    session.full_clean()
    session.save()

    now = timezone.now()
    intra = VitalsTimepoint.INTRA_SESSION
    logs = [
        (SessionInterruption, interruptions, session.interruptions.all(), {}),
        (AnticoagulationCheck, anticoagulation_checks, session.anticoagulation_checks.all(), {}),
        # Only the intra-session series: pre- and end-of-session vitals have their own form.
        (
            VitalSigns,
            vital_signs,
            session.vital_signs.filter(timepoint=intra),
            {"subject": subject, "timepoint": intra},
        ),
    ]
    for model, rows, existing, extra in logs:
        _sync(model, rows, existing, {"session": session, **extra}, by, now)

    stops = session.interruptions.filter(circulation_stopped=True).values_list(
        "started_at", "ended_at"
    )
    gross, interrupted, net = session_minutes(session.started_at, session.ended_at, stops)
    session.gross_minutes, session.interruption_minutes, session.net_minutes = (
        gross,
        interrupted,
        net,
    )
    # Derived from the logs just saved: written in place (audited by the trigger), not a
    # second version of what the user entered.
    TreatmentSession.objects.filter(pk=session.pk).update(
        gross_minutes=gross, interruption_minutes=interrupted, net_minutes=net
    )

    if device_checks is not None:
        _device_checks_save(session, device_checks, study.protocol.device_criteria, by)
    study_parts_save(record=session, package=study.package, parts=study_parts or {}, by=by)
    deviations_refresh(subject=subject, by=by)
    return session


def _device_checks_save(session, results, criteria, by) -> None:
    known = {c.code for c in criteria}
    existing = {check.criterion: check for check in session.device_checks.all()}
    for code, (passed, comment) in results.items():
        if code not in known:
            raise ValueError(f"{code!r} is not a device criterion of this protocol")
        row = existing.get(code)
        if row is None:
            DeviceCheck.objects.create(
                session=session, criterion=code, passed=passed, comment=comment, created_by=by
            )
        elif (row.passed, row.comment) != (passed, comment):
            row.passed, row.comment = passed, comment
            row.save()


def session_passed(session: TreatmentSession, criteria) -> bool | None:
    """PASS only if every declared criterion was checked and passed (spec §2.8.3). Reads
    session.device_checks.all(), so prefetch it for lists. None if no criteria apply."""
    if not criteria:
        return None
    results = {check.criterion: check.passed for check in session.device_checks.all()}
    return all(results.get(c.code) is True for c in criteria)


@transaction.atomic
def deviations_refresh(*, subject: Subject, by) -> list[Deviation]:
    """Run the protocol's deviation rules over the subject's sessions and upsert the
    automatic Deviation rows: new findings are created, findings that persist are kept
    up to date, and deviations no longer found are marked as no longer applying.

    Called after each session save; the disposition action should call it too, since
    ending treatment is what makes a QHMT session count final (spec T5)."""
    subject = lock_subject_row(subject, "enrolment__arm")
    if subject.status != SubjectStatus.ENROLLED:
        return []
    # Issue 21: each finding is judged by the subject's protocol version on its date. The
    # rules run under each version the subject had on a session's date, and keep the
    # findings dated while that version was the subject's: a re-consent to a later
    # version re-judges nothing that happened before it.
    first = {}
    for day in [*_session_days(subject), subject.enrolment.enrolment_date]:
        first.setdefault(versions.subject_version(subject, on=day).pk, day)
    severities, findings = {}, []
    for version_pk, day in first.items():
        protocol = versions.protocol_for(subject, on=day)
        course = treatment_course(subject, protocol, protocol.options)
        for rule in protocol.deviation_rules:
            severities[rule.declaration.code] = rule.declaration.severity
        findings += [
            f
            for f in deviation_findings(course, protocol)
            if versions.subject_version(subject, on=f.occurred_on).pk == version_pk
        ]
    sessions = course.sessions
    by_number = {s.number: s for s in sessions}
    # Only the rows these rules found: an enrolment judged as of its date (subject_enrol)
    # records deviations of its own, under the gate rules' codes and no session.
    enrolment_codes = {rule.declaration.code for rule in protocol.enrolment_rules}
    existing = {
        (d.rule, d.session_id): d
        for d in Deviation.objects.select_for_update()
        .filter(subject=subject, automatic=True, rule__in=severities)
        .exclude(session=None, rule__in=enrolment_codes)
    }
    current = []
    for finding in findings:
        session = by_number.get(finding.session_number)
        key = (finding.rule, session.pk if session else None)
        row = existing.pop(key, None)
        severity = finding.severity or severities[finding.rule]
        if row is None:
            row = Deviation.objects.create(
                subject=subject,
                session=session,
                rule=finding.rule,
                category=finding.category,
                description=finding.description,
                occurred_on=finding.occurred_on,
                severity=severity,
                automatic=True,
                created_by=by,
            )
            deviation_alerts_raise(deviation=row)
        elif (row.description, row.occurred_on, row.severity, row.resolved) != (
            finding.description,
            finding.occurred_on,
            severity,
            False,
        ):
            row.description, row.occurred_on, row.severity = (
                finding.description,
                finding.occurred_on,
                severity,
            )
            reopened, row.resolved = row.resolved, False
            row.save()
            if reopened:
                deviation_alerts_raise(deviation=row)
        current.append(row)
    for row in existing.values():
        if not row.resolved:
            row.resolved = True
            row.save(update_fields=["resolved"])
    return current


def _session_days(subject: Subject) -> list[dt.date]:
    tz = subject.site.time_zone
    return [local_date(s.started_at, tz) for s in subject.sessions.order_by("number")]


def treatment_course(
    subject: Subject, protocol: Protocol, options: StudyOptions
) -> TreatmentCourse:
    """An enrolled subject's sessions so far, as the deviation rules of `protocol` read
    them. Reads only: deviations_refresh stores what the rules find, and the migration
    plan (ecrf/migration_plan.py) asks what another version's rules would find."""
    arm = subject.enrolment.arm
    design = protocol.arm(arm.code)
    # With the study's own fields of each session (the dose rule reads them).
    parts = form_registry.study_part_names(TreatmentSession, subject.study.package)
    sessions = tuple(subject.sessions.order_by("number").prefetch_related(*parts))
    tz = subject.site.time_zone
    limit = design.sessions_max
    return TreatmentCourse(
        subject=subject,
        arm=arm,
        design=design,
        sessions=sessions,
        session_dates=tuple(local_date(s.started_at, tz) for s in sessions),
        treatment_over=(limit is not None and len(sessions) >= limit) or _has_disposition(subject),
        options=options,
    )


def deviation_findings(course: TreatmentCourse, protocol: Protocol) -> list[Finding]:
    """What the protocol's deviation rules find in a course (nothing is stored)."""
    return [f for rule in protocol.deviation_rules for f in rule(course)]


def _has_disposition(subject: Subject) -> bool:
    from ecrf.models import Disposition

    return Disposition.objects.filter(subject=subject).exists()


@transaction.atomic
def deviation_explain(
    *, deviation: Deviation, by, explanation: str, corrective_action: str
) -> Deviation:
    """The site's explanation and corrective action for a deviation (spec §2.16)."""
    deviation = Deviation.objects.select_for_update().get(pk=deviation.pk)
    deviation.explanation = explanation.strip()
    deviation.corrective_action = corrective_action.strip()
    deviation.full_clean()
    deviation.save()
    return deviation


@transaction.atomic
def deviation_report(
    *,
    subject: Subject,
    by,
    category: str,
    description: str,
    occurred_on: dt.date,
    severity: str,
    explanation: str = "",
    corrective_action: str = "",
    session: TreatmentSession | None = None,
) -> Deviation:
    """A deviation reported by site staff (spec §2.16 "auto/manual")."""
    subject = lock_subject_row(subject)
    if session is not None and session.subject_id != subject.pk:
        raise ProtocolRefusal(
            [Refusal("SESSION", _("That session belongs to another subject."), "session")]
        )
    deviation = Deviation(
        subject=subject,
        session=session,
        category=category,
        description=description.strip(),
        occurred_on=occurred_on,
        severity=severity,
        explanation=explanation.strip(),
        corrective_action=corrective_action.strip(),
        automatic=False,
        created_by=by,
    )
    deviation.full_clean()
    deviation.save()
    return deviation
