"""Lab fixtures: the shipped reference ranges, a treated QH-1A subject, and a poster for
the panel form."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone


@pytest.fixture
def reference_ranges(guangzhou, beijing):
    call_command("load_reference_ranges", verbosity=0)


@pytest.fixture
def treated(qh1a, make_subject, make_session, reference_ranges):
    """An enrolled QH-1A man (50) with session 1 started two days ago."""
    subject = make_subject(qh1a, "enrolled")
    make_session(subject, 1, start=timezone.now() - dt.timedelta(days=2))
    return subject


def panel_url(subject, timepoint, panel):
    return reverse(
        "ecrf:labs_panel",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            "timepoint": timepoint,
            "panel": panel,
        },
    )


def subject_url(name, subject):
    return reverse(
        f"ecrf:{name}",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def local(moment: dt.datetime) -> str:
    """A datetime-local field value in the sites' time zone (Asia/Shanghai)."""
    return timezone.localtime(moment, timezone=dt.timezone(dt.timedelta(hours=8))).strftime(
        "%Y-%m-%dT%H:%M"
    )


@pytest.fixture
def post_panel(client):
    """post_panel(subject, timepoint, panel, at, BILI=("5", "mg/dL"), ...) -> response."""

    def post(subject, timepoint, panel, at, laboratory="Central lab", **tests):
        data = {"sampled_at": local(at), "laboratory": laboratory}
        for code, spec in tests.items():
            if isinstance(spec, tuple):
                data[f"{code}_value"], data[f"{code}_unit"] = spec
            elif isinstance(spec, dict):
                data.update({f"{code}_{k}": v for k, v in spec.items()})
            else:
                data[f"{code}_value"] = spec
        return client.post(panel_url(subject, timepoint, panel), data)

    return post
