"""The cohort report as a printable PDF (spec §5.4 "data package reviewed by the SEC";
issue 5: "A report is generated for the committee, as a page and as a printable PDF")."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from reportlab import rl_config

from ecrf.actions.adverse_events import ae_report
from ecrf.committee import cohort_report
from ecrf.models import Site
from ecrf.reports import cohort_report_pdf
from tests.adverse_events.conftest import ae_values
from tests.committee.test_views import report_url


def pdf_url(study, code="QH4H"):
    return reverse(
        "ecrf:sec_report_pdf", kwargs={"registry_id": study.registry_id, "arm_code": code}
    )


@pytest.fixture(autouse=True)
def readable_pdf(monkeypatch):
    """Uncompressed, reproducible output, so the tests can read the text (no PDF parser
    among the dependencies)."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setattr(rl_config, "pageCompression", 0)


def texts(pdf: bytes) -> list[str]:
    """The strings the pages draw, in order (Helvetica: one literal string per cell/line)."""
    found = re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", pdf)
    return [re.sub(r"\\(.)", r"\1", s.decode("latin-1")) for s in found]


def test_pdf_lists_the_four_hour_cohorts_aes_by_grade(
    client, qh1a, treated_cohort, monitor_guangzhou, investigator_guangzhou
):
    first, second, _third = treated_cohort(days_ago=29)
    onset = first.consent_date
    for subject, grade in ((first, 2), (second, 2), (second, 3)):
        ae_report(
            subject=subject,
            by=investigator_guangzhou,
            **ae_values(subject, grade=grade, onset_date=onset, resolved_date=onset)
            | {"related_device": "possible"},
        )
    client.force_login(monitor_guangzhou)
    response = client.get(pdf_url(qh1a))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="NCT06996392-qh4h-cohort-report-\d{4}-\d{2}-\d{2}\.pdf"',
        response["Content-Disposition"],
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    strings = texts(pdf)
    assert any("Safety Evaluation Committee report" in s for s in strings)
    assert any("NCT06996392" in s for s in strings)
    assert any(s.startswith("Cohort state: ") for s in strings)
    assert any(s.startswith("Generated ") and " UTC (" in s for s in strings)
    pages = [s for s in strings if re.fullmatch(r"Page \d+ of \d+", s)]
    assert pages == [f"Page {n} of {len(pages)}" for n in range(1, len(pages) + 1)]
    # The grade table: header, then rows grade, all, related, serious (as on the page).
    start = strings.index("Related (device, cells or procedure)") + 2
    rows = [strings[start + 4 * i : start + 4 * i + 4] for i in range(5)]
    assert rows[0] == ["1", "0", "0", "0"]
    assert rows[1] == ["2", "2", "2", "0"]
    assert rows[2] == ["3", "1", "1", "0"]
    fever = [s for s in strings if s == "Fever"]
    assert len(fever) == 6  # one row per AE in the listing: CTCAE term, verbatim term
    for number in (first.screening_number, second.screening_number):
        assert number in strings


def test_report_page_links_to_the_pdf(client, qh1a, treated_cohort, monitor_guangzhou):
    treated_cohort(days_ago=29, n=1)
    client.force_login(monitor_guangzhou)
    assert f'href="{pdf_url(qh1a)}"' in client.get(report_url(qh1a)).content.decode()


def test_another_studys_user_gets_404(client, qh1a, staff_beijing, monitor_beijing):
    for user in (staff_beijing, monitor_beijing):
        client.force_login(user)
        assert client.get(pdf_url(qh1a)).status_code == 404


def test_site_staff_get_403(client, qh1a, staff_guangzhou):
    client.force_login(staff_guangzhou)
    assert client.get(pdf_url(qh1a)).status_code == 403


def test_unknown_arm_is_404(client, qh1a, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    assert client.get(pdf_url(qh1a, code="NOPE")).status_code == 404


def test_anonymous_is_sent_to_login(client, qh1a):
    assert client.get(pdf_url(qh1a)).status_code == 302


def test_pdf_runs_no_query_the_page_does_not(client, qh1a, treated_cohort, monitor_guangzhou):
    """The PDF lays out the page's CohortReport: no more queries than the page (which
    also asks "may this user sign?"), flat in the number of subjects."""
    treated_cohort(days_ago=29, n=1)
    client.force_login(monitor_guangzhou)
    with CaptureQueriesContext(connection) as page:
        client.get(report_url(qh1a))
    with CaptureQueriesContext(connection) as pdf:
        client.get(pdf_url(qh1a))
    assert len(pdf) <= len(page)
    treated_cohort(days_ago=29, n=2)
    with CaptureQueriesContext(connection) as more:
        client.get(pdf_url(qh1a))
    assert len(more) == len(pdf)


def test_chinese_uses_the_cjk_font(qh1a, treated_cohort):
    treated_cohort(days_ago=29, n=1)
    report = cohort_report(qh1a.arms.get(code="QH4H"), Site.objects.filter(study=qh1a))
    with translation.override("zh-hans"):
        pdf = cohort_report_pdf(report)
    assert pdf.startswith(b"%PDF") and b"/STSong-Light" in pdf
    assert b"/STSong-Light" not in cohort_report_pdf(report)
