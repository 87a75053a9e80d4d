"""A site's archive (issue 22 item 2): what a site keeps when the trial or the site closes.
One zip holds every subject's casebook PDF (ecrf/casebook_pdf.py), each subject's
audit-trail CSV (the history page's export, ecrf/audit.py), the site's ODM export
(ecrf/exports.py, scoped to the site) and MANIFEST.sha256, each file's SHA-256 in the
format `sha256sum -c` checks.

No request may run past the server's timeout, and any number of stateless servers share
one PostgreSQL (no task queue): the archive is built a piece at a time. Each call of
`site_archive_step()` builds the next pieces for at most STEP_SECONDS (at least one) and
stores them in the database (SiteArchivePart); the last one zips the stored parts into
the SiteArchive, logs the export and deletes the parts. The progress page calls it on
each poll; the site_archive command calls it until it is done. Two polls at once take
turns (the archive's row is locked while a piece is built).
"""

from __future__ import annotations

import hashlib
import io
import time
import zipfile

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone

from ecrf import access, audit, casebook_pdf, exports
from ecrf.models import (
    ExportFormat,
    ExportLog,
    Site,
    SiteArchive,
    SiteArchivePart,
    Study,
    Subject,
)

# How long one call keeps building pieces once it has built one: a poll answers in
# about this long plus one piece (a casebook PDF: a second or two).
STEP_SECONDS = 3.0
MANIFEST = "MANIFEST.sha256"
ODM = "odm"
CHUNK = 1 << 20  # the zip is read back from PostgreSQL a megabyte at a time


def _pdf_name(subject: Subject) -> str:
    return f"casebooks/{casebook_pdf.filename(subject)}"


def _csv_name(subject: Subject) -> str:
    return f"audit_trail/{subject.study.registry_id}_{subject.screening_number}_audit_trail.csv"


def _odm_name(archive: SiteArchive) -> str:
    return f"odm/{archive.study.registry_id}_{archive.site.code}.xml"


def zip_name(archive: SiteArchive) -> str:
    return (
        f"{archive.study.registry_id}_{archive.site.code}_archive_"
        f"{archive.requested_at:%Y%m%dT%H%M%S}.zip"
    )


@transaction.atomic
def site_archive_start(*, study: Study, site: Site, by=None) -> SiteArchive:
    """Start building the site's archive: its subjects as of now. A user's (`by`) must be a
    data manager of the site (issue 17: each site's data go to its data managers)."""
    if site.study_id != study.pk:
        raise ValueError("A site of another study.")
    if by is not None and not access.is_data_manager(by, site_id=site.pk):
        raise PermissionDenied("Only a data manager of the site takes its archive.")
    subjects = Subject.objects.filter(site=site).order_by("screening_number")
    return SiteArchive.objects.create(
        study=study,
        site=site,
        requested_by=by,
        subject_ids=list(subjects.values_list("pk", flat=True)),
    )


def _pieces(archive: SiteArchive) -> list[str]:
    """What is still to build, in order: each subject ("subject:<id>"), then the ODM."""
    done = set(archive.parts.values_list("name", flat=True))
    subjects = Subject.objects.filter(pk__in=archive.subject_ids).select_related("study")
    todo = [
        f"subject:{s.pk}" for s in subjects.order_by("screening_number") if _pdf_name(s) not in done
    ]
    if _odm_name(archive) not in done:
        todo.append(ODM)
    return todo


def _store(archive: SiteArchive, name: str, content: bytes) -> None:
    SiteArchivePart.objects.create(
        archive=archive, name=name, content=content, sha256=hashlib.sha256(content).hexdigest()
    )


def _build(archive: SiteArchive, piece: str) -> None:
    if piece == ODM:
        target = io.BytesIO()
        exports.write_odm(archive.study, target, [archive.site])
        _store(archive, _odm_name(archive), target.getvalue())
        return
    subject = (
        Subject.objects.select_related("study", "site", "enrolment__arm")
        .filter(pk=int(piece.removeprefix("subject:")))
        .get()
    )
    trail = "".join(audit.csv_lines(audit.subject_history(subject), subject.site.time_zone))
    _store(archive, _csv_name(subject), trail.encode("utf-8"))
    # Last: a subject is done once its PDF is stored (see _pieces).
    _store(archive, _pdf_name(subject), casebook_pdf.casebook_pdf(subject, by=archive.requested_by))


def _finish(archive: SiteArchive) -> None:
    """Zip the stored parts with the manifest, log the export, drop the parts."""
    parts = list(archive.parts.order_by("name"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive_zip:
        for part in parts:
            archive_zip.writestr(part.name, bytes(part.content))
        manifest = "".join(f"{part.sha256}  {part.name}\n" for part in parts)
        archive_zip.writestr(MANIFEST, manifest)
    content = buffer.getvalue()
    archive.content = content
    archive.size_bytes = len(content)
    archive.sha256 = hashlib.sha256(content).hexdigest()
    archive.finished_at = timezone.now()
    counts = {
        "casebooks": sum(p.name.startswith("casebooks/") for p in parts),
        "audit_trails": sum(p.name.startswith("audit_trail/") for p in parts),
        "odm": 1,
    }
    archive.export_log = ExportLog.objects.create(
        study=archive.study,
        format=ExportFormat.ARCHIVE,
        exported_by=archive.requested_by,
        row_counts=counts,
        total_rows=sum(counts.values()),
        size_bytes=archive.size_bytes,
        sha256=archive.sha256,
        channel="page" if archive.requested_by else "command",
        sites=[archive.site.code],
    )
    archive.save()
    archive.parts.all().delete()


def site_archive_step(*, archive: SiteArchive, seconds: float = STEP_SECONDS) -> SiteArchive:
    """Build the archive's next pieces for about `seconds` (at least one piece), each in
    its own transaction; the last one zips them. Returns the archive as it now stands."""
    started = time.monotonic()
    while True:
        with transaction.atomic():
            current = SiteArchive.objects.select_for_update().get(pk=archive.pk)
            if current.is_finished:
                return current
            todo = _pieces(current)
            if todo:
                _build(current, todo[0])
            else:
                _finish(current)
                return current
        if time.monotonic() - started >= seconds:
            return current


def progress(archive: SiteArchive) -> tuple[int, int]:
    """(pieces built, pieces in all): each subject, the ODM and the zip."""
    total = len(archive.subject_ids) + 2
    if archive.is_finished:
        return total, total
    return total - len(_pieces(archive)) - 1, total


def read_zip(archive: SiteArchive):
    """The zip's bytes a chunk at a time, read from PostgreSQL (bytea substring), so a
    download never holds the whole file in a server's memory."""
    table = SiteArchive._meta.db_table
    offset = 1  # substring counts from 1
    while offset <= (archive.size_bytes or 0):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT substring(content FROM %s FOR %s) FROM {table} WHERE id = %s",
                [offset, CHUNK, archive.pk],
            )
            (chunk,) = cursor.fetchone()
        yield bytes(chunk)
        offset += CHUNK
