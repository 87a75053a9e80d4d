"""`make soak`: 16 writers for 60 s through a PostgreSQL restart and a killed gunicorn
worker; then every acknowledged write must be in the database exactly once, with its
audit record (issue 7, item 3). tests/reliability/test_soak.py runs a short one.

    python -m bench.soak                                   # the full soak, 60 s
    python -m bench.soak --seconds 15 --database-url URL --pgdata DIR   # (the test)

Each writer is a site staff member signed in through the login form, entering medical
history for a subject of their own: GET the new-entry form (its CSRF token and one-time
key), POST it with a unique term, and count the write acknowledged when the answer is
the redirect after a save. A failed POST (503, a 500, a connection cut) is sent again
with the same fields and the same one-time key until it is acknowledged, honouring
Retry-After (capped at 1 s to keep the run short).

Faults, at fixed points of the run:
  restart  `pg_ctl restart -m fast` of the cluster (skipped when DATABASE_URL names a
           server this process cannot restart)
  kill     SIGKILL of the gunicorn worker answering a writer's POST at that moment (found
           by the connection's port in /proc); again until a POST was cut

Checks, against the database afterwards:
  - every acknowledged write present exactly once; no term twice (no duplicates);
  - the audit trail: one insert event per written row, in the writer's request context,
    and nothing else for those rows;
  - one stored one-time key per acknowledged write;
  - no HTTP 500; every error answer is a 503 with Retry-After (a 400 because the
    session could not be saved during the outage is a wrong answer too);
  - writes acknowledged again within 5 s of PostgreSQL being back (service resumes by
    itself) and after the killed worker (the master starts another);
  - the writes cut by the kill were retried and created no duplicate.
The last line printed is one line of JSON; the exit status is 1 if a check fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import processes
from bench.load import Client, ClientError, post_form

BASE_DIR = processes.BASE_DIR
PASSWORD = "soak-writer-password-2026"
TERM_PREFIX = "SOAK"
RECOVERY_LIMIT_S = 5.0
DRAIN_S = 30.0  # after the run: how long a writer may still retry its last write


_STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - _STARTED:5.1f}s] {message}", file=sys.stderr, flush=True)


# --- The writers --------------------------------------------------------------------------


@dataclasses.dataclass
class Write:
    writer: int
    term: str
    key: str = ""
    attempts: int = 0
    faults: list[str] = dataclasses.field(default_factory=list)  # what each retry followed
    acked_at: float | None = None
    acked_by: str = ""  # the request id of the acknowledging answer (X-Request-ID)


@dataclasses.dataclass
class Answer:
    at: float  # seconds since the start of the load
    method: str
    status: str  # "200", "302", "503", "500", or the exception's name
    retry_after: bool


class Recorder:
    def __init__(self, started: float):
        self.started = started
        self.lock = threading.Lock()
        self.answers: list[Answer] = []
        self.writes: list[Write] = []

    def now(self) -> float:
        return time.monotonic() - self.started

    def answer(self, method: str, status: str, retry_after: bool = False) -> None:
        with self.lock:
            self.answers.append(Answer(self.now(), method, status, retry_after))


class Writer(threading.Thread):
    def __init__(self, n: int, *, base_url: str, path: str, user: str, recorder: Recorder):
        super().__init__(name=f"writer-{n}")
        self.n = n
        self.client = Client(base_url, timeout=30)
        self.path = path
        self.user = user
        self.recorder = recorder
        self.stop_at = 0.0  # monotonic time: no new write after it
        self.give_up_at = 0.0
        self.posting_port: int | None = None  # set while a POST awaits its answer

    def login(self) -> None:
        self.client.login(self.user, PASSWORD)

    def run(self) -> None:
        seq = 0
        while time.monotonic() < self.stop_at:
            seq += 1
            write = Write(self.n, f"{TERM_PREFIX} w{self.n:02d} #{seq:05d}")
            with self.recorder.lock:
                self.recorder.writes.append(write)
            self.write(write)

    def _send(self, method: str, fields: dict | None = None):
        """One request; returns the response or None after a failure (recorded, slept)."""
        if method == "POST":
            self.client.on_sent = self._posting
        try:
            response = self.client.request(method, self.path, fields)
        except (OSError, http.client.HTTPException) as exc:
            self.recorder.answer(method, type(exc).__name__)
            time.sleep(0.1)
            return None, type(exc).__name__
        finally:
            self.client.on_sent = None
            self.posting_port = None
        retry_after = response.headers.get("Retry-After")
        self.recorder.answer(method, str(response.status), retry_after is not None)
        if response.status >= 500:
            try:
                pause = min(float(retry_after), 1.0) if retry_after else 0.2
            except ValueError:
                pause = 0.2
            time.sleep(pause)
            return None, str(response.status)
        return response, str(response.status)

    def _posting(self, port: int) -> None:
        self.posting_port = port

    def write(self, write: Write) -> None:
        fields = None
        while fields is None:  # the form: its CSRF token and one-time key
            if time.monotonic() > self.give_up_at:
                return
            page, _status = self._send("GET")
            if page is not None and page.status == 200:
                fields = post_form(page.text)
            elif page is not None:
                time.sleep(0.2)
        fields.update(term=write.term, category="general", start="2020", ongoing="on")
        fields.update(end="", allergen="")
        write.key = fields.get("idempotency_key", "")
        while time.monotonic() <= self.give_up_at:
            write.attempts += 1
            answer, status = self._send("POST", fields)
            if answer is None:
                write.faults.append(status)
                continue
            if answer.status == 302:
                write.acked_at = self.recorder.now()
                write.acked_by = answer.headers.get("X-Request-ID", "")
                return
            if answer.status in (409, 422):
                # The form was refused (it should not be): a failed write, reported.
                write.faults.append(f"refused {answer.status}")
                return
            # Any other answer (e.g. 400 when the session could not be saved during the
            # outage) is not an acknowledgement: sent again, as a user would.
            write.faults.append(status)
            time.sleep(0.2)


# --- Faults --------------------------------------------------------------------------------


def kill_a_worker_mid_post(app: processes.AppServer, writers, recorder: Recorder) -> dict:
    """SIGKILL the gunicorn worker answering a writer's POST at that moment: the worker
    holding the server end of that writer's connection. Again, for up to 15 s, until a
    POST was cut (the answer may win the race against the kill)."""
    killed = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        cut_before = _cut_posts(recorder)
        pid = None
        for writer in writers:
            port = writer.posting_port
            if port is not None and (pid := _worker_serving(app, port)) is not None:
                break
        if pid is None:
            time.sleep(0.005)
            continue
        os.kill(pid, signal.SIGKILL)
        killed.append({"pid": pid, "at": round(recorder.now(), 2)})
        time.sleep(0.5)  # the writer sees its connection cut at once
        if _cut_posts(recorder) > cut_before:
            break
    return {"killed": killed, "posts_cut": _cut_posts(recorder)}


def _cut_posts(recorder: Recorder) -> int:
    with recorder.lock:
        return sum(1 for a in recorder.answers if a.method == "POST" and not a.status.isdigit())


def _worker_serving(app: processes.AppServer, client_port: int) -> int | None:
    """The worker whose open files include the server end of the TCP connection from
    127.0.0.1:client_port (Linux: /proc/net/tcp gives its socket inode)."""
    local, remote = f"0100007F:{app.port:04X}", f"0100007F:{client_port:04X}"
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == local and fields[2] == remote:
            inode = fields[9]
            break
    if inode is None:
        return None
    target = f"socket:[{inode}]"
    for pid in app.worker_pids():
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    return pid
            except OSError:
                continue
    return None  # still waiting to be accepted


# --- Set-up and checks (Django, in this process) --------------------------------------------


def set_up(writers: int) -> list[tuple[str, str]]:
    """Both studies and their sites, and per writer a site staff account and a subject.
    Returns (username, new-history path) per writer."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from ecrf import actions
    from ecrf.actions import versions as version_actions
    from ecrf.models import Membership, Role, Site, Study

    fixture = json.loads((BASE_DIR / "fixtures" / "demo.json").read_text())
    User = get_user_model()
    # One hash for every writer: PBKDF2 costs ~0.3 s, paid once here, once per login.
    password = make_password(PASSWORD)
    targets = []
    with transaction.atomic():
        for package in settings.ECRF_STUDIES:
            actions.protocol_sync(study_package=package)
        sites = []
        for row in fixture["sites"]:
            site, _ = Site.objects.get_or_create(
                study=Study.objects.get(registry_id=row["study"]),
                code=row["code"],
                defaults={k: row[k] for k in ("name", "city", "time_zone")},
            )
            sites.append(site)
        today = dt.date.today()
        # A site screens only under a protocol version in force there (issue 21): 1.0,
        # put in force a month ago by a data manager, as the demo does.
        signer = User.objects.create_user("soak-data-manager", password=PASSWORD)
        for site in sites:  # every membership first: the user's roles are read once
            Membership.objects.create(user=signer, site=site, role=Role.DATA_MANAGER)
        for site in sites:
            version_actions.site_version_put_in_force(
                site=site,
                number="1.0",
                by=signer,
                password=PASSWORD,
                ethics_approved_on=today - dt.timedelta(days=30),
                in_force_from=today - dt.timedelta(days=30),
            )
        for n in range(writers):
            site = sites[n % len(sites)]
            user = User.objects.create(username=f"soak-writer-{n:02d}", password=password)
            Membership.objects.create(user=user, site=site, role=Role.SITE_STAFF)
            subject = actions.subject_register(
                site=site,
                by=user,
                sex="M",
                date_of_birth=today - dt.timedelta(days=50 * 365),
                height_cm=170,
                weight_kg=65,
                consent_date=today,
                consent_version="v1.0",
                screening_date=today,
            )
            path = (
                f"/studies/{site.study.registry_id}/subjects/{subject.screening_number}"
                "/medical-history/new/"
            )
            targets.append((user.username, path))
    return targets


