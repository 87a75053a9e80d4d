"""QH-1A forms: registration (adults with ACLF) and the BAL session with its device checks."""

from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.forms import SubjectForm
from ecrf.forms.sessions import SessionForm as BaseSessionForm


class RegistrationForm(SubjectForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # [REG-B] "18 Years / 65 Years": checked at enrolment, announced here.
        self.fields["date_of_birth"].help_text = _(
            "Age at consent must be 18 to 65 years (inclusion criterion IN-AGE)."
        )
        # Spec O15: QH-1A has no pregnancy exclusion; the test is optional here.
        self.fields["screening_date"].help_text = _(
            "The first treatment must follow within 14 days."
        )


PASS_FAIL = [("pass", _("Pass")), ("fail", _("Fail"))]


class SessionForm(BaseSessionForm):
    """QH-1A session: one pass/fail per device-performance criterion of the protocol
    (spec §2.8.3); the planned duration comes from the subject's cohort."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = {}
        if self.instance.pk:
            existing = {c.criterion: c for c in self.instance.device_checks.all()}
        for criterion in self.criteria:
            check = existing.get(criterion.code)
            self.fields[f"device_{criterion.code}"] = forms.ChoiceField(
                label=criterion.label,
                choices=PASS_FAIL,
                widget=forms.RadioSelect,
                initial=None if check is None else ("pass" if check.passed else "fail"),
            )
            self.fields[f"device_{criterion.code}_comment"] = forms.CharField(
                label=_("Comment"),
                max_length=200,
                required=False,
                initial=check.comment if check else "",
            )
        self.helper.layout = Layout(*self.sections())

    def sections(self):
        sections = super().sections()
        names = []
        for criterion in self.criteria:
            names += [f"device_{criterion.code}", f"device_{criterion.code}_comment"]
        if names:
            sections.append(Fieldset(_("Device performance"), *names))
        return sections

    def device_results(self) -> dict[str, tuple[bool, str]]:
        return {
            c.code: (
                self.cleaned_data[f"device_{c.code}"] == "pass",
                self.cleaned_data[f"device_{c.code}_comment"].strip(),
            )
            for c in self.criteria
        }
