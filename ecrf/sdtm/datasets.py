"""The SDTM datasets, one function each: it reads its rows (values() and iterator(), a
fixed number of queries) and yields one dict per record, adding its SUPP-- records to
the casebook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from django.db.models import Q
from django.utils import timezone

from ecrf import coding, form_registry, versions
from ecrf.lab_catalogue import CATALOGUE, Panel
from ecrf.models import (
    AdverseEvent,
    Deviation,
    Enrolment,
    LabResult,
    VitalSigns,
)
from ecrf.models.adverse_events import SERIOUSNESS_CRITERIA, ActionTaken
from ecrf.models.clinical import StudyDisposition, VitalsTimepoint
from ecrf.models.labs import NotDoneReason
from ecrf.models.treatment import DeviationCategory, TerminationReason
from ecrf.protocol import age_at
from ecrf.sdtm.casebook import (
    Casebook,
    duration,
    english,
    iso,
    pieces,
    plain,
    session_visit,
    timepoint_visit,
    yes_no,
)
from ecrf.sdtm.terms import (
    AE_SERIOUS,
    AEACN,
    AEOUT,
    AEREL,
    AEREL_STRENGTH,
    CHUNK,
    DSDECOD,
    EXROUTE,
    LBNRIND,
    LBTEST,
    TPHASE,
    TPTNUM,
    TPTREF,
    TS_PARAMETERS,
    VITALS,
    VSTPT,
)


def dm_rows(book: Casebook) -> Iterator[dict]:
    """One record per screened subject (spec §2.1, §6), screen failures included."""
    arms = {
        row["subject_id"]: row
        for row in book.records(Enrolment).values("subject_id", "arm__code", "arm__label")
    }
    for subject in book.subjects:
        first, last = book.span(subject.pk)
        enrolment = arms.get(subject.pk)
        disposition = book.dispositions.get(subject.pk) or {}
        failure = book.screen_failures.get(subject.pk) or {}
        armcd = arm = actarmcd = actarm = armnrs = ""
        # SDTMIG 3.4: the arm codes are null for a subject not assigned or not
        # treated, and ARMNRS says why.
        if enrolment:
            armcd, arm = enrolment["arm__code"], enrolment["arm__label"]
            if first:
                actarmcd, actarm = armcd, arm
            else:
                armnrs = "ASSIGNED, NOT TREATED"
        else:
            armnrs = "SCREEN FAILURE" if failure else "NOT ASSIGNED"
        zone = book.zone[subject.pk]
        # Spec V11: the death every record agrees on. While the fatal AE, the death date
        # and the survival status disagree, DTHFL stays blank and SUPPDM says why.
        account = book.deaths[subject.pk]
        death = account.death_date
        if not account.reconciled:
            for qnam, qlabel, qval in (
                ("DTHUNREC", "Death Records Unreconciled", "Y"),
                ("DTHCONFL", "Death Record Conflicts", account.summary),
            ):
                book.supp("DM").add(
                    book.study.registry_id,
                    book.usubjid[subject.pk],
                    "",
                    "",
                    qnam,
                    qlabel,
                    qval,
                    qorig="DERIVED",
                )
        yield {
            "STUDYID": book.study.registry_id,
            "DOMAIN": "DM",
            "USUBJID": book.usubjid[subject.pk],
            "SUBJID": subject.screening_number,
            # Spec §6: RFSTDTC and RFXSTDTC = the first session's start, RFXENDTC = the
            # final session's end; RFENDTC = RFXENDTC (the end of study treatment).
            "RFSTDTC": iso(first, zone),
            "RFENDTC": iso(last, zone),
            "RFXSTDTC": iso(first, zone),
            "RFXENDTC": iso(last, zone),
            "RFICDTC": iso(subject.consent_date),
            "RFPENDTC": iso(disposition.get("disposition_date") or failure.get("date")),
            "DTHDTC": iso(death),
            "DTHFL": "Y" if death else "",
            "SITEID": subject.site.code,
            "BRTHDTC": iso(subject.date_of_birth),
            # Age at informed consent, in completed years (spec §2.1).
            "AGE": age_at(subject.date_of_birth, subject.consent_date),
            "AGEU": "YEARS",
            "SEX": subject.sex,
            "ARMCD": armcd,
            "ARM": arm,
            "ACTARMCD": actarmcd,
            "ACTARM": actarm,
            "ARMNRS": armnrs,
            "COUNTRY": "CHN",
        }


_UNCODED = coding.Coded("", "", "")
_AE_FIELDS = (
    "subject_id",
    "number",
    "verbatim_term",
    *coding.CODING_LOOKUPS,
    "grade",
    "onset_date",
    "onset_time",
    "resolved_date",
    "serious",
    *SERIOUSNESS_CRITERIA,
    "related_device",
    "related_cells",
    "related_procedure",
    "expected",
    "action_taken",
    "outcome",
    "dlt_candidate",
    "dlt",
)


def ae_rows(book: Casebook) -> Iterator[dict]:
    """One record per adverse event; SUPPAE carries the three relatedness items (spec §6),
    expectedness, the DLT candidate flag (derived) and the committee's DLT decision."""
    events = (
        book.records(AdverseEvent)
        .filter(subject__voided_at__isnull=True)
        .order_by("subject_id", "number")
        .values(*_AE_FIELDS)
    )
    actions = {code: english(label) for code, label in ActionTaken.choices}
    seq: dict[int, int] = {}
    for event in events.iterator(chunk_size=CHUNK):
        subject = event["subject_id"]
        seq[subject] = n = seq.get(subject, 0) + 1
        related = (event["related_device"], event["related_cells"], event["related_procedure"])
        code = coding.coded_values(*(event[k] for k in coding.CODING_LOOKUPS)) or _UNCODED
        start = event["onset_date"].isoformat()
        epoch = book.epoch(subject, event["onset_date"])
        if event["onset_time"]:
            onset = dt.datetime.combine(event["onset_date"], event["onset_time"])
            start = onset.isoformat(timespec="minutes")
            # The onset's clock time is the site's (spec §0).
            epoch = book.epoch_at(subject, onset.replace(tzinfo=book.zone[subject]))
        row = {
            "STUDYID": book.study.registry_id,
            "DOMAIN": "AE",
            "USUBJID": book.usubjid[subject],
            "AESEQ": n,
            "AESPID": str(event["number"]),
            "AETERM": event["verbatim_term"],
            # Issue 9: the coded term (ecrf/coding.py); blank while an "Other, specify"
            # AE waits for its data manager's coding.
            "AELLTCD": code.llt_code,
            "AEDECOD": code.term,
            "AEBODSYS": code.soc,
            "AESOC": code.soc,
            "AETOXGR": str(event["grade"]),
            "AESER": yes_no(event["serious"]),
            "AEACN": AEACN.get(event["action_taken"], ""),
            "AEREL": AEREL[min(related, key=AEREL_STRENGTH.index)],
            "AEOUT": AEOUT.get(event["outcome"], ""),
            "EPOCH": epoch,
            "AESTDTC": start,
            "AEENDTC": iso(event["resolved_date"]),
            "AESTDY": book.day(subject, event["onset_date"]),
            "AEENDY": book.day(subject, event["resolved_date"]),
        }
        for name, criterion in AE_SERIOUS.items():
            # SDTMIG: the criteria are answered for a serious event, null otherwise.
            row[name] = yes_no(event[criterion]) if event["serious"] else ""
        yield row
        qualifiers = [
            ("AERELDEV", "Relationship to BAL Device", AEREL[related[0]], {}),
            ("AERELCEL", "Relationship to Cells", AEREL[related[1]], {}),
            ("AERELPRC", "Relationship to BAL Procedure", AEREL[related[2]], {}),
        ]
        if event["action_taken"] not in (ActionTaken.NONE, ActionTaken.NOT_APPLICABLE):
            action = actions[event["action_taken"]]
            qualifiers.append(("AEACNBAL", "Action Taken with BAL Therapy", action, {}))
        if event["serious"]:
            intervention = yes_no(event["intervention_required"])
            qualifiers.append(
                ("AESINTV", "Needs Intervention to Prevent Impairment", intervention, {})
            )
        if event["expected"] is not None:
            qualifiers.append(("AEEXPECT", "Expected Event", yes_no(event["expected"]), {}))
        if event["dlt_candidate"]:
            qualifiers.append(("AEDLTCAN", "DLT Candidate", "Y", {"qorig": "DERIVED"}))
        if event["dlt"] is not None:
            committee = {"qeval": "SAFETY EVALUATION COMMITTEE"}
            qualifiers.append(("AEDLT", "Dose-Limiting Toxicity", yes_no(event["dlt"]), committee))
        if event["other_specify"]:
            text = event["other_specify"]
            qualifiers.append(("AEOTHSP", "CTCAE Other, Specify Text", text, {}))
        for qnam, qlabel, qval, more in qualifiers:
            book.qualify("AE", subject, n, qnam, qlabel, qval, **more)


