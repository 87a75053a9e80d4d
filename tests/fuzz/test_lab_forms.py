"""Fuzzing the labs (spec §2.9, §3.2, V15): a panel with values in any accepted unit
(bilirubin in µmol/L or mg/dL), units of other tests or none of them, the clinical status
of the scores, and the CSV import with its preview and confirmation."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ecrf.lab_catalogue import CATALOGUE, tests_in_panel
from ecrf.models import ClinicalStatus, LabPanel, LabResult
from tests.fuzz import hostile
from tests.fuzz.conftest import SESSION_START, local, subject_url
from tests.fuzz.harness import FormPage, attempt, check_response, rolled_back, submissions

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def lab_rules(row):
    """V15: each stored result is in a unit of its test, within the hard range in the
    standard unit, and its standard value is the entered one converted."""
    if not isinstance(row, LabResult) or row.value is None:
        return
    test = CATALOGUE[row.test_code]
    assert row.unit in [u.code for u in test.units()], row.unit
    assert row.standard_value == test.to_standard(row.value, row.unit)
    if test.hard_low is not None:
        assert row.standard_value >= test.hard_low
    if test.hard_high is not None:
        assert row.standard_value <= test.hard_high


def unit_kinds(panel: str) -> dict[str, str]:
    return {f"{test.code}_unit": "unit" for test in tests_in_panel(panel)}


def panel_url(subject, timepoint, panel):
    return subject_url("labs_panel", subject, timepoint=timepoint, panel=panel)


@given(data=st.data())
def test_corrected_liver_panel(data, form_page, panel, staff_guangzhou):
    """The stored panel: bilirubin typed in mg/dL, ALT in U/L."""
    client, page = form_page(staff_guangzhou, panel_url(panel.subject, "BASELINE", "LIVER"))
    valid = {
        "BILI_value": "88",
        "BILI_unit": "umol/L",
        "change_reason": "entry_error",
        "change_reason_detail": "unit",
    }
    post = data.draw(submissions(page, valid, kinds=unit_kinds("LIVER"), max_changes=5))
    attempt(
        client,
        page,
        post,
        touched=[LabPanel, LabResult],
        show=subject_url("labs_subject", panel.subject),
        invariants=lab_rules,
    )


@pytest.mark.parametrize("panel_code", ["COAGULATION", "RENAL", "IMMUNOGENICITY"])
@given(data=st.data())
def test_new_panel(data, panel_code, form_page, session, reference_ranges, staff_guangzhou):
    subject = session.subject
    client, page = form_page(staff_guangzhou, panel_url(subject, "POST-S1", panel_code))
    first = tests_in_panel(panel_code)[0]
    middle = (first.hard_low or 0) + ((first.hard_high or 100) - (first.hard_low or 0)) / 2
    valid = {
        "sampled_at": local(SESSION_START + dt.timedelta(hours=5)),
        "laboratory": "Central lab",
        f"{first.code}_value": str(middle),
        f"{first.code}_unit": first.standard_unit.code,
    }
    post = data.draw(submissions(page, valid, kinds=unit_kinds(panel_code), max_changes=5))
    attempt(
        client,
        page,
        post,
        touched=[LabPanel, LabResult],
        show=subject_url("labs_subject", subject),
        invariants=lab_rules,
    )


@given(data=st.data())
def test_clinical_status(data, form_page, enrolled, staff_guangzhou):
    client, page = form_page(staff_guangzhou, subject_url("labs_clinical_status", enrolled))
    valid = {
        "assessed_on": enrolled.screening_date.isoformat(),
        "ascites": "none",
        "encephalopathy_grade": "0",
    }
    post = data.draw(submissions(page, valid))
    attempt(
        client,
        page,
        post,
        touched=[ClinicalStatus],
        show=subject_url("labs_subject", enrolled),
    )


# --- CSV import ------------------------------------------------------------------------

HEADER = (
    "screening_number",
    "timepoint",
    "panel",
    "sampled_at",
    "test_code",
    "value",
    "unit",
    "qualitative",
    "not_done_reason",
    "laboratory",
)


def _cell(value: str) -> str:
    """A CSV cell, quoted when it must be (the file is well formed; its values are not)."""
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_files(draw, number: str) -> bytes:
    """A lab file for the subject: valid rows with some cells made hostile, sometimes a
    broken header, a BOM, or bytes that are not UTF-8."""
    sampled = (SESSION_START + dt.timedelta(hours=5)).astimezone(dt.timezone(dt.timedelta(hours=8)))
    valid = [
        [number, "POST-S1", "LIVER", sampled.strftime("%Y-%m-%d %H:%M"), "BILI", "5.1", "mg/dL"],
        [number, "POST-S1", "LIVER", sampled.strftime("%Y-%m-%d %H:%M"), "ALT", "300", "U/L"],
    ]
    rows = []
    for row in valid:
        row = row + ["", "", "Central lab"]
        for index in draw(st.lists(st.integers(0, len(HEADER) - 1), max_size=3, unique=True)):
            choices = {5: hostile.numbers(), 6: st.sampled_from(hostile.UNITS), 3: hostile.dates()}
            row[index] = draw(st.one_of(choices.get(index, st.nothing()), hostile.hostile_text()))
        rows.append(row)
    header = list(HEADER)
    if draw(st.booleans()) and draw(st.booleans()):
        header[draw(st.integers(0, len(HEADER) - 1))] = draw(hostile.hostile_text())
    lines = [",".join(_cell(v) for v in header)] + [",".join(_cell(v) for v in r) for r in rows]
    text = "\n".join(lines) + "\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="replace")


@given(data=st.data())
def test_lab_import(data, client, session, reference_ranges, staff_guangzhou):
    """Upload (preview), then confirm the previewed file: never a 500, never an invalid
    stored result; a tampered preview is refused."""
    subject = session.subject
    client.force_login(staff_guangzhou)
    url = reverse("ecrf:labs_import", kwargs={"registry_id": subject.study.registry_id})
    page = FormPage(url, {})
    content = data.draw(csv_files(subject.screening_number))
    with rolled_back():
        upload = SimpleUploadedFile("labs.csv", content, content_type="text/csv")
        preview = client.post(url, {"file": upload})
        check_response(preview, {})
        if preview.status_code == 200:  # a clean preview: confirm it, maybe tampered
            signed = preview.context["form"].signed_content
            tampered = data.draw(st.sampled_from([signed, signed[:-2], "", "\x00", signed + "x"]))
            post = {"content": [tampered], "confirm": ["1"]}
            attempt(
                client,
                page,
                post,
                touched=[LabPanel, LabResult],
                show=subject_url("labs_subject", subject),
                invariants=lab_rules,
            )
