"""Is this app server alive, and can it reach the database? And what a user sees when
the database cannot be reached.

/healthz and /readyz are answered by ecrf.middleware.health before anything else runs: a
load balancer probes by address, over plain HTTP and without cookies. Liveness never
touches the database (restarting app servers does not fix a database outage); readiness
asks PostgreSQL for one row with a short timeout.

A database that cannot be reached (a restart, a fail-over, too many connections) answers
503 with Retry-After, never 500: the request did nothing, and a form sent again is saved
once (its one-time key, ecrf.middleware.idempotency). Connections recover by themselves:
CONN_HEALTH_CHECKS replaces a broken persistent connection at the next request.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

RETRY_AFTER_SECONDS = 5
# Readiness answers within a load balancer's usual 5-second probe timeout: connecting is
# bounded by connect_timeout (settings.DATABASES), the query by this.
READY_STATEMENT_TIMEOUT = "2s"
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def liveness(request) -> HttpResponse:
    return _status({"status": "ok"}, 200)


def readiness(request) -> HttpResponse:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = '{READY_STATEMENT_TIMEOUT}'")
            cursor.execute("SELECT 1")
    except DatabaseError:
        # Logged by Django as any 5xx answer ("Service Unavailable: /readyz").
        response = _status({"status": "unavailable", "database": "unreachable"}, 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _status({"status": "ok", "database": "ok"}, 200)


def _status(body: dict, status: int) -> HttpResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request) -> HttpResponse:
    """handler500. Django calls it inside its `except` block, so the exception is at hand
    (sys.exc_info()), wherever it was raised: in a view, or in a middleware that read the
    session or the user's site. Rendered without the request's context processors, which
    would read the session from the database again."""
    error = sys.exc_info()[1]
    if not isinstance(error, DATABASE_UNAVAILABLE):
        return defaults.server_error(request)
    return _unavailable()


def bad_request(request, exception) -> HttpResponse:
    """handler400. When the database goes away after a view answered, saving the session
    fails and Django reports SessionInterrupted, a 400 ("the session was deleted"). Its
    cause is the lost database, and the client should retry: 503, as for any other
    request the outage cut (found by `make soak`: a PostgreSQL restart under load)."""
    if _caused_by_database_loss(exception):
        return _unavailable()
    return defaults.bad_request(request, exception)


def _caused_by_database_loss(error: BaseException | None) -> bool:
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _unavailable() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