def check(recorder: Recorder, faults: dict, writers: int) -> dict:
    """Compare what the writers were told with what the database holds."""
    from django.contrib.auth import get_user_model

    from ecrf import audit
    from ecrf.models import MedicalHistory, SubmissionKey

    event_model = audit.subject_links()[MedicalHistory].event_model
    rows = {}
    for pk, term in MedicalHistory.all_objects.filter(term__startswith=TERM_PREFIX).values_list(
        "pk", "term"
    ):
        rows.setdefault(term, []).append(pk)
    acked = [w for w in recorder.writes if w.acked_at is not None]
    unacked = [w for w in recorder.writes if w.acked_at is None]
    lost = [w.term for w in acked if w.term not in rows]
    duplicated = sorted(term for term, pks in rows.items() if len(pks) > 1)
    unacked_committed = [w.term for w in unacked if w.term in rows]
    # The audit trail: one insert event per row, in the request context of its writer.
    writer_ids = dict(
        get_user_model()
        .objects.filter(username__startswith="soak-writer-")
        .values_list("username", "pk")
    )
    ids = [pk for pks in rows.values() for pk in pks]
    events = list(
        event_model.objects.filter(pgh_obj_id__in=ids).values_list(
            "pgh_obj_id", "pgh_label", "term", "pgh_context__metadata"
        )
    )
    inserts = [e for e in events if e[1] == "insert"]
    audit_mismatches = []
    by_obj = {}
    for obj_id, label, term, metadata in events:
        by_obj.setdefault(obj_id, []).append((label, term, metadata))
    for term, pks in rows.items():
        for pk in pks:
            found = by_obj.get(pk, [])
            writer = f"soak-writer-{term.split()[1][1:]}"
            metadata = found[0][2] if found else None
            if (
                len(found) != 1
                or found[0][0] != "insert"
                or found[0][1] != term
                or not metadata
                or metadata.get("user") != writer_ids.get(writer)
            ):
                audit_mismatches.append(term)
    keys = {w.key for w in acked}
    stored_keys = SubmissionKey.objects.filter(key__in=keys).exclude(redirect_to="").count()
    # What the clients were told.
    statuses = {}
    for a in recorder.answers:
        statuses[a.status] = statuses.get(a.status, 0) + 1
    errors_500 = [round(a.at, 2) for a in recorder.answers if a.status == "500"]
    # An error answer is a 503 with Retry-After, never anything else (issue 7: "Clients
    # get 503 with Retry-After, never 500"); a cut connection (the killed worker) is not
    # an answer.
    wrong_answers = [
        (round(a.at, 2), a.status)
        for a in recorder.answers
        if a.status.isdigit() and int(a.status) >= 400 and not (a.status == "503" and a.retry_after)
    ]
    cut = [w for w in recorder.writes if any(not f[:1].isdigit() for f in w.faults)]
    # A cut POST whose row was written in another request than the one that answered
    # the retry had committed before the kill: the retry was answered from its one-time
    # key (the replay), not written again.

    def written_in(term) -> str | None:
        found = by_obj.get(rows[term][0]) if term in rows else None
        return (found[0][2] or {}).get("request_id") if found else None

    replayed = [w.term for w in cut if written_in(w.term) not in (None, w.acked_by)]
    restart = faults.get("restart") or {}
    recovery = None
    if restart.get("back_at") is not None:
        after = [w.acked_at for w in acked if w.acked_at >= restart["back_at"]]
        recovery = round(min(after) - restart["back_at"], 2) if after else None
    kill = faults.get("kill") or {}
    after_kill = None
    if kill.get("killed"):
        last_kill = kill["killed"][-1]["at"]
        after_kill = sum(1 for w in acked if w.acked_at > last_kill + 2)
    checks = {
        "writes_acknowledged": len(acked) > 0,
        "no_lost_write": not lost,
        "no_duplicate": not duplicated,
        "unacknowledged_writes_at_most_once": all(len(rows[t]) == 1 for t in unacked_committed),
        "audit_records_match_writes": not audit_mismatches
        and len(inserts) == sum(len(p) for p in rows.values()),
        "one_key_per_acknowledged_write": stored_keys == len(keys),
        "no_http_500": not errors_500,
        "errors_are_503_with_retry_after": not wrong_answers,
    }
    if restart:
        checks["restart_recovered_within_5s"] = (
            recovery is not None and recovery <= RECOVERY_LIMIT_S
        )
    if kill:
        checks["killed_worker_cut_a_post"] = kill.get("posts_cut", 0) > 0
        checks["cut_posts_retried_without_duplicate"] = all(
            w.acked_at is not None and len(rows.get(w.term, [])) == 1 for w in cut
        )
        checks["service_after_the_kill"] = bool(after_kill)
    return {
        "checks": checks,
        "passed": all(checks.values()),
        "writers": writers,
        "writes": len(recorder.writes),
        "acknowledged": len(acked),
        "rows": sum(len(p) for p in rows.values()),
        "audit_insert_events": len(inserts),
        "lost": lost[:20],
        "duplicated": duplicated[:20],
        "unacknowledged": len(unacked),
        "unacknowledged_but_committed": len(unacked_committed),
        "audit_mismatches": audit_mismatches[:20],
        "writes_retried": sum(1 for w in recorder.writes if w.faults),
        "writes_retried_after_a_cut_connection": len(cut),
        "cut_writes_committed_before_the_kill_and_replayed": len(replayed),
        "statuses": statuses,
        "http_500_at_s": errors_500[:20],
        "wrong_answers_at_s": wrong_answers[:20],
        "recovery_after_restart_s": recovery,
        "acknowledged_after_the_kill": after_kill,
        "faults": faults,
    }


