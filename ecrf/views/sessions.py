"""BAL sessions, protocol deviations, device performance and overdue forms.

Every view: login, the access helper (404 for another site's subject, 403 for a
read-only role), the form, the action, a redirect. The rules live in the protocol
modules and ecrf/actions/sessions.py.
"""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, conflicts, form_registry, locking, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions import sessions as actions
from ecrf.casebook import cell_url
from ecrf.endpoints import device_performance as device_performance_of
from ecrf.forms import add_refusals
from ecrf.forms.integrity import add_change_control, form_version, save_through
from ecrf.forms.sessions import (
    SESSION_LOG_PREFIXES,
    DeviationExplanationForm,
    DeviationForm,
    formset_rows,
    session_formsets,
)
from ecrf.models import (
    Deviation,
    Subject,
    SubjectStatus,
    TreatmentSession,
    VitalSigns,
)
from ecrf.schedule import overdue_forms

SUBJECT = "studies/<str:registry_id>/subjects/<str:number>/"
STUDY = "studies/<str:registry_id>/"


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def scientific(value) -> str:
    """Cell counts as clinicians write them: 1.67 × 10⁸ (3 significant digits, spec §3.1)."""
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"


def _session_or_404(subject, session_number) -> TreatmentSession:
    return get_object_or_404(TreatmentSession, subject=subject, number=session_number)


def _to_session(session):
    subject = session.subject
    return redirect(
        "ecrf:session_detail",
        registry_id=subject.study.registry_id,
        number=subject.screening_number,
        session_number=session.number,
    )


def _to_casebook(subject):
    return redirect(
        "ecrf:casebook", registry_id=subject.study.registry_id, number=subject.screening_number
    )


def _session_page(request, study, subject, session):
    """The session form and its logs: the new-session and correction pages."""
    protocol = study.protocol
    form_class = import_string(protocol.session_form)
    data = conflicts.posted(request)
    # "Add a row" without JavaScript (issue 19 item 2): the page again with one more blank
    # row in that log, everything typed kept, nothing saved and no error shown.
    adding = data is not None and data.get("add-row") in SESSION_LOG_PREFIXES
    if adding:
        data = data.copy()
        total = f"{data['add-row']}-TOTAL_FORMS"
        data[total] = str(_count(data.get(total)) + 1)
    instance = session or TreatmentSession(subject=subject)
    form = form_class(data, instance=instance, subject=subject, criteria=protocol.device_criteria)
    add_change_control(form, session)
    # "Check without saving" (no JavaScript): the page again with the target dose of the
    # typed weight, everything typed kept, and only the weight's own error shown.
    checking = data is not None and ("check" in data or adding)
    valid = data is not None and form.is_valid()
    if checking:
        weight_errors = form.errors.get("weight_kg")
        form.errors.clear()
        if weight_errors:
            form.errors["weight_kg"] = weight_errors
    if adding:
        form.errors.clear()
    window = (form.cleaned_data["started_at"], form.cleaned_data["ended_at"]) if valid else None
    formsets = session_formsets(data, session=instance, window=window)
    conflicts.refresh(form, formsets.values())  # what the page opened includes its rows
    if adding:
        for formset in formsets.values():
            formset.non_form_errors().clear()
            for row in formset.forms:
                row.errors.clear()
    if valid and not checking and all(formset.is_valid() for formset in formsets.values()):
        logs = {
            "interruptions": formset_rows(formsets["interruptions"]),
            "anticoagulation_checks": formset_rows(formsets["anticoagulation"]),
            "vital_signs": formset_rows(formsets["vitals"]),
        }
        common = {
            "by": request.user,
            "values": form.values(),
            "planned_minutes": form.planned_minutes(),
            "device_checks": form.device_results(),
            "study_parts": form.study_parts(),
            **logs,
        }
        if session is None:
            saved = save_through(form, lambda: actions.session_record(subject=subject, **common))
        else:
            saved = save_through(
                form,
                lambda: actions.session_update(
                    session=session, version=form_version(form), **common
                ),
                rows=formsets.values(),
            )
        if saved is not None:
            open_deviations = saved.deviations.filter(resolved=False).count()
            messages.success(request, _("Session %(n)d saved.") % {"n": saved.number})
            if open_deviations:
                messages.warning(
                    request,
                    _("This session breaks a protocol rule: %(n)d deviation(s) recorded.")
                    % {"n": open_deviations},
                )
            return _to_session(saved)
    invalid = not checking and (
        bool(form.errors) or any(f.total_error_count() for f in formsets.values())
    )
    arm = subject.enrolment.arm if subject.status == SubjectStatus.ENROLLED else None
    return render(
        request,
        "ecrf/sessions/session_form.html",
        {
            "study": study,
            "subject": subject,
            "session": session,
            "form": form,
            "formsets": formsets.values(),
            "arm": arm,
            "design": protocol.arm(arm.code) if arm else None,
            "dose_target": _dose_target(protocol, subject, session, form, data),
        },
        status=422 if invalid else 200,
    )


