"""SDTM datasets of a study (issue 6, later part; issue 22; crf-domain-spec.md §6), each
written as a SAS transport v5 file (.xpt, the FDA's required format for SDTM
submissions), a CSV of the same rows and a CDISC Dataset-JSON v1.1 file (.json, the text
as entered; ecrf/sdtm/dataset_json.py), with a README.txt, in one zip.

Datasets: DM, AE, LB, EX (one record per BAL session), VS, DS, DV, IE (criteria not
met), MH, CM, PR and SV (ecrf/sdtm/histories.py, design.py), the trial design TS, TA,
TE, TV and TI, with SUPP-- datasets for the collected items SDTM has no variable for
(SUPPAE AERELDEV/AERELCEL/AERELPRC, the three relatedness items behind AEREL). A dataset
without records is not written (FDA Study Data Technical Conformance Guide: no empty
datasets), except DM; nor is a permissible variable without a value in any record
(CDISC CORE reports such a column).

- Voided records (entered in error) are left out: SDTM carries the study's data as it
  stands, and a voided record is not study data; the CSV and ODM exports keep them,
  flagged, and the audit trail keeps their history (21 CFR 11.10(e)). So are a voided
  subject's records, the vital signs of a voided session, and the deviations a
  corrected record no longer breaks ("no longer applies").
- Dates and times are ISO 8601 in the site's local time without offset (spec §0: local
  time); study days follow SDTMIG 4.4.4 (Day 1 = the date of RFSTDTC, the first BAL
  session's start; no Day 0).
- Non-ASCII text: transport v5 is ASCII by convention (FDA), so in each .xpt a character
  with an ASCII equivalent is transliterated (full-width punctuation, accents, µ, °, …)
  and any other (Chinese text) becomes "?"; the CSV beside it keeps the text as entered,
  UTF-8, in the same rows. README.txt states the policy and counts the values replaced.
- Long text: a character value whose .xpt form would pass 200 bytes (the transport v5
  limit) is cut between words; the first piece stays in the variable and the rest go
  to SUPP-- records named --TERM1, --TERM2, … (SDTMIG 4.5.3.2). TS continues TSVAL in
  TSVAL1, TSVAL2, … columns.
- Memory and queries: every dataset reads its rows with values() and iterator() (no
  model instances for the large ones: LB, AE, VS), and a dataset is built column by
  column into one pandas frame; the export runs the same number of queries whatever
  the number of subjects or rows.

define.xml 2.1 and define.html describe the datasets written (ecrf/sdtm/define.py), and
acrf.pdf is the annotated CRF they point at (ecrf/acrf.py).

Not here yet: DD and the device domains (DI, DU, DX, DE). RACE and ETHNIC are not
collected by the eCRF, so DM has neither (SUPPDM's ETHNICCN waits for an ethnic-group
field on the subject, spec §2.1). SUPPDM carries DTHUNREC = Y and DTHCONFL (why) for a
subject whose fatal AE, death date and survival status at FS+28 disagree (spec V11,
ecrf/deaths.py): DTHDTC and DTHFL stay blank and DS states no study disposition until
the site reconciles them.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyreadstat
from django.utils import timezone, translation

from ecrf import acrf
from ecrf.exports import sites_text
from ecrf.models import Site, Study
from ecrf.sdtm import dataset_json, define
from ecrf.sdtm.casebook import Casebook, ascii_text, fits, pieces
from ecrf.sdtm.datasets import (
    ae_rows,
    dm_rows,
    ds_rows,
    dv_rows,
    ex_rows,
    lb_rows,
    ts_rows,
    vs_rows,
)
from ecrf.sdtm.design import sv_rows, ta_rows, te_rows, ti_rows, tv_rows
from ecrf.sdtm.histories import cm_rows, ie_rows, mh_rows, pr_rows
from ecrf.sdtm.terms import (
    DM,
    INTEGER,
    NUMERIC,
    PARENTS,
    SUPP_KEYS,
    SUPP_VARIABLES,
    TA,
    TE,
    TEXT_LIMIT,
    TI,
    TS,
    TV,
    Dataset,
)
from ecrf.spreadsheets import safe_cell


@dataclass
class Written:
    """What README.txt says of a dataset."""

    name: str
    label: str
    rows: int
    replaced: int  # values whose non-ASCII characters were replaced in the .xpt
    table: define.Table  # what define.xml says of it


def _columns(dataset: Dataset, rows: Iterable[dict], book: Casebook) -> dict[str, list]:
    """The rows as columns; a character value too long for transport v5 keeps its first
    piece, the rest going to SUPP-- (SDTMIG 4.5.3.2)."""
    columns: dict[str, list] = {name: [] for name in dataset.variables}
    text = [name for name in dataset.variables if name not in NUMERIC]
    for row in rows:
        for name in text:
            value = row.get(name)
            # Most values are short ASCII: only the others are measured.
            if value and (len(value) > TEXT_LIMIT or not value.isascii()) and not fits(value):
                first, *rest = pieces(value)
                row[name] = first
                label = dataset.variables[name]
                for n, piece in enumerate(rest, start=1):
                    suffix = str(n)
                    book.supp(dataset.name).add(
                        book.study.registry_id,
                        row["USUBJID"],
                        dataset.key,
                        str(row[dataset.key]) if dataset.key else "",
                        f"{name[: 8 - len(suffix)]}{suffix}",
                        f"{label[: 39 - len(suffix)]} {suffix}",
                        piece,
                    )
        for name, column in columns.items():
            column.append(row.get(name))
    return columns


def _frame(columns: dict[str, list]) -> pd.DataFrame:
    """One frame, each column with its type: integers as nullable Int64 (written without
    a decimal point in the CSV), other numbers float64, text object with "" for null.
    Each list is dropped once its column is made, so only one is ever held twice."""
    names, series = list(columns), {}
    for name in names:
        values = columns.pop(name)
        if name in INTEGER:
            series[name] = pd.array(values, dtype="Int64")
        elif name in NUMERIC:
            series[name] = pd.array(values, dtype="float64")
        else:
            series[name] = pd.Series(values, dtype=object).fillna("")
    return pd.DataFrame(series, columns=names)


@dataclass(frozen=True)
class Output:
    """Where the datasets go, and what every Dataset-JSON file's header repeats."""

    archive: zipfile.ZipFile
    folder: Path  # the .xpt files are written here first (pyreadstat writes to a path)
    study_oid: str
    created: str  # ISO 8601, the same for every file of the export


