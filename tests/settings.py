"""The suite's settings: production's (ecrf/settings.py), and the made-up third study kept
under tests/ (issue 20 item 3), so that production never sees it. pytest reads these
(pyproject.toml, DJANGO_SETTINGS_MODULE)."""

from ecrf.settings import *  # noqa: F403
from ecrf.settings import ECRF_STUDIES, installed_apps

ECRF_STUDIES = [*ECRF_STUDIES, "tests.third_study"]  # adding a study: this line
INSTALLED_APPS = installed_apps(ECRF_STUDIES)
