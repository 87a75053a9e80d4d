"""Forms of the sign-off: a monitor's source data verification, an investigator's
signature (of a form or of the whole casebook)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.models import SignatureMeaning


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: the source documents compared, anything to remember."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("verify", _("Record source data verification")))


class SignForm(forms.Form):
    """The signer's username is shown (not typed: they are signed in as themselves); the
    password is typed again at every signing (21 CFR 11.200(a)(1)(i))."""

    meaning = forms.ChoiceField(
        label=_("Meaning of the signature"),
        choices=SignatureMeaning.choices,
        widget=forms.RadioSelect,
        initial=SignatureMeaning.APPROVAL,
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Typed again for every signature."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("sign", _("Sign")))
