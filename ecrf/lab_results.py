"""What a lab result means for a subject: which panels and timepoints are expected, the site's
normal range in force, the H/L flag, the CTCAE grade, and the scores (spec §2.9, §3.2, §3.3).

The arithmetic lives in ecrf/lab_catalogue.py (units, hard ranges), ecrf/lab_grading.py
(CTCAE v5) and ecrf/scores.py (MELD, Child-Pugh); this module feeds them from the database.
It reads only; ecrf/actions/labs.py writes.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.db import connection
from django.utils.translation import gettext

from ecrf import plain_sql, scores, versions
from ecrf.lab_catalogue import CATALOGUE, LabTest, check_hard_range
from ecrf.lab_grading import grade_for_test
from ecrf.models import (
    ClinicalStatus,
    LabPanel,
    LabResult,
    ReferenceRange,
    Sex,
    Study,
    Subject,
    TreatmentSession,
)
from ecrf.models.labs import Flag
from ecrf.models.queries import open_queries_exist_sql
from ecrf.protocol import BASELINE, age_at

# --- Per-study declarations ------------------------------------------------------------


@dataclass(frozen=True)
class LabRules:
    """[PROP] lab options a study may override in Study.options["labs"]."""

    # Spec §3 and V16: all inputs of one score come from the same time point, ± 24 h.
    score_window_hours: int = 24

    def __post_init__(self) -> None:
        if not isinstance(self.score_window_hours, int) or not 0 < self.score_window_hours <= 72:
            raise ValueError("labs.score_window_hours must be a whole number of hours, 1-72")


def lab_rules(subject: Subject, *, on: dt.date | None = None) -> LabRules:
    """The [PROP] lab options of the subject's protocol version on the date (issue 21)."""
    from ecrf import versions  # it reads the models this module does

    return versions.option_group("labs", LabRules, subject=subject, on=on)


def study_panels(study: Study) -> tuple[str, ...]:
    """The panels a study collects: those its protocol as registered expects at any visit
    (a subject's own: subject_panels)."""
    return study.protocol.panels


def subject_panels(subject: Subject) -> tuple[str, ...]:
    """The panels collected of a subject: those any protocol version they have been on
    expects at a visit (issue 21: AFP for a subject on QH-1A's demo 2.0)."""
    versions.load_versions([subject])
    protocols = versions.subject_protocols(subject)
    return tuple(dict.fromkeys(p for protocol in protocols for p in protocol.panels))


# --- Timepoints ----------------------------------------------------------------------


@dataclass(frozen=True)
class Timepoint:
    code: str  # BASELINE, PRE-S<n>, POST-S<n>, FS+<n>
    label: str
    session_id: int | None = None


class SessionTime(NamedTuple):
    pk: int
    number: int
    started_at: dt.datetime | None


_SESSIONS_SQL = (
    f'SELECT "id", "number", "started_at" FROM "{TreatmentSession._meta.db_table}"'
    ' WHERE "subject_id" = %s AND "voided_at" IS NULL ORDER BY "number"'
)


def timepoint_sessions(subject: Subject) -> list[SessionTime]:
    """A subject's live sessions as the timepoints (and the baselines) need them, as
    plain rows: the panel form and every lab save read them, in plain SQL (issue 20)."""
    with connection.cursor() as cursor:
        cursor.execute(_SESSIONS_SQL, [subject.pk])
        return [SessionTime(*row) for row in cursor.fetchall()]


