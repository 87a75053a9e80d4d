"""The query list's filters are scoped to the user's sites (issue 17, item 2): another
site's subject answers exactly as an unknown subject does, with QH1A's two sites."""

import re

import pytest

from tests.queries.conftest import url

pytestmark = pytest.mark.django_db

# What differs on every answer: the CSRF token, the forms' one-time keys.
_TOKEN = re.compile(rb'name="(csrfmiddlewaretoken|idempotency_key)" value="[^"]+"')


def _listing(client, study, number) -> tuple[int, bytes]:
    response = client.get(url("query_list", study), {"subject": number})
    # The page as the user sees it, but for what differs on every answer or was typed.
    body = _TOKEN.sub(b"", response.content).replace(number.encode(), b"NUMBER")
    return response.status_code, body


def test_another_sites_subject_answers_as_an_unknown_one(client, query, staff_zhuhai):
    client.force_login(staff_zhuhai)
    theirs = _listing(client, query.study, query.subject.screening_number)
    unknown = _listing(client, query.study, "NO-SUCH-1")
    assert theirs[0] == unknown[0] == 200
    assert theirs[1] == unknown[1]
    assert b"Blood flow 120?" not in theirs[1]


def test_the_subjects_own_site_sees_its_queries(client, query, staff_guangzhou, zhuhai):
    client.force_login(staff_guangzhou)
    status, body = _listing(client, query.study, query.subject.screening_number)
    assert status == 200
    assert b"Blood flow 120?" in body
    assert b"&mdash; NUMBER" in body or b"\xe2\x80\x94 NUMBER" in body  # the subject's header


def test_a_malformed_subject_filter_is_not_an_error(client, query, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    response = client.get(url("query_list", query.study), {"subject": "x" * 500})
    assert response.status_code < 500
