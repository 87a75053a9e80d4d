"""CSV files are safe to open in a spreadsheet (issue 17, item 3): in every CSV the app
writes, a text cell that begins with =, +, -, @, a tab or a carriage return is written
with a leading apostrophe; numbers stay numbers; ODM and .xpt keep the text as entered;
the export's README.txt says so. (The audit-trail CSV: tests/audit/test_history_views.py.)"""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pyreadstat
import pytest
from django.utils import timezone
from lxml import etree

from ecrf.actions import clinical
from ecrf.actions.adverse_events import ae_report
from ecrf.actions.exports import study_export
from ecrf.spreadsheets import safe_cell
from tests.adverse_events.conftest import ae_values
from tests.clinical.conftest import history_values

pytestmark = pytest.mark.django_db

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
FORMULA = '=HYPERLINK("http://evil.example","Click")'
AT_FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+86 20 8525 2000", "'+86 20 8525 2000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Fever", "Fever"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        # Numbers stay numbers: negative, signed, decimal, exponent.
        ("-5", "-5"),
        ("+5", "+5"),
        ("-0.25", "-0.25"),
        ("-1.5e3", "-1.5e3"),
        (Decimal("-12.30"), "-12.30"),
        (-7, "-7"),
        # Not numbers for a spreadsheet: neutralised.
        ("-inf", "'-inf"),
        ("- 5", "'- 5"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


@pytest.fixture
def formulas(qh1a, make_subject, make_session, staff_guangzhou, investigator_guangzhou):
    """A medical history and an AE whose free text is a spreadsheet formula; the AE began
    on the consent day, two days ago, the day before the first session (study day -1)."""
    subject = make_subject(qh1a, "enrolled")
    make_session(subject, start=timezone.now() - dt.timedelta(days=1))
    clinical.medical_history_record(
        subject=subject, by=staff_guangzhou, **history_values(term=FORMULA)
    )
    ae_report(
        subject=subject,
        by=investigator_guangzhou,
        sae=None,
        **ae_values(subject, verbatim_term=AT_FORMULA),
    )
    return subject


def _export(study, fmt) -> bytes:
    target = io.BytesIO()
    study_export(study=study, fmt=fmt, target=target)
    return target.getvalue()


def _rows(archive, name) -> list[dict]:
    return list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))


def test_study_csv_neutralises_formulas_and_keeps_numbers(qh1a, formulas):
    archive = zipfile.ZipFile(io.BytesIO(_export(qh1a, "csv")))
    [history] = _rows(archive, "medicalhistory.csv")
    assert history["term"] == "'" + FORMULA
    [ae] = _rows(archive, "adverseevent.csv")
    assert ae["verbatim_term"] == "'" + AT_FORMULA
    [subject] = _rows(archive, "subject.csv")
    assert subject["height_cm"] == "170.0" and subject["weight_kg"] == "65.0"
    readme = archive.read("README.txt").decode()
    assert "leading apostrophe" in readme and "ODM export keeps such text exactly" in readme


def test_data_dictionary_is_neutralised_too(qh1a, formulas):
    archive = zipfile.ZipFile(io.BytesIO(_export(qh1a, "csv")))
    for row in _rows(archive, "data_dictionary.csv"):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_odm_keeps_the_text_as_entered(qh1a, formulas):
    document = etree.fromstring(_export(qh1a, "odm"))
    values = {item.get("Value") for item in document.iterfind(".//odm:ItemData", NS)}
    assert {FORMULA, AT_FORMULA} <= values


def test_sdtm_csv_is_neutralised_and_the_xpt_keeps_the_text(qh1a, formulas, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(_export(qh1a, "sdtm")))
    [ae] = _rows(archive, "ae.csv")
    assert ae["AETERM"] == "'" + AT_FORMULA
    # A numeric variable is written as a number, a negative one too (the study day).
    assert (ae["AESEQ"], ae["AESTDY"]) == ("1", "-1")
    path = tmp_path / "ae.xpt"
    path.write_bytes(archive.read("ae.xpt"))
    frame, _meta = pyreadstat.read_xport(str(path))
    assert frame.AETERM[0] == AT_FORMULA
    readme = archive.read("README.txt").decode()
    assert (
        "leading apostrophe" in readme
        and "The .xpt and Dataset-JSON files keep such text" in readme
    )
