"""Plots as server-side SVG: a cumulative step plot, a trend plot and a swimmer plot.

The app's Content-Security-Policy allows no inline script or style and no CDN (ecrf/
middleware.py), so plots are plain SVG built here, coloured with presentation attributes
(fill, stroke), which the policy does not govern. Every text is escaped. Each plot carries
a <title>, a <desc> and axis labels, and its numbers as a table for the page's <details>
fallback (WCAG 2.1, 1.1.1 non-text content).

The builders take plain data (dates, numbers, labels), never models, so they are tested
without a database and a view chooses the queries.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
# CTCAE grade 1-5, light to dark, so severity reads even in grey.
GRADE_COLOURS = {1: "#9ACD32", 2: "#E6B800", 3: "#E67300", 4: "#CC0000", 5: "#000000"}

WIDTH = 820
# The right margin holds the legend: room for an arm label such as
# "QHMT — Multiple-treatment group" (the plotting area ends at x = 570 either way).
LEFT, RIGHT, TOP, BOTTOM = 64, 250, 16, 48


@dataclass(frozen=True)
class Plot:
    """An SVG and its data table (columns, rows of strings)."""

    id: str
    title: str
    desc: str
    svg: SafeString
    columns: list[str]
    rows: list[list[str]]
    scrolls: bool = False


@dataclass(frozen=True)
class Scale:
    """Linear map of a domain [lo, hi] onto a range [a, b] (SVG units)."""

    lo: float
    hi: float
    a: float
    b: float

    def __call__(self, value: float) -> float:
        if self.hi == self.lo:
            return self.a
        return self.a + (value - self.lo) * (self.b - self.a) / (self.hi - self.lo)


def num(value: float) -> str:
    """A coordinate or value, short: 12.0 -> "12", 3.14159 -> "3.1"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attrs(attrs: dict) -> str:
    out = []
    for key, value in attrs.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        text = num(value) if isinstance(value, float) else str(value)
        out.append(f' {name}="{escape(text)}"')
    return "".join(out)


def el(tag: str, content: str = "", **attrs) -> str:
    """An SVG element; `content` is markup already built with el() or text()."""
    if content:
        return f"<{tag}{_attrs(attrs)}>{content}</{tag}>"
    return f"<{tag}{_attrs(attrs)}/>"


