"""Forms, one module per part of the casebook."""

from ecrf.forms.core import (  # noqa: F401
    DateInput,
    EligibilityForm,
    EnrolmentForm,
    MomentField,
    ScreenFailureForm,
    SubjectForm,
    add_refusals,
)