_LB_FIELDS = (
    "subject_id",
    "test_code",
    "value",
    "unit",
    "standard_value",
    "qualitative",
    "lln",
    "uln",
    "flag",
    "ctcae_grade",
    "ctcae_term",
    "not_done_reason",
    "sampled_at",
    "panel__panel",
    "panel__timepoint",
    "panel__laboratory",
)


@dataclass(frozen=True)
class _LabTest:
    """What LB repeats on every row of a test and unit, computed once."""

    name: str
    category: str
    standard_unit: str
    factor: Decimal | None  # value in the entered unit * factor = standard value

    @classmethod
    def of(cls, code: str, unit: str) -> _LabTest:
        test = CATALOGUE.get(code)
        if test is None:
            return cls(code, "", "", None)
        name = LBTEST.get(code) or str(test.name).removesuffix(f" ({code})")
        factor = None
        if unit:
            try:
                factor = test.unit(unit).factor
            except ValueError:
                factor = None
        return cls(name, english(Panel(test.panel).label), test.standard_unit.code, factor)


def _original_limit(limit: Decimal | None, factor: Decimal | None) -> str:
    """A reference limit (kept in the standard unit) in the unit the result was entered in."""
    if limit is None or factor is None:
        return ""
    if factor == 1:
        return plain(limit)
    return plain((limit / factor).quantize(Decimal("0.0001")))


