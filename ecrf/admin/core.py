"""The Django admin: every model registered, scoped to the user's sites.

Study data is read-only here for everyone but the superuser: entry goes through the
eCRF screens, whose actions apply the protocol rules. Nothing can be deleted.
"""

import contextlib

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.fields import InvalidJSONInput
from django.http import Http404
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecrf import access, audit, locking
from ecrf.actions.integrity import StaleForm
from ecrf.admin.changelist import (
    CappedCountPaginator,
    boolean_icon,
    count_limit,
)
from ecrf.forms.core import validate_moment
from ecrf.forms.integrity import refuse_stale
from ecrf.forms.widgets import PlainNumberInput
from ecrf.models import (
    Arm,
    ChangeReason,
    CommitteeDecision,
    DataLock,
    EligibilityAnswer,
    Enrolment,
    GateChannel,
    GateRefusal,
    Membership,
    ScreenFailure,
    Site,
    Study,
    StudyRecord,
    Subject,
)

admin.site.site_header = _("BAL eCRF administration")
admin.site.site_title = _("BAL eCRF")


class ChangeControlledForm(forms.ModelForm):
    """The admin's change form of a study record: the reason for change, required on
    every change made here (the admin is the back door for corrections the eCRF screens
    do not offer, so it always asks), and the version the form showed (issue 4)."""

    change_reason = forms.ChoiceField(
        label=_("Reason for change"), choices=[("", "---------"), *ChangeReason.choices]
    )
    change_reason_detail = forms.CharField(
        label=_("Explain the change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("Saved with the change in the audit trail."),
    )
    seen_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_version")
        stored = type(self.instance).all_objects.filter(pk=self.instance.pk)
        current = stored.values_list("version", flat=True).first()
        if seen is not None and current is not None and seen != current:
            stale = StaleForm(type(self.instance).all_objects.get(pk=self.instance.pk), seen)
            refuse_stale(self, stale)  # the admin refuses a stale save outright
        return cleaned


CHANGE_CONTROL_FIELDS = ["change_reason", "change_reason_detail", "seen_version"]


class JSONField(forms.JSONField):
    """The admin's JSON box (a study's protocol options), read safely: JSON nested too
    deep or with a number too long to read is invalid input, where Django's field fails
    with a 500 (issue 7: found by the fuzz tests)."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (ValueError, RecursionError):
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from None

    def bound_data(self, data, initial):
        try:
            return super().bound_data(data, initial)
        except (ValueError, RecursionError):
            return InvalidJSONInput(data)


def _lookup_id(value: str) -> int:
    """A filter's id from the query string; anything else is the admin's "invalid
    lookup" (a redirect with ?e=1), not a 500 (issue 7: found by the fuzz tests)."""
    try:
        return int(value)
    except ValueError:
        raise IncorrectLookupParameters(value) from None


def _visible_sites(request) -> list[Site]:
    """The user's sites with their studies, read once for both filters below."""
    if not hasattr(request, "_ecrf_admin_sites"):
        sites = access.visible_sites(request.user).select_related("study")
        request._ecrf_admin_sites = list(sites)  # in Site's order: study, code
    return request._ecrf_admin_sites


class StudyFilter(admin.SimpleListFilter):
    """The user's studies only: the plain related filter would list every study, naming
    other sponsors' trials. The admin says how a row reaches its study (`study_path`)."""

    title = _("study")
    parameter_name = "study"

    def lookups(self, request, model_admin):
        if request.user.is_superuser:
            return Study.objects.values_list("pk", "registry_id")  # with a site or not
        studies = {site.study_id: site.study.registry_id for site in _visible_sites(request)}
        return sorted(studies.items(), key=lambda study: study[1])

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.model_admin.study_path: _lookup_id(self.value())})
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)


class SiteFilter(admin.SimpleListFilter):
    """The user's sites only (the plain related filter would list every site)."""

    title = _("site")
    parameter_name = "site"

    def lookups(self, request, model_admin):
        return [(site.pk, site.code) for site in _visible_sites(request)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.model_admin.site_path: _lookup_id(self.value())})
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)


