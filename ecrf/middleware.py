"""Request-wide concerns: health probes, the request id and its log line, security
headers, the site time zone, the audit context that every write of the request records,
and submissions processed once."""

import functools
import logging
import time
import uuid
import zoneinfo

import pghistory
from django.conf import settings
from django.contrib import auth, messages
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ecrf import access, audit, logs

request_log = logging.getLogger("ecrf.request")


def health(get_response):
    """/healthz and /readyz (ecrf/views/health.py), answered before host checks, the HTTPS
    redirect, sessions and the request log: a load balancer probes each app server by
    its address, over plain HTTP, every few seconds."""
    from ecrf.views import health as views

    probes = {"/healthz": views.liveness, "/readyz": views.readiness}

    def middleware(request):
        probe = probes.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return get_response(request)

    return middleware


def request_id(get_response):
    """Give each request an id (the caller's X-Request-ID if safe), echoed in the
    response so a user's report, the logs and the audit trail can be matched; and log
    one line for the request. The line holds no query string and no form value: either
    may carry health data (ecrf/logs.py)."""

    def middleware(request):
        request.request_id = audit.request_id_for(request)
        token = logs.current_request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = get_response(request)
            response[audit.REQUEST_ID_HEADER] = request.request_id
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request.request_id,
                    "user_id": _user_id(request),
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
        finally:
            logs.current_request_id.reset(token)
        return response

    return middleware


def _user_id(request):
    # Only a user already looked up while answering (site_time_zone looks every one up,
    # and says so): looking one up now would read the session from the database after
    # the response, even when that database is down.
    if not getattr(request, "user_looked_up", False):
        return None
    return request.user.pk if request.user.is_authenticated else None


def security_headers(get_response):
    """Content-Security-Policy and Permissions-Policy (Django 5.2 sends the others:
    X-Frame-Options, X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy)."""

    def middleware(request):
        response = get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def refuse_nul_characters(get_response):
    """A request with a NUL character in its path, query string or cookies answers 400.

    No URL, parameter or cookie of the app holds one, and PostgreSQL text cannot store or
    compare one (the lookup of a subject, a study, a session key or an admin filter would
    fail with a 500 further in; issue 7, found by the fuzz tests). Form fields refuse NUL
    themselves, with a message next to the field (Django's ProhibitNullCharactersValidator).
    """

    def has_nul(pairs) -> bool:
        return any("\x00" in key or "\x00" in value for key, value in pairs)

    def middleware(request):
        query = ((key, value) for key, values in request.GET.lists() for value in values)
        if "\x00" in request.path or has_nul(query) or has_nul(request.COOKIES.items()):
            return HttpResponseBadRequest(
                _("This address contains a NUL character."), content_type="text/plain"
            )
        return get_response(request)

    return middleware


REFRESHED_KEY = "_ecrf_refreshed"


def keep_session_alive(get_response):
    """Push back the end of a signed-in session (SESSION_COOKIE_AGE after its last save)
    by saving it again, at most every SESSION_REFRESH_SECONDS: the idle timeout holds to
    within that margin, on the early side, without a database write on every request."""

    def middleware(request):
        response = get_response(request)
        session = request.session
        # Only a signed-in user's session, and only one already read while answering:
        # reading it now could need the database after an error caused by its loss.
        if session.accessed and session.session_key and session.get(auth.SESSION_KEY):
            now = int(time.time())
            if now - session.get(REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED_KEY] = now  # modified: SessionMiddleware saves it
        return response

    return middleware


def site_time_zone(get_response):
    """Show times in the user's site time zone (both trial sites: Asia/Shanghai)."""

    def middleware(request):
        tz = access.time_zone_of(request.user)
        request.user_looked_up = True  # for the request's log line (_user_id)
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


# --- Idempotent form submissions (issue 4) ---------------------------------------------------

IDEMPOTENCY_FIELD = "idempotency_key"  # rendered by {% submission_key %} (ecrf/templatetags)


def _submitted_key(request) -> uuid.UUID | None:
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    try:
        return uuid.UUID(request.POST.get(IDEMPOTENCY_FIELD, ""))
    except ValueError:
        return None  # no key (an API client, an old page): processed as usual


def idempotency(get_response):
    """A form submitted twice (double click, a browser retrying after a lost response,
    Back and Save on a page already saved) is processed once. The form renders its key
    ({% submission_key %}, ecrf/templatetags/ecrf_forms.py); a POST without one is
    processed as usual. The key is inserted in the transaction of the write it guards
    (the view runs inside it), so a failed write does not use the key up; a second POST
    with the key waits on the first's row lock, then answers with the first's redirect.
    Keys are kept in the database: several stateless app servers answer requests."""

    def middleware(request):
        key = _submitted_key(request)
        if key is None:
            return get_response(request)
        return _once(request, key, get_response)

    return middleware


