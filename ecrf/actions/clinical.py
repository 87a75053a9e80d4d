"""Writes of the clinical forms: medical history (spec §2.3), the liver-failure diagnosis
with its small-for-size criteria (§2.4, §2.5), vital signs outside sessions (§2.6),
concomitant medications and procedures (§2.13) and the disposition (§2.14).

Each `<form>_record` action creates the form when `entry` is None and otherwise updates
it (bumping `version`). Cross-record rules refuse with ProtocolRefusal; the soft checks
of the spec (warnings, never a block) are plain functions returning Refusal objects that
the views show as warnings.

The study-specific rules (QH-1A EX03/EX04 history checks, the liver-failure categories
each protocol admits) are declared in studies/<name>/protocol.py.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.actions import queries
from ecrf.actions.core import ProtocolRefusal, eligibility_of, screening_protocol
from ecrf.actions.integrity import check_change, study_parts_save
from ecrf.actions.rows import lock_subject_row
from ecrf.deaths import DispositionFacts, fs28_of, subject_death_account, survival_contradiction
from ecrf.models import (
    ConcomitantMedication,
    Disposition,
    LiverFailureDiagnosis,
    LiverImaging,
    MedicalHistory,
    Procedure,
    Subject,
    SubjectStatus,
    VitalSigns,
    today_in,
)
from ecrf.models.clinical import (
    PARTIAL_DATE,
    LiverFailureCategory,
    ProcedureName,
)
from ecrf.protocol import (  # noqa: F401  (date helpers re-exported for the forms)
    Protocol,
    Refusal,
    get_protocol,
    months_before,
    partial_date_bounds,
)

# --- Dates ------------------------------------------------------------------------------


def _today(subject: Subject) -> dt.date:
    return today_in(subject.site)


def _refuse_dates(
    subject: Subject, dates: dict[str, dt.date | None], *, not_before_consent: bool
) -> list[Refusal]:
    """No date in the future (at the site); optionally none before consent (spec T2)."""
    today = _today(subject)
    refusals = []
    for field, value in dates.items():
        if value is None:
            continue
        if value > today:
            refusals.append(Refusal("DATE-FUTURE", _("This date is in the future."), field))
        elif not_before_consent and value < subject.consent_date:
            refusals.append(
                Refusal(
                    "T2",
                    _("This date precedes informed consent (%(date)s).")
                    % {"date": subject.consent_date.isoformat()},
                    field,
                )
            )
    return refusals


def _save(row, *, by, created: bool, fields: dict, version: int | None = None):
    """Validate and save a form row: created_by on create, version and updated_at after.
    `version` is the one the form showed (0: none saved); an older form is refused, and
    a change to a form saved complete needs a reason (check_change)."""
    if created:
        if version:  # the form showed a saved record that is not this new row
            raise ProtocolRefusal(
                [Refusal("STALE", _("Someone saved this form meanwhile: reload it."))]
            )
    else:
        check_change(row, version=version)
    for name, value in fields.items():
        setattr(row, name, value)
    if created:
        row.created_by = by
    row.full_clean()
    row.save()
    return row


def _locked_entry(model, subject: Subject, entry):
    """Re-read the row being edited, under lock, and make sure it is this subject's."""
    if entry is None:
        return model(subject=subject)
    return model.objects.select_for_update().get(pk=entry.pk, subject=subject)


# --- Medical history (spec §2.3) --------------------------------------------------------


@transaction.atomic
def medical_history_record(
    *,
    subject: Subject,
    by,
    entry: MedicalHistory | None = None,
    version: int | None = None,
    **fields,
) -> MedicalHistory:
    """Record or correct one medical-history condition. History dates are not compared
    with consent (the history precedes the study) but may not lie in the future."""
    subject = lock_subject_row(subject)
    today = _today(subject)
    refusals = []
    for field in ("start", "end"):
        value = fields.get(field)
        if not value:
            continue
        try:
            earliest = partial_date_bounds(value)[0]
        except ValueError:  # e.g. 2023-02-30; malformed text is the model validator's
            if PARTIAL_DATE.regex.match(value):
                refusals.append(Refusal("DATE", _("This date does not exist."), field))
            continue
        if earliest > today:
            refusals.append(Refusal("DATE-FUTURE", _("This date is in the future."), field))
    if refusals:
        raise ProtocolRefusal(refusals)
    row = _locked_entry(MedicalHistory, subject, entry)
    return _save(row, by=by, created=entry is None, fields=fields, version=version)


