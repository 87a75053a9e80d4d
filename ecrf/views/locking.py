"""Freeze, lock and unlock: one page per scope (the study, a subject's casebook, one form
addressed by its model name and id), for data managers (issue 4, item 8). Everyone sees
the lock state on the study page, the casebook and the form pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, locking
from ecrf.actions import ProtocolRefusal
from ecrf.actions import locking as lock_actions
from ecrf.forms import add_refusals
from ecrf.forms.locking import LockReleaseForm, LockSetForm
from ecrf.models import DataLock
from ecrf.views.core import _page


def _form_or_404(subject, model_name: str, pk: int):
    model = lock_actions.lockable_forms().get(model_name)
    if model is None:
        raise Http404("No such form.")
    record = model.all_objects.filter(pk=pk, subject=subject).first()
    if record is None:
        raise Http404("No such record.")
    return record


@login_required
@require_http_methods(["GET", "POST"])
def lock_manage(request, registry_id, number=None, model_name=None, pk=None):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number) if number else None
    record = _form_or_404(subject, model_name, pk) if model_name else None
    if subject is not None:
        access.require_data_manager(request.user, site_id=subject.site_id)
    else:
        access.require_study_data_manager(request.user, study)
    scope = {
        "study": study,
        "subject": subject,
        "form_table": record._meta.db_table if record is not None else "",
        "form_id": record.pk if record is not None else None,
    }
    current = locking.in_force().filter(**scope).first()
    history = DataLock.objects.filter(**scope).select_related("set_by", "released_by")
    posted = request.POST if request.method == "POST" else None
    set_form = LockSetForm(posted if posted and "set" in posted else None)
    release_form = LockReleaseForm(posted if posted and "release" in posted else None)
    try:
        if set_form.is_bound and set_form.is_valid():
            lock_actions.lock_set(
                study=study,
                subject=subject,
                record=record,
                level=set_form.cleaned_data["level"],
                reason=set_form.cleaned_data["reason"],
                by=request.user,
            )
            messages.success(request, _("Lock set."))
            return redirect(request.path)
        if release_form.is_bound and release_form.is_valid() and current is not None:
            lock_actions.lock_release(
                lock=current, reason=release_form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, _("Lock released."))
            return redirect(request.path)
    except ProtocolRefusal as refusal:
        add_refusals(set_form if set_form.is_bound else release_form, refusal.refusals)
    failed = bool(set_form.errors or release_form.errors)
    response = _page(
        request,
        "ecrf/locking/manage.html",
        {
            "study": study,
            "subject": subject,
            "record": record,
            "form_name": record._meta.verbose_name if record is not None else "",
            "current": current,
            "history": history,
            "set_form": set_form,
            "release_form": release_form,
        },
    )
    if failed:
        response.status_code = 422
    return response


def lock_url(study, subject=None, record=None) -> str:
    if record is not None:
        kwargs = {"model_name": record._meta.model_name, "pk": record.pk}
        return reverse(
            "ecrf:lock_form",
            kwargs={"registry_id": study.registry_id, "number": subject.screening_number, **kwargs},
        )
    if subject is not None:
        return reverse("ecrf:lock_subject", args=[study.registry_id, subject.screening_number])
    return reverse("ecrf:lock_study", args=[study.registry_id])


STUDY = "studies/<str:registry_id>/"
SUBJECT = f"{STUDY}subjects/<str:number>/"

urlpatterns = [
    path(f"{STUDY}lock/", lock_manage, name="lock_study"),
    path(f"{SUBJECT}lock/", lock_manage, name="lock_subject"),
    path(f"{SUBJECT}lock/<str:model_name>/<int:pk>/", lock_manage, name="lock_form"),
]
