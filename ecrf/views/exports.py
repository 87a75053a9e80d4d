"""The exports page: a data manager of the study downloads its data as CSV, ODM or SDTM
(issue 6, item 1), the rows of the sites where they are a data manager (issue 17). Others
of the study get 403, another study 404 (ecrf/access.py)."""

import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.urls import path
from django.views.decorators.http import require_http_methods

from ecrf import access, casebook_pdf, exports
from ecrf.actions.exports import casebook_pdf_export, study_export
from ecrf.models import ExportLog
from ecrf.views.core import _page

SUFFIX = {exports.CSV: "zip", exports.ODM: "xml", exports.SDTM: "zip"}
CONTENT_TYPE = {
    exports.CSV: "application/zip",
    exports.ODM: "application/xml",
    exports.SDTM: "application/zip",
}


def _data_manager_study(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    access.require_data_manager(request.user, study=study)
    return study


@login_required
@require_http_methods(["GET"])
def export_page(request, registry_id):
    study = _data_manager_study(request, registry_id)
    sites = access.export_sites(request.user, study)
    return _page(
        request,
        "ecrf/exports/page.html",
        {
            "study": study,
            "sites": exports.sites_text(study, sites),
            "logs": ExportLog.objects.of_sites(study, sites).select_related("exported_by")[:20],
            "formats": [
                (code, label)
                for code, label in ExportLog._meta.get_field("format").choices
                if code in exports.FORMATS
            ],
        },
    )


@login_required
@require_http_methods(["POST"])
def export_download(request, registry_id, fmt):
    """Written to a temporary file (rows read in chunks, so memory stays flat), logged,
    then streamed from the file by FileResponse. POST: an export is an audited event."""
    study = _data_manager_study(request, registry_id)
    if fmt not in exports.FORMATS:
        raise Http404("No such format.")
    target = tempfile.TemporaryFile()
    log = study_export(study=study, fmt=fmt, target=target, by=request.user)
    name = f"{study.registry_id}-{log.exported_at:%Y%m%dT%H%M%S}.{SUFFIX[fmt]}"
    response = FileResponse(target, as_attachment=True, filename=name)
    response["Content-Type"] = CONTENT_TYPE[fmt]
    return response


@login_required
@require_http_methods(["POST"])
def casebook_copy(request, registry_id, number):
    """A subject's casebook as a PDF certified copy (issue 22): the site's investigators
    and data managers (403 for the site's other roles, 404 for another site's subject).
    POST: the copy is logged as an export."""
    subject = access.study_subject_or_404(request.user, registry_id, number, related=("site",))
    if not access.may_copy_casebook(request.user, subject.site_id):
        raise PermissionDenied("Only the site's investigators and data managers copy a casebook.")
    content, _log = casebook_pdf_export(subject=subject, by=request.user)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{casebook_pdf.filename(subject)}"'
    return response


urlpatterns = [
    path(
        "studies/<str:registry_id>/subjects/<str:number>/casebook.pdf",
        casebook_copy,
        name="casebook_pdf",
    ),
    path("studies/<str:registry_id>/exports/", export_page, name="exports"),
    path("studies/<str:registry_id>/exports/<str:fmt>/", export_download, name="export_download"),
]
