"""The app's URLs plus /bench/reference/: one row read and rendered through a Django
template, the plain page each endpoint's throughput is compared with (issue 7, item 2;
the "row" page of research/performance-reliability-anchors.md). Served only under
bench.settings."""

import random

from django.shortcuts import render
from django.urls import path

from ecrf import urls as app_urls
from ecrf.models import LabResult


def reference(request):
    # One query: the first lab result at or after a random id (ids have few gaps).
    row = LabResult.all_objects.filter(pk__gte=random.randint(1, _max_id())).order_by("pk")
    return render(request, "bench/reference.html", {"result": row.first()})


_ids: list[int] = []


def _max_id() -> int:
    if not _ids:  # read once per worker
        _ids.append(LabResult.all_objects.order_by("-pk").values_list("pk", flat=True).first() or 1)
    return _ids[0]


urlpatterns = [path("bench/reference/", reference), *app_urls.urlpatterns]

# The app's error pages (a database outage answers 503, not 500) apply here too.
for _name in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(app_urls, _name):
        globals()[_name] = getattr(app_urls, _name)
