"""Show times in the user's site time zone (both trial sites: Asia/Shanghai)."""

import zoneinfo

from django.utils import timezone

from ecrf import access


def site_time_zone(get_response):
    def middleware(request):
        tz = access.time_zone_of(request.user)
        if tz:
            timezone.activate(zoneinfo.ZoneInfo(tz))
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware
