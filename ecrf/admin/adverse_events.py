"""Adverse events in the admin: the monitors' review list (issue 3).

Monitors see the AEs of their sites, filter and search them, open one to read it with the
subject's protocol deviations, the labs around onset and the SAE clocks, and record a
review (the `ae_review` action). Nobody edits an AE here: entry goes through the eCRF
screens, whose action derives the AE number, timing and DLT flag and applies the rules.

Built for 100,000 AEs: no full COUNT(*) (rows are counted about 1,000 ahead of the
page), one joined query per page, review state and clock state annotated in SQL, an
index behind every filter and every branch of the search (ecrf/admin/changelist.py;
issue 7: p95 at most 500 ms with 8 clients).
"""

import datetime as dt
import zoneinfo
from functools import reduce
from operator import or_

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecrf import access, ctcae, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions import queries as query_actions
from ecrf.admin.changelist import boolean_icon
from ecrf.admin.core import ScopedAdmin, SiteFilter, StudyFilter
from ecrf.forms.adverse_events import ReviewForm
from ecrf.models import (
    AdverseEvent,
    AdverseEventReview,
    Deviation,
    LabResult,
    SaeReport,
    Subject,
)
from ecrf.safety import RELATED_CODES, SafetyRules
from ecrf.views.adverse_events import clock_rows

RELATED = [str(code) for code in RELATED_CODES]


def overdue_reports():
    """Spec V12: SAE reports not sent to the sponsor and past their 24-hour due time
    (SaeReport.site_report_due_at, indexed with reported_to_sponsor_at)."""
    return SaeReport.objects.filter(
        adverse_event=OuterRef("pk"),
        reported_to_sponsor_at__isnull=True,
        site_report_due_at__lt=timezone.now(),
    )


class RelatednessFilter(admin.SimpleListFilter):
    """Spec §2.11: related = definitely, probably or possibly related to any component."""

    title = _("relatedness")
    parameter_name = "related"

    def lookups(self, request, model_admin):
        return [
            ("any", _("Related to any component")),
            ("device", _("Related to the device")),
            ("cells", _("Related to the cells")),
            ("procedure", _("Related to the procedure")),
            ("none", _("Not related to any component")),
        ]

    def queryset(self, request, queryset):
        any_related = (
            Q(related_device__in=RELATED)
            | Q(related_cells__in=RELATED)
            | Q(related_procedure__in=RELATED)
        )
        match self.value():
            case "any":
                return queryset.filter(any_related)
            case "device":
                return queryset.filter(related_device__in=RELATED)
            case "cells":
                return queryset.filter(related_cells__in=RELATED)
            case "procedure":
                return queryset.filter(related_procedure__in=RELATED)
            case "none":
                return queryset.exclude(any_related)
        return queryset


