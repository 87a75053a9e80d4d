"""Forms of data integrity (issue 4): the void confirmation, and the change control every
entry form carries (the version it showed, the reason for change)."""

import contextlib

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf import audit
from ecrf.actions import ProtocolRefusal
from ecrf.actions.integrity import StaleForm
from ecrf.forms.core import add_refusals
from ecrf.models import ChangeReason


class VoidForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for voiding"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Why this record was entered in error. Kept in the audit trail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("void", _("Void as entered in error"), css_class="btn-danger"))


# --- Change control: the version a form showed, and the reason for change -----------------

CHANGE_FIELDS = ("version", "change_reason", "change_reason_detail")


def add_change_control(form: forms.Form, record, *, ask_reason: bool | None = None) -> None:
    """Put change control on an entry form for `record` (None or unsaved: a new one).

    - a hidden `version`: the version the form shows, so a save over someone else's
      newer save is refused (StaleForm) instead of overwriting it unseen;
    - for a record saved complete, a reason for change chosen from a list plus free
      text (issue 4; ICH E6(R3) 4.2.2). `ask_reason=True` offers the fields on a form
      that may turn out to correct a saved record.
    Whether a reason is needed is decided by the action (check_change), after the
    version check, so a stale form is reported as stale, not as missing a reason.
    The fields join the form's crispy layout, before its buttons.
    """
    saved = record is not None and record.pk is not None
    form.fields["version"] = forms.IntegerField(
        widget=forms.HiddenInput,
        # A change to a saved record must say which version it changes: without one,
        # nothing could tell it from an overwrite of someone else's newer save.
        required=saved,
        min_value=0,
        initial=record.version if saved else 0,
        error_messages={
            "required": _(
                "This form does not say which saved version it changes: open the form "
                "again and enter your changes there."
            )
        },
    )
    layout = getattr(getattr(form, "helper", None), "layout", None)
    if layout is not None:
        layout.append("version")
    if not ((saved and record.change_needs_reason) or ask_reason):
        return
    form.fields["change_reason"] = forms.ChoiceField(
        label=_("Reason for change"),
        choices=[("", "---------"), *ChangeReason.choices],
        required=False,
        help_text=_("Asked for every change to a form saved complete."),
    )
    form.fields["change_reason_detail"] = forms.CharField(
        label=_("Explain the change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text=_("Saved with the change in the audit trail."),
    )
    if layout is not None:
        layout.append(Fieldset(_("Reason for change"), "change_reason", "change_reason_detail"))


def change_reason(form: forms.Form):
    """The block a view saves in: the form's reason for change on the audit records."""
    reason = form.cleaned_data.get("change_reason")
    if not reason:
        return contextlib.nullcontext()
    return audit.reason(reason, form.cleaned_data.get("change_reason_detail") or "")


def entered(form: forms.Form) -> dict:
    """What the user entered, without the change-control fields."""
    return {k: v for k, v in form.cleaned_data.items() if k not in CHANGE_FIELDS}


def form_version(form: forms.Form) -> int | None:
    return form.cleaned_data.get("version")


def show_stale(form: forms.Form, stale) -> None:
    """Refuse a stale save where the user sees it: who saved what meanwhile, with the
    user's own entries kept in the form. The form now carries the stored version, so
    saving again, having compared, is a deliberate choice."""
    changes = []
    for entry in stale.changes:
        fields = "; ".join(f"{c.label}: {c.old_display} → {c.new_display}" for c in entry.changes)
        changes.append(
            _("%(user)s at %(at)s changed %(fields)s")
            % {
                "user": entry.username or _("someone"),
                "at": entry.at.strftime("%Y-%m-%d %H:%M UTC"),
                "fields": fields or _("nothing you can see"),
            }
        )
    form.add_error(
        None,
        _(
            "Someone else saved this form after you opened it. %(changes)s. Your entries "
            "are kept below: compare them with the saved form, then save again to keep yours."
        )
        % {"changes": " / ".join(changes) or _("The changes are in its history")},
    )
    data = form.data.copy()
    data[form.add_prefix("version")] = stale.record.version
    form.data = data


def save_through(form: forms.Form, action):
    """Call `action()` (a named action, with what the form entered) inside the form's
    reason for change. A refusal is shown at its field, a stale form with the other
    person's changes; then the result is None and the form has errors to show."""
    try:
        with change_reason(form):
            return action()
    except StaleForm as stale:
        show_stale(form, stale)
    except ProtocolRefusal as refusal:
        add_refusals(form, refusal.refusals)
    return None
