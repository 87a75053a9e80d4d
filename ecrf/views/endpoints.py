"""The study's endpoints page: each endpoint's summary and its per-subject rows.

Read-only: every member of the study sees it, limited to their own sites' subjects
(ecrf/access.py); a user of another study gets 404. The computation is ecrf/endpoints.py.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from ecrf import access
from ecrf.endpoints import study_endpoints
from ecrf.protocol import Endpoint


@login_required
@require_GET  # a read page: nothing to post
def endpoints(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    computed = study_endpoints(study, access.visible_sites(request.user).filter(study=study))
    return render(
        request,
        "ecrf/endpoints/study.html",
        {
            "study": study,
            "e": computed,
            "Endpoint": Endpoint,
            "declared": [(code, Endpoint(code).label) for code in computed.endpoints],
        },
    )


urlpatterns = [
    path("studies/<str:registry_id>/endpoints/", endpoints, name="endpoints"),
]
