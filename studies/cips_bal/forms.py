"""CiPS-BAL registration form: exclusion EX03 (pregnant or breastfeeding women) needs
the pregnancy questions answered for every woman."""

from django.utils.translation import gettext_lazy as _

from ecrf.forms import SubjectForm
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
