"""Lab screens: a subject's labs by timepoint with flags, grades and scores; the panel form;
the clinical status for the scores; and the CSV import with its preview (spec §2.9, §3.2)."""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, conflicts, locking, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions import labs as lab_actions
from ecrf.forms import add_refusals
from ecrf.forms.integrity import add_change_control, entered, form_version, save_through
from ecrf.forms.labs import ClinicalStatusForm, LabImportForm, LabPanelForm, MeldForm
from ecrf.lab_catalogue import CATALOGUE, LabTest, Panel
from ecrf.lab_results import (
    SCORE_TESTS,
    ScoreSet,
    Timepoint,
    expected_timepoints,
    lab_rules,
    local_date,
    panel_at,
    score_set,
    subject_panels,
    timepoint_sessions,
)
from ecrf.models import ClinicalStatus, LabPanel, LabResult, Subject
from ecrf.numbers import plain
from ecrf.views.core import _page


def _labs(subject):
    return redirect(
        "ecrf:labs_subject",
        registry_id=subject.study.registry_id,
        number=subject.screening_number,
    )


def _site_zone(subject):
    # Sample times are typed and shown in the subject's site time (spec §0).
    return timezone.override(zoneinfo.ZoneInfo(subject.site.time_zone))


# Catalogue order groups tests by panel, as on the forms.
CATALOGUE_ORDER = {code: position for position, code in enumerate(CATALOGUE)}


@dataclass
class ResultLine:
    test: LabTest
    result: LabResult

    @property
    def standard(self):
        value = self.result.standard_value
        return None if value is None else self.test.rounded(value)

    @property
    def entered(self) -> str:
        return plain(self.result.value)

    @property
    def normal_range(self) -> str:
        if self.result.lln is None and self.result.uln is None:
            return ""
        return f"{plain(self.result.lln)} – {plain(self.result.uln)}"

    @property
    def entered_differs(self) -> bool:
        return bool(self.result.unit) and self.result.unit != self.test.standard_unit.code


@dataclass
class TimepointRow:
    code: str
    label: str
    cells: list[tuple[str, LabPanel | None]]
    lines: list[ResultLine]
    scores: ScoreSet | None


