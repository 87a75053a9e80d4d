"""Screens for site staff, investigators and monitors.

Every view follows the same order: login, the access helper (404 for another site's
object, 403 for a read-only role), the form, the action, a redirect. Rules live in the
protocol modules and actions, never here.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, actions, coding, conflicts, form_registry, locking, page_cache, versions
from ecrf import casebook as hub
from ecrf.actions.queries import open_query_count
from ecrf.committee import cohort_states
from ecrf.forms import EligibilityForm, EnrolmentForm, ScreenFailureForm, add_refusals
from ecrf.forms.integrity import add_change_control, form_version, save_through
from ecrf.lab_catalogue import Panel
from ecrf.models import Deviation, Role, Subject, SubjectStatus, TreatmentSession, today_in
from ecrf.schedule import records_for, subject_schedule
from ecrf.views import clinical, dashboards, signoff


def _page(request, template, context):
    """Render a page; a form that failed validation answers 422 with its messages."""
    form = context.get("form")
    return render(request, template, context, status=422 if form and form.errors else 200)


def _no_longer_applies(request, study, subject, action):
    """A page whose action no longer applies (enrolling an enrolled subject, issue 18)
    shows the subject's state and a link to the casebook, not a form that refuses on
    save. A POST from a page left open answers 409 Conflict with the same page."""
    return render(
        request,
        "ecrf/no_longer_applies.html",
        {"study": study, "subject": subject, "action": action},
        status=409 if request.method == "POST" else 200,
    )


def _casebook(subject):
    return redirect(
        "ecrf:casebook", registry_id=subject.study.registry_id, number=subject.screening_number
    )


@login_required
def home(request):
    studies = (
        access.visible_studies(request.user)
        .annotate(
            enrolled=Count(
                "subjects",
                filter=Q(subjects__status=SubjectStatus.ENROLLED)
                & Q(subjects__site__in=access.visible_sites(request.user)),
            )
        )
        .order_by("registry_id")
    )  # Meta.ordering is left out of GROUP BY queries
    return render(request, "ecrf/home.html", {"studies": studies})


@login_required
def study_detail(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    sites = access.visible_sites(request.user).filter(study=study)
    arms = study.arms.annotate(
        enrolled=Count("enrolments", filter=Q(enrolments__subject__site__in=sites))
    ).order_by("order")  # Meta.ordering is left out of GROUP BY queries
    # Each subject's protocol versions for the overdue forms: one query more.
    subjects = versions.with_versions(
        Subject.objects.filter(study=study, site__in=sites)
        .select_related("site", "study", "enrolment__arm")
        .annotate(open_queries=open_query_count())
        .order_by("screening_number")
    )
    subjects = list(subjects)
    # Freezes and locks in force, for everyone to see (issue 4): two queries in all.
    locks = locking.subject_locks(study, subjects)
    for subject in subjects:
        subject.lock = locks.get(subject.pk)
    # Each arm's place in the committee's sequence (3 queries, whatever the subjects).
    states = {status.arm.pk: status for status in cohort_states(study)}
    roles = access.study_roles(request.user, study)
    for arm in arms:
        arm.committee = states[arm.pk]
    is_data_manager = access.is_data_manager(request.user, study=study)
    # A data manager's coding queue and its count (issue 9): two queries, theirs only.
    queue = coding.queue_context(request.user, study, limit=5) if is_data_manager else {}
    # The whole study is locked by a data manager of each of its sites (issue 17).
    can_lock = is_data_manager and access.is_study_data_manager(request.user, study)
    return render(
        request,
        "ecrf/study.html",
        # The plot, sessions, overdue forms and SAE clocks (issue 5, item 3): 5 queries.
        dashboards.study_home_context(study, subjects, arms)
        | {
            "study": study,
            "arms": arms,
            "can_read_committee": bool(roles & access.COMMITTEE_REPORT_ROLES),
            "can_decide": Role.SAFETY_REVIEWER in roles,
            "enrolled_total": sum(arm.enrolled for arm in arms),
            "subjects": subjects,
            "open_queries_total": sum(subject.open_queries for subject in subjects),
            "can_register": bool(access.entry_sites(request.user, study)),
            "study_lock": locks.get(None),
            "can_lock": can_lock,
        }
        | queue,
    )


@login_required
def protocol_detail(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    # Issue 21: a published version as asked (?version=), else the one in force today at
    # the reader's first site of the study (as registered before any is in force).
    published = list(study.protocol_versions.select_related("study").order_by("created_at", "pk"))
    asked = request.GET.get("version")
    if asked is not None:
        version = next((v for v in published if v.number == asked), None)
        if version is None:
            raise Http404("No such protocol version.")
    else:
        site = access.visible_sites(request.user).filter(study=study).order_by("code").first()
        version = site and versions.version_in_force(site, on=today_in(site))
    protocol = versions.protocol_of(version) if version else study.protocol
    options = protocol.options
    panels = dict(Panel.choices)
    schedule = []
    for visit in protocol.visits:  # as the protocol module declares them
        day, before, after = visit.window(options)
        forms = [form_registry.by_label(label)._meta.verbose_name for label in visit.forms]
        schedule.append(
            {
                "visit": visit,
                "day": day,
                "before": before,
                "after": after,
                "forms": [capfirst(name) for name in forms],
                "panels": [panels[code] for code in visit.panels],
            }
        )
    return render(
        request,
        "ecrf/protocol.html",
        {
            "study": study,
            "protocol": protocol,
            "options": options,
            "schedule": schedule,
            "version": version,
            "published": published,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_register(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    sites = access.entry_sites(request.user, study)
    if not sites:
        access.require_entry(request.user, site_id=-1)  # 403: this role only reads
    form_class = import_string(study.protocol.registration_form)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # A user who enters data at several sites of one study registers at the first;
        # both demo studies have one site each.
        try:
            subject = actions.subject_register(
                site=sites[0], by=request.user, **form.demographics()
            )
        except actions.ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)  # e.g. no protocol version in force there
        else:
            messages.success(
                request, _("Subject %(n)s registered.") % {"n": subject.screening_number}
            )
            return _casebook(subject)
    return _page(request, "ecrf/subject_form.html", {"study": study, "form": form})


@login_required
def casebook(request, registry_id, number):
    subject = access.study_subject_or_404(request.user, registry_id, number)
    study = subject.study
    # The body as last rendered for this kind of reader, if the subject's data has not
    # changed since (ecrf/page_cache.py: one query to know), else rendered now.
    body = page_cache.casebook_body(
        request,
        subject,
        lambda: render_to_string(
            "ecrf/_casebook_body.html", _casebook_body(request, study, subject), request=request
        ),
    )
    # The copy's button is outside the kept body: its form carries the request's CSRF token.
    can_copy = access.may_copy_casebook(request.user, subject.site_id)
    return render(
        request,
        "ecrf/casebook.html",
        {"study": study, "subject": subject, "body": body, "can_copy": can_copy},
    )


@login_required
@require_http_methods(["GET", "HEAD"])  # it only reads, and leads on to a form
def casebook_next(request, registry_id, number):
    """The subject's next form to enter: the first expected form not yet complete, in the
    casebook's order, other than the pages named `after` (the form just saved). "Save and
    go to next form" leads here (ecrf.middleware.save_and_go_to_next)."""
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    can_enter = access.may_edit(request.user, subject)
    schedule = subject_schedule(subject)
    visits, _marks = hub.visit_cells(
        subject, schedule, actions.eligibility_of(subject), can_enter=can_enter
    )
    cell = hub.next_cell(visits, skip=set(request.GET.getlist("after")))
    if cell is None:
        messages.info(request, _("Every expected form of this casebook is complete."))
        return _casebook(subject)
    return redirect(cell.url)