def lb_rows(book: Casebook) -> Iterator[dict]:
    """One record per lab result: as entered (LBORRES, LBORRESU) and in the standard unit
    (LBSTRESN, LBSTRESU), the site's range and flag, the CTCAE grade (spec §2.9, §6)."""
    results = (
        book.records(LabResult)
        .filter(
            subject__voided_at__isnull=True,
            panel__voided_at__isnull=True,
        )
        .order_by("subject_id", "test_code", "sampled_at", "pk")
        .values_list(*_LB_FIELDS)
    )
    tests: dict[tuple[str, str], _LabTest] = {}
    visits: dict[str, tuple] = {}
    not_done = {code: english(label) for code, label in NotDoneReason.choices}
    # Values that repeat (a panel's sample time, a site's range) are made once and
    # shared by their rows: 100,000 rows hold references, not copies.
    limits: dict[tuple, tuple[str, str]] = {}
    times: dict[dt.datetime, tuple[str, int | None, str]] = {}
    references: dict[str, str] = {}  # a subject's timepoint -> its session's start (--RFTDTC)
    seq: dict[int, int] = {}
    for row in results.iterator(chunk_size=CHUNK):
        (subject, code, value, unit, standard, qualitative, lln, uln, flag, grade) = row[:10]
        (term, reason, sampled_at, _panel, timepoint, laboratory) = row[10:]
        if subject not in seq:
            times.clear()
            references.clear()
        seq[subject] = n = seq.get(subject, 0) + 1
        test = tests.get((code, unit)) or tests.setdefault((code, unit), _LabTest.of(code, unit))
        visit = visits.get(timepoint) or visits.setdefault(timepoint, timepoint_visit(timepoint))
        if sampled_at not in times:
            local = book.local(subject, sampled_at)
            dtc = local.replace(tzinfo=None).isoformat(timespec="minutes")
            epoch = book.epoch_at(subject, sampled_at)
            times[sampled_at] = (dtc, book.day(subject, local.date()), epoch)
        dtc, lbdy, epoch = times[sampled_at]
        if timepoint not in references:
            references[timepoint] = _reference(book, subject, visit)
        key = (lln, uln, test.factor)
        if key not in limits:
            limits[key] = (_original_limit(lln, test.factor), _original_limit(uln, test.factor))
        if qualitative:
            orres = stresc = qualitative.upper()
            orresu = stresu = ""
        else:
            orres, orresu = plain(value), unit if value is not None else ""
            stresc = plain(standard)
            stresu = test.standard_unit if standard is not None else ""
        yield {
            "STUDYID": book.study.registry_id,
            "DOMAIN": "LB",
            "USUBJID": book.usubjid[subject],
            "LBSEQ": n,
            "LBTESTCD": code,
            "LBTEST": test.name,
            "LBCAT": test.category,
            "LBORRES": orres,
            "LBORRESU": orresu,
            "LBORNRLO": limits[key][0] if orresu else "",
            "LBORNRHI": limits[key][1] if orresu else "",
            "LBSTRESC": stresc,
            "LBSTRESN": None if qualitative or standard is None else float(standard),
            "LBSTRESU": stresu,
            "LBSTNRLO": None if lln is None else float(lln),
            "LBSTNRHI": None if uln is None else float(uln),
            "LBNRIND": LBNRIND.get(flag, ""),
            "LBSTAT": "NOT DONE" if reason else "",
            "LBREASND": not_done.get(reason, ""),
            "LBNAM": laboratory,
            "LBTOX": term,
            "LBTOXGR": "" if grade is None else str(grade),
            "VISITNUM": visit[0],
            "VISIT": visit[1],
            "EPOCH": epoch,
            "LBDTC": dtc,
            "LBDY": lbdy,
            "LBTPT": visit[2],
            "LBTPTNUM": TPTNUM.get(visit[2]),
            "LBTPTREF": TPTREF if visit[2] else "",
            "LBRFTDTC": references[timepoint],
        }
        if qualitative and value is not None:
            # A qualitative test's optional index (S/CO, MFI): SDTM has one result a row.
            book.qualify(
                "LB", subject, n, "LBQNTRES", "Quantitative Result", f"{plain(value)} {unit}"
            )


