"""Protocol versions (issue 21): a subject's re-consent to a later version, and a data
manager's signed putting of a version in force at a site."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.actions.versions import SIGNATURE_MEANING
from ecrf.forms.clinical import ClinicalForm
from ecrf.forms.core import DateInput
from ecrf.models import Reconsent, StudyVersion


class ReconsentForm(ClinicalForm):
    class Meta:
        model = Reconsent
        fields = ["reconsent_date", "protocol_version", "consent_version"]
        widgets = {"reconsent_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        study = self.instance.subject.study
        self.fields["protocol_version"].queryset = StudyVersion.objects.filter(study=study)
        self.fields["protocol_version"].label_from_instance = lambda v: f"{v.number} ({v.date})"


class PutInForceForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None)
    number = forms.ChoiceField(label=_("Protocol version"))
    ethics_approved_on = forms.DateField(label=_("Ethics approval date"), widget=DateInput())
    in_force_from = forms.DateField(
        label=_("In force from"),
        widget=DateInput(),
        help_text=_(
            "On or after the ethics approval. Subjects screened from this day on are "
            "screened under it; others move to it only by re-consent."
        ),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=SIGNATURE_MEANING,
    )

    def __init__(self, *args, sites, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["number"].choices = [(n, n) for n in numbers]
        self.helper = FormHelper()
        self.helper.add_input(Submit("sign", _("Sign and put in force")))