class VoidedFilter(admin.SimpleListFilter):
    """Live rows, or the rows voided as entered in error (issue 4)."""

    title = _("voided")
    parameter_name = "voided"

    def lookups(self, request, model_admin):
        return [("live", _("Live")), ("voided", _("Voided"))]

    def queryset(self, request, queryset):
        if self.value() in ("live", "voided"):
            return queryset.filter(voided_at__isnull=self.value() == "live")
        return queryset


class ScopedAdmin(admin.ModelAdmin):
    """Rows of the user's sites only; `site_path` says how a row reaches its site.

    A change to a study record (a StudyRecord) asks for a reason for change, which the
    audit trail records with the change (ChangeControlledForm)."""

    site_path = "site"
    # How a row reaches its study, for StudyFilter (by default through its site).
    study_path = None
    list_per_page = 50
    # No full-table COUNT(*) on every changelist page (performance anchors §2.1).
    show_full_result_count = False
    # Count a changelist's rows only about this far ahead of its page (ecrf/admin/
    # changelist.py); None counts them all, as Django does. The model's pagination,
    # search and actions templates then say "more than" (as the AE list's do).
    count_ahead = None
    # The same single-field limits as the eCRF's forms (ecrf/forms/core.py).
    formfield_overrides = {
        models.JSONField: {"form_class": JSONField},
        models.DateTimeField: {"validators": [validate_moment]},
        # Numbers as typed (issue 19 item 3): 5.2, not the column's 5.2000.
        models.DecimalField: {"widget": PlainNumberInput},
    }

    def get_queryset(self, request):
        # Voided rows stay visible, flagged (issue 4): the admin reads every row, not only
        # the live ones the default manager gives the eCRF's forms and computations.
        queryset = getattr(self.model, "all_objects", self.model._default_manager).all()
        if ordering := self.get_ordering(request):
            queryset = queryset.order_by(*ordering)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.site_path}__in": access.visible_sites(request.user)})

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if self.study_path is None:
            self.study_path = f"{self.site_path}__study"

    def _is_study_record(self) -> bool:
        return issubclass(self.model, StudyRecord)

    def get_list_display(self, request):
        # Voided rows stay listed, flagged (issue 4), on every study-record changelist.
        list_display = list(super().get_list_display(request))
        if self._is_study_record():
            list_display.append("voided")
        return list_display

    def get_list_filter(self, request):
        list_filter = list(super().get_list_filter(request))
        if self._is_study_record():
            list_filter.append(VoidedFilter)
        return list_filter

    @admin.display(description=_("Voided"), ordering="voided_at")
    def voided(self, obj):
        return boolean_icon(obj.voided_at is not None)

    # The same checkbox as Django's, without rendering a widget template in every row.
    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), obj),
        )

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if not self.count_ahead:
            return super().get_paginator(
                request, queryset, per_page, orphans, allow_empty_first_page
            )
        try:
            page = int(request.GET.get(PAGE_VAR, 1))
        except ValueError:
            page = 1  # as Django's ChangeList reads it
        limit = count_limit(page, per_page, self.count_ahead)
        return CappedCountPaginator(
            queryset, per_page, orphans, allow_empty_first_page, limit=limit
        )

    def get_object(self, request, object_id, from_field=None):
        """Another site's row answers as a row that does not exist: 404, where Django's
        admin would redirect to its index with a message naming the id (get_queryset
        holds only the user's sites' rows)."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("No such record."))
        return obj

    def has_module_permission(self, request):
        return access.may_use_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return access.may_use_admin(request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        # Frozen or locked data are read-only here too (issue 4): the database would refuse.
        if not request.user.is_superuser:
            return False
        return not (isinstance(obj, StudyRecord) and locking.is_locked(obj))

    def has_delete_permission(self, request, obj=None):
        return False  # study data is never deleted (voided later, with a reason)

    def response_action(self, request, queryset):
        """An action on selected rows whose ids are not this model's keys (a crafted POST)
        is refused with a message, as an action with no row selected is; Django's admin
        would filter on them and fail with a 500 (issue 7: found by the fuzz tests)."""
        pk = self.model._meta.pk
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                pk.to_python(value)
        except ValidationError:
            self.message_user(request, _("No such record was selected."), messages.WARNING)
            return None  # the changelist then shows itself again with the message
        return super().response_action(request, queryset)

    def _change_controlled(self, obj) -> bool:
        return isinstance(obj, StudyRecord) and obj.pk is not None

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._change_controlled(obj):
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(
                f"ChangeControlled{base.__name__}", (ChangeControlledForm, base), {}
            )
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._change_controlled(obj) or not self.has_change_permission(request, obj):
            return fieldsets
        # The reason comes last, whatever the model's own fieldsets are.
        fieldsets = [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in CHANGE_CONTROL_FIELDS],
                },
            )
            for name, options in fieldsets
        ]
        return [*fieldsets, (_("Reason for change"), {"fields": CHANGE_CONTROL_FIELDS})]

    def save_model(self, request, obj, form, change):
        with self._reason(form):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with self._reason(form):
            super().save_related(request, form, formsets, change)

    @staticmethod
    def _reason(form):
        reason = getattr(form, "cleaned_data", {}).get("change_reason")
        if not reason:
            return contextlib.nullcontext()
        return audit.reason(reason, form.cleaned_data.get("change_reason_detail") or "")


class StudyForm(forms.ModelForm):
    """A study, whose options belong to a protocol version (issue 21): a change of options
    says what it is and why, and makes a new version (StudyAdmin.save_model)."""

    options_change_summary = forms.CharField(
        label=_("What the change of options is, and why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "A change of options makes a new protocol version, put in force at each site "
            "by a data manager."
        ),
    )

    class Meta:
        model = Study
        fields = ["title", "phase", "target_enrolment", "options"]

    def clean(self):
        cleaned = super().clean()
        if "options" in self.changed_data and not cleaned.get("options_change_summary", "").strip():
            self.add_error("options_change_summary", _("Say what the change is and why."))
        return cleaned


@admin.register(Study)
class StudyAdmin(ScopedAdmin):
    site_path = "sites"
    form = StudyForm
    list_display = ["registry_id", "title", "phase", "target_enrolment"]
    search_fields = ["registry_id", "title"]
    list_filter = ["phase"]
    readonly_fields = ["registry_id", "package"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()

    def save_model(self, request, obj, form, change):
        """A change of options is never an edit in place: the other fields are saved,
        and the new options become a new protocol version (study_options_amend)."""
        if not (change and "options" in form.changed_data):
            return super().save_model(request, obj, form, change)
        from ecrf.actions.versions import study_options_amend

        options, obj.options = obj.options, form.initial["options"]
        super().save_model(request, obj, form, change)
        version = study_options_amend(
            study=obj,
            options=options,
            summary=form.cleaned_data["options_change_summary"],
            by=request.user,
        )
        obj.options = options
        self.message_user(
            request,
            _("The options are version %(n)s: a data manager puts it in force at each site.")
            % {"n": version.number},
            messages.WARNING,
        )


@admin.register(Site)
class SiteAdmin(ScopedAdmin):
    site_path = "pk"
    list_display = ["code", "name", "name_zh", "study", "city", "time_zone"]
    study_path = "study"
    list_filter = [StudyFilter]
    search_fields = ["code", "name", "city"]

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request).select_related("study")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=access.visible_sites(request.user))


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["user", "role", "site"]
    list_filter = ["role", StudyFilter, SiteFilter]
    search_fields = ["user__username", "site__code"]
    list_select_related = ["user", "site__study"]
    autocomplete_fields = ["user"]


@admin.register(Arm)
class ArmAdmin(ScopedAdmin):
    site_path = "study__sites"
    list_display = ["code", "label", "study", "capacity", "is_open", "planned_minutes"]
    study_path = "study"
    list_filter = [StudyFilter, "is_open"]
    search_fields = ["code", "label"]
    list_select_related = ["study"]
    # Spec §5.4: a cohort opens, grows or gets its duration only by a signed committee
    # decision (ecrf/actions/committee.py); not even a superuser edits these here.
    COMMITTEE_FIELDS = ("is_open", "capacity", "planned_minutes")
    readonly_fields = COMMITTEE_FIELDS
    fieldsets = [
        (None, {"fields": ["study", "code", "label", "label_zh", "order"]}),
        (
            _("Set by the Safety Evaluation Committee"),
            {
                "fields": list(COMMITTEE_FIELDS),
                "description": _(
                    "Only a signed decision of the Safety Evaluation Committee opens a "
                    "cohort, changes its size or sets its duration (eCRF: study page, "
                    "cohort decision)."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()

    def save_model(self, request, obj, form, change):
        # The fields are read-only, so a posted value is ignored; an attempt to post one
        # anyway (a crafted request) is logged for the monitor.
        tampered = [name for name in self.COMMITTEE_FIELDS if name in request.POST]
        if change and tampered:
            GateRefusal.objects.create(
                user=request.user,
                channel=GateChannel.ADMIN,
                arm=obj,
                rules="SEC-ONLY",
                message=f"Admin edit of {', '.join(tampered)} ignored: committee decision only.",
            )
        super().save_model(request, obj, form, change)


class CommitteeRecordAdmin(ScopedAdmin):
    """Append-only records: read, never added or changed here (the database refuses too)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CommitteeDecision)