def _write(
    out: Output, name: str, label: str, variables, columns, keys: tuple[str, ...] = ()
) -> Written:
    frame = _frame(columns)
    lower = name.lower()
    archive = out.archive
    # The CSV keeps the text as entered (UTF-8), but for a leading apostrophe on a text a
    # spreadsheet would read as a formula (ecrf/spreadsheets.py); the .xpt keeps it as is.
    text_columns = [column for column in frame.columns if column not in NUMERIC]
    for_csv = frame.assign(**{column: frame[column].map(safe_cell) for column in text_columns})
    with archive.open(f"{lower}.csv", "w", force_zip64=True) as entry:
        text = io.TextIOWrapper(entry, encoding="utf-8", newline="")
        for_csv.to_csv(text, index=False, lineterminator="\r\n")
        text.flush()
        text.detach()
    del for_csv
    replaced = 0
    ascii_columns = {}
    # A text variable's length: its longest value, as entered or in the .xpt.
    lengths = {}
    for column in frame.columns:
        if column in NUMERIC:
            continue
        values = frame[column]
        foreign = ~values.map(str.isascii)
        lengths[column] = max(1, int(values.map(len).max()) if len(values) else 1)
        if foreign.any():
            replaced += int(foreign.sum())
            ascii_columns[column] = values.map(ascii_text)
            lengths[column] = max(lengths[column], int(ascii_columns[column].map(len).max()))
    with archive.open(f"{lower}.json", "w", force_zip64=True) as entry:
        # Dataset-JSON: the same rows with the text as entered.
        dataset_json.write(
            entry,
            study_oid=out.study_oid,
            created=out.created,
            name=name,
            label=label,
            variables=variables,
            frame=frame,
            lengths=lengths,
            keys=keys,
        )
    # define.xml reads the text as entered, before the .xpt's ASCII replaces it.
    table = define.describe(name, label, variables, frame, lengths, keys)
    for column in frame.columns:
        if column in NUMERIC:
            frame[column] = frame[column].astype("float64")
        elif column in ascii_columns:
            frame[column] = ascii_columns.pop(column)
    path = out.folder / f"{lower}.xpt"
    pyreadstat.write_xport(
        frame,
        str(path),
        file_label=label,
        table_name=name,
        column_labels=[variables[c] for c in frame.columns],
        file_format_version=5,
    )
    archive.write(path, f"{lower}.xpt")
    path.unlink()
    return Written(name, label, len(frame), replaced, table)


