"""Seed a large study for the benchmark: `seed(FULL)` writes 1,000 subjects, 5,000 BAL
sessions, 250,000 lab values, 100,000 adverse events and tops the audit trail up to
1,000,000 event rows (issue 7, item 2). Tests seed small: `seed(Counts(subjects=4, ...))`.

Rows are cloned from each study's fully entered demo subject (`manage.py load_demo`:
SYSU3-001 for QH-1A, BFH-001 for CiPS-BAL), field by field, so they look like data the
forms entered: each clone gets new keys (screening number, session number, AE number,
panel and timepoint), its own dates (the whole casebook shifted into the past, so no
date is in the future and every rule about order holds) and the rows of every other
form of the template's casebook. Sessions, lab results and AEs are multiplied to the
counts asked; lab values get the site's reference range, flag and CTCAE grade from the
same functions the lab form uses (ecrf/lab_results.py).

Every insert goes through the tables' triggers, so each row has its pghistory insert
event; the audit trail is then topped up with real update events (lab results re-saved,
as the lab form does, under a reason for change) until it holds `audit_records` rows.

Seeding is resumable: subjects are written in batches of 25, one transaction each, on
two database connections side by side; a second run skips the batches whose first
subject exists and tops the audit trail up from its current size. So `make bench` seeds
once, and an interrupted seeding continues.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import functools
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pghistory
import pghistory.core
from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.utils import timezone

from ecrf import audit, ctcae, safety
from ecrf.lab_catalogue import CATALOGUE, PANEL_TESTS, Panel
from ecrf.lab_results import expected_timepoints, flag_for, reference_ranges, study_panels
from ecrf.lab_results import worst_grade as lab_grade
from ecrf.models import (
    AdverseEvent,
    ChangeReason,
    LabPanel,
    LabResult,
    Study,
    Subject,
    TreatmentSession,
)
from ecrf.models.adverse_events import ActionTaken, Outcome
from ecrf.models.alerts import Alert
from ecrf.models.committee import GateRefusal
from ecrf.models.locking import DataLock
from ecrf.models.queries import DataQuery
from ecrf.models.signoff import Signature, SourceVerification


@dataclass(frozen=True)
class Counts:
    subjects: int
    sessions: int
    lab_values: int
    adverse_events: int
    audit_records: int


FULL = Counts(
    subjects=1_000,
    sessions=5_000,
    lab_values=250_000,
    adverse_events=100_000,
    audit_records=1_000_000,
)


def scaled(subjects: int) -> Counts:
    """FULL's proportions for `subjects` subjects (1,000: FULL itself)."""
    f = subjects / FULL.subjects
    return Counts(
        subjects=subjects,
        sessions=round(FULL.sessions * f),
        lab_values=round(FULL.lab_values * f),
        adverse_events=round(FULL.adverse_events * f),
        audit_records=round(FULL.audit_records * f),
    )


# The demo subject each study's clones copy (fixtures/demo.json, entered through the
# actions by load_demo). CiPS-BAL's has no labs or AEs: those come from QH-1A's.
TEMPLATES = {"studies.qh1a": "SYSU3-001", "studies.cips_bal": "BFH-001"}
# CiPS-BAL takes 40% of the subjects, so at full size its export holds 100,000 lab
# values: the export the benchmark times (issue 7: "100,000-row export").
SHARES = {"studies.cips_bal": 0.4, "studies.qh1a": 0.6}
SEED_USERNAME = "bench"
BATCH_SUBJECTS = 25

# Generated rather than copied one to one: multiplied to the counts asked.
GENERATED = {TreatmentSession, LabPanel, LabResult, AdverseEvent}
# Not copied: acts of people on other records (queries, signatures, verifications,
# locks, committee refusals) that would point at the template's rows or lock the clone;
# and alerts, which tell people of the template's own AEs and deviations (once each).
NOT_COPIED = {Alert, DataLock, GateRefusal, DataQuery, Signature, SourceVerification}

SESSION_INTERVAL = dt.timedelta(days=3)
TEST_ORDER = {code: position for position, code in enumerate(CATALOGUE)}
# Lab panels drawn at every timepoint, most common first: the liver panel (16 per
# subject at 5 sessions: 160 values), then coagulation (90 more), then the rest.
PANEL_ORDER = (
    Panel.LIVER,
    Panel.COAGULATION,
    Panel.RENAL,
    Panel.HAEMATOLOGY,
    Panel.AMMONIA,
    Panel.LACTATE,
    Panel.BLOOD_GAS,
)


