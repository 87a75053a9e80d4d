"""Lab writes: a panel with its results, a CSV import of many panels, and the clinical status
that the Child-Pugh and MELD scores need (spec §2.9, §3.2, §3.3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecrf import plain_sql
from ecrf.actions import queries
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.integrity import check_change, removed_from_form, void_row
from ecrf.actions.rows import lock_subject_row
from ecrf.lab_catalogue import CATALOGUE, PANEL_TESTS, Panel
from ecrf.lab_results import (
    SCORE_TESTS,
    ResultEntry,
    corrected_calcium,
    entry_errors,
    expected_timepoints,
    flag_for,
    lab_rules,
    local_date,
    panel_at,
    reference_ranges,
    subject_panels,
    timepoint_sessions,
    worst_grade,
)
from ecrf.models import ClinicalStatus, LabPanel, LabResult, Subject
from ecrf.protocol import Refusal

# Entry mistakes a clock skew can excuse; anything later is a typing error.
FUTURE_SLACK = dt.timedelta(minutes=10)


def _refusals_for_entries(entries: Sequence[ResultEntry], panel: str) -> list[Refusal]:
    refusals = []
    allowed = set(PANEL_TESTS.get(panel, ()))
    for entry in entries:
        if entry.test_code not in allowed:
            refusals.append(
                Refusal(
                    "LAB-TEST",
                    _("%(code)s is not a test of this panel.") % {"code": entry.test_code},
                    "test_code",
                )
            )
            continue
        # Spec V15: unit from the test's list, value within the hard range.
        for part, message in entry_errors(entry).items():
            refusals.append(Refusal("LAB-ENTRY", message, f"{entry.test_code}_{part}"))
    return refusals


def _baselines(subject: Subject, sessions, codes: list[str], sampled_at: dt.datetime) -> dict:
    """Last result of each test before the first session, for samples taken after it
    (spec §2.9: grade shift versus the pre-first-session baseline [PROP]). `sessions`:
    the subject's live sessions, as read under its lock."""
    first = min((s.started_at for s in sessions), default=None)
    if first is None or sampled_at < first:
        return {}
    rows = LabResult.objects.filter(
        subject=subject, test_code__in=codes, sampled_at__lt=first, standard_value__isnull=False
    ).order_by("test_code", "-sampled_at")
    baselines = {}
    for row in rows:
        baselines.setdefault(row.test_code, row)
    return baselines


def _albumin_near(subject: Subject, sampled_at: dt.datetime, entries) -> object | None:
    for entry in entries:
        if entry.test_code == "ALB" and entry.standard_value is not None:
            return entry.standard_value
    rules = lab_rules(subject, on=local_date(subject, sampled_at))  # issue 21: their version's
    window = dt.timedelta(hours=rules.score_window_hours)
    rows = LabResult.objects.filter(
        subject=subject,
        test_code="ALB",
        standard_value__isnull=False,
        sampled_at__range=(sampled_at - window, sampled_at + window),
    ).values_list("sampled_at", "standard_value")
    nearest = min(rows, key=lambda r: abs(r[0] - sampled_at), default=None)
    return nearest[1] if nearest else None


def _locked_panel(subject: Subject, panel: str, timepoint: str, seen: LabPanel | None):
    """The live panel at the timepoint, locked FOR UPDATE. `seen` is the caller's read of
    it from before the lock: while its version has not moved, it is the row as stored
    and only the lock is taken, by a short statement instead of the row read again."""
    if seen is not None:
        if plain_sql.locked_version(LabPanel, seen.pk) == seen.version:
            seen.subject = subject  # the row locked above
            return seen
    locked = panel_at(subject, panel, timepoint, for_update=True)
    if locked is not None:
        locked.subject = subject
    return locked


