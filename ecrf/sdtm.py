"""SDTM datasets DM and AE (issue 6, later part; crf-domain-spec.md §6), written as SAS
transport v5 files (.xpt, the FDA's required format for SDTM submissions) with a CSV of
the same rows beside each, in one zip.

Voided records (entered in error) are left out: SDTM carries the study's data as it
stands, and a voided record is not study data; the CSV and ODM exports keep them,
flagged, and the audit trail keeps their history (21 CFR 11.10(e)).

Not here yet: LB, EX/EC, VS, DS, DV, the SUPP-- datasets (SUPPDM ETHNICCN; SUPPAE
AERELDEV/AERELCEL/AERELPRC, AEDLT, AEEXPECT), the trial design datasets and define.xml.
Each dataset is built in memory (pandas): DM and AE have a row per subject or event.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pyreadstat
from django.utils import timezone

from ecrf import coding
from ecrf.models import AdverseEvent, Enrolment, Study, Subject, TreatmentSession
from ecrf.models.adverse_events import Outcome
from ecrf.safety import Relatedness

# Variable name -> label (SDTMIG v3.4 labels; names <= 8 and labels <= 40 characters,
# the SAS transport v5 limits).
DM_VARIABLES = {
    "STUDYID": "Study Identifier",
    "DOMAIN": "Domain Abbreviation",
    "USUBJID": "Unique Subject Identifier",
    "SUBJID": "Subject Identifier for the Study",
    "RFSTDTC": "Subject Reference Start Date/Time",
    "RFENDTC": "Subject Reference End Date/Time",
    "RFICDTC": "Date/Time of Informed Consent",
    "SITEID": "Study Site Identifier",
    "BRTHDTC": "Date/Time of Birth",
    "AGE": "Age",
    "AGEU": "Age Units",
    "SEX": "Sex",
    "ARMCD": "Planned Arm Code",
    "ARM": "Description of Planned Arm",
    "ACTARMCD": "Actual Arm Code",
    "ACTARM": "Description of Actual Arm",
    "COUNTRY": "Country",
}
AE_VARIABLES = {
    "STUDYID": "Study Identifier",
    "DOMAIN": "Domain Abbreviation",
    "USUBJID": "Unique Subject Identifier",
    "AESEQ": "Sequence Number",
    "AETERM": "Reported Term for the Adverse Event",
    "AELLTCD": "Lowest Level Term Code",
    "AEDECOD": "Dictionary-Derived Term",
    "AEBODSYS": "Body System or Organ Class",
    "AESOC": "Primary System Organ Class",
    "AETOXGR": "Standard Toxicity Grade",
    "AESER": "Serious Event",
    "AEREL": "Causality",
    "AEOUT": "Outcome of Adverse Event",
    "AESTDTC": "Start Date/Time of Adverse Event",
    "AEENDTC": "End Date/Time of Adverse Event",
    "AESTDY": "Study Day of Start of Adverse Event",
    "AEENDY": "Study Day of End of Adverse Event",
}
NUMERIC = {"AGE", "AESEQ", "AESTDY", "AEENDY"}

# SDTM controlled terminology (C66768 Outcome of Event).
AEOUT = {
    Outcome.RECOVERED: "RECOVERED/RESOLVED",
    Outcome.RECOVERING: "RECOVERING/RESOLVING",
    Outcome.NOT_RECOVERED: "NOT RECOVERED/NOT RESOLVED",
    Outcome.SEQUELAE: "RECOVERED/RESOLVED WITH SEQUELAE",
    Outcome.FATAL: "FATAL",
    Outcome.UNKNOWN: "UNKNOWN",
}
# AEREL is the strongest of the three relatedness items (spec §6: AEREL overall; the
# three items themselves belong in SUPPAE, not written yet). Sponsor terms, strongest first.
AEREL = {
    Relatedness.DEFINITE: "DEFINITELY RELATED",
    Relatedness.PROBABLE: "PROBABLY RELATED",
    Relatedness.POSSIBLE: "POSSIBLY RELATED",
    Relatedness.UNLIKELY: "UNLIKELY RELATED",
    Relatedness.NOT_RELATED: "NOT RELATED",
}
_STRENGTH = list(AEREL)


def iso(value) -> str:
    """ISO 8601 as SDTM writes it: local clock time of the site, no offset."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None).isoformat(timespec="minutes")
    return value.isoformat()


def study_day(day: dt.date | None, reference: dt.date | None) -> int | None:
    """SDTMIG 4.4.4: Day 1 is the date of RFSTDTC, the day before it is Day -1 (no Day 0)."""
    if day is None or reference is None:
        return None
    delta = (day - reference).days
    return delta + 1 if delta >= 0 else delta


def age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def usubjid(study: Study, subject: Subject) -> str:
    return f"{study.registry_id}-{subject.screening_number}"


