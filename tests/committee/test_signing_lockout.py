"""Issue 4: a wrong password at the committee's signature counts toward the sign-in
lock-out and is logged once, as a refused signature (ecrf/signing.py, shared with the form
and casebook signatures: tests/signoff/test_lockout.py)."""

import pytest

from ecrf.models import CommitteeDecision, LoginEventKind
from tests.committee.test_views import decision_post, decision_url
from tests.signoff.test_lockout import failures, kinds

pytestmark = pytest.mark.django_db


def test_a_wrong_committee_password_counts_and_is_logged(
    client,
    qh1a,
    treated_cohort,
    safety_guangzhou,
):
    treated_cohort(days_ago=29)
    client.force_login(safety_guangzhou)
    response = client.post(decision_url(qh1a), decision_post(password="nope"))
    assert response.status_code == 422
    assert failures(safety_guangzhou) == 1
    assert kinds(safety_guangzhou) == [LoginEventKind.SIGNATURE_FAILED]
    assert not CommitteeDecision.objects.exists()
