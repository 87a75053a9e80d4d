"""Forms of the clinical part of the casebook (spec §2.3–§2.6, §2.13, §2.14).

Single-field limits come from the model fields; each form's clean() holds the checks
within one form (end after start, what a category makes required); rules across records
are the actions' (ecrf/actions/clinical.py) and come back as refusals at their field.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.actions.clinical import liver_failure_categories, partial_date_bounds
from ecrf.forms.core import DateInput, DateTimeInput, MomentField, StudyPartsForm
from ecrf.forms.integrity import CHANGE_FIELDS
from ecrf.models import (
    ConcomitantMedication,
    Disposition,
    LiverFailureDiagnosis,
    LiverImaging,
    MedicalHistory,
    Procedure,
    VitalSigns,
)
from ecrf.models.clinical import (
    UNSCHEDULED,
    Aetiology,
    HistoryCategory,
    LiverFailureCategory,
    ProcedureName,
    StudyDisposition,
    SurvivalStatus,
    VitalsTimepoint,
)


class ClinicalForm(StudyPartsForm, forms.ModelForm):
    """A model form with a Save button; `values()` gives what the action stores, and
    `study_parts()` the study's own fields a study's form adds. The entry page adds change
    control (ecrf.forms.integrity.add_change_control)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_part_fields()
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def values(self) -> dict:
        skipped = {*CHANGE_FIELDS, *self.part_names}
        return {name: self.cleaned_data.get(name) for name in self.fields if name not in skipped}


# Spec §2.3 "Allergen (if allergy)" codelist.
ALLERGENS = [
    ("", "---------"),
    ("blood_products", _("Plasma or blood products")),
    ("heparin", _("Heparin")),
    ("protamine", _("Protamine")),
    ("citrate", _("Citrate")),
    ("albumin", _("Albumin")),
    ("contrast", _("Contrast media")),
    ("antibiotics", _("Antibiotics")),
    ("cell_products", _("Cell products")),
    ("other", _("Other")),
]


class MedicalHistoryForm(ClinicalForm):
    allergen = forms.ChoiceField(label=_("Allergen"), choices=ALLERGENS, required=False)

    class Meta:
        model = MedicalHistory
        fields = ["term", "category", "start", "ongoing", "end", "allergen"]
        widgets = {
            "start": forms.TextInput(attrs={"placeholder": "YYYY-MM-DD"}),
            "end": forms.TextInput(attrs={"placeholder": "YYYY-MM-DD"}),
        }
        help_texts = {"end": _("Leave empty while the condition is ongoing.")}

    def _bounds(self, name):
        value = self.cleaned_data.get(name)
        if not value:
            return None
        try:
            return partial_date_bounds(value)
        except ValueError:
            self.add_error(name, _("This date does not exist."))
            return None

    def clean(self):
        cleaned = super().clean()
        start, end = self._bounds("start"), self._bounds("end")
        ongoing = cleaned.get("ongoing")
        if ongoing and cleaned.get("end"):
            self.add_error("end", _("An ongoing condition has no end date."))
        elif not ongoing and not cleaned.get("end") and "end" not in self.errors:
            self.add_error("end", _("Give the end date, or tick ongoing."))
        # A partial end date may share its year or month with the start.
        if start and end and end[1] < start[0]:
            self.add_error("end", _("The end date cannot precede the start date."))
        category = cleaned.get("category")
        if category == HistoryCategory.ALLERGY and not cleaned.get("allergen"):
            self.add_error("allergen", _("Give the allergen of an allergy."))
        elif category and category != HistoryCategory.ALLERGY and cleaned.get("allergen"):
            self.add_error("allergen", _("Only an allergy has an allergen."))
        return cleaned


GUIDELINE_SFSS = "SFSS"


