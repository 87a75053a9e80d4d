"""The trial design datasets TA, TE, TV and TI (SDTMIG v3.4 section 7), read from the
study's protocol module and options, and SV, the visits each subject had, which uses the
same visit numbers (spec §6 "Visits", "Trial design").

Each arm passes through three epochs: SCREENING (from informed consent), TREATMENT (from
the start of the first BAL session to the end of the final session's day) and FOLLOW-UP
(the days counted from the final session, FS+n); the datasets' EPOCH follows the same
rule (Casebook.epoch). A BAL session is an element of its arm: the sessions of one arm
are alike, and QH-1A's arms differ in the session's planned duration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ecrf.models import LabPanel
from ecrf.protocol import Arm, CriterionKind
from ecrf.sdtm.casebook import Casebook, iso, session_visit
from ecrf.sdtm.terms import CHUNK

SCREENING, FOLLOW_UP = "SCRN", "FU"


def _sessions_planned(arm: Arm, max_sessions: int) -> int:
    """The most sessions the arm allows: the protocol's maximum, else the study's option
    (CiPS-BAL: "adjusted according to clinical response", spec §1.2)."""
    return arm.sessions_max or max_sessions


def _element(arm: Arm) -> str:
    return f"BAL session, {arm.label}"[:40]


def _last_follow_up(book: Casebook) -> int:
    return max(visit.day for visit in book.study.protocol.follow_up_visits)


def te_rows(book: Casebook) -> list[dict]:
    """One element for screening, one BAL session element per arm, one for follow-up."""
    study = book.study
    window = study.effective_options.screening_window_days
    last = _last_follow_up(book)
    rows = [
        (
            SCREENING,
            "Screening",
            "Informed consent",
            f"Start of the first BAL session, at most {window} days after screening,"
            " or screen failure",
            "",
        )
    ]
    for arm in study.protocol.arms:
        if _sessions_planned(arm, study.effective_options.max_sessions) == 1:
            end = "End of the day of the BAL session"
        else:
            end = "Start of the next BAL session, or the end of the final session's day"
        rows.append((arm.code, _element(arm), "Start of a BAL session", end, ""))
    rows.append(
        (
            FOLLOW_UP,
            "Follow-up",
            "The day after the final BAL session's day",
            f"FS+{last}: {last} days after the final BAL session, or the disposition",
            f"P{last}D",
        )
    )
    return [
        {
            "STUDYID": study.registry_id,
            "DOMAIN": "TE",
            "ETCD": etcd,
            "ELEMENT": element,
            "TESTRL": start,
            "TEENRL": end,
            "TEDUR": duration,
        }
        for etcd, element, start, end, duration in rows
    ]


def ta_rows(book: Casebook) -> list[dict]:
    """Each arm's elements in order: screening, its sessions, follow-up. An arm whose
    number of sessions varies (QH-1A multiple-treatment 2-3 [REG-B]; CiPS-BAL by
    clinical response [REG-A]) may go to follow-up after any session from its minimum."""
    study, protocol = book.study, book.study.protocol
    options = study.effective_options
    rows = []
    for arm in protocol.arms:
        planned = _sessions_planned(arm, options.max_sessions)
        elements = [(SCREENING, "Screening", "SCREENING", "", "")]
        if len(protocol.arms) > 1:
            # QH-1A's cohorts are filled in sequence, not by randomisation [REG-B].
            elements[0] = (*elements[0][:3], f"Enrolled in the {arm.label}", "")
        for n in range(1, planned + 1):
            transition = ""
            if arm.sessions_min <= n < planned:
                transition = "If no further BAL session is given, go to Follow-up"
            elements.append((arm.code, _element(arm), "TREATMENT", "", transition))
        elements.append((FOLLOW_UP, "Follow-up", "FOLLOW-UP", "", ""))
        for order, (etcd, element, epoch, branch, transition) in enumerate(elements, start=1):
            rows.append(
                {
                    "STUDYID": study.registry_id,
                    "DOMAIN": "TA",
                    "ARMCD": arm.code,
                    "ARM": arm.label,
                    "TAETORD": order,
                    "ETCD": etcd,
                    "ELEMENT": element,
                    "TABRANCH": branch,
                    "TATRANS": transition,
                    "EPOCH": epoch,
                }
            )
    return rows


def _session_day(arm: Arm, n: int) -> int | None:
    """The planned study day of session n: Day 1 for the first; later ones the arm's
    interval apart (QH-1A multiple-treatment: 3 days [REG-B]), else not planned."""
    if n == 1:
        return 1
    if arm.interval_days is None:
        return None
    low, high = arm.interval_days
    return 1 + (n - 1) * ((low + high) // 2)


def tv_rows(book: Casebook) -> list[dict]:
    """Screening (VISITNUM 1), the session days (VISITNUM 9 + n) and the follow-up visits
    (FS+n, VISITNUM 100 + n), as the other datasets number them. A session day that not
    every arm has, or not on the same day, has a row per arm (ARMCD)."""
    study, protocol = book.study, book.study.protocol
    options = study.effective_options
    # The protocol module's visits (studies/<study>/protocol.py), windows stated there.
    screening = protocol.screening_visit
    window = options.screening_window_days
    rows = [
        (
            1,
            "SCREENING",
            screening.window(options)[0],
            "",
            f"Informed consent, at most {window} days before the first BAL session",
            "Start of the first BAL session",
        )
    ]
    arms = protocol.arms
    most = max(_sessions_planned(arm, options.max_sessions) for arm in arms)
    for n in range(1, most + 1):
        visitnum, visit = session_visit(n)
        having = [a for a in arms if n <= _sessions_planned(a, options.max_sessions)]
        start, end = f"Start of BAL session {n}", f"End of the day of BAL session {n}"
        days = {_session_day(arm, n) for arm in having}
        if len(having) == len(arms) and len(days) == 1:
            rows.append((visitnum, visit, days.pop(), "", start, end))
        else:
            for arm in having:
                rows.append((visitnum, visit, _session_day(arm, n), arm.code, start, end))
    for visit in protocol.follow_up_visits:
        day, before, after = visit.day, visit.window_before, visit.window_after
        # Counted from the final session, so no planned study day (spec §6 "Visits").
        rule = f"{day} days after the final BAL session (window -{before}/+{after} days)"
        rows.append((100 + day, f"FS+{day}", None, "", rule, ""))
    return [
        {
            "STUDYID": study.registry_id,
            "DOMAIN": "TV",
            "VISITNUM": visitnum,
            "VISIT": visit,
            "VISITDY": visitdy,
            "ARMCD": armcd,
            "TVSTRL": start,
            "TVENRL": end,
        }
        for visitnum, visit, visitdy, armcd, start, end in rows
    ]


def ti_rows(book: Casebook) -> list[dict]:
    """Every eligibility criterion, verbatim from the registry (spec §1.3), the age
    criterion derived from the date of birth included."""
    study = book.study
    return [
        {
            "STUDYID": study.registry_id,
            "DOMAIN": "TI",
            "IETESTCD": criterion.code,
            "IETEST": criterion.text,
            "IECAT": "INCLUSION" if criterion.kind == CriterionKind.INCLUSION else "EXCLUSION",
        }
        for criterion in study.protocol.criteria
    ]


def sv_rows(book: Casebook) -> Iterator[dict]:
    """The visits each subject had: screening (the screening date), each BAL session (its
    start and end) and each follow-up visit with a lab sample (its first and last)."""
    follow_up: dict[int, dict[str, list[dt.datetime]]] = {}
    panels = (
        book.records(LabPanel)
        .filter(
            subject__voided_at__isnull=True,
            timepoint__startswith="FS+",
        )
        .order_by("subject_id", "sampled_at")
        .values_list("subject_id", "timepoint", "sampled_at")
    )
    for subject_id, timepoint, sampled_at in panels.iterator(chunk_size=CHUNK):
        follow_up.setdefault(subject_id, {}).setdefault(timepoint, []).append(sampled_at)
    planned = {row["VISITNUM"]: row["VISITDY"] for row in tv_rows(book) if not row["ARMCD"]}
    for subject in book.subjects:
        visits = [
            (
                1,
                "SCREENING",
                iso(subject.screening_date),
                "",
                book.day(subject.pk, subject.screening_date),
                None,
                book.epoch(subject.pk, subject.screening_date),
            )
        ]
        zone = book.zone[subject.pk]
        for session in book.sessions.get(subject.pk, ()):
            start = book.local(subject.pk, session.started_at)
            end = book.local(subject.pk, session.ended_at)
            visits.append(
                (
                    *session_visit(session.number),
                    iso(start),
                    iso(end),
                    book.day(subject.pk, start.date()),
                    book.day(subject.pk, end.date()),
                    book.epoch_at(subject.pk, session.started_at),
                )
            )
        timepoints = follow_up.get(subject.pk, {})
        numbered = [code for code in timepoints if code[3:].isdigit()]
        for timepoint in sorted(numbered, key=lambda code: int(code[3:])):
            first, last = timepoints[timepoint][0], timepoints[timepoint][-1]
            visits.append(
                (
                    100 + int(timepoint[3:]),
                    timepoint,
                    iso(first, zone),
                    iso(last, zone),
                    book.day(subject.pk, book.local(subject.pk, first).date()),
                    book.day(subject.pk, book.local(subject.pk, last).date()),
                    book.epoch_at(subject.pk, first),
                )
            )
        for visitnum, visit, start, end, start_day, end_day, epoch in visits:
            yield {
                "STUDYID": book.study.registry_id,
                "DOMAIN": "SV",
                "USUBJID": book.usubjid[subject.pk],
                "VISITNUM": visitnum,
                "VISIT": visit,
                "VISITDY": planned.get(visitnum),
                "EPOCH": epoch,
                "SVSTDTC": start,
                "SVENDTC": end or start,
                "SVSTDY": start_day,
                "SVENDY": end_day if end else start_day,
            }
