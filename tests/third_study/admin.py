from django.contrib import admin

from ecrf.admin.capture import SessionPartAdmin
from tests.third_study.models import AmmoniaClearance


@admin.register(AmmoniaClearance)
class AmmoniaClearanceAdmin(SessionPartAdmin):
    list_display = ["session", "clearance_percent"]
