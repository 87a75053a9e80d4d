"""Issue 22, done when: tried as a new user would, a data manager of one site downloads the
site archive. From the study page to the exports, the site archives, "Build the archive";
the progress page reloads itself (no script) until the zip is ready; the zip holds what its
manifest says, each file's SHA-256 checked. Screenshots in test-artifacts/."""

import hashlib
import io
import zipfile

import pytest

from ecrf.models import ExportLog
from tests.browser.conftest import ARTIFACTS, log_in

# A browser against a live server: slow, and on the real clock (Chromium keeps it).
pytestmark = [pytest.mark.slow, pytest.mark.real_clock, pytest.mark.django_db(transaction=True)]

STUDY = "NCT06996392"  # QH-1A, whose demo site is SYSU3


def test_data_manager_downloads_the_site_archive(page, live_server, demo, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, live_server, "datamanager")
    page.click(f"text={STUDY}")
    page.click("#exports")
    page.click("#site-archives")
    assert "No archive yet." in page.inner_text("#archives")
    page.click("#archive-SYSU3")
    assert "parts built" in page.inner_text("#archive-progress")
    page.screenshot(path=str(ARTIFACTS / "site_archive_progress.png"), full_page=True)
    # Each reload builds the next subject's casebook; five subjects, the ODM, the zip.
    page.wait_for_selector("#archive-download", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "site_archive_ready.png"), full_page=True)
    with page.expect_download() as download_info:
        page.click("#archive-download")
    download = download_info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.name.startswith(f"{STUDY}_SYSU3_archive_") and path.suffix == ".zip"

    content = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    manifest = files.pop("MANIFEST.sha256").decode()
    listed = dict(reversed(line.split("  ", 1)) for line in manifest.splitlines())
    assert set(listed) == set(files)
    for name, digest in listed.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest, name
    pdfs = sorted(n for n in files if n.startswith("casebooks/"))
    assert pdfs == [f"casebooks/{STUDY}_SYSU3-00{n}_casebook.pdf" for n in range(1, 6)]
    assert f"odm/{STUDY}_SYSU3.xml" in files
    assert len([n for n in files if n.startswith("audit_trail/")]) == 5

    log = ExportLog.objects.get(format="archive")
    assert log.exported_by.username == "datamanager" and log.sites == ["SYSU3"]
    assert log.sha256 == page.inner_text("#archive-sha256") == hashlib.sha256(content).hexdigest()
