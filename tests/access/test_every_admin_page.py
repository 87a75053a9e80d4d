"""Access that holds in the admin: every page of every registered model, for each role.

The models come from admin.site._registry, so a model registered later is covered
without editing this file. For each: the changelist, add, change (a real row), history
and delete pages, for every demo role and for a monitor of another site.

- site staff and investigators have no admin: sent to the admin login;
- monitors, data managers and safety reviewers read their sites' rows (200) and can
  neither add, change nor delete (403); superuser-only pages (audit, accounts) are 403;
- another site's row answers 404, as a row that does not exist: nothing is disclosed;
- a monitor's POSTs (change, delete, add, changelist actions, every eCRF entry URL)
  change nothing in the database;
- no page answers 500 to anyone.
"""

import datetime as dt
import io

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from pghistory.models import Events

from ecrf import actions as core_actions
from ecrf import audit, form_registry
from ecrf.actions import ProtocolRefusal, clinical, locking, queries, signoff
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions import sessions as session_actions
from ecrf.actions import versions as version_actions
from ecrf.actions.exports import study_export
from ecrf.admin.core import ScopedAdmin
from ecrf.languages import account_language_choose
from ecrf.models import (
    AdverseEvent,
    CommitteeDecision,
    DataQuery,
    Deviation,
    LabPanel,
    Membership,
    Role,
    Site,
    Study,
    StudyRecord,
    Subject,
    TreatmentSession,
)
from studies.cips_bal.models import SmallForSizeOperation
from tests.adverse_events.conftest import ae_values, sae_values, serious
from tests.clinical.conftest import (
    diagnosis_values,
    history_values,
    liver_imaging_values,
    medication_values,
    procedure_values,
)

pytestmark = pytest.mark.django_db

ADMIN_ROLES = ["monitor", "datamanager", "safety"]
NO_ADMIN = ["staff", "investigator"]


def _records_at(subject, by, monitor):
    """Through the actions: every kind of casebook record for an enrolled demo subject
    that the demo lacks (its session, labs and AEs come from load_demo)."""
    clinical.medical_history_record(subject=subject, by=by, **history_values())
    if subject.study.package == "studies.cips_bal":
        # CiPS-BAL's own part of the diagnosis: the small-for-size operation (spec §2.5).
        clinical.liver_failure_record(
            subject=subject,
            by=by,
            study_parts={
                SmallForSizeOperation: {
                    "sfss_operation": "living_donor",
                    "sfss_operation_date": subject.consent_date,
                    "graft_weight_g": 520,
                }
            },
            **diagnosis_values(
                category="SFSS",
                guideline="SFSS",
                chronic_liver_disease=False,
                aetiology=[],
                cirrhosis="none",
            ),
        )
    else:
        clinical.liver_failure_record(subject=subject, by=by, **diagnosis_values())
    clinical.medication_record(subject=subject, by=by, **medication_values())
    clinical.procedure_record(subject=subject, by=by, **procedure_values())
    clinical.liver_imaging_record(subject=subject, by=by, **liver_imaging_values())
    clinical.vital_signs_record(
        subject=subject,
        by=by,
        timepoint="screening",
        measured_at=dt.datetime.combine(subject.screening_date, dt.time(8, 30)).astimezone(),
        systolic_bp=118,
        diastolic_bp=72,
        heart_rate=84,
    )
    session = TreatmentSession.objects.filter(subject=subject).first()
    with audit.reason("new_information", "ACT log found"):
        session_actions.session_update(
            session=session,
            by=by,
            values={},
            anticoagulation_checks=[
                {"measured_at": session.started_at + dt.timedelta(hours=1), "act_seconds": 180}
            ],
        )
    session_actions.deviation_report(
        subject=subject,
        by=by,
        category="other",
        description="Sample drawn late.",
        occurred_on=subject.screening_date,
        severity="minor",
    )
    ae = ae_actions.ae_report(
        subject=subject,
        by=by,
        sae=sae_values(),
        **ae_values(subject, ctcae_code="10021097", verbatim_term="Hypotension", **serious()),
    )
    ae_actions.ae_review(adverse_event=ae, by=monitor, comment="Seen.")
    query = queries.query_raise(record=session, text="Blood flow?", by=monitor)
    queries.query_answer(query=query, text="As per source.", by=by)
    clinical.disposition_record(
        subject=subject,
        by=by,
        status="completed",
        disposition_date=subject.enrolment.enrolment_date,
        survival_status_fs28="alive",
    )
    # Sign-off rows: the monitor verifies the AE, the investigator signs it.
    signoff.form_verify(record=ae, by=monitor)
    signoff.form_sign(record=ae, by=by, password="bal-demo-2026", meaning="approval")


