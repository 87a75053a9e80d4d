"""The lifecycle badge of a casebook form, with the Verify / Sign buttons the user's role
takes. A list page computes its rows' lifecycles once ({% form_lifecycles rows as lives %},
two queries), then shows each row's badge ({% lifecycle_badge lives row %}, no query)."""

from django import template

from ecrf import lifecycle
from ecrf.actions import signoff as actions

register = template.Library()


@register.simple_tag(takes_context=True)
def form_lifecycles(context, records):
    """`records`: one record, or a list of them (None and [] are fine)."""
    if records is None:
        records = []
    elif not isinstance(records, list | tuple):
        records = list(records) if hasattr(records, "__iter__") else [records]
    # Rows may be (record, extras) pairs, as on the vital-signs list.
    records = [r[0] if isinstance(r, tuple) else r for r in records]
    subject = context.get("subject")
    return lifecycle.page_lifecycles(records, tz=subject.site.time_zone if subject else None)


@register.inclusion_tag("ecrf/signoff/_badge.html", takes_context=True)
def lifecycle_badge(context, lives, record, buttons=True):
    user = context["request"].user
    life = lives.of(record) if lives is not None and record is not None else None
    site_id = context["subject"].site_id
    label = record._meta.label_lower if record is not None else ""
    return {
        "life": life,
        "model": label,
        "pk": getattr(record, "pk", None),
        "can_verify": buttons and life and life.signable and actions.may_verify(user, site_id),
        "can_sign": buttons and life and life.signable and actions.may_sign(user, site_id),
    }
