"""QH-1A forms: registration (adults with ACLF). Its BAL session is the core form, with
the device-performance checks its protocol declares (DEVICE_CRITERIA)."""

from django.utils.translation import gettext_lazy as _

from ecrf.forms import SubjectForm


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
