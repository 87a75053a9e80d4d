"""Site scope of exports (issue 17, item 2): an export holds only the rows of the sites
where the user is a data manager; a study-wide export needs the data manager role at
every site of the study; the page and the export log say which sites an export covers.
QH1A here has two sites, Guangzhou (SYSU3) and Zhuhai (SYSU5), each with one subject."""

import csv
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from lxml import etree

from ecrf.actions.adverse_events import ae_report
from ecrf.actions.exports import study_export
from ecrf.models import ExportLog, Role
from tests.adverse_events.conftest import ae_values
from tests.conftest import make_user
from tests.signoff.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}


@pytest.fixture
def two_sites(qh1a, guangzhou, zhuhai, make_subject, investigator_guangzhou):
    """One enrolled subject with an AE at each site: (Guangzhou's, Zhuhai's)."""
    investigator_zhuhai = make_user("investigator_zh", Role.INVESTIGATOR, [zhuhai])
    subjects = []
    for site, investigator in ((guangzhou, investigator_guangzhou), (zhuhai, investigator_zhuhai)):
        subject = make_subject(qh1a, "enrolled", site=site)
        ae_report(subject=subject, by=investigator, sae=None, **ae_values(subject))
        subjects.append(subject)
    return subjects


def _login(client, user):
    assert client.login(request=HttpRequest(), username=user.username, password=PASSWORD)


def _download(client, study, fmt) -> bytes:
    response = client.post(reverse("ecrf:export_download", args=[study.registry_id, fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _csv(archive, name) -> list[dict]:
    return list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))


def test_one_sites_data_manager_exports_only_that_sites_rows(
    client, qh1a, two_sites, data_manager_guangzhou
):
    ours, theirs = two_sites
    _login(client, data_manager_guangzhou)
    archive = zipfile.ZipFile(io.BytesIO(_download(client, qh1a, "csv")))
    subjects = _csv(archive, "subject.csv")
    assert [row["screening_number"] for row in subjects] == [ours.screening_number]
    assert {row["site"] for row in _csv(archive, "adverseevent.csv")} == {"SYSU3"}
    assert "Sites: SYSU3." in archive.read("README.txt").decode()

    odm = etree.fromstring(_download(client, qh1a, "odm"))
    keys = [s.get("SubjectKey") for s in odm.iterfind(".//odm:SubjectData", NS)]
    assert keys == [ours.screening_number]
    assert [loc.get("OID") for loc in odm.iterfind(".//odm:Location", NS)] == ["LOC.SYSU3"]
    users = {u.text for u in odm.iterfind(".//odm:LoginName", NS)}
    assert "investigator_zh" not in users

    sdtm = zipfile.ZipFile(io.BytesIO(_download(client, qh1a, "sdtm")))
    dm = _csv(sdtm, "dm.csv")
    assert [row["USUBJID"] for row in dm] == [f"{qh1a.registry_id}-{ours.screening_number}"]
    assert len(_csv(sdtm, "ae.csv")) == 1
    assert "Sites: SYSU3." in sdtm.read("README.txt").decode()
    assert theirs.screening_number not in sdtm.read("ae.csv").decode()

    logs = ExportLog.objects.filter(exported_by=data_manager_guangzhou)
    assert {tuple(log.sites) for log in logs} == {("SYSU3",)}


def test_study_wide_export_needs_a_data_manager_at_every_site(
    client, qh1a, two_sites, data_manager_qh1a
):
    _login(client, data_manager_qh1a)
    page = client.get(reverse("ecrf:exports", args=[qh1a.registry_id]))
    assert "SYSU3, SYSU5 (every site of the study)" in page.content.decode()
    archive = zipfile.ZipFile(io.BytesIO(_download(client, qh1a, "csv")))
    assert {row["site"] for row in _csv(archive, "subject.csv")} == {"SYSU3", "SYSU5"}
    assert "Sites: SYSU3, SYSU5 (every site of the study)." in archive.read("README.txt").decode()
    assert ExportLog.objects.get().sites == ["SYSU3", "SYSU5"]


def test_the_page_names_the_sites_and_lists_only_exports_of_them(
    client, qh1a, two_sites, data_manager_guangzhou, data_manager_zhuhai, data_manager_qh1a
):
    study_export(study=qh1a, fmt="csv", target=io.BytesIO(), by=data_manager_zhuhai)
    study_export(study=qh1a, fmt="odm", target=io.BytesIO(), by=data_manager_qh1a)
    study_export(study=qh1a, fmt="csv", target=io.BytesIO(), by=data_manager_guangzhou)
    _login(client, data_manager_guangzhou)
    page = client.get(reverse("ecrf:exports", args=[qh1a.registry_id])).content.decode()
    assert "where you are a data manager: SYSU3." in page
    assert page.count("<code>") == 1  # their own; not Zhuhai's, not the study-wide one
    _login(client, data_manager_qh1a)
    page = client.get(reverse("ecrf:exports", args=[qh1a.registry_id])).content.decode()
    assert page.count("<code>") == 3


def test_the_admins_export_log_shows_a_site_only_its_own_exports(
    client, qh1a, two_sites, data_manager_guangzhou, data_manager_zhuhai
):
    study_export(study=qh1a, fmt="csv", target=io.BytesIO(), by=data_manager_zhuhai)
    mine = study_export(study=qh1a, fmt="csv", target=io.BytesIO(), by=data_manager_guangzhou)
    _login(client, data_manager_guangzhou)
    page = client.get(reverse("admin:ecrf_exportlog_changelist"))
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [mine]


def test_an_export_of_a_site_where_the_user_is_no_data_manager_is_refused(
    qh1a, two_sites, zhuhai, data_manager_guangzhou
):
    with pytest.raises(PermissionDenied):
        study_export(
            study=qh1a, fmt="csv", target=io.BytesIO(), by=data_manager_guangzhou, sites=[zhuhai]
        )
    assert not ExportLog.objects.exists()


def test_other_roles_and_other_studies_are_refused(
    client, qh1a, two_sites, staff_zhuhai, investigator_guangzhou, beijing
):
    url = reverse("ecrf:export_download", args=[qh1a.registry_id, "csv"])
    for user in (staff_zhuhai, investigator_guangzhou):  # members, not data managers: 403
        _login(client, user)
        assert client.get(reverse("ecrf:exports", args=[qh1a.registry_id])).status_code == 403
        assert client.post(url).status_code == 403
    _login(client, make_user("dm_bj", Role.DATA_MANAGER, [beijing]))
    assert client.post(url).status_code == 404
    assert not ExportLog.objects.exists()


def test_the_command_exports_the_sites_it_is_told(qh1a, two_sites, tmp_path):
    output = tmp_path / "zhuhai.zip"
    call_command(
        "export_study", qh1a.registry_id, format="csv", output=str(output), site_codes=["SYSU5"]
    )
    archive = zipfile.ZipFile(output)
    assert [row["site"] for row in _csv(archive, "subject.csv")] == ["SYSU5"]
    assert ExportLog.objects.get().sites == ["SYSU5"]
    with pytest.raises(Exception, match="No site XX"):
        call_command(
            "export_study", qh1a.registry_id, format="csv", output=str(output), site_codes=["XX"]
        )
