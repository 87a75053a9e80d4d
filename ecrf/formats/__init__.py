"""Date and number formats per language (issue 6: dates, times and numbers follow the
language). Templates use the named formats (SHORT_DATE_FORMAT, SHORT_DATETIME_FORMAT), so
the active language picks the pattern; settings.FORMAT_MODULE_PATH points here.

Both languages write the day before the month's name or with its characters, never
a bare 03/04, which reads as March in one country and April in another (a transcription
risk in a trial whose monitors and sites may read different conventions).
"""