class CommitteeDecisionAdmin(CommitteeRecordAdmin):
    site_path = "study__sites"
    list_display = ["arm", "decision", "mtd_minutes", "meeting_date", "printed_name", "signed_at"]
    study_path = "study"
    list_filter = [StudyFilter, "decision"]
    list_select_related = ["arm", "study"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(GateRefusal)
class GateRefusalAdmin(CommitteeRecordAdmin):
    site_path = "arm__study__sites"
    list_display = ["at", "user", "channel", "subject", "arm", "rules"]
    study_path = "arm__study"
    list_filter = ["channel", StudyFilter, ("arm", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["user", "subject", "arm"]
    search_fields = ["subject__screening_number", "rules"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(Subject)
class SubjectAdmin(ScopedAdmin):
    list_display = ["screening_number", "study", "site", "status", "sex", "screening_date"]
    list_filter = [StudyFilter, SiteFilter, "status", "sex"]
    search_fields = ["screening_number"]
    list_select_related = ["study", "site"]
    date_hierarchy = "screening_date"


@admin.register(EligibilityAnswer)
class EligibilityAnswerAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "criterion_code", "answer", "created_at"]
    list_filter = [StudyFilter, SiteFilter, "criterion_code", "answer"]
    search_fields = ["subject__screening_number", "criterion_code"]
    list_select_related = ["subject"]


@admin.register(ScreenFailure)
class ScreenFailureAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "date", "failed_criteria", "other_reason"]
    list_filter = [StudyFilter, SiteFilter]
    search_fields = ["subject__screening_number", "other_reason"]
    list_select_related = ["subject"]


@admin.register(Enrolment)
class EnrolmentAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "arm", "enrolment_date", "planned_first_treatment"]
    list_filter = [StudyFilter, ("arm", admin.RelatedOnlyFieldListFilter), SiteFilter]
    search_fields = ["subject__screening_number"]
    list_select_related = ["subject", "arm"]


@admin.register(DataLock)
class DataLockAdmin(ScopedAdmin):
    """Freezes and locks, read-only: data managers set and release them on the eCRF pages."""

    site_path = "study__sites"
    list_display = ["study", "subject", "form_table", "form_id", "level", "set_at", "released_at"]
    study_path = "study"
    list_filter = [StudyFilter, "level"]
    search_fields = ["subject__screening_number", "reason"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()

    def has_change_permission(self, request, obj=None):
        return False
