"""Hypothesis strategies of hostile form values (issue 7, item 4).

Each strategy yields what a browser, a script or an attacker could put in one POST or GET
value: numbers out of range or not numbers at all (NaN, Infinity, 1e308, 40 digits),
impossible, malformed, reversed or far-away dates, wrong units, 100,000-character
strings, NUL bytes (PostgreSQL text cannot hold them), script tags, and text in other
scripts and directions. Values are strings, as the wire carries them.
"""

import datetime as dt

from hypothesis import strategies as st

# Script payloads: stored as typed is fine, rendered raw never (checked on every page).
XSS = (
    "<script>alert('fuzz')</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(2)</script>",
    "<svg/onload=alert(3)>",
)
NUL = ("\x00", "a\x00b", "12\x00", "\x00" * 8, "2024-01-01\x00")
UNICODE = (
    "肝衰竭患者",
    "乙型肝炎 · 慢加急性",
    "مريض كبدي",
    "\u202eevil\u202c",
    "עברית",
    "👩\u200d⚕️💉🧪",
    "e\u0301",
    "\ufeffBOM",
    "\u200b",
    "１２３",  # full-width digits: int() reads them
    "٣٫٥",  # Arabic-Indic digits and decimal separator
    "𝟗𝟗",
)
NUMBERS = (
    "-1",
    "0",
    "-0",
    "1e308",
    "-1e308",
    "1e-308",
    "1E+400",
    "NaN",
    "nan",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "9" * 40,
    "-" + "9" * 40,
    "2147483648",
    "9223372036854775808",
    "0.00000000001",
    "12,5",
    "1_000",
    "0x1F",
    " 12 ",
    "+5",
    ".",
    "-",
    "1e",
    "1.2.3",
)
DATES = (
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "1900-01-01",
    "2200-01-01",
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "31/12/2024",
    "2024-1-1",
    "20240101",
    "today",
    "2024-01-01T10:00",
    "10000-01-01",
)
DATETIMES = (
    "0001-01-01T00:00",
    "0001-01-01T07:59",
    "9999-12-31T23:59",
    "2024-02-30T10:00",
    "2024-01-01T25:61",
    "2024-01-01",
    "2024-01-01 10:00:00.123456+14:00",
    "2024-01-01T10:00Z",
    "1970-01-01T00:00",
    "2038-01-19T03:14",
    "now",
)
TIMES = ("25:00", "12:60", "00:00", "23:59:59.999999", "noon", "-1:00", "24:00")
BOOLEANS = ("on", "off", "true", "false", "True", "False", "1", "0", "yes", "unknown", "")
# Units of other tests, spellings of the right one that are not its code, and nonsense.
UNITS = (
    "mg/dL",
    "umol/L",
    "µmol/L",
    "μmol/L",  # Greek mu, not the micro sign
    "mmol/L",
    "g/L",
    "g/dL",
    "U/L",
    "IU/L",
    "%",
    "s",
    "ratio",
    "10^9/L",
    "/mm3",
    "kPa",
    "mmHg",
    "MG/DL",
    "mg/dl",
    "mg / dL",
    "",
)


# JSON a text area of the admin might receive (Study.options).
JSON = (
    "{}",
    "[]",
    "null",
    '"text"',
    "1e999",
    '{"screening_window_days": "abc"}',
    '{"screening_window_days": -5}',
    '{"screening_window_days": 1e308}',
    '{"max_sessions": null}',
    '{"follow_up": [[1]]}',
    '{"follow_up": "x"}',
    '{"bogus": 1}',
    '{"safety": {"bogus": 1}}',
    '{"safety": []}',
    '{"labs": {"ctcae_query_grade": "x"}}',
    '{"a": "\\u0000"}',
    '{"\\u0000": 1}',
    "[" * 5000 + "]" * 5000,
    '{"a": 1, "a": 2}',
    "{'single': 'quotes'}",
    "NaN",
)


def huge_text() -> st.SearchStrategy[str]:
    return st.builds(
        lambda char, n: char * n,
        st.sampled_from(["x", "9", "中", "<", "\x00"]),
        st.sampled_from([256, 5_000, 100_000]),
    )


def any_text() -> st.SearchStrategy[str]:
    """Short random text from the whole of Unicode (NUL and controls included)."""
    return st.text(max_size=40)


def hostile_text() -> st.SearchStrategy[str]:
    """Anything a text box could receive."""
    return st.one_of(
        st.sampled_from(XSS),
        st.sampled_from(NUL),
        st.sampled_from(UNICODE),
        huge_text(),
        any_text(),
        st.just(""),
        st.just("   "),
    )


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.integers().map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
    )


def dates() -> st.SearchStrategy[str]:
    """ISO dates anywhere in years 1-9999 (far past, far future), and malformed ones."""
    return st.one_of(
        st.sampled_from(DATES),
        st.dates().map(dt.date.isoformat),
        st.dates(dt.date(2000, 1, 1), dt.date(2050, 12, 31)).map(dt.date.isoformat),
    )


def datetimes() -> st.SearchStrategy[str]:
    """datetime-local values (site time) anywhere in years 1-9999, and malformed ones."""
    return st.one_of(
        st.sampled_from(DATETIMES),
        st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
        st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2050, 12, 31)).map(
            lambda moment: moment.isoformat(timespec="minutes")
        ),
    )


def times() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(TIMES), st.times().map(lambda t: t.isoformat(timespec="minutes"))
    )


def for_kind(kind: str, choices: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """Hostile values for a control of this kind (HTML input type, "select", ...):
    the kind's own kind of nonsense first (what shrinking comes back to), then any."""
    typed = {
        "date": dates(),
        "datetime-local": datetimes(),
        "time": times(),
        "number": numbers(),
        "checkbox": st.sampled_from(BOOLEANS),
        "unit": st.sampled_from(UNITS),
        "json": st.sampled_from(JSON),
    }.get(kind)
    options = [st.sampled_from(choices)] if choices else []
    anything = st.one_of(hostile_text(), numbers(), dates(), datetimes())
    return st.one_of(*options, *([typed] if typed is not None else []), anything)