@transaction.atomic
def lab_panel_record(
    *,
    subject: Subject,
    panel: str,
    timepoint: str,
    sampled_at: dt.datetime,
    laboratory: str = "",
    entries: Sequence[ResultEntry],
    by,
    create_only: bool = False,
    version: int | None = None,
    seen: LabPanel | None = None,
    as_read: bool = False,
) -> LabPanel:
    """Record (or correct) one panel at one timepoint with its results.

    Each result keeps the value and unit as entered and the standard value; the site's
    reference range in force on the sample date gives LLN/ULN and the H/L flag, and the
    CTCAE v5 grade is derived from them and the baseline (spec §2.9, §4.2). A test left
    blank on a correction voids its earlier result. Raises ProtocolRefusal naming the
    field of each refused value. `seen`: the panel as the caller read it before the
    lock (the form's page), see _locked_panel. `as_read`: `subject` is as the caller read
    it in this transaction (lock_subject_row).
    """
    # The subject's row only: a join under FOR UPDATE would lock the study and site rows
    # too, and so serialise every lab save of the study, and block inserts referencing
    # the study (their foreign key checks) until the save commits.
    subject = lock_subject_row(subject, as_read=as_read)
    refusals = []
    if panel not in subject_panels(subject):  # by the versions they have been on
        refusals.append(Refusal("LAB-PANEL", _("This study does not collect that panel."), "panel"))
    sessions = timepoint_sessions(subject)
    timepoints = {t.code: t for t in expected_timepoints(subject, sessions)}
    if timepoint not in timepoints:
        refusals.append(
            Refusal(
                "LAB-TIMEPOINT",
                _("%(tp)s is not a timepoint of this subject (recorded sessions decide).")
                % {"tp": timepoint},
                "timepoint",
            )
        )
    if sampled_at > timezone.now() + FUTURE_SLACK:
        refusals.append(
            Refusal("LAB-DATE", _("The sample time cannot be in the future."), "sampled_at")
        )
    refusals += _refusals_for_entries(entries, panel)
    existing = _locked_panel(subject, panel, timepoint, seen)
    if existing and create_only:
        refusals.append(
            Refusal(
                "LAB-EXISTS",
                _("This panel is already recorded at %(tp)s; correct it on its form.")
                % {"tp": timepoint},
                "panel",
            )
        )
    if refusals:
        raise ProtocolRefusal(refusals)
    if existing is not None:
        check_change(existing, version=version)

    now = timezone.now()
    if existing is None:
        record = LabPanel(subject=subject, panel=panel, timepoint=timepoint, created_by=by)
    else:
        record = existing
    record.session_id = timepoints[timepoint].session_id
    record.sampled_at = sampled_at
    record.laboratory = laboratory.strip()
    # The fields' own checks (lengths, choices). Not the keys: the subject and session were
    # read above under the subject's lock and the user is the one signed in. Not the
    # constraints: one live panel per timepoint is what `existing` decided under that lock,
    # and PostgreSQL enforces both anyway; asking Django again costs 8 queries a save.
    record.full_clean(
        exclude=["subject", "session", "created_by", "voided_by"],
        validate_unique=False,
        validate_constraints=False,
    )
    # The panel is saved even when only one result changed: its version is the form's
    # (the optimistic check above), and the next form must see the new one.
    record.save(update_fields=None if existing is None else ["session", "sampled_at", "laboratory"])

    codes = [e.test_code for e in entries]
    ranges = reference_ranges(subject, codes, local_date(subject, sampled_at))
    baselines = _baselines(subject, sessions, codes, sampled_at)
    albumin = _albumin_near(subject, sampled_at, entries) if "CA" in codes else None
    current = {}
    if existing is not None:
        # Locked, only these rows (plain SQL written once: ecrf/plain_sql.py), each with
        # whether its V15 query is still open.
        rows = plain_sql.select(
            LabResult,
            't0."panel_id" = %s AND t0."voided_at" IS NULL',
            [record.pk],
            flags={"active_query": queries.active_lab_query_sql('t0."id"')},
            order_by='t0."id"',
            for_update=True,
        )
        for row in rows:
            row.subject, row.panel = subject, record  # the rows locked above, not read again
            current[row.test_code] = row
    for entry in entries:
        result = current.pop(entry.test_code, None)
        if entry.is_blank:
            if result is not None:
                void_row(result, by=by, reason=removed_from_form(by), now=now)
            continue
        ref = ranges.get(entry.test_code)
        lln, uln = (ref.lln, ref.uln) if ref else (None, None)
        value = entry.standard_value
        graded_value = value
        if entry.test_code == "CA" and value is not None:
            # CTCAE grades albumin-corrected calcium; without an albumin it is not graded.
            graded_value = corrected_calcium(value, albumin) if albumin is not None else None
        grade, term = worst_grade(
            entry.test_code, graded_value, lln, uln, baselines.get(entry.test_code)
        )
        stored = {
            "sampled_at": sampled_at,
            "value": entry.value,
            "unit": entry.unit if entry.value is not None else "",
            "standard_value": value,
            "qualitative": entry.qualitative,
            "not_done_reason": entry.not_done_reason,
            "lln": lln,
            "uln": uln,
            "flag": flag_for(value, lln, uln),
            "ctcae_grade": grade,
            "ctcae_term": term,
        }
        if result is None:
            result = LabResult(
                panel=record, subject=subject, test_code=entry.test_code, created_by=by
            )
            changed = None  # a new row: every column
        else:
            # Unchanged, derived values included (same range, grade and flag): no new
            # version and no audit event for a row nobody changed. Decimals compare by
            # value, 1.2 == 1.2000. A changed row writes what changed (and its version).
            changed = [name for name, new in stored.items() if getattr(result, name) != new]
            if not changed:
                continue
        for name, new in stored.items():
            setattr(result, name, new)
        result.save(update_fields=changed)
        # Spec V15 soft check; a new result has no query yet.
        queries.lab_result_queries(result, subject, active=getattr(result, "active_query", False))
    return record


