"""The Safety Evaluation Committee's pages (QH-1A; spec §5.4): the cohort report it
reviews, and the signed decision on a cohort whose observation is complete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access
from ecrf.actions import ProtocolRefusal
from ecrf.actions.committee import committee_decide
from ecrf.committee import cohort_report, cohort_status
from ecrf.forms import add_refusals
from ecrf.forms.committee import CommitteeDecisionForm
from ecrf.models import Arm
from ecrf.reports import cohort_report_pdf
from ecrf.views.core import _page


def _arm_or_404(study, code) -> Arm:
    return get_object_or_404(Arm.objects.select_related("study"), study=study, code=code)


def _readable_report(request, registry_id, arm_code):
    """The study, arm and cohort report, for a committee reader: the page and its PDF
    answer the same users (404 for a study the user cannot see, 403 for another role)."""
    study = access.study_or_404(request.user, registry_id)
    access.require_committee_reader(request.user, study)
    arm = _arm_or_404(study, arm_code)
    sites = access.visible_sites(request.user).filter(study=study)
    return study, arm, cohort_report(arm, sites)


@login_required
def report(request, registry_id, arm_code):
    study, arm, cohort = _readable_report(request, registry_id, arm_code)
    return render(
        request,
        "ecrf/committee/report.html",
        {
            "study": study,
            "arm": arm,
            "report": cohort,
            "can_decide": access.may_sign_committee_decisions(request.user, study),
        },
    )


@login_required
@require_http_methods(["GET"])
def report_pdf(request, registry_id, arm_code):
    study, arm, cohort = _readable_report(request, registry_id, arm_code)
    today = timezone.localdate().isoformat()
    filename = f"{study.registry_id}-{slugify(arm.code)}-cohort-report-{today}.pdf"
    return HttpResponse(
        cohort_report_pdf(cohort),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, registry_id, arm_code):
    study = access.study_or_404(request.user, registry_id)
    access.require_safety_reviewer(request.user, study)
    arm = _arm_or_404(study, arm_code)
    status = cohort_status(arm)
    form = CommitteeDecisionForm(request.POST or None, arm=arm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            committee_decide(
                arm=arm,
                by=request.user,
                password=data["password"],
                request=request,
                decision=data["decision"],
                rationale=data["rationale"],
                meeting_date=data["meeting_date"],
                mtd_minutes=data["mtd_minutes"],
                additional_subjects=data["additional_subjects"],
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Committee decision on %(arm)s signed.") % {"arm": arm})
            return redirect("ecrf:study", registry_id=study.registry_id)
    return _page(
        request,
        "ecrf/committee/decision.html",
        {"study": study, "arm": arm, "status": status, "form": form},
    )


urlpatterns = [
    path("studies/<str:registry_id>/cohorts/<str:arm_code>/report/", report, name="sec_report"),
    path(
        "studies/<str:registry_id>/cohorts/<str:arm_code>/report.pdf",
        report_pdf,
        name="sec_report_pdf",
    ),
    path("studies/<str:registry_id>/cohorts/<str:arm_code>/decision/", decide, name="sec_decision"),
]
