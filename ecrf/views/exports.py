"""The exports page: a data manager of the study downloads its data as CSV, ODM or SDTM
(issue 6, item 1), the rows of the sites where they are a data manager (issue 17). Others
of the study get 403, another study 404 (ecrf/access.py)."""

import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from ecrf import access, casebook_pdf, exports
from ecrf.actions import archives
from ecrf.actions.exports import casebook_pdf_export, study_export
from ecrf.models import ExportLog, SiteArchive
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


def _archive_or_404(request, registry_id, pk) -> SiteArchive:
    """An archive of a site where the user is a data manager; 404 for any other."""
    study = _data_manager_study(request, registry_id)
    archive = (
        SiteArchive.objects.select_related("study", "site", "requested_by")
        .defer("content")
        .filter(study=study, pk=pk, site__in=access.export_sites(request.user, study))
        .first()
    )
    if archive is None:
        raise Http404("No such archive.")
    return archive


@login_required
@require_http_methods(["GET"])
def archive_page(request, registry_id):
    """The site archives a data manager may take: one per site where they are one."""
    study = _data_manager_study(request, registry_id)
    sites = access.export_sites(request.user, study)
    archives = (
        SiteArchive.objects.filter(study=study, site__in=sites)
        .select_related("site", "requested_by")
        .defer("content")[:20]
    )
    return _page(
        request,
        "ecrf/exports/archives.html",
        {"study": study, "sites": sites, "archives": archives},
    )


@login_required
@require_http_methods(["POST"])
def archive_start(request, registry_id, site_code):
    study = _data_manager_study(request, registry_id)
    site = next((s for s in access.export_sites(request.user, study) if s.code == site_code), None)
    if site is None:
        raise Http404("No such site.")
    archive = archives.site_archive_start(study=study, site=site, by=request.user)
    return redirect("ecrf:archive_progress", registry_id=study.registry_id, pk=archive.pk)


@login_required
@require_http_methods(["GET"])
def archive_progress(request, registry_id, pk):
    """Each visit builds the next pieces (a few seconds at most), then shows how far it
    is; the page reloads itself (meta refresh: no script) until the zip is ready."""
    archive = _archive_or_404(request, registry_id, pk)
    if not archive.is_finished:
        archive = archives.site_archive_step(archive=archive)
    done, total = archives.progress(archive)
    return render(
        request,
        "ecrf/exports/archive_progress.html",
        {"study": archive.study, "archive": archive, "done": done, "total": total},
    )


@login_required
@require_http_methods(["GET"])
def archive_download(request, registry_id, pk):
    """The zip, streamed from the database a chunk at a time."""
    archive = _archive_or_404(request, registry_id, pk)
    if not archive.is_finished:
        raise Http404("The archive is not built yet.")
    response = StreamingHttpResponse(archives.read_zip(archive), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archives.zip_name(archive)}"'
    response["Content-Length"] = str(archive.size_bytes)
    return response


urlpatterns = [
    path("studies/<str:registry_id>/archives/", archive_page, name="archives"),
    path(
        "studies/<str:registry_id>/archives/new/<str:site_code>/",
        archive_start,
        name="archive_start",
    ),
    path("studies/<str:registry_id>/archives/<int:pk>/", archive_progress, name="archive_progress"),
    path(
        "studies/<str:registry_id>/archives/<int:pk>/download/",
        archive_download,
        name="archive_download",
    ),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/casebook.pdf",
        casebook_copy,
        name="casebook_pdf",
    ),
    path("studies/<str:registry_id>/exports/", export_page, name="exports"),
    path("studies/<str:registry_id>/exports/<str:fmt>/", export_download, name="export_download"),
]