# --- The run ---------------------------------------------------------------------------------


def soak(args, env: dict[str, str], pgdata: Path | None) -> dict:
    import django

    os.environ.update(env)
    django.setup()
    from django.db import connections

    log("setting up the studies, the writers and their subjects")
    targets = set_up(args.writers)
    connections.close_all()  # the restart would break them; reopened for the checks
    app = processes.AppServer(
        env=env, workers=args.workers, log_path=BASE_DIR / ".bench" / "soak-gunicorn.log"
    )
    app.start()
    faults: dict = {}
    try:
        recorder = Recorder(time.monotonic())
        writers = [
            Writer(n, base_url=app.base_url, path=path, user=user, recorder=recorder)
            for n, (user, path) in enumerate(targets)
        ]
        log(f"gunicorn on {app.base_url}; {len(writers)} writers signing in")
        _parallel([w.login for w in writers])
        log("writing")
        recorder.started = time.monotonic()
        for w in writers:
            w.stop_at = recorder.started + args.seconds
            w.give_up_at = w.stop_at + DRAIN_S
            w.start()
        if pgdata is not None:
            _sleep_until(recorder, args.seconds * args.restart_at)
            log(f"t={recorder.now():.1f}s restarting PostgreSQL")
            began = recorder.now()
            took = processes.restart_postgres(pgdata)
            faults["restart"] = {"at": round(began, 2), "back_at": round(began + took, 2)}
            log(f"t={recorder.now():.1f}s PostgreSQL back ({took:.2f} s)")
        else:
            faults["restart"] = None
            log("no embedded PostgreSQL to restart: the restart is skipped")
        _sleep_until(recorder, args.seconds * args.kill_at)
        log(f"t={recorder.now():.1f}s killing the gunicorn worker answering a POST")
        faults["kill"] = kill_a_worker_mid_post(app, writers, recorder)
        for w in writers:
            w.join()
        log(f"t={recorder.now():.1f}s writers done")
    finally:
        app.stop()
    log("checking the database")
    result = check(recorder, faults, args.writers)
    connections.close_all()
    return result


