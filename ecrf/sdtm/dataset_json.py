"""CDISC Dataset-JSON v1.1 (issue 22): each SDTM dataset as name.json beside its .xpt,
the same rows and variables with the text exactly as entered (UTF-8, Chinese included),
which transport v5 cannot carry. FDA is piloting Dataset-JSON as the successor of SAS
transport; the files validate against CDISC's JSON schema (tests/exports/dataset_json/).

Columns follow the specification's table "Supported Column Data Type Combinations":
integers (--SEQ, --DY, VISITNUM) as JSON integers, other numbers as doubles, ISO 8601
dates and date/times as strings typed date or datetime, everything else as string with
its length in characters. A missing number is null; an empty text is "", as the .xpt
and the CDISC examples have it. keySequence names the variables that identify a record.
"""

from __future__ import annotations

import io
import json
import math

import pandas as pd

from ecrf.sdtm.terms import DATES, INTEGER, NUMERIC

VERSION = "1.1.0"
ORIGINATOR = "BAL eCRF"  # as the ODM export's Originator


def data_type(name: str) -> str:
    if name in INTEGER:
        return "integer"
    if name in NUMERIC:
        return "double"
    if name.endswith("DTC"):
        return "date" if name in DATES else "datetime"
    return "string"


def columns_metadata(
    dataset: str,
    variables: dict[str, str],
    lengths: dict[str, int],
    keys: tuple[str, ...],
) -> list[dict]:
    """One object per variable, in the dataset's order; the labels are the .xpt's."""
    columns = []
    for name, label in variables.items():
        column = {
            "itemOID": f"IT.{dataset}.{name}",
            "name": name,
            "label": label,
            "dataType": data_type(name),
        }
        if column["dataType"] == "string":
            column["length"] = lengths[name]
        if name in keys:
            column["keySequence"] = keys.index(name) + 1
        columns.append(column)
    return columns


def _values(series: pd.Series, name: str) -> list:
    """A column as JSON values: integers as int, numbers as float, null where missing."""
    if name in INTEGER:
        return [None if value is pd.NA else int(value) for value in series.tolist()]
    if name in NUMERIC:
        return [None if math.isnan(value) else value for value in series.astype(float).tolist()]
    return series.tolist()


def write(
    entry,
    *,
    study_oid: str,
    created: str,
    name: str,
    label: str,
    variables: dict[str, str],
    frame: pd.DataFrame,
    lengths: dict[str, int],
    keys: tuple[str, ...],
) -> None:
    """Write one dataset to a binary stream (a zip entry), one row at a time: a dataset
    of 100,000 lab results is never held as one JSON string."""
    header = {
        "datasetJSONCreationDateTime": created,
        "datasetJSONVersion": VERSION,
        "fileOID": f"{study_oid}.SDTM.{name}",
        "originator": ORIGINATOR,
        "studyOID": study_oid,
        "itemGroupOID": f"IG.{name}",
        "records": len(frame),
        "name": name,
        "label": label,
        "columns": columns_metadata(name, variables, lengths, keys),
    }
    text = io.TextIOWrapper(entry, encoding="utf-8", newline="\n")
    # The header's attributes in the specification's order, then "rows" last, so a
    # streaming reader meets the metadata first.
    opening = json.dumps(header, ensure_ascii=False)
    text.write(opening[:-1] + ', "rows": [')
    values = [_values(frame[column], column) for column in frame.columns]
    for n, row in enumerate(zip(*values, strict=True)):
        text.write(("," if n else "") + "\n" + json.dumps(list(row), ensure_ascii=False))
    text.write("\n]}\n")
    text.flush()
    text.detach()
