"""The sign-in form."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the username's length checked.

    Django sets the username field's max_length after the field is built, so nothing
    enforces it, and an overlong username reached django-axes, whose record of failed
    attempts holds 255 characters: a 500 (issue 7, found by the fuzz tests). No account
    has a longer username than the field allows, so such a sign-in is refused at the field
    before any password is checked.
    """

    def clean_username(self):
        username = self.cleaned_data["username"]
        limit = self.fields["username"].max_length
        if limit and len(username) > limit:
            raise forms.ValidationError(
                _("A username has at most %(limit)d characters.") % {"limit": limit},
                code="max_length",
            )
        return username