def _reference_starts(study: Study) -> dict[int, tuple]:
    """First and last session start of each subject (spec §6: RFSTDTC = first session)."""
    spans: dict[int, list] = {}
    sessions = (
        TreatmentSession.objects.filter(subject__study=study, started_at__isnull=False)
        .order_by("subject_id", "started_at")
        .values_list("subject_id", "started_at")
    )
    for subject_id, started in sessions:
        spans.setdefault(subject_id, []).append(started)
    return {k: (v[0], v[-1]) for k, v in spans.items()}


def dm_rows(study: Study, subjects: list[Subject], spans: dict) -> list[dict]:
    arms = {
        e.subject_id: e.arm
        for e in Enrolment.objects.filter(subject__study=study).select_related("arm")
    }
    rows = []
    for subject in subjects:
        first, last = spans.get(subject.pk, (None, None))
        arm = arms.get(subject.pk)
        if arm is None:
            armcd, arm_label = "SCRNFAIL", "Screen Failure"
            actcd, act_label = armcd, arm_label
        else:
            armcd, arm_label = arm.code, arm.label
            actcd, act_label = (armcd, arm_label) if first else ("NOTTRT", "Not Treated")
        rows.append(
            {
                "STUDYID": study.registry_id,
                "DOMAIN": "DM",
                "USUBJID": usubjid(study, subject),
                "SUBJID": subject.screening_number,
                "RFSTDTC": iso(first),
                "RFENDTC": iso(last),
                "RFICDTC": iso(subject.consent_date),
                "SITEID": subject.site.code,
                "BRTHDTC": iso(subject.date_of_birth),
                # Age at informed consent, in completed years.
                "AGE": age_on(subject.date_of_birth, subject.consent_date),
                "AGEU": "YEARS",
                "SEX": subject.sex,
                "ARMCD": armcd,
                "ARM": arm_label,
                "ACTARMCD": actcd,
                "ACTARM": act_label,
                "COUNTRY": "CHN",
            }
        )
    return rows


def ae_rows(study: Study, subjects: list[Subject], spans: dict) -> list[dict]:
    by_pk = {s.pk: s for s in subjects}
    events = (
        AdverseEvent.objects.filter(subject__in=by_pk)
        .select_related("coding")
        .order_by("subject_id", "number")
    )
    rows, seq = [], {}
    for event in events:
        subject = by_pk[event.subject_id]
        first = spans.get(subject.pk, (None, None))[0]
        reference = timezone.localtime(first).date() if first else None
        seq[subject.pk] = seq.get(subject.pk, 0) + 1
        related = min(
            (event.related_device, event.related_cells, event.related_procedure),
            key=_STRENGTH.index,
        )
        start = (
            dt.datetime.combine(event.onset_date, event.onset_time).isoformat(timespec="minutes")
            if event.onset_time
            else event.onset_date.isoformat()
        )
        # Issue 9: the coded term (ecrf/coding.py); blank while an "Other, specify" AE
        # waits for its data manager's coding.
        code = coding.coded(event) or coding.Coded("", "", "")
        rows.append(
            {
                "STUDYID": study.registry_id,
                "DOMAIN": "AE",
                "USUBJID": usubjid(study, subject),
                "AESEQ": seq[subject.pk],
                "AETERM": event.verbatim_term,
                "AELLTCD": code.llt_code,
                "AEDECOD": code.term,
                "AEBODSYS": code.soc,
                "AESOC": code.soc,
                "AETOXGR": str(event.grade),
                "AESER": "Y" if event.serious else "N",
                "AEREL": AEREL[related],
                "AEOUT": AEOUT.get(event.outcome, ""),
                "AESTDTC": start,
                "AEENDTC": iso(event.resolved_date),
                "AESTDY": study_day(event.onset_date, reference),
                "AEENDY": study_day(event.resolved_date, reference),
            }
        )
    return rows


def _frame(rows: list[dict], variables: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(variables))
    for name in variables:
        if name in NUMERIC:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
        else:
            frame[name] = frame[name].fillna("").astype(object)
    return frame


def write_sdtm(study: Study, target, result) -> None:
    """The zip: dm.xpt, dm.csv, ae.xpt, ae.csv. pyreadstat sets each character
    variable's length from its longest value."""
    subjects = list(Subject.objects.filter(study=study).select_related("site").order_by("pk"))
    spans = _reference_starts(study)
    datasets = {
        "dm": (dm_rows(study, subjects, spans), DM_VARIABLES),
        "ae": (ae_rows(study, subjects, spans), AE_VARIABLES),
    }
    with (
        tempfile.TemporaryDirectory() as folder,
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, (rows, variables) in datasets.items():
            frame = _frame(rows, variables)
            path = Path(folder) / f"{name}.xpt"
            pyreadstat.write_xport(
                frame,
                str(path),
                table_name=name.upper(),
                column_labels=list(variables.values()),
                file_format_version=5,
            )
            archive.write(path, f"{name}.xpt")
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(list(variables))
            for row in rows:
                writer.writerow(["" if row[v] is None else row[v] for v in variables])
            archive.writestr(f"{name}.csv", text.getvalue())
            result.rows[name.upper()] = len(rows)