def _once(request, key: uuid.UUID, get_response):
    from ecrf.models import SubmissionKey

    with transaction.atomic():
        with connection.cursor() as cursor:
            # ON CONFLICT waits for a concurrent insert of the same key to commit or roll back.
            cursor.execute(
                f"INSERT INTO {SubmissionKey._meta.db_table} (key, user_id, path, redirect_to,"
                " created_at) VALUES (%s, %s, %s, '', now()) ON CONFLICT (key) DO NOTHING"
                " RETURNING id",
                [key, request.user.pk, request.path[:500]],
            )
            inserted = cursor.fetchone()
        if inserted is None:
            return _replay(request, SubmissionKey.objects.get(key=key))
        response = get_response(request)
        with connection.cursor() as cursor:
            if 300 <= response.status_code < 400 and response.has_header("Location"):
                cursor.execute(
                    f"UPDATE {SubmissionKey._meta.db_table} SET response_status = %s,"
                    " redirect_to = %s WHERE id = %s",
                    [response.status_code, response["Location"][:2000], inserted[0]],
                )
            else:
                # Not saved (a 422 form, a preview page): the key stays free for the next try.
                cursor.execute(
                    f"DELETE FROM {SubmissionKey._meta.db_table} WHERE id = %s", [inserted[0]]
                )
    return response


def _replay(request, seen):
    if seen.user_id != request.user.pk or seen.path != request.path[:500] or not seen.redirect_to:
        return HttpResponse(
            _("This form key belongs to another submission."), status=409, content_type="text/plain"
        )
    messages.info(request, _("This form was already saved."))
    response = HttpResponseRedirect(seen.redirect_to)
    response.status_code = seen.response_status or 302
    return response


# --- Frozen and locked data (issue 4, item 8) ------------------------------------------------


class RecordLockedMiddleware:
    """A write to frozen or locked data, refused by an action or by PostgreSQL's lock
    trigger, becomes a clear page: 423 Locked (RFC 4918) for a POST, the page with the
    message and no form for a GET; never a 500. Nothing was saved: the refused action's
    transaction was rolled back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.shortcuts import render
        from django.urls import reverse

        from ecrf.models import RecordLocked

        if not isinstance(exception, RecordLocked):
            return None
        ids = request.resolver_match.kwargs if request.resolver_match else {}
        if "registry_id" in ids and "number" in ids:
            back = reverse("ecrf:casebook", args=[ids["registry_id"], ids["number"]])
        elif "registry_id" in ids:
            back = reverse("ecrf:study", args=[ids["registry_id"]])
        else:
            back = reverse("ecrf:home")
        return render(
            request,
            "ecrf/locked.html",
            {"message": exception.message, "level": exception.level, "back_url": back},
            status=423 if request.method == "POST" else 200,
        )


def password_change_required(get_response):
    """An account an administrator asked for a new password sees only the change-password
    page (and may sign out) until it has chosen one (issue 17, item 7). Read once a
    session: the session remembers an account that owes nothing."""
    from ecrf.actions.accounts import must_change_password
    from ecrf.views.accounts import PASSWORD_CHECKED

    def middleware(request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(PASSWORD_CHECKED)
            and request.path not in _password_change_paths()
        ):
            if must_change_password(user):
                return HttpResponseRedirect(reverse("password_change"))
            request.session[PASSWORD_CHECKED] = True
        return get_response(request)

    return middleware


@functools.cache
def _password_change_paths() -> frozenset[str]:
    return frozenset({reverse("password_change"), reverse("logout"), reverse("set_language")})


def save_and_go_to_next(get_response):
    """ "Save and go to next form" (issue 19 item 1): an entry form saved with its `_next`
    button goes, once saved, to the subject's next form to enter (ecrf.views.core
    .casebook_next) instead of the page its view chose. Only the redirect of a save is
    changed: a refused save (4xx) shows the form again as it would. Outside the
    idempotency middleware, so a replayed save goes the same way."""

    @functools.wraps(get_response)
    def middleware(request):
        response = get_response(request)
        if request.method != "POST" or response.status_code != 302:
            return response
        match = request.resolver_match
        kwargs = match.kwargs if match else {}
        if "_next" in request.POST and {"registry_id", "number"} <= kwargs.keys():
            ids = {"registry_id": kwargs["registry_id"], "number": kwargs["number"]}
            after = [request.path, response["Location"].split("#")[0]]
            response["Location"] = (
                reverse("ecrf:casebook_next", kwargs=ids)
                + "?"
                + urlencode({"after": after}, doseq=True)
            )
        return response

    return middleware