def expected_timepoints(subject: Subject, sessions: Sequence) -> list[Timepoint]:
    """The timepoints of the visits the protocol expects lab panels at (studies/<study>/
    protocol.py): BASELINE (screening); PRE-S<n> and POST-S<n> per recorded session;
    FS+<n> from the final one (spec §0 "FS"; §1.5). Each by the subject's protocol version
    on its date (issue 21): the screening's, the session's, the follow-up visit's.
    """
    from ecrf.schedule import follow_up_visits  # the schedule imports this module's models

    versions.load_versions([subject])  # none loaded twice
    timepoints = []
    if versions.protocol_for(subject, on=subject.screening_date).screening_visit.panels:
        timepoints.append(Timepoint(BASELINE, gettext("Baseline (screening)")))
    recorded = sorted(sessions, key=lambda s: s.number)
    for session in recorded:
        protocol = versions.protocol_for(subject, on=local_date(subject, session.started_at))
        if protocol.session_visit is None or not protocol.session_visit.panels:
            continue
        n = {"n": session.number}
        timepoints.append(
            Timepoint(f"PRE-S{session.number}", gettext("Before session %(n)d") % n, session.pk)
        )
        timepoints.append(
            Timepoint(f"POST-S{session.number}", gettext("End of session %(n)d") % n, session.pk)
        )
    if recorded:
        final = local_date(subject, recorded[-1].started_at)
        for visit, _target in follow_up_visits(subject, final):
            if visit.panels:
                timepoints.append(
                    Timepoint(
                        visit.code,
                        gettext("Day %(n)d after the final session") % {"n": visit.day},
                    )
                )
    return timepoints


def panel_at(
    subject: Subject, panel: str, timepoint: str, *, for_update: bool = False
) -> LabPanel | None:
    """The subject's live panel at the timepoint (a database constraint keeps one), or
    None: the panel form's read, flagged with whether it has an open query
    (`has_open_queries`, see show_open_queries), and (for_update) the lab save's locked
    one. In plain SQL written once (ecrf/plain_sql.py): the lab form and save read it."""
    found = plain_sql.select(
        LabPanel,
        't0."subject_id" = %s AND t0."panel" = %s AND t0."timepoint" = %s'
        ' AND t0."voided_at" IS NULL',
        [subject.pk, panel, timepoint],
        flags=None
        if for_update
        else {"has_open_queries": open_queries_exist_sql(LabPanel, 't0."id"')},
        for_update=for_update,
    )
    return found[0] if found else None


_ENTERED_SQL = (
    'SELECT "test_code", "value", "unit", "qualitative", "not_done_reason"'
    f' FROM "{LabResult._meta.db_table}"'
    ' WHERE "panel_id" = %s AND "voided_at" IS NULL ORDER BY "id"'
)


def entered_results(panel: LabPanel) -> list[tuple]:
    """(test code, value, unit, qualitative, reason not done) of the panel's live results,
    as the panel form shows them: only those columns, in plain SQL (issue 20)."""
    with connection.cursor() as cursor:
        cursor.execute(_ENTERED_SQL, [panel.pk])
        return cursor.fetchall()


# --- Reference ranges, flags, grades ------------------------------------------------------


def age_on(subject: Subject, day: dt.date) -> int:
    return age_at(subject.date_of_birth, day)


def local_date(subject: Subject, moment: dt.datetime) -> dt.date:
    """The calendar date of a moment at the subject's site (spec §0: local time)."""
    return moment.astimezone(zoneinfo.ZoneInfo(subject.site.time_zone)).date()


def reference_ranges(
    subject: Subject, test_codes: Iterable[str], on: dt.date
) -> dict[str, ReferenceRange]:
    """The site's range in force on a date for each test, for the subject's sex and age.

    A range for the subject's sex wins over one for both sexes; among equals the most
    recently started range wins. One query for all the tests.
    """
    age = age_on(subject, on)
    # Written out: every lab save reads it, and the ORM's building of it cost the save
    # more than a whole plain page (issue 7). The order is the model's, without its join.
    candidates = ReferenceRange.objects.raw(
        f'SELECT * FROM "{ReferenceRange._meta.db_table}"'
        " WHERE site_id = %s AND test_code = ANY(%s)"
        "   AND sex IN (%s, '')"  # the subject's sex, or both
        "   AND age_min <= %s AND age_max >= %s"
        "   AND valid_from <= %s AND (valid_to IS NULL OR valid_to >= %s)"
        " ORDER BY test_code, sex, age_min, valid_from DESC",
        [subject.site_id, list(test_codes), subject.sex, age, age, on, on],
    )
    chosen: dict[str, ReferenceRange] = {}
    for candidate in candidates:
        best = chosen.get(candidate.test_code)
        if best is None or _rank(candidate) > _rank(best):
            chosen[candidate.test_code] = candidate
    return chosen


