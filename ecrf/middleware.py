"""Request-wide concerns: the request id, security headers, the site time zone, and
the audit context that every write of the request records."""

import zoneinfo

import pghistory
from django.conf import settings
from django.utils import timezone

from ecrf import access, audit


def request_id(get_response):
    """Give each request an id (the caller's X-Request-ID if safe), echoed in the
    response so a user's report, the logs and the audit trail can be matched."""

    def middleware(request):
        request.request_id = audit.request_id_for(request)
        response = get_response(request)
        response[audit.REQUEST_ID_HEADER] = request.request_id
        return response

    return middleware


def security_headers(get_response):
    """Content-Security-Policy and Permissions-Policy (Django 5.2 sends the others:
    X-Frame-Options, X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy)."""

    def middleware(request):
        response = get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def site_time_zone(get_response):
    """Show times in the user's site time zone (both trial sites: Asia/Shanghai)."""

    def middleware(request):
        tz = access.time_zone_of(request.user)
        if tz:
            timezone.activate(zoneinfo.ZoneInfo(tz))
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware


def audit_context(get_response):
    """Every write made while answering the request points at one audit context: the
    user (id and username), the request id, the method and the URL (ecrf/audit.py)."""

    def middleware(request):
        with pghistory.context(**audit.request_context(request)):
            return get_response(request)

    return middleware