class ReviewStatusFilter(admin.SimpleListFilter):
    title = _("review status")
    parameter_name = "reviewed"

    def lookups(self, request, model_admin):
        return [("yes", _("Reviewed")), ("no", _("Not reviewed"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(reviewed=self.value() == "yes")
        return queryset


class SaeClockFilter(admin.SimpleListFilter):
    """Spec V12: the 24-hour report to the sponsor, overdue while not reported."""

    title = _("SAE 24-hour clock")
    parameter_name = "sae_clock"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("open", _("Not yet reported")),
            ("reported", _("Reported to sponsor")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "overdue":
                return queryset.filter(serious=True, site_clock_overdue=True)
            case "open":
                return queryset.filter(
                    serious=True, sae_report__reported_to_sponsor_at__isnull=True
                )
            case "reported":
                return queryset.filter(
                    serious=True, sae_report__reported_to_sponsor_at__isnull=False
                )
        return queryset


class ReadOnlyAdmin(ScopedAdmin):
    """Study data entered through the eCRF: read-only here, even for the superuser."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AdverseEvent)
class AdverseEventAdmin(ReadOnlyAdmin):
    site_path = "subject__site"
    list_display = [
        "subject_number",
        "casebook",
        "ae_number",
        "term",
        "ae_grade",
        "safety_marks",
        "onset_date",
        "sae_clock",
        "is_reviewed",
    ]
    # One link a row, to the AE's page: each link carries the list's filters, which Django
    # works out by resolve()-ing the link (800 Python calls each: with three link columns,
    # 40% of a filtered page's work; issue 20 left Django to build the rows).
    list_display_links = ["subject_number"]
    list_filter = [
        StudyFilter,
        SiteFilter,
        "grade",
        "serious",
        RelatednessFilter,
        "dlt_candidate",
        "dlt",
        ReviewStatusFilter,
        SaeClockFilter,
    ]
    # Searched by get_search_results, each branch through an index; listed here for the
    # search box and the admin's checks.
    search_fields = ["subject__screening_number", "ctcae_term", "^verbatim_term", "^other_specify"]
    search_help_text = _(
        "Any part of a subject number or a CTCAE term, or the beginning of the verbatim "
        "term or of the other-specify text."
    )
    list_select_related = ["subject__study", "subject__site", "sae_report"]
    ordering = ["-onset_date", "-id"]
    count_ahead = 1000
    show_facets = admin.ShowFacets.NEVER  # facet counts are a COUNT per filter choice
    actions = ["record_review"]
    fieldsets = [
        (
            _("Event"),
            {
                "fields": [
                    "subject",
                    "casebook",
                    "number",
                    "ctcae_term",
                    "soc",
                    "ctcae_code",
                    "other_specify",
                    "verbatim_term",
                    "grade",
                ]
            },
        ),
        (
            _("Dates"),
            {"fields": ["onset_date", "onset_time", "resolved_date", "ongoing", "timing"]},
        ),
        (
            _("Seriousness"),
            {
                "fields": [
                    "serious",
                    "results_in_death",
                    "life_threatening",
                    "hospitalisation",
                    "disability",
                    "congenital_anomaly",
                    "important_medical_event",
                    "intervention_required",
                ]
            },
        ),
        (
            _("Relatedness"),
            {"fields": ["related_device", "related_cells", "related_procedure", "expected"]},
        ),
        (_("Action and outcome"), {"fields": ["action_taken", "outcome", "dlt_candidate", "dlt"]}),
        (
            _("Record"),
            {"fields": ["form_status", "version", "created_by", "created_at", "updated_at"]},
        ),
    ]

    def changelist_view(self, request, extra_context=None):
        # No navigation sidebar on the list: building it (every model, its permissions
        # and URLs) was a fifth of the page's time (issue 7); the breadcrumbs lead home.
        context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context=context)

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.fieldsets)

    def get_queryset(self, request):
        # Review and clock state are columns of the one query: no per-row look-ups.
        return (
            super()
            .get_queryset(request)
            .annotate(
                reviewed=Exists(AdverseEventReview.objects.filter(adverse_event=OuterRef("pk"))),
                # A subquery, not a join, so the paginator's COUNT stays on one table.
                site_clock_overdue=Exists(overdue_reports()),
            )
            # Each SAE's clock by its subject's protocol version on its onset (issue 21).
            .annotate(version_options=versions.options_on("subject", "onset_date"))
        )

    def get_search_results(self, request, queryset, search_term):
        """Each word (or quoted phrase) must match a subject number or a CTCAE term (any
        part), or begin the verbatim term or the other-specify text; or the whole search
        begins one of those two texts ("low blood" finds "Low blood pressure").

        Django's search is a case-insensitive substring match on every field: over
        100,000 AEs that read the whole table twice per search (issue 7). Here subject
        numbers are matched in the subjects table (a row per subject), CTCAE terms in the
        shipped list the stored terms come from, and the free texts by their beginning;
        the AEs are then found through the indexes on subject, term and text
        (migration 0018)."""
        words = [
            unescape_string_literal(bit) if bit[0] in "\"'" and bit[0] == bit[-1] else bit
            for bit in smart_split(search_term)
        ]
        if not words:
            return queryset, False
        subjects = Subject.all_objects.filter(
            reduce(or_, (Q(screening_number__icontains=word) for word in words))
        )
        numbers = list(subjects.order_by().values_list("pk", "screening_number"))
        terms = [term.term for term in ctcae.load_terms().values()]
        every_word = Q()
        for word in words:
            needle = word.casefold()
            every_word &= (
                Q(subject__in=[pk for pk, number in numbers if needle in number.casefold()])
                | Q(ctcae_term__in=[term for term in terms if needle in term.casefold()])
                | Q(verbatim_term__istartswith=word)
                | Q(other_specify__istartswith=word)
            )
        if len(words) > 1:
            whole = " ".join(words)
            every_word |= Q(verbatim_term__istartswith=whole) | Q(other_specify__istartswith=whole)
        return queryset.filter(every_word), False

    # --- Columns ---------------------------------------------------------------------

    @admin.display(description=_("subject"), ordering="subject__screening_number")
    def subject_number(self, obj):
        return obj.subject.screening_number

    @admin.display(description=_("casebook"))
    def casebook(self, obj):
        """The subject's casebook in the eCRF, from the AE's row and page (issue 19 item 7)."""
        subject = obj.subject
        url = reverse("ecrf:casebook", args=[subject.study.registry_id, subject.screening_number])
        return format_html('<a class="casebook-link" href="{}">{}</a>', url, _("casebook"))

    # Short headers, so the list fits a 1366-px screen with the filters beside it (issue
    # 19 item 7); the admin's stylesheet lets headers wrap (ecrf/static/ecrf/admin.css).
    @admin.display(description=_("AE"), ordering="number")
    def ae_number(self, obj):
        return obj.number

    @admin.display(description=_("grade"), ordering="grade")
    def ae_grade(self, obj):
        return obj.grade

    @admin.display(description=_("CTCAE term"), ordering="ctcae_term")
    def term(self, obj):
        return f"{obj.ctcae_term}: {obj.other_specify}" if obj.other_specify else obj.ctcae_term

    # Seriousness, relatedness and DLT as compact marks in one cell, only what applies, so
    # the list fits 1366 px with the review and clock columns on screen (issue 19 item 7);
    # the filters beside the list select by each of them.
    @admin.display(description=_("serious / related / DLT"))
    def safety_marks(self, obj):
        marks = [gettext("serious")] if obj.serious else []
        marks += [
            label
            for code, label in (
                (obj.related_device, gettext("Related to the device")),
                (obj.related_cells, gettext("Related to the cells")),
                (obj.related_procedure, gettext("Related to the procedure")),
            )
            if code in RELATED
        ]
        if obj.dlt:
            marks.append(gettext("DLT"))
        elif obj.dlt_candidate:
            marks.append(gettext("not a DLT") if obj.dlt is False else gettext("DLT candidate"))
        if not marks:
            return "—"
        return format_html_join("", '<span class="ae-mark">{}</span>', ((mark,) for mark in marks))

    @admin.display(description=_("SAE 24-hour clock"))
    def sae_clock(self, obj):
        if not obj.serious:
            return ""
        # No SAE form, no clock (sae_clocks_of): the subject's version's rules are read
        # only for one (prefetched by get_queryset).
        if getattr(obj, "sae_report", None) is None:
            return format_html('<span class="ae-clock overdue">{}</span>', gettext("no SAE form"))
        if hasattr(obj, "version_options"):  # read with the list's rows (get_queryset)
            rules = versions.group_of(obj.version_options, "safety", SafetyRules)
        else:
            rules = ae_actions.safety_rules(obj.subject, on=obj.onset_date)
        site = clock_rows(obj, rules)[0]
        return format_html(
            '<span class="ae-clock {}" title="{}">{}</span> {}',
            site.status,
            gettext("due %(at)s")
            % {"at": date_format(timezone.localtime(site.due_at), "SHORT_DATETIME_FORMAT")},
            site.status_label,
            site.remaining,
        )

    # Not sortable: sorting on a subquery reads every AE; the filters serve instead.
    @admin.display(description=_("reviewed"))
    def is_reviewed(self, obj):
        return boolean_icon(obj.reviewed)

    # --- Review ----------------------------------------------------------------------

    def has_review_permission(self, request):
        return any(
            role in ae_actions.REVIEW_ROLES for role in access.roles_by_site(request.user).values()
        )

    @admin.action(
        description=_("Record a review of the selected adverse events"), permissions=["review"]
    )
    def record_review(self, request, queryset):
        form = ReviewForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            refused = 0
            with transaction.atomic():
                for ae in queryset:
                    try:
                        ae_actions.ae_review(
                            adverse_event=ae, by=request.user, comment=form.cleaned_data["comment"]
                        )
                    except ProtocolRefusal:
                        refused += 1
            done = len(queryset) - refused
            self.message_user(
                request, gettext("Review recorded for %(n)d adverse events.") % {"n": done}
            )
            if refused:
                self.message_user(
                    request,
                    gettext("%(n)d not reviewed: you do not monitor their site.") % {"n": refused},
                    messages.WARNING,
                )
            return None
        return TemplateResponse(
            request,
            "admin/ecrf/adverseevent/review_selected.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Record a review"),
                "opts": self.model._meta,
                "queryset": queryset,
                # Each AE's details, SAE clocks and labs around its onset, as on its page.
                "details": [
                    (ae, self._review_context(request, ae))
                    for ae in queryset.select_related("subject__study", "subject__site")
                ],
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [
            path("<path:object_id>/review/", review, name="ecrf_adverseevent_review"),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        """The review button of the change page: POST a comment, back to the page."""
        if request.method != "POST":
            return redirect("admin:ecrf_adverseevent_change", object_id)
        ae = self.get_object(request, object_id)
        if ae is None:
            raise Http404("No such adverse event.")
        if not self.has_review_permission(request):
            raise PermissionDenied
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                ae_actions.ae_review(
                    adverse_event=ae, by=request.user, comment=form.cleaned_data["comment"]
                )
            except ProtocolRefusal as refusal:
                for r in refusal.refusals:
                    self.message_user(request, f"{r.message} [{r.rule}]", messages.ERROR)
            else:
                self.message_user(request, gettext("Review recorded."))
        else:
            self.message_user(request, form.errors.as_text(), messages.ERROR)
        return redirect("admin:ecrf_adverseevent_change", ae.pk)

    # --- The change page: what a monitor reads alongside the AE ------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ae = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if ae is not None:
            context.update(self._review_context(request, ae))
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _review_context(self, request, ae):
        subject = ae.subject
        rules = ae_actions.safety_rules(subject, on=ae.onset_date)
        tz = zoneinfo.ZoneInfo(subject.site.time_zone)
        # [PROP] labs within ± N days of onset (SafetyRules.ae_review_lab_days), local days.
        days = dt.timedelta(days=rules.ae_review_lab_days)
        since = dt.datetime.combine(ae.onset_date - days, dt.time.min, tzinfo=tz)
        until = dt.datetime.combine(
            ae.onset_date + days + dt.timedelta(days=1), dt.time.min, tzinfo=tz
        )
        # The monitor reviews here and raises queries in the eCRF (issue 7): the links go
        # to the event's page and to the query form with the event already chosen.
        page = {"registry_id": subject.study.registry_id, "number": subject.screening_number}
        raise_query_url = None
        if query_actions.may_raise(request.user, subject.site_id):
            raise_query_url = (
                reverse("ecrf:query_new", kwargs=page)
                + "?"
                + urlencode({"record": query_actions.record_key(ae)})
            )
        return {
            "ecrf_url": reverse("ecrf:ae_detail", kwargs=page | {"ae_number": ae.number}),
            "raise_query_url": raise_query_url,
            "clocks": clock_rows(ae, rules),
            "deviations": Deviation.objects.filter(subject=subject).order_by("-occurred_on"),
            "labs": LabResult.objects.filter(
                subject=subject, sampled_at__gte=since, sampled_at__lt=until
            ).order_by("sampled_at", "test_code"),
            "lab_days": rules.ae_review_lab_days,
            "reviews": ae.reviews.select_related("reviewer"),
            "review_form": ReviewForm(),
            "may_review": ae_actions.may_review(request.user, subject.site_id),
            "review_url": reverse("admin:ecrf_adverseevent_review", args=[ae.pk]),
        }


@admin.register(SaeReport)
class SaeReportAdmin(ReadOnlyAdmin):
    site_path = "adverse_event__subject__site"
    list_display = ["adverse_event", "awareness_at", "site_report_due_at", "reported_to_sponsor_at"]
    list_select_related = ["adverse_event__subject"]
    search_fields = ["adverse_event__subject__screening_number", "adverse_event__ctcae_term"]
    ordering = ["-awareness_at"]


@admin.register(AdverseEventReview)
class AdverseEventReviewAdmin(ReadOnlyAdmin):
    site_path = "adverse_event__subject__site"
    list_display = ["adverse_event", "reviewer", "reviewed_at", "comment"]
    list_select_related = ["adverse_event__subject", "reviewer"]
    search_fields = ["adverse_event__subject__screening_number", "reviewer__username"]