def _parallel(calls) -> None:
    errors = []

    def guard(call):
        try:
            call()
        except ClientError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=guard, args=(call,)) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def _sleep_until(recorder: Recorder, at: float) -> None:
    time.sleep(max(0.0, at - recorder.now()))


def prepare_embedded(env: dict[str, str]):
    """The bench cluster (.pgdata-bench): a migrated template database, and a fresh
    `soak` database copied from it for this run."""
    pgdata = Path(os.environ.get("BENCH_PGDATA") or BASE_DIR / ".pgdata-bench")
    server = processes.start_postgres(pgdata)
    template = processes.database_env(server, "soak_template")
    log("migrating the soak template database")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=BASE_DIR,
        env={**env, **template},
        check=True,
    )
    admin_url = processes.superuser_url(server)
    processes.psql(admin_url, "DROP DATABASE IF EXISTS soak")
    processes.psql(admin_url, "CREATE DATABASE soak OWNER ecrf_owner TEMPLATE soak_template")
    env.update({name: processes.with_database(url, "soak") for name, url in template.items()})
    # The database's own privileges are not copied from the template: migrate sets them.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    return server


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Soak the eCRF (make soak).")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--restart-at", type=float, default=0.4, help="fraction of the run")
    parser.add_argument("--kill-at", type=float, default=0.7, help="fraction of the run")
    parser.add_argument("--database-url", default="", help="a migrated, empty database")
    parser.add_argument("--pgdata", default="", help="its embedded cluster, to restart it")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    env = dict(os.environ)
    env.setdefault("ECRF_DEMO", "1")
    env["DJANGO_SETTINGS_MODULE"] = "ecrf.settings"
    own_server = None
    pgdata = Path(args.pgdata) if args.pgdata else None
    try:
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        elif env.get("DATABASE_URL"):
            log("DATABASE_URL is set: soaking it (it must be migrated and empty)")
        else:
            own_server = prepare_embedded(env)
            pgdata = own_server.pgdata
        result = soak(args, env, pgdata)
    finally:
        if own_server is not None:
            processes.stop_postgres(own_server)
    for name, ok in result["checks"].items():
        log(f"{'ok    ' if ok else 'FAILED'} {name}")
    log(
        f"{result['acknowledged']} writes acknowledged by {result['writers']} writers, "
        f"{result['rows']} rows, {len(result['lost'])} lost, "
        f"{len(result['duplicated'])} duplicated; statuses {result['statuses']}"
    )
    print(json.dumps(result, separators=(",", ":")))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
