"""The demo (issue 9, item 6): a grade-4 SAE entered by `staff` mails `monitor` and `safety`
and shows in their notifications; send_due_alerts twice mails the demo's overdue clock
once; the "other, specify" AE `datamanager` coded appears coded in the SDTM AE dataset."""

import datetime as dt
import io
import subprocess
import sys
import zipfile

import pytest
from django.core import mail
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from ecrf.actions.exports import study_export
from ecrf.models import AdverseEvent, Alert, AlertTrigger, Study
from tests.adverse_events.conftest import ae_post
from tests.alerts.conftest import HYPOTENSION, ae_values, sae_values, serious

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_demo_accounts_have_e_mail_addresses(demo):
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="").exists()


def test_staff_enters_a_grade_4_sae_and_monitor_and_safety_hear_of_it(
    demo, client, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    assert client.login(request=HttpRequest(), username="staff", password="bal-demo-2026")
    subject = AdverseEvent.objects.filter(subject__screening_number="SYSU3-001").get().subject
    awareness = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    data = ae_post(
        ae_values(
            subject,
            ctcae_code=HYPOTENSION,
            verbatim_term="Hypotension",
            grade=4,
            onset_date=dt.date(2026, 9, 10),
            resolved_date=None,
            ongoing=True,
            outcome="recovering",
            **serious(life_threatening=True),
        ),
        sae_values(awareness_at=awareness),
    )
    url = reverse("ecrf:ae_new", args=["NCT06996392", "SYSU3-001"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "monitor@ecrf-demo.example",
        "safety@ecrf-demo.example",
    ]
    assert "Grade: 4" in mail.outbox[0].body
    assert client.login(request=HttpRequest(), username="monitor", password="bal-demo-2026")
    page = client.get(reverse("ecrf:notifications")).content.decode()
    assert "SYSU3-001" in page and "Serious adverse event entered" in page


def test_send_due_alerts_twice_mails_the_overdue_clock_once(demo):
    mail.outbox.clear()
    call_command("send_due_alerts", stdout=io.StringIO())
    call_command("send_due_alerts", stdout=io.StringIO())
    overdue = [m for m in mail.outbox if "overdue" in m.subject]
    assert sorted(m.to[0] for m in overdue) == [
        "monitor@ecrf-demo.example",
        "safety@ecrf-demo.example",
    ]
    assert all("BFH-001" in m.subject for m in overdue)
    assert Alert.objects.filter(trigger=AlertTrigger.SITE_CLOCK_OVERDUE).count() == 2


def test_the_coded_other_specify_ae_is_coded_in_sdtm(demo, tmp_path):
    import pyreadstat

    target = io.BytesIO()
    study_export(study=Study.objects.get(registry_id="NCT06996392"), fmt="sdtm", target=target)
    path = tmp_path / "ae.xpt"
    path.write_bytes(zipfile.ZipFile(target).read("ae.xpt"))
    ae = pyreadstat.read_xport(str(path))[0]
    coded = ae[ae.AETERM == "Vomiting blood from oesophageal varices"].iloc[0]
    assert (coded.AELLTCD, coded.AEDECOD) == ("10015453", "Esophageal varices hemorrhage")
    assert coded.AEBODSYS == coded.AESOC == "Gastrointestinal disorders"
    waiting = ae[ae.AETERM == "Night sweats"].iloc[0]
    assert (waiting.AELLTCD, waiting.AEDECOD, waiting.AESOC) == ("", "", "")


def _settings(**env):
    import os

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL", "SITE_URL"))}
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import ecrf.settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT,"
            " s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL,"
            " s.SITE_URL)",
        ],
        env=clean,
        capture_output=True,
        text=True,
    )


def test_the_demo_prints_mail_on_the_console():
    result = _settings(ECRF_DEMO="1")
    assert result.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
    assert result.stdout.split()[-1] == "http://127.0.0.1:8000"


def test_mail_is_configured_by_one_url_or_by_parts():
    result = _settings(
        ECRF_DEMO="1",
        EMAIL_URL="smtp+tls://alerts%40hospital.example:s%3Dcret@mail.hospital.example",
        SITE_URL="https://ecrf.hospital.example/",
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.hospital.example",
        "587",
        "alerts@hospital.example",
        "s=cret",
        "True",
        "False",
        "https://ecrf.hospital.example",
    ]
    result = _settings(ECRF_DEMO="1", EMAIL_HOST="relay", EMAIL_PORT="2525", EMAIL_USE_TLS="false")
    assert result.stdout.split()[:3] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "relay",
        "2525",
    ]


def test_bad_mail_settings_fail_loudly():
    assert "EMAIL_URL must look like" in _settings(ECRF_DEMO="1", EMAIL_URL="mail.example").stderr
    assert "SITE_URL must be" in _settings(ECRF_DEMO="1", SITE_URL="ecrf.example").stderr
