"""Issue 4: "Voided records stay visible ... flagged as voided", in the admin too: every
study-record changelist has a Voided column and a voided / live filter."""

import pytest
from django.contrib import admin
from django.urls import reverse

from ecrf.actions import clinical
from ecrf.actions.integrity import record_void
from ecrf.admin.core import ScopedAdmin, VoidedFilter
from ecrf.models import StudyRecord
from tests.clinical.conftest import history_values

pytestmark = pytest.mark.django_db


def test_every_study_record_admin_flags_and_filters_voided_rows(rf, monitor_guangzhou):
    request = rf.get("/")
    request.user = monitor_guangzhou
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, ScopedAdmin) and issubclass(model, StudyRecord):
            assert "voided" in model_admin.get_list_display(request), model.__name__
            assert VoidedFilter in model_admin.get_list_filter(request), model.__name__


def test_the_changelist_lists_voided_rows_and_filters_them(
    client, qh1a, make_subject, investigator_guangzhou, monitor_guangzhou
):
    subject = make_subject(qh1a, "enrolled")
    live, wrong = (
        clinical.medical_history_record(
            subject=subject, by=investigator_guangzhou, **history_values(term=term)
        )
        for term in ("Asthma", "Gout")
    )
    record_void(record=wrong, by=investigator_guangzhou, reason="Typed into the wrong casebook")
    client.force_login(monitor_guangzhou)
    url = reverse("admin:ecrf_medicalhistory_changelist")
    listed = {
        query: {row.pk for row in client.get(url + query).context["cl"].result_list}
        for query in ("", "?voided=live", "?voided=voided")
    }
    assert listed == {
        "": {live.pk, wrong.pk},
        "?voided=live": {live.pk},
        "?voided=voided": {wrong.pk},
    }
    content = client.get(url).content.decode()
    assert "column-voided" in content and 'alt="True"' in content
