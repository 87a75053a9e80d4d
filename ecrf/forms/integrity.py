"""Forms of data integrity (issue 4): the void confirmation, and the change control every
entry form carries (the version it showed, the reason for change)."""

import contextlib

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf import audit, conflicts, form_registry
from ecrf.actions import ProtocolRefusal
from ecrf.actions.integrity import StaleForm
from ecrf.forms.core import add_refusals
from ecrf.forms.queries import show_open_queries
from ecrf.forms.widgets import HiddenInput, Select, Textarea
from ecrf.models import ChangeReason
from ecrf.times import local_text


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

CHANGE_FIELDS = ("version", "change_reason", "change_reason_detail", conflicts.SNAPSHOT_FIELD)


def add_change_control(
    form: forms.Form, record, *, ask_reason: bool | None = None, subject=None
) -> None:
    """Put change control on an entry form for `record` (None or unsaved: a new one).

    - only the fields the subject's protocol version asks (ask_version_fields; `subject`
      for a new record whose form does not name it);

    - a hidden `version`: the version the form shows, so a save over someone else's
      newer save is refused (StaleForm) instead of overwriting it unseen;
    - a hidden, signed snapshot of the values it shows (ecrf/conflicts.py), so that the
      refusal can tell what this user changed from what the other person did, and saving
      again applies only this user's changes;
    - the record's open queries beside the fields they ask about (show_open_queries);
    - for a record saved complete, a reason for change chosen from a list plus free
      text (issue 4; ICH E6(R3) 4.2.2). `ask_reason=True` offers the fields on a form
      that may turn out to correct a saved record.
    Whether a reason is needed is decided by the action (check_change), after the
    version check, so a stale form is reported as stale, not as missing a reason.
    The fields join the form's crispy layout, before its buttons.
    """
    saved = record is not None and record.pk is not None
    ask_version_fields(form, record, subject=subject)
    # The questions asked about the record, beside the fields they ask about (issue 19).
    show_open_queries(form, record)
    form.fields["version"] = forms.IntegerField(
        widget=HiddenInput,  # Django's markup, without its template (ecrf/forms/widgets.py)
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
    # The version the form's values were read at (the record as this request read it):
    # the one a refused stale form moves to, with those values as "theirs".
    form.stored_version = record.version if saved else 0
    helper = getattr(form, "helper", None)
    layout = getattr(helper, "layout", None)
    if layout is not None:
        layout.append("version")
    conflicts.carry(form)
    # Shown again with their choices if the page is refused for another reason.
    form.differences = conflicts.differences(form)
    if helper is not None and helper.form_tag and not helper.form_id:
        helper.form_id = "entry-form"  # the conflict choices sit outside crispy's <form>
    if helper is not None and helper.inputs and _casebook_form(record):
        # REDCap's "Save & Go To Next Form" (issue 19 item 1): ecrf.middleware.save_and_go_to_next.
        helper.add_input(
            Submit("_next", _("Save and go to next form"), css_class="btn-outline-primary")
        )
    if not ((saved and record.change_needs_reason) or ask_reason):
        return
    form.fields["change_reason"] = forms.ChoiceField(
        label=_("Reason for change"),
        choices=[("", "---------"), *ChangeReason.choices],
        required=False,
        widget=Select,  # Django's markup, without its templates (ecrf/forms/widgets.py)
        help_text=_("Asked for every change to a form saved complete."),
    )
    form.fields["change_reason_detail"] = forms.CharField(
        label=_("Explain the change"),
        widget=Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text=_("Saved with the change in the audit trail."),
    )
    if layout is not None:
        layout.append(Fieldset(_("Reason for change"), "change_reason", "change_reason_detail"))


def ask_version_fields(form: forms.Form, record, *, subject=None) -> None:
    """Issue 21: an entry form asks a subject only the fields of their protocol version
    today (ecrf.versions.fields_not_asked). A field hidden in it, or first asked in a
    later version, is not asked for a new entry (a hidden input, disabled: nothing posted
    is taken); a saved record's value for it stays shown, read-only and kept as saved (a
    disabled field keeps the record's value whatever is posted), and exported as any."""
    from ecrf import versions  # it reads the models

    instance = record if record is not None else getattr(form, "instance", None)
    model = form._meta.model if isinstance(form, forms.ModelForm) else type(record)
    entry = form_registry.entry(model)
    if entry is None:
        return
    if subject is None and instance is not None:
        if not entry.subject_path:
            subject = instance if instance.pk is not None else None
        elif getattr(instance, f"{entry.subject_path}_id", None) is not None:
            subject = entry.subject_of(instance)
    if subject is None or subject.pk is None:
        return
    absent = versions.fields_not_asked(subject)
    saved = record is not None and record.pk is not None
    for name, field in form.fields.items():
        if f"{entry.label}.{name}" not in absent:
            continue
        field.disabled = True
        if saved and getattr(record, name, None) not in (None, ""):
            continue  # shown read-only with its saved value
        field.required = False
        field.widget = forms.HiddenInput()


def _casebook_form(record) -> bool:
    """A form of the subject's casebook (a new one, or a registered record's)."""
    return record is None or form_registry.entry(type(record)) is not None


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


def stale_changes(stale) -> str:
    """Who saved what since the form was opened, in one line."""
    changes = []
    for entry in stale.changes:
        fields = "; ".join(f"{c.label}: {c.old_display} → {c.new_display}" for c in entry.changes)
        changes.append(
            _("%(user)s at %(at)s changed %(fields)s")
            % {
                "user": entry.username or _("someone"),
                "at": local_text(entry.at),  # the site's time, zone named
                "fields": fields or _("nothing you can see"),
            }
        )
    return " / ".join(changes) or _("The changes are in its history")


def refuse_stale(form: forms.Form, stale) -> None:
    """Refuse a stale save outright, saying who saved what (the admin's change forms:
    the user opens the record again to change it)."""
    form.add_error(
        None,
        _("Someone else saved this form after you opened it. %(changes)s. Open it again.")
        % {"changes": stale_changes(stale)},
    )


def show_stale(form: forms.Form, stale, *, rows=(), theirs_form=None) -> None:
    """Refuse a stale save where the user sees it: who saved what meanwhile, and for each
    field that differs what this user opened, what the other person saved and what this
    user entered (ecrf.conflicts.merge). The form now stands on the stored version, with
    their values where this user changed nothing: saving again applies only this user's
    changes, and a field both changed waits for a choice."""
    form.differences = conflicts.merge(form, stale, rows=rows, theirs_form=theirs_form)
    if any(d.conflict for d in form.differences):
        then = _(
            "Where you both changed a field, choose below whose value to keep, then save again."
        )
    else:
        then = _("Save again to keep your changes with theirs.")
    form.add_error(
        None,
        _(
            "Someone else saved this form after you opened it. %(changes)s. The form now "
            "shows their values where you changed nothing, and yours where you did. %(then)s"
        )
        % {"changes": stale_changes(stale), "then": then},
    )


def save_through(form: forms.Form, action, *, rows=(), theirs_form=None):
    """Call `action()` (a named action, with what the form entered) inside the form's
    reason for change. A refusal is shown at its field, a stale form with the other
    person's changes (see show_stale for `rows` and `theirs_form`); then the result is
    None and the form has errors to show. A conflict left without a choice is refused."""
    if conflicts.refuse_unresolved(form):
        return None
    try:
        with change_reason(form):
            return action()
    except StaleForm as stale:
        show_stale(form, stale, rows=rows, theirs_form=theirs_form)
    except ProtocolRefusal as refusal:
        add_refusals(form, refusal.refusals)
    return None