def text(value: object) -> str:
    return str(escape(str(value)))


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About `count` round ticks (1, 2 or 5 times a power of ten) covering [lo, hi]."""
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]


def _svg(plot_id: str, title: str, desc: str, width: float, height: float, body: str) -> str:
    return el(
        "svg",
        el("title", text(title), id=f"{plot_id}-title")
        + el("desc", text(desc), id=f"{plot_id}-desc")
        + body,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {num(width)} {num(height)}",
        width=num(width),
        height=num(height),
        role="img",
        aria_labelledby=f"{plot_id}-title",
        aria_describedby=f"{plot_id}-desc",
        font_family="sans-serif",
        font_size="11",
        class_="plot-svg",
    )


def _axes(x: Scale, y: Scale, xticks, yticks, x_label: str, y_label: str, *, x_text=num) -> str:
    """The axis lines, ticks with labels, and the two axis titles."""
    bottom, left = y.a, x.a
    parts = [
        el(
            "path",
            d=f"M{num(left)} {num(y.b)}V{num(bottom)}H{num(x.b)}",
            stroke="#333",
            fill="none",
        )
    ]
    for tick in xticks:
        px = x(tick)
        parts.append(el("path", d=f"M{num(px)} {num(bottom)}v4", stroke="#333"))
        parts.append(
            el("text", text(x_text(tick)), x=px, y=bottom + 15, text_anchor="middle", fill="#333")
        )
    for tick in yticks:
        py = y(tick)
        parts.append(el("path", d=f"M{num(left)} {num(py)}h-4", stroke="#333"))
        parts.append(el("path", d=f"M{num(left)} {num(py)}H{num(x.b)}", stroke="#e5e5e5"))
        parts.append(
            el("text", text(num(tick)), x=left - 6, y=py + 4, text_anchor="end", fill="#333")
        )
    middle_x, middle_y = (x.a + x.b) / 2, (y.a + y.b) / 2
    parts.append(
        el("text", text(x_label), x=middle_x, y=bottom + 36, text_anchor="middle", class_="axis-x")
    )
    parts.append(
        el(
            "text",
            text(y_label),
            x=14.0,
            y=middle_y,
            text_anchor="middle",
            transform=f"rotate(-90 14 {num(middle_y)})",
            class_="axis-y",
        )
    )
    return "".join(parts)


def _legend(items: Sequence[tuple[str, str, str]], x0: float, y0: float) -> str:
    """(label, colour, kind) swatches in the right margin; kind: line, dash, box, bar."""
    parts = []
    for i, (label, colour, kind) in enumerate(items):
        y = y0 + i * 16
        if kind in ("line", "dash"):
            swatch = el(
                "path",
                d=f"M{num(x0)} {num(y)}h18",
                stroke=colour,
                stroke_width="2",
                stroke_dasharray="4 3" if kind == "dash" else None,
            )
        elif kind == "bar":
            swatch = el(
                "path", d=f"M{num(x0 + 9)} {num(y - 6)}v12", stroke=colour, stroke_width="3"
            )
        else:
            swatch = el("rect", x=x0 + 5, y=y - 4, width="8", height="8", fill=colour)
        parts.append(swatch + el("text", text(label), x=x0 + 24, y=y + 4, fill="#333"))
    return el("g", "".join(parts), class_="legend")


# --- Enrolment against target -------------------------------------------------------------


@dataclass(frozen=True)
class StepSeries:
    """One arm: its enrolment dates (one per subject) and its target."""

    name: str
    dates: Sequence[dt.date]
    target: int | None = None


def cumulative(dates: Sequence[dt.date]) -> list[tuple[dt.date, int]]:
    """(date, subjects enrolled up to and including that date), one row per date."""
    out: list[tuple[dt.date, int]] = []
    for count, day in enumerate(sorted(dates), start=1):
        if out and out[-1][0] == day:
            out[-1] = (day, count)
        else:
            out.append((day, count))
    return out


def step_plot(
    *,
    plot_id: str,
    title: str,
    desc: str,
    x_label: str,
    y_label: str,
    series: Sequence[StepSeries],
    today: dt.date,
    height: int = 260,
) -> Plot:
    """Cumulative counts over time, a step line per series with its target dashed."""
    steps = [cumulative(s.dates) for s in series]
    all_dates = [d for s in series for d in s.dates]
    start = min(all_dates, default=today) - dt.timedelta(days=1)
    end = max([today, *all_dates])
    top = max([1, *(s.target or 0 for s in series), *(len(s.dates) for s in series)])
    x = Scale(start.toordinal(), end.toordinal(), LEFT, WIDTH - RIGHT)
    y = Scale(0, top, height - BOTTOM, TOP)
    span = end.toordinal() - start.toordinal()
    xticks = nice_ticks(start.toordinal(), end.toordinal(), 4) if span > 4 else []
    xticks = [int(t) for t in xticks] or [start.toordinal(), end.toordinal()]
    body = [
        _axes(
            x,
            y,
            xticks,
            nice_ticks(0, top, 5),
            x_label,
            y_label,
            x_text=lambda o: dt.date.fromordinal(int(o)).isoformat(),
        )
    ]
    legend = []
    rows = []
    for i, (s, points) in enumerate(zip(series, steps, strict=True)):
        colour = PALETTE[i % len(PALETTE)]
        d = [f"M{num(x(start.toordinal()))} {num(y(0))}"]
        for day, count in points:
            d.append(f"H{num(x(day.toordinal()))}V{num(y(count))}")
            rows.append(
                [s.name, day.isoformat(), str(count), "" if s.target is None else str(s.target)]
            )
        d.append(f"H{num(x(end.toordinal()))}")
        body.append(
            el("path", d="".join(d), stroke=colour, stroke_width="2", fill="none", class_="series")
        )
        legend.append((s.name, colour, "line"))
        if s.target is not None:
            body.append(
                el(
                    "path",
                    d=f"M{num(x.a)} {num(y(s.target))}H{num(x.b)}",
                    stroke=colour,
                    stroke_dasharray="5 4",
                    fill="none",
                    class_="target",
                )
            )
    if any(s.target is not None for s in series):
        legend.append((_("target (dashed)"), "#333", "dash"))
    body.append(_legend(legend, WIDTH - RIGHT + 16, TOP + 8))
    return Plot(
        plot_id,
        title,
        desc,
        mark_safe(_svg(plot_id, title, desc, WIDTH, height, "".join(body))),  # noqa: S308 (escaped)
        [_("Arm / cohort"), _("Date"), _("Cumulative enrolled"), _("Target")],
        rows,
    )


# --- A lab value by study day -------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A vertical line at an x value (a treatment session), labelled."""

    x: float
    label: str


