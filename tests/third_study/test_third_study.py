"""The made-up third study (issue 20 item 3) is one package and one settings line: the suite
screens, enrols, treats and exports a subject of it through the real pages, and the
schedule, the device checks and its own field come from its package alone."""

import csv
import datetime as dt
import io
import zipfile

import pyreadstat
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from ecrf import actions, form_registry
from ecrf.models import DeviceCheck, Membership, Role, Site, Subject, SubjectStatus
from ecrf.schedule import subject_schedule
from tests.conftest import TODAY, demographics, make_user, put_in_force
from tests.third_study.models import AmmoniaClearance

pytestmark = pytest.mark.django_db

PACKAGE = "tests.third_study"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}


@pytest.fixture
def third(db):
    study = actions.protocol_sync(study_package=PACKAGE)
    # Its version 1.0 in force at its site, as at every site (issue 21).
    put_in_force(Site.objects.create(study=study, code="T3S", name="Made-up", city="Nowhere"))
    return study


@pytest.fixture
def staff_third(third):
    return make_user("staff_t3", Role.SITE_STAFF, [third.sites.get()])


@pytest.fixture
def data_manager_third(third):
    return make_user("dm_t3", Role.DATA_MANAGER, [third.sites.get()], is_staff=True)


def url(name, study, subject=None, **kwargs):
    kwargs["registry_id"] = study.registry_id
    if subject is not None:
        kwargs["number"] = subject.screening_number
    return reverse(f"ecrf:{name}", kwargs=kwargs)