def _reference(book: Casebook, subject_id: int, visit: tuple) -> str:
    """--RFTDTC of a session day's time point: the start of its session, if recorded."""
    visitnum, _visit, tpt = visit
    session = book.session(subject_id, visitnum - 9) if tpt and visitnum else None
    return iso(session.started_at, book.zone[subject_id]) if session else ""


def study_qualifiers(record, package: str, supp: str) -> list[tuple[str, str, str]]:
    """(QNAM, QLABEL, QVAL) of the study's own fields of a record (its parts in the
    study's package, prefetched) that its registry entry sends to `supp`, e.g.
    "FUNCPCT in SUPPEX". The label is the field's English name."""
    found = []
    parts = form_registry.study_parts(type(record), package)
    names = form_registry.study_part_names(type(record), package)
    for entry, name in zip(parts, names, strict=True):
        rows = list(getattr(record, name).all())
        for field, annotation in entry.sdtm_variables.items():
            qnam, _in, target = annotation.partition(" in ")
            if target != supp:
                continue
            # As the other QLABELs: each word capitalised, units kept ("(g)").
            words = str(entry.model._meta.get_field(field).verbose_name).split()
            label = " ".join(w[:1].upper() + w[1:] if w[:1].isalpha() else w for w in words)
            for row in rows:
                value = getattr(row, field)
                if value not in (None, ""):
                    text = plain(value) if isinstance(value, Decimal) else str(value)
                    found.append((qnam, label[:40], text))
    return found


