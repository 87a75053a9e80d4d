"""Times as people read them (issue 19 item 6): in the site's time zone, with the zone
named by its offset from UTC, so that "09:00" is never mistaken for a UTC reading.

The middleware activates the user's site's zone for every page (ecrf.middleware.
site_time_zone); outside a request the active zone is settings.TIME_ZONE. The audit trail
and the signature manifestations write ISO 8601 with the offset (`iso`).
"""

import datetime as dt

from django.utils import timezone


def offset_name(moment: dt.datetime) -> str:
    """The zone of a local moment by its offset: "UTC+08:00" (one spelling in every
    language; "CST" names three zones)."""
    offset = moment.strftime("%z")  # +0800
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def local_text(moment: dt.datetime | None, tz=None) -> str:
    """2026-12-01 09:00 UTC+08:00: the moment in `tz` (default: the active, site's zone)."""
    if moment is None:
        return ""
    local = moment.astimezone(tz) if tz else timezone.localtime(moment)
    return f"{local:%Y-%m-%d %H:%M} {offset_name(local)}"


def iso(moment: dt.datetime, tz=None) -> str:
    """ISO 8601 with the offset, in `tz` (default: the active zone): 2026-12-01T09:00:00+08:00."""
    local = moment.astimezone(tz) if tz else timezone.localtime(moment)
    return local.isoformat(timespec="seconds")
