"""Adverse events: report and correct (with the SAE supplement), the subject's and the
study's AE lists, and an AE's page with its reporting clocks (spec §2.11, §2.12, §5.2).

Views are thin: access helper, forms, action, redirect. The rules are in the model's
clean() and in ecrf/actions/adverse_events.py.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ecrf import access, coding, conflicts, ctcae, locking, safety, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions.integrity import StaleForm
from ecrf.forms import add_refusals
from ecrf.forms.adverse_events import AdverseEventForm, SaeReportForm
from ecrf.forms.integrity import add_change_control, change_reason, form_version, show_stale
from ecrf.models import AdverseEvent, AdverseEventReview

# Bootstrap badge per clock state; the admin's template maps the same codes to colours.
CLOCK_BADGES = {
    safety.ClockStatus.RUNNING: "bg-info text-dark",
    safety.ClockStatus.DUE_SOON: "bg-warning text-dark",
    safety.ClockStatus.OVERDUE: "bg-danger",
    safety.ClockStatus.MET: "bg-success",
    safety.ClockStatus.LATE: "bg-secondary",
}


@dataclass(frozen=True)
class ClockRow:
    """One reporting clock as the pages show it."""

    name: str
    started_at: dt.datetime
    due_at: dt.datetime
    stopped_at: dt.datetime | None
    status: str  # a ClockStatus value
    status_label: str
    badge: str
    remaining: str


def duration_text(delta: dt.timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("%(d)d d %(h)d h") % {"d": days, "h": hours}
    return _("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}


def clock_rows(ae: AdverseEvent, rules=None, now=None) -> list[ClockRow]:
    """The 24-hour site clock and, once it applies, the sponsor's 7/15-day clock."""
    now = now or timezone.now()
    rows = []
    for clock in ae_actions.sae_clocks_of(ae, rules):
        status = clock.status(now)
        left = clock.remaining(now)
        if clock.stopped_at is not None:
            remaining = ""
        elif left >= dt.timedelta(0):
            remaining = _("%(t)s left") % {"t": duration_text(left)}
        else:
            remaining = _("overdue by %(t)s") % {"t": duration_text(left)}
        rows.append(
            ClockRow(
                name=safety.ClockName(clock.name).label,
                started_at=clock.started_at,
                due_at=clock.due_at,
                stopped_at=clock.stopped_at,
                status=status.value,
                status_label=status.label,
                badge=CLOCK_BADGES[status],
                remaining=remaining,
            )
        )
    return rows


def _page(request, template, context):
    """Render; a form (AE or SAE) that failed validation answers 422 with its messages."""
    failed = any(f is not None and f.errors for f in (context.get("form"), context.get("sae_form")))
    return render(request, template, context, status=422 if failed else 200)


def _ae_or_404(subject, number: int) -> AdverseEvent:
    ae = get_object_or_404(
        AdverseEvent.objects.select_related("sae_report", "coding"), subject=subject, number=number
    )
    ae.subject = subject  # already loaded with its study and site
    return ae


def _detail(ae: AdverseEvent):
    subject = ae.subject
    return redirect(
        "ecrf:ae_detail",
        registry_id=subject.study.registry_id,
        number=subject.screening_number,
        ae_number=ae.number,
    )


def _add_refusals(form, sae_form, refusals) -> None:
    # Each refusal goes next to its field, on whichever of the two forms has it.
    for refusal in refusals:
        if refusal.field and refusal.field in sae_form.fields and hasattr(sae_form, "cleaned_data"):
            add_refusals(sae_form, [refusal])
        else:
            add_refusals(form, [refusal])


