# English: day, abbreviated month, year ("02 Dec 2026"), the DD-MMM-YYYY convention of
# clinical case report forms (CDASHIG v2 §2.5: unambiguous dates on the form); 24-hour time.
DATE_FORMAT = "d M Y"
SHORT_DATE_FORMAT = "d M Y"
DATETIME_FORMAT = "d M Y H:i"
SHORT_DATETIME_FORMAT = "d M Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "d M"
YEAR_MONTH_FORMAT = "M Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1  # Monday
# What a form reads, in both languages: ISO 8601 (issue 19 item 6), also in its basic
# form (20261201, 0930) for quick typing. The first of each is how a form writes it.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y%m%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H%M"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y%m%d %H%M",
    "%Y%m%dT%H%M",
]