def medical_history_warnings(subject: Subject, history: list[MedicalHistory]) -> list[Refusal]:
    """Soft checks of the history against the eligibility checklist (spec §2.3: "categories
    drive eligibility checks"), as the subject's protocol declares them: the version the
    checklist is judged by (their screening date's, issue 21)."""
    rules = screening_protocol(subject).history_rules
    if not rules:
        return []
    answers = eligibility_of(subject).answers
    warnings = []
    for rule in rules:
        warnings += rule(consent_date=subject.consent_date, history=history, answers=answers)
    return warnings


# --- Liver-failure diagnosis (spec §2.4, §2.5) -----------------------------------------


def liver_failure_categories(package: str) -> set[str]:
    """The categories a study's form offers (SFSS only for CiPS-BAL, spec §2.4)."""
    return set(get_protocol(package).liver_failure_categories)


def rule_liver_failure_category(
    *, protocol: Protocol, category: str, guideline: str
) -> list[Refusal]:
    """The diagnosis meets the study's inclusion criterion IN01, as the protocol declares."""
    refusals = []
    rule, allowed = "IN01", set(protocol.liver_failure_categories)
    if category not in allowed:
        refusals.append(
            Refusal(
                rule,
                _("This study admits only: %(allowed)s.")
                % {"allowed": ", ".join(sorted(str(c) for c in allowed))},
                "category",
            )
        )
    required = protocol.required_guideline
    if required and guideline != required:
        refusals.append(
            Refusal(
                "IN01",
                _("Inclusion criterion IN01 requires the Chinese 2024 liver-failure guideline."),
                "guideline",
            )
        )
    return refusals


@transaction.atomic
def liver_failure_record(
    *,
    subject: Subject,
    by,
    version: int | None = None,
    study_parts: Mapping | None = None,
    **fields,
) -> LiverFailureDiagnosis:
    """Record or correct the subject's liver-failure diagnosis (one per subject), with the
    study's own fields of it (`study_parts`: part model -> values, e.g. CiPS-BAL's
    small-for-size operation), judged by the study's diagnosis rules."""
    subject = lock_subject_row(subject)
    study_parts = study_parts or {}
    # The diagnosis decides inclusion criterion IN01: judged by the version the subject's
    # checklist is (their screening date's, issue 21).
    protocol = screening_protocol(subject)
    refusals = rule_liver_failure_category(
        protocol=protocol,
        category=fields.get("category", ""),
        guideline=fields.get("guideline", ""),
    )
    refusals += _refuse_dates(
        subject, {"diagnosed_on": fields.get("diagnosed_on")}, not_before_consent=False
    )
    values = {**fields, **{k: v for part in study_parts.values() for k, v in part.items()}}
    for rule in protocol.diagnosis_rules:
        refusals += rule(subject=subject, values=values)
    if refusals:
        raise ProtocolRefusal(refusals)
    entry = LiverFailureDiagnosis.objects.select_for_update().filter(subject=subject).first()
    row = entry or LiverFailureDiagnosis(subject=subject)
    row = _save(row, by=by, created=entry is None, fields=fields, version=version)
    study_parts_save(record=row, package=subject.study.package, parts=study_parts, by=by)
    return row


def liver_failure_warnings(diagnosis: LiverFailureDiagnosis) -> list[Refusal]:
    """Soft checks (spec V17: a mismatch is a query, not a block)."""
    warnings = []
    # Spec §3.5: ACLF arises "on a background of chronic liver disease".
    if diagnosis.category == LiverFailureCategory.ACLF and diagnosis.chronic_liver_disease is False:
        warnings.append(
            Refusal("V17", _("ACLF is diagnosed, but no chronic liver disease is recorded."))
        )
    # The study's own soft checks (CiPS-BAL: a small graft, spec §3.6).
    for check in screening_protocol(diagnosis.subject).diagnosis_warnings:
        warnings += check(diagnosis)
    return warnings


# --- Vital signs outside sessions (spec §2.6) ------------------------------------------