class LiverFailureForm(ClinicalForm):
    aetiology = forms.MultipleChoiceField(
        label=_("Aetiology"),
        choices=Aetiology.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Required when chronic liver disease is present."),
    )

    # Spec §2.4 asks Y/N/Unknown, but the model requires an answer (blank=False).
    chronic_liver_disease = forms.TypedChoiceField(
        label=_("Chronic liver disease present"),
        choices=[("True", _("Yes")), ("False", _("No"))],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = LiverFailureDiagnosis
        fields = [
            "category",
            "diagnosed_on",
            "guideline",
            "chronic_liver_disease",
            "aetiology",
            "cirrhosis",
        ]
        widgets = {"diagnosed_on": DateInput()}

    def __init__(self, *args, package: str, **kwargs):
        super().__init__(*args, **kwargs)
        admits_sfss = LiverFailureCategory.SFSS in liver_failure_categories(package)
        # Spec §2.4: SFSS is offered for CiPS-BAL only; other categories stay offered
        # so that the study's IN01 refusal can name itself.
        category = self.fields["category"]
        category.choices = [
            (value, label)
            for value, label in category.choices
            if admits_sfss or value != LiverFailureCategory.SFSS
        ]
        if not admits_sfss:
            guideline = self.fields["guideline"]
            guideline.choices = [c for c in guideline.choices if c[0] != GUIDELINE_SFSS]
        self.fields["cirrhosis"].help_text = _(
            "Chinese ACLF type: no cirrhosis → A, compensated → B, decompensated → C."
        )
        self.helper.layout = Layout(*self.sections())

    def sections(self) -> list[Fieldset]:
        """The page's fieldsets; a study's form adds its own (studies/<study>/forms.py)."""
        return [
            Fieldset(
                _("Diagnosis"),
                "category",
                "diagnosed_on",
                "guideline",
                "chronic_liver_disease",
                "aetiology",
                "cirrhosis",
            ),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("chronic_liver_disease") and not cleaned.get("aetiology"):
            self.add_error("aetiology", _("Give the aetiology of the chronic liver disease."))
        return cleaned

    def values(self) -> dict:
        values = super().values()
        values["aetiology"] = sorted(values.get("aetiology") or [])
        return values


class VitalSignsForm(ClinicalForm):
    class Meta:
        model = VitalSigns
        fields = [
            "timepoint",
            "measured_at",
            "systolic_bp",
            "diastolic_bp",
            "heart_rate",
            "respiratory_rate",
            "temperature_c",
            "spo2_percent",
        ]
        widgets = {"measured_at": DateTimeInput()}
        field_classes = {"measured_at": MomentField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Intra-session readings are entered on the session form.
        timepoint = self.fields["timepoint"]
        timepoint.choices = [c for c in timepoint.choices if c[0] != VitalsTimepoint.INTRA_SESSION]
        # Spec §2.6: every vital sign is required ("R") outside a session.
        for name in ("respiratory_rate", "temperature_c", "spo2_percent"):
            self.fields[name].required = True
        self.fields["measured_at"].help_text = _("Local time at the site.")

    def clean(self):
        cleaned = super().clean()
        systolic, diastolic = cleaned.get("systolic_bp"), cleaned.get("diastolic_bp")
        # Spec §2.6: DBP < SBP (hard).
        if systolic is not None and diastolic is not None and diastolic >= systolic:
            self.add_error("diastolic_bp", _("Diastolic BP must be below systolic BP."))
        return cleaned


def _end_after_start(form, start: str, end: str) -> None:
    cleaned = form.cleaned_data
    if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
        form.add_error(end, _("The end date cannot precede the start date."))


class MedicationForm(ClinicalForm):
    class Meta:
        model = ConcomitantMedication
        fields = [
            "name",
            "category",
            "indication",
            "dose",
            "dose_unit",
            "frequency",
            "route",
            "start_date",
            "ongoing",
            "end_date",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {"end_date": _("Leave empty while the medication is ongoing.")}

    def clean(self):
        cleaned = super().clean()
        _end_after_start(self, "start_date", "end_date")
        if cleaned.get("ongoing") and cleaned.get("end_date"):
            self.add_error("end_date", _("An ongoing medication has no end date."))
        elif not cleaned.get("ongoing") and not cleaned.get("end_date"):
            if "end_date" not in self.errors:
                self.add_error("end_date", _("Give the end date, or tick ongoing."))
        if cleaned.get("dose") is not None and not cleaned.get("dose_unit"):
            self.add_error("dose_unit", _("Give the unit of the dose."))
        return cleaned


class ProcedureForm(ClinicalForm):
    class Meta:
        model = Procedure
        fields = ["name", "details", "started_on", "ended_on"]
        widgets = {"started_on": DateInput(), "ended_on": DateInput()}

    def clean(self):
        cleaned = super().clean()
        _end_after_start(self, "started_on", "ended_on")
        if cleaned.get("name") == ProcedureName.OTHER and not cleaned.get("details"):
            self.add_error("details", _("Name the procedure."))
        return cleaned


class LiverImagingForm(ClinicalForm):
    """Spec §1.5 tumorigenicity surveillance: the visit is one of those the study's
    protocol expects the imaging at, or unscheduled."""

    visit = forms.ChoiceField(label=_("Visit"))

    class Meta:
        model = LiverImaging
        fields = ["visit", "examined_on", "modality", "new_lesion", "lesion_size_mm", "findings"]
        widgets = {"examined_on": DateInput(), "findings": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, visits=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visit"].choices = [
            *((v.code, v.label) for v in visits),
            (UNSCHEDULED, _("Unscheduled or long-term visit")),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_lesion") and cleaned.get("lesion_size_mm") is None:
            self.add_error("lesion_size_mm", _("Give the size of the largest new lesion."))
        elif not cleaned.get("new_lesion") and cleaned.get("lesion_size_mm") is not None:
            self.add_error("lesion_size_mm", _("A size is given only for a new lesion."))
        return cleaned


class DispositionForm(ClinicalForm):
    class Meta:
        model = Disposition
        fields = [
            "status",
            "disposition_date",
            "death_date",
            "cause_of_death",
            "transplant_date",
            "survival_status_fs28",
            "last_known_alive",
        ]
        widgets = {
            "disposition_date": DateInput(),
            "death_date": DateInput(),
            "transplant_date": DateInput(),
            "last_known_alive": DateInput(),
        }
        help_texts = {
            "transplant_date": _(
                "A liver transplantation is also listed in the procedures: if none is "
                "recorded yet, saving adds it."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Spec §2.14: survival status at FS+28 is required ("unknown" allowed).
        self.fields["survival_status_fs28"].required = True

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        death, survival = cleaned.get("death_date"), cleaned.get("survival_status_fs28")
        if status == StudyDisposition.DIED:
            if not death and "death_date" not in self.errors:
                self.add_error("death_date", _("Give the date of death."))
            if not cleaned.get("cause_of_death"):
                self.add_error("cause_of_death", _("Give the primary cause of death."))
            if survival and survival != SurvivalStatus.DEAD:
                self.add_error("survival_status_fs28", _("The subject died."))
        if survival == SurvivalStatus.DEAD and not death and "death_date" not in self.errors:
            self.add_error("death_date", _("Give the date of death."))
        if status == StudyDisposition.COMPLETED and survival == SurvivalStatus.DEAD:
            self.add_error("survival_status_fs28", _("A subject who completed FS+28 was alive."))
        if status == StudyDisposition.TRANSPLANTED and not cleaned.get("transplant_date"):
            if "transplant_date" not in self.errors:
                self.add_error("transplant_date", _("Give the date of liver transplantation."))
        if death and cleaned.get("last_known_alive") and cleaned["last_known_alive"] > death:
            self.add_error("last_known_alive", _("This is after the date of death."))
        return cleaned
