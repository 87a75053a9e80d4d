# The verbs a newcomer types. `make run` and `make test` work on a machine with only
# python3 (3.11+) and make; the embedded PostgreSQL comes from a wheel.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run dev test bench soak install lint migrations lock clean-db messages backup restore

# Compiled translation catalogues. The .mo files are committed, so a machine without
# gettext needs nothing; where msgfmt exists, a .po newer than its .mo is recompiled.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

# Everything: the runtime, the demo's embedded PostgreSQL and the test tools
# (requirements/dev.lock). A production install takes requirements/runtime.lock only
# (docs/operations.md). The venv's own pip installs the lock as it is: every package is
# pinned with its hash, so there is nothing to resolve (--no-deps), and Python compiles a
# module when it is first imported rather than pip compiling every file of every package
# (--no-compile): a first `make run` spends its time serving (issue 20, item 7).
$(STAMP): requirements/dev.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps --no-compile --require-hashes -r requirements/dev.lock
	touch $(STAMP)

install: $(STAMP)

messages: $(MO_FILES)

%.mo: %.po
	@if command -v msgfmt >/dev/null 2>&1; then msgfmt --check-format -o $@ $<; \
	else echo "msgfmt not found: using the committed $@"; fi

# The demo, served by gunicorn as production serves (gunicorn.conf.py: WEB_CONCURRENCY
# workers, one database connection each). ECRF_ADDRESS=127.0.0.1:8001 serves elsewhere.
run: install messages
	$(PY) -m ecrf.embedded_db serve

# For working on the code: the same demo with runserver, which reloads on every change.
dev: install messages
	$(PY) -m ecrf.embedded_db develop

# The suite runs in one process per CPU (pytest-xdist), each with a throw-away cluster of
# its own (tests/embedded_postgres.py). PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto

test: install messages
	$(VENV)/bin/ruff check .
	$(PY) -m tests.with_database $(PY) manage.py check
	$(PY) -m tests.with_database $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The benchmark (issue 7): seeds a large study once into .pgdata-bench, serves it with
# gunicorn, loads it and prints the figures, the last line as JSON. Not run in CI.
bench: install messages
	$(PY) -m bench.run $(BENCH_ARGS)

# The full soak: 16 writers for 60 s through a PostgreSQL restart and a killed worker.
# `make test` runs a 15 s one (tests/reliability/test_soak.py).
soak: install messages
	$(PY) -m bench.soak $(SOAK_ARGS)

lint: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the locks after changing dependencies in pyproject.toml: everything first,
# then the runtime's alone, held to the same versions (what production installs is what
# the tests ran). An existing lock's versions are kept where they still fit.
lock:
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --extra demo --generate-hashes \
		--python-version 3.11 -o requirements/dev.lock
	$(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
		-c requirements/dev.lock -o requirements/runtime.lock

clean-db:
	rm -rf .pgdata

# Backups (ecrf/backup.py, docs/operations.md): a consistent pg_dump of the database that
# DATABASE_URL names (ECRF_DEMO=1: the demo's), with a manifest beside it; a restore goes into an
# empty database only, and checks every table against that manifest. Uses the installed
# .venv as it is (no reinstall: a production server may have no package index).
backup:
	@test -n "$(TO)" || { echo "usage: make backup TO=backups/ecrf-$$(date +%F).dump"; exit 2; }
	$(PY) manage.py backup "$(TO)"

restore:
	@test -n "$(FROM)" || { echo "usage: make restore FROM=path/to/file.dump"; exit 2; }
	$(PY) manage.py restore "$(FROM)"