def share(total: int, parts: int, index: int) -> int:
    """The index-th of `parts` near-equal parts of `total`."""
    return total // parts + (1 if index < total % parts else 0)


def audit_record_count() -> int:
    return sum(m.objects.count() for m in pghistory.core.event_models())


def seed(
    counts: Counts = FULL, *, workers: int = 2, log: Callable[[str], None] = print
) -> dict[str, int]:
    """Write what is missing of `counts` and return the rows the database then holds.

    `workers` database connections write batches side by side: PostgreSQL's triggers,
    not Python, take most of the time, so two connections use both cores."""
    started = time.monotonic()
    by = _seed_user()
    jobs = []
    for plan in _plans(counts):
        jobs += plan.prepare(by, log)
    _run([jobs[lane::workers] for lane in range(workers)], by)
    _top_up_audit(counts.audit_records, by, workers, log)
    totals = {
        "subjects": Subject.all_objects.filter(created_by=by).count(),
        "sessions": TreatmentSession.all_objects.filter(created_by=by).count(),
        "lab_values": LabResult.all_objects.filter(created_by=by).count(),
        "adverse_events": AdverseEvent.all_objects.filter(created_by=by).count(),
        "audit_records": audit_record_count(),
    }
    log(f"seeded in {time.monotonic() - started:.0f} s: {totals}")
    return totals


def _run(lanes: list[list[Callable[[], None]]], by) -> None:
    """Run the lanes side by side, each on a thread (so a database connection) of its
    own, its jobs in order, each job in one transaction, in the seed account's audit
    context. A single lane runs here, on this thread's connection (a test's)."""

    def run(jobs):
        with _fast_triggers(), pghistory.context(user=by.pk, username=by.username):
            for job in jobs:
                with transaction.atomic():
                    job()

    def run_and_close(jobs):
        try:
            run(jobs)
        finally:
            connection.close()

    lanes = [jobs for jobs in lanes if jobs]
    if len(lanes) <= 1:
        for jobs in lanes:
            run(jobs)
        return
    with concurrent.futures.ThreadPoolExecutor(len(lanes)) as pool:
        for future in [pool.submit(run_and_close, jobs) for jobs in lanes]:
            future.result()


@contextlib.contextmanager
def _fast_triggers():
    """Every trigger runs, but three times faster: pgtrigger's check "is this trigger
    ignored?" reads the setting pgtrigger.ignore, and when it is unset PostgreSQL raises
    and catches an error for each row (~0.3 ms on this machine). An empty list ignores
    nothing and raises nothing."""
    with connection.cursor() as cursor:
        cursor.execute("SET pgtrigger.ignore = '{}'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET pgtrigger.ignore")


