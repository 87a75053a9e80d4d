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


def test_lines_logged_while_answering_carry_the_request_id(client, staff_guangzhou, log_lines):
    client.force_login(staff_guangzhou)
    client.get("/studies/NCT00000000/", HTTP_X_REQUEST_ID="lb-87654321")
    lines = log_lines()
    warning = next(line for line in lines if line["logger"] == "django.request")
    assert warning["level"] == "WARNING" and warning["request_id"] == "lb-87654321"
    assert request_lines(lines)[0]["status"] == 404
