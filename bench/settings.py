"""The app's settings for `make bench`, plus the reference page (bench/urls.py).

Only the URL configuration and a template directory differ from ecrf.settings: the
reference page is served by the same processes, middleware and database as the pages
it is compared with, and exists only when this module is the settings module.
"""

from ecrf.settings import *  # noqa: F403
from ecrf.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