@pytest.fixture
def casebooks(db, client):
    """The demo, plus one row of every registered model at each site where the actions
    allow it (QH-1A's Guangzhou always: it is "another site" for the outsider)."""
    call_command("load_demo", verbosity=0)
    users = {u.username: u for u in get_user_model().objects.all()}
    for number in ("SYSU3-001", "BFH-001"):
        _records_at(
            Subject.objects.get(screening_number=number), users["investigator"], users["monitor"]
        )
    Group.objects.create(name="Monitors")
    # The committee gate: a refused enrolment into the closed 6-hour cohort is logged
    # (GateRefusal); a decision on the 4-hour cohort (CommitteeDecision) is made with the
    # ORM, as the demo's cohort is still in its 28-day observation.
    qh1a = Study.objects.get(registry_id="NCT06996392")
    with pytest.raises(ProtocolRefusal):
        core_actions.subject_enrol(
            subject=Subject.objects.get(screening_number="SYSU3-005"),
            arm=qh1a.arms.get(code="QH6H"),
            by=users["staff"],
            enrolment_date=dt.date.today(),
            planned_first_treatment=dt.date.today() + dt.timedelta(days=3),
        )
    CommitteeDecision.objects.create(
        study=qh1a,
        arm=qh1a.arms.get(code="QH4H"),
        decision="expand",
        additional_subjects=1,
        rationale="One subject not evaluable.",
        meeting_date=dt.date.today(),
        signed_by=users["safety"],
        printed_name="Demo Safety",
        signature_meaning="Approval",
    )
    # A language chosen by a user (AccountPreference).
    account_language_choose(user=users["staff"], language="zh-hans")
    # An export by the data manager, through the real action (ExportLog).
    study_export(study=qh1a, fmt="csv", target=io.BytesIO(), by=users["datamanager"])
    # A re-consent (Reconsent) to the demo's made-up version 2.0, once the data manager
    # has put it in force at Guangzhou (SiteVersion; StudyVersion published by it).
    today = dt.date.today()
    version_actions.site_version_put_in_force(
        site=Site.objects.get(code="SYSU3"),
        number="2.0",
        by=users["datamanager"],
        password="bal-demo-2026",
        ethics_approved_on=today - dt.timedelta(days=1),
        in_force_from=today - dt.timedelta(days=1),
    )
    version_actions.reconsent_record(
        subject=Subject.objects.get(screening_number="SYSU3-001"),
        by=users["staff"],
        number="2.0",
        reconsent_date=today,
        consent_version="v2.0",
    )
    # A data manager's freeze of one form (DataLock), last: it refuses later writes.
    subject = Subject.objects.get(screening_number="SYSU3-001")
    locking.lock_set(
        study=subject.study,
        subject=subject,
        record=subject.procedures.first(),
        level="frozen",
        reason="Reviewed for the interim analysis.",
        by=users["datamanager"],
    )
    # A failed and a good sign-in (LoginEvent, django-axes' logs), a write in a request
    # (AuditContext) and a form's one-time key (SubmissionKey), the way they arise.
    assert not client.login(request=HttpRequest(), username="nobody", password="wrong")
    assert client.login(request=HttpRequest(), username="staff", password="bal-demo-2026")
    subject = Subject.objects.get(screening_number="SYSU3-002")
    new = reverse("ecrf:clinical_history_new", args=["NCT06996392", subject.screening_number])
    history = history_values()
    history["ongoing"] = "on"
    client.post(
        new, {**history, "version": 0, "idempotency_key": "0" * 8 + "-0000-4000-8000-" + "0" * 12}
    )
    client.logout()
    # django-axes keeps these logs only when settings ask for them, which ours do not; their
    # admin pages are registered all the same, so each gets a row to show.
    for log in (AccessFailureLog, AccessLog):
        log.objects.create(username="nobody", user_agent="", http_accept="", path_info="/")
    return users


def outsider():
    """A monitor of Beijing only: Guangzhou (QH-1A) is another site."""
    user = get_user_model().objects.create_user("outsider", password="x" * 12, is_staff=True)
    Membership.objects.create(user=user, site=Site.objects.get(code="BFH"), role=Role.MONITOR)
    return user


def registered():
    """(model, model admin) for every model in the admin, ecrf's, the studies' and Django's
    alike; not the models of a study the demo holds no site of (the suite's made-up third,
    tests/third_study, whose own test covers its admin page)."""
    held = set(Study.objects.filter(sites__isnull=False).values_list("package", flat=True))
    return sorted(
        (
            (model, model_admin)
            for model, model_admin in admin.site._registry.items()
            if model._meta.app_config.name not in settings.ECRF_STUDIES
            or model._meta.app_config.name in held
        ),
        key=lambda item: item[0]._meta.label,
    )


