"""The migration plan of a protocol amendment (issue 21 item 3): a data manager's page
listing what changes between two versions and what it does to the data stored at one
of their sites. Reads only; the version is put in force on the versions page, whose
action refuses while anything saved would be lost or read under a changed meaning.

Order of the house: login, access (404 for a study the user has no part in, 403 for a
role other than data manager, another site's code is an unknown one), form, render."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ecrf import access, migration_plan
from ecrf.protocol_diff import version_diff
from ecrf.views.clinical import _page


class PlanForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, to_field_name="code")
    old = forms.ChoiceField(label=_("From version"))
    new = forms.ChoiceField(label=_("To version"))

    def __init__(self, *args, sites, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].widget.attrs["class"] = "form-select"
        self.fields["site"].queryset = sites
        choices = [(n, n) for n in numbers]
        self.fields["old"].choices = self.fields["new"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("old") and data.get("old") == data.get("new"):
            self.add_error("new", _("Choose two different versions."))
        return data


def _numbers(study) -> list[str]:
    """Every version of the study: declared in its protocol module, or published (an
    option change in the admin makes one)."""
    from ecrf.versions import declared_versions

    declared = [v.number for v in declared_versions(study.package)]
    published = list(study.protocol_versions.values_list("number", flat=True))
    return list(dict.fromkeys([*declared, *published]))


@login_required
@require_GET
def plan(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    own = access.data_manager_sites(request.user, study)
    if not own:
        raise PermissionDenied("The migration plan is a data manager's page.")
    sites = study.sites.filter(pk__in=own).order_by("code")
    form = PlanForm(request.GET or None, sites=sites, numbers=_numbers(study))
    context = {"study": study, "form": form}
    if form.is_bound and form.is_valid():
        site, old, new = (form.cleaned_data[k] for k in ("site", "old", "new"))
        context.update(
            site=site,
            old=old,
            new=new,
            changes=version_diff(study, old, new),
            losses=migration_plan.version_losses(site=site, number=new),
            subjects=migration_plan.version_impact(site=site, number=new),
        )
    return _page(request, "ecrf/migration_plan/plan.html", context)


urlpatterns = [
    path("studies/<str:registry_id>/versions/plan/", plan, name="migration_plan"),
]
