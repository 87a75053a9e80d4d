"""[REG-B] "This duration will then be adopted as the treatment time for the
multiple-treatment group": the committee's MTD is the session form's planned duration."""

from django.urls import reverse

from ecrf.actions.committee import committee_decide
from ecrf.models import Decision
from ecrf.protocol import planned_session_minutes
from tests.committee.conftest import PASSWORD
from tests.conftest import TODAY


def test_mtd_flows_into_the_session_form(
    client, qh1a, make_subject, treated_cohort, safety_guangzhou, staff_guangzhou
):
    treated_cohort(days_ago=29)
    committee_decide(
        arm=qh1a.arms.get(code="QH4H"),
        by=safety_guangzhou,
        password=PASSWORD,
        decision=Decision.SET_MTD,
        mtd_minutes=240,
        rationale="2/3 DLT expected at 6 h is not acceptable; 4 h tolerated.",
        meeting_date=TODAY,
    )
    mt = qh1a.arms.get(code="QHMT")
    subject = make_subject(qh1a, "enrolled", arm=mt)
    assert planned_session_minutes(mt.design, mt, None) == 240
    client.force_login(staff_guangzhou)
    url = reverse(
        "ecrf:session_new",
        kwargs={"registry_id": qh1a.registry_id, "number": subject.screening_number},
    )
    content = client.get(url).content.decode()
    assert "planned 240 min ± 15 min (Safety Evaluation Committee)" in content