def home_site(model, guangzhou):
    """Where the model's rows are made: QH-1A's Guangzhou, or for a study's own model
    (studies/<study>/models.py) its study's first site."""
    package = model._meta.app_config.name
    if package in settings.ECRF_STUDIES:
        return Site.objects.filter(study__package=package).order_by("code").first()
    return guangzhou


def manager(model):
    # Voided rows are rows too: the admin must answer for them as for any other.
    return getattr(model, "all_objects", model._base_manager)


def row_at(model, model_admin, site):
    """A row of the model at the site, or None."""
    rows = manager(model).order_by("pk")
    if model is Site:
        return rows.filter(pk=site.pk).first()
    return rows.filter(**{model_admin.site_path: site}).first()


def any_row(model):
    return manager(model).order_by("pk").first()


def pages(model, pk):
    info = model._meta.app_label, model._meta.model_name
    named = {"changelist": (), "add": ()}
    if pk is not None:
        named |= {"change": (pk,), "history": (pk,), "delete": (pk,)}
    return {
        page: reverse(f"admin:{info[0]}_{info[1]}_{page}", args=args)
        for page, args in named.items()
    }


def test_every_scoped_model_has_a_row_at_guangzhou(casebooks):
    guangzhou = Site.objects.get(code="SYSU3")
    missing = [
        model.__name__
        for model, model_admin in registered()
        if isinstance(model_admin, ScopedAdmin)
        and row_at(model, model_admin, home_site(model, guangzhou)) is None
    ]
    assert missing == []
    for model, model_admin in registered():
        if not isinstance(model_admin, ScopedAdmin):
            assert any_row(model) is not None, model.__name__


@pytest.mark.parametrize("username", NO_ADMIN)
def test_roles_without_admin_are_sent_to_the_admin_login(client, casebooks, username):
    client.force_login(casebooks[username])
    for model, _model_admin in registered():
        row = any_row(model)
        for page, url in pages(model, row and row.pk).items():
            for method in (client.get, client.post):
                response = method(url)
                assert response.status_code == 302, (model.__name__, page)
                assert response.url.startswith(reverse("admin:login")), (model.__name__, page)


@pytest.mark.parametrize("username", ADMIN_ROLES)
def test_admin_roles_read_their_sites_and_change_nothing(client, casebooks, username):
    client.force_login(casebooks[username])
    for model, model_admin in registered():
        scoped = isinstance(model_admin, ScopedAdmin)
        row = any_row(model)
        for page, url in pages(model, row.pk).items():
            status = client.get(url).status_code
            expected = 200 if scoped and page in ("changelist", "change", "history") else 403
            assert status == expected, (model.__name__, page, status)


def test_superuser_reads_every_page_and_deletes_no_study_data(client, casebooks):
    client.force_login(casebooks["admin"])
    for model, _model_admin in registered():
        row = any_row(model)
        for page, url in pages(model, row.pk).items():
            status = client.get(url).status_code
            if page == "delete" and (
                model._meta.app_label == "ecrf" or issubclass(model, StudyRecord)
            ):
                assert status == 403, (model.__name__, page)  # never deleted, even so
            elif page == "add":
                assert status in (200, 403), (model.__name__, page, status)
            else:
                assert status == 200, (model.__name__, page, status)


def test_another_sites_rows_answer_404_as_if_they_did_not_exist(client, casebooks):
    client.force_login(outsider())
    guangzhou, beijing = Site.objects.get(code="SYSU3"), Site.objects.get(code="BFH")
    for model, model_admin in registered():
        if not isinstance(model_admin, ScopedAdmin):
            for page, url in pages(model, any_row(model).pk).items():
                assert client.get(url).status_code == 403, (model.__name__, page)
            continue
        theirs = row_at(model, model_admin, guangzhou)
        missing = pages(model, 10**9)
        # A CiPS-BAL model of its own has no row at QH-1A's Guangzhou: its changelist only.
        for page, url in pages(model, theirs.pk).items() if theirs else ():
            response = client.get(url)
            # The same answer as for a row that does not exist at all.
            assert response.status_code == client.get(missing[page]).status_code, (model, page)
            if page in ("change", "history"):
                assert response.status_code == 404, (model.__name__, page)
            assert str(theirs).encode() not in response.content or page == "changelist"
        changelist = client.get(pages(model, None)["changelist"])
        assert changelist.status_code == 200, model.__name__
        # The filters name the user's own studies and sites only, not Guangzhou's.
        content = changelist.content.decode()
        for name in (guangzhou.code, guangzhou.name, guangzhou.study.registry_id):
            assert name not in content, (model.__name__, name)
        own = row_at(model, model_admin, beijing)
        if own is not None:
            assert client.get(pages(model, own.pk)["change"]).status_code == 200, model