def ex_rows(book: Casebook) -> Iterator[dict]:
    """One record per BAL session (spec §6 "BAL session — cell exposure"). EXDOSE is the
    dose as the protocol states it: functional cells per kg where it defines a dose per
    kg (CiPS-BAL, 1.67 × 10^8/kg), else the viable cells loaded. EXDUR is the net
    duration (gross minus interruptions with circulation stopped, spec §2.7)."""
    protocol = book.study.protocol
    treatment = protocol.sdtm_treatment or book.study.registry_id
    reasons = {code: english(label) for code, label in TerminationReason.choices}
    if protocol.cell_dose is not None:
        # Each session's dose target by its subject's protocol version (issue 21).
        versions.load_versions(list(book.subjects))
    for subject in book.subjects:
        for n, session in enumerate(book.sessions.get(subject.pk, ()), start=1):
            if protocol.cell_dose is not None:
                dose = protocol.cell_dose(session, subject).per_kg / Decimal("1e8")
                unit = "10^8 cells/kg"
            else:
                dose, unit = session.viable_cells / Decimal("1e9"), "10^9 cells"
            zone = book.zone[subject.pk]
            start = timezone.localtime(session.started_at, zone)
            end = timezone.localtime(session.ended_at, zone)
            visitnum, visit = session_visit(session.number)
            yield {
                "STUDYID": book.study.registry_id,
                "DOMAIN": "EX",
                "USUBJID": book.usubjid[subject.pk],
                "EXSEQ": n,
                "EXSPID": str(session.number),
                "EXTRT": treatment,
                "EXDOSE": float(round(dose, 4)),
                "EXDOSU": unit,
                "EXROUTE": EXROUTE,
                "EXLOT": session.cell_lot,
                "EXADJ": reasons.get(session.termination_reason, ""),
                "VISITNUM": visitnum,
                "VISIT": visit,
                "EPOCH": "TREATMENT",
                "EXSTDTC": iso(start),
                "EXENDTC": iso(end),
                "EXSTDY": book.day(subject.pk, start.date()),
                "EXENDY": book.day(subject.pk, end.date()),
                "EXDUR": duration(session.net_minutes),
            }

            # Spec §6: the planned duration in SUPPEX, and the cell counts behind EXDOSE.
            qualifiers = [("PLANDUR", "Planned Duration", duration(session.planned_minutes), {})]
            if session.interruption_minutes:
                qualifiers.append(
                    (
                        "INTRDUR",
                        "Interruptions with Circulation Stopped",
                        duration(session.interruption_minutes),
                        {"qorig": "DERIVED"},
                    )
                )
            qualifiers.append(
                ("TOTCELL", "Total Cells Loaded (10^9)", plain(session.total_cells_e9), {})
            )
            qualifiers.append(
                ("VIABPCT", "Cell Viability (%)", plain(session.viability_percent), {})
            )
            own = study_qualifiers(session, book.study.package, "SUPPEX")
            qualifiers += [(*q, {}) for q in own]
            for qnam, qlabel, qval, more in qualifiers:
                book.qualify("EX", subject.pk, n, qnam, qlabel, qval, **more)


def _reading_visit(
    book: Casebook, subject_id: int, reading: dict
) -> tuple[int | None, str, dt.datetime | None]:
    """The visit of a vital-signs reading and the start of its session. Intra-session
    readings carry their session; pre- and end-of-session readings are entered on their
    own form, so their session is the next one to start (pre) or the last one started
    (end of session)."""
    timepoint = reading["timepoint"]
    if reading["session__number"] is not None:
        return (*session_visit(reading["session__number"]), reading["session__started_at"])
    if timepoint == VitalsTimepoint.SCREENING:
        return 1, "SCREENING", None
    sessions = book.sessions.get(subject_id, ())
    moment = reading["measured_at"]
    if timepoint == VitalsTimepoint.PRE_SESSION:
        after = [s for s in sessions if s.started_at >= moment]
        if after:
            return (*session_visit(after[0].number), after[0].started_at)
    if timepoint == VitalsTimepoint.END_OF_SESSION:
        before = [s for s in sessions if s.started_at <= moment]
        if before:
            return (*session_visit(before[-1].number), before[-1].started_at)
    return None, english(VitalsTimepoint(timepoint).label), None