@dataclass
class PanelImport:
    """One panel from an import file: the rows that make it up, checked by the form."""

    subject: Subject
    panel: str
    timepoint: str
    sampled_at: dt.datetime
    laboratory: str
    entries: list[ResultEntry]
    rows: list[int]


@transaction.atomic
def lab_results_import(*, panels: Sequence[PanelImport], by) -> list[LabPanel]:
    """Write every panel of an import file, or none: any refusal rolls all of them back.

    Import only creates panels; an existing panel is refused so that a re-sent file cannot
    silently overwrite corrected values.
    """
    created = []
    for item in panels:
        try:
            created.append(
                lab_panel_record(
                    subject=item.subject,
                    panel=item.panel,
                    timepoint=item.timepoint,
                    sampled_at=item.sampled_at,
                    laboratory=item.laboratory,
                    entries=item.entries,
                    by=by,
                    create_only=True,
                )
            )
        except ProtocolRefusal as refusal:
            rows = ", ".join(str(n) for n in item.rows)
            raise ProtocolRefusal(
                [
                    Refusal(r.rule, _("Rows %(rows)s: %(msg)s") % {"rows": rows, "msg": r.message})
                    for r in refusal.refusals
                ]
            ) from None
    return created


@transaction.atomic
def clinical_status_record(
    *,
    subject: Subject,
    assessed_on: dt.date,
    ascites: str,
    encephalopathy_grade: int,
    dialysed_twice_last_week: bool,
    by,
    version: int | None = None,
) -> ClinicalStatus:
    """Record the clinical inputs of the scores for a date (spec §2.4, §3.2, §3.3); a second
    entry for the same date corrects the first (check_change: its version, a reason)."""
    subject = lock_subject_row(subject)
    status = (
        ClinicalStatus.objects.select_for_update()
        .filter(subject=subject, assessed_on=assessed_on)
        .first()
    )
    if status is None:
        status = ClinicalStatus(subject=subject, assessed_on=assessed_on, created_by=by)
    else:
        # The form showed no entry for the date (version 0): the user first sees what
        # is stored (StaleForm), then corrects it deliberately, with a reason.
        check_change(status, version=version)
    status.ascites = ascites
    status.encephalopathy_grade = encephalopathy_grade
    status.dialysed_twice_last_week = dialysed_twice_last_week
    status.full_clean()
    status.save()
    return status