def _count(text) -> int:
    """A formset's posted row count; a tampered one counts as none (Django's formset then
    refuses it as it would)."""
    try:
        return max(0, min(int(text or 0), 100))
    except ValueError:
        return 0


def _dose_target(protocol, subject, session, form, data) -> dict | None:
    """The session's target dose from its dosing weight (CiPS-BAL, issue 18), shown before
    the cells are entered: from the weight on the page (typed and checked, or the
    registration weight a new session starts with). static/ecrf/dose.js recomputes it
    as the weight is typed, from the cells per kg."""
    if protocol.dose_target is None:
        return None
    if data is None:
        weight = form.initial.get("weight_kg")
    else:
        weight = getattr(form, "cleaned_data", {}).get("weight_kg")
    # The subject's version on the session's date; a new session's is today's.
    on = None
    if session is not None:
        on = timezone.localtime(session.started_at, ZoneInfo(subject.site.time_zone)).date()
    per_kg = protocol.dose_target(Decimal(1), subject, on)
    cells = protocol.dose_target(Decimal(weight), subject, on) if weight else None
    return {
        "per_kg": f"{per_kg:e}",  # for dose.js, never localised
        "per_kg_text": scientific(per_kg),
        "weight": weight,
        "cells_text": scientific(cells) if weight else "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    if subject.status != SubjectStatus.ENROLLED:
        messages.error(request, _("Only an enrolled subject can have BAL sessions."))
        return _to_casebook(subject)
    return _session_page(request, study, subject, None)


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, registry_id, number, session_number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    session = _session_or_404(subject, session_number)
    locking.refuse_if_locked(session)  # a form a data manager locked: no edit form
    return _session_page(request, study, subject, session)


@login_required
def session_detail(request, registry_id, number, session_number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    session = get_object_or_404(
        TreatmentSession.objects.prefetch_related(
            "interruptions",
            "anticoagulation_checks",
            "device_checks",
            *form_registry.study_part_names(TreatmentSession, study.package),
            Prefetch("vital_signs", queryset=VitalSigns.objects.filter(timepoint="intra_session")),
            Prefetch("deviations", queryset=Deviation.objects.order_by("resolved", "rule")),
        ),
        subject=subject,
        number=session_number,
    )
    protocol = study.protocol
    checks = {check.criterion: check for check in session.device_checks.all()}
    dose = protocol.cell_dose(session, subject) if protocol.cell_dose else None
    dose_text = None
    if dose:
        dose_text = {
            name: scientific(getattr(dose, name))
            for name in ("functional_cells", "target_cells", "per_kg")
        }
    return render(
        request,
        "ecrf/sessions/session_detail.html",
        {
            "study": study,
            "subject": subject,
            "session": session,
            "device_checks": [(c, checks.get(c.code)) for c in protocol.device_criteria],
            "device_passed": actions.session_passed(session, protocol.device_criteria),
            "dose": dose,
            "dose_text": dose_text,
            "viable_cells": scientific(session.viable_cells),
            "study_fields": form_registry.study_values(session, study.package),
            "can_enter": access.may_edit(request.user, subject, record=session),
            "form_lock": locking.lock_covering(session),
            "can_lock": access.is_data_manager(request.user, site_id=subject.site_id),
        },
    )


# --- Deviations ---------------------------------------------------------------------


@login_required
def deviation_list(request, registry_id):
    """The study's deviations for monitors and every member, open ones first."""
    study = access.study_or_404(request.user, registry_id)
    sites = access.visible_sites(request.user).filter(study=study)
    deviations = (
        # Voided deviations (their session was entered in error) stay listed, flagged
        # (issue 4: no record disappears).
        Deviation.all_objects.filter(subject__study=study, subject__site__in=sites)
        .select_related("subject", "session", "voided_by")
        .order_by("resolved", "-occurred_on", "subject__screening_number")
    )
    entry_sites = {
        site_id
        for site_id in access.roles_by_site(request.user)
        if access.may_enter_data(request.user, site_id)
    }
    return render(
        request,
        "ecrf/sessions/deviation_list.html",
        {"study": study, "deviations": deviations, "entry_sites": entry_sites},
    )


@login_required
@require_http_methods(["GET", "POST"])
def deviation_explain(request, registry_id, pk):
    study = access.study_or_404(request.user, registry_id)
    deviation = (
        Deviation.objects.select_related("subject", "session")
        .filter(pk=pk, subject__study=study, subject__site__in=access.visible_sites(request.user))
        .first()
    )
    if deviation is None:
        raise Http404("No such deviation.")
    access.require_entry(request.user, deviation.subject.site_id)
    form = DeviationExplanationForm(request.POST or None, instance=deviation)
    if request.method == "POST" and form.is_valid():
        actions.deviation_explain(
            deviation=deviation,
            by=request.user,
            explanation=form.cleaned_data["explanation"],
            corrective_action=form.cleaned_data["corrective_action"],
        )
        messages.success(request, _("Explanation saved."))
        return redirect("ecrf:session_deviations", registry_id=study.registry_id)
    return _form_page(
        request,
        "ecrf/sessions/deviation_form.html",
        {"study": study, "subject": deviation.subject, "deviation": deviation, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def deviation_new(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    form = DeviationForm(request.POST or None, subject=subject)
    if request.method == "POST" and form.is_valid():
        try:
            actions.deviation_report(
                subject=subject,
                by=request.user,
                **{name: form.cleaned_data[name] for name in DeviationForm.Meta.fields},
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Deviation recorded."))
            return _to_casebook(subject)
    return _form_page(
        request,
        "ecrf/sessions/deviation_form.html",
        {"study": study, "subject": subject, "form": form},
    )


def _form_page(request, template, context):
    form = context["form"]
    return render(request, template, context, status=422 if form.errors else 200)


# --- Study-level pages ---------------------------------------------------------------


@login_required
def device_performance(request, registry_id):
    """QH-1A device performance: each session PASS/FAIL and the pass rate (PASS
    sessions / all sessions), overall and by cohort (spec §1.4, §2.8.3)."""
    study = access.study_or_404(request.user, registry_id)
    criteria = study.protocol.device_criteria
    if not criteria:
        raise Http404("This study declares no device-performance criteria.")
    # One computation for this page and the endpoints page (ecrf/endpoints.py).
    performance = device_performance_of(study, access.visible_sites(request.user))
    return render(
        request,
        "ecrf/sessions/device_performance.html",
        {
            "study": study,
            "criteria": criteria,
            "rows": performance.rows,
            "total": performance.total,
            "passed": performance.passed,
            "rate": performance.rate,
            "by_arm": performance.by_arm,
        },
    )


@login_required
def overdue(request, registry_id):
    """Forms whose window has passed without them, for the study's visible subjects."""
    study = access.study_or_404(request.user, registry_id)
    subjects = list(
        versions.with_versions(  # each one's protocol versions: one query more
            Subject.objects.filter(
                study=study,
                status=SubjectStatus.ENROLLED,
                site__in=access.visible_sites(request.user),
            ).select_related("study", "site", "enrolment__arm")
        )
    )
    overdue = overdue_forms(subjects)
    # Each item links to its form, as its casebook cell does (ecrf/casebook.py).
    links = [
        cell_url(
            o.subject, o.form, can_enter=access.may_enter_data(request.user, o.subject.site_id)
        )
        for o in overdue
    ]
    return render(
        request,
        "ecrf/sessions/overdue.html",
        {"study": study, "overdue": list(zip(overdue, links, strict=True))},
    )


urlpatterns = [
    path(f"{SUBJECT}sessions/new/", session_new, name="session_new"),
    path(f"{SUBJECT}sessions/<int:session_number>/", session_detail, name="session_detail"),
    path(f"{SUBJECT}sessions/<int:session_number>/edit/", session_edit, name="session_edit"),
    path(f"{SUBJECT}deviations/new/", deviation_new, name="session_deviation_new"),
    path(f"{STUDY}deviations/", deviation_list, name="session_deviations"),
    path(f"{STUDY}deviations/<int:pk>/", deviation_explain, name="session_deviation_explain"),
    path(f"{STUDY}device-performance/", device_performance, name="session_device_performance"),
    path(f"{STUDY}overdue-forms/", overdue, name="session_overdue_forms"),
]
