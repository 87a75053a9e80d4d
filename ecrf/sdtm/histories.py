"""The subject-data domains read from the screening and background forms: IE (the
eligibility criteria a subject did not meet), MH (medical history and the liver-failure
diagnosis), CM (concomitant medications) and PR (procedures, the BAL sessions among
them), crf-domain-spec.md §2.2, §2.3, §2.4, §2.13 and §6. Each reads its rows in one
query (values() and iterator()), as the datasets of datasets.py do."""

from __future__ import annotations

from collections.abc import Iterator

from ecrf.models import (
    ConcomitantMedication,
    EligibilityAnswer,
    LiverFailureDiagnosis,
    MedicalHistory,
    Procedure,
)
from ecrf.models.clinical import (
    HistoryCategory,
    LiverFailureCategory,
    MedicationCategory,
    ProcedureName,
)
from ecrf.protocol import CriterionKind
from ecrf.sdtm.casebook import Casebook, english, iso, session_visit
from ecrf.sdtm.terms import CHUNK

# Spec §6 PR: the BAL session is a procedure as well as the exposure EX describes.
BAL_PROCEDURE = "BIOARTIFICIAL LIVER TREATMENT"


def _live(model, book: Casebook):
    return book.records(model).filter(subject__voided_at__isnull=True)


def ie_rows(book: Casebook) -> Iterator[dict]:
    """Only the criteria a subject did not meet (SDTMIG IE; spec §6 "exceptions only"):
    an inclusion criterion answered No, an exclusion criterion answered Yes, and any
    other criterion the screen failure names (the age criterion, derived, is one). The
    criterion's text is the one the checklist asked; TI has the protocol's."""
    criteria = {c.code: c for c in book.study.protocol.criteria}
    answers: dict[int, dict[str, tuple[bool, str]]] = {}
    rows = _live(EligibilityAnswer, book).values_list(
        "subject_id", "criterion_code", "answer", "criterion_text"
    )
    for subject_id, code, answer, text in rows.iterator(chunk_size=CHUNK):
        answers.setdefault(subject_id, {})[code] = (answer, text)
    for subject in book.subjects:
        given = answers.get(subject.pk, {})
        failure = book.screen_failures.get(subject.pk) or {}
        not_met = []
        for code, (answer, text) in given.items():
            criterion = criteria.get(code)
            inclusion = criterion is None or criterion.kind == CriterionKind.INCLUSION
            if answer != inclusion:  # inclusion answered No, exclusion answered Yes
                not_met.append((code, text, inclusion))
        named = {code for code, *_rest in not_met}
        for code in failure.get("failed_criteria") or ():
            criterion = criteria.get(code)
            if code in named or criterion is None:
                continue
            not_met.append((code, criterion.text, criterion.kind == CriterionKind.INCLUSION))
        day = subject.screening_date
        for n, (code, text, inclusion) in enumerate(sorted(not_met), start=1):
            result = "N" if inclusion else "Y"
            yield {
                "STUDYID": book.study.registry_id,
                "DOMAIN": "IE",
                "USUBJID": book.usubjid[subject.pk],
                "IESEQ": n,
                "IETESTCD": code,
                "IETEST": text,
                "IECAT": "INCLUSION" if inclusion else "EXCLUSION",
                "IEORRES": result,
                "IESTRESC": result,
                "VISITNUM": 1,
                "VISIT": "SCREENING",
                "EPOCH": book.epoch(subject.pk, day),
                "IEDTC": iso(day),
                "IEDY": book.day(subject.pk, day),
            }