# The inputs of MELD, MELD-Na and MELD 3.0 (spec §3.2), entered on one page (issue 19
# item 3): each result goes into its own panel at the timepoint, as the panel forms would
# write it, and dialysis into the clinical-status form of the sample's local date.
MELD_TESTS = SCORE_TESTS  # bilirubin, INR, creatinine, sodium, albumin


@dataclass(frozen=True)
class MeldInputs:
    panels: list[LabPanel]
    status: ClinicalStatus


@transaction.atomic
def meld_inputs_record(
    *,
    subject: Subject,
    timepoint: str,
    sampled_at: dt.datetime,
    laboratory: str = "",
    entries: Sequence[ResultEntry],
    ascites: str,
    encephalopathy_grade: int,
    dialysed_twice_last_week: bool,
    by,
) -> MeldInputs:
    """Record the MELD inputs of one timepoint in one transaction: the results into their
    panels (liver function, coagulation, renal function) through lab_panel_record, and
    the clinical status of the sample's date through clinical_status_record. A panel
    already recorded at the timepoint, or a clinical status of that date that says
    otherwise, is corrected on its own form: nothing here changes a saved record."""
    subject = lock_subject_row(subject)
    by_panel: dict[str, list[ResultEntry]] = {}
    for entry in entries:
        if entry.test_code not in MELD_TESTS:
            raise ValueError(f"{entry.test_code} is not an input of MELD")
        if not entry.is_blank:
            by_panel.setdefault(CATALOGUE[entry.test_code].panel, []).append(entry)
    refusals: list[Refusal] = []
    panels = []
    for panel, panel_entries in by_panel.items():
        try:
            panels.append(
                lab_panel_record(
                    subject=subject,
                    panel=panel,
                    timepoint=timepoint,
                    sampled_at=sampled_at,
                    laboratory=laboratory,
                    entries=panel_entries,
                    by=by,
                    create_only=True,
                )
            )
        except ProtocolRefusal as refusal:
            # Every panel's problems at once, each at its field; "panel" (already
            # recorded) goes to the first of the panel's tests.
            for item in refusal.refusals:
                if item.field == "panel":
                    message = item.message
                    if item.rule == "LAB-EXISTS":
                        message = _(
                            "%(panel)s is already recorded at %(tp)s; correct it on its form."
                        ) % {"panel": Panel(panel).label, "tp": timepoint}
                    item = Refusal(item.rule, message, f"{panel_entries[0].test_code}_value")
                if item not in refusals:
                    refusals.append(item)
    day = local_date(subject, sampled_at)
    status = ClinicalStatus.objects.filter(subject=subject, assessed_on=day).first()
    answers = {
        "ascites": ascites,
        "encephalopathy_grade": encephalopathy_grade,
        "dialysed_twice_last_week": dialysed_twice_last_week,
    }
    if status is not None and any(getattr(status, k) != v for k, v in answers.items()):
        refusals.append(
            Refusal(
                "MELD-STATUS",
                _(
                    "The clinical status of %(day)s is already recorded with other answers; "
                    "correct it on its form."
                )
                % {"day": day.isoformat()},
                "dialysed_twice_last_week",
            )
        )
    if refusals:
        raise ProtocolRefusal(refusals)
    if status is None:
        status = clinical_status_record(subject=subject, assessed_on=day, by=by, **answers)
    return MeldInputs(panels=panels, status=status)
