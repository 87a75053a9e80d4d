from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ecrf.forms.accounts import SignInForm
from ecrf.views import (
    accounts,
    adverse_events,
    alerts,
    audit,
    clinical,
    coding,
    committee,
    core,
    dashboards,
    endpoints,
    exports,
    health,
    integrity,
    labs,
    locking,
    migration_plan,
    queries,
    sessions,
    signoff,
    versions,
)

ecrf_patterns = [
    path("", core.home, name="home"),
    path("studies/<str:registry_id>/", core.study_detail, name="study"),
    path("studies/<str:registry_id>/protocol/", core.protocol_detail, name="protocol"),
    path("studies/<str:registry_id>/subjects/new/", core.subject_register, name="subject_new"),
    path("studies/<str:registry_id>/subjects/<str:number>/", core.casebook, name="casebook"),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/next/",
        core.casebook_next,
        name="casebook_next",
    ),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/registration/",
        core.subject_edit,
        name="subject_edit",
    ),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/eligibility/",
        core.eligibility,
        name="eligibility",
    ),
    path("studies/<str:registry_id>/subjects/<str:number>/enrol/", core.enrol, name="enrol"),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/screen-failure/",
        core.screen_failure,
        name="screen_failure",
    ),
]

ecrf_patterns += (
    sessions.urlpatterns + labs.urlpatterns + adverse_events.urlpatterns + clinical.urlpatterns
)
ecrf_patterns += audit.urlpatterns
ecrf_patterns += integrity.urlpatterns
ecrf_patterns += queries.urlpatterns
ecrf_patterns += signoff.urlpatterns
ecrf_patterns += locking.urlpatterns
ecrf_patterns += committee.urlpatterns
ecrf_patterns += dashboards.urlpatterns
ecrf_patterns += endpoints.urlpatterns
ecrf_patterns += exports.urlpatterns
ecrf_patterns += alerts.urlpatterns
ecrf_patterns += coding.urlpatterns
ecrf_patterns += versions.urlpatterns
ecrf_patterns += migration_plan.urlpatterns

urlpatterns = [
    # First: the admin's links are resolve()d again to carry a list's filters (each row
    # of the monitors' AE list), and an admin URL tried after every eCRF pattern cost
    # twice as much (700 Python calls, 50 a page). No eCRF URL begins with admin/.
    path("admin/", admin.site.urls),
    path("", include((ecrf_patterns, "ecrf"))),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        accounts.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path("i18n/setlang/", accounts.set_language, name="set_language"),
]

# A database that cannot be reached answers 503 with Retry-After, anything else 500.
handler500 = health.server_error
handler400 = health.bad_request