def _rank(ref: ReferenceRange) -> tuple[bool, dt.date]:
    return (bool(ref.sex), ref.valid_from)


def flag_for(value: Decimal | None, lln: Decimal | None, uln: Decimal | None) -> str:
    if value is None:
        return ""
    if lln is not None and value < lln:
        return Flag.LOW
    if uln is not None and value > uln:
        return Flag.HIGH
    if lln is None and uln is None:
        return ""
    return Flag.NORMAL


def corrected_calcium(calcium: Decimal, albumin_g_l: Decimal) -> Decimal:
    """Albumin-corrected total calcium, mmol/L: Ca + 0.02 × (40 − albumin g/L) (Payne)."""
    return calcium + Decimal("0.02") * (Decimal(40) - albumin_g_l)


def worst_grade(
    test_code: str,
    standard_value: Decimal | None,
    lln: Decimal | None,
    uln: Decimal | None,
    baseline: LabResult | None,
) -> tuple[int | None, str]:
    """The CTCAE v5 grade and term of a result; the worst when a test maps to two terms."""
    if standard_value is None or not CATALOGUE[test_code].ctcae_terms:
        return None, ""
    base_value = baseline.standard_value if baseline else None
    base_high = (baseline.flag == Flag.HIGH) if baseline and baseline.flag else None
    grades = grade_for_test(test_code, standard_value, lln, uln, base_value, base_high)
    graded = [(g, term) for term, g in grades.items() if g is not None]
    if not graded:
        return None, ""
    grade, term = max(graded, key=lambda pair: pair[0])
    return grade, term if grade > 0 else ""


# --- Entry ------------------------------------------------------------------------------


@dataclass
class ResultEntry:
    """One test of a panel as typed (the form or an import row)."""

    test_code: str
    value: Decimal | None = None
    unit: str = ""
    qualitative: str = ""
    not_done_reason: str = ""
    standard_value: Decimal | None = field(default=None, init=False)

    @property
    def is_blank(self) -> bool:
        return self.value is None and not self.qualitative and not self.not_done_reason


def parse_decimal(text: str) -> Decimal | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(gettext("Enter a number.")) from None
    if not value.is_finite():
        raise ValueError(gettext("Enter a number."))
    return value


def entry_errors(entry: ResultEntry) -> dict[str, str]:
    """Problems with one typed result, by part ("value", "unit", "qualitative", "not_done").

    Sets entry.standard_value when the value converts. Spec V15: the unit must belong to
    the test's list and the value must lie within the hard range (§2.9).
    """
    test = CATALOGUE.get(entry.test_code)
    if test is None:
        return {"test_code": gettext("Unknown test code %(code)s.") % {"code": entry.test_code}}
    errors: dict[str, str] = {}
    if entry.not_done_reason and (entry.value is not None or entry.qualitative):
        errors["not_done"] = gettext("Give either a result or a reason it was not done.")
    if entry.qualitative and not test.qualitative:
        errors["qualitative"] = gettext("%(test)s takes a number, not a qualitative result.") % {
            "test": test.name
        }
    if entry.value is not None and not _storable(entry.value):
        errors["value"] = gettext("Enter at most 10 digits before and 4 after the decimal point.")
    elif entry.value is not None:
        unit_codes = [u.code for u in test.units()]
        if not entry.unit:
            entry.unit = test.standard_unit.code
        if entry.unit not in unit_codes:
            errors["unit"] = gettext(
                "Unit %(unit)s is not accepted for %(test)s: use %(units)s."
            ) % {
                "unit": entry.unit,
                "test": test.name,
                "units": ", ".join(unit_codes),
            }
        else:
            entry.standard_value = standardise(test, entry.value, entry.unit)
            problem = check_hard_range(
                test, entry.standard_value, entered=entry.value, unit=entry.unit
            )
            if not problem and not _storable(entry.standard_value):
                problem = gettext("The value is too large to store; check the unit.")
            if problem:
                errors["value"] = problem
    else:
        entry.unit = ""  # a unit without a number (the form's default) means nothing
    return errors


