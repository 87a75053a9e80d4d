"""A site's archive (issue 22 item 2): a data manager of the site builds it a piece at a
time through its progress page (no request builds more than a few seconds' worth), then
downloads one zip of every subject's casebook PDF and audit-trail CSV, the site's ODM and
a manifest whose SHA-256s match the files. Only the site's subjects; another site's data
manager gets 404, a monitor 403; the export log records it; the command writes it too."""

import hashlib
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from ecrf.actions import archives
from ecrf.models import ExportLog, SiteArchive, SiteArchivePart
from tests.signoff.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def subjects(qh1a, make_subject, zhuhai):
    """Two subjects at Guangzhou (SYSU3), one at Zhuhai (SYSU5)."""
    return (
        make_subject(qh1a, "enrolled", consent_version="第2版"),
        make_subject(qh1a, "screening"),
        make_subject(qh1a, "screening", site=zhuhai),
    )


def _url(name, **kwargs):
    return reverse(f"ecrf:{name}", kwargs={"registry_id": "NCT06996392", **kwargs})


def _verified(content: bytes) -> dict[str, bytes]:
    """The zip's files, after checking each against MANIFEST.sha256."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    manifest = files.pop(archives.MANIFEST).decode()
    listed = dict(reversed(line.split("  ", 1)) for line in manifest.splitlines())
    assert set(listed) == set(files)
    for name, digest in listed.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest, name
    return files


def test_data_manager_builds_and_downloads_the_site_archive(
    client, subjects, data_manager_guangzhou
):
    login(client, data_manager_guangzhou)
    page = client.get(_url("archives")).content.decode()
    assert 'id="archive-SYSU3"' in page and 'id="archive-SYSU5"' not in page
    response = client.post(_url("archive_start", site_code="SYSU3"))
    assert response.status_code == 302
    archive = SiteArchive.objects.get()
    progress = _url("archive_progress", pk=archive.pk)
    assert response["Location"] == progress
    for _poll in range(10):
        page = client.get(progress).content.decode()
        if 'id="archive-download"' in page:
            break
        assert 'http-equiv="refresh"' in page  # it reloads itself until ready
    else:
        pytest.fail("The archive was not built in 10 polls.")
    assert SiteArchivePart.objects.count() == 0  # the parts are dropped once zipped
    response = client.get(_url("archive_download", pk=archive.pk))
    assert response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    files = _verified(content)
    guangzhou = [s for s in subjects if s.site.code == "SYSU3"]
    assert sorted(files) == sorted(
        [f"casebooks/NCT06996392_{s.screening_number}_casebook.pdf" for s in guangzhou]
        + [f"audit_trail/NCT06996392_{s.screening_number}_audit_trail.csv" for s in guangzhou]
        + ["odm/NCT06996392_SYSU3.xml"]
    )
    assert b"SYSU5-" not in files["odm/NCT06996392_SYSU3.xml"]
    assert files[next(n for n in files if n.startswith("casebooks/"))].startswith(b"%PDF")
    log = ExportLog.objects.get(format="archive")
    assert log.sites == ["SYSU3"] and log.exported_by == data_manager_guangzhou
    assert log.sha256 == hashlib.sha256(content).hexdigest()


def test_one_poll_builds_a_bounded_piece(subjects, qh1a, guangzhou):
    archive = archives.site_archive_start(study=qh1a, site=guangzhou)
    archive = archives.site_archive_step(archive=archive, seconds=0)
    assert archives.progress(archive) == (1, 4)  # one subject of two, then the ODM, the zip
    assert SiteArchivePart.objects.filter(archive=archive).count() == 2  # its PDF and CSV


def test_others_cannot_take_the_archive(
    client, subjects, qh1a, guangzhou, data_manager_zhuhai, monitor_guangzhou
):
    archive = archives.site_archive_start(study=qh1a, site=guangzhou)
    login(client, data_manager_zhuhai)
    assert client.post(_url("archive_start", site_code="SYSU3")).status_code == 404
    for name in ("archive_progress", "archive_download"):
        assert client.get(_url(name, pk=archive.pk)).status_code == 404
    client.logout()
    login(client, monitor_guangzhou)
    assert client.get(_url("archives")).status_code == 403
    assert client.post(_url("archive_start", site_code="SYSU3")).status_code == 403
    assert client.get(_url("archive_progress", pk=archive.pk)).status_code == 403


def test_command_writes_the_zip(subjects, tmp_path):
    call_command("site_archive", "NCT06996392", "--site", "SYSU5", "--output", str(tmp_path))
    (path,) = tmp_path.iterdir()
    files = _verified(path.read_bytes())
    assert "casebooks/NCT06996392_SYSU5-001_casebook.pdf" in files
    assert ExportLog.objects.get(format="archive").channel == "command"
