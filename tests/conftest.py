"""Fixtures named after roles and sites, built through the real actions.

`make_subject(study, "enrolled")` arranges a subject in any state with one call.
"""

import datetime as dt
import os
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone, translation

from ecrf import actions
from ecrf.models import Membership, Role, Site

# Every test runs at this instant (the frozen_clock fixture), so that what a test means by
# "today" does not depend on when or where the suite runs. The default is half past
# midnight at the sites (Asia/Shanghai): the sites' date is a day ahead of UTC's, the
# hour at which two tests once failed. ECRF_TEST_NOW (ISO 8601 with its offset) runs the
# suite at another instant, e.g. ECRF_TEST_NOW=2026-11-30T23:59:00+08:00. It must come
# after the demo's dates (fixtures/demo.json: up to 2026-11-21), and before the real
# clock: PostgreSQL's now() (the audit trail's times) keeps the real one.
NOW = dt.datetime.fromisoformat(os.environ.get("ECRF_TEST_NOW", "2026-12-01T00:30:00+08:00"))
if NOW.tzinfo is None:
    raise ValueError("ECRF_TEST_NOW needs its UTC offset, e.g. 2026-12-01T00:30:00+08:00")
# The sites' date at that instant: the day the app calls today (TIME_ZONE, as both sites').
TODAY = NOW.astimezone(zoneinfo.ZoneInfo(django_settings.TIME_ZONE)).date()