def trend_plot(
    *,
    plot_id: str,
    title: str,
    desc: str,
    x_label: str,
    y_label: str,
    points: Sequence[tuple[float, float]],
    markers: Sequence[Marker] = (),
    band: tuple[float | None, float | None] | None = None,
    height: int = 220,
) -> Plot:
    """Values (x = study day) joined by a line, sessions as vertical lines, the reference
    range shaded (a missing limit shades to the plot's edge)."""
    xs = [p[0] for p in points] + [m.x for m in markers]
    ys = [p[1] for p in points] + [v for v in (band or ()) if v is not None]
    x_lo, x_hi = min(xs, default=0.0), max(xs, default=1.0)
    y_lo, y_hi = min([0.0, *ys]), max(ys, default=1.0)
    y_hi = y_hi * 1.1 if y_hi > 0 else 1.0
    x = Scale(math.floor(x_lo), math.ceil(x_hi) if x_hi > x_lo else x_lo + 1, LEFT, WIDTH - RIGHT)
    y = Scale(y_lo, y_hi, height - BOTTOM, TOP)
    body = []
    if band is not None and band != (None, None):
        low = y_lo if band[0] is None else band[0]
        high = y_hi if band[1] is None else band[1]
        body.append(
            el(
                "rect",
                x=x.a,
                y=y(high),
                width=x.b - x.a,
                height=y(low) - y(high),
                fill="#d9f0d9",
                class_="reference-range",
            )
        )
    body.append(_axes(x, y, nice_ticks(x.lo, x.hi, 6), nice_ticks(y_lo, y_hi, 4), x_label, y_label))
    for marker in markers:
        body.append(
            el(
                "path",
                el("title", text(marker.label)),
                d=f"M{num(x(marker.x))} {num(y.b)}V{num(y.a)}",
                stroke="#888",
                stroke_dasharray="2 2",
                class_="session",
            )
        )
    if points:
        ordered = sorted(points)
        d = "".join(
            f"{'M' if i == 0 else 'L'}{num(x(px))} {num(y(py))}"
            for i, (px, py) in enumerate(ordered)
        )
        body.append(el("path", d=d, stroke=PALETTE[0], stroke_width="2", fill="none"))
        body.extend(
            el("circle", cx=x(px), cy=y(py), r="3", fill=PALETTE[0], class_="point")
            for px, py in ordered
        )
    else:
        body.append(
            el(
                "text",
                text(_("No results")),
                x=(x.a + x.b) / 2,
                y=(y.a + y.b) / 2,
                text_anchor="middle",
            )
        )
    legend = [(y_label, PALETTE[0], "line"), (_("treatment session"), "#888", "dash")]
    if band is not None and band != (None, None):
        legend.append((_("reference range"), "#d9f0d9", "box"))
    body.append(_legend(legend, WIDTH - RIGHT + 16, TOP + 8))
    rows = [[num(px), num(py)] for px, py in sorted(points)]
    return Plot(
        plot_id,
        title,
        desc,
        mark_safe(_svg(plot_id, title, desc, WIDTH, height, "".join(body))),  # noqa: S308 (escaped)
        [x_label, y_label],
        rows,
    )


# --- Swimmer plot ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lane:
    """One subject: days from enrolment (day 0) to the end of the lane."""

    label: str
    end_day: int
    sessions: Sequence[float] = ()
    adverse_events: Sequence[tuple[int, int]] = ()  # (day, CTCAE grade)
    disposition: str | None = None  # a code, None while on study
    disposition_label: str = ""


@dataclass(frozen=True)
class SwimmerKey:
    """The translated labels a swimmer plot's legend needs."""

    dispositions: Sequence[tuple[str, str]]  # (code, label), in legend order
    grade_label: str = ""
    on_study_label: str = ""
    session_label: str = ""


