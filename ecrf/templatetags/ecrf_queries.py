"""Query counts for the pages of other parts of the casebook: a form's badge, the
casebook header and the home page's work-list link. Each tag is one COUNT query, so a
page that shows one record's badge stays bounded however many queries exist."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.http import urlencode

from ecrf.actions import queries as actions
from ecrf.models.queries import QueryStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def record_queries(context, record) -> dict:
    """Open queries on one record of the page's subject, with the links to list them and
    (for monitors and data managers) to raise one."""
    study, subject = context["study"], context["subject"]
    count = (
        actions.visible_queries(context["request"].user)
        .filter(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            status=QueryStatus.OPEN,
        )
        .count()
    )
    key = actions.record_key(record)
    kwargs = {"registry_id": study.registry_id}
    raise_url = None
    if actions.may_raise(context["request"].user, subject.site_id):
        raise_url = (
            reverse("ecrf:query_new", kwargs=kwargs | {"number": subject.screening_number})
            + "?"
            + urlencode({"record": key})
        )
    list_url = reverse("ecrf:query_list", kwargs=kwargs) + "?" + urlencode({"record": key})
    return {"count": count, "list_url": list_url, "raise_url": raise_url}


@register.simple_tag(takes_context=True)
def subject_queries(context, subject) -> dict:
    """Open queries on any record of the subject (casebook header)."""
    user = context["request"].user
    count = subject.queries.filter(status=QueryStatus.OPEN).count()
    registry_id = subject.study.registry_id
    raise_url = None
    if actions.may_raise(user, subject.site_id):
        raise_url = reverse(
            "ecrf:query_new",
            kwargs={"registry_id": registry_id, "number": subject.screening_number},
        )
    list_url = (
        reverse("ecrf:query_list", kwargs={"registry_id": registry_id})
        + "?"
        + urlencode({"subject": subject.screening_number})
    )
    return {"count": count, "list_url": list_url, "raise_url": raise_url}


@register.simple_tag(takes_context=True)
def queries_waiting_count(context) -> int:
    user = context["request"].user
    return actions.visible_queries(user).filter(actions.waiting_for(user)).count()
