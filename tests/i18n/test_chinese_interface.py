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


# --- The choice is kept on the account, so it follows the user to another browser ------------


def _sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": "pw"})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.fixture
def signs_in(staff_guangzhou):  # noqa: F811
    staff_guangzhou.set_password("pw")
    staff_guangzhou.save()
    return staff_guangzhou


def test_the_choice_follows_the_user_to_another_browser(client, treated, signs_in):  # noqa: F811
    from ecrf.models import AccountPreference

    _sign_in(client, signs_in)
    casebook = subject_url("casebook", treated)
    client.post(reverse("set_language"), {"language": "zh-hans", "next": casebook})
    assert AccountPreference.objects.get(user=signs_in).language == "zh-hans"

    from django.test import Client

    other = Client()  # another computer: no cookie, an English browser
    _sign_in(other, signs_in)
    response = other.get(casebook, HTTP_ACCEPT_LANGUAGE="en")
    assert "病例报告表" in response.content.decode()
    # The cookie follows, so this browser's login page speaks Chinese next time.
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"


def test_a_choice_on_the_login_page_becomes_the_accounts(client, treated, signs_in):  # noqa: F811
    from ecrf.models import AccountPreference

    client.post(reverse("set_language"), {"language": "zh-hans", "next": reverse("login")})
    _sign_in(client, signs_in)
    assert AccountPreference.objects.get(user=signs_in).language == "zh-hans"
    assert "病例报告表" in client.get(subject_url("casebook", treated)).content.decode()


def test_another_users_cookie_gives_way_to_the_accounts_choice(client, treated, signs_in):  # noqa: F811
    from ecrf.languages import account_language_choose

    account_language_choose(user=signs_in, language="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"  # left by the previous user
    _sign_in(client, signs_in)
    page = client.get(subject_url("casebook", treated)).content.decode()
    assert "Casebook" in page and "病例报告表" not in page


def test_an_unknown_language_is_ignored(client, signs_in):  # noqa: F811
    from ecrf.models import AccountPreference

    _sign_in(client, signs_in)
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    assert not AccountPreference.objects.filter(user=signs_in).exists()


# --- Dates follow the language ---------------------------------------------------------------


def test_dates_follow_the_language(client, treated, staff_guangzhou):  # noqa: F811
    from django.utils import formats

    born = treated.date_of_birth
    client.force_login(staff_guangzhou)
    page = client.get(subject_url("casebook", treated), HTTP_ACCEPT_LANGUAGE="en").content
    english = formats.date_format(born, "SHORT_DATE_FORMAT")
    assert english == born.strftime("%d %b %Y")
    with translation.override("zh-hans"):
        chinese = formats.date_format(born, "SHORT_DATE_FORMAT")
    assert chinese == f"{born.year}年{born.month}月{born.day}日"
    consent = treated.consent_date
    assert consent.strftime("%d %b %Y") in page.decode()
    page = client.get(subject_url("casebook", treated), **ZH).content.decode()
    assert f"{consent.year}年{consent.month}月{consent.day}日" in page


# --- Issue 19 items 6 and 8 -------------------------------------------------------------------


def test_a_form_is_opened_not_not_closed(client, treated, staff_guangzhou):  # noqa: F811
    # Issue 19 item 8: the link that opens a form read 未关闭 ("not closed"), the
    # translation of a query's status "Open".
    client.force_login(staff_guangzhou)
    with translation.override("zh-hans"):
        assert translation.pgettext("link to a form", "Open") == "打开"
        assert translation.gettext("Open") == "未关闭"  # a query still open
    page = client.get(subject_url("casebook", treated), **ZH).content.decode()
    assert ">打开</a>" in page and ">未关闭</a>" not in page


def test_arms_and_sites_have_their_chinese_names(client, treated, staff_guangzhou):  # noqa: F811
    client.force_login(staff_guangzhou)
    arm = treated.enrolment.arm
    assert (arm.label, arm.label_zh) == ("4-hour group", "4小时组")  # the protocol's
    site = treated.site
    site.name_zh = "中山大学附属第三医院"
    site.save()
    page = client.get(subject_url("casebook", treated), **ZH).content.decode()
    assert "4小时组" in page and "中山大学附属第三医院" in page
    page = client.get(subject_url("casebook", treated)).content.decode()
    assert "4-hour group" in page and "4小时组" not in page


def test_date_inputs_are_iso_text_in_both_languages(client, treated, staff_guangzhou):  # noqa: F811
    # Issue 19 item 6: a native date input shows the browser's locale (12/04/2026);
    # these are text inputs that read and write YYYY-MM-DD and 24-hour times.
    import lxml.html

    client.force_login(staff_guangzhou)
    for headers in ({}, ZH):
        url = reverse(
            "ecrf:session_new",
            kwargs={"registry_id": treated.study.registry_id, "number": treated.screening_number},
        )
        page = lxml.html.fromstring(client.get(url, **headers).content)
        start = page.xpath('//input[@name="started_at"]')[0]
        assert start.get("type") == "text" and start.get("data-iso-input") == "datetime"
        assert start.get("placeholder") == "YYYY-MM-DD HH:MM"
        assert not page.xpath('//input[@type="date" or @type="datetime-local" or @type="time"]')


def test_every_page_names_the_time_zone_of_its_times(client, treated, staff_guangzhou):  # noqa: F811
    # Issue 19 item 6: times are read in the site's zone, and the zone is named.
    client.force_login(staff_guangzhou)
    for headers in ({}, ZH):
        page = client.get(subject_url("casebook", treated), **headers).content.decode()
        assert "Asia/Shanghai · UTC+08:00" in page