def swimmer_plot(
    *,
    plot_id: str,
    title: str,
    desc: str,
    x_label: str,
    lanes: Sequence[Lane],
    key: SwimmerKey,
) -> Plot:
    """One lane per subject, longest first. Lanes thin out as subjects grow (3 to 18 units)
    and the page scrolls the SVG; each kind of mark is one <path> for all subjects, so
    1,000 subjects stay near 100 kB. Lane labels are drawn only while they fit; the table
    lists every subject."""
    lanes = sorted(lanes, key=lambda lane: (-lane.end_day, lane.label))
    count = max(len(lanes), 1)
    lane_h = min(18.0, max(3.0, 480 / count))
    legend_h = (len(key.dispositions) + 7) * 16 + 16
    height = max(TOP + count * lane_h + BOTTOM, legend_h)
    days = max([7, *(lane.end_day for lane in lanes)])
    x = Scale(0, days, LEFT, WIDTH - RIGHT)
    y_axis = Scale(0, 1, height - BOTTOM, TOP)  # only for the axis frame
    body = [_axes(x, y_axis, nice_ticks(0, days, 6), [], x_label, _("Subjects"))]
    bar = max(1.0, lane_h * 0.45)
    mark = max(1.5, min(lane_h * 0.8, 10.0))
    lane_paths, session_paths = [], []
    ae_paths: dict[int, list[str]] = {g: [] for g in GRADE_COLOURS}
    end_paths: dict[str | None, list[str]] = {}
    labels = []
    for i, lane in enumerate(lanes):
        cy = TOP + (i + 0.5) * lane_h
        lane_paths.append(f"M{num(x(0))} {num(cy)}H{num(x(lane.end_day))}")
        for day in lane.sessions:
            session_paths.append(f"M{num(x(day))} {num(cy - mark / 2)}v{num(mark)}")
        for day, grade in lane.adverse_events:
            half = mark / 2
            # A diamond: readable at any lane height and distinct from the session tick.
            ae_paths.setdefault(grade, []).append(
                f"M{num(x(day))} {num(cy - half)}l{num(half)} {num(half)}"
                f"l{num(-half)} {num(half)}l{num(-half)} {num(-half)}z"
            )
        end = x(lane.end_day)
        if lane.disposition is None:  # still on study: an arrow
            end_paths.setdefault(None, []).append(
                f"M{num(end)} {num(cy - mark / 2)}l{num(mark / 2)} {num(mark / 2)}"
                f"l{num(-mark / 2)} {num(mark / 2)}z"
            )
        else:  # a bar closes the lane
            end_paths.setdefault(lane.disposition, []).append(
                f"M{num(end)} {num(cy - mark / 2)}v{num(mark)}"
            )
        if lane_h >= 10:
            labels.append(
                el("text", text(lane.label), x=LEFT - 6, y=cy + 4, text_anchor="end", fill="#333")
            )
    body.append(
        el("path", d="".join(lane_paths), stroke="#9bb7d4", stroke_width=num(bar), class_="lanes")
    )
    if session_paths:
        body.append(
            el(
                "path",
                d="".join(session_paths),
                stroke="#1f3b5a",
                stroke_width="1.5",
                class_="sessions",
            )
        )
    for grade, paths in ae_paths.items():
        if paths:
            body.append(
                el(
                    "path",
                    d="".join(paths),
                    fill=GRADE_COLOURS.get(grade, "#666"),
                    class_=f"ae-grade-{grade}",
                )
            )
    colours = {
        code: PALETTE[(i + 1) % len(PALETTE)] for i, (code, _l) in enumerate(key.dispositions)
    }
    for code, paths in end_paths.items():
        if code is None:
            body.append(el("path", d="".join(paths), fill="#555", class_="on-study"))
        else:
            body.append(
                el(
                    "path",
                    d="".join(paths),
                    stroke=colours.get(code, "#333"),
                    stroke_width="3",
                    class_=f"disposition-{code}",
                )
            )
    body.extend(labels)
    legend = [(key.session_label, "#1f3b5a", "bar")]
    legend += [(f"{key.grade_label} {g}", c, "box") for g, c in GRADE_COLOURS.items()]
    legend += [(label, colours[code], "bar") for code, label in key.dispositions]
    legend.append((key.on_study_label, "#555", "box"))
    body.append(_legend(legend, WIDTH - RIGHT + 16, TOP + 8))
    rows = [
        [
            lane.label,
            str(lane.end_day),
            ", ".join(num(d) for d in lane.sessions),
            ", ".join(f"{d} ({key.grade_label} {g})" for d, g in lane.adverse_events),
            lane.disposition_label or key.on_study_label,
        ]
        for lane in lanes
    ]
    return Plot(
        plot_id,
        title,
        desc,
        mark_safe(_svg(plot_id, title, desc, WIDTH, height, "".join(body))),  # noqa: S308 (escaped)
        [_("Subject"), x_label, _("Sessions (day)"), _("Adverse events (day)"), _("Disposition")],
        rows,
        scrolls=count > 40,
    )
