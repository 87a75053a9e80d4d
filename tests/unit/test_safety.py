"""SAE clocks, relatedness, SUSAR and DLT candidates (spec §2.11, §2.12, §5.2, §5.3)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

if not settings.configured:
    settings.configure(USE_I18N=False)

from ecrf.safety import (  # noqa: E402
    DEFAULT_RULES,
    DLT_CRITERIA,
    AeCollectionStart,
    ChinaDeviceRelatedness,
    Clock,
    ClockName,
    ClockStatus,
    DltFacts,
    Relatedness,
    SafetyRules,
    SessionTiming,
    ae_start_error,
    any_component_related,
    dlt_candidate,
    dlt_criteria_met,
    in_dlt_window,
    is_acute_onset,
    is_susar,
    relationship_is_related,
    sae_clocks,
    session_timing,
    to_china_device_scale,
)

SH = ZoneInfo("Asia/Shanghai")
AWARE = datetime(2026, 3, 2, 9, 30, tzinfo=SH)  # investigator awareness
SESSION = (datetime(2026, 3, 2, 8, 0, tzinfo=SH), datetime(2026, 3, 2, 16, 0, tzinfo=SH))


def site_clock(**kwargs):
    return sae_clocks(DEFAULT_RULES, AWARE, **kwargs)[0]


# --- site -> sponsor 24-hour clock -------------------------------------------------------------


def test_site_clock_23h59_is_not_overdue():
    # §2.12 / §5.2: report to sponsor within 24 h of investigator awareness.
    clock = site_clock()
    assert clock.name == ClockName.SITE_TO_SPONSOR
    assert clock.due_at == AWARE + timedelta(hours=24)
    now = AWARE + timedelta(hours=23, minutes=59)
    assert clock.status(now) in (ClockStatus.RUNNING, ClockStatus.DUE_SOON)
    assert clock.status(now) == ClockStatus.DUE_SOON  # inside the 4 h [PROP] warning
    assert clock.remaining(now) == timedelta(minutes=1)


def test_site_clock_early_is_running():
    # §5.2 [PROP] system behaviour: timer runs from awareness.
    assert site_clock().status(AWARE + timedelta(hours=1)) == ClockStatus.RUNNING


def test_site_clock_24h01_is_overdue():
    # §7 V12: report-to-sponsor later than 24 h -> overdue flag.
    now = AWARE + timedelta(hours=24, minutes=1)
    clock = site_clock()
    assert clock.status(now) == ClockStatus.OVERDUE
    assert clock.remaining(now) == -timedelta(minutes=1)


def test_site_clock_reported_at_23h_is_met():
    # §2.12: report made within 24 h stops the clock on time.
    clock = site_clock(reported_to_sponsor_at=AWARE + timedelta(hours=23))
    assert clock.status(AWARE + timedelta(days=3)) == ClockStatus.MET
    assert clock.remaining(AWARE + timedelta(days=3)) == timedelta(hours=1)


def test_site_clock_reported_at_25h_is_late():
    # §2.12: "Alert if > 24 h after awareness".
    clock = site_clock(reported_to_sponsor_at=AWARE + timedelta(hours=25))
    assert clock.status(AWARE + timedelta(hours=26)) == ClockStatus.LATE


def test_site_clock_hours_are_configurable():
    # §0 [PROP] / §8 O6: timelines must stay configurable per study.
    rules = SafetyRules(site_report_hours=12, site_due_soon_hours=1)
    clock = sae_clocks(rules, AWARE)[0]
    assert clock.status(AWARE + timedelta(hours=12, minutes=1)) == ClockStatus.OVERDUE
    assert clock.status(AWARE + timedelta(hours=10)) == ClockStatus.RUNNING


def test_naive_datetimes_are_rejected():
    # §0: DTMs are stored with a timezone.
    with pytest.raises(ValueError):
        sae_clocks(DEFAULT_RULES, datetime(2026, 3, 2, 9, 30))


# --- sponsor 7/15-day clocks ------------------------------------------------------------------


def test_sponsor_clock_needs_day0():
    # §5.2: the 7/15-day clock starts only once the sponsor enters Day 0.
    clocks = sae_clocks(DEFAULT_RULES, AWARE, susar_or_device_related=True)
    assert [c.name for c in clocks] == [ClockName.SITE_TO_SPONSOR]


def test_sponsor_clock_needs_susar_or_device_related():
    # §5.2: expedited reports are for SUSARs and device-related SAEs only.
    clocks = sae_clocks(DEFAULT_RULES, AWARE, sponsor_awareness_at=AWARE + timedelta(hours=5))
    assert len(clocks) == 1


def test_sponsor_clock_7_days_for_fatal_or_life_threatening():
    # §5.2: fatal/life-threatening SUSAR or device SAE: <= 7 calendar days from Day 0.
    day0 = datetime(2026, 3, 3, 15, 0, tzinfo=SH)
    clocks = sae_clocks(
        DEFAULT_RULES,
        AWARE,
        sponsor_awareness_at=day0,
        fatal_or_life_threatening=True,
        susar_or_device_related=True,
    )
    sponsor = clocks[1]
    assert sponsor.name == ClockName.SPONSOR_EXPEDITED
    # Calendar days: due by the end of local day Day 0 + 7 (2026-03-10).
    assert sponsor.due_at.date() == date(2026, 3, 10)
    assert sponsor.status(datetime(2026, 3, 10, 23, 59, tzinfo=SH)) == ClockStatus.DUE_SOON
    assert sponsor.status(datetime(2026, 3, 11, 0, 0, tzinfo=SH)) == ClockStatus.OVERDUE
    assert sponsor.status(datetime(2026, 3, 5, 12, 0, tzinfo=SH)) == ClockStatus.RUNNING


def test_sponsor_clock_15_days_for_other_events():
    # §5.2: other SUSAR / device-related SAE: <= 15 calendar days from Day 0.
    day0 = datetime(2026, 3, 3, 15, 0, tzinfo=SH)
    sponsor = sae_clocks(
        DEFAULT_RULES,
        AWARE,
        sponsor_awareness_at=day0,
        susar_or_device_related=True,
        regulatory_submitted_at=datetime(2026, 3, 18, 10, 0, tzinfo=SH),
    )[1]
    assert sponsor.due_at.date() == date(2026, 3, 18)
    assert sponsor.status(datetime(2026, 4, 1, tzinfo=SH)) == ClockStatus.MET


def test_sponsor_day0_counts_in_study_local_time():
    # §0: DTMs are Asia/Shanghai local time; 20:00 UTC on 3 March is Day 0 = 4 March in Beijing.
    day0_utc = datetime(2026, 3, 3, 20, 0, tzinfo=ZoneInfo("UTC"))
    sponsor = sae_clocks(
        DEFAULT_RULES, AWARE, sponsor_awareness_at=day0_utc, susar_or_device_related=True
    )[1]
    assert sponsor.due_at.astimezone(SH).date() == date(2026, 3, 19)


def test_clock_late_when_submitted_after_due():
    # §5.2: a report after the due date is late, not met.
    clock = Clock(
        ClockName.SPONSOR_EXPEDITED,
        started_at=AWARE,
        due_at=AWARE + timedelta(days=7),
        stopped_at=AWARE + timedelta(days=8),
    )
    assert clock.status(AWARE + timedelta(days=9)) == ClockStatus.LATE


# --- relatedness and SUSAR --------------------------------------------------------------------


def test_related_means_definitely_probably_possibly():
    # §2.11: Related = Y if relatedness in {definitely, probably, possibly}.
    assert [relationship_is_related(c) for c in Relatedness.values] == [
        True,
        True,
        True,
        False,
        False,
    ]
    with pytest.raises(ValueError):
        relationship_is_related("maybe")


def test_any_component_related():
    # §2.11: derived Related = Y if any of device / cells / procedure is related.
    assert any_component_related("not_related", "unlikely", "possible")
    assert not any_component_related("not_related", "unlikely", None)


def test_china_device_scale_mapping():
    # §2.11: map the 5-level scale to the 4-level Chinese device SAE template.
    mapped = {code: to_china_device_scale(code) for code in Relatedness.values}
    assert mapped == {
        "definite": ChinaDeviceRelatedness.DEFINITELY_RELATED,
        "probable": ChinaDeviceRelatedness.POSSIBLY_RELATED,
        "possible": ChinaDeviceRelatedness.POSSIBLY_RELATED,
        "unlikely": ChinaDeviceRelatedness.POSSIBLY_UNRELATED,
        "not_related": ChinaDeviceRelatedness.DEFINITELY_UNRELATED,
    }


def test_susar_flag():
    # §2.12 / §3.7: SUSAR = serious AND related AND unexpected.
    assert is_susar(serious=True, related=True, expected=False)
    assert not is_susar(serious=True, related=True, expected=True)
    assert not is_susar(serious=True, related=False, expected=False)
    assert not is_susar(serious=False, related=True, expected=False)
    assert is_susar(serious=True, related=True, expected=None)  # not yet assessed: flag it


# --- AE timing and collection period ----------------------------------------------------------


def test_session_timing_derivation():
    # §2.11 "Timing relative to BAL", §3.7 session-associated = during or <= 24 h after.
    start, end = SESSION
    assert session_timing(start - timedelta(hours=1), [SESSION]) == "before_first"
    assert session_timing(start + timedelta(hours=2), [SESSION]) == SessionTiming.DURING_SESSION
    assert session_timing(end + timedelta(hours=24), [SESSION]) == SessionTiming.WITHIN_24H_AFTER
    assert session_timing(end + timedelta(hours=25), [SESSION]) == SessionTiming.LATER


def test_acute_onset_within_72h():
    # §5.3: acute DLTs (during session to 72 h) are flagged separately.
    _, end = SESSION
    assert is_acute_onset(end + timedelta(hours=72), [SESSION])
    assert not is_acute_onset(end + timedelta(hours=73), [SESSION])


def test_dlt_window_to_fs_plus_28():
    # §5.3: DLT window from first session start to FS+28 (calendar days).
    start, _ = SESSION
    fs = date(2026, 3, 2)
    assert in_dlt_window(datetime(2026, 3, 30, 23, 0, tzinfo=SH), start, fs)
    assert not in_dlt_window(datetime(2026, 3, 31, 0, 30, tzinfo=SH), start, fs)
    assert not in_dlt_window(start - timedelta(minutes=1), start, fs)
    assert in_dlt_window(start + timedelta(days=60), start, None)  # final session not yet known


def test_ae_collection_start_is_configurable():
    # §2.11 / V14 / O10: AE start >= consent, or >= first session per protocol setting.
    consent = AWARE - timedelta(days=2)
    start, _ = SESSION
    before_session = start - timedelta(hours=3)
    assert ae_start_error(before_session, consent, start) is None
    assert ae_start_error(consent - timedelta(hours=1), consent, start) == (
        "The AE start cannot be before informed consent."
    )
    rules = SafetyRules(ae_collection_start=AeCollectionStart.FIRST_SESSION)
    assert ae_start_error(before_session, consent, start, rules) is not None
    assert ae_start_error(start, consent, start, rules) is None


def test_rules_reject_bad_configuration():
    # §0 [PROP]: configuration errors surface when the study rules are loaded.
    with pytest.raises(ValueError):
        SafetyRules(site_report_hours=0)
    with pytest.raises(ValueError):
        SafetyRules(ae_collection_start="screening")


# --- DLT candidates (§5.3) --------------------------------------------------------------------


def test_grade3_related_hypotension_during_session_is_dlt():
    # §5.3 D2: hypotension grade >= 3 during or <= 24 h after a session.
    event = DltFacts("Hypotension", grade=3, related=True, timing=SessionTiming.DURING_SESSION)
    assert dlt_candidate(event)
    assert dlt_criteria_met(event) == ["D2"]


def test_grade3_unrelated_hypotension_is_not_dlt():
    # §5.3 preamble: a DLT must be at least possibly related to the BAL system.
    event = DltFacts("Hypotension", grade=3, related=False, timing=SessionTiming.DURING_SESSION)
    assert not dlt_candidate(event)


def test_hypotension_late_after_session_is_not_dlt_unless_session_stopped():
    # §5.3 D2: > 24 h after the session does not count; any grade stopping the session does.
    late = DltFacts("Hypotension", grade=3, related=True, timing=SessionTiming.LATER)
    assert not dlt_candidate(late)
    stopped = DltFacts("Hypotension", grade=2, related=True, session_terminated=True)
    assert dlt_candidate(stopped)


def test_anaphylaxis_any_grade_related_is_dlt():
    # §5.3 D3: anaphylaxis of any grade (CTCAE grades 3-5 exist).
    assert dlt_criteria_met(DltFacts("Anaphylaxis", grade=3, related=True)) == ["D3"]


def test_allergic_reaction_needs_grade3():
    # §5.3 D3: allergic reaction, infusion-related reaction, CRS only from grade 3.
    assert not dlt_candidate(DltFacts("Allergic reaction", grade=2, related=True))
    assert dlt_candidate(DltFacts("Cytokine release syndrome", grade=3, related=True))


def test_related_death_is_dlt():
    # §5.3 D1: any related death (grade 5).
    assert "D1" in dlt_criteria_met(DltFacts("Sepsis", grade=5, related=True))


def test_liver_failure_progression_is_not_dlt():
    # §5.3 preamble: not attributable to progression of liver failure.
    event = DltFacts(
        "Hepatic failure", grade=5, related=True, due_to_liver_failure_progression=True
    )
    assert not dlt_candidate(event)


def test_outside_window_is_not_dlt():
    # §5.3: only events inside the DLT observation window count.
    event = DltFacts("Anaphylaxis", grade=4, related=True, within_dlt_window=False)
    assert not dlt_candidate(event)


def test_bleeding_needs_anticoagulation_or_access_cause():
    # §5.3 D4: bleeding grade >= 3 attributable to anticoagulation or vascular access.
    gi_bleed = DltFacts("Upper gastrointestinal hemorrhage", grade=3, related=True)
    assert not dlt_candidate(gi_bleed)
    hematoma = DltFacts("Hematoma", grade=3, related=True, due_to_vascular_access=True)
    assert dlt_criteria_met(hematoma) == ["D4"]


def test_platelet_fall_rule():
    # §5.3 D7: > 50 % fall from pre-session to < 25 x 10^9/L, or transfusion for the session.
    term = "Platelet count decreased"
    fall = DltFacts(term, grade=4, related=True, pre_session_platelets=60, lowest_platelets=24)
    assert dlt_criteria_met(fall) == ["D7"]
    small_fall = DltFacts(
        term, grade=4, related=True, pre_session_platelets=40, lowest_platelets=24
    )
    assert not dlt_candidate(small_fall)
    transfused = DltFacts(term, grade=3, related=True, platelet_transfusion_for_session=True)
    assert dlt_candidate(transfused)


def test_citrate_rules():
    # §5.3 D8: hypocalcaemia grade >= 3; alkalosis/acidosis grade >= 3 only if anticoagulation.
    assert dlt_candidate(DltFacts("Hypocalcemia", grade=3, related=True))
    assert not dlt_candidate(DltFacts("Alkalosis", grade=3, related=True))
    assert dlt_candidate(DltFacts("Acidosis", grade=3, related=True, due_to_anticoagulation=True))


def test_product_and_device_criteria():
    # §5.3 D9, D10: product-transmitted infection; cell leakage or device harm.
    assert dlt_criteria_met(
        DltFacts("Sepsis", grade=3, related=True, organism_in_product_or_circuit=True)
    ) == ["D9"]
    assert dlt_criteria_met(
        DltFacts("Hemolysis", grade=2, related=True, device_malfunction_caused_harm=True)
    ) == ["D10"]


def test_d11_is_left_to_the_sec():
    # §5.3 D11: SEC judgement, never derived by the system.
    d11 = [c for c in DLT_CRITERIA if c.code == "D11"]
    assert len(d11) == 1 and d11[0].applies is None
    assert not dlt_candidate(DltFacts("Pneumonitis", grade=4, related=True))
    assert [c.code for c in DLT_CRITERIA] == [f"D{n}" for n in range(1, 12)]


def test_dlt_term_names_exist_in_ctcae_v5():
    # §5.3 / §2.11: DLT rules name CTCAE v5.0 terms; a typo would silently never match.
    from ecrf import ctcae, safety

    names = {t.term for t in ctcae.load_terms().values()}
    groups = ("HYPOTENSION", "ANAPHYLAXIS", "REACTIONS", "THROMBOSIS", "HAEMOLYSIS")
    groups += ("HYPOCALCAEMIA", "ACID_BASE")
    for group in groups:
        assert set(getattr(safety, group)) <= names, group
    assert "Hematoma" in names