def vs_rows(book: Casebook) -> Iterator[dict]:
    """Height and weight of the registration form (screening), then each reading's
    measurements, one record per test (spec §2.1, §2.6, §6)."""
    readings = (
        book.records(VitalSigns)
        .filter(
            Q(session__isnull=True) | Q(session__voided_at__isnull=True),
            subject__voided_at__isnull=True,
        )
        .order_by("subject_id", "measured_at", "pk")
        .values(
            "subject_id",
            "timepoint",
            "measured_at",
            "session__number",
            "session__started_at",
            *(name for name, *_rest in VITALS),
        )
    )
    groups = groupby(readings.iterator(chunk_size=CHUNK), key=itemgetter("subject_id"))
    current = next(groups, None)
    for subject in book.subjects:
        base = {"STUDYID": book.study.registry_id, "DOMAIN": "VS"}
        base["USUBJID"] = book.usubjid[subject.pk]
        n = 0
        screening = {
            "VISITNUM": 1,
            "VISIT": "SCREENING",
            "EPOCH": "SCREENING",
            "VSDTC": iso(subject.screening_date),
            "VSDY": book.day(subject.pk, subject.screening_date),
        }
        for code, test, unit, value in (
            ("HEIGHT", "Height", "cm", subject.height_cm),
            ("WEIGHT", "Weight", "kg", subject.weight_kg),
        ):
            n += 1
            yield {**base, "VSSEQ": n, **_vs_result(code, test, unit, value), **screening}
        while current is not None and current[0] < subject.pk:
            current = next(groups, None)
        if current is None or current[0] != subject.pk:
            continue
        for reading in current[1]:
            local = book.local(subject.pk, reading["measured_at"])
            visitnum, visit, started = _reading_visit(book, subject.pk, reading)
            tpt = VSTPT.get(reading["timepoint"], "")
            timing = {
                "VISITNUM": visitnum,
                "VISIT": visit,
                "EPOCH": book.epoch_at(subject.pk, reading["measured_at"]),
                "VSDTC": local.replace(tzinfo=None).isoformat(timespec="minutes"),
                "VSDY": book.day(subject.pk, local.date()),
            }
            if tpt:
                # A time point of a session day, counted from the session's start.
                timing["VSTPT"], timing["VSTPTNUM"] = tpt, TPTNUM[tpt]
                timing["VSTPTREF"] = TPTREF
                timing["VSRFTDTC"] = iso(started, book.zone[subject.pk])  # "" if unknown
            if reading["timepoint"] == VitalsTimepoint.INTRA_SESSION and started is not None:
                elapsed = (reading["measured_at"] - started).total_seconds() // 60
                timing["VSELTM"] = duration(int(elapsed))
            for name, code, test, unit in VITALS:
                if reading[name] is None:
                    continue
                n += 1
                result = _vs_result(code, test, unit, reading[name])
                yield {**base, "VSSEQ": n, **result, **timing}
        current = next(groups, None)


def _vs_result(code: str, test: str, unit: str, value) -> dict:
    text = plain(value) if isinstance(value, Decimal) else str(value)
    return {
        "VSTESTCD": code,
        "VSTEST": test,
        "VSORRES": text,
        "VSORRESU": unit,
        "VSSTRESC": text,
        "VSSTRESN": float(value),
        "VSSTRESU": unit,
    }


def ds_rows(book: Casebook) -> Iterator[dict]:
    """Informed consent (a protocol milestone, spec §6), then the screen failure or the
    study disposition of each subject (DSDECOD from C66727). A death is dated by the
    death date, which DM repeats in DTHDTC."""
    statuses = dict(StudyDisposition.choices)
    for subject in book.subjects:
        events = [
            (
                "INFORMED CONSENT OBTAINED",
                "INFORMED CONSENT OBTAINED",
                "PROTOCOL MILESTONE",
                "",
                subject.consent_date,
            )
        ]
        failure = book.screen_failures.get(subject.pk)
        if failure:
            reasons = []
            if failure["failed_criteria"]:
                reasons.append("Criteria not met: " + ", ".join(failure["failed_criteria"]))
            if failure["other_reason"]:
                reasons.append(failure["other_reason"])
            term = "; ".join(reasons)
            events.append(
                (
                    term,
                    "SCREEN FAILURE",
                    "DISPOSITION EVENT",
                    "STUDY PARTICIPATION",
                    failure["date"],
                )
            )
        disposition = book.dispositions.get(subject.pk)
        # Spec V11: while the death records disagree (SUPPDM DTHUNREC), DS states no
        # study disposition: neither "COMPLETED" beside a fatal AE nor a chosen date.
        if disposition and book.deaths[subject.pk].reconciled:
            status = disposition["status"]
            day = disposition["death_date"] or disposition["disposition_date"]
            events.append(
                (
                    str(statuses[status]),
                    DSDECOD[status],
                    "DISPOSITION EVENT",
                    "STUDY PARTICIPATION",
                    day,
                )
            )
        for n, (term, decod, cat, scat, day) in enumerate(events, start=1):
            yield {
                "STUDYID": book.study.registry_id,
                "DOMAIN": "DS",
                "USUBJID": book.usubjid[subject.pk],
                "DSSEQ": n,
                "DSTERM": term,
                "DSDECOD": decod,
                "DSCAT": cat,
                "DSSCAT": scat,
                "EPOCH": book.epoch(subject.pk, day),
                "DSSTDTC": iso(day),
                "DSSTDY": book.day(subject.pk, day),
            }


