"""Times as people read them, in the site's time zone with the zone named (issue 19
item 6; ecrf/times.py). {% load ecrf_times %}: {{ moment|local_time }} and
{% site_zone_note %}."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from ecrf import times

register = template.Library()


@register.filter
def local_time(moment) -> str:
    """2026-12-01 09:00 UTC+08:00, in the active (site's) time zone."""
    return times.local_text(moment) if moment else ""


@register.filter
def iso_time(moment) -> str:
    """2026-12-01T09:00:00+08:00: ISO 8601 with the offset, in the active zone (the audit
    trail's times)."""
    return times.iso(moment) if moment else ""


@register.simple_tag
def site_zone_note() -> str:
    """ "Times are in Asia/Shanghai (UTC+08:00), the site's time zone." """
    now = timezone.localtime()
    return _("Times are in %(zone)s (%(offset)s), the site's time zone.") % {
        "zone": timezone.get_current_timezone_name(),
        "offset": times.offset_name(now),
    }


@register.simple_tag
def site_zone_label() -> str:
    """ "Asia/Shanghai · UTC+08:00": the zone every time on the page is read in, named once
    in the navigation bar of every page."""
    return f"{timezone.get_current_timezone_name()} · {times.offset_name(timezone.localtime())}"
