"""Clinical forms of the casebook: medical history, liver-failure diagnosis, vital signs
outside sessions, concomitant medications, procedures, liver imaging (CiPS-BAL) and the
disposition.

Each list or detail page reads (monitors too); each entry page follows the house order:
login, access (404 for another site's subject, 403 for a read-only role), form, action,
redirect. `casebook_context(subject)` gives the casebook its clinical section.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, conflicts, form_registry, locking, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions import clinical as actions
from ecrf.actions.integrity import StaleForm
from ecrf.forms import add_refusals
from ecrf.forms.clinical import (
    ALLERGENS,
    DispositionForm,
    LiverImagingForm,
    MedicalHistoryForm,
    MedicationForm,
    ProcedureForm,
    VitalSignsForm,
)
from ecrf.forms.integrity import add_change_control, change_reason, form_version, show_stale
from ecrf.models import (
    ConcomitantMedication,
    Disposition,
    LiverFailureDiagnosis,
    LiverImaging,
    MedicalHistory,
    Procedure,
    Subject,
    SubjectStatus,
    VitalSigns,
)
from ecrf.models.clinical import Aetiology


def _page(request, template, context):
    """Render a page; a form that failed validation answers 422 with its messages."""
    form = context.get("form")
    return render(request, template, context, status=422 if form and form.errors else 200)


def _subject(request, registry_id, number, *, for_entry=False):
    study = access.study_or_404(request.user, registry_id)
    return study, access.subject_or_404(request.user, study, number, for_entry=for_entry)


def _url(name, subject, **kwargs):
    return reverse(
        f"ecrf:{name}",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            **kwargs,
        },
    )


def _refuse_if_locked(entry):
    """An existing form a data manager froze or locked shows the message, not the form."""
    if entry is not None:
        locking.refuse_if_locked(entry)


def _warn(request, warnings):
    for warning in warnings:
        messages.warning(request, f"{warning.message} [{warning.rule}]")


def _entry_page(request, *, study, subject, form, record, title, back, saved_message):
    """The shared POST handling of an entry form: the action, then back to the list.
    `record(values)` calls the form's action and returns the saved row."""
    add_change_control(form, form.instance)
    if request.method == "POST" and form.is_valid() and not conflicts.refuse_unresolved(form):
        try:
            with change_reason(form):
                row = record(form.values() | {"version": form_version(form)})
        except StaleForm as stale:
            show_stale(form, stale)
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        except ValidationError as error:
            # The model's own checks, should the form have let something through.
            by_field = (
                error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            )
            for field, errors in by_field.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, saved_message)
            return row, redirect(back)
    context = {"study": study, "subject": subject, "form": form, "page_title": title}
    context["back_url"] = back
    return None, _page(request, "ecrf/clinical/form.html", context)


def _with_voided(related):
    """A subject's rows of one form, voided ones included (listed flagged, issue 4), with
    who voided them in the same query."""
    return related.model.all_objects.filter(subject=related.instance).select_related("voided_by")


def _voided(model, subject):
    """The voided predecessors of a one-per-subject form, shown under the live one."""
    return (
        model.all_objects.filter(subject=subject, voided_at__isnull=False)
        .select_related("voided_by")
        .order_by("-voided_at")
    )


def _live(rows):
    return [row for row in rows if row.voided_at is None]


# --- Medical history (spec §2.3) -------------------------------------------------------


