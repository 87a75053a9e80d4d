"""The one-time key of a POST form (issue 4 item 4; issue 20 item 5): rendered by the form
itself, beside its CSRF token, and read by ecrf.middleware.idempotency. A builtin of the
template engine (settings.TEMPLATES), so every template and the crispy form tag have it.
"""

import uuid

from django import template
from django.utils.html import format_html

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
