"""`make bench`: seed a large study, serve it with gunicorn, load it, print the figures.

    python -m bench.run                 # the full study (bench/seed.py FULL), ~10 minutes
    python -m bench.run --subjects 50   # the same, 5% of the size: a quick look

1. PostgreSQL: DATABASE_URL if set, else the embedded server in .pgdata-bench (kept
   between runs, so the seeding is paid once); migrate, load_demo, seed what is missing,
   VACUUM ANALYZE.
2. gunicorn on 127.0.0.1 (sync workers, 2 x cores + 1 unless WEB_CONCURRENCY says).
3. For each endpoint, a separate process (bench/load.py) drives a bounded load: the
   clients sign in once, then send requests back to back for the measured window after
   a warm-up. The reference page is measured in the same run, on the same server.
4. A table, the targets, and last a single line of JSON with every figure. The exit
   status is 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import processes

BASE_DIR = processes.BASE_DIR
PASSWORD = "bal-demo-2026"  # the demo accounts' (fixtures/demo.json), demo only
CLIENTS = 8

# Issue 7, item 2.
TARGETS = {
    "casebook_ratio": ("casebook throughput / reference", ">=", 0.30),
    "lab_save_ratio": ("lab save throughput / reference", ">=", 0.15),
    # Issue 20, item 4: the page users wait on longest, the median of three runs.
    "lab_form_ratio": ("lab form (GET) throughput / reference", ">=", 0.20),
    "ae_changelist_p95_ms": ("AE changelist p95 at 8 clients (ms)", "<=", 500),
    "export_seconds": ("ODM export, 100,000 lab values (s)", "<=", 5.0),
    "export_memory_mib": ("ODM export, worker memory growth (MiB)", "<=", 50),
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- The database -------------------------------------------------------------------------


def prepare_database(args, env: dict[str, str]):
    """Point env at the bench database (starting the embedded server if need be),
    migrate, load the demo, seed; return the embedded server (None with DATABASE_URL)."""
    server = None
    if not env.get("DATABASE_URL"):
        pgdata = Path(os.environ.get("BENCH_PGDATA") or BASE_DIR / ".pgdata-bench")
        log(f"Embedded PostgreSQL in {pgdata}")
        server = processes.start_postgres(pgdata)
        name = "bench" if args.subjects == 1000 else f"bench_{args.subjects}"
        env.update(processes.database_env(server, name))
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from bench import seed

    # Progress goes to stderr: stdout is the report.
    with contextlib.redirect_stdout(sys.stderr):
        call_command("migrate", "--no-input", verbosity=0)
        call_command("load_demo", verbosity=0)
    counts = seed.scaled(args.subjects)
    seed.seed(counts, log=log)
    # As the owner: only a table's owner may vacuum it (DATABASE_URL is the app's role).
    with connections["owner" if "owner" in connections else "default"].cursor() as cursor:
        # Fresh statistics and visibility maps, as autovacuum would leave them.
        started = time.monotonic()
        cursor.execute("VACUUM ANALYZE")
        log(f"VACUUM ANALYZE: {time.monotonic() - started:.0f} s")
    targets = choose_targets()
    connections.close_all()
    return server, counts, targets


def choose_targets() -> dict:
    """The pages the clients load: seeded subjects, a few of each study."""
    from bench.seed import SEED_USERNAME
    from ecrf.models import LabPanel, LabResult, Study, Subject, TreatmentSession

    seeded = Subject.all_objects.filter(created_by__username=SEED_USERNAME).order_by("pk")
    numbers = list(seeded.values_list("study__registry_id", "screening_number"))
    step = max(len(numbers) // 50, 1)
    casebooks = numbers[::step][:50]
    # One subject per client for the lab saves (no client waits for another's lock),
    # each its liver panel at baseline.
    saves = []
    for registry_id, number in numbers[1::step]:
        if LabPanel.objects.filter(
            subject__screening_number=number, timepoint="BASELINE", panel="LIVER"
        ).exists():
            saves.append([registry_id, number, "BASELINE", "LIVER"])
        if len(saves) == CLIENTS:
            break
    # The BAL session form a user corrects: each client its own subject's first session.
    sessions = list(
        TreatmentSession.objects.filter(subject__created_by__username=SEED_USERNAME, number=1)
        .order_by("subject_id")
        .values_list("subject__study__registry_id", "subject__screening_number", "number")[:CLIENTS]
    )
    cips = Study.objects.get(package="studies.cips_bal")
    lab_values = LabResult.all_objects.filter(subject__study=cips).count()
    return {
        "casebook": casebooks,
        "lab_save": saves,
        "session_form": [list(row) for row in sessions],
        "export": [[cips.registry_id]],
        "export_lab_values": lab_values,
    }


# --- Load ---------------------------------------------------------------------------------


def load(scenario: str, base_url: str, args, *, user="", targets=(), clients=CLIENTS, **extra):
    command = [
        sys.executable,
        "-m",
        "bench.load",
        scenario,
        f"--url={base_url}",
        f"--clients={clients}",
        f"--seconds={args.seconds}",
        f"--warmup={args.warmup}",
        f"--targets={json.dumps(list(targets))}",
    ]
    if user:
        command += [f"--user={user}", f"--password={PASSWORD}"]
    command += [f"--{k}={v}" for k, v in extra.items()]
    log(f"load: {scenario}, {clients} client(s)")
    result = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"bench.load {scenario} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


class PeakMemory:
    """The largest growth of any worker's resident memory while the block runs: each
    worker's peak (VmHWM) is reset to its current RSS first, and read after. Where the
    kernel refuses the reset, the RSS is sampled every 20 ms instead."""

    def __init__(self, server: processes.AppServer):
        self.server = server

    def __enter__(self):
        self.pids = self.server.worker_pids()
        self.reset = all(processes.reset_peak_memory(pid) for pid in self.pids)
        self.before = {pid: processes.memory_kib(pid)["VmRSS"] for pid in self.pids}
        self.sampled = dict(self.before)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while not self.stop.wait(0.02):
            for pid in self.pids:
                try:
                    rss = processes.memory_kib(pid)["VmRSS"]
                except OSError:
                    continue
                self.sampled[pid] = max(self.sampled[pid], rss)

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        growth = 0
        for pid in self.pids:
            try:
                peak = processes.memory_kib(pid)["VmHWM"] if self.reset else self.sampled[pid]
            except OSError:
                peak = self.sampled[pid]
            growth = max(growth, max(peak, self.sampled[pid]) - self.before[pid])
        self.growth_mib = round(growth / 1024, 1)


def measure(server: processes.AppServer, args, targets: dict) -> dict:
    url = server.base_url
    pages = {
        # Not a target: the same page signed in, to tell the cost of the session and
        # sign-in machinery (every signed-in request reads its session and user).
        "reference_signed_in": lambda: load("reference", url, args, user="investigator"),
        "casebook": lambda: load(
            "casebook", url, args, user="investigator", targets=targets["casebook"]
        ),
        "lab_save": lambda: load(
            "lab_save", url, args, user="investigator", targets=targets["lab_save"]
        ),
        # The form the lab saves post, fetched (the page a user fills; a target since
        # issue 20).
        "lab_form": lambda: load(
            "lab_form", url, args, user="investigator", targets=targets["lab_save"]
        ),
        # Not a target: a BAL session's edit form, the other long form users fill.
        "session_form": lambda: load(
            "session_form", url, args, user="investigator", targets=targets["session_form"]
        ),
        "ae_changelist": lambda: load("ae_changelist", url, args, user="monitor"),
    }
    results = {"reference": load("reference", url, args)}
    for name, measured in pages.items():
        if not args.only or name in args.only:
            results[name] = measured()
    if args.only and "export" not in args.only:
        return _ratios(results)
    with PeakMemory(server) as memory:
        export = load(
            "export",
            url,
            args,
            user="datamanager",
            targets=targets["export"],
            clients=1,
            repeat=args.exports,
        )
    export["memory_growth_mib"] = memory.growth_mib
    export["lab_values"] = targets["export_lab_values"]
    results["export"] = export
    return _ratios(results)


def _ratios(results: dict) -> dict:
    reference = results["reference"]["rps"] or 1
    for figures in results.values():
        figures["ratio"] = round(figures["rps"] / reference, 3)
    return results


# --- Report -------------------------------------------------------------------------------


def verdict(results: dict) -> dict:
    values = {}
    if "casebook" in results:
        values["casebook_ratio"] = results["casebook"]["ratio"]
    if "lab_save" in results:
        values["lab_save_ratio"] = results["lab_save"]["ratio"]
    if "lab_form" in results:
        values["lab_form_ratio"] = results["lab_form"]["ratio"]
    if "ae_changelist" in results:
        values["ae_changelist_p95_ms"] = results["ae_changelist"]["p95_ms"]
    if "export" in results:
        values["export_seconds"] = round(results["export"]["p50_ms"] / 1000, 2)
        values["export_memory_mib"] = results["export"]["memory_growth_mib"]
    checked = {}
    for key, (_label, op, limit) in TARGETS.items():
        if key not in values:
            continue  # not measured (--only)
        value = values[key]
        met = value >= limit if op == ">=" else value <= limit
        checked[key] = {"value": value, "limit": limit, "met": met}
    errors = {name: r["errors"] for name, r in results.items() if r["errors"]}
    checked["no_errors"] = {"value": errors, "limit": {}, "met": not errors}
    return checked


def report(results: dict, checked: dict, context: dict) -> str:
    lines = [
        "",
        f"{'endpoint':<20}{'clients':>8}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}"
        f"{'p99 ms':>10}{'ratio':>8}  errors",
    ]
    for name, r in results.items():
        lines.append(
            f"{name:<20}{r['clients']:>8}{r['rps']:>10.1f}{r['p50_ms']:>10.1f}"
            f"{r['p95_ms']:>10.1f}{r['p99_ms']:>10.1f}{r['ratio']:>8.1%}  {r['errors'] or ''}"
        )
    if "lab_save" in results:
        lines.append(
            "lab_save: POSTs back to back, each client correcting its own panel; its form is "
            "fetched once (again only after a refused POST), each POST carrying the next "
            "version and a fresh idempotency key. lab_form: that form's GET; session_form: "
            "a BAL session's edit form's GET"
        )
    export = results.get("export")
    if export:
        lines.append(
            f"export: {export['requests']} ODM export(s) of {export['lab_values']:,} lab values, "
            f"{export.get('bytes', 0) / 1e6:.0f} MB each; worker memory growth "
            f"{export['memory_growth_mib']} MiB"
        )
    lines.append("")
    for key, (label, op, limit) in TARGETS.items():
        if key not in checked:
            continue
        c = checked[key]
        lines.append(f"{'met ' if c['met'] else 'MISSED'} {label}: {c['value']} ({op} {limit})")
    if not checked["no_errors"]["met"]:
        lines.append(f"MISSED no errors: {checked['no_errors']['value']}")
    lines.append(
        f"machine: {context['cpus']} CPUs, load average {context['load_before']} before, "
        f"{context['load_after']} after; gunicorn {context['workers']} sync workers"
    )
    return "\n".join(lines)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the eCRF (make bench).")
    parser.add_argument("--subjects", type=int, default=1000, help="study size (1000: full)")
    parser.add_argument("--seconds", type=float, default=20, help="measured window per endpoint")
    parser.add_argument("--warmup", type=float, default=5, help="seconds before measuring")
    parser.add_argument("--exports", type=int, default=3, help="ODM exports, one at a time")
    parser.add_argument(
        "--only",
        type=lambda text: text.split(","),
        default=[],
        help="measure only these (comma-separated) besides the reference: a quick look",
    )
    default_workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--workers", type=int, default=default_workers)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    env = dict(os.environ)
    env.setdefault("ECRF_DEMO", "1")  # the demo accounts; plain HTTP on 127.0.0.1
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    context = {"cpus": os.cpu_count(), "workers": args.workers}
    db_server = app = None
    try:
        db_server, counts, targets = prepare_database(args, env)
        context["load_before"] = [round(x, 2) for x in os.getloadavg()]
        app = processes.AppServer(
            env=env, workers=args.workers, log_path=BASE_DIR / ".bench" / "gunicorn.log"
        )
        app.start()
        log(f"gunicorn on {app.base_url}, workers {app.worker_pids()}")
        results = measure(app, args, targets)
        context["load_after"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        if app is not None:
            app.stop()
        if db_server is not None:
            processes.stop_postgres(db_server)
    checked = verdict(results)
    met = all(c["met"] for c in checked.values())
    print(report(results, checked, context))
    line = {
        "bench": "bal-ecrf",
        "data": counts.__dict__,
        "endpoints": results,
        "targets": checked,
        "all_met": met,
        "machine": context,
    }
    print(json.dumps(line, separators=(",", ":")))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
