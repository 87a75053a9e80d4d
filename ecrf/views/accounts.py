"""The language menu (issue 6): Django's set_language, with the choice also kept for the
session and on the account (ecrf/languages.py)."""

from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from ecrf import languages


@require_POST
def set_language(request):
    response = django_set_language(request)
    language = request.POST.get("language")
    if languages.is_offered(language):
        languages.remember(request, language)
    return response
