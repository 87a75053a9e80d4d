"""Forms for screening and enrolment. Each rule lives once: single-field limits on the
model field, single-row checks in Model.clean() (which ModelForm runs), cross-record
rules in the protocol module (raised by the action and shown at the field it names)."""

from collections.abc import Mapping

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.forms.widgets import DateInput, DateTimeInput
from ecrf.models import Enrolment, ScreenFailure, Sex, Subject
from ecrf.protocol import CriterionKind, DataAnswer, Protocol

# Moments typed at a site (sessions and their logs, samples, vital signs, the SAE clocks)
# lie in these years. Outside them a time is a typo; and one early in year 1 east of UTC
# falls before year 1 in UTC, which PostgreSQL stores but Python cannot read back, so
# every later page showing it would fail (issue 7: found by the fuzz tests).
MOMENT_YEARS = (1900, 2099)


def validate_moment(value) -> None:
    if value is not None and not MOMENT_YEARS[0] <= value.year <= MOMENT_YEARS[1]:
        raise ValidationError(
            _("Enter a date and time between %(first)d and %(last)d."),
            code="implausible_moment",
            params={"first": MOMENT_YEARS[0], "last": MOMENT_YEARS[1]},
        )


class MomentField(forms.DateTimeField):
    """A date and time typed at the site, in the site's time zone, in MOMENT_YEARS."""

    widget = DateTimeInput
    default_validators = [validate_moment]
    default_error_messages = {
        "invalid": _("Enter a date and time as YYYY-MM-DD HH:MM (24-hour clock)."),
    }


class StudyPartsForm:
    """A core form that also enters a study's own fields, kept in the study's package
    (issue 20 item 3): `part_fields = {model: (field name, ...)}` names them, each model
    registered `part_of` the form's model (ecrf/form_registry.py). Mixed into a
    ModelForm; the action saves `study_parts()` (ecrf.actions.integrity.study_parts_save).
    """

    part_fields: Mapping[type, tuple[str, ...]] = {}

    def add_part_fields(self) -> None:
        """The part fields, with the model field's limits, showing the stored values."""
        for model, names in self.part_fields.items():
            key = next(f for f in model._meta.fields if f.related_model is self.Meta.model)
            row = None
            if self.instance.pk:
                row = model.objects.filter(**{key.name: self.instance}).first()
            for name in names:
                model_field = model._meta.get_field(name)
                self.fields[name] = field = model_field.formfield()
                # The model's own limits (e.g. between(0, 100)), answered on the form.
                field.validators = [*field.validators, *model_field.validators]
                if row is not None:
                    self.initial.setdefault(name, getattr(row, name))

    @property
    def part_names(self) -> set[str]:
        return {name for names in self.part_fields.values() for name in names}

    def study_parts(self) -> dict:
        """The study's own fields by part model, for the action (`study_parts`)."""
        return {
            model: {name: self.cleaned_data.get(name) for name in names}
            for model, names in self.part_fields.items()
        }


def add_refusals(form: forms.Form, refusals) -> None:
    """Show each protocol refusal next to its field (or above the form), naming the rule."""
    for refusal in refusals:
        field = refusal.field if refusal.field in form.fields else None
        form.add_error(field, f"{refusal.message} [{refusal.rule}]")


class SubjectForm(forms.ModelForm):
    """Registration: demographics and consent (spec §2.1). Studies extend it."""

    class Meta:
        model = Subject
        fields = [
            "sex",
            "date_of_birth",
            "height_cm",
            "weight_kg",
            "consent_date",
            "consent_version",
            "screening_date",
            "childbearing_potential",
            "pregnancy_test",
            "breastfeeding",
        ]
        widgets = {
            "date_of_birth": DateInput(),
            "consent_date": DateInput(),
            "screening_date": DateInput(),
            "sex": forms.RadioSelect,
            "childbearing_potential": forms.NullBooleanSelect,
            "breastfeeding": forms.NullBooleanSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A required radio choice needs no blank "---------" option.
        self.fields["sex"].choices = Sex.choices
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Demographics"), "sex", "date_of_birth", "height_cm", "weight_kg"),
            Fieldset(
                _("Consent and screening"), "consent_date", "consent_version", "screening_date"
            ),
            Fieldset(_("Women only"), "childbearing_potential", "pregnancy_test", "breastfeeding"),
        )
        self.helper.add_input(Submit("save", _("Save")))

    def demographics(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class EligibilityForm(forms.Form):
    """The checklist, generated from the protocol's criteria (verbatim registry text)."""

    def __init__(
        self,
        *args,
        protocol: Protocol,
        answers: dict[str, bool],
        decided: Mapping[str, DataAnswer] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.protocol = protocol
        decided = decided or {}
        for criterion in protocol.asked_criteria:
            initial = answers.get(criterion.code)
            help_text = str(CriterionKind(criterion.kind).label)
            if data := decided.get(criterion.code):
                # The data decide it (issue 18 item 4): offered as the answer, and an
                # answer that differs is shown as a conflict, never as "eligible".
                help_text += ". " + _("Decided by %(label)s: %(says)s.") % {
                    "label": criterion.decided_by.label,
                    "says": data.says,
                }
                if initial is None:
                    initial = data.answer
            self.fields[criterion.code] = forms.ChoiceField(
                label=f"{criterion.code} — {criterion.text}",
                choices=YES_NO,
                widget=forms.RadioSelect,
                initial=None if initial is None else ("yes" if initial else "no"),
                help_text=help_text,
            )
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save checklist")))

    def answers(self) -> dict[str, bool]:
        asked = [c.code for c in self.protocol.asked_criteria]
        return {code: self.cleaned_data[code] == "yes" for code in asked}


class EnrolmentForm(forms.ModelForm):
    class Meta:
        model = Enrolment
        fields = ["arm", "enrolment_date", "planned_first_treatment", "reason"]
        widgets = {
            "enrolment_date": DateInput(),
            "planned_first_treatment": DateInput(),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["arm"].queryset = study.arms.all()
        self.fields["arm"].label = _("Arm / cohort")
        self.fields["arm"].label_from_instance = lambda arm: (
            f"{arm.code} — {arm.localised_label}" + ("" if arm.is_open else f" ({_('closed')})")
        )
        self.fields["enrolment_date"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.add_input(Submit("enrol", _("Enrol")))


class ScreenFailureForm(forms.ModelForm):
    failed_criteria = forms.MultipleChoiceField(
        label=_("Criteria not met"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ScreenFailure
        fields = ["date", "failed_criteria", "other_reason"]
        widgets = {"date": DateInput(), "other_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, protocol: Protocol, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["failed_criteria"].choices = [
            (c.code, f"{c.code} — {c.text}") for c in protocol.criteria
        ]
        self.fields["date"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Record screen failure"), css_class="btn-danger"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("failed_criteria") and not (cleaned.get("other_reason") or "").strip():
            raise forms.ValidationError(_("Give at least one criterion not met or another reason."))
        return cleaned
