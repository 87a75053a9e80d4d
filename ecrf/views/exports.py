"""The exports page: a data manager of the study downloads its data as CSV, ODM or SDTM
(issue 6, item 1), the rows of the sites where they are a data manager (issue 17). Others
of the study get 403, another study 404 (ecrf/access.py)."""

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.urls import path
from django.views.decorators.http import require_http_methods

from ecrf import access, exports
from ecrf.actions.exports import study_export
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
            "formats": ExportLog._meta.get_field("format").choices,
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


urlpatterns = [
    path("studies/<str:registry_id>/exports/", export_page, name="exports"),
    path("studies/<str:registry_id>/exports/<str:fmt>/", export_download, name="export_download"),
]