README = """\
SDTM datasets of {registry_id}: {title}
Exported {now} by the BAL eCRF (SDTMIG v3.4 structure; crf-domain-spec.md section 6).
Sites: {sites}.

Each dataset is a SAS transport v5 file (name.xpt) with two files of the same rows and
variables beside it: name.csv (UTF-8, comma-separated, a header row of variable names)
and name.json, CDISC Dataset-JSON v1.1 (UTF-8; each variable's label, data type,
length and key sequence, then the rows; a missing number is null).

define.xml is the data definition, CDISC Define-XML 2.1: every dataset and variable
with its label, type, length, keys, origin (collected on which form, derived by which
method, assigned, or from the protocol), the controlled terms, and the value-level
metadata of LBORRES/LBSTRESN by LBTESTCD, VSORRES/VSSTRESN by VSTESTCD and each
SUPP-- QVAL by QNAM. Its item OIDs are the Dataset-JSON files' (IT.<dataset>.<variable>).
define.html shows the same in a browser.

acrf.pdf is the annotated CRF: each form of the study as a blank page, every field
annotated at the right with its SDTM domain and variable (NOT SUBMITTED: in no
dataset). define.xml names, for each collected variable, the pages it is annotated on.

{datasets}

Non-ASCII text. SAS transport v5 files are ASCII by convention (FDA Study Data
Technical Conformance Guide). In the .xpt files a character with an ASCII equivalent
is transliterated (full-width punctuation, accented letters, micro sign, degree sign)
and any other character, such as Chinese text, is written as "?". The CSV and the
Dataset-JSON file beside each .xpt keep the text exactly as entered, in UTF-8: use
them to read the original.

Spreadsheets. In the CSV files a text value that begins with =, +, -, @, a tab or a
carriage return is written with a leading apostrophe ('), so that a spreadsheet shows
it as text and does not run it as a formula; numbers, negative ones included, are
written as numbers. The .xpt and Dataset-JSON files keep such text exactly as entered.

Long text. A character value longer than 200 bytes in the .xpt (the transport v5
limit) is cut between words: its first piece stays in the variable and the following
pieces are SUPP-- records named after the variable with 1, 2, ... (for example
DVTERM1), as SDTMIG 4.5.3.2 describes. TS continues TSVAL in TSVAL1, TSVAL2, ...

Records left out. Records voided as entered in error, the records of a voided
subject, the vital signs of a voided BAL session and protocol deviations that no
longer apply after a correction are not exported; the eCRF's audit trail and its CSV
and ODM exports keep them, flagged. A domain without records is not written, except DM.

Dates and study days. Dates and times are ISO 8601 in the site's local time, without
offset. Study day 1 is the date of RFSTDTC, the start of the first BAL session; the
day before it is day -1 (no day 0).

Visits. VISIT is SCREENING (VISITNUM 1), SESSION n (VISITNUM 9 + n) for the day of BAL
session n, and FS+n (VISITNUM 100 + n) for n days after the final session; TV plans
them and SV holds those each subject had. EPOCH is SCREENING before the first session
starts, TREATMENT to the end of the final session's day, FOLLOW-UP after it (TA).
A time point of a session day (--TPT PRE-SESSION, DURING SESSION, END OF SESSION;
--TPTNUM 1-3) is counted from the session's start (--TPTREF SESSION START, --RFTDTC).

Sponsor-defined terms (to confirm against CDISC Controlled Terminology): AEREL
(DEFINITELY/PROBABLY/POSSIBLY/UNLIKELY RELATED, NOT RELATED), EXTRT, EXDOSU, EXROUTE,
LBCAT, DVDECOD, DVCAT, MHCAT, CMCAT, PRCAT, PRTRT, the trial design's element codes
and rules, and the SUPP-- QNAM values. RACE and ETHNIC are not collected.

Deaths. A subject whose fatal adverse event, death date and survival status at FS+28
disagree has SUPPDM DTHUNREC = Y and DTHCONFL saying which records disagree; until the
site reconciles them, DM.DTHDTC and DM.DTHFL are blank and DS has no study disposition.
"""


