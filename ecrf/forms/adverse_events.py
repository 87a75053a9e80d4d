"""The AE form with its SAE supplement (spec §2.11, §2.12) and the monitors' review form.

The single-row checks (grade allowed for the term, grade 5 ⇔ fatal, serious ⇒ criterion,
end ≥ start) are AdverseEvent.clean(), which a ModelForm runs and shows at each field.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf import ctcae
from ecrf.actions.adverse_events import AE_FIELDS, SAE_FIELDS
from ecrf.forms.core import MomentField
from ecrf.forms.widgets import DateInput, DateTimeInput, TimeInput
from ecrf.models import AdverseEvent, SaeReport
from ecrf.models.adverse_events import SERIOUSNESS_CRITERIA
from ecrf.safety import Relatedness


def grouped_term_choices() -> list:
    """CTCAE v5.0 terms grouped by SOC (NCI English text, as published: not translated)."""
    return [("", "---------")] + [
        (soc, [(t.meddra_code, t.term) for t in terms])
        for soc, terms in ctcae.terms_by_soc().items()
    ]


class ExpectednessSelect(forms.NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("unknown", _("Not yet assessed")),
            ("true", _("Expected")),
            ("false", _("Unexpected")),
        ]


class AdverseEventForm(forms.ModelForm):
    ctcae_code = forms.ChoiceField(
        label=_("CTCAE v5.0 term"),
        choices=grouped_term_choices,
        help_text=_("Grouped by system organ class. Type in the filter box to narrow the list."),
    )
    # Declared so no blank choice is offered: grades and relatedness are answered (V11, V13).
    grade = forms.TypedChoiceField(
        label=_("CTCAE grade"),
        choices=[(g, str(g)) for g in ctcae.GRADES],
        coerce=int,
        widget=forms.RadioSelect,
    )
    related_device = forms.ChoiceField(
        label=_("Relationship to the BAL device (hardware, circuit)"),
        choices=Relatedness.choices,
        widget=forms.RadioSelect,
    )
    related_cells = forms.ChoiceField(
        label=_("Relationship to the cell component"),
        choices=Relatedness.choices,
        widget=forms.RadioSelect,
    )
    related_procedure = forms.ChoiceField(
        label=_(
            "Relationship to the procedure (vascular access, anticoagulation, plasma separation)"
        ),
        choices=Relatedness.choices,
        widget=forms.RadioSelect,
    )
    expected = forms.NullBooleanField(
        label=_("Expectedness"),
        required=False,
        widget=ExpectednessSelect,
        help_text=_(
            "Against the reference safety information (IB, device IFU); required for "
            "a serious event."
        ),
    )

    class Meta:
        model = AdverseEvent
        fields = list(AE_FIELDS)
        widgets = {
            "onset_date": DateInput(),
            "onset_time": TimeInput(),
            "resolved_date": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page holds the AE and the SAE form in one <form>
        self.helper.layout = Layout(
            Fieldset(
                _("Event"),
                HTML('{% include "ecrf/adverse_events/_term_filter.html" %}'),
                "ctcae_code",
                "other_specify",
                "verbatim_term",
                HTML('{% include "ecrf/adverse_events/_grade_field.html" %}'),
            ),
            Fieldset(
                _("Dates"),
                Div(
                    Div("onset_date", css_class="col-sm-4"),
                    Div("onset_time", css_class="col-sm-3"),
                    css_class="row",
                ),
                Div(
                    Div("resolved_date", css_class="col-sm-4"),
                    Div("ongoing", css_class="col-sm-3 pt-sm-4"),
                    css_class="row",
                ),
            ),
            Fieldset(
                _("Seriousness"),
                "serious",
                Div(*SERIOUSNESS_CRITERIA, css_class="ms-4", css_id="seriousness-criteria"),
            ),
            Fieldset(
                _("Relatedness"),
                Div(
                    Div("related_device", css_class="col-md-4"),
                    Div("related_cells", css_class="col-md-4"),
                    Div("related_procedure", css_class="col-md-4"),
                    css_class="row",
                ),
                "expected",
            ),
            Fieldset(_("Action and outcome"), "action_taken", "outcome"),
        )

    @property
    def term(self) -> ctcae.CtcaeTerm | None:
        """The chosen term: the submitted one, else the stored one."""
        code = self["ctcae_code"].value()
        return ctcae.load_terms().get(str(code)) if code else None

    def grade_rows(self) -> list[dict]:
        """Grades 1-5 with the chosen term's NCI texts; a grade the term lacks is disabled."""
        term = self.term
        chosen = str(self["grade"].value() or "")
        return [
            {
                "grade": g,
                "text": term.grades.get(g, "") if term else "",
                "allowed": term is None or g in term.grades,
                "checked": chosen == str(g),
            }
            for g in ctcae.GRADES
        ]

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in AE_FIELDS}


class SaeReportForm(forms.ModelForm):
    """The SAE supplement, asked when the AE is serious (spec §2.12)."""

    class Meta:
        model = SaeReport
        fields = list(SAE_FIELDS)
        widgets = {
            "awareness_at": DateTimeInput(),
            "reported_to_sponsor_at": DateTimeInput(),
            "reported_to_ethics_at": DateTimeInput(),
            "sponsor_awareness_at": DateTimeInput(),
            "regulatory_submitted_at": DateTimeInput(),
            "narrative": forms.Textarea(attrs={"rows": 5}),
        }
        field_classes = {
            name: MomentField
            for name in (
                "awareness_at",
                "reported_to_sponsor_at",
                "reported_to_ethics_at",
                "sponsor_awareness_at",
                "regulatory_submitted_at",
            )
        }
        help_texts = {
            "awareness_at": _("Starts the 24-hour clock for the report to the sponsor."),
            "sponsor_awareness_at": _("Day 0 of the sponsor's 7/15-day expedited report."),
        }

    def __init__(self, *args, **kwargs):
        # Asked only for a serious AE, so the browser must not insist on it.
        kwargs.setdefault("use_required_attribute", False)
        super().__init__(*args, **kwargs)
        self.fields["narrative"].required = True  # spec §2.12: R
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in SAE_FIELDS}


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Review comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
