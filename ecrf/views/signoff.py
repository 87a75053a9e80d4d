"""Sign-off screens: verify a form's source data (monitors), sign a form or the whole
casebook (investigators).

A form is addressed by its model label and id ("ecrf.adverseevent/12"), resolved first,
then checked with ecrf/access.py: another site's record answers 404, a role that does
not take this step 403. Then the form, the action, a redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, form_registry, lifecycle
from ecrf.actions import ProtocolRefusal
from ecrf.actions import signoff as actions
from ecrf.forms import add_refusals
from ecrf.forms.signoff import SignForm, VerifyForm
from ecrf.models.queries import QueryStatus


def form_url(record) -> str:
    """The page that shows the record (the subject must be loaded on it)."""
    subject = record.subject
    return form_registry.page_url(
        record, registry_id=subject.study.registry_id, number=subject.screening_number
    )


def _record_or_404(user, model_label: str, pk: int):
    model = form_registry.by_label(model_label, signable=True)
    if model is None:
        raise Http404("No such form.")
    record = (
        model.all_objects.select_related("subject__study", "subject__site")
        .filter(pk=pk, subject__site__in=access.visible_sites(user))
        .first()
    )
    if record is None:
        raise Http404("No such record.")
    return record


def _page(request, template, context, form):
    return render(request, template, context, status=422 if form.errors else 200)


def _context(record, form, **extra):
    subject = record.subject
    life = lifecycle.page_lifecycles([record], tz=subject.site.time_zone).of(record)
    return {
        "study": subject.study,
        "subject": subject,
        "record": record,
        "form_name": record._meta.verbose_name,
        "life": life,
        "back_url": form_url(record),
        "form": form,
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def form_verify(request, model, pk):
    record = _record_or_404(request.user, model, pk)
    if not actions.may_verify(request.user, record.subject.site_id):
        raise PermissionDenied("Only the site's monitors verify source data.")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.form_verify(record=record, by=request.user, note=form.cleaned_data["note"])
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Source data verified: %(r)s.") % {"r": record})
            return redirect(form_url(record))
    return _page(request, "ecrf/signoff/verify.html", _context(record, form), form)


@login_required
@require_http_methods(["GET", "POST"])
def form_sign(request, model, pk):
    record = _record_or_404(request.user, model, pk)
    if not actions.may_sign(request.user, record.subject.site_id):
        raise PermissionDenied("Only the site's investigators sign.")
    form = SignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.form_sign(
                record=record,
                by=request.user,
                password=form.cleaned_data["password"],
                meaning=form.cleaned_data["meaning"],
                request=request,
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Signed: %(r)s.") % {"r": record})
            return redirect(form_url(record))
    context = _context(record, form, printed_name=actions.printed_name(request.user))
    return _page(request, "ecrf/signoff/sign.html", context, form)


@login_required
@require_http_methods(["GET", "POST"])
def casebook_sign(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    if not actions.may_sign(request.user, subject.site_id):
        raise PermissionDenied("Only the site's investigators sign.")
    form = SignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.casebook_sign(
                subject=subject,
                by=request.user,
                password=form.cleaned_data["password"],
                meaning=form.cleaned_data["meaning"],
                request=request,
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Casebook signed."))
            return redirect(
                reverse("ecrf:casebook", kwargs={"registry_id": registry_id, "number": number})
                + "#signoff"
            )
    forms = lifecycle.subject_forms(subject)
    # What the investigator signs (issue 19 item 4): the open queries, the forms not
    # source-verified, and those changed since their verification, listed before signing.
    lives = lifecycle.page_lifecycles(forms, tz=subject.site.time_zone)
    live = [lives.of(record) for record in forms if not record.is_voided]
    context = {
        "study": study,
        "subject": subject,
        "forms": forms,
        "open_queries": subject.queries.filter(status=QueryStatus.OPEN).order_by("raised_at"),
        "unverified": [
            {"life": life, "url": form_url(life.record)}
            for life in live
            if life.verification is None and life.stale_verification is None
        ],
        "changed_since_verified": [
            {"life": life, "url": form_url(life.record)}
            for life in live
            if life.verification is None and life.stale_verification is not None
        ],
        "casebook": lifecycle.casebook_state(subject, forms, tz=subject.site.time_zone),
        "printed_name": actions.printed_name(request.user),
        "form": form,
    }
    return _page(request, "ecrf/signoff/casebook_sign.html", context, form)


def casebook_context(subject, user) -> dict:
    """The casebook's sign-off card: the casebook signature and a link to each form's
    state. Two queries; each form's lifecycle is on its own page (subject_signoff), so
    the casebook stays a handful of queries (clinicedc spends 100–200 on one page)."""
    return {
        "casebook_signoff": lifecycle.casebook_state(subject, tz=subject.site.time_zone),
        "can_sign": actions.may_sign(user, subject.site_id),
    }


@login_required
def subject_signoff(request, registry_id, number):
    """Every form of one casebook with its lifecycle: the monitor's and the
    investigator's worklist for verifying and signing (issue 4, items 5 and 7)."""
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    context = {"study": study, "subject": subject} | _signoff_rows(subject, request.user)
    return render(request, "ecrf/signoff/subject.html", context)


def _signoff_rows(subject, user) -> dict:
    """Each form's lifecycle and the casebook signature, in a fixed number of queries."""
    forms = lifecycle.subject_forms(subject)
    tz = subject.site.time_zone
    lives = lifecycle.page_lifecycles(forms, tz=tz)
    can_verify = actions.may_verify(user, subject.site_id)
    can_sign = actions.may_sign(user, subject.site_id)
    rows = []
    for record in forms:
        life = lives.of(record)
        rows.append(
            {
                "life": life,
                "url": form_url(record),
                "model": record._meta.label_lower,
                "form_name": record._meta.verbose_name,
                "can_verify": can_verify and life.signable,
                "can_sign": can_sign and life.signable,
            }
        )
    return {
        "signoff_rows": rows,
        "casebook_signoff": lifecycle.casebook_state(subject, forms, tz=tz),
        "can_sign": can_sign,
    }


urlpatterns = [
    path(
        "studies/<str:registry_id>/subjects/<str:number>/signoff/",
        subject_signoff,
        name="signoff_subject",
    ),
    path("records/<str:model>/<int:pk>/verify/", form_verify, name="signoff_verify"),
    path("records/<str:model>/<int:pk>/sign/", form_sign, name="signoff_sign"),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/sign/",
        casebook_sign,
        name="signoff_casebook_sign",
    ),
]