def _readme(study: Study, written: list[Written], sites: list[Site]) -> str:
    lines = []
    for item in written:
        line = f"{item.name.lower()}.xpt  {item.label}: {item.rows} records"
        if item.replaced:
            line += (
                f"; {item.replaced} values with non-ASCII characters replaced"
                " in the .xpt (the CSV has them as entered)"
            )
        lines.append(line)
    return README.format(
        registry_id=study.registry_id,
        title=study.title,
        now=timezone.localtime().isoformat(timespec="seconds"),
        sites=sites_text(study, sites),
        datasets="\n".join(lines),
    )


def write_sdtm(study: Study, target, result, sites: list[Site]) -> None:
    """The zip: dm.xpt, dm.csv, ae.xpt, ... then the SUPP-- datasets and README.txt.
    pyreadstat sets each character variable's length from its longest value."""
    # The dataset content is CDISC English whatever the language of the person exporting.
    with (
        translation.override("en"),
        tempfile.TemporaryDirectory() as folder,
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        book = Casebook.read(study, sites)
        builders = {
            "DM": dm_rows,
            "AE": ae_rows,
            "LB": lb_rows,
            "EX": ex_rows,
            "VS": vs_rows,
            "DS": ds_rows,
            "DV": dv_rows,
            "IE": ie_rows,
            "MH": mh_rows,
            "CM": cm_rows,
            "PR": pr_rows,
            "SV": sv_rows,
        }
        out = Output(
            archive,
            Path(folder),
            study.registry_id,
            timezone.localtime().isoformat(timespec="seconds"),
        )
        written = []
        for dataset in PARENTS:
            columns = _columns(dataset, builders[dataset.name](book), book)
            if dataset is not DM and not columns["USUBJID"]:
                continue
            variables = _present(dataset, columns)
            written.append(
                _write(out, dataset.name, dataset.label, variables, columns, dataset.keys)
            )
        ts = ts_rows(book)
        variables = dict(TS.variables)
        for row in ts:
            for name in row.keys() - variables.keys():  # TSVAL1, TSVAL2, ...
                variables[name] = f"Parameter Value {name[5:]}"
        columns = _columns_of(ts, variables)
        written.append(_write(out, "TS", TS.label, variables, columns, TS.keys))
        for dataset, rows in ((TA, ta_rows), (TE, te_rows), (TV, tv_rows), (TI, ti_rows)):
            columns = _columns_of(rows(book), dataset.variables)
            variables = _present(dataset, columns)
            written.append(
                _write(out, dataset.name, dataset.label, variables, columns, dataset.keys)
            )
        for dataset in PARENTS:
            supplement = book.supplements.get(dataset.name)
            if supplement is None or not len(supplement):
                continue
            name = f"SUPP{dataset.name}"
            label = f"Supplemental Qualifiers for {dataset.name}"
            written.append(_write(out, name, label, SUPP_VARIABLES, supplement.columns, SUPP_KEYS))
        # The annotated CRF: the study's forms as blank pages, each field's variable beside
        # it; define.xml points each collected variable at its pages.
        annotated = acrf.build(study.protocol, study.title)
        described = define.build(
            study_oid=study.registry_id,
            description=study.title,
            created=out.created,
            tables=[item.table for item in written],
            acrf=annotated,
        )
        archive.writestr("acrf.pdf", annotated.pdf)
        archive.writestr("define.xml", define.xml_bytes(described))
        archive.writestr("define.html", define.html(described))
        archive.writestr("README.txt", _readme(study, written, sites))
    for item in written:
        result.rows[item.name] = item.rows


def _present(dataset: Dataset, columns: dict[str, list]) -> dict[str, str]:
    """The dataset's variables less its permissible ones without a value in any record
    (their columns are dropped too): SDTMIG leaves out a permissible variable nothing was
    collected for, and CDISC CORE reports a column that is empty in every record."""
    for name in dataset.permissible:
        if not any(value not in (None, "") for value in columns[name]):
            del columns[name]
    return {name: label for name, label in dataset.variables.items() if name in columns}


def _columns_of(rows: list[dict], variables: dict[str, str]) -> dict[str, list]:
    return {name: [row.get(name) for row in rows] for name in variables}
