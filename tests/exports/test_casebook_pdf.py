"""The casebook as a PDF certified copy (issue 22 item 1): a subject built through the real
actions (registration, eligibility, enrolment, a session, labs, an AE, a correction with
its reason, a query, signatures) comes out whole. Every non-empty value it holds is in
the PDF's text as the pages show it, Chinese included; it holds as many audit entries as
the history page; every font is embedded; two renderings differ only in their stamp. The
site's investigators and data managers get it; others of the site 403, another site 404."""

import datetime as dt
import io
import re
import zoneinfo
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import models
from django.template import Context, Template
from django.urls import reverse
from pypdf import PdfReader

from ecrf import audit, casebook_pdf, form_registry
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions import clinical, queries, signoff, subject_enrol
from ecrf.actions import sessions as session_actions
from ecrf.models import ExportLog, Role
from tests.adverse_events.conftest import ae_values
from tests.clinical.conftest import history_values
from tests.conftest import make_user
from tests.labs.conftest import local, panel_url
from tests.sessions.conftest import ALL_PASS, at, days, session_values
from tests.signoff.conftest import PASSWORD, login

pytestmark = pytest.mark.django_db

CHINESE_TERM = "乙型肝炎肝硬化"
CHINESE_AE = "发热，寒战"


@pytest.fixture
def reference_ranges(guangzhou):
    call_command("load_reference_ranges", verbosity=0)


@pytest.fixture
def investigator(investigator_guangzhou):
    investigator_guangzhou.first_name = "Wei"
    investigator_guangzhou.last_name = "Zhang"
    investigator_guangzhou.save()
    return investigator_guangzhou


@pytest.fixture
def rich_subject(
    client, qh1a, make_subject, staff_guangzhou, investigator, monitor_guangzhou, reference_ranges
):
    """A QH-1A subject with one of everything a site enters, as the site would."""
    subject = make_subject(qh1a, "eligible", consent_version="知情同意书 v2.0")
    subject_enrol(
        subject=subject,
        arm=qh1a.arms.get(is_open=True, order=1),
        by=subject.created_by,
        enrolment_date=subject.screening_date,
        planned_first_treatment=subject.screening_date + dt.timedelta(days=1),
        reason="Entered from the paper enrolment log",
    )
    subject.refresh_from_db()
    session_actions.session_record(
        subject=subject,
        by=staff_guangzhou,
        values=session_values(at(days(-1), 8), 240, cell_lot="批号-2026-001"),
        interruptions=[],
        device_checks=ALL_PASS if subject.study.protocol.device_criteria else None,
    )
    login(client, staff_guangzhou)
    response = client.post(
        panel_url(subject, "BASELINE", "LIVER"),
        {
            "sampled_at": local(at(days(-2), 7)),
            "laboratory": "中山三院检验科",
            "BILI_value": "5.2",
            "BILI_unit": "mg/dL",
            "ALB_value": "30",
            "ALB_unit": "g/L",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ae_actions.ae_report(
        subject=subject,
        by=investigator,
        sae=None,
        **ae_values(subject, verbatim_term=CHINESE_AE),
    )
    history = clinical.medical_history_record(
        subject=subject, by=staff_guangzhou, **history_values(term=CHINESE_TERM)
    )
    with audit.reason("entry_error", "Started in 2016, not 2015."):
        history = clinical.medical_history_record(
            subject=subject,
            by=staff_guangzhou,
            entry=history,
            version=history.version,
            **history_values(term=CHINESE_TERM, start="2016-03"),
        )
    query = queries.query_raise(
        record=history, field="start", text="请核对起始日期 (check the start)", by=monitor_guangzhou
    )
    queries.query_answer(query=query, text="Checked against the clinic letter.", by=staff_guangzhou)
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning="approval")
    client.logout()
    return subject


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _squeezed(text: str) -> str:
    # Wrapped lines and table cells break a value anywhere: compare without whitespace.
    return re.sub(r"\s+", "", text)


def _as_page_shows(record, field, tz) -> str:
    """The value as a page template renders it (Django's filters, not the PDF's code)."""
    if field.is_relation:
        related = getattr(record, field.name)
        if related is None:
            return ""
        if hasattr(related, "get_username"):
            return related.get_full_name().strip() or related.get_username()
        return str(related)
    value = getattr(record, field.attname)
    if value in (None, "", []):
        return ""
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    if isinstance(value, list):
        labels = dict(field.base_field.flatchoices) if field.base_field.choices else {}
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(field, models.DateTimeField):
        source = (
            '{% load tz %}{% timezone tz %}{{ v|date:"SHORT_DATETIME_FORMAT" }}{% endtimezone %}'
        )
    elif isinstance(field, models.DateField):
        source = '{{ v|date:"SHORT_DATE_FORMAT" }}'
    elif isinstance(field, models.TimeField):
        source = '{{ v|time:"TIME_FORMAT" }}'
    elif isinstance(field, models.BooleanField):
        source = "{{ v|yesno }}"
    else:
        source = "{{ v }}"
    return Template(source).render(Context({"v": value, "tz": tz}, autoescape=False))


def _every_value(subject) -> list[tuple[str, str]]:
    """(what, shown) for every non-empty value of every record of the subject, the parts
    of forms (a panel's results) included."""
    tz = zoneinfo.ZoneInfo(subject.site.time_zone)
    found = []
    parts = casebook_pdf._part_models()  # shown under their form
    for entry in form_registry.entries():
        if entry.model in parts:
            continue
        for record in casebook_pdf.records_of(entry, subject):
            rows = [record, *casebook_pdf.parts_of(record, entry)]
            for row in rows:
                for field in casebook_pdf.form_fields(type(row)):
                    if field.is_relation and row is not record:
                        continue  # a part's key to its form: the form is shown above it
                    shown = _as_page_shows(row, field, tz)
                    if shown:
                        found.append((f"{row._meta.label}.{field.name}", shown))
    return found


def _pdf(client, user, subject):
    login(client, user)
    url = reverse(
        "ecrf:casebook_pdf",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )
    return client.post(url)


def test_every_value_is_in_the_pdf_as_the_pages_show_it(client, rich_subject, investigator):
    response = _pdf(client, investigator, rich_subject)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _squeezed(_text(response.content))
    values = _every_value(rich_subject)
    # The subject really is rich: each kind of form is there.
    labels = {what.rsplit(".", 1)[0] for what, _shown in values}
    for label in (
        "ecrf.Subject",
        "ecrf.EligibilityAnswer",
        "ecrf.Enrolment",
        "ecrf.TreatmentSession",
        "ecrf.LabPanel",
        "ecrf.LabResult",
        "ecrf.AdverseEvent",
        "ecrf.MedicalHistory",
    ):
        assert label in labels
    missing = [(what, shown) for what, shown in values if _squeezed(shown) not in text]
    assert not missing
    # Chinese is text, not drawings: it extracts as typed.
    for typed in (CHINESE_TERM, CHINESE_AE, "知情同意书v2.0", "批号-2026-001", "中山三院检验科"):
        assert typed in text
    # The correction's reason, the query thread and the signature's meaning.
    for said in (
        "Startedin2016,not2015.",
        "请核对起始日期(checkthestart)",
        "Checkedagainsttheclinicletter.",
        "Approval:Iapprovethesedataasaccurateandcomplete",
        "WeiZhang",
    ):
        assert said in text


def test_as_many_audit_entries_as_the_history_page(client, rich_subject, investigator):
    history = client  # the same client: the investigator reads both
    login(history, investigator)
    page = history.get(
        reverse(
            "ecrf:audit_subject_history",
            kwargs={
                "registry_id": rich_subject.study.registry_id,
                "number": rich_subject.screening_number,
            },
        )
    ).content.decode()
    body = page.split('id="audit-trail"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    on_page = body.count("<tr>")
    assert on_page > 20
    text = _text(_pdf(client, investigator, rich_subject).content)
    numbers = [(int(n), int(total)) for n, total in re.findall(r"#(\d+)/(\d+)", text)]
    assert {total for _n, total in numbers} == {on_page}
    assert sorted(n for n, _total in numbers) == list(range(1, on_page + 1))
    # Times in the site's zone, with the offset.
    assert "+08:00" in text


def test_every_font_is_embedded(rich_subject):
    reader = PdfReader(io.BytesIO(casebook_pdf.casebook_pdf(rich_subject)))
    fonts = {}
    for page in reader.pages:
        for name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            fonts[(name, font["/BaseFont"])] = font
    assert fonts
    for (name, base), font in fonts.items():
        descriptors = [font.get("/FontDescriptor")]
        descriptors += [
            d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])
        ]
        files = [
            key
            for d in descriptors
            if d is not None
            for key in ("/FontFile", "/FontFile2", "/FontFile3")
            if key in d.get_object()
        ]
        assert files, f"{name} {base} is not embedded"
        assert "Helvetica" not in base and "Times" not in base


