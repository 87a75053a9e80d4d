"""The BAL session form (spec §2.7, §2.8) and its logs, entered on one page.

A study may extend SessionForm in studies/<name>/forms.py (CiPS-BAL: the investigator's
planned duration and the functional fraction) and names it in its protocol
(`session_form`). The device-performance checks come with any protocol that declares
device criteria (QH-1A). A field of one study only is a model in its
package (`part_fields`, see ecrf/form_registry.py `part_of`). Durations, dose and
pass/fail are derived by the action and the protocol module, never typed.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.actions.sessions import SESSION_FIELDS
from ecrf.forms.core import MomentField, StudyPartsForm
from ecrf.forms.widgets import DateInput, DateTimeInput, plain_decimals
from ecrf.models import (
    AnticoagulationCheck,
    Deviation,
    SessionInterruption,
    TreatmentSession,
    VitalSigns,
)
from ecrf.models.core import FormStatus
from ecrf.models.treatment import DeviationCategory

YES_NO = [("True", _("Yes")), ("False", _("No"))]


def yes_no_field(label, *, required_message, **kwargs) -> forms.TypedChoiceField:
    """A yes/no question asked, not answered in advance (issue 19 item 2): two radios,
    neither ticked, and a clear message when it is left unanswered."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )


PASS_FAIL = [("pass", _("Pass")), ("fail", _("Fail"))]