def mh_rows(book: Casebook) -> Iterator[dict]:
    """Medical history as entered (spec §2.3; partial dates stay partial, ISO 8601), then
    the liver-failure diagnosis (spec §2.4, MHCAT LIVER FAILURE DIAGNOSIS). A condition
    ongoing at screening ends ONGOING relative to the screening date; an allergy's
    allergen is in SUPPMH."""
    categories = {code: english(label) for code, label in HistoryCategory.choices}
    history: dict[int, list[dict]] = {}
    rows = (
        _live(MedicalHistory, book)
        .order_by("subject_id", "start", "pk")
        .values("subject_id", "term", "category", "start", "ongoing", "end", "allergen")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        history.setdefault(row["subject_id"], []).append(row)
    diagnoses = {
        row["subject_id"]: row
        for row in _live(LiverFailureDiagnosis, book).values(
            "subject_id", "category", "diagnosed_on"
        )
    }
    liver_failure = dict(LiverFailureCategory.choices)
    for subject in book.subjects:
        base = {
            "STUDYID": book.study.registry_id,
            "DOMAIN": "MH",
            "USUBJID": book.usubjid[subject.pk],
        }
        n = 0
        for row in history.get(subject.pk, ()):
            n += 1
            yield {
                **base,
                "MHSEQ": n,
                "MHTERM": row["term"],
                "MHCAT": categories.get(row["category"], ""),
                "MHSTDTC": row["start"],
                "MHENDTC": row["end"],
                "MHENRTPT": "ONGOING" if row["ongoing"] else "",
                "MHENTPT": iso(subject.screening_date) if row["ongoing"] else "",
            }
            if row["allergen"]:
                book.qualify("MH", subject.pk, n, "MHALLERG", "Allergen", row["allergen"])
        diagnosis = diagnoses.get(subject.pk)
        if diagnosis:
            n += 1
            yield {
                **base,
                "MHSEQ": n,
                "MHTERM": str(liver_failure.get(diagnosis["category"], diagnosis["category"])),
                "MHCAT": "LIVER FAILURE DIAGNOSIS",
                "MHSTDTC": iso(diagnosis["diagnosed_on"]),
            }


def cm_rows(book: Casebook) -> Iterator[dict]:
    """Concomitant medications as entered (spec §2.13): name, category, indication, dose,
    frequency and route; one ongoing when last saved ends ONGOING relative to that day."""
    categories = {code: english(label) for code, label in MedicationCategory.choices}
    rows = (
        _live(ConcomitantMedication, book)
        .order_by("subject_id", "start_date", "pk")
        .values(
            "subject_id",
            "name",
            "category",
            "indication",
            "dose",
            "dose_unit",
            "frequency",
            "route",
            "start_date",
            "end_date",
            "ongoing",
            "updated_at",
        )
    )
    seq: dict[int, int] = {}
    for row in rows.iterator(chunk_size=CHUNK):
        subject = row["subject_id"]
        seq[subject] = n = seq.get(subject, 0) + 1
        ongoing = row["ongoing"] and row["end_date"] is None
        yield {
            "STUDYID": book.study.registry_id,
            "DOMAIN": "CM",
            "USUBJID": book.usubjid[subject],
            "CMSEQ": n,
            "CMTRT": row["name"],
            "CMCAT": categories.get(row["category"], ""),
            "CMINDC": row["indication"],
            "CMDOSE": None if row["dose"] is None else float(row["dose"]),
            "CMDOSU": row["dose_unit"],
            "CMDOSFRQ": row["frequency"],
            "CMROUTE": row["route"],
            "EPOCH": book.epoch(subject, row["start_date"]),
            "CMSTDTC": iso(row["start_date"]),
            "CMENDTC": iso(row["end_date"]),
            "CMSTDY": book.day(subject, row["start_date"]),
            "CMENDY": book.day(subject, row["end_date"]),
            "CMENRTPT": "ONGOING" if ongoing else "",
            # The day the form last said "ongoing".
            "CMENTPT": iso(book.local(subject, row["updated_at"]).date()) if ongoing else "",
        }


def pr_rows(book: Casebook) -> Iterator[dict]:
    """Each subject's BAL sessions (PRCAT STUDY PROCEDURE, with its visit) and the other
    procedures entered (spec §2.13, PRCAT CONCOMITANT PROCEDURE), by start. An "Other"
    procedure is named by its details; another's details go to SUPPPR PRDETAIL."""
    names = {code: english(label) for code, label in ProcedureName.choices}
    procedures: dict[int, list[dict]] = {}
    rows = (
        _live(Procedure, book)
        .order_by("subject_id", "started_on", "pk")
        .values("subject_id", "name", "details", "started_on", "ended_on")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        procedures.setdefault(row["subject_id"], []).append(row)
    for subject in book.subjects:
        records = []
        for session in book.sessions.get(subject.pk, ()):
            start = book.local(subject.pk, session.started_at)
            end = book.local(subject.pk, session.ended_at)
            visitnum, visit = session_visit(session.number)
            records.append(
                (
                    start.date(),
                    {
                        "PRSPID": f"SESSION {session.number}",
                        "PRTRT": BAL_PROCEDURE,
                        "PRCAT": "STUDY PROCEDURE",
                        "VISITNUM": visitnum,
                        "VISIT": visit,
                        "EPOCH": book.epoch_at(subject.pk, session.started_at),
                        "PRSTDTC": iso(start),
                        "PRENDTC": iso(end),
                        "PRSTDY": book.day(subject.pk, start.date()),
                        "PRENDY": book.day(subject.pk, end.date()),
                    },
                    "",
                )
            )
        for row in procedures.get(subject.pk, ()):
            other = row["name"] == ProcedureName.OTHER and row["details"]
            records.append(
                (
                    row["started_on"],
                    {
                        "PRTRT": row["details"] if other else names.get(row["name"], ""),
                        "PRCAT": "CONCOMITANT PROCEDURE",
                        "EPOCH": book.epoch(subject.pk, row["started_on"]),
                        "PRSTDTC": iso(row["started_on"]),
                        "PRENDTC": iso(row["ended_on"]),
                        "PRSTDY": book.day(subject.pk, row["started_on"]),
                        "PRENDY": book.day(subject.pk, row["ended_on"]),
                    },
                    "" if other else row["details"],
                )
            )
        records.sort(key=lambda record: record[0])
        for n, (_day, record, details) in enumerate(records, start=1):
            yield {
                "STUDYID": book.study.registry_id,
                "DOMAIN": "PR",
                "USUBJID": book.usubjid[subject.pk],
                "PRSEQ": n,
                **record,
            }
            if details:
                book.qualify("PR", subject.pk, n, "PRDETAIL", "Procedure Details", details)
