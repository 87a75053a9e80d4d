"""CiPS-BAL forms: registration (exclusion EX03, pregnant or breastfeeding women, needs
the pregnancy questions answered for every woman), the BAL session with the functional
fraction, and the liver-failure diagnosis with small-for-size syndrome (CiPS-BAL's own
fields, studies/cips_bal/models.py)."""

from crispy_forms.layout import Fieldset
from django.utils.translation import gettext_lazy as _

from ecrf.forms import SubjectForm
from ecrf.forms.clinical import GUIDELINE_SFSS
from ecrf.forms.clinical import LiverFailureForm as BaseLiverFailureForm
from ecrf.forms.sessions import SessionForm as BaseSessionForm
from ecrf.forms.widgets import DateInput
from ecrf.models import Sex
from ecrf.models.clinical import LiverFailureCategory
from studies.cips_bal.models import FunctionalHepatocytes, SfssOperation, SmallForSizeOperation


class RegistrationForm(SubjectForm):
    def clean(self):
        cleaned = super().clean()
        # [REG-A] EX03 "Pregnant or breastfeeding women"; spec §2.1 and V19.
        if cleaned.get("sex") == Sex.FEMALE:
            if cleaned.get("childbearing_potential") is None:
                self.add_error("childbearing_potential", _("Required for women (exclusion EX03)."))
            elif cleaned.get("childbearing_potential") and not cleaned.get("pregnancy_test"):
                self.add_error(
                    "pregnancy_test",
                    _("Required for women of child-bearing potential (exclusion EX03)."),
                )
            if cleaned.get("breastfeeding") is None:
                self.add_error("breastfeeding", _("Required for women (exclusion EX03)."))
        return cleaned


class SessionForm(BaseSessionForm):
    """CiPS-BAL session: the investigator sets the planned duration within 4–8 hours
    ([REG-A]) and records the functional-hepatocyte fraction used for the dose (§3.1)."""

    part_fields = {FunctionalHepatocytes: ("functional_percent",)}

    class Meta(BaseSessionForm.Meta):
        fields = ["planned_minutes", *BaseSessionForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned_minutes"].help_text = _(
            "Set by the investigator: 240 to 480 minutes (4–8 hours per session)."
        )

    def sections(self):
        sections = super().sections()
        sections[0].fields.insert(0, "planned_minutes")
        sections[3].fields.append("functional_percent")
        return sections

    def values(self) -> dict:
        values = super().values()
        values.pop("planned_minutes")
        return values

    def planned_minutes(self) -> int | None:
        return self.cleaned_data.get("planned_minutes")


# SFSS operations that are liver transplants: graft weight is required (spec §2.5 "C (LT)").
TRANSPLANT_OPERATIONS = {SfssOperation.LIVING_DONOR, SfssOperation.SPLIT}
SFSS_FIELDS = ("sfss_operation", "sfss_operation_date", "graft_weight_g")


class LiverFailureForm(BaseLiverFailureForm):
    """CiPS-BAL's diagnosis: small-for-size syndrome's index operation with the SFSS
    category (spec §2.4 "SFSS (CiPS only)", §2.5)."""

    part_fields = {SmallForSizeOperation: SFSS_FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sfss_operation_date"].widget = DateInput()
        self.fields["graft_weight_g"].help_text = _(
            "Liver transplantation only; GRWR = graft g / (weight kg × 10), "
            "small for size below 0.8 %."
        )

    def sections(self):
        title = _("Small-for-size syndrome (only if the category is SFSS)")
        return [*super().sections(), Fieldset(title, *SFSS_FIELDS)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == LiverFailureCategory.SFSS:
            # Spec V18 and §2.5: the SFSS form is required with the SFSS category.
            for name in ("sfss_operation", "sfss_operation_date"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Required for small-for-size syndrome."))
            operation = cleaned.get("sfss_operation")
            if operation in TRANSPLANT_OPERATIONS and not cleaned.get("graft_weight_g"):
                if "graft_weight_g" not in self.errors:
                    self.add_error("graft_weight_g", _("Required after liver transplantation."))
            if cleaned.get("guideline") and cleaned["guideline"] != GUIDELINE_SFSS:
                self.add_error("guideline", _("SFSS is diagnosed by the small-for-size criteria."))
        else:
            for name in SFSS_FIELDS:
                if cleaned.get(name) not in (None, ""):
                    self.add_error(name, _("Only for small-for-size syndrome."))
            if cleaned.get("guideline") == GUIDELINE_SFSS:
                self.add_error("guideline", _("These criteria diagnose small-for-size syndrome."))
        return cleaned
