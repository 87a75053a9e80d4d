"""Issue 8, part 5: one JSON line per request, with its id (the caller's X-Request-ID or
a new one, returned in the response), the user id, the method, the path without the
query string, the status and the duration; no form value, no query string."""

import io
import json
import logging

import pytest
from django.urls import reverse

from ecrf.logs import JsonFormatter
from tests.conftest import demographics
from tests.test_views import as_post, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """The lines the root logger's JSON handler would write while the test runs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


def request_lines(lines):
    return [line for line in lines if line["logger"] == "ecrf.request"]


def test_the_request_line(client, qh1a, staff_guangzhou, log_lines):
    client.force_login(staff_guangzhou)
    study = url("study", study=qh1a)
    response = client.get(study + "?q=SYSU3-999", HTTP_X_REQUEST_ID="lb-12345678")
    assert response["X-Request-ID"] == "lb-12345678"
    (line,) = request_lines(log_lines())
    assert line == {
        "time": line["time"],
        "level": "INFO",
        "logger": "ecrf.request",
        "message": f"GET {study} 200",
        "request_id": "lb-12345678",
        "user_id": staff_guangzhou.pk,
        "method": "GET",
        "path": study,
        "status": 200,
        "duration_ms": line["duration_ms"],
    }
    assert line["time"].endswith("+00:00") and line["duration_ms"] >= 0


def test_form_values_and_query_strings_stay_out(client, qh1a, staff_guangzhou, log_lines):
    client.force_login(staff_guangzhou)
    values = as_post(demographics(consent_version="v9.9-private"))
    client.post(url("subject_new", study=qh1a) + "?next=/private/", values)
    text = json.dumps(log_lines())
    assert "private" not in text and "consent_version" not in text
    (line,) = request_lines(log_lines())
    assert (line["method"], line["path"], line["status"]) == (
        "POST",
        url("subject_new", study=qh1a),
        302,
    )


def test_an_unsafe_request_id_is_replaced(client, log_lines):
    response = client.get(reverse("login"), HTTP_X_REQUEST_ID="<script>")
    (line,) = request_lines(log_lines())
    assert response["X-Request-ID"] == line["request_id"] != "<script>"
    assert len(line["request_id"]) == 32 and "user_id" not in line


def test_lines_logged_while_answering_carry_the_request_id(
    client, qh1a, staff_guangzhou, log_lines
):
    client.force_login(staff_guangzhou)
    # A GET where only POST is allowed: Django logs a warning while answering.
    export = reverse("ecrf:export_download", args=[qh1a.registry_id, "csv"])
    client.get(export, HTTP_X_REQUEST_ID="lb-87654321")
    lines = log_lines()
    warning = next(line for line in lines if line["logger"] == "django.request")
    assert warning["level"] == "WARNING" and warning["request_id"] == "lb-87654321"
    assert request_lines(lines)[0]["status"] == 405


# Issue 17, item 8: expected refusals are not errors.


def _refusal_lines(lines):
    # The request's lines (not the sign-in's, logged by django-axes before it).
    return [line for line in lines if line["logger"] in ("ecrf.request", "django.request")]


@pytest.mark.parametrize("who", ["another_site", "unknown_study"])
def test_a_404_a_user_provoked_is_one_info_line(
    client, qh1a, cips, staff_beijing, caplog, log_lines, who
):
    client.force_login(staff_beijing)
    path = url("study", study=qh1a) if who == "another_site" else "/studies/NCT00000000/"
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        assert client.get(path).status_code == 404
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert [(r.name, r.levelname) for r in records] == [("ecrf.request", "INFO")]
    assert records[0].exc_info is None
    (line,) = _refusal_lines(log_lines())
    assert (line["level"], line["status"]) == ("INFO", 404) and "exception" not in line


def test_a_403_a_user_provoked_is_one_info_line(client, qh1a, monitor_guangzhou, caplog, log_lines):
    client.force_login(monitor_guangzhou)  # reads the study, may not register subjects
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        response = client.post(url("subject_new", study=qh1a), as_post(demographics()))
    assert response.status_code == 403
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert [(r.name, r.levelname, r.exc_info) for r in records] == [("ecrf.request", "INFO", None)]
    (line,) = _refusal_lines(log_lines())
    assert (line["level"], line["status"]) == ("INFO", 403) and "exception" not in line


def test_a_server_error_is_still_an_error(rf):
    # Only 403 and 404 are dropped: Django's line for a 5xx stays, at ERROR.
    from ecrf.logs import ExpectedRefusals

    refusals = ExpectedRefusals()
    record = logging.LogRecord("django.request", logging.ERROR, "", 0, "boom", (), None)
    record.status_code = 500
    assert refusals.filter(record)
    record.status_code = 404
    assert not refusals.filter(record)