def local(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def session_post(start: dt.datetime, **extra) -> dict:
    """The made-up study's session form: the core's fields, its two device checks and
    its ammonia clearance, without logs."""
    data = {
        "started_at": local(start),
        "ended_at": local(start + dt.timedelta(minutes=300)),
        "weight_kg": "65.0",
        "access_site": "femoral",
        "access_side": "right",
        "catheter_type": "non_tunnelled",
        "catheter_size_fr": "12",
        "blood_flow_ml_min": "120",
        "plasma_flow_ml_min": "30",
        "anticoagulation": "ufh",
        "cell_lot": "T3-LOT-1",
        "total_cells_e9": "10",
        "viability_percent": "90",
        "completed_as_planned": "True",
        "form_status": "complete",
        "device_OXYGENATOR": "pass",
        "device_NO_HAEMOLYSIS": "fail",
        "device_NO_HAEMOLYSIS_comment": "Pink plasma at 3 h",
        "clearance_percent": "42.5",
    }
    for prefix in ("interruptions", "anticoagulation", "vitals"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | extra


def test_it_is_added_by_its_package_and_one_settings_line():
    # Production's settings do not know it; the suite's add exactly the package.
    from ecrf import settings as production

    assert PACKAGE not in production.ECRF_STUDIES
    assert settings.ECRF_STUDIES == [*production.ECRF_STUDIES, PACKAGE]
    assert set(settings.INSTALLED_APPS) - set(production.INSTALLED_APPS) == {PACKAGE}
    # Its own field is a part of the core session form, from its package's registry entry.
    assert "ammonia_clearance" in form_registry.parts_of(
        AmmoniaClearance._meta.get_field("session").related_model
    )
    # manage.py check passes with it, and its migrations match its model.
    call_command("check")
    call_command("makemigrations", "third_study", check=True, dry_run=True, verbosity=0)


def test_screen_enrol_treat_and_export_a_subject(
    client, third, staff_third, data_manager_third, tmp_path
):
    client.force_login(staff_third)
    # Screening: registration and the eligibility checklist of its two criteria.
    values = {k: ("" if v is None else v) for k, v in demographics().items()}
    assert client.post(url("subject_new", third), values).status_code == 302
    subject = Subject.objects.get(study=third)
    answers = {"IN01": "yes", "EX01": "no"}
    assert client.post(url("eligibility", third, subject), answers).status_code == 302
    # Enrolment in its one arm, dated the screening day (entered late, with the reason).
    enrolment = {
        "arm": third.arms.get(code="T3TWO").pk,
        "enrolment_date": subject.screening_date.isoformat(),
        "planned_first_treatment": (TODAY - dt.timedelta(days=1)).isoformat(),
        "reason": "Entered from the paper enrolment log",
    }
    assert client.post(url("enrol", third, subject), enrolment).status_code == 302
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.ENROLLED

    # Its schedule, from its protocol module: two sessions, then day 2 and day 21 after
    # the final one (not the real trials' FS+1/3/7/14/28).
    codes = [visit.code for visit in subject_schedule(subject)]
    assert codes == ["SCR", "S1", "S2", "FS+2", "FS+21"]

    # Treatment: the session form offers its device checks and its own field.
    page = client.get(url("session_new", third, subject))
    form = page.context["form"]
    assert {"device_OXYGENATOR", "device_NO_HAEMOLYSIS", "clearance_percent"} <= set(form.fields)
    assert "functional_percent" not in form.fields  # CiPS-BAL's field is not offered
    bad = session_post(dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(8)))
    response = client.post(url("session_new", third, subject), bad | {"clearance_percent": "101"})
    assert response.status_code == 422 and "clearance_percent" in response.context["form"].errors
    start = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(8))
    response = client.post(url("session_new", third, subject), session_post(start))
    assert response.status_code == 302
    session = subject.sessions.get()
    checks = {c.criterion: c.passed for c in DeviceCheck.objects.filter(session=session)}
    assert checks == {"OXYGENATOR": True, "NO_HAEMOLYSIS": False}
    assert AmmoniaClearance.objects.get(session=session).clearance_percent == 42.5
    detail = client.get(url("session_detail", third, subject, session_number=1))
    content = detail.content.decode()
    assert "Bioreactor ammonia clearance (%)" in content and "42.5" in content
    assert detail.context["device_passed"] is False  # one criterion failed

    # Its data manager reviews the field in the admin (read-only, scoped to the site).
    client.force_login(data_manager_third)
    part = AmmoniaClearance.objects.get(session=session)
    admin_page = reverse("admin:third_study_ammoniaclearance_change", args=[part.pk])
    assert client.get(admin_page).status_code == 200
    assert client.post(admin_page, {"clearance_percent": "1"}).status_code == 403

    # Exports by its data manager: CSV, ODM and SDTM, each with its field.
    documents = {}
    for fmt in ("csv", "odm", "sdtm"):
        response = client.post(url("export_download", third, fmt=fmt))
        assert response.status_code == 200, fmt
        documents[fmt] = b"".join(response.streaming_content)

    archive = zipfile.ZipFile(io.BytesIO(documents["csv"]))
    rows = list(csv.DictReader(io.StringIO(archive.read("ammoniaclearance.csv").decode())))
    assert [row["clearance_percent"] for row in rows] == ["42.5"]
    assert {"devicecheck.csv", "treatmentsession.csv"} <= set(archive.namelist())
    assert "functionalhepatocytes.csv" not in archive.namelist()  # CiPS-BAL's own
    dictionary = archive.read("data_dictionary.csv").decode()
    assert "ammoniaclearance,clearance_percent" in dictionary and "NH3CLR in SUPPEX" in dictionary

    odm = etree.fromstring(documents["odm"])
    items = {item.get("ItemOID"): item.get("Value") for item in odm.iterfind(".//odm:ItemData", NS)}
    assert items["IT.AMMONIACLEARANCE.CLEARANCE_PERCENT"] == "42.5"

    sdtm = zipfile.ZipFile(io.BytesIO(documents["sdtm"]))
    path = tmp_path / "suppex.xpt"
    path.write_bytes(sdtm.read("suppex.xpt"))
    suppex, _meta = pyreadstat.read_xport(str(path))
    values = dict(zip(suppex.QNAM, suppex.QVAL, strict=True))
    labels = dict(zip(suppex.QNAM, suppex.QLABEL, strict=True))
    assert values["NH3CLR"] == "42.5"
    assert labels["NH3CLR"] == "Bioreactor Ammonia Clearance (%)"
    # define.xml names the qualifier, collected by the investigator (its registry entry).
    define = sdtm.read("define.xml").decode()
    assert "NH3CLR" in define


def test_another_sites_user_cannot_see_it(client, third, staff_beijing):
    client.force_login(staff_beijing)
    assert client.get(url("study", third)).status_code == 404
    assert Membership.objects.filter(user=staff_beijing, site__study=third).count() == 0
