"""The Safety Evaluation Committee's decision form, signed by re-entering the password
(21 CFR 11.200(a)(1): both identification components at a signing)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.actions.committee import SIGNATURE_MEANING, mtd_choices
from ecrf.forms.core import DateInput
from ecrf.models import Decision


class CommitteeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    mtd_minutes = forms.TypedChoiceField(
        label=_("Maximum tolerated duration"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("When setting it: one of the durations studied so far."),
    )
    additional_subjects = forms.IntegerField(
        label=_("Subjects added to the cohort"),
        min_value=1,
        max_value=12,
        required=False,
        help_text=_("When expanding the cohort (spec §5.4: e.g. 3 more)."),
    )
    rationale = forms.CharField(
        label=_("Rationale"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    meeting_date = forms.DateField(label=_("Meeting date"), widget=DateInput())
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=SIGNATURE_MEANING,
    )

    def __init__(self, *args, arm, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mtd_minutes"].choices = [("", "—")] + [
            (m, _("%(m)d min") % {"m": m}) for m in mtd_choices(arm)
        ]
        self.fields["meeting_date"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.add_input(Submit("sign", _("Sign and record the decision")))

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == Decision.SET_MTD and not cleaned.get("mtd_minutes"):
            self.add_error("mtd_minutes", _("Choose the maximum tolerated duration."))
        if decision == Decision.EXPAND and not cleaned.get("additional_subjects"):
            self.add_error("additional_subjects", _("Enter how many subjects the cohort gains."))
        return cleaned
