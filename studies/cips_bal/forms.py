"""CiPS-BAL forms: registration (exclusion EX03, pregnant or breastfeeding women, needs
the pregnancy questions answered for every woman) and the BAL session."""

from django.utils.translation import gettext_lazy as _

from ecrf.forms import SubjectForm
from ecrf.forms.sessions import SessionForm as BaseSessionForm
from ecrf.models import Sex


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

    class Meta(BaseSessionForm.Meta):
        fields = ["planned_minutes", *BaseSessionForm.Meta.fields, "functional_percent"]

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
