"""What every signed-in request reads before its page (ecrf/current_user.py): the session,
then the user with their sites and roles in one statement (issue 20: each query less on
every page counts in the lab form's figure)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecrf import access
from ecrf.current_user import ModelBackend
from ecrf.models import Membership, Role
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_user_is_read_with_their_sites_and_roles(guangzhou, zhuhai, beijing):
    user = make_user("two_sites", Role.SITE_STAFF, [guangzhou])
    Membership.objects.create(user=user, site=zhuhai, role=Role.MONITOR)
    with CaptureQueriesContext(connection) as reads:
        signed_in = ModelBackend().get_user(user.pk)
        roles = access.roles_by_site(signed_in)
        zone = access.time_zone_of(signed_in)
    assert len(reads) == 1
    assert roles == {guangzhou.pk: Role.SITE_STAFF, zhuhai.pk: Role.MONITOR}
    assert zone == guangzhou.time_zone
    assert access.study_or_404(signed_in, guangzhou.study.registry_id) == guangzhou.study


def test_a_user_of_no_site_is_read_with_none(qh1a):
    user = make_user("nowhere")
    signed_in = ModelBackend().get_user(user.pk)
    with CaptureQueriesContext(connection) as reads:
        assert access.roles_by_site(signed_in) == {}
    assert len(reads) == 0


def test_an_inactive_user_is_not_signed_in(guangzhou):
    user = make_user("left", Role.SITE_STAFF, [guangzhou])
    user.is_active = False
    user.save()
    assert ModelBackend().get_user(user.pk) is None