def _entry(request, study, subject, ae: AdverseEvent | None):
    report = getattr(ae, "sae_report", None) if ae else None
    data = conflicts.posted(request)
    form = AdverseEventForm(data, instance=ae)
    sae_form = SaeReportForm(data, instance=report, prefix="sae")
    add_change_control(form, ae)
    conflicts.refresh(form, [sae_form] if report else [])  # what was opened includes it
    if request.method == "POST":
        form_ok = form.is_valid()
        serious = form.cleaned_data.get("serious") if form_ok else bool(form["serious"].value())
        # The supplement is validated only for a serious event; unticked, what was typed
        # in it is kept on the page but not saved.
        sae_ok = sae_form.is_valid() if serious else True
        if form_ok and sae_ok and not conflicts.refuse_unresolved(form):
            sae = sae_form.values() if serious else None
            try:
                with change_reason(form):
                    if ae is None:
                        ae = ae_actions.ae_report(
                            subject=subject, by=request.user, sae=sae, **form.values()
                        )
                        messages.success(request, _("AE %(n)d reported.") % {"n": ae.number})
                    else:
                        ae_actions.ae_update(
                            adverse_event=ae,
                            by=request.user,
                            version=form_version(form),
                            sae=sae,
                            **form.values(),
                        )
                        messages.success(request, _("AE %(n)d saved.") % {"n": ae.number})
            except StaleForm as stale:
                # The SAE supplement is part of the AE's form: merged with it.
                show_stale(form, stale, rows=[sae_form] if serious else [])
            except ProtocolRefusal as refusal:
                _add_refusals(form, sae_form, refusal.refusals)
            else:
                return _detail(ae)
    return _page(
        request,
        "ecrf/adverse_events/form.html",
        {"study": study, "subject": subject, "ae": ae, "form": form, "sae_form": sae_form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ae_new(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    return _entry(request, study, subject, None)


@login_required
@require_http_methods(["GET", "POST"])
def ae_edit(request, registry_id, number, ae_number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    ae = _ae_or_404(subject, ae_number)
    locking.refuse_if_locked(ae)  # a form a data manager locked: no edit form
    return _entry(request, study, subject, ae)


@login_required
def ae_detail(request, registry_id, number, ae_number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    ae = _ae_or_404(subject, ae_number)
    term = ctcae.load_terms().get(ae.ctcae_code)
    return render(
        request,
        "ecrf/adverse_events/detail.html",
        {
            "study": study,
            "subject": subject,
            "ae": ae,
            "grade_text": term.grades.get(ae.grade, "") if term else "",
            "clocks": clock_rows(ae),
            "related": safety.any_component_related(
                ae.related_device, ae.related_cells, ae.related_procedure
            ),
            "reviews": ae.reviews.select_related("reviewer"),
            "can_enter": access.may_edit(request.user, subject, record=ae),
            "form_lock": locking.lock_covering(ae),
            "can_lock": access.is_data_manager(request.user, site_id=subject.site_id),
            # Issue 9: an "Other, specify" AE shows its data manager's coding.
            "manual_coding": coding.needs_manual_coding(ae),
            "coded": coding.coded(ae),
            "can_code": coding.needs_manual_coding(ae)
            and access.is_data_manager(request.user, site_id=subject.site_id),
        },
    )


def _with_review_state(queryset):
    return queryset.annotate(
        reviewed=Exists(AdverseEventReview.objects.filter(adverse_event=OuterRef("pk")))
    )


@login_required
def ae_list(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    # Each AE's clocks by the subject's protocol version on its onset (issue 21): the
    # subject's versions read once.
    versions.load_versions([subject])
    # Voided AEs stay listed, flagged, without clocks (issue 4: no record disappears).
    events = _with_review_state(
        subject.adverse_events(manager="all_objects").select_related("sae_report", "voided_by")
    ).order_by("number")
    for ae in events:
        ae.subject = subject
    rows = [(ae, [] if ae.voided_at else clock_rows(ae)[:1]) for ae in events]
    return render(
        request,
        "ecrf/adverse_events/subject_list.html",
        {
            "study": study,
            "subject": subject,
            "rows": rows,
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
def ae_study_list(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    # Voided AEs stay listed, flagged, without clocks, as on the subject's list (issue 4).
    # Each AE's clocks by its subject's protocol version on its onset (issue 21).
    events = versions.with_subject_versions(
        _with_review_state(
            AdverseEvent.all_objects.filter(
                subject__study=study, subject__site__in=access.visible_sites(request.user)
            ).select_related("subject", "sae_report", "voided_by")
        ).order_by("-onset_date", "-pk")
    )
    if request.GET.get("serious") == "1":
        events = events.filter(serious=True)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    rows = [(ae, [] if ae.voided_at else clock_rows(ae)[:1]) for ae in page]
    return render(
        request,
        "ecrf/adverse_events/study_list.html",
        {"study": study, "page": page, "rows": rows, "serious_only": request.GET.get("serious")},
    )


@login_required
@require_GET
def ae_ctcae_term(request, code):
    """A CTCAE term's grade texts, for the AE form's grade table (no study data)."""
    term = ctcae.load_terms().get(code)
    if term is None:
        raise Http404("No such CTCAE term.")
    return JsonResponse(
        {
            "term": term.term,
            "soc": term.soc,
            "other_specify": term.is_other_specify,
            "grades": {str(g): text for g, text in term.grades.items()},
        }
    )


SUBJECT = "studies/<str:registry_id>/subjects/<str:number>/adverse-events/"

urlpatterns = [
    path("studies/<str:registry_id>/adverse-events/", ae_study_list, name="ae_study_list"),
    path(SUBJECT, ae_list, name="ae_list"),
    path(SUBJECT + "new/", ae_new, name="ae_new"),
    path(SUBJECT + "<int:ae_number>/", ae_detail, name="ae_detail"),
    path(SUBJECT + "<int:ae_number>/edit/", ae_edit, name="ae_edit"),
    path("ctcae/<str:code>/", ae_ctcae_term, name="ae_ctcae_term"),
]