@transaction.atomic
def vital_signs_record(
    *, subject: Subject, by, entry: VitalSigns | None = None, version: int | None = None, **fields
) -> VitalSigns:
    """Record or correct vital signs taken outside a BAL session. Hard ranges and DBP < SBP
    are on the model; here: not before consent (spec T2) and not in the future."""
    subject = lock_subject_row(subject)
    measured_at = fields.get("measured_at")
    refusals = []
    if measured_at is not None:
        if measured_at > timezone.now():
            refusals.append(Refusal("DATE-FUTURE", _("This time is in the future."), "measured_at"))
        elif timezone.localdate(measured_at, zoneinfo.ZoneInfo(subject.site.time_zone)) < (
            subject.consent_date
        ):
            refusals.append(
                Refusal(
                    "T2",
                    _("Vital signs cannot precede informed consent (%(date)s).")
                    % {"date": subject.consent_date.isoformat()},
                    "measured_at",
                )
            )
    if refusals:
        raise ProtocolRefusal(refusals)
    row = _locked_entry(VitalSigns, subject, entry)
    if row.session_id is not None:
        # Readings taken during a session are the session form's.
        raise ProtocolRefusal([Refusal("SESSION", _("Edit these vital signs on the session."))])
    row = _save(row, by=by, created=entry is None, fields=fields, version=version)
    queries.vital_signs_queries(row)  # spec §2.6 soft alerts raise queries
    return row


# Soft alerts of spec §2.6 ("Soft (alert)" column): (field, test, message).
VITAL_SIGN_ALERTS = (
    ("systolic_bp", lambda v: v < 90, _("Systolic BP below 90 mmHg.")),
    ("diastolic_bp", lambda v: v < 50, _("Diastolic BP below 50 mmHg.")),
    ("mean_arterial_pressure", lambda v: v < 65, _("MAP below 65 mmHg.")),
    (
        "mean_arterial_pressure",
        lambda v: 65 <= v < 70,
        _("MAP below 70 mmHg (CLIF circulatory failure)."),
    ),
    ("heart_rate", lambda v: v < 50, _("Heart rate below 50 beats/min.")),
    ("heart_rate", lambda v: v > 120, _("Heart rate above 120 beats/min.")),
    ("respiratory_rate", lambda v: v < 10, _("Respiratory rate below 10 breaths/min.")),
    ("respiratory_rate", lambda v: v > 30, _("Respiratory rate above 30 breaths/min.")),
    ("temperature_c", lambda v: v < Decimal("36.0"), _("Temperature below 36.0 °C.")),
    ("temperature_c", lambda v: v >= Decimal("38.0"), _("Temperature of 38.0 °C or more.")),
    ("spo2_percent", lambda v: v < 92, _("SpO₂ below 92 %.")),
)


def vital_signs_alerts(vitals: VitalSigns) -> list:
    """The soft alerts a reading raises (spec §2.6, V9: prompt to check for an AE)."""
    alerts = []
    for field, test, message in VITAL_SIGN_ALERTS:
        value = getattr(vitals, field)
        if value is not None and test(value):
            alerts.append(message)
    return alerts


# --- Liver imaging (spec §1.5, CiPS-BAL tumorigenicity surveillance) -------------------


@transaction.atomic
def liver_imaging_record(
    *, subject: Subject, by, entry: LiverImaging | None = None, version: int | None = None, **fields
) -> LiverImaging:
    """Record or correct a liver imaging. Screening imaging may precede consent (imaging
    done for care and used for screening); none is dated in the future."""
    subject = lock_subject_row(subject)
    refusals = _refuse_dates(
        subject, {"examined_on": fields.get("examined_on")}, not_before_consent=False
    )
    if refusals:
        raise ProtocolRefusal(refusals)
    row = _locked_entry(LiverImaging, subject, entry)
    return _save(row, by=by, created=entry is None, fields=fields, version=version)


# --- Concomitant medications and procedures (spec §2.13) --------------------------------


@transaction.atomic
def medication_record(
    *,
    subject: Subject,
    by,
    entry: ConcomitantMedication | None = None,
    version: int | None = None,
    **fields,
) -> ConcomitantMedication:
    """Record or correct a concomitant medication. It may start before consent (spec §1.5:
    "incl. 14 days before screening"), not in the future."""
    subject = lock_subject_row(subject)
    dates = {name: fields.get(name) for name in ("start_date", "end_date")}
    refusals = _refuse_dates(subject, dates, not_before_consent=False)
    if refusals:
        raise ProtocolRefusal(refusals)
    row = _locked_entry(ConcomitantMedication, subject, entry)
    return _save(row, by=by, created=entry is None, fields=fields, version=version)