@login_required
def labs_subject(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    sessions = list(subject.sessions.order_by("number"))
    panels = list(subject.lab_panels.all())
    results = list(subject.lab_results.order_by("sampled_at", "test_code"))
    statuses = list(subject.clinical_status.all())

    expected = expected_timepoints(subject, sessions)
    labels = {t.code: t.label for t in expected}
    # Timepoints recorded but no longer expected (e.g. a session renumbered) still show.
    for panel in panels:
        labels.setdefault(panel.timepoint, panel.timepoint)
    by_key = {(p.timepoint, p.panel): p for p in panels}
    panel_timepoint = {p.pk: p.timepoint for p in panels}
    lines_by_tp = defaultdict(list)
    results_by_test = defaultdict(list)
    for result in results:
        test = CATALOGUE.get(result.test_code)
        if test is None:
            continue
        lines_by_tp[panel_timepoint[result.panel_id]].append(ResultLine(test, result))
        results_by_test[result.test_code].append(result)

    # The score window of the subject's protocol version on each timepoint (issue 21).
    versions.load_versions([subject])
    columns = subject_panels(subject)  # by the versions the subject has been on
    rows = []
    for code, label in labels.items():
        recorded = [p for p in panels if p.timepoint == code]
        # Scores are anchored at the liver panel (bilirubin feeds all four), else the first.
        liver = [p.sampled_at for p in recorded if p.panel == Panel.LIVER]
        at = liver[0] if liver else min((p.sampled_at for p in recorded), default=None)
        rows.append(
            TimepointRow(
                code,
                label,
                [(panel, by_key.get((code, panel))) for panel in columns],
                sorted(lines_by_tp[code], key=lambda line: CATALOGUE_ORDER[line.test.code]),
                score_set(
                    subject,
                    at,
                    results_by_test,
                    statuses,
                    lab_rules(subject, on=local_date(subject, at)),
                )
                if at
                else None,
            )
        )
    with _site_zone(subject):
        return _page(
            request,
            "ecrf/labs/subject.html",
            {
                "study": study,
                "subject": subject,
                "rows": rows,
                "columns": [(code, Panel(code).label) for code in columns],
                "panels": panels,
                # Voided panels stay listed, flagged, under the grid (issue 4); their
                # results are voided with them and leave the scores.
                "voided_panels": LabPanel.all_objects.filter(
                    subject=subject, voided_at__isnull=False
                )
                .select_related("voided_by")
                .order_by("-voided_at"),
                # The caption's window: the subject's version today's.
                "rules": lab_rules(subject),
                "can_enter": access.may_edit(request.user, subject),
            },
        )


@login_required
@require_http_methods(["GET", "POST"])
def labs_panel(request, registry_id, number, timepoint, panel):
    saving = request.method == "POST"
    # One query for the subject and its study. A save answers with a redirect and needs
    # only the site (its time zone and reference ranges) and the subject's protocol
    # version (the panels it collects); the page shows the header too.
    subject = access.study_subject_or_404(
        request.user,
        registry_id,
        number,
        related=("site", "protocol_version__study"),
        # Its re-consents are read only if it has one (the action reads them again,
        # under the subject's lock).
        flag_reconsents=True,
    )
    study = subject.study
    access.require_entry(request.user, subject.site_id)  # 403: this role only reads
    if panel not in subject_panels(subject):
        raise Http404("No such lab timepoint or panel.")
    # The page needs the subject's timepoints (404 for another, the heading's label). A
    # save does not read them here: the action reads them under the subject's lock and
    # refuses a timepoint the subject does not have; only a refused save reads them.
    shown = None if saving else _timepoint_or_404(subject, timepoint)
    # The results are read by the form, for a new (unbound) form only.
    instance = panel_at(subject, panel, timepoint)
    if instance is not None:
        instance.subject = subject  # so the lock check below needs no query to read it back
    # A frozen or locked casebook or study, or this panel locked: no edit form (423). One
    # query: a panel's lock check covers its casebook's and study's locks.
    if instance is not None:
        locking.refuse_if_locked(instance)
    else:
        locking.refuse_if_subject_locked(subject)
    with _site_zone(subject):
        form = LabPanelForm(conflicts.posted(request), panel=panel, instance=instance)
        add_change_control(form, instance, subject=subject)
        if saving and form.is_valid():
            saved = save_through(
                form,
                lambda: lab_actions.lab_panel_record(
                    subject=subject,
                    panel=panel,
                    timepoint=timepoint,
                    sampled_at=form.cleaned_data["sampled_at"],
                    laboratory=form.cleaned_data["laboratory"],
                    entries=form.entries,
                    by=request.user,
                    version=form_version(form),
                    seen=instance,
                    as_read=True,  # the subject read above, unchanged
                ),
                # A bound panel form does not read the stored results; a stale one needs them.
                theirs_form=lambda: LabPanelForm(panel=panel, instance=instance),
            )
            if saved is not None:
                messages.success(
                    request,
                    _("%(panel)s at %(tp)s saved.")
                    % {"panel": Panel(panel).label, "tp": timepoint},
                )
                return _labs(subject)
        if shown is None:
            shown = _timepoint_or_404(subject, timepoint)
        return _page(
            request,
            "ecrf/labs/panel_form.html",
            {
                "study": study,
                "subject": subject,
                "form": form,
                "panel_label": Panel(panel).label,
                "timepoint": shown,
                "instance": instance,
            },
        )


def _timepoint_or_404(subject, code: str) -> Timepoint:
    for timepoint in expected_timepoints(subject, timepoint_sessions(subject)):
        if timepoint.code == code:
            return timepoint
    raise Http404("No such lab timepoint or panel.")


@login_required
@require_http_methods(["GET", "POST"])
def labs_clinical_status(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    with _site_zone(subject):
        form = ClinicalStatusForm(request.POST or None)
        # A second entry for a date corrects the first, which then needs a reason.
        add_change_control(form, None, ask_reason=True)
        if request.method == "POST" and form.is_valid():
            saved = save_through(
                form,
                lambda: lab_actions.clinical_status_record(
                    subject=subject, by=request.user, version=form_version(form), **entered(form)
                ),
            )
            if saved is not None:
                messages.success(request, _("Clinical status saved."))
                return _labs(subject)
        return _page(
            request,
            "ecrf/labs/clinical_status.html",
            {
                "study": study,
                "subject": subject,
                "form": form,
                # Voided entries stay listed, flagged (issue 4).
                "statuses": ClinicalStatus.all_objects.filter(subject=subject)
                .select_related("voided_by")
                .order_by("assessed_on", "pk"),
            },
        )


@login_required
@require_http_methods(["GET", "POST"])
def labs_meld(request, registry_id, number):
    """The MELD inputs of one timepoint on one page (issue 19 item 3): they go into the
    panels and the clinical-status form, and the subject's labs page shows the scores."""
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number, for_entry=True)
    locking.refuse_if_subject_locked(subject)
    timepoints = expected_timepoints(subject, timepoint_sessions(subject))
    with _site_zone(subject):
        form = MeldForm(request.POST or None, timepoints=timepoints)
        if request.method == "POST" and form.is_valid():
            values = form.values()
            try:
                lab_actions.meld_inputs_record(
                    subject=subject, entries=form.entries, by=request.user, **values
                )
            except ProtocolRefusal as refusal:
                add_refusals(form, refusal.refusals)
            else:
                messages.success(request, _meld_message(subject, values["sampled_at"]))
                response = _labs(subject)
                response["Location"] += f"#tp-{values['timepoint']}"
                return response
        return _page(
            request,
            "ecrf/labs/meld.html",
            {"study": study, "subject": subject, "form": form},
        )


def _meld_message(subject, at) -> str:
    """ "MELD inputs saved: MELD 24, MELD-Na 27, MELD 3.0 28." from what was just saved."""
    results = defaultdict(list)
    for result in subject.lab_results.filter(test_code__in=SCORE_TESTS):
        results[result.test_code].append(result)
    scores = score_set(
        subject,
        at,
        results,
        list(subject.clinical_status.all()),
        lab_rules(subject, on=local_date(subject, at)),
    )
    shown = [
        f"{name} {value}"
        for name, value in (
            ("MELD", scores.meld),
            ("MELD-Na", scores.meld_na),
            ("MELD 3.0", scores.meld_3),
        )
        if value is not None
    ]
    return _("MELD inputs saved: %(scores)s.") % {"scores": ", ".join(shown) or "—"}


@login_required
@require_http_methods(["GET", "POST"])
def labs_import(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    sites = access.entry_sites(request.user, study)
    if not sites:
        access.require_entry(request.user, site_id=-1)  # 403: this role only reads
    subjects = Subject.objects.filter(study=study, site__in=sites)
    posted = request.method == "POST"
    form = LabImportForm(
        request.POST if posted else None, request.FILES or None, study=study, subjects_qs=subjects
    )
    if posted and form.is_valid() and "confirm" in request.POST:
        try:
            created = lab_actions.lab_results_import(panels=form.panels, by=request.user)
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(
                request,
                _("Imported %(panels)d panel(s) with %(rows)d result(s).")
                % {"panels": len(created), "rows": len(form.preview)},
            )
            return redirect("ecrf:labs_import", registry_id=study.registry_id)
    return _page(
        request,
        "ecrf/labs/import.html",
        {
            "study": study,
            "form": form,
            "previewing": posted and not form.errors,
        },
    )


SUBJECT = "studies/<str:registry_id>/subjects/<str:number>/labs/"

urlpatterns = [
    path(SUBJECT, labs_subject, name="labs_subject"),
    path(f"{SUBJECT}clinical-status/", labs_clinical_status, name="labs_clinical_status"),
    path(f"{SUBJECT}meld/", labs_meld, name="labs_meld"),
    path(f"{SUBJECT}<str:timepoint>/<str:panel>/", labs_panel, name="labs_panel"),
    path("studies/<str:registry_id>/labs/import/", labs_import, name="labs_import"),
]
