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
