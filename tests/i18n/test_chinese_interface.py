"""The Simplified Chinese interface (issue 6, part 3): the pages on the way to entering a lab
panel render in Chinese for a user who chose zh-hans, the login page offers both
languages, and the header's choice is remembered in the language cookie."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.labs.conftest import panel_url, reference_ranges, subject_url, treated  # noqa: F401

pytestmark = pytest.mark.django_db

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


@pytest.fixture(autouse=True)
def english_after():
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_every_message_of_the_catalogue_is_translated():
    # Issue 6: "No untranslated string remains in the zh-hans catalogue."
    po = (settings.BASE_DIR / "locale/zh_Hans/LC_MESSAGES/django.po").read_text("utf-8")
    entries = po.split("\n\n")[1:]
    untranslated = [e for e in entries if e.rstrip().endswith('msgstr ""') or "fuzzy" in e]
    assert untranslated == []
    with translation.override("zh-hans"):
        assert translation.gettext("Total bilirubin") == "总胆红素"


def test_lab_panel_form_in_chinese(client, treated, staff_guangzhou):  # noqa: F811
    client.force_login(staff_guangzhou)
    response = client.get(panel_url(treated, "BASELINE", "LIVER"), **ZH)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="zh-hans">' in page
    labels = ["总胆红素", "丙氨酸氨基转移酶（ALT）", "采样日期和时间", "实验室", "单位", "保存"]
    for chinese in labels:
        assert chinese in page, chinese
    for english in ["Total bilirubin", "Sampled at", "Sample date and time", "Laboratory<"]:
        assert english not in page, english


def test_coagulation_panel_in_chinese(client, treated, staff_guangzhou):  # noqa: F811
    client.force_login(staff_guangzhou)
    response = client.get(panel_url(treated, "BASELINE", "COAGULATION"), **ZH)
    assert response.status_code == 200
    page = response.content.decode()
    assert "国际标准化比值（INR）" in page and "凝血酶原时间" in page
    assert "Prothrombin time" not in page


def test_casebook_and_lab_page_in_chinese(client, treated, staff_guangzhou):  # noqa: F811
    client.force_login(staff_guangzhou)
    response = client.get(subject_url("casebook", treated), **ZH)
    assert response.status_code == 200
    page = response.content.decode()
    for chinese in ["病例报告表", "受试者", "访视计划", "不良事件", "退出登录"]:
        assert chinese in page, chinese
    for english in ["Casebook", "Schedule of assessments", "Log out", "Adverse events"]:
        assert english not in page, english
    response = client.get(subject_url("labs_subject", treated), **ZH)
    assert response.status_code == 200
    page = response.content.decode()
    assert "按时间点的检查组" in page and "Panels by timepoint" not in page


def test_home_and_study_pages_in_chinese(client, treated, staff_guangzhou):  # noqa: F811
    client.force_login(staff_guangzhou)
    response = client.get(reverse("ecrf:home"), **ZH)
    assert response.status_code == 200
    assert "我的研究" in response.content.decode()
    study = reverse("ecrf:study", kwargs={"registry_id": treated.study.registry_id})
    response = client.get(study, **ZH)
    assert response.status_code == 200
    page = response.content.decode()
    assert "筛选号" in page and "Screening number" not in page


def test_login_page_offers_both_languages(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'value="en"' in page and 'value="zh-hans"' in page
    assert "简体中文" in page and "English" in page
    response = client.get(reverse("login"), **ZH)
    page = response.content.decode()
    assert "登录" in page and "Log in" not in page


def test_the_choice_is_remembered_in_the_language_cookie(client, treated, staff_guangzhou):  # noqa: F811
    client.force_login(staff_guangzhou)
    casebook = subject_url("casebook", treated)
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": casebook})
    assert response.status_code == 302 and response["Location"] == casebook
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "zh-hans" and cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE
    # No Accept-Language: the cookie alone selects Chinese, on this page and the lab form.
    assert "病例报告表" in client.get(casebook).content.decode()
    page = client.get(panel_url(treated, "BASELINE", "LIVER")).content.decode()
    assert "总胆红素" in page and "Total bilirubin" not in page
    client.post(reverse("set_language"), {"language": "en", "next": casebook})
    assert "Casebook" in client.get(casebook).content.decode()
