"""Voiding a record entered in error: a confirmation page with the reason (issue 4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, locking
from ecrf.actions import ProtocolRefusal
from ecrf.actions import integrity as integrity_actions
from ecrf.actions.integrity import subject_of, voidable
from ecrf.forms import add_refusals
from ecrf.forms.integrity import VoidForm
from ecrf.models import AdverseEvent
from ecrf.views.core import _page


def _record_or_404(subject, model_name: str, pk: int):
    model = voidable(model_name)
    if model is None:
        raise Http404("No such form.")
    record = model.all_objects.filter(pk=pk).first()
    if record is None or subject_of(record).pk != subject.pk:
        raise Http404("No such record.")
    return record


def _back_to(subject, record) -> str:
    """After voiding: the AE list for an AE (it shows the AE flagged), else the casebook."""
    ids = {"registry_id": subject.study.registry_id, "number": subject.screening_number}
    name = "ecrf:ae_list" if isinstance(record, AdverseEvent) else "ecrf:casebook"
    return reverse(name, kwargs=ids)


@login_required
@require_http_methods(["GET", "POST"])
def record_void(request, registry_id, number, model_name, pk):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    record = _record_or_404(subject, model_name, pk)
    locking.refuse_if_locked(record)  # a form a data manager froze or locked
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            integrity_actions.record_void(
                record=record, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("%(record)s was voided.") % {"record": record})
            return redirect(_back_to(subject, record))
    return _page(
        request,
        "ecrf/integrity/void.html",
        {
            "study": study,
            "subject": subject,
            "record": record,
            "form_name": record._meta.verbose_name,
            "form": form,
        },
    )


SUBJECT = "studies/<str:registry_id>/subjects/<str:number>/"

urlpatterns = [
    path(f"{SUBJECT}void/<str:model_name>/<int:pk>/", record_void, name="integrity_void"),
]
