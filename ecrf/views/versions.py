"""Protocol versions (issue 21): the study's versions and what is in force at each site
(a data manager puts a version in force there, signed), and a subject's re-consents.

Views follow the house order: login, access (404 for another site's subject or a study
the user has no part in, 403 for a role that may not act), form, action, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecrf import access, versions
from ecrf.actions import ProtocolRefusal
from ecrf.actions import versions as actions
from ecrf.forms import add_refusals
from ecrf.forms.versions import PutInForceForm, ReconsentForm
from ecrf.models import Reconsent, SiteVersion, SubjectStatus
from ecrf.models.core import today_in
from ecrf.views.clinical import _entry_page, _page, _subject, _url, _with_voided


def _numbers(study) -> list[str]:
    """The versions a data manager may put in force: every published declaration, and
    every version the admin's option changes made."""
    declared = [v.number for v in versions.declared_versions(study.package) if v.fingerprint]
    made = list(study.protocol_versions.values_list("number", flat=True))
    return list(dict.fromkeys([*declared, *made]))


@login_required
@require_http_methods(["GET", "POST"])
def protocol_versions(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    sites = access.visible_sites(request.user).filter(study=study).order_by("code")
    own = sites.filter(pk__in=access.data_manager_sites(request.user, study))
    form = None
    if own.exists():
        form = PutInForceForm(request.POST or None, sites=own, numbers=_numbers(study))
    elif request.method == "POST":
        raise PermissionDenied("Only a data manager of a site puts a version in force there.")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row = actions.site_version_put_in_force(
                site=data["site"],
                number=data["number"],
                by=request.user,
                password=data["password"],
                ethics_approved_on=data["ethics_approved_on"],
                in_force_from=data["in_force_from"],
                request=request,
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(
                request,
                _("Version %(n)s is in force at %(site)s from %(date)s.")
                % {"n": row.version.number, "site": row.site.code, "date": row.in_force_from},
            )
            return redirect("ecrf:protocol_versions", registry_id=study.registry_id)
    history = (
        SiteVersion.objects.filter(site__in=sites)
        .select_related("site", "version")
        .order_by("site__code", "in_force_from")
    )
    in_force = {site.code: versions.version_in_force(site, on=today_in(site)) for site in sites}
    return _page(
        request,
        "ecrf/versions/versions.html",
        {
            "study": study,
            "declared": versions.declared_versions(study.package),
            "published": study.protocol_versions.select_related("created_by"),
            "history": history,
            "in_force": in_force,
            "form": form,
        },
    )


@login_required
def reconsent_list(request, registry_id, number):
    study, subject = _subject(request, registry_id, number)
    return render(
        request,
        "ecrf/versions/reconsents.html",
        {
            "study": study,
            "subject": subject,
            "first": versions.subject_version(subject, on=subject.screening_date),
            "now": versions.subject_version(subject),
            "reconsents": _with_voided(subject.reconsents).select_related("protocol_version"),
            "can_enter": access.may_edit(request.user, subject)
            and subject.status != SubjectStatus.SCREEN_FAILED,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reconsent_new(request, registry_id, number):
    study, subject = _subject(request, registry_id, number, for_entry=True)
    form = ReconsentForm(request.POST or None, instance=Reconsent(subject=subject))
    _row, response = _entry_page(
        request,
        study=study,
        subject=subject,
        form=form,
        record=lambda values: actions.reconsent_record(
            subject=subject,
            by=request.user,
            number=values["protocol_version"].number,
            reconsent_date=values["reconsent_date"],
            consent_version=values["consent_version"],
        ),
        title=_("Re-consent to a protocol version"),
        back=_url("reconsent", subject),
        saved_message=_("Re-consent saved."),
    )
    return response


SUBJECT = "studies/<str:registry_id>/subjects/<str:number>/"

urlpatterns = [
    path("studies/<str:registry_id>/versions/", protocol_versions, name="protocol_versions"),
    path(f"{SUBJECT}reconsent/", reconsent_list, name="reconsent"),
    path(f"{SUBJECT}reconsent/new/", reconsent_new, name="reconsent_new"),
]
