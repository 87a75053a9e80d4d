"""In-app notifications (issue 9): each user's own safety alerts, newest first, with a
count of unread ones in the nav bar (ecrf.alerts.unread_notifications), and mark as read.

A user sees and marks only their own notifications: another's answers 404.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from ecrf.actions import alerts as actions
from ecrf.models import Alert


@login_required
@require_GET
def notification_list(request):
    """A fixed number of queries however many notifications: one page of 50."""
    alerts = (
        Alert.objects.filter(recipient=request.user)
        .select_related("subject__study", "subject__site", "adverse_event", "deviation__session")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(alerts, 50).get_page(request.GET.get("page"))
    return render(request, "ecrf/alerts/list.html", {"page": page})


@login_required
@require_POST
def notification_read(request, pk):
    alert = get_object_or_404(Alert, pk=pk, recipient=request.user)
    actions.notification_read(alert=alert, by=request.user)
    return redirect("ecrf:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    actions.notifications_read_all(by=request.user)
    return redirect("ecrf:notifications")


urlpatterns = [
    path("notifications/", notification_list, name="notifications"),
    path("notifications/read/", notifications_read_all, name="notifications_read_all"),
    path("notifications/<int:pk>/read/", notification_read, name="notification_read"),
]