def _storable(value: Decimal) -> bool:
    """Fits LabResult's DecimalField(max_digits=14, decimal_places=4)."""
    return abs(value) < STORABLE_LIMIT and value.normalize().as_tuple().exponent >= -4


STORABLE_LIMIT = Decimal("1E10")


def standardise(test: LabTest, value: Decimal, unit: str) -> Decimal:
    """The value in the standard unit, at the stored precision (4 decimals)."""
    return test.to_standard(value, unit).quantize(Decimal("0.0001"))


# --- Scores -------------------------------------------------------------------------------

SCORE_TESTS = ("BILI", "INR", "CREAT", "SODIUM", "ALB")


@dataclass(frozen=True)
class ScoreSet:
    """The scores at one timepoint, with the inputs used and why any is missing."""

    at: dt.datetime
    inputs: dict[str, LabResult]
    status: ClinicalStatus | None
    meld: int | None
    meld_na: int | None
    meld_3: int | None
    child_pugh: tuple[int, str] | None
    missing: dict[str, list[str]]  # score -> missing input names

    @property
    def reasons(self) -> dict[str, str]:
        return {score: self.reason(score) for score in self.missing}

    def reason(self, score: str) -> str:
        names = self.missing.get(score)
        if not names:
            return ""
        return gettext("Missing within the time window: %(inputs)s.") % {"inputs": ", ".join(names)}


def _nearest(results: Iterable[LabResult], at: dt.datetime, window: dt.timedelta):
    best = None
    for result in results:
        if result.standard_value is None:
            continue
        gap = abs(result.sampled_at - at)
        if gap <= window and (best is None or gap < abs(best.sampled_at - at)):
            best = result
    return best


def score_set(
    subject: Subject,
    at: dt.datetime,
    results_by_test: dict[str, list[LabResult]],
    statuses: Sequence[ClinicalStatus],
    rules: LabRules,
) -> ScoreSet:
    """MELD, MELD-Na, MELD 3.0 and Child-Pugh from the results nearest `at` within the
    window (V16 [PROP] ± 24 h) and the clinical status of the same local date (or the
    nearest within a day). Scores with a missing input are None with the reason."""
    window = dt.timedelta(hours=rules.score_window_hours)
    inputs = {
        code: found
        for code in SCORE_TESTS
        if (found := _nearest(results_by_test.get(code, ()), at, window))
    }
    day = local_date(subject, at)
    days = window.days or 1
    near = [s for s in statuses if abs((s.assessed_on - day).days) <= days]
    status = min(near, key=lambda s: abs((s.assessed_on - day).days), default=None)

    def value(code):
        return inputs[code].standard_value if code in inputs else None

    names = {
        "BILI": gettext("bilirubin"),
        "INR": gettext("INR"),
        "CREAT": gettext("creatinine"),
        "SODIUM": gettext("sodium"),
        "ALB": gettext("albumin"),
    }
    status_name = gettext("clinical status (ascites, encephalopathy, dialysis)")

    def missing(codes, needs_status=True):
        out = [names[c] for c in codes if c not in inputs]
        return out + ([status_name] if needs_status and status is None else [])

    dialysed = status.dialysed_twice_last_week if status else None
    bili, inr, creat, na, alb = (value(c) for c in SCORE_TESTS)
    female = None if not subject.sex else subject.sex == Sex.FEMALE
    return ScoreSet(
        at=at,
        inputs=inputs,
        status=status,
        meld=scores.meld(bili, inr, creat, dialysed),
        meld_na=scores.meld_na(bili, inr, creat, dialysed, na),
        meld_3=scores.meld_3(bili, inr, creat, dialysed, na, alb, female),
        child_pugh=scores.child_pugh(
            bili,
            alb,
            inr,
            status.ascites if status else None,
            status.encephalopathy_grade if status else None,
        ),
        missing={
            "meld": missing(("BILI", "INR", "CREAT")),
            "meld_na": missing(("BILI", "INR", "CREAT", "SODIUM")),
            "meld_3": missing(("BILI", "INR", "CREAT", "SODIUM", "ALB")),
            "child_pugh": missing(("BILI", "ALB", "INR")),
        },
    )