@transaction.atomic
def procedure_record(
    *, subject: Subject, by, entry: Procedure | None = None, version: int | None = None, **fields
) -> Procedure:
    """Record or correct a procedure (non-study plasma exchange, transplantation, ...).
    A transplantation must agree with the disposition's transplant date (spec §2.13:
    "LT date → disposition/survival")."""
    subject = lock_subject_row(subject)
    dates = {name: fields.get(name) for name in ("started_on", "ended_on")}
    refusals = _refuse_dates(subject, dates, not_before_consent=False)
    row = _locked_entry(Procedure, subject, entry)
    # Moving or renaming the transplantation the disposition reports would leave the
    # disposition's date unsupported; another (re-)transplantation may be added freely.
    disposition = Disposition.objects.filter(subject=subject).first()
    reported = disposition.transplant_date if disposition else None
    if entry is not None and reported and row.name == ProcedureName.TRANSPLANT:
        moved = fields.get("name") != ProcedureName.TRANSPLANT or (
            fields.get("started_on") != reported
        )
        others = Procedure.objects.filter(
            subject=subject, name=ProcedureName.TRANSPLANT, started_on=reported
        ).exclude(pk=row.pk)
        if row.started_on == reported and moved and not others.exists():
            refusals.append(_transplant_mismatch(reported, "started_on"))
    if refusals:
        raise ProtocolRefusal(refusals)
    return _save(row, by=by, created=entry is None, fields=fields, version=version)


def _transplant_mismatch(recorded: dt.date, field: str) -> Refusal:
    return Refusal(
        "TRANSPLANT-DATE",
        _("The liver transplantation is recorded on %(date)s elsewhere in the casebook.")
        % {"date": recorded.isoformat()},
        field,
    )


# --- Disposition (spec §2.14) ---------------------------------------------------------


@transaction.atomic
def disposition_record(
    *, subject: Subject, by, version: int | None = None, **fields
) -> Disposition:
    """Record or correct the subject's disposition (one per subject).

    Rules: an enrolled subject only (a screen failure has its own record); dates neither
    before consent (spec T2) nor in the future; the survival status at FS+28 agrees with
    the form's own death date (refused); a transplant date agrees with the "transplant"
    procedure, which is created from the disposition if none is recorded yet. A death
    that a fatal AE tells differently is saved and queried (spec V11, ecrf/deaths.py).
    """
    subject = lock_subject_row(subject)
    if subject.status != SubjectStatus.ENROLLED:
        raise ProtocolRefusal(
            [Refusal("STATUS", _("Only an enrolled subject has a study disposition."))]
        )
    date_fields = ("disposition_date", "death_date", "transplant_date", "last_known_alive")
    refusals = _refuse_dates(
        subject, {name: fields.get(name) for name in date_fields}, not_before_consent=True
    )
    # Spec §2.14: the form contradicting itself (alive at FS+28, dead before it) is refused.
    facts = DispositionFacts(
        fields.get("status", ""), fields.get("death_date"), fields.get("survival_status_fs28", "")
    )
    fs28 = fs28_of(subject.sessions.all(), subject.site.time_zone)
    if contradiction := survival_contradiction(facts, fs28):
        refusals.append(Refusal("V11", contradiction, "survival_status_fs28"))
    transplant_date = fields.get("transplant_date")
    transplants = list(
        Procedure.objects.select_for_update().filter(subject=subject, name=ProcedureName.TRANSPLANT)
    )
    if transplant_date and transplants:
        if all(p.started_on != transplant_date for p in transplants):
            refusals.append(_transplant_mismatch(transplants[0].started_on, "transplant_date"))
    if refusals:
        raise ProtocolRefusal(refusals)
    entry = Disposition.objects.select_for_update().filter(subject=subject).first()
    row = _save(
        entry or Disposition(subject=subject),
        by=by,
        created=entry is None,
        fields=fields,
        version=version,
    )
    # A disposition ends treatment, so the session-count rule (QHMT 2-3 sessions,
    # spec T5) can now judge the course: added by the sessions work.
    from ecrf.actions.sessions import deviations_refresh

    deviations_refresh(subject=subject, by=by)
    queries.death_record_queries(subject, row, subject_death_account(subject))
    if transplant_date and not transplants:
        # One fact, one place to read it: the procedures list carries every
        # transplantation, so the disposition records the one it reports.
        _save(
            Procedure(subject=subject),
            by=by,
            created=True,
            fields={
                "name": ProcedureName.TRANSPLANT,
                "started_on": transplant_date,
                "details": str(_("Recorded from the disposition form.")),
            },
        )
    return row


def disposition_warnings(disposition: Disposition, procedures: list[Procedure]) -> list[Refusal]:
    """Soft check: a transplantation in the procedures that the disposition does not
    report (spec §2.14 "Liver transplantation YN + date")."""
    transplanted = [p for p in procedures if p.name == ProcedureName.TRANSPLANT]
    if transplanted and not disposition.transplant_date:
        return [
            Refusal(
                "TRANSPLANT-DATE",
                _("A liver transplantation on %(date)s is in the procedures: record its date.")
                % {"date": transplanted[0].started_on.isoformat()},
            )
        ]
    return []
