"""Export a study's data to a file, and log it (issue 6, item 1)."""

import hashlib

from django.db import transaction

from ecrf import exports
from ecrf.models import ExportLog, Study


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
def study_export(*, study: Study, fmt: str, target, by=None, channel: str = "page") -> ExportLog:
    """Write the export into `target` (a seekable binary file, left at its start) and log
    who, when, what. The reads run in one transaction (REPEATABLE READ is not needed: the
    log counts the rows actually written). The export is refused before anything is
    written for an unknown format. Access is the caller's (a data manager of the study)."""
    if fmt not in exports.FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}.")
    result = exports.write(study, fmt, target)
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
    )