def _casebook_body(request, study, subject) -> dict:
    # To render: the subject with its site, enrolment and screen failure, in one query,
    # and its protocol versions (its re-consents) in one more.
    subject = versions.with_versions(Subject.objects.select_related(*access.SUBJECT_RELATED)).get(
        pk=subject.pk
    )
    subject.study = study
    eligibility = actions.eligibility_of(subject)
    enrolment = getattr(subject, "enrolment", None)
    failure = getattr(subject, "screen_failure", None)
    # The schedule's statuses come from a fixed number of queries (ecrf/schedule.py).
    records = records_for([subject])[subject.pk]
    lock = locking.subject_lock(subject)  # shown to everyone; no edit links while in force
    can_enter = lock is None and access.may_enter_data(request.user, subject.site_id)
    schedule = subject_schedule(subject, records)
    # Each expected form a cell, the AEs inline (ecrf/casebook.py): four queries more.
    visits, marks = hub.visit_cells(subject, schedule, eligibility, can_enter=can_enter)
    return (
        clinical.casebook_context(subject)
        | signoff.casebook_context(subject, request.user)
        | {
            "study": study,
            "subject": subject,
            "eligibility": eligibility,
            "enrolment": enrolment,
            "screen_failure": failure,
            "schedule": schedule,
            "visits": visits,
            "adverse_events": hub.adverse_events(subject, marks),
            "sessions": records.sessions,
            "voided_sessions": TreatmentSession.all_objects.filter(
                subject=subject, voided_at__isnull=False
            )
            .select_related("voided_by")
            .order_by("number"),
            # Voided ones stay listed, flagged, last (issue 4).
            "deviations": Deviation.all_objects.filter(subject=subject)
            .select_related("session", "voided_by")
            .order_by(F("voided_at").desc(nulls_first=True), "resolved", "-occurred_on"),
            "can_enter": can_enter,
            "lock": lock,
            "can_lock": access.is_data_manager(request.user, site_id=subject.site_id),
            # Issue 21: the protocol version the subject is on today (re-consents listed
            # on their page).
            "protocol_version": versions.subject_version(subject),
        }
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_edit(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    form_class = import_string(study.protocol.registration_form)
    form = form_class(conflicts.posted(request), instance=subject)
    add_change_control(form, subject)
    if request.method == "POST" and form.is_valid():
        saved = save_through(
            form,
            lambda: actions.subject_update(
                subject=subject, by=request.user, version=form_version(form), **form.demographics()
            ),
        )
        if saved:
            messages.success(request, _("Registration data saved."))
            return _casebook(subject)
    return _page(
        request, "ecrf/subject_form.html", {"study": study, "subject": subject, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def eligibility(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    current = actions.eligibility_of(subject)
    # Judged by the subject's version on their screening date (issue 21).
    protocol = actions.screening_protocol(subject)
    form = EligibilityForm(
        request.POST or None,
        protocol=protocol,
        answers=current.answers,
        decided=current.data,
    )
    # A changed answer needs a reason (the action says when); the fields are offered.
    add_change_control(form, None, ask_reason=bool(current.answers))
    if request.method == "POST" and form.is_valid():
        result = save_through(
            form,
            lambda: actions.eligibility_record(
                subject=subject, answers=form.answers(), by=request.user
            ),
        )
        if result is not None:
            if result.eligible:
                messages.success(request, _("Checklist saved: the subject is eligible."))
            else:
                reasons = " ".join(f"{r.rule}: {r.message}" for r in result.refusals)
                messages.warning(
                    request, _("Checklist saved: not eligible. %(reasons)s") % {"reasons": reasons}
                )
            return _casebook(subject)
    return _page(
        request,
        "ecrf/eligibility.html",
        {
            "study": study,
            "subject": subject,
            "form": form,
            "eligibility": current,
            "decided": [(c, current.data[c.code]) for c in protocol.criteria_decided_by_data],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    if subject.status != SubjectStatus.SCREENING:
        return _no_longer_applies(request, study, subject, _("Enrolment"))
    form = EnrolmentForm(request.POST or None, study=study)
    if request.method == "POST" and form.is_valid():
        try:
            actions.subject_enrol(
                subject=subject,
                arm=form.cleaned_data["arm"],
                by=request.user,
                enrolment_date=form.cleaned_data["enrolment_date"],
                planned_first_treatment=form.cleaned_data["planned_first_treatment"],
                reason=form.cleaned_data["reason"],
            )
        except actions.ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Subject enrolled."))
            late = subject.deviations.filter(automatic=True, session=None, resolved=False)
            for deviation in late:
                messages.warning(
                    request,
                    _("Recorded as a %(severity)s protocol deviation (%(rule)s): %(text)s")
                    % {
                        "severity": deviation.get_severity_display().lower(),
                        "rule": deviation.rule,
                        "text": deviation.description,
                    },
                )
            return _casebook(subject)
    return _page(
        request,
        "ecrf/enrol.html",
        {
            "study": study,
            "subject": subject,
            "form": form,
            "eligibility": actions.eligibility_of(subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def screen_failure(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    if subject.status != SubjectStatus.SCREENING:
        return _no_longer_applies(request, study, subject, _("Screen failure"))
    failed = [r.rule for r in actions.eligibility_of(subject).refusals]
    form = ScreenFailureForm(
        request.POST or None,
        protocol=actions.screening_protocol(subject),  # the criteria the subject was screened by
        initial={"failed_criteria": failed},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.subject_screen_fail(
                subject=subject,
                by=request.user,
                date=form.cleaned_data["date"],
                failed_criteria=form.cleaned_data["failed_criteria"],
                other_reason=form.cleaned_data["other_reason"],
            )
        except actions.ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.info(request, _("Screen failure recorded."))
            return _casebook(subject)
    return _page(
        request, "ecrf/screen_failure.html", {"study": study, "subject": subject, "form": form}
    )