@login_required
def history_list(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    # Voided entries stay listed, flagged (issue 4); the checks read the live ones.
    history = list(_with_voided(subject.medical_history).order_by("start", "pk"))
    allergens = dict(ALLERGENS)
    for entry in history:
        entry.allergen_label = allergens.get(entry.allergen, entry.allergen)
    return render(
        request,
        "ecrf/clinical/history_list.html",
        {
            "study": study,
            "subject": subject,
            "history": history,
            "warnings": actions.medical_history_warnings(subject, _live(history)),
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def history_edit(request, registry_id, number, pk=None):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    entry = get_object_or_404(subject.medical_history, pk=pk) if pk else None
    _refuse_if_locked(entry)
    form = MedicalHistoryForm(
        conflicts.posted(request), instance=entry or MedicalHistory(subject=subject)
    )
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.medical_history_record(
            subject=subject, by=request.user, entry=entry, **values
        ),
        title=_("Medical history"),
        back=_url("clinical_history", subject),
        saved_message=_("Medical history saved."),
    )
    return response


# --- Liver-failure diagnosis (spec §2.4, §2.5) ---------------------------------------


@login_required
def liver_failure_detail(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    diagnosis = (
        LiverFailureDiagnosis.objects.filter(subject=subject)
        .prefetch_related(*form_registry.study_part_names(LiverFailureDiagnosis, study.package))
        .first()
    )
    if diagnosis:
        diagnosis.subject = subject
        labels = dict(Aetiology.choices)
        diagnosis.aetiology_labels = [labels.get(code, code) for code in diagnosis.aetiology]
    return render(
        request,
        "ecrf/clinical/liver_failure.html",
        {
            "study": study,
            "subject": subject,
            "diagnosis": diagnosis,
            # The study's own fields of it (CiPS-BAL: the small-for-size operation).
            "study_fields": (
                form_registry.study_values(diagnosis, study.package) if diagnosis else []
            ),
            "warnings": actions.liver_failure_warnings(diagnosis) if diagnosis else [],
            "voided": _voided(LiverFailureDiagnosis, subject),
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def liver_failure_edit(request, registry_id, number):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    entry = LiverFailureDiagnosis.objects.filter(subject=subject).first()
    _refuse_if_locked(entry)
    # The study's form: CiPS-BAL's adds small-for-size syndrome (spec §2.5).
    form_class = import_string(study.protocol.liver_failure_form)
    form = form_class(
        conflicts.posted(request),
        instance=entry or LiverFailureDiagnosis(subject=subject),
        package=study.package,
    )
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.liver_failure_record(
            subject=subject, by=request.user, study_parts=form.study_parts(), **values
        ),
        title=_("Liver-failure diagnosis"),
        back=_url("clinical_liver_failure", subject),
        saved_message=_("Liver-failure diagnosis saved."),
    )
    if row is not None:
        _warn(request, actions.liver_failure_warnings(row))
    return response


# --- Vital signs outside sessions (spec §2.6) ---------------------------------------


@login_required
def vitals_list(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    readings = list(
        _with_voided(subject.vital_signs).select_related("session").order_by("measured_at", "pk")
    )
    return render(
        request,
        "ecrf/clinical/vitals_list.html",
        {
            "study": study,
            "subject": subject,
            "readings": [
                (v, [] if v.voided_at else actions.vital_signs_alerts(v)) for v in readings
            ],
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def vitals_edit(request, registry_id, number, pk=None):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    # Readings taken during a session are edited on the session.
    entry = get_object_or_404(subject.vital_signs, pk=pk, session=None) if pk else None
    _refuse_if_locked(entry)
    form = VitalSignsForm(conflicts.posted(request), instance=entry or VitalSigns(subject=subject))
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.vital_signs_record(
            subject=subject, by=request.user, entry=entry, **values
        ),
        title=_("Vital signs"),
        back=_url("clinical_vitals", subject),
        saved_message=_("Vital signs saved."),
    )
    if row is not None:
        for alert in actions.vital_signs_alerts(row):
            messages.warning(request, _("%(alert)s Check for an adverse event.") % {"alert": alert})
    return response


# --- Concomitant medications and procedures (spec §2.13) ----------------------------


@login_required
def medication_list(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    return render(
        request,
        "ecrf/clinical/medication_list.html",
        {
            "study": study,
            "subject": subject,
            "medications": _with_voided(subject.medications).order_by("start_date", "pk"),
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def medication_edit(request, registry_id, number, pk=None):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    entry = get_object_or_404(subject.medications, pk=pk) if pk else None
    _refuse_if_locked(entry)
    form = MedicationForm(
        conflicts.posted(request), instance=entry or ConcomitantMedication(subject=subject)
    )
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.medication_record(
            subject=subject, by=request.user, entry=entry, **values
        ),
        title=_("Concomitant medication"),
        back=_url("clinical_medications", subject),
        saved_message=_("Medication saved."),
    )
    return response


@login_required
def procedure_list(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    return render(
        request,
        "ecrf/clinical/procedure_list.html",
        {
            "study": study,
            "subject": subject,
            "procedures": _with_voided(subject.procedures).order_by("started_on", "pk"),
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def procedure_edit(request, registry_id, number, pk=None):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    entry = get_object_or_404(subject.procedures, pk=pk) if pk else None
    _refuse_if_locked(entry)
    form = ProcedureForm(conflicts.posted(request), instance=entry or Procedure(subject=subject))
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.procedure_record(
            subject=subject, by=request.user, entry=entry, **values
        ),
        title=_("Procedure"),
        back=_url("clinical_procedures", subject),
        saved_message=_("Procedure saved."),
    )
    return response


# --- Liver imaging (spec §1.5, CiPS-BAL) ------------------------------------------------


@login_required
def liver_imaging_list(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    return render(
        request,
        "ecrf/clinical/liver_imaging_list.html",
        {
            "study": study,
            "subject": subject,
            "imaging": _with_voided(subject.liver_imaging).order_by("examined_on", "pk"),
            "can_enter": access.may_edit(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def liver_imaging_edit(request, registry_id, number, pk=None):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    entry = get_object_or_404(subject.liver_imaging, pk=pk) if pk else None
    _refuse_if_locked(entry)
    # The visits any of the subject's versions expects it at (issue 21).
    visits = list(
        {
            v.code: v
            for protocol in versions.subject_protocols(subject)
            for v in protocol.visits
            if "ecrf.liverimaging" in v.forms
        }.values()
    )
    form = LiverImagingForm(
        request.POST or None, instance=entry or LiverImaging(subject=subject), visits=visits
    )
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.liver_imaging_record(
            subject=subject, by=request.user, entry=entry, **values
        ),
        title=_("Liver imaging"),
        back=_url("clinical_liver_imaging", subject),
        saved_message=_("Liver imaging saved."),
    )
    return response


# --- Disposition (spec §2.14) --------------------------------------------------------


@login_required
def disposition_detail(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    disposition = Disposition.objects.filter(subject=subject).first()
    warnings = []
    if disposition:
        warnings = actions.disposition_warnings(disposition, list(subject.procedures.all()))
    return render(
        request,
        "ecrf/clinical/disposition.html",
        {
            "study": study,
            "subject": subject,
            "disposition": disposition,
            "warnings": warnings,
            "voided": _voided(Disposition, subject),
            "can_enter": access.may_edit(request.user, subject)
            and subject.status == SubjectStatus.ENROLLED,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def disposition_edit(request, registry_id, number):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    entry = Disposition.objects.filter(subject=subject).first()
    _refuse_if_locked(entry)
    form = DispositionForm(
        conflicts.posted(request), instance=entry or Disposition(subject=subject)
    )
    row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.disposition_record(
            subject=subject, by=request.user, **values
        ),
        title=_("Disposition"),
        back=_url("clinical_disposition", subject),
        saved_message=_("Disposition saved."),
    )
    return response


# --- Casebook section ------------------------------------------------------------------


def _count(model):
    rows = (
        model.objects.filter(subject=OuterRef("pk"))
        .order_by()
        .values("subject")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _live_column(model, column):
    return Subquery(model.objects.filter(subject=OuterRef("pk")).values(column)[:1])


def casebook_context(subject: Subject) -> dict:
    """The clinical forms of a subject's casebook (those registered with a casebook row,
    ecrf/form_registry.py) with their status and links, in one query. For
    ecrf/views/core.casebook: `context.update(casebook_context(subject))`, then
    `{% include "ecrf/clinical/_casebook_section.html" %}` (uses `can_enter` too)."""
    # A form only some visits expect is shown when a version the subject has been on
    # expects it (issue 21).
    protocols = versions.subject_protocols(subject)
    entries = [
        e
        for e in form_registry.entries(casebook_row=True)
        if not e.only_where_expected or any(p.expects(e.label) for p in protocols)
    ]
    columns = {}
    for entry in entries:
        if entry.one_per_subject:
            # The live one (a voided one leaves room for a new one): the columns the
            # section shows, in the same query.
            for column in ("pk", *entry.summary_columns):
                columns[f"{entry.name}_{column}"] = _live_column(entry.model, column)
        else:
            columns[f"{entry.name}_count"] = _count(entry.model)
    row = Subject.objects.filter(pk=subject.pk).annotate(**columns).get()
    ids = {"registry_id": subject.study.registry_id, "number": subject.screening_number}
    forms = []
    for entry in entries:
        url, new_url = reverse(entry.page, kwargs=ids), reverse(entry.add_page, kwargs=ids)
        if not entry.one_per_subject:
            count = getattr(row, f"{entry.name}_count")
            forms.append(
                {
                    "label": capfirst(entry.model._meta.verbose_name_plural),
                    "done": count > 0,
                    "status": _("%(n)d recorded") % {"n": count} if count else _("none recorded"),
                    "summary": "",
                    "url": url,
                    "new_url": new_url,
                }
            )
            continue
        live = None
        if getattr(row, f"{entry.name}_pk") is not None:
            live = entry.model(
                **{c: getattr(row, f"{entry.name}_{c}") for c in entry.summary_columns}
            )
        if entry.after_enrolment and live is None and subject.status != SubjectStatus.ENROLLED:
            continue
        forms.append(
            {
                "label": capfirst(entry.model._meta.verbose_name),
                "done": live is not None,
                "status": _("complete") if live else _("expected"),
                "summary": live.casebook_summary() if live else "",
                "url": url,
                "new_url": None if live else new_url,
            }
        )
    return {"clinical_forms": forms}


SUBJECT = "studies/<str:registry_id>/subjects/<str:number>/"

urlpatterns = [
    path(f"{SUBJECT}medical-history/", history_list, name="clinical_history"),
    path(f"{SUBJECT}medical-history/new/", history_edit, name="clinical_history_new"),
    path(f"{SUBJECT}medical-history/<int:pk>/", history_edit, name="clinical_history_edit"),
    path(f"{SUBJECT}liver-failure/", liver_failure_detail, name="clinical_liver_failure"),
    path(f"{SUBJECT}liver-failure/edit/", liver_failure_edit, name="clinical_liver_failure_edit"),
    path(f"{SUBJECT}vital-signs/", vitals_list, name="clinical_vitals"),
    path(f"{SUBJECT}vital-signs/new/", vitals_edit, name="clinical_vitals_new"),
    path(f"{SUBJECT}vital-signs/<int:pk>/", vitals_edit, name="clinical_vitals_edit"),
    path(f"{SUBJECT}medications/", medication_list, name="clinical_medications"),
    path(f"{SUBJECT}medications/new/", medication_edit, name="clinical_medication_new"),
    path(f"{SUBJECT}medications/<int:pk>/", medication_edit, name="clinical_medication_edit"),
    path(f"{SUBJECT}procedures/", procedure_list, name="clinical_procedures"),
    path(f"{SUBJECT}procedures/new/", procedure_edit, name="clinical_procedure_new"),
    path(f"{SUBJECT}procedures/<int:pk>/", procedure_edit, name="clinical_procedure_edit"),
    path(f"{SUBJECT}liver-imaging/", liver_imaging_list, name="clinical_liver_imaging"),
    path(f"{SUBJECT}liver-imaging/new/", liver_imaging_edit, name="clinical_liver_imaging_new"),
    path(
        f"{SUBJECT}liver-imaging/<int:pk>/", liver_imaging_edit, name="clinical_liver_imaging_edit"
    ),
    path(f"{SUBJECT}disposition/", disposition_detail, name="clinical_disposition"),
    path(f"{SUBJECT}disposition/edit/", disposition_edit, name="clinical_disposition_edit"),
]
