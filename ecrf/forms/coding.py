"""The data manager's coding form: a term of the CTCAE v5.0 list for an "Other, specify"
AE (issue 9). Change control (version, reason for change) is added by the view."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.forms.adverse_events import grouped_term_choices


class CodingForm(forms.Form):
    llt_code = forms.ChoiceField(
        label=_("Coded term (CTCAE v5.0, MedDRA LLT)"),
        choices=grouped_term_choices,
        help_text=_(
            'Grouped by system organ class. Choose the SOC\'s "Other, specify" term only '
            "when no specific term fits."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            HTML('{% include "ecrf/adverse_events/_term_filter.html" %}'), "llt_code"
        )
