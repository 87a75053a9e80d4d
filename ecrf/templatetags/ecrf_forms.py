"""The one-time key of a POST form (issue 4 item 4; issue 20 item 5): rendered by the form
itself, beside its CSRF token, and read by ecrf.middleware.idempotency. A builtin of the
template engine (settings.TEMPLATES), so every template and the crispy form tag have it.
"""

import uuid

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ecrf.middleware import IDEMPOTENCY_FIELD

register = template.Library()


@register.simple_tag
def submission_key():
    """A fresh key for each rendering of a form: a second submission of the same page (a
    double click, a retry, Back and Save) carries the same key and is processed once; a
    newly opened form is a new submission. ecrf.js keeps a submitted key on the page's
    history entry, so the page Back shows again carries the key it was saved with."""
    return format_html(
        '<input type="hidden" name="{}" value="{}" data-submission-key>',
        IDEMPOTENCY_FIELD,
        uuid.uuid4(),
    )


@register.inclusion_tag("ecrf/_error_summary.html")
def error_summary(form, formsets=()):
    """The errors of an entry form and its row formsets, listed at the top of the page,
    each linking to its field (issue 19 item 2: an error 3,000 px down the page is found
    from the top). The errors stay beside their fields as well."""
    problems = []

    def field_problems(bound_form, prefix_label="", anchor_of_form=""):
        # The form's own errors already head it (crispy shows them there): a row's are
        # listed, linking to its log.
        if anchor_of_form:
            for error in bound_form.non_field_errors():
                problems.append((prefix_label, error, anchor_of_form))
        for name, errors in bound_form.errors.items():
            if name == "__all__" or name not in bound_form.fields:
                continue
            field = bound_form[name]
            label = f"{prefix_label}{field.label}" if field.label else prefix_label
            # A group of radios or boxes has no one control: the link goes to the group
            # (crispy's "div_<id>" around each field).
            anchor = field.id_for_label or f"div_{field.auto_id}"
            for error in errors:
                problems.append((label, error, anchor))

    if form is not None and form.is_bound:
        field_problems(form)
    for formset in formsets or ():
        if not formset.is_bound:
            continue
        title = getattr(formset, "title", "")
        section = f"section-{formset.prefix}"
        for error in formset.non_form_errors():
            problems.append((f"{title}:", error, section))
        for number, row in enumerate(formset.forms, start=1):
            if row.errors:
                field_problems(row, f"{title}, {_('row')} {number}: ", section)
    return {"problems": problems}


@register.simple_tag
def form_sections(form, formsets=()):
    """The sections of a long entry form, for the links at its top (issue 19 item 2): its
    crispy Fieldsets, then its row formsets. Each Fieldset gets an id to link to; a
    section holding an error says so. Returns [(id, title, has_errors)]."""
    sections = []
    layout = getattr(getattr(form, "helper", None), "layout", None)
    for number, part in enumerate(getattr(layout, "fields", ()), start=1):
        legend = getattr(part, "legend", None)
        if legend is None:
            continue
        if not part.css_id:
            part.css_id = f"section-{number}"
        part.css_class = f"{part.css_class or ''} form-section".strip()
        names = [name for name in part.fields if isinstance(name, str)]
        has_errors = form.is_bound and any(name in form.errors for name in names)
        sections.append((part.css_id, legend, has_errors))
    for formset in formsets or ():
        has_errors = formset.is_bound and bool(
            formset.non_form_errors() or any(row.errors for row in formset.forms)
        )
        sections.append((f"section-{formset.prefix}", formset.title, has_errors))
    return sections