def snapshot():
    """Every row's version (or every row, for models without one) and the audit trail."""
    state = {"events": Events.objects.count()}
    for model, _model_admin in registered():
        rows = manager(model).order_by("pk")
        if issubclass(model, StudyRecord):
            state[model._meta.label] = list(rows.values_list("pk", "version", "voided_at"))
        else:
            state[model._meta.label] = [
                tuple(values.values())
                for values in rows.values(
                    *[f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
                )
            ]
    return state


def test_a_monitor_cannot_edit_through_the_admin(client, casebooks):
    monitor = casebooks["monitor"]
    client.force_login(monitor)
    before = snapshot()
    for model, _model_admin in registered():
        row = any_row(model)
        urls = pages(model, row.pk)
        data = {
            f.name: "1"
            for f in model._meta.concrete_fields
            if not isinstance(f, models.AutoField) and not f.is_relation
        }
        assert client.post(urls["add"], data).status_code == 403, model.__name__
        assert client.post(urls["change"], data).status_code == 403, model.__name__
        assert client.post(urls["delete"], {"post": "yes"}).status_code == 403, model.__name__
        # Actions on the changelist: delete_selected is not offered, so it does nothing.
        for action in ("delete_selected", "no_such_action"):
            response = client.post(
                urls["changelist"],
                {"action": action, "_selected_action": [row.pk], "index": 0, "post": "yes"},
            )
            assert response.status_code in (200, 302, 403), (model.__name__, action)
    assert snapshot() == before


def test_a_monitor_cannot_change_data_through_any_ecrf_url(client, casebooks):
    """Every eCRF URL that takes a record, filled with a real record of its kind."""
    monitor = casebooks["monitor"]
    subject = Subject.objects.get(screening_number="SYSU3-001")
    ids = {"registry_id": "NCT06996392", "number": subject.screening_number}
    record_of = {
        "clinical_history_edit": subject.medical_history.first(),
        "clinical_vitals_edit": subject.vital_signs.filter(session=None).first(),
        "clinical_medication_edit": subject.medications.first(),
        "clinical_procedure_edit": subject.procedures.first(),
        "session_deviation_explain": Deviation.objects.filter(subject=subject).first(),
        "query_answer": DataQuery.objects.filter(subject=subject).first(),
    }
    ae = AdverseEvent.objects.filter(subject=subject).first()
    session = TreatmentSession.objects.filter(subject=subject).first()
    panel = LabPanel.objects.filter(subject=subject).first()
    urls = [
        reverse(f"ecrf:{name}", kwargs={"registry_id": ids["registry_id"], "pk": row.pk})
        if name.startswith(("session_deviation", "query"))
        else reverse(f"ecrf:{name}", kwargs={**ids, "pk": row.pk})
        for name, row in record_of.items()
    ]
    urls += [
        reverse(f"ecrf:{name}", kwargs=ids)
        for name in (
            "subject_edit",
            "eligibility",
            "enrol",
            "screen_failure",
            "clinical_history_new",
            "clinical_liver_failure_edit",
            "clinical_vitals_new",
            "clinical_medication_new",
            "clinical_procedure_new",
            "clinical_disposition_edit",
            "session_new",
            "session_deviation_new",
            "labs_clinical_status",
            "ae_new",
            "reconsent_new",
        )
    ]
    urls += [
        reverse("ecrf:ae_edit", kwargs={**ids, "ae_number": ae.number}),
        reverse("ecrf:session_edit", kwargs={**ids, "session_number": session.number}),
        reverse(
            "ecrf:labs_panel", kwargs={**ids, "timepoint": panel.timepoint, "panel": panel.panel}
        ),
        reverse("ecrf:subject_new", kwargs={"registry_id": ids["registry_id"]}),
        reverse("ecrf:labs_import", kwargs={"registry_id": ids["registry_id"]}),
    ]
    for model in form_registry.form_models(voidable=True):
        model_name = model._meta.model_name
        row = model.all_objects.filter(**{f"{_subject_path(model)}": subject}).first()
        assert row is not None, model_name
        urls.append(
            reverse("ecrf:integrity_void", kwargs={**ids, "model_name": model_name, "pk": row.pk})
        )
    client.force_login(monitor)
    before = snapshot()
    for url in urls:
        response = client.post(url, {"reason": "x", "text": "x", "explanation": "x"})
        assert response.status_code in (403, 405), (url, response.status_code)
    assert snapshot() == before


def _subject_path(model) -> str:
    return "subject" if any(f.name == "subject" for f in model._meta.fields) else "session__subject"
