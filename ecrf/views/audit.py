"""The audit trail, read-only: a subject's full history and one form's history, on
screen and as CSV. Every member of the subject's site may read it (monitors included);
another site's subject answers 404."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from ecrf import access, audit


@login_required
@require_GET
def subject_history(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    return render(
        request,
        "ecrf/audit/history.html",
        {
            "study": study,
            "subject": subject,
            "entries": audit.subject_history(subject),
            "record": None,
        },
    )


@login_required
@require_GET
def subject_history_csv(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    entries = audit.subject_history(subject)
    return _csv_response(entries, subject, f"{registry_id}_{number}_audit_trail.csv")


@login_required
@require_GET
def record_history(request, registry_id, number, model, pk):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    tracked = audit.tracked_model(model)
    return render(
        request,
        "ecrf/audit/history.html",
        {
            "study": study,
            "subject": subject,
            "entries": audit.record_history(subject, tracked, pk),
            "record": {"model": model, "pk": pk, "form": tracked._meta.verbose_name},
        },
    )


@login_required
@require_GET
def record_history_csv(request, registry_id, number, model, pk):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    entries = audit.record_history(subject, audit.tracked_model(model), pk)
    filename = f"{registry_id}_{number}_{model.replace('.', '_')}_{pk}_audit_trail.csv"
    return _csv_response(entries, subject, filename)


def _csv_response(entries, subject, filename):
    response = StreamingHttpResponse(
        audit.csv_lines(entries, subject.site.time_zone), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


_subject = "studies/<str:registry_id>/subjects/<str:number>/history/"
urlpatterns = [
    path(_subject, subject_history, name="audit_subject_history"),
    path(f"{_subject}csv/", subject_history_csv, name="audit_subject_history_csv"),
    path(f"{_subject}<str:model>/<int:pk>/", record_history, name="audit_record_history"),
    path(
        f"{_subject}<str:model>/<int:pk>/csv/",
        record_history_csv,
        name="audit_record_history_csv",
    ),
]
