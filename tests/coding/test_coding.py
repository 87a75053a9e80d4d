"""AE coding (issue 9; spec §2.11 "MedDRA LLT/PT/SOC + version: R (DM coding)"): every AE
carries a CTCAE term, MedDRA LLT code and SOC; an "Other, specify" AE waits in the data
manager's queue until coded; coding and its changes are audited, a change with a reason;
the coded values flow into the SDTM and CSV exports."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse
from pghistory.models import Events

from ecrf import audit, coding
from ecrf.actions import ProtocolRefusal
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions.coding import ae_code
from ecrf.actions.exports import study_export
from ecrf.models import AdverseEventCoding, Role, Site, Subject
from ecrf.sdtm import terms as sdtm_terms
from tests.adverse_events.conftest import FEVER, ae_values
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

GI_OTHER = "10017947"  # "Gastrointestinal disorders - Other, specify"
VARICES = "10015453"  # "Esophageal varices hemorrhage"
HICCUPS = "10020039"


@pytest.fixture
def data_manager(guangzhou):
    return make_user("dm_gz", Role.DATA_MANAGER, [guangzhou], is_staff=True)


@pytest.fixture
def other_ae(enrolled, report_ae):
    return report_ae(
        enrolled,
        ctcae_code=GI_OTHER,
        other_specify="Oesophageal variceal bleeding",
        verbatim_term="Vomited blood",
        grade=2,
    )


def queue_url(study):
    return reverse("ecrf:coding_queue", kwargs={"registry_id": study.registry_id})


def code_url(ae):
    return reverse(
        "ecrf:coding_edit", kwargs={"registry_id": ae.subject.study.registry_id, "pk": ae.pk}
    )


def events(subject):
    return subject.adverse_events.select_related("coding")


def test_every_ae_with_a_specific_term_is_coded_by_it(enrolled, report_ae):
    ae = report_ae(enrolled)
    assert coding.coded(ae) == coding.Coded(
        FEVER, "Fever", "General disorders and administration site conditions"
    )
    assert not coding.awaiting_coding(events(enrolled)).exists()


def test_an_other_specify_ae_waits_until_a_data_manager_codes_it(
    client, qh1a, other_ae, data_manager
):
    assert list(coding.awaiting_coding(events(other_ae.subject))) == [other_ae]
    assert coding.coded(other_ae) is None
    client.force_login(data_manager)
    home = client.get(reverse("ecrf:study", kwargs={"registry_id": qh1a.registry_id}))
    assert 'id="uncoded-total"' in home.content.decode()
    assert f'data-ae="{other_ae.pk}"' in home.content.decode()
    page = client.get(code_url(other_ae))
    assert page.status_code == 200 and "Oesophageal variceal bleeding" in page.content.decode()
    response = client.post(code_url(other_ae), {"llt_code": VARICES, "version": 0})
    assert response.status_code == 302 and response["Location"] == queue_url(qh1a)
    row = AdverseEventCoding.objects.get()
    assert (row.llt_code, row.term, row.soc, row.coded_by) == (
        VARICES,
        "Esophageal varices hemorrhage",
        "Gastrointestinal disorders",
        data_manager,
    )
    assert row.coded_text == "Oesophageal variceal bleeding"
    assert not coding.awaiting_coding(events(other_ae.subject)).exists()
    home = client.get(reverse("ecrf:study", kwargs={"registry_id": qh1a.registry_id}))
    assert 'id="uncoded-total" href' in home.content.decode()
    assert ">0</a>" in home.content.decode()
    # The coding's creation is in the audit trail, with the data manager's request.
    inserted = Events.objects.filter(pgh_obj_model="ecrf.AdverseEventCoding", pgh_label="insert")
    assert inserted.get().pgh_context["username"] == "dm_gz"


def test_changing_the_coding_needs_a_reason_and_is_audited(client, other_ae, data_manager):
    ae_code(adverse_event=other_ae, by=data_manager, llt_code=VARICES)
    row = AdverseEventCoding.objects.get()
    client.force_login(data_manager)
    # Without a reason: refused, next to the reason field, nothing lost (422).
    response = client.post(code_url(other_ae), {"llt_code": HICCUPS, "version": row.version})
    assert response.status_code == 422
    assert "choose the reason for the change" in response.content.decode()
    row.refresh_from_db()
    assert row.llt_code == VARICES
    response = client.post(
        code_url(other_ae),
        {
            "llt_code": GI_OTHER,
            "version": row.version,
            "change_reason": "entry_error",
            "change_reason_detail": "No specific CTCAE term fits varices bleeding here.",
        },
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.llt_code, row.version) == (GI_OTHER, 2)
    change = audit.record_history(other_ae.subject, AdverseEventCoding, row.pk)[-1]
    assert change.reason_detail == "No specific CTCAE term fits varices bleeding here."
    assert {c.column for c in change.changes} >= {"llt_code", "term"}


def test_a_stale_coding_form_is_refused(client, other_ae, data_manager):
    client.force_login(data_manager)
    form = client.get(code_url(other_ae))  # opened with no coding: version 0
    assert form.status_code == 200
    ae_code(adverse_event=other_ae, by=data_manager, llt_code=VARICES)
    response = client.post(code_url(other_ae), {"llt_code": HICCUPS, "version": 0})
    assert response.status_code == 422
    assert "Someone else saved this form" in response.content.decode()
    assert AdverseEventCoding.objects.get().llt_code == VARICES


def test_a_changed_verbatim_text_sends_the_ae_back_to_the_queue(
    other_ae, data_manager, investigator_guangzhou
):
    ae_code(adverse_event=other_ae, by=data_manager, llt_code=VARICES)
    with audit.reason("entry_error", "More precise"):
        ae = ae_actions.ae_update(
            adverse_event=other_ae,
            by=investigator_guangzhou,
            **ae_values(
                other_ae.subject,
                ctcae_code=GI_OTHER,
                other_specify="Gastric variceal bleeding",
                verbatim_term="Vomited blood",
                grade=2,
            ),
        )
    assert list(coding.awaiting_coding(events(ae.subject))) == [ae]
    ae = events(ae.subject).get()
    assert coding.coded(ae) is None


def test_bad_input_is_422_at_the_field(client, other_ae, data_manager):
    client.force_login(data_manager)
    response = client.post(code_url(other_ae), {"llt_code": "99999999", "version": 0})
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not AdverseEventCoding.objects.exists()


def test_the_action_refuses_others_and_terms_off_the_list(
    other_ae, report_ae, enrolled, data_manager, investigator_guangzhou
):
    with pytest.raises(ProtocolRefusal) as refused:
        ae_code(adverse_event=other_ae, by=investigator_guangzhou, llt_code=VARICES)
    assert refused.value.refusals[0].rule == "CODE-ROLE"
    with pytest.raises(ProtocolRefusal) as refused:
        ae_code(adverse_event=other_ae, by=data_manager, llt_code="123")
    assert refused.value.refusals[0].rule == "CODE-LIST"
    with pytest.raises(ProtocolRefusal) as refused:
        ae_code(adverse_event=report_ae(enrolled), by=data_manager, llt_code=VARICES)
    assert refused.value.refusals[0].rule == "CODE-TERM"


def test_access(
    client,
    qh1a,
    other_ae,
    report_ae,
    enrolled,
    data_manager,
    staff_guangzhou,
    monitor_guangzhou,
    staff_beijing,
):
    # Read-only and data-entry roles of the study: 403; another study's user: 404.
    for user in (staff_guangzhou, monitor_guangzhou):
        client.force_login(user)
        assert client.get(queue_url(qh1a)).status_code == 403
        assert client.get(code_url(other_ae)).status_code == 403
        assert client.post(code_url(other_ae), {"llt_code": VARICES}).status_code == 403
    client.force_login(staff_beijing)
    assert client.get(queue_url(qh1a)).status_code == 404
    assert client.get(code_url(other_ae)).status_code == 404
    # A data manager of another site of the study: not their AE (404), not their queue.
    other = Site.objects.create(study=qh1a, code="ZS", name="Another hospital")
    client.force_login(make_user("dm_zs", Role.DATA_MANAGER, [other]))
    assert client.get(code_url(other_ae)).status_code == 404
    assert f'data-ae="{other_ae.pk}"' not in client.get(queue_url(qh1a)).content.decode()
    # An AE coded by its own CTCAE term is not coded by hand.
    client.force_login(data_manager)
    assert client.get(code_url(report_ae(enrolled))).status_code == 404
    assert not AdverseEventCoding.objects.exists()


def _sdtm_ae(study):
    target = io.BytesIO()
    study_export(study=study, fmt="sdtm", target=target)
    rows = list(csv.DictReader(io.StringIO(zipfile.ZipFile(target).read("ae.csv").decode())))
    return {row["AETERM"]: row for row in rows}


def _csv_ae(study):
    target = io.BytesIO()
    study_export(study=study, fmt="csv", target=target)
    archive = zipfile.ZipFile(target)
    rows = list(csv.DictReader(io.StringIO(archive.read("adverseevent.csv").decode())))
    dictionary = archive.read("data_dictionary.csv").decode()
    return {row["verbatim_term"]: row for row in rows}, dictionary


def test_coding_round_trips_into_the_exports(qh1a, enrolled, report_ae, other_ae, data_manager):
    report_ae(enrolled, verbatim_term="Fever")
    columns = ("AELLTCD", "AEDECOD", "AEBODSYS", "AESOC")
    sdtm_rows = _sdtm_ae(qh1a)
    assert [sdtm_rows["Vomited blood"][c] for c in columns] == ["", "", "", ""]
    csv_rows, dictionary = _csv_ae(qh1a)
    assert [csv_rows["Vomited blood"][c] for c in columns] == ["", "", "", ""]
    assert "adverseevent,AEDECOD" in dictionary

    ae_code(adverse_event=other_ae, by=data_manager, llt_code=VARICES)
    coded = [VARICES, "Esophageal varices hemorrhage"] + ["Gastrointestinal disorders"] * 2
    assert [_sdtm_ae(qh1a)["Vomited blood"][c] for c in columns] == coded
    csv_rows, _dictionary = _csv_ae(qh1a)
    assert [csv_rows["Vomited blood"][c] for c in columns] == coded
    fever = [FEVER, "Fever"] + ["General disorders and administration site conditions"] * 2
    assert [csv_rows["Fever"][c] for c in columns] == fever
    assert [_sdtm_ae(qh1a)["Fever"][c] for c in columns] == fever
    assert set(columns) <= set(sdtm_terms.AE.variables)


def test_a_subject_of_the_study_keeps_its_aes_coded_in_the_history(other_ae, data_manager):
    ae_code(adverse_event=other_ae, by=data_manager, llt_code=VARICES)
    subject = Subject.objects.get(pk=other_ae.subject_id)
    history = audit.subject_history(subject)
    assert any(entry.model is AdverseEventCoding for entry in history)


def test_the_ae_page_shows_its_coding(client, other_ae, data_manager, staff_guangzhou):
    page = reverse(
        "ecrf:ae_detail",
        kwargs={
            "registry_id": other_ae.subject.study.registry_id,
            "number": other_ae.subject.screening_number,
            "ae_number": other_ae.number,
        },
    )
    client.force_login(staff_guangzhou)
    content = client.get(page).content.decode()
    assert "waiting for coding" in content and code_url(other_ae) not in content
    ae_code(adverse_event=other_ae, by=data_manager, llt_code=VARICES)
    client.force_login(data_manager)
    content = client.get(page).content.decode()
    assert "Esophageal varices hemorrhage" in content and code_url(other_ae) in content