class SessionForm(StudyPartsForm, forms.ModelForm):
    """What every BAL session records. Studies add their own fields."""

    completed_as_planned = yes_no_field(
        _("Completed as planned"),
        required_message=_("Say whether the session was completed as planned."),
    )

    class Meta:
        model = TreatmentSession
        # The fields the action accepts.
        fields = list(SESSION_FIELDS)
        widgets = {
            "started_at": DateTimeInput(),
            "ended_at": DateTimeInput(),
            "termination_details": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"started_at": MomentField, "ended_at": MomentField}
        formfield_callback = plain_decimals

    def __init__(self, *args, subject, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.subject = subject
        if self.instance.pk is None:
            # No clinical answer pre-filled (issue 19 item 2): the model's defaults
            # ("completed as planned", "complete") are chosen by the user, not the page.
            self.initial["completed_as_planned"] = None
            self.initial["form_status"] = None
            status = self.fields["form_status"]
            status.choices = [("", "---------"), *FormStatus.choices]
            status.error_messages["required"] = _(
                "Choose the form's status: complete, or incomplete to finish later."
            )
        # The protocol's device-performance criteria (QH-1A's, spec §2.8.3): one
        # pass/fail and comment each, for any study that declares them.
        self.criteria = criteria
        existing = {}
        if criteria and self.instance.pk:
            existing = {c.criterion: c for c in self.instance.device_checks.all()}
        for criterion in criteria:
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
        # A new session's dosing weight starts as the registration weight. model_to_dict()
        # has already put the new instance's empty weight in self.initial, so setdefault()
        # would keep None.
        if self.instance.pk is None and self.initial.get("weight_kg") is None:
            self.initial["weight_kg"] = subject.weight_kg
        self.add_part_fields()
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's <form> also holds the logs' formsets
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*self.sections())

    def sections(self) -> list[Fieldset]:
        return [
            Fieldset(_("Session"), "started_at", "ended_at", "weight_kg"),
            Fieldset(
                _("Vascular access"),
                "access_site",
                "access_side",
                "catheter_type",
                "catheter_size_fr",
            ),  # fmt: skip
            Fieldset(_("Circuit"), "blood_flow_ml_min", "plasma_flow_ml_min", "anticoagulation"),
            Fieldset(
                _("Cell product"),
                "cell_lot",
                "total_cells_e9",
                "viability_percent",
                "device_serial",
            ),  # fmt: skip
            Fieldset(
                _("Outcome"),
                "completed_as_planned",
                "termination_reason",
                "termination_details",
                "form_status",
            ),  # fmt: skip
            *self.device_sections(),
        ]

    def device_sections(self) -> list[Fieldset]:
        names = []
        for criterion in self.criteria:
            names += [f"device_{criterion.code}", f"device_{criterion.code}_comment"]
        return [Fieldset(_("Device performance"), *names)] if names else []

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_at"), cleaned.get("ended_at")
        if start and end and end <= start:
            self.add_error("ended_at", _("The session must end after it starts."))
        # Spec §2.7: "Completed as planned: N → reason required".
        if cleaned.get("completed_as_planned") is False and not cleaned.get("termination_reason"):
            self.add_error("termination_reason", _("Give the reason the session ended early."))
        if cleaned.get("completed_as_planned") and cleaned.get("termination_reason"):
            self.add_error("termination_reason", _("Only a session that ended early has a reason."))
        return cleaned

    def values(self) -> dict:
        """The model fields the action sets from this form."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def planned_minutes(self) -> int | None:
        """The investigator-set planned duration, for studies whose arm leaves it open."""
        return None

    def device_results(self) -> dict[str, tuple[bool, str]] | None:
        """Device-performance results by criterion, for studies that declare criteria."""
        if not self.criteria:
            return None
        return {
            c.code: (
                self.cleaned_data[f"device_{c.code}"] == "pass",
                self.cleaned_data[f"device_{c.code}_comment"].strip(),
            )
            for c in self.criteria
        }


class SessionLogForm(forms.ModelForm):
    """A row of a session's log; its times must fall inside the session (spec §2.7.4)."""

    time_fields: tuple[str, ...] = ()

    def __init__(self, *args, session_window=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session_window = session_window
        for name in self.time_fields:
            self.fields[name].widget = DateTimeInput()
        # Rows are laid out as a table (templates/ecrf/sessions/_log.html), not by crispy.
        # The column header is not a label: each input carries its own name (WCAG 1.3.1).
        for field in self.fields.values():
            widget = field.widget
            widget.attrs["aria-label"] = field.label
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select form-select-sm"
            else:
                widget.attrs["class"] = "form-control form-control-sm"

    def clean(self):
        cleaned = super().clean()
        if self.session_window and all(self.session_window):
            start, end = self.session_window
            for name in self.time_fields:
                moment = cleaned.get(name)
                if moment is not None and not start <= moment <= end:
                    self.add_error(name, _("Must lie between the session's start and end."))
        return cleaned


class InterruptionForm(SessionLogForm):
    time_fields = ("started_at", "ended_at")

    # Asked on each row, not ticked in advance (issue 19 item 2).
    circulation_stopped = forms.TypedChoiceField(
        label=_("Circulation stopped"),
        choices=[("", "—"), *YES_NO],
        coerce=lambda value: value == "True",
        help_text=_("Only stopped circulation counts against the net duration."),
        error_messages={"required": _("Say whether the circulation stopped.")},
    )

    class Meta:
        model = SessionInterruption
        fields = ["started_at", "ended_at", "circulation_stopped", "reason", "outcome"]
        field_classes = {"started_at": MomentField, "ended_at": MomentField}
        formfield_callback = plain_decimals

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_at"), cleaned.get("ended_at")
        if start and end and end <= start:
            self.add_error("ended_at", _("The interruption must end after it starts."))
        return cleaned


class AnticoagulationCheckForm(SessionLogForm):
    class Meta:
        model = AnticoagulationCheck
        fields = ["measured_at", "act_seconds", "aptt_seconds", "post_filter_ica", "systemic_ica"]
        field_classes = {"measured_at": MomentField}
        formfield_callback = plain_decimals

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Checks may precede the start (baseline ACT), so they are not held to the window.
        measured_at = self.fields["measured_at"]
        measured_at.widget = DateTimeInput(attrs=measured_at.widget.attrs)

    def clean(self):
        cleaned = super().clean()
        values = ("act_seconds", "aptt_seconds", "post_filter_ica", "systemic_ica")
        if cleaned.get("measured_at") and all(cleaned.get(name) is None for name in values):
            raise forms.ValidationError(_("Enter at least one of ACT, APTT or ionised calcium."))
        return cleaned


class IntraSessionVitalsForm(SessionLogForm):
    time_fields = ("measured_at",)

    class Meta:
        model = VitalSigns
        fields = [
            "measured_at",
            "systolic_bp",
            "diastolic_bp",
            "heart_rate",
            "respiratory_rate",
            "temperature_c",
            "spo2_percent",
        ]
        field_classes = {"measured_at": MomentField}
        formfield_callback = plain_decimals

    def clean(self):
        cleaned = super().clean()
        systolic, diastolic = cleaned.get("systolic_bp"), cleaned.get("diastolic_bp")
        # Spec §2.6: "DBP < SBP (hard)".
        if systolic and diastolic and diastolic >= systolic:
            self.add_error("diastolic_bp", _("Diastolic must be below systolic pressure."))
        return cleaned


class SessionLogFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:  # added here, after the row's own fields got theirs
            form.fields["DELETE"].widget.attrs["aria-label"] = form.fields["DELETE"].label


def _formset(model, form, extra):
    return forms.inlineformset_factory(
        TreatmentSession,
        model,
        form=form,
        formset=SessionLogFormSet,
        fk_name="session",
        extra=extra,
        can_delete=True,
        # A row not yet saved is removed by emptying it (forms.js: "Remove"); only a saved
        # row has a Delete box, which the save records.
        can_delete_extra=False,
    )


# A few blank rows to start with; "Add a row" gives more without saving (issue 19 item 2).
InterruptionFormSet = _formset(SessionInterruption, InterruptionForm, extra=1)
AnticoagulationFormSet = _formset(AnticoagulationCheck, AnticoagulationCheckForm, extra=1)
VitalsFormSet = _formset(VitalSigns, IntraSessionVitalsForm, extra=2)

# (prefix, formset class, title): the logs entered with the session, in page order.
SESSION_LOGS = (
    ("interruptions", InterruptionFormSet, _("Interruptions")),
    ("anticoagulation", AnticoagulationFormSet, _("Anticoagulation monitoring (ACT, APTT, iCa)")),
    ("vitals", VitalsFormSet, _("Vital signs during the session")),
)
SESSION_LOG_PREFIXES = frozenset(prefix for prefix, _formset, _title in SESSION_LOGS)


def session_formsets(data, *, session: TreatmentSession, window=None) -> dict:
    """The session's log formsets, keyed by prefix. `window` (start, end) lets each row
    check that it lies inside the session."""
    formsets = {}
    for prefix, formset_class, title in SESSION_LOGS:
        queryset = None
        if prefix == "vitals" and session.pk:
            queryset = VitalSigns.objects.filter(session=session, timepoint="intra_session")
        formset = formset_class(
            data,
            instance=session,
            prefix=prefix,
            queryset=queryset,
            form_kwargs={"session_window": window},
        )
        formset.title = title
        formsets[prefix] = formset
    return formsets


def formset_rows(formset) -> list[dict]:
    """A valid formset's rows for the action: the values, "id" and "delete"; untouched
    blank rows are left out."""
    rows = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        names = [name for name in form._meta.fields if name != formset.fk.name]
        values = {name: form.cleaned_data.get(name) for name in names}
        values["id"] = form.instance.pk
        values["delete"] = bool(form.cleaned_data.get("DELETE"))
        rows.append(values)
    return rows


class DeviationExplanationForm(forms.ModelForm):
    class Meta:
        model = Deviation
        fields = ["explanation", "corrective_action"]
        widgets = {
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "corrective_action": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["explanation"].required = True
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save explanation")))


class DeviationForm(forms.ModelForm):
    """A deviation reported by site staff (spec §2.16)."""

    class Meta:
        model = Deviation
        fields = [
            "category",
            "description",
            "occurred_on",
            "severity",
            "session",
            "explanation",
            "corrective_action",
        ]
        widgets = {
            "occurred_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "corrective_action": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, subject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = subject.sessions.all()
        self.fields["session"].required = False
        self.fields["category"].initial = DeviationCategory.OTHER
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Record deviation")))