@pytest.fixture(autouse=True)
def frozen_clock(request):
    """Python's clock stands at NOW for the test (it ticks on from there, so that timeouts
    still run out). Tests marked real_clock keep the real one: they span a clock this
    cannot move (PostgreSQL's now(), a gunicorn process, a browser) and date their records
    relative to it."""
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    # In UTC, so that the process's own time zone (TZ) stays what the runner chose.
    with time_machine.travel(NOW.astimezone(dt.UTC), tick=True):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker):
    """The suite's database, migrated once by the owner role as an install is (our
    `migrate` connects as DATABASE_OWNER_URL and then grants the runtime role its
    privileges); the app under test connects as the runtime role (DATABASE_URL) and may
    do only what production's may. Replaces pytest-django's, which would create a test
    database as the app's role: that role may not create one (tests/embedded_postgres.py)."""
    with django_db_blocker.unblock():
        call_command("migrate", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # PBKDF2 at 1.5 M iterations costs ~300 ms a login; tests need not pay it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_session_refresh(settings):
    # A signed-in session is saved again at most once a minute (ecrf.middleware.
    # keep_session_alive): a slow test would see a page's query count vary with the
    # clock. Never in tests, but in the tests of that refresh (tests/audit/test_security.py).
    settings.SESSION_REFRESH_SECONDS = float("inf")


@pytest.fixture(autouse=True)
def english_after_each_test():
    # A request answered in Chinese leaves Chinese active in the test's thread (Django
    # activates the request's language and, outside a server, nothing resets it).
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


# The day the fixture sites' protocol version 1.0 is in force from (issue 21): before
# every date a test screens on.
VERSION_1_IN_FORCE_FROM = TODAY - dt.timedelta(days=400)


def put_in_force(site, number="1.0", *, on=VERSION_1_IN_FORCE_FROM):
    """Put a protocol version in force at a site from `on` (ethics approval that day),
    through the real action, signed by the site's data manager for versions, "protocol_dm"
    (not the role fixtures' data managers). Returns the SiteVersion."""
    from ecrf.actions.versions import site_version_put_in_force

    # create_user() gives a new account its first password: no "password changed" event,
    # which the password tests count.
    User = get_user_model()
    signer = User.objects.filter(username="protocol_dm").first() or User.objects.create_user(
        "protocol_dm", password="correct-horse-battery"
    )
    Membership.objects.get_or_create(user=signer, site=site, defaults={"role": Role.DATA_MANAGER})
    return site_version_put_in_force(
        site=site,
        number=number,
        by=signer,
        password="correct-horse-battery",
        ethics_approved_on=on,
        in_force_from=on,
    )


def amend_options(study, options):
    """Change a study's options as the admin does (issue 21): a new protocol version,
    put in force at every site of the study the day after its latest, so that subjects
    screened from then on (every test's, dated near TODAY) are screened under it. Subjects
    already registered stay on their version. Returns the new StudyVersion."""
    from ecrf.actions.versions import study_options_amend

    signer = get_user_model().objects.get_or_create(username="protocol_dm")[0]
    version = study_options_amend(
        study=study, options=options, summary="Changed for the test.", by=signer
    )
    for site in study.sites.all():
        latest = site.versions.order_by("-in_force_from").first()
        if latest is None:  # a site with no version in force screens nobody: left so
            continue
        put_in_force(site, version.number, on=latest.in_force_from + dt.timedelta(days=1))
    study.refresh_from_db()
    return version


def reconsent_to(subject, version, *, on=None):
    """Re-consent a subject to a later version (issue 21), through the real action, on
    their consent date unless `on` says: from then on they are judged by it."""
    from ecrf.actions.versions import reconsent_record

    return reconsent_record(
        subject=subject,
        by=subject.created_by,
        number=version.number,
        reconsent_date=on or subject.consent_date,
        consent_version=f"v{version.number}",
    )


@pytest.fixture
def qh1a(db):
    study = actions.protocol_sync(study_package="studies.qh1a")
    put_in_force(
        Site.objects.create(
            study=study, code="SYSU3", name="Third Affiliated Hospital, SYSU", city="Guangzhou"
        )
    )
    return study


@pytest.fixture
def cips(db):
    study = actions.protocol_sync(study_package="studies.cips_bal")
    put_in_force(
        Site.objects.create(
            study=study, code="BFH", name="Beijing Friendship Hospital", city="Beijing"
        )
    )
    return study


@pytest.fixture
def guangzhou(qh1a):
    return qh1a.sites.get(code="SYSU3")


@pytest.fixture
def beijing(cips):
    return cips.sites.get(code="BFH")


@pytest.fixture
def zhuhai(qh1a):
    """A second site of QH1A, for what one site must not see of another (issue 17). Its
    code sorts after SYSU3: make_subject(qh1a) still registers at Guangzhou."""
    site = Site.objects.create(
        study=qh1a, code="SYSU5", name="Fifth Affiliated Hospital, SYSU", city="Zhuhai"
    )
    put_in_force(site)
    return site


def make_user(username, role=None, sites=(), *, is_staff=False):
    user = get_user_model().objects.create_user(
        username, password="correct-horse-battery", is_staff=is_staff
    )
    for site in sites:
        Membership.objects.create(user=user, site=site, role=role)
    return user


@pytest.fixture
def staff_guangzhou(guangzhou):
    return make_user("staff_gz", Role.SITE_STAFF, [guangzhou])


@pytest.fixture
def investigator_guangzhou(guangzhou):
    return make_user("investigator_gz", Role.INVESTIGATOR, [guangzhou])


@pytest.fixture
def monitor_guangzhou(guangzhou):
    return make_user("monitor_gz", Role.MONITOR, [guangzhou], is_staff=True)


@pytest.fixture
def safety_reviewer_guangzhou(guangzhou):
    return make_user("reviewer_gz", Role.SAFETY_REVIEWER, [guangzhou], is_staff=True)


@pytest.fixture
def staff_zhuhai(zhuhai):
    return make_user("staff_zh", Role.SITE_STAFF, [zhuhai])


@pytest.fixture
def data_manager_guangzhou(guangzhou, zhuhai):
    """A data manager of one of QH1A's two sites."""
    return make_user("dm_guangzhou", Role.DATA_MANAGER, [guangzhou], is_staff=True)


@pytest.fixture
def data_manager_zhuhai(zhuhai):
    return make_user("dm_zhuhai", Role.DATA_MANAGER, [zhuhai], is_staff=True)


@pytest.fixture
def data_manager_qh1a(guangzhou, zhuhai):
    """A data manager at both sites of QH1A: the whole study's."""
    return make_user("dm_qh1a", Role.DATA_MANAGER, [guangzhou, zhuhai], is_staff=True)


@pytest.fixture
def staff_beijing(beijing):
    return make_user("staff_bj", Role.SITE_STAFF, [beijing])


@pytest.fixture
def monitor_beijing(beijing):
    return make_user("monitor_bj", Role.MONITOR, [beijing], is_staff=True)


def demographics(**overrides):
    """A 50-year-old man consented and screened two days ago."""
    values = {
        "sex": "M",
        "date_of_birth": TODAY.replace(year=TODAY.year - 50) - dt.timedelta(days=10),
        "height_cm": Decimal("170.0"),
        "weight_kg": Decimal("65.0"),
        "consent_date": TODAY - dt.timedelta(days=2),
        "consent_version": "v1.0",
        "screening_date": TODAY - dt.timedelta(days=2),
    }
    values.update(overrides)
    return values


def eligible_answers(study):
    return {c.code: c.kind == "inclusion" for c in study.protocol.asked_criteria}


@pytest.fixture
def make_subject(db):
    """make_subject(study, state, arm=..., site=..., **demographics) -> Subject (at the
    study's first site unless `site` says).

    States: "screening", "eligible", "enrolled", "screen_failed".
    """

    def make(
        study, state="screening", *, arm=None, planned_first_treatment=None, site=None, **overrides
    ):
        site = site or study.sites.first()
        by = get_user_model().objects.get_or_create(username=f"entry_{site.code}")[0]
        Membership.objects.get_or_create(user=by, site=site, defaults={"role": Role.SITE_STAFF})
        subject = actions.subject_register(site=site, by=by, **demographics(**overrides))
        if state == "screening":
            return subject
        actions.eligibility_record(subject=subject, answers=eligible_answers(study), by=by)
        if state == "eligible":
            return subject
        if state == "enrolled":
            actions.subject_enrol(
                subject=subject,
                arm=arm or study.arms.get(is_open=True, order=1),
                by=by,
                enrolment_date=TODAY,
                planned_first_treatment=planned_first_treatment or TODAY + dt.timedelta(days=2),
            )
        elif state == "screen_failed":
            actions.subject_screen_fail(
                subject=subject,
                by=by,
                date=TODAY,
                failed_criteria=[],
                other_reason="Withdrew consent",
            )
        subject.refresh_from_db()
        return subject

    return make


@pytest.fixture
def make_session(db):
    """make_session(subject, number=1, minutes=240, **fields) -> TreatmentSession.

    Built with the ORM until the session action exists; prefer the action once it does.
    """

    from ecrf.models import TreatmentSession

    def make(subject, number=1, minutes=240, start=None, **fields):
        start = start or timezone.now() - dt.timedelta(days=1)
        values = {
            "planned_minutes": 240,
            "weight_kg": Decimal("65.0"),
            "access_site": "femoral",
            "access_side": "right",
            "catheter_type": "non_tunnelled",
            "catheter_size_fr": Decimal("12.0"),
            "blood_flow_ml_min": 120,
            "plasma_flow_ml_min": 30,
            "anticoagulation": "ufh",
            "cell_lot": "LOT-001",
            "total_cells_e9": Decimal("10.000"),
            "viability_percent": Decimal("90.0"),
        }
        values.update(fields)
        return TreatmentSession.objects.create(
            subject=subject,
            number=number,
            started_at=start,
            ended_at=start + dt.timedelta(minutes=minutes),
            gross_minutes=minutes,
            net_minutes=minutes,
            created_by=subject.created_by,
            **values,
        )

    return make
