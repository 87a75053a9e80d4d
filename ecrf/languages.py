"""The interface language a user chose, remembered on the account (issue 6).

Where the choice lives:
- the session key LANGUAGE, for every request of this browser session (no extra query:
  the session is read anyway);
- the account (AccountPreference), so the choice follows the user to another computer;
- Django's language cookie, so the login page of this browser speaks it next time.

A choice made on the login page, before signing in, becomes the account's; otherwise
signing in brings back the account's choice.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.utils import translation

from ecrf.models import AccountPreference

SESSION_KEY = "ecrf_language"


def is_offered(language: str | None) -> bool:
    return language in dict(settings.LANGUAGES)


@transaction.atomic
def account_language_choose(*, user, language: str) -> None:
    """Keep `language` as the user's choice."""
    if not is_offered(language):
        raise ValueError(f"Language {language!r} is not offered.")
    AccountPreference.objects.update_or_create(user=user, defaults={"language": language})


def remember(request, language: str) -> None:
    """The user chose `language` in this browser: keep it for the session and, if signed
    in, on the account."""
    request.session[SESSION_KEY] = language
    if request.user.is_authenticated:
        account_language_choose(user=request.user, language=language)


@receiver(user_logged_in, dispatch_uid="ecrf.languages.logged_in")
def _bring_back_account_language(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    chosen = request.session.get(SESSION_KEY)  # chosen on the login page: survives login
    if is_offered(chosen):
        account_language_choose(user=user, language=chosen)
        return
    stored = AccountPreference.objects.filter(user=user).values_list("language", flat=True)
    language = stored.first()
    if is_offered(language):
        request.session[SESSION_KEY] = language


def session_language(get_response):
    """After LocaleMiddleware and authentication: the session's (the account's) language
    wins over a cookie another user of this browser left, and the cookie is brought in
    line so the login page speaks it too."""

    def middleware(request):
        session = getattr(request, "session", None)
        language = session.get(SESSION_KEY) if session is not None else None
        if not is_offered(language) or language == getattr(request, "LANGUAGE_CODE", None):
            return get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = get_response(request)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        response.headers["Content-Language"] = language
        return response

    return middleware
