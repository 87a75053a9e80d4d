"""Every write is in the audit trail with old and new values, whichever path made it
(21 CFR 11.10(e): "computer-generated, time-stamped audit trails to independently record
the date and time of operator entries and actions that create, modify, or delete
electronic records"); a request's writes also name the user and the request."""

import pghistory
import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from ecrf import audit
from ecrf.models import Membership, Role, Subject
from tests.audit.conftest import update_to
from tests.conftest import demographics

pytestmark = pytest.mark.django_db


def edit_url(subject):
    return reverse(
        "ecrf:subject_edit",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def as_post(values):
    return {k: ("" if v is None else v) for k, v in values.items()}


def admin_post_data(response, **changes):
    """The admin change form's current values, with `changes` applied."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    data.update(changes)
    return data


def test_every_path_of_change_is_in_the_trail(
    client, qh1a, staff_guangzhou, superuser, make_subject
):
    subject = make_subject(qh1a)
    # Outside any request first: a shell's raw SQL and a queryset update() (in a test,
    # one transaction holds everything, and a request's context would carry over).
    with connection.cursor() as cursor:
        cursor.execute("UPDATE ecrf_subject SET height_cm = 171.5 WHERE id = %s", [subject.pk])
    Subject.objects.filter(pk=subject.pk).update(consent_version="v1.1")

    # A form: the registration edit screen. The registration was saved complete, so the
    # change carries its reason (issue 4).
    subject.refresh_from_db()
    client.force_login(staff_guangzhou)
    values = demographics(weight_kg="70.5", height_cm="171.5", consent_version="v1.1") | {
        "version": subject.version,
        "change_reason": "entry_error",
        "change_reason_detail": "weight from the wrong chart",
    }
    response = client.post(
        edit_url(subject), as_post(values), HTTP_X_REQUEST_ID="form-request-0001"
    )
    assert response.status_code == 302
    assert response["X-Request-ID"] == "form-request-0001"

    # The admin, as a superuser.
    client.force_login(superuser)
    change = reverse("admin:ecrf_subject_change", args=[subject.pk])
    page = client.get(change)
    # The admin asks for a reason on every change of a study record, and carries the
    # version it showed.
    data = admin_post_data(
        page,
        consent_version="v2.0",
        change_reason="source_corrected",
        change_reason_detail="consent re-signed on v2.0",
    )
    subject.refresh_from_db()
    assert str(data["seen_version"]) == str(subject.version)
    response = client.post(change, data, HTTP_X_REQUEST_ID="admin-request-0001")
    assert response.status_code == 302, response.content.decode()[:2000]

    trail = audit.subject_history(subject)
    raw_sql, change_sql = update_to(trail, "height_cm", 171.5)
    assert change_sql.old == 170.0 and raw_sql.username == "" and raw_sql.request_id == ""
    bulk, change_bulk = update_to(trail, "consent_version", "v1.1")
    assert change_bulk.old == "v1.0" and bulk.context == {}
    form, change_form = update_to(trail, "weight_kg", 70.5)
    assert change_form.old == 65.0
    assert form.username == "staff_gz" and form.user_id == staff_guangzhou.pk
    assert form.request_id == "form-request-0001"
    assert form.context["method"] == "POST" and form.context["url"] == edit_url(subject)
    assert form.reason == "Data entry error"
    assert form.reason_detail == "weight from the wrong chart"
    # The form bumped the version in the same event.
    assert {c.column for c in form.changes} >= {"weight_kg", "version", "updated_at"}
    admin, change_admin = update_to(trail, "consent_version", "v2.0")
    assert change_admin.old == "v1.1"
    assert admin.username == "admin_audit" and admin.request_id == "admin-request-0001"
    assert admin.reason == "Source document corrected"
    assert admin.reason_detail == "consent re-signed on v2.0"
    assert admin.at.utcoffset().total_seconds() == 0  # stored and read in UTC


def test_the_request_id_is_made_when_missing_or_unsafe(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    made = client.get(reverse("ecrf:home"))["X-Request-ID"]
    assert len(made) == 32 and made.isalnum()
    unsafe = client.get(reverse("ecrf:home"), HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert "<" not in unsafe["X-Request-ID"] and len(unsafe["X-Request-ID"]) == 32


def test_writes_from_a_command_or_shell_are_recorded_without_context(db):
    # Triggers see every write, even with no request to name the user.
    call_command("load_demo")
    subject = Subject.objects.get(screening_number="SYSU3-004")
    events = subject.events.order_by("pgh_id")
    assert events.first().pgh_label == "insert" and events.first().pgh_context_id is None
    subject.weight_kg = "77.7"
    subject.save()
    last = subject.events.order_by("pgh_id").last()
    assert last.pgh_label == "update" and last.pgh_context_id is None
    trail = audit.subject_history(subject)
    entry, change = update_to(trail, "weight_kg", 77.7)
    assert entry.username == "" and entry.context == {}


def test_a_reason_for_change_attaches_to_exactly_the_writes_inside_it(qh1a, make_subject):
    subject = make_subject(qh1a)
    rows = Subject.objects.filter(pk=subject.pk)
    with pghistory.context(user=1, username="someone", request_id="r-0000001"):
        rows.update(consent_version="before")
        with audit.reason("Transcription error", "typed 56 instead of 65"):
            rows.update(weight_kg="65.0", consent_version="corrected")
        rows.update(consent_version="after")
    trail = audit.subject_history(subject)
    before, _ = update_to(trail, "consent_version", "before")
    corrected, _ = update_to(trail, "consent_version", "corrected")
    after, _ = update_to(trail, "consent_version", "after")
    assert corrected.reason == "Transcription error"
    assert corrected.reason_detail == "typed 56 instead of 65"
    assert corrected.username == "someone" and corrected.request_id == "r-0000001"
    assert before.reason == "" and after.reason == ""
    assert (
        before.context
        == after.context
        == {
            "user": 1,
            "username": "someone",
            "request_id": "r-0000001",
        }
    )


def test_a_reason_outside_a_request_is_recorded_alone(qh1a, make_subject):
    subject = make_subject(qh1a)
    with audit.reason("Data clarification", "query 12"):
        Subject.objects.filter(pk=subject.pk).update(consent_version="v1.2")
    entry, _ = update_to(audit.subject_history(subject), "consent_version", "v1.2")
    assert entry.context == {"reason": "Data clarification", "reason_detail": "query 12"}
    with pytest.raises(ValueError):
        with audit.reason("  "):
            pass


def test_a_membership_change_names_the_acting_user(client, guangzhou, staff_guangzhou, superuser):
    # Role changes are study-relevant (who may enter data): the trail names who made them.
    membership = Membership.objects.get(user=staff_guangzhou)
    client.force_login(superuser)
    change = reverse("admin:ecrf_membership_change", args=[membership.pk])
    data = {"user": staff_guangzhou.pk, "site": guangzhou.pk, "role": Role.INVESTIGATOR}
    response = client.post(change, data, HTTP_X_REQUEST_ID="role-change-0001")
    assert response.status_code == 302, response.content.decode()[:2000]
    event = membership.events.filter(pgh_label="update").select_related("pgh_context").get()
    assert event.role == Role.INVESTIGATOR
    assert event.pgh_context.metadata["user"] == superuser.pk
    assert event.pgh_context.metadata["username"] == "admin_audit"
    assert event.pgh_context.metadata["request_id"] == "role-change-0001"
