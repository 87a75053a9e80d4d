"""The SVG builders on hand-made data: well-formed, accessible, values where they belong."""

import datetime as dt
import xml.etree.ElementTree as ET

from ecrf import plots

SVG = "{http://www.w3.org/2000/svg}"
DAY = dt.date(2026, 11, 1)


def parse(plot):
    return ET.fromstring(str(plot.svg))


def test_step_plot_is_accessible_and_escapes_labels():
    plot = plots.step_plot(
        plot_id="p",
        title="Enrolment <by arm>",
        desc="desc & more",
        x_label="Date",
        y_label="Subjects",
        series=[plots.StepSeries("A <script>", [DAY, DAY, DAY + dt.timedelta(days=3)], 6)],
        today=DAY + dt.timedelta(days=9),
    )
    root = parse(plot)
    assert root.find(f"{SVG}title").text == "Enrolment <by arm>"
    assert root.find(f"{SVG}desc").text == "desc & more"
    assert root.get("aria-labelledby") == "p-title"
    assert "<script>" not in str(plot.svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Date" in texts and "Subjects" in texts and "A <script>" in texts
    # Two enrolled on day 1, three from day 4: one row per date, cumulative.
    assert plot.rows == [
        ["A <script>", "2026-11-01", "2", "6"],
        ["A <script>", "2026-11-04", "3", "6"],
    ]


def test_step_plot_maps_counts_and_target_to_coordinates():
    plot = plots.step_plot(
        plot_id="p",
        title="t",
        desc="d",
        x_label="x",
        y_label="y",
        series=[plots.StepSeries("A", [DAY], 4)],
        today=DAY + dt.timedelta(days=9),
        height=260,
    )
    root = parse(plot)
    # y: 0..4 onto 212..16 (height - BOTTOM .. TOP); the target (4) is the top.
    target = next(p for p in root.iter(f"{SVG}path") if p.get("class") == "target")
    assert target.get("d") == f"M{plots.LEFT} 16H{plots.WIDTH - plots.RIGHT}"
    series = next(p for p in root.iter(f"{SVG}path") if p.get("class") == "series")
    # x: day -1 .. day 9 over 64..570; enrolment on day 0 climbs to count 1 (y = 163).
    x0 = plots.LEFT + (plots.WIDTH - plots.RIGHT - plots.LEFT) / 10
    assert series.get("d").startswith(f"M{plots.LEFT} 212H{plots.num(x0)}V163")


def test_trend_plot_points_markers_and_reference_band():
    plot = plots.trend_plot(
        plot_id="t",
        title="Bilirubin",
        desc="d",
        x_label="Study day",
        y_label="umol/L",
        points=[(0.0, 100.0), (2.5, 50.0), (5.0, 0.0)],
        markers=[plots.Marker(1.0, "Session 1"), plots.Marker(4.0, "Session 2")],
        band=(5.0, 21.0),
        height=220,
    )
    root = parse(plot)
    circles = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]
    assert [cx for cx, _ in circles] == [plots.LEFT, (plots.LEFT + 570) / 2, 570]
    # y: 0..110 (10% headroom) onto 172..16: 100 -> 30.2, 50 -> 101.1, 0 -> 172.
    assert [round(cy, 1) for _, cy in circles] == [30.2, 101.1, 172.0]
    sessions = [p for p in root.iter(f"{SVG}path") if p.get("class") == "session"]
    assert [s.find(f"{SVG}title").text for s in sessions] == ["Session 1", "Session 2"]
    band = next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "reference-range")
    assert float(band.get("y")) == round(172 - 21 * 156 / 110, 1)
    assert plot.rows == [["0", "100"], ["2.5", "50"], ["5", "0"]]


def test_trend_plot_without_results_still_parses():
    plot = plots.trend_plot(plot_id="t", title="INR", desc="d", x_label="x", y_label="y", points=[])
    assert "No results" in [t.text for t in parse(plot).iter(f"{SVG}text")]


KEY = plots.SwimmerKey(
    dispositions=[("completed", "Completed"), ("died", "Died")],
    grade_label="grade",
    on_study_label="on study",
    session_label="session",
)


def test_swimmer_plot_lanes_sorted_with_marks_by_kind():
    lanes = [
        plots.Lane("S-1", 10, [2, 5], [(3, 2)], "died", "Died"),
        plots.Lane("S-2", 30, [2], [(4, 4), (8, 2)]),
    ]
    plot = plots.swimmer_plot(
        plot_id="s", title="Swimmer", desc="d", x_label="Days", lanes=lanes, key=KEY
    )
    root = parse(plot)
    classes = {p.get("class"): p.get("d") for p in root.iter(f"{SVG}path") if p.get("class")}
    # The longest lane first: S-2 (30 days) on the first row.
    assert [row[0] for row in plot.rows] == ["S-2", "S-1"]
    assert classes["lanes"].count("M") == 2
    assert classes["sessions"].count("M") == 3
    assert classes["ae-grade-2"].count("M") == 2 and classes["ae-grade-4"].count("M") == 1
    assert classes["disposition-died"].count("M") == 1 and classes["on-study"].count("M") == 1
    assert plot.rows[1] == ["S-1", "10", "2, 5", "3 (grade 2)", "Died"]
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "S-1" in labels and "S-2" in labels


def test_swimmer_plot_of_1000_subjects_stays_small_and_parses():
    lanes = [
        plots.Lane(
            f"SITE-{i:04d}",
            20 + i % 40,
            [1, 4, 7],
            [(i % 20, 1 + i % 5), (5, 3)],
            None if i % 3 else "completed",
            "" if i % 3 else "Completed",
        )
        for i in range(1000)
    ]
    plot = plots.swimmer_plot(
        plot_id="s", title="Swimmer", desc="d", x_label="Days", lanes=lanes, key=KEY
    )
    root = parse(plot)
    assert len(str(plot.svg)) < 400_000  # bytes of SVG for 1,000 lanes
    # One element per kind of mark, not per subject; lanes too thin for labels.
    assert sum(1 for _ in root.iter()) < 150
    assert plot.scrolls and len(plot.rows) == 1000
    assert float(root.get("height")) <= 1000 * 3 + 100
