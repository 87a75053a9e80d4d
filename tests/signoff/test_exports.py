"""The record's history (and its CSV export) shows its verifications and signatures with
the printed name, date-time, meaning and version (21 CFR 11.50(b)); the admin lists them
read-only, scoped to the user's sites."""

import csv
import io

import pytest
from django.urls import reverse

from ecrf.actions import signoff
from ecrf.models import Signature, SourceVerification
from tests.signoff.conftest import PASSWORD, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(history, monitor_guangzhou, investigator):
    signoff.form_verify(record=history, by=monitor_guangzhou, note="Clinic letter")
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning="approval")
    return history


def history_url(record, csv=False):
    subject = record.subject
    return reverse(
        "ecrf:audit_record_history_csv" if csv else "ecrf:audit_record_history",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            "model": record._meta.label_lower,
            "pk": record.pk,
        },
    )


def test_record_history_csv_has_the_signature_and_verification(client, signed, monitor_guangzhou):
    login(client, monitor_guangzhou)
    response = client.get(history_url(signed, csv=True))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    signed_rows = {r["field"]: r["new_value"] for r in rows if r["action"] == "signed"}
    assert signed_rows["printed_name"] == "Wei Zhang"
    assert signed_rows["form_version"] == str(signed.version)
    assert signed_rows["meaning"].startswith("Approval")
    # ISO 8601 with the offset, in the site's time zone (Asia/Shanghai)
    assert signed_rows["signed_at"].endswith("+08:00")
    verified = {r["field"]: r["new_value"] for r in rows if r["action"] == "source_verified"}
    assert verified["verified_by"] == "monitor_gz" and verified["note"] == "Clinic letter"


def test_record_history_page_shows_them(client, signed, investigator):
    login(client, investigator)
    page = client.get(history_url(signed)).content.decode()
    assert "Signed" in page and "Wei Zhang" in page and "Source-verified" in page


def test_admin_lists_them_read_only_for_the_monitor(client, signed, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    for model in (Signature, SourceVerification):
        changelist = reverse(f"admin:ecrf_{model._meta.model_name}_changelist")
        page = client.get(changelist)
        assert page.status_code == 200 and signed.subject.screening_number in page.content.decode()
        row = model.objects.get()
        change = client.get(reverse(f"admin:ecrf_{model._meta.model_name}_change", args=[row.pk]))
        assert change.status_code == 200 and b'name="_save"' not in change.content
        assert (
            client.post(
                reverse(f"admin:ecrf_{model._meta.model_name}_change", args=[row.pk]), {}
            ).status_code
            == 403
        )


def test_admin_hides_another_sites_rows(client, signed, monitor_elsewhere):
    client.force_login(monitor_elsewhere)
    page = client.get(reverse("admin:ecrf_signature_changelist"))
    assert signed.subject.screening_number not in page.content.decode()
