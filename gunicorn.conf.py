"""gunicorn's settings, from the environment (README, Configuration; docs/operations.md).

    .venv/bin/gunicorn -c gunicorn.conf.py

Each app server is stateless (sessions, lock-outs and form keys are in PostgreSQL), so
any number of them may run behind one load balancer.
"""

import os

from ecrf.logs import LEVELS


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}") from None


wsgi_app = "ecrf.wsgi:application"
# Behind a reverse proxy on the same host by default; BIND=0.0.0.0:8000 for a load
# balancer elsewhere (then allow its address in FORWARDED_ALLOW_IPS, read by gunicorn).
bind = os.environ.get("BIND") or f"127.0.0.1:{_int('PORT', 8000)}"
# Each worker (and each thread) holds one PostgreSQL connection (CONN_MAX_AGE): app
# servers x WEB_CONCURRENCY x GUNICORN_THREADS must stay below the server's
# max_connections, with room for backups and the admin's own.
workers = _int("WEB_CONCURRENCY", 3)
threads = _int("GUNICORN_THREADS", 1)
# A request that takes longer is killed and answered 502 by the proxy; exports of a whole
# study are the slowest pages.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = timeout
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# systemd (or the container runtime) manages the processes; gunicorn's control socket
# (one fixed path per user) would also clash between two app servers on one host.
control_socket_disable = True

# ecrf.request logs each request (without its query string); gunicorn's access log would
# repeat it with the query string, so it is off. gunicorn's own lines are JSON too.
accesslog = None
_level = os.environ.get("LOG_LEVEL", "").upper() or "INFO"
if _level not in LEVELS:
    raise SystemExit(f"LOG_LEVEL must be one of {', '.join(LEVELS)}, not {_level!r}")
loglevel = _level.lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ecrf.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"handlers": ["console"], "level": _level},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": _level, "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}
