"""Issue 7, journey (c): the data manager downloads the QH-1A study as CDISC ODM 1.3.2 from
the study page. The download is logged, and the file validates against the official XSD
(shipped by odmlib, as in tests/exports/test_exports.py)."""

import hashlib
from pathlib import Path

import odmlib
import pytest
from lxml import etree

from ecrf.models import ExportLog
from tests.browser.conftest import log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT06996392"  # QH-1A
XSD = Path(odmlib.__file__).parent / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}


def test_data_manager_exports_the_study_as_odm(page, live_server, demo, tmp_path):
    log_in(page, live_server, "datamanager")
    page.click(f"text={STUDY}")
    page.click("#exports")
    assert "No export yet." in page.inner_text("#export-log")
    with page.expect_download() as download_info:
        page.click("#export-odm")
    download = download_info.value
    assert download.suggested_filename.endswith(".xml")
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    document = etree.parse(str(path))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    subjects = {s.get("SubjectKey") for s in document.iterfind(".//odm:SubjectData", NS)}
    assert {"SYSU3-001", "SYSU3-002", "SYSU3-003", "SYSU3-004", "SYSU3-005"} <= subjects
    assert not any(key.startswith("BFH-") for key in subjects)  # the other study's subjects

    log = ExportLog.objects.get()
    assert (log.exported_by.username, log.format, log.study.registry_id) == (
        "datamanager",
        "odm",
        STUDY,
    )
    assert log.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    page.reload()  # the page lists the export just made
    logged = page.locator("#export-log tbody tr").first.inner_text()
    assert "datamanager" in logged and "odm" in logged
