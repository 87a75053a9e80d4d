from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ecrf import views

ecrf_patterns = [
    path("", views.home, name="home"),
    path("studies/<str:registry_id>/", views.study_detail, name="study"),
    path("studies/<str:registry_id>/protocol/", views.protocol_detail, name="protocol"),
    path("studies/<str:registry_id>/subjects/new/", views.subject_register, name="subject_new"),
    path("studies/<str:registry_id>/subjects/<str:number>/", views.casebook, name="casebook"),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/registration/",
        views.subject_edit,
        name="subject_edit",
    ),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/eligibility/",
        views.eligibility,
        name="eligibility",
    ),
    path("studies/<str:registry_id>/subjects/<str:number>/enrol/", views.enrol, name="enrol"),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/screen-failure/",
        views.screen_failure,
        name="screen_failure",
    ),
]

urlpatterns = [
    path("", include((ecrf_patterns, "ecrf"))),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
