"""Export a study's data to a file, and log it (issue 6, item 1)."""

import hashlib

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ecrf import access, casebook_pdf, exports
from ecrf.models import ExportFormat, ExportLog, Site, Study, Subject


def _digest(target) -> tuple[int, str]:
    target.flush()
    target.seek(0)
    digest, size = hashlib.sha256(), 0
    while block := target.read(1 << 20):
        digest.update(block)
        size += len(block)
    target.seek(0)
    return size, digest.hexdigest()


@transaction.atomic
def study_export(
    *,
    study: Study,
    fmt: str,
    target,
    by=None,
    channel: str = "page",
    sites: list[Site] | None = None,
) -> ExportLog:
    """Write the export of the subjects of `sites` into `target` (a seekable binary file,
    left at its start) and log who, when, what and which sites. The reads run in one
    transaction (REPEATABLE READ is not needed: the log counts the rows actually written).

    A user's export (`by`) holds the sites where they are a data manager, by default all
    of them (issue 17: "an export holds only the rows of the sites where the user is a
    data manager"); the command's (no `by`), every site of the study unless told. The
    export is refused before anything is written for an unknown format, a site of
    another study, or a site where `by` is not a data manager."""
    if fmt not in exports.FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}.")
    study_sites = list(study.sites.order_by("code"))
    if by is not None:
        allowed = access.export_sites(by, study)
        sites = allowed if sites is None else sites
        if not sites or not {site.pk for site in sites} <= {site.pk for site in allowed}:
            raise PermissionDenied("Only a data manager of each site exports its data.")
    elif sites is None:
        sites = study_sites
    if not {site.pk for site in sites} <= {site.pk for site in study_sites}:
        raise ValueError("A site of another study.")
    sites = sorted(sites, key=lambda site: site.code)
    result = exports.write(study, fmt, target, sites)
    size, sha256 = _digest(target)
    return ExportLog.objects.create(
        study=study,
        format=fmt,
        exported_by=by,
        row_counts=result.rows,
        total_rows=result.total,
        size_bytes=size,
        sha256=sha256,
        channel=channel,
        sites=[site.code for site in sites],
    )


@transaction.atomic
def casebook_pdf_export(
    *, subject: Subject, by=None, channel: str = "page"
) -> tuple[bytes, ExportLog]:
    """The subject's casebook as a PDF certified copy (ecrf/casebook_pdf.py), logged as an
    export of the subject's site. A user's (`by`) must be an investigator or a data
    manager of the subject's site; the command's (no `by`) is the operator's."""
    if by is not None and not access.may_copy_casebook(by, subject.site_id):
        raise PermissionDenied("Only the site's investigators and data managers copy a casebook.")
    content = casebook_pdf.casebook_pdf(subject, by=by)
    log = ExportLog.objects.create(
        study=subject.study,
        format=ExportFormat.CASEBOOK,
        exported_by=by,
        row_counts={subject.screening_number: 1},
        total_rows=1,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        channel=channel,
        sites=[subject.site.code],
    )
    return content, log
