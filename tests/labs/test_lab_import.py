"""CSV import of lab results: preview first, row-level errors, all rows or none (issue 3)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ecrf.models import LabPanel, LabResult

pytestmark = pytest.mark.django_db

HEADER = (
    "screening_number,timepoint,panel,sampled_at,test_code,value,unit,qualitative,not_done_reason\n"
)


def when(days_ago):
    moment = timezone.localtime(timezone.now() - dt.timedelta(days=days_ago))
    return moment.strftime("%Y-%m-%d %H:%M")


def csv_file(*rows, name="labs.csv"):
    return SimpleUploadedFile(name, (HEADER + "".join(r + "\n" for r in rows)).encode())


def import_url(study):
    return reverse("ecrf:labs_import", kwargs={"registry_id": study.registry_id})


def good_rows(number):
    t = when(3)
    return [
        f"{number},BASELINE,LIVER,{t},BILI,5,mg/dL,,",
        f"{number},BASELINE,LIVER,{t},ALT,120,U/L,,",
        f"{number},BASELINE,COAGULATION,{t},INR,1.5,,,",
        f"{number},BASELINE,VIROLOGY,{t},HBEAG,,,positive,",
        f"{number},POST-S1,RENAL,{when(1)},CREAT,,,,sample_lost",
    ]


def test_preview_then_confirm_writes_the_rows(client, qh1a, treated, staff_guangzhou):
    client.force_login(staff_guangzhou)
    number = treated.screening_number
    response = client.post(import_url(qh1a), {"file": csv_file(*good_rows(number))})
    assert response.status_code == 200 and response.context["previewing"]
    form = response.context["form"]
    assert [p.row for p in form.preview] == [2, 3, 4, 5, 6]
    assert len(form.panels) == 4
    assert not LabResult.objects.exists()  # the preview writes nothing
    content = response.content.decode()
    assert "85.5" in content and "Confirm and import" in content

    # The confirmation carries the signed file content, not a server-side file.
    response = client.post(import_url(qh1a), {"content": form.signed_content, "confirm": "1"})
    assert response.status_code == 302
    assert LabPanel.objects.count() == 4 and LabResult.objects.count() == 5
    bili = LabResult.objects.get(test_code="BILI")
    assert (bili.value, bili.unit, bili.standard_value) == (D("5"), "mg/dL", D("85.5"))
    assert LabResult.objects.get(test_code="ALT").flag == "H"
    assert LabPanel.objects.get(timepoint="POST-S1").session.number == 1
    assert bili.created_by == staff_guangzhou


def test_a_bad_row_imports_nothing_and_names_row_and_field(client, qh1a, treated, staff_guangzhou):
    # V15 hard range and unit list; each bad row is reported by row number and column.
    client.force_login(staff_guangzhou)
    number = treated.screening_number
    rows = good_rows(number) + [
        f"{number},BASELINE,RENAL,{when(3)},CREAT,30,mg/dL,,",  # 2652 µmol/L > 2000
        f"{number},BASELINE,RENAL,{when(3)},SODIUM,140,g/L,,",  # unit not accepted
        f"{number},FS+99,LIVER,{when(3)},ALB,30,,,",  # no such timepoint
        f"{number},BASELINE,HAEMATOLOGY,yesterday,PLAT,100,,,",
    ]
    response = client.post(import_url(qh1a), {"file": csv_file(*rows)})
    assert response.status_code == 422
    errors = [(e.row, e.field) for e in response.context["form"].row_errors]
    assert errors == [(7, "value"), (8, "unit"), (9, "timepoint"), (10, "sampled_at")]
    assert "nothing has been imported" in response.content.decode()
    assert not LabPanel.objects.exists() and not LabResult.objects.exists()


def test_a_tampered_confirmation_is_refused(client, qh1a, treated, staff_guangzhou):
    client.force_login(staff_guangzhou)
    response = client.post(import_url(qh1a), {"content": "forged:abc", "confirm": "1"})
    assert response.status_code == 422 and not LabResult.objects.exists()


def test_confirm_rechecks_rows_and_writes_none_if_one_panel_now_exists(
    client, qh1a, treated, staff_guangzhou
):
    # All or nothing: a panel entered between preview and confirm refuses the whole file.
    client.force_login(staff_guangzhou)
    response = client.post(
        import_url(qh1a), {"file": csv_file(*good_rows(treated.screening_number))}
    )
    signed = response.context["form"].signed_content
    LabPanel.objects.create(
        subject=treated,
        panel="COAGULATION",
        timepoint="BASELINE",
        sampled_at=timezone.now() - dt.timedelta(days=3),
        created_by=staff_guangzhou,
    )
    response = client.post(import_url(qh1a), {"content": signed, "confirm": "1"})
    assert response.status_code == 422
    assert [(e.row, e.field) for e in response.context["form"].row_errors] == [(4, "panel")]
    assert LabPanel.objects.count() == 1 and not LabResult.objects.exists()


def test_rows_for_another_sites_subject_are_errors(
    client, qh1a, cips, treated, make_subject, staff_guangzhou
):
    # Only subjects of the sites where the user enters data; others read as unknown.
    beijing_subject = make_subject(cips, "enrolled")
    client.force_login(staff_guangzhou)
    rows = [f"{beijing_subject.screening_number},BASELINE,LIVER,{when(3)},BILI,30,,,"]
    response = client.post(import_url(qh1a), {"file": csv_file(*rows)})
    assert response.status_code == 422
    assert [(e.row, e.field) for e in response.context["form"].row_errors] == [
        (2, "screening_number")
    ]


def test_missing_columns_and_empty_upload(client, qh1a, treated, staff_guangzhou):
    client.force_login(staff_guangzhou)
    bad = SimpleUploadedFile("x.csv", b"number,value\nSYSU3-001,3\n")
    response = client.post(import_url(qh1a), {"file": bad})
    assert response.status_code == 422 and response.context["form"].row_errors[0].row == 1
    assert client.post(import_url(qh1a), {}).status_code == 422


def test_import_page_access(client, qh1a, treated, staff_beijing, monitor_guangzhou):
    assert client.get(import_url(qh1a)).status_code == 302  # login first
    client.force_login(staff_beijing)
    assert client.get(import_url(qh1a)).status_code == 404  # not a member of the study
    client.force_login(monitor_guangzhou)
    assert client.get(import_url(qh1a)).status_code == 403
    response = client.post(
        import_url(qh1a), {"file": csv_file(*good_rows(treated.screening_number))}
    )
    assert response.status_code == 403 and not LabResult.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not utf-8",
        HEADER.encode() + b"SYSU3-001,BASELINE,LIVER,2026-01-01 08:00,BILI,1\x00,,,\n",
        HEADER.encode() + b"SYSU3-001,BASELINE,LIVER,2026-13-45 08:00,BILI,1,,,\n",
        HEADER.encode() + b"SYSU3-001,BASELINE,LIVER,2026-01-01 08:00,BILI,1E40,,,\n",
        HEADER.encode() + b"SYSU3-001,BASELINE,LIVER,2026-01-01 08:00,BILI,NaN,,,\n",
        HEADER.encode() + b'SYSU3-001,BASELINE,LIVER,2026-01-01 08:00,BILI,"<script>",,,\n',
    ],
)
def test_hostile_files_are_a_4xx(client, qh1a, treated, staff_guangzhou, content):
    client.force_login(staff_guangzhou)
    response = client.post(import_url(qh1a), {"file": SimpleUploadedFile("x.csv", content)})
    assert response.status_code == 422
    assert "<script>" not in response.content.decode() and not LabResult.objects.exists()
