"""AE coding (issue 9): a data manager's queue of "Other, specify" AEs, and the page
that codes one to a term of the CTCAE v5.0 list or changes its coding.

Data managers of the study only (403 for its other roles, 404 for another study); each
sees the AEs of the sites where they are data manager. The rules are in
ecrf/actions/coding.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, coding, conflicts
from ecrf.actions.coding import ae_code
from ecrf.forms.coding import CodingForm
from ecrf.forms.integrity import add_change_control, form_version, save_through
from ecrf.models import AdverseEvent
from ecrf.views.core import _page

# The queue page lists this many of each kind; the study home shows the first few.
QUEUE_LIMIT = 200


@login_required
@require_http_methods(["GET"])
def coding_queue(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    access.require_data_manager(request.user, study=study)
    done = coding.coded_by_hand(coding.events_for(request.user, study))
    return _page(
        request,
        "ecrf/coding/queue.html",
        coding.queue_context(request.user, study, QUEUE_LIMIT)
        | {
            "study": study,
            "coded": done.select_related("subject", "coding__coded_by").order_by(
                "-coding__coded_at", "-pk"
            )[:QUEUE_LIMIT],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def coding_edit(request, registry_id, pk):
    study = access.study_or_404(request.user, registry_id)
    ae = get_object_or_404(
        AdverseEvent.objects.select_related("subject__site", "subject__study", "coding"),
        pk=pk,
        subject__study=study,
        subject__site__in=access.visible_sites(request.user),
    )
    access.require_data_manager(request.user, site_id=ae.subject.site_id)
    if not coding.needs_manual_coding(ae):
        raise Http404("This AE is coded by its CTCAE term.")
    row = getattr(ae, "coding", None)
    current = row.llt_code if row is not None else None
    form = CodingForm(conflicts.posted(request), initial={"llt_code": current})
    add_change_control(form, row)
    if request.method == "POST" and form.is_valid():
        saved = save_through(
            form,
            lambda: ae_code(
                adverse_event=ae,
                by=request.user,
                llt_code=form.cleaned_data["llt_code"],
                version=form_version(form),
            ),
        )
        if saved is not None:
            messages.success(
                request,
                _("AE %(n)d of %(subject)s coded: %(term)s.")
                % {"n": ae.number, "subject": ae.subject.screening_number, "term": saved.term},
            )
            return redirect("ecrf:coding_queue", registry_id=study.registry_id)
    return _page(
        request,
        "ecrf/coding/edit.html",
        {
            "study": study,
            "ae": ae,
            "coding_row": row,
            "stale": row is not None and row.coded_text != ae.other_specify,
            "form": form,
        },
    )


urlpatterns = [
    path("studies/<str:registry_id>/coding/", coding_queue, name="coding_queue"),
    path("studies/<str:registry_id>/coding/<int:pk>/", coding_edit, name="coding_edit"),
]
