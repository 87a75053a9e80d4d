"""Cells of the CSV files the eCRF writes, safe to open in a spreadsheet (issue 17, item 3).

A spreadsheet reads a cell that begins with =, +, - or @ as a formula (and a leading tab
or carriage return can hide one): free text such as "=HYPERLINK(...)" typed in a form
would run when a statistician opens the export (OWASP "CSV Injection"). Such a cell is
written with a leading apostrophe, which spreadsheets show as text. A number is left as
it is, so a negative value stays a number. Every CSV writer calls safe_cell(): the study
CSV zip and its data dictionary, the SDTM CSVs and the audit-trail CSV. The ODM and .xpt
files are not spreadsheets' input and keep the text as entered.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain decimal number, as the CSVs write numbers (no spaces, no "inf" or "nan").
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value) -> str:
    """The cell's text; a text a spreadsheet would read as a formula starts with "'"."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and _NUMBER.fullmatch(text) is None:
        return "'" + text
    return text
