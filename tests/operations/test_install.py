"""Installing without the demo (docs/operations.md): `sync_protocols` creates the
studies of ECRF_STUDIES and their arms, and may be run again after an upgrade."""

import pytest
from django.conf import settings
from django.core.management import call_command

from ecrf.models import Arm, Study
from ecrf.protocol import get_protocol

pytestmark = pytest.mark.django_db


def test_sync_protocols_creates_the_studies_and_can_run_again():
    call_command("sync_protocols", verbosity=0)
    # Production's two trials (and, in the suite, the made-up third of tests/settings.py).
    expected = {get_protocol(package).registry_id for package in settings.ECRF_STUDIES}
    assert {"NCT07312864", "NCT06996392"} <= expected
    assert set(Study.objects.values_list("registry_id", flat=True)) == expected
    arms = Arm.objects.count()
    assert arms > 0
    call_command("sync_protocols", verbosity=0)
    assert Study.objects.count() == len(expected) and Arm.objects.count() == arms
