"""Dashboards (issue 5, item 3): the study home's enrolment plot and counts, a subject's
lab trends, and the study's swimmer plot. Plots are server-side SVG (ecrf/plots.py).

Each page costs a fixed number of queries whatever the number of subjects: the rows are
loaded by subject subquery, then grouped in Python.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from ecrf import access, plots, versions
from ecrf.lab_catalogue import CATALOGUE
from ecrf.lab_results import SCORE_TESTS, lab_rules, local_date, score_set
from ecrf.models import (
    AdverseEvent,
    Disposition,
    Subject,
    TreatmentSession,
    today_in,
)
from ecrf.models.clinical import StudyDisposition
from ecrf.schedule import overdue_forms, records_for
from ecrf.views.adverse_events import clock_rows

# The liver-support trends a clinician follows (spec §3.2): the test, then MELD below.
TREND_TESTS = ("BILI", "INR", "AMMONIA", "PLAT")


def _enrolment(subject):
    return getattr(subject, "enrolment", None)  # none before enrolment


def study_home_context(study, subjects: list[Subject], arms) -> dict:
    """The study home's enrolment plot, sessions done, overdue forms and SAE clocks.

    `subjects` come with site, study and enrolment__arm selected (ecrf/schedule.py). Costs
    five queries (the schedule's four and the SAEs), whatever the number of subjects."""
    enrolled = [(e.arm_id, e.enrolment_date) for s in subjects if (e := _enrolment(s))]
    today = today_in(subjects[0].site) if subjects else dt.date.today()
    enrolment_plot = plots.step_plot(
        plot_id="enrolment-plot",
        title=_("Enrolment against target by arm"),
        desc=_(
            "Subjects enrolled over time, cumulative, one line per arm or cohort; the dashed "
            "line of the same colour is the arm's target (%(total)s subjects in all)."
        )
        % {"total": study.target_enrolment},
        x_label=_("Enrolment date"),
        y_label=_("Subjects enrolled"),
        series=[
            plots.StepSeries(
                f"{arm.code} — {arm.localised_label}",
                [day for arm_id, day in enrolled if arm_id == arm.pk],
                arm.capacity,
            )
            for arm in arms
        ],
        today=today,
    )
    records = records_for(subjects)
    saes = list(
        AdverseEvent.objects.filter(subject__in=[s.pk for s in subjects], serious=True)
        .select_related("sae_report")
        .order_by("onset_date", "pk")
    )
    by_pk = {s.pk: s for s in subjects}
    for ae in saes:
        ae.subject = by_pk[ae.subject_id]  # already loaded with its study and site
    # Each SAE's clocks by its subject's protocol version (issue 21): their versions read
    # once, for the subjects with an SAE only.
    with_sae = list({ae.subject_id: ae.subject for ae in saes}.values())
    versions.load_versions(with_sae)
    sae_rows = [(ae, clock_rows(ae)) for ae in saes]
    return {
        "enrolment_plot": enrolment_plot,
        "sessions_done": sum(len(r.sessions) for r in records.values()),
        "overdue_total": len(overdue_forms(subjects, records)),
        "sae_rows": sae_rows,
    }


def _midnight(day: dt.date, zone: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zoneinfo.ZoneInfo(zone))


def _study_day(moment: dt.datetime, origin: dt.datetime) -> float:
    return (moment - origin).total_seconds() / 86400


@login_required
def labs_trends(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    enrolment = _enrolment(subject)
    # Day 0 is the enrolment date (the screening date before enrolment), local midnight.
    day_zero = enrolment.enrolment_date if enrolment else subject.screening_date
    origin = _midnight(day_zero, subject.site.time_zone)
    sessions = list(subject.sessions.order_by("number"))
    markers = [
        plots.Marker(_study_day(s.started_at, origin), _("Session %(n)s") % {"n": s.number})
        for s in sessions
    ]
    results = list(
        subject.lab_results.filter(test_code__in={*TREND_TESTS, *SCORE_TESTS})
        .exclude(standard_value=None)
        .order_by("sampled_at")
    )
    by_test = defaultdict(list)
    for result in results:
        by_test[result.test_code].append(result)
    x_label = _("Study day (day 0 = enrolment)")
    trend_plots = []
    for code in TREND_TESTS:
        test = CATALOGUE[code]
        rows = by_test.get(code, [])
        latest = rows[-1] if rows else None
        band = (latest.lln, latest.uln) if latest else None
        name = f"{test.name} ({test.standard_unit.label})"
        trend_plots.append(
            plots.trend_plot(
                plot_id=f"trend-{code.lower()}",
                title=_("%(test)s by study day") % {"test": test.name},
                desc=_(
                    "%(test)s of subject %(subject)s by study day; dotted vertical lines "
                    "mark the treatment sessions, the shaded band is the laboratory's "
                    "reference range of the latest result."
                )
                % {"test": name, "subject": subject.screening_number},
                x_label=x_label,
                y_label=name,
                points=[(_study_day(r.sampled_at, origin), float(r.standard_value)) for r in rows],
                markers=markers,
                band=None if band is None else tuple(None if v is None else float(v) for v in band),
            )
        )
    # MELD at each bilirubin sample, from the inputs nearest it (ecrf/lab_results.py).
    statuses = list(subject.clinical_status.all())
    # The score window of the subject's protocol version on each sample (issue 21).
    versions.load_versions([subject])
    meld = []
    for result in by_test.get("BILI", []):
        rules = lab_rules(subject, on=local_date(subject, result.sampled_at))
        score = score_set(subject, result.sampled_at, by_test, statuses, rules).meld
        if score is not None:
            meld.append((_study_day(result.sampled_at, origin), float(score)))
    trend_plots.append(
        plots.trend_plot(
            plot_id="trend-meld",
            title=_("MELD by study day"),
            desc=_(
                "MELD of subject %(subject)s at each bilirubin sample (inputs within the "
                "score window); dotted vertical lines mark the treatment sessions."
            )
            % {"subject": subject.screening_number},
            x_label=x_label,
            y_label=_("MELD"),
            points=meld,
            markers=markers,
        )
    )
    return render(
        request,
        "ecrf/dashboards/lab_trends.html",
        {"study": study, "subject": subject, "plots": trend_plots, "day_zero": day_zero},
    )


@login_required
def study_swimmer(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    sites = access.visible_sites(request.user).filter(study=study)
    subjects = list(
        Subject.objects.filter(study=study, site__in=sites, enrolment__isnull=False)
        .select_related("site", "enrolment")
        .order_by("screening_number")
    )
    ids = [s.pk for s in subjects]
    sessions, events = defaultdict(list), defaultdict(list)
    for subject_id, started_at in TreatmentSession.objects.filter(subject__in=ids).values_list(
        "subject_id", "started_at"
    ):
        sessions[subject_id].append(started_at)
    for subject_id, onset, grade in AdverseEvent.objects.filter(subject__in=ids).values_list(
        "subject_id", "onset_date", "grade"
    ):
        events[subject_id].append((onset, grade))
    ends = {
        subject_id: (status, day)
        for subject_id, status, day in Disposition.objects.filter(subject__in=ids).values_list(
            "subject_id", "status", "disposition_date"
        )
    }
    labels = dict(StudyDisposition.choices)
    lanes = []
    for subject in subjects:
        start = subject.enrolment.enrolment_date
        origin = _midnight(start, subject.site.time_zone)
        status, end = ends.get(subject.pk, (None, today_in(subject.site)))
        lanes.append(
            plots.Lane(
                subject.screening_number,
                max((end - start).days, 0),
                [int(_study_day(moment, origin)) for moment in sessions[subject.pk]],
                [((onset - start).days, grade) for onset, grade in events[subject.pk]],
                status,
                labels.get(status, ""),
            )
        )
    plot = plots.swimmer_plot(
        plot_id="swimmer-plot",
        title=_("Subjects on study: sessions, adverse events and disposition"),
        desc=_(
            "One lane per enrolled subject (%(n)s), from enrolment (day 0) to disposition "
            "or today, longest first. Ticks are treatment sessions, diamonds adverse events "
            "coloured by CTCAE grade, a closing bar the disposition and an arrow a subject "
            "still on study."
        )
        % {"n": len(lanes)},
        x_label=_("Days since enrolment"),
        lanes=lanes,
        key=plots.SwimmerKey(
            dispositions=StudyDisposition.choices,
            grade_label=_("AE grade"),
            on_study_label=_("on study"),
            session_label=_("treatment session"),
        ),
    )
    return render(request, "ecrf/dashboards/swimmer.html", {"study": study, "plot": plot})


urlpatterns = [
    path("studies/<str:registry_id>/swimmer/", study_swimmer, name="study_swimmer"),
    path(
        "studies/<str:registry_id>/subjects/<str:number>/labs/trends/",
        labs_trends,
        name="labs_trends",
    ),
]