def test_two_renderings_differ_only_in_the_stamp(rich_subject, investigator):
    first = casebook_pdf.casebook_pdf(rich_subject, by=investigator)
    second = casebook_pdf.casebook_pdf(
        rich_subject, by=investigator, now=dt.datetime(2027, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    )

    def unstamped(content):
        return [line for line in _text(content).splitlines() if not line.startswith("Generated")]

    assert _text(first) != _text(second)
    assert unstamped(first) == unstamped(second)


def test_who_gets_the_copy(
    client, rich_subject, investigator, staff_guangzhou, monitor_guangzhou, data_manager_guangzhou
):
    casebook = reverse(
        "ecrf:casebook",
        kwargs={
            "registry_id": rich_subject.study.registry_id,
            "number": rich_subject.screening_number,
        },
    )
    for user, allowed in (
        (investigator, True),
        (data_manager_guangzhou, True),
        (staff_guangzhou, False),
        (monitor_guangzhou, False),
    ):
        client.logout()
        login(client, user)
        assert ('id="casebook-pdf"' in client.get(casebook).content.decode()) is allowed
        assert _pdf(client, user, rich_subject).status_code == (200 if allowed else 403)
    # Another site's data manager and investigator: no such subject.
    for role in (Role.DATA_MANAGER, Role.INVESTIGATOR):
        other = make_user(f"other_{role}", role, [rich_subject.study.sites.get(code="SYSU5")])
        client.logout()
        assert _pdf(client, other, rich_subject).status_code == 404
    # Each copy taken is logged as an export of the subject's site.
    logs = ExportLog.objects.filter(format="casebook")
    assert logs.count() == 2
    assert {tuple(log.sites) for log in logs} == {("SYSU3",)}


def test_command_writes_one_pdf_per_subject(rich_subject, make_subject, qh1a, tmp_path):
    other = make_subject(qh1a, "screening")
    call_command("casebook_pdf", qh1a.registry_id, "--output", str(tmp_path))
    written = sorted(p.name for p in Path(tmp_path).iterdir())
    assert written == sorted(casebook_pdf.filename(s) for s in (rich_subject, other))
    only = tmp_path / "one"
    call_command(
        "casebook_pdf",
        qh1a.registry_id,
        "--subject",
        rich_subject.screening_number,
        "--output",
        str(only),
    )
    (path,) = only.iterdir()
    assert CHINESE_TERM in _text(path.read_bytes())
    assert ExportLog.objects.filter(format="casebook", channel="command").count() == 3