def dv_rows(book: Casebook) -> Iterator[dict]:
    """Protocol deviations in force (spec §2.16): the site's description in DVTERM, the
    eCRF category in DVDECOD, the severity (MAJOR, MINOR) in DVCAT; SUPPDV says whether
    the system found it, by which protocol rule (DVRULE) and under which protocol
    version (PROTVER: the subject's version on the deviation's date, issue 21 item 4)."""
    deviations = (
        book.records(Deviation)
        .filter(subject__voided_at__isnull=True, resolved=False)
        .order_by("subject_id", "occurred_on", "pk")
        .values(
            "subject_id", "category", "description", "occurred_on", "severity", "automatic", "rule"
        )
    )
    categories = {code: english(label) for code, label in DeviationCategory.choices}
    # The protocol version each deviation was judged by: the subject's on its date.
    versions = book.versions
    seq: dict[int, int] = {}
    for row in deviations.iterator(chunk_size=CHUNK):
        subject = row["subject_id"]
        seq[subject] = n = seq.get(subject, 0) + 1
        yield {
            "STUDYID": book.study.registry_id,
            "DOMAIN": "DV",
            "USUBJID": book.usubjid[subject],
            "DVSEQ": n,
            "DVTERM": row["description"],
            "DVDECOD": categories.get(row["category"], row["category"].upper()),
            "DVCAT": row["severity"].upper(),
            "EPOCH": book.epoch(subject, row["occurred_on"]),
            "DVSTDTC": iso(row["occurred_on"]),
            "DVSTDY": book.day(subject, row["occurred_on"]),
        }
        book.qualify(
            "DV",
            subject,
            n,
            "DVAUTO",
            "Found by the eCRF",
            yes_no(row["automatic"]),
            qorig="DERIVED",
        )
        if row["rule"]:
            book.qualify("DV", subject, n, "DVRULE", "Protocol Rule", row["rule"], qorig="DERIVED")
        book.qualify(
            "DV",
            subject,
            n,
            "PROTVER",
            "Protocol Version Judged By",
            versions.number_on(subject, row["occurred_on"]),
            qorig="DERIVED",
        )


def ts_rows(book: Casebook) -> list[dict]:
    """The trial summary (spec §6 Trial design; §1.1): a text longer than 200 bytes
    continues in TSVAL1, TSVAL2, ... (SDTMIG TS)."""
    study, protocol = book.study, book.study.protocol
    parameters = [
        ("TITLE", study.title, ""),
        ("TPHASE", TPHASE.get(protocol.phase, ""), ""),
        ("SPONSOR", protocol.sponsor, ""),
        ("REGID", study.registry_id, "ClinicalTrials.gov"),
        ("PLANSUB", str(study.target_enrolment), ""),
    ]
    # Every published protocol version, oldest first (TSSEQ 1, 2, ...; issue 21 item 4).
    parameters += [("PROTVER", version.number, "") for version in book.versions.ordered]
    if protocol.age_range:
        # ISO 8601 durations (SDTMIG TS: AGEMIN/AGEMAX).
        parameters.append(("AGEMIN", f"P{protocol.age_range[0]}Y", ""))
        parameters.append(("AGEMAX", f"P{protocol.age_range[1]}Y", ""))
    parameters += [(code, value, "") for code, value in protocol.trial_summary]
    rows = []
    seq: dict[str, int] = {}
    for code, value, reference in parameters:
        if not value:
            continue
        parts = pieces(value)
        seq[code] = seq.get(code, 0) + 1
        row = {
            "STUDYID": study.registry_id,
            "DOMAIN": "TS",
            "TSSEQ": seq[code],
            "TSPARMCD": code,
            "TSPARM": TS_PARAMETERS[code],
            "TSVAL": parts[0],
            "TSVALCD": value if reference else "",
            "TSVCDREF": reference,
        }
        row.update({f"TSVAL{n}": part for n, part in enumerate(parts[1:], start=1)})
        rows.append(row)
    return rows
