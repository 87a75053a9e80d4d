"""Access that holds: every eCRF URL, for each demo role and for another site's user.

- another site's user gets 404 on every page of a study it does not belong to, GET or POST;
- a monitor can change nothing: every POST outside the query workflow is refused (403,
  405) or merely shows a read page, and leaves the audit trail (every write is in it)
  unchanged;
- no page answers 500 to any role.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import get_resolver, reverse
from pghistory.models import Events

from ecrf.models import AdverseEvent, LabPanel, Membership, Role, Site, Subject

pytestmark = pytest.mark.django_db

# POSTs that are a monitor's own work (issue 4: monitors raise, close and reopen queries;
# issue 9: they mark their own notifications read).
MONITOR_MAY_POST = {
    "query_new",
    "query_close",
    "query_reopen",
    "home",
    "notification_read",
    "notifications_read_all",
}


def ecrf_patterns():
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "ecrf":
            yield from pattern.url_patterns


@pytest.fixture
def urls(db):
    """Every ecrf URL filled with the demo's QH-1A records (subject SYSU3-001). Routes
    taking a primary key get the AE's, so for other kinds of record they exercise the
    "no such record" path rather than the record itself."""
    call_command("load_demo", verbosity=0)
    subject = Subject.objects.get(screening_number="SYSU3-001")
    ae = AdverseEvent.objects.get(subject=subject)
    panel = LabPanel.objects.filter(subject=subject).first()
    values = {
        "registry_id": "NCT06996392",
        "number": subject.screening_number,
        "ae_number": ae.number,
        "session_number": 1,
        "code": ae.ctcae_code,
        "timepoint": panel.timepoint,
        "panel": panel.panel,
        "model": "adverseevent",
        "model_name": "adverseevent",
        "pk": ae.pk,
        "arm_code": "QH4H",
        "fmt": "odm",
        "site_code": "SYSU3",
    }
    filled = {}
    for pattern in ecrf_patterns():
        names = pattern.pattern.converters.keys()
        filled[pattern.name] = reverse(f"ecrf:{pattern.name}", kwargs={n: values[n] for n in names})
    return filled


def outsider():
    """Site staff at Beijing only: not a member of the QH-1A study."""
    user = get_user_model().objects.create_user("outsider", password="x" * 12)
    Membership.objects.create(user=user, site=Site.objects.get(code="BFH"), role=Role.SITE_STAFF)
    return user


def test_another_sites_user_gets_404_everywhere_in_the_study(client, urls):
    client.force_login(outsider())
    for name, url in urls.items():
        if "NCT06996392" not in url:
            continue  # home, the CTCAE term list and the user's own work list
        # 404: nothing of another study is disclosed; 405: a POST-only action (or a read
        # page answering POST) refuses the method before looking anything up.
        assert client.get(url).status_code in (404, 405), name
        assert client.post(url, {}).status_code in (404, 405), name


def test_a_monitor_cannot_change_data_by_any_route(client, urls):
    monitor = get_user_model().objects.get(username="monitor")
    client.force_login(monitor)
    before = Events.objects.count()
    for name, url in urls.items():
        if name in MONITOR_MAY_POST:
            continue
        response = client.post(url, {"reason": "x", "comment": "x", "text": "x"})
        # Entry pages refuse (403/405); read pages that accept POST just show themselves;
        # routes filled with another kind of record's id answer 404.
        assert response.status_code in (200, 403, 404, 405), (name, response.status_code)
    assert Events.objects.count() == before  # every write would be in the audit trail


@pytest.mark.parametrize(
    "username", ["staff", "investigator", "monitor", "datamanager", "safety", "admin"]
)
def test_no_page_answers_500(client, urls, username):
    assert client.login(request=HttpRequest(), username=username, password="bal-demo-2026")
    for name, url in urls.items():
        status = client.get(url).status_code
        assert status < 500, (name, status)