def _seed_user():
    """The account the seeded rows name as their author: it cannot sign in."""
    user, created = get_user_model().objects.get_or_create(
        username=SEED_USERNAME,
        defaults={"first_name": "Benchmark", "last_name": "seed", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _plans(counts: Counts) -> list[StudyPlan]:
    plans, first = [], 0
    packages = sorted(SHARES)
    for position, package in enumerate(packages):
        if position == len(packages) - 1:
            size = counts.subjects - first
        else:
            size = round(counts.subjects * SHARES[package])
        plans.append(StudyPlan(package, counts, range(first, first + size)))
        first += size
    return plans


# --- Copying rows ---------------------------------------------------------------------------


def _clone(row, *, shift: dt.timedelta, remap: dict, **changes):
    """A new, unsaved copy of `row`: every concrete field but the key, dates and times
    moved by `shift`, foreign keys to copied rows pointed at their copies."""
    values = {}
    for f in row._meta.concrete_fields:
        if f.primary_key:
            continue
        value = getattr(row, f.attname)
        if value is not None:
            if f.is_relation and f.related_model in remap:
                value = remap[f.related_model][value]
            elif isinstance(f, models.DateField):  # DateTimeField is one too
                value = value + shift
        values[f.attname] = value
    values.update(changes)
    return type(row)(**values)


def _copied_models() -> dict[type[models.Model], audit.SubjectLink]:
    """Every form of a casebook copied one to one (found as the audit trail finds them)."""
    return {
        model: link
        for model, link in audit.subject_links().items()
        if model is not Subject
        and model not in GENERATED
        and model not in NOT_COPIED
        and (link.parent is None or link.parent is TreatmentSession)
    }


def _rows_of(model, link, subject_pk: int, session_pks: list[int]):
    if link.parent is None:
        return list(model.objects.filter(**{link.column: subject_pk}).order_by("pk"))
    if link.parent is TreatmentSession:
        return list(model.objects.filter(**{f"{link.column}__in": session_pks}).order_by("pk"))
    return []


@dataclass
class Template:
    subject: Subject
    sessions: list[TreatmentSession]
    rows: dict[type[models.Model], list]  # one-to-one copies, by model
    panel: LabPanel
    result: LabResult
    adverse_events: list[AdverseEvent]
    values: dict[str, Decimal]  # the template's lab values in standard units, by test


def _template(package: str) -> Template:
    number = TEMPLATES[package]
    subject = (
        Subject.objects.select_related("study", "site").filter(screening_number=number).first()
    )
    if subject is None:
        raise SystemExit(f"Demo subject {number} missing: run `manage.py load_demo` first.")
    sessions = list(subject.sessions.order_by("number"))
    if not sessions:
        raise SystemExit(f"Demo subject {number} has no BAL session to copy.")
    session_pks = [s.pk for s in sessions]
    rows = {
        model: _rows_of(model, link, subject.pk, session_pks)
        for model, link in _copied_models().items()
    }
    # Forms the template lacks come from any demo subject that has them.
    donors = Subject.objects.filter(screening_number__in=TEMPLATES.values())
    panel = LabPanel.objects.filter(subject__in=donors).order_by("pk").first()
    result = LabResult.objects.filter(subject__in=donors).order_by("pk").first()
    adverse_events = list(AdverseEvent.objects.filter(subject__in=donors).order_by("pk"))
    if panel is None or result is None or not adverse_events:
        raise SystemExit("The demo subjects have no lab panel or AE to copy: run load_demo.")
    values = {}
    for row in LabResult.objects.filter(subject__in=donors, standard_value__isnull=False):
        values.setdefault(row.test_code, row.standard_value)
    return Template(subject, sessions, rows, panel, result, adverse_events, values)


# --- One study's subjects ----------------------------------------------------------------


class StudyPlan:
    """The seeded subjects of one study: global indexes `indexes` of the counts asked."""

    def __init__(self, package: str, counts: Counts, indexes: range):
        self.package = package
        self.counts = counts
        self.indexes = indexes

    def prepare(self, by, log) -> list[Callable[[], None]]:
        """The batches still to write, as jobs. A batch is written in one transaction,
        so it is done when its first subject exists."""
        if not self.indexes:
            return []
        study = Study.objects.get(package=self.package)
        self.study = study
        self.template = _template(self.package)
        self.site = self.template.subject.site
        self.zone = zoneinfo.ZoneInfo(self.site.time_zone)
        self.today = timezone.localdate(timezone=self.zone)
        self.ranges = reference_ranges(
            self.template.subject, CATALOGUE, self.template.subject.screening_date
        )
        self.panels = [p for p in PANEL_ORDER if p in study_panels(study)]
        self.terms = _ae_terms()
        # Numbers follow the site's own subjects (the demo's), whatever is seeded already.
        self.first_number = _last_number(self.site, excluding=by) + 1
        existing = set(
            Subject.all_objects.filter(study=study, created_by=by).values_list(
                "screening_number", flat=True
            )
        )
        jobs = []
        started = time.monotonic()
        for start in range(0, len(self.indexes), BATCH_SUBJECTS):
            batch = list(self.indexes[start : start + BATCH_SUBJECTS])
            if self.number(batch[0]) in existing:
                continue
            jobs.append(functools.partial(self._write_batch, batch, by, log, started))
        log(f"{study.registry_id}: {len(jobs)} batches of {BATCH_SUBJECTS} subjects to write")
        return jobs

    def number(self, index: int) -> str:
        return f"{self.site.code}-{self.first_number + index - self.indexes[0]:03d}"

    def _shift(self, index: int, sessions: int) -> dt.timedelta:
        """Move the template's casebook so that this subject's last follow-up (FS+28 of
        its last session) and the AEs after it lie in the past; subjects are spread over
        about two years of enrolment."""
        span = SESSION_INTERVAL * max(sessions - 1, 0) + dt.timedelta(days=40)
        first = self.today - span - dt.timedelta(days=(index * 7) % 700)
        template_first = self.template.sessions[0].started_at.astimezone(self.zone).date()
        return dt.timedelta(days=(first - template_first).days)

    def _write_batch(self, indexes: list[int], by, log, started: float) -> None:
        c, n = self.counts, self.counts.subjects
        template = self.template
        plans = []
        for index in indexes:
            sessions = share(c.sessions, n, index)
            plans.append(
                {
                    "index": index,
                    "sessions": sessions,
                    "labs": share(c.lab_values, n, index),
                    "aes": share(c.adverse_events, n, index),
                    "shift": self._shift(index, sessions),
                }
            )
        # 1. Subjects.
        subjects = []
        for plan in plans:
            number = self.number(plan["index"])
            subjects.append(
                _clone(
                    template.subject,
                    shift=plan["shift"],
                    remap={},
                    screening_number=number,
                    created_by_id=by.pk,
                    version=1,
                )
            )
        Subject.objects.bulk_create(subjects)
        for subject, plan in zip(subjects, plans, strict=True):
            subject.study, subject.site = self.study, self.site
            plan["subject"] = subject
            plan["remap"] = {Subject: {template.subject.pk: subject.pk}}
        # 2. BAL sessions: the template's, repeated every SESSION_INTERVAL.
        sessions = []
        for plan in plans:
            plan["session_rows"] = []
            for k in range(plan["sessions"]):
                source = template.sessions[k % len(template.sessions)]
                repeat = k // len(template.sessions) * len(template.sessions)
                row = _clone(
                    source,
                    shift=plan["shift"] + SESSION_INTERVAL * repeat,
                    remap=plan["remap"],
                    number=k + 1,
                    created_by_id=by.pk,
                )
                plan["session_rows"].append((source, row, SESSION_INTERVAL * repeat))
                sessions.append(row)
        TreatmentSession.objects.bulk_create(sessions)
        for plan in plans:
            first = {}
            for source, row, _extra in plan["session_rows"]:
                first.setdefault(source.pk, row.pk)
            plan["remap"][TreatmentSession] = first
        # 3. Every other form, once; a session's logs once per repeat of that session.
        for model, rows in template.rows.items():
            link = audit.subject_links()[model]
            copies = []
            for plan in plans:
                if link.parent is None:
                    copies += [
                        _clone(row, shift=plan["shift"], remap=plan["remap"], **_by(row, by))
                        for row in rows
                    ]
                    continue
                for source, session, extra in plan["session_rows"]:
                    remap = {**plan["remap"], TreatmentSession: {source.pk: session.pk}}
                    copies += [
                        _clone(row, shift=plan["shift"] + extra, remap=remap, **_by(row, by))
                        for row in rows
                        if getattr(row, link.column) == source.pk
                    ]
            model.objects.bulk_create(copies)
        # 4. Lab panels and their results.
        panels, results = [], []
        for plan in plans:
            for panel, tests in self._panels(plan, by):
                panels.append(panel)
                results.append((panel, tests, plan))
        LabPanel.objects.bulk_create(panels)
        rows = []
        for panel, tests, plan in results:
            rows += [self._result(panel, code, plan, by) for code in tests]
        LabResult.objects.bulk_create(rows)
        # 5. Adverse events.
        events = []
        for plan in plans:
            events += self._adverse_events(plan, by)
        AdverseEvent.objects.bulk_create(events)
        log(
            f"{self.study.registry_id}: subjects {self.number(indexes[0])}-"
            f"{self.number(indexes[-1])} ({time.monotonic() - started:.0f} s)"
        )

    def _panels(self, plan, by):
        """(panel, tests) until the subject has its lab values: the liver panel at every
        timepoint, then the next panel at every timepoint, and so on."""
        subject = plan["subject"]
        sessions = {row.pk: row for _s, row, _e in plan["session_rows"]}
        timepoints = expected_timepoints(subject, list(sessions.values()))
        final = max(sessions.values(), key=lambda s: s.number, default=None)
        left = plan["labs"]
        for code in self.panels:
            for timepoint in timepoints:
                if left <= 0:
                    return
                tests = PANEL_TESTS[code][:left]
                left -= len(tests)
                session = sessions.get(timepoint.session_id)
                if timepoint.code == "BASELINE":
                    sampled = dt.datetime.combine(
                        subject.screening_date, dt.time(7, 30), tzinfo=self.zone
                    )
                elif timepoint.code.startswith("PRE-"):
                    sampled = session.started_at - dt.timedelta(hours=1)
                elif timepoint.code.startswith("POST-"):
                    sampled = session.ended_at + dt.timedelta(minutes=20)
                else:  # FS+n, counted from the final session
                    days = int(timepoint.code.removeprefix("FS+"))
                    sampled = final.started_at + dt.timedelta(days=days)
                panel = _clone(
                    self.template.panel,
                    shift=dt.timedelta(0),
                    remap={},
                    subject_id=subject.pk,
                    session_id=timepoint.session_id,
                    panel=code,
                    timepoint=timepoint.code,
                    sampled_at=sampled,
                    created_by_id=by.pk,
                    created_at=sampled + dt.timedelta(hours=3),
                    updated_at=sampled + dt.timedelta(hours=3),
                    version=1,
                )
                yield panel, tests

    def _result(self, panel: LabPanel, code: str, plan, by) -> LabResult:
        # A small spread around the template's value, so flags and grades vary.
        step = (plan["index"] + len(panel.timepoint) + TEST_ORDER[code]) % 9 - 4
        value, lln, uln, flag, grade, term = _lab_value(
            self.package, code, step, self.template.values, self.ranges
        )
        return _clone(
            self.template.result,
            shift=dt.timedelta(0),
            remap={},
            panel_id=panel.pk,
            subject_id=panel.subject_id,
            sampled_at=panel.sampled_at,
            test_code=code,
            value=value,
            unit=CATALOGUE[code].standard_unit.code,
            standard_value=value,
            qualitative="",
            not_done_reason="",
            lln=lln,
            uln=uln,
            flag=flag,
            ctcae_grade=grade,
            ctcae_term=term,
            created_by_id=by.pk,
            created_at=panel.created_at,
            updated_at=panel.updated_at,
            version=1,
        )

    def _adverse_events(self, plan, by) -> list[AdverseEvent]:
        """The template's AEs, repeated: spread from the first session to FS+28, each
        with a CTCAE term and grade of the shipped list and its timing to the sessions."""
        rows = [row for _s, row, _e in plan["session_rows"]]
        spans = [(s.started_at, s.ended_at) for s in rows]
        first_day = (
            rows[0].started_at.astimezone(self.zone).date()
            if rows
            else plan["subject"].screening_date
        )
        last_day = (rows[-1].started_at.astimezone(self.zone).date() if rows else first_day) + (
            dt.timedelta(days=28)
        )
        days = max((last_day - first_day).days, 1)
        events = []
        for k in range(plan["aes"]):
            source = self.template.adverse_events[k % len(self.template.adverse_events)]
            term, grade = self.terms[(plan["index"] + k) % len(self.terms)]
            onset = first_day + dt.timedelta(days=k * days // max(plan["aes"], 1))
            onset_time = dt.time(9 + k % 8, 30)
            onset_at = dt.datetime.combine(onset, onset_time, tzinfo=self.zone)
            timing = safety.session_timing(onset_at, spans)
            during = timing == safety.SessionTiming.DURING_SESSION
            resolved = onset + dt.timedelta(days=2)
            events.append(
                _clone(
                    source,
                    shift=dt.timedelta(0),
                    remap={},
                    subject_id=plan["subject"].pk,
                    number=k + 1,
                    ctcae_code=term.meddra_code,
                    ctcae_term=term.term,
                    soc=term.soc,
                    verbatim_term=term.term,
                    other_specify="",
                    grade=grade,
                    onset_date=onset,
                    onset_time=onset_time,
                    resolved_date=resolved if resolved < self.today else None,
                    ongoing=resolved >= self.today,
                    outcome=Outcome.RECOVERED if resolved < self.today else Outcome.RECOVERING,
                    timing=timing,
                    action_taken=source.action_taken if during else ActionTaken.NONE,
                    created_by_id=by.pk,
                    created_at=onset_at + dt.timedelta(hours=4),
                    updated_at=onset_at + dt.timedelta(hours=4),
                    version=1,
                )
            )
        return events


def _by(row, by) -> dict:
    return {"created_by_id": by.pk} if hasattr(row, "created_by_id") else {}


def _last_number(site, *, excluding) -> int:
    """The highest sequence of the site's screening numbers (<site>-<n>), read as numbers,
    among subjects not created by `excluding`."""
    numbers = (
        Subject.all_objects.filter(site=site)
        .exclude(created_by=excluding)
        .values_list("screening_number", flat=True)
    )
    sequences = [int(n.rsplit("-", 1)[1]) for n in numbers if n.rsplit("-", 1)[-1].isdigit()]
    return max(sequences, default=0)


def _ae_terms() -> list[tuple[ctcae.CtcaeTerm, int]]:
    """About 40 terms of the shipped CTCAE list, each with a grade NCI defines for it:
    alternately its mildest and its worst of grades 1-3."""
    terms = sorted(ctcae.load_terms().values(), key=lambda t: t.meddra_code)
    usable = [t for t in terms if not t.is_other_specify and {1, 2, 3} & set(t.grades)]
    chosen = usable[:: max(len(usable) // 40, 1)]
    pairs = []
    for i, term in enumerate(chosen):
        grades = sorted({1, 2, 3} & set(term.grades))
        pairs.append((term, grades[0] if i % 2 == 0 else grades[-1]))
    return pairs


_lab_cache: dict = {}


def _lab_value(package: str, code: str, step: int, known: dict, ranges: dict):
    """A value for a test (the demo's value, else the middle of the site's reference
    range, else low in the hard range), moved by step × 3%, with its range, flag and
    CTCAE grade as the lab form derives them."""
    key = (package, code, step)
    if key in _lab_cache:
        return _lab_cache[key]
    test = CATALOGUE[code]
    ref = ranges.get(code)
    lln, uln = (ref.lln, ref.uln) if ref else (None, None)
    if code in known:
        typical = known[code]
    elif lln is not None and uln is not None:
        typical = (lln + uln) / 2
    else:
        low = test.hard_low or Decimal(0)
        high = test.hard_high or low + 10
        typical = low + (high - low) / 10
    value = test.rounded(typical * (1 + Decimal(step) * Decimal("0.03")))
    if test.hard_low is not None:
        value = max(value, test.hard_low)
    if test.hard_high is not None:
        value = min(value, test.hard_high)
    grade, term = lab_grade(code, value, lln, uln, None)
    _lab_cache[key] = (value, lln, uln, flag_for(value, lln, uln), grade, term)
    return _lab_cache[key]


# --- The audit trail --------------------------------------------------------------------


def _top_up_audit(target: int, by, workers: int, log) -> None:
    """Add update events until the audit trail holds `target` rows: the seeded lab
    results re-saved (version and time stamp bumped, as the lab form re-saves each result
    of a panel), under a reason for change, in batches of one transaction each. Each
    worker re-saves its own range of results, in as many passes as it takes."""
    missing = target - audit_record_count()
    if missing <= 0:
        return
    ids = LabResult.all_objects.filter(created_by=by).order_by("pk").values_list("pk", flat=True)
    ids = list(ids)
    if not ids:
        log("no seeded lab results to update: the audit trail stays short")
        return
    step = -(-len(ids) // workers)
    ranges = [ids[i : i + step] for i in range(0, len(ids), step)]
    started = time.monotonic()
    per_range = []
    for position, chunk in enumerate(ranges):
        todo, jobs = share(missing, len(ranges), position), []
        while todo > 0:
            for first in range(0, len(chunk), 20_000):
                part = chunk[first : first + 20_000][:todo]
                if part:
                    jobs.append(functools.partial(_resave, part, started, log))
                todo -= len(part)
        per_range.append(jobs)
    _run(per_range, by)


def _resave(ids: list[int], started: float, log) -> None:
    table = LabResult._meta.db_table
    with audit.reason(ChangeReason.SOURCE_CORRECTED, "bench seed"), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET version = version + 1,"
            " updated_at = updated_at + interval '1 hour' WHERE id = ANY(%s)",
            [ids],
        )
    log(f"audit trail: +{len(ids):,} update events ({time.monotonic() - started:.0f} s)")
