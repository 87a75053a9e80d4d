"""Forms of the data queries: raising one on a record of the subject's casebook, each step
of its thread (answer, close, reopen), and the filters of the query list."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ecrf.actions.queries import query_fields, record_key
from ecrf.models.queries import QueryStatus


class QueryRaiseForm(forms.Form):
    """The record is chosen among the subject's records (grouped by form); the field among
    that form's fields, or all forms' fields when no record is chosen yet."""

    record = forms.ChoiceField(label=_("Form / record"))
    field = forms.ChoiceField(
        label=_("Field"), required=False, help_text=_("Leave blank to query the whole form.")
    )
    text = forms.CharField(label=_("Query"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, records: dict, chosen=None, **kwargs):
        """`records`: {model: [record, ...]} of the subject, in casebook order."""
        super().__init__(*args, **kwargs)
        self.records = {record_key(r): r for rows in records.values() for r in rows}
        self.fields["record"].choices = [("", "—")] + [
            (str(model._meta.verbose_name), [(record_key(r), str(r)) for r in rows])
            for model, rows in records.items()
            if rows
        ]
        models = [m for m, rows in records.items() if rows]
        if chosen is not None:
            models = [type(chosen)]
        self.fields["field"].choices = [("", _("(the whole form)"))] + [
            (str(model._meta.verbose_name), query_fields(model)) for model in models
        ]
        if chosen is not None:
            self.fields["record"].initial = record_key(chosen)
        self.helper = FormHelper()
        self.helper.add_input(Submit("raise", _("Raise the query")))

    def clean_record(self):
        key = self.cleaned_data["record"]
        if key not in self.records:
            raise forms.ValidationError(_("Choose a record of this subject."))
        return self.records[key]

    def clean(self):
        cleaned = super().clean()
        record, field = cleaned.get("record"), cleaned.get("field")
        if record is not None and field and field not in dict(query_fields(type(record))):
            self.add_error("field", _("This form has no such field."))
        return cleaned


class QueryStepForm(forms.Form):
    """One step of the thread: the answer, a closing note or the reason to reopen."""

    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, label, button, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].required = required
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's form posts to the step's own URL
        self.helper.add_input(Submit("save", button))


def answer_form(data=None):
    return QueryStepForm(data, prefix="answer", label=_("Answer"), button=_("Send the answer"))


def close_form(data=None):
    return QueryStepForm(
        data,
        prefix="close",
        label=_("Closing note"),
        button=_("Close the query"),
        required=False,
    )


def reopen_form(data=None):
    return QueryStepForm(data, prefix="reopen", label=_("Why it is reopened"), button=_("Reopen"))


class QueryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + QueryStatus.choices
    )
    scope = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All queries")),
            ("waiting", _("Waiting for my role")),
            ("mine", _("Raised or answered by me")),
        ],
    )
    subject = forms.CharField(label=_("Subject"), required=False, max_length=20)
    record = forms.CharField(required=False, widget=forms.HiddenInput, max_length=80)


def show_open_queries(form: forms.Form, record) -> None:
    """Put the record's open (and answered, not yet closed) queries beside the fields they
    ask about, and the form's own at its top, while site staff edit it (issue 19 item 7):
    whoever corrects a value reads the question about it. One query; nothing for a new
    record. Rendered by templates/ecrf/queries/_field_queries.html, which crispy's field
    template includes (templates/bootstrap5/layout/help_text_and_errors.html); a form drawn
    by hand includes it beside its field (`{% include ... with field=form.x %}`). None
    for a record read with `has_open_queries` False (lab_results.panel_at)."""
    form.open_queries = []
    if record is None or record.pk is None:
        return
    if getattr(record, "has_open_queries", None) is False:
        return  # read with whether it has one (open_queries_exist_sql): none
    # Imported here: ecrf.forms is imported by the models' admin before the apps are ready.
    from django.contrib.contenttypes.models import ContentType

    from ecrf.models.queries import ACTIVE_STATUSES, DataQuery

    found = DataQuery.objects.filter(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        status__in=ACTIVE_STATUSES,
    ).order_by("raised_at", "pk")
    for query in found:
        field = form.fields.get(query.field) if query.field else None
        if field is None:
            form.open_queries.append(query)  # about the form, or a field it does not show
        else:
            field.open_queries = [*getattr(field, "open_queries", []), query]
