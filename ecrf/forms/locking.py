"""A data manager's freeze, lock and release, each with a reason (issue 4, item 8)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.models import LockLevel


class LockSetForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=LockLevel.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("E.g. cleaned for the interim analysis. Kept in the audit trail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="set", **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("set", _("Freeze or lock"), css_class="btn-warning"))


class LockReleaseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for release"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("E.g. a correction after a query. Kept in the audit trail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="release", **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("release", _("Unlock"), css_class="btn-secondary"))
