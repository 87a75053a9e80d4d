"""The language menu (issue 6): Django's set_language, with the choice also kept for the
session and on the account (ecrf/languages.py). Each user's own password change (issue
17, item 7): Django's, asking for the current password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from ecrf import languages
from ecrf.actions.accounts import must_change_password, password_change_done

# Set in the session once the signed-in account is known to need no new password
# (ecrf.middleware.password_change_required reads it: one query a session, not a page).
PASSWORD_CHECKED = "_ecrf_password_checked"


@require_POST
def set_language(request):
    response = django_set_language(request)
    language = request.POST.get("language")
    if languages.is_offered(language):
        languages.remember(request, language)
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's page (the current password, the new one twice; every validator of
    AUTH_PASSWORD_VALIDATORS, the history of former passwords among them). A refused
    form answers 422; a change satisfies an administrator's demand for one."""

    success_url = reverse_lazy("ecrf:home")

    def get_context_data(self, **kwargs):
        required = must_change_password(self.request.user)
        return super().get_context_data(**kwargs) | {"required": required}

    def form_valid(self, form):
        response = super().form_valid(form)  # saved; the session kept signed in
        password_change_done(user=self.request.user)
        self.request.session[PASSWORD_CHECKED] = True
        messages.success(self.request, _("Your password was changed."))
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response
