"""Where a bench endpoint's time goes: one page requested in this process, against the
bench database (seeded by `make bench`), under cProfile, with its query count and SQL time.

    python -m bench.profile casebook            # the first bench target's casebook
    python -m bench.profile lab_form | lab_save | session_form | ae_changelist | reference
    python -m bench.profile casebook --repeat 200 --top 40
    python -m bench.profile export              # the ODM export of CiPS-BAL into a null sink
    python -m bench.profile ae_changelist --callers format_html

ae_changelist cycles through the six views the bench load requests (load.AE_VIEWS) and
first prints each view's queries, SQL time and time per request.

Not part of `make bench`: a tool for finding what to make faster.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
import urllib.parse
from pathlib import Path

from bench import processes


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("--repeat", type=int, help="100 requests, 3 exports")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--output", help="export: a copy of the first export's file")
    parser.add_argument("--callers", help="also print who calls the functions matching this")
    parser.add_argument("--callees", help="also print what the functions matching this call")
    parser.add_argument("--sql-width", type=int, default=150, help="characters of each query")
    parser.add_argument("--stats", help="pages: also save the profile here (pstats format)")
    return parser.parse_args(argv)


def main(argv) -> int:
    args = parse(argv)
    os.environ.setdefault("ECRF_DEMO", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    server = None
    if not os.environ.get("DATABASE_URL"):
        pgdata = Path(os.environ.get("BENCH_PGDATA") or processes.BASE_DIR / ".pgdata-bench")
        server = processes.start_postgres(pgdata)
        name = "bench" if args.subjects == 1000 else f"bench_{args.subjects}"
        os.environ.update(processes.database_env(server, name))
    try:
        return profile(args)
    finally:
        if server is not None:
            processes.stop_postgres(server)


def profile(args) -> int:
    import django

    django.setup()
    import logging

    logging.getLogger("ecrf.request").setLevel(logging.WARNING)
    logging.getLogger("axes").setLevel(logging.WARNING)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench import load, run

    targets = run.choose_targets()
    if args.page == "export":
        return profile_export(args, targets)
    args.repeat = args.repeat or 100
    user = {"ae_changelist": "monitor", "reference": None}.get(args.page, "investigator")
    if args.page == "reference_signed_in":
        args.page = "reference"
    client = Client(HTTP_HOST="127.0.0.1")
    if user:
        client.force_login(get_user_model().objects.get(username=user))

    study, number = targets["casebook"][0]
    lab_path = load.lab_path(targets["lab_save"][0])
    session_path = load.session_path(targets["session_form"][0])
    # lab_save as the load driver does it: the form fetched once, then POSTs back to back,
    # each with the next version and a fresh one-time key (bench/load.py, next_form).
    lab = {"form": None, "turn": 0}
    turn = [0]  # ae_changelist: the next of the views

    def request():
        if args.page == "casebook":
            return client.get(f"/studies/{study}/subjects/{number}/")
        if args.page == "lab_form":
            return client.get(lab_path)
        if args.page == "session_form":
            return client.get(session_path)
        if args.page == "lab_save":
            if lab["form"] is None:
                lab["form"] = load.post_form(client.get(lab_path).content.decode())
            fields = load.correct_one_value(lab["form"], lab["turn"])
            lab["turn"] += 1
            # Form-encoded, as a browser and the load driver send it (not the test
            # client's multipart, which costs more to parse).
            response = client.post(
                lab_path,
                urllib.parse.urlencode(fields),
                content_type="application/x-www-form-urlencoded",
            )
            if response.status_code != 302:
                raise SystemExit(f"lab_save: HTTP {response.status_code}, not saved")
            client.cookies.pop("messages", None)  # as load.forget_shown_messages
            lab["form"] = load.next_form(fields)
            return response
        if args.page == "ae_changelist":
            # The bench load's turn through the views: each filter and search, a far page.
            view = load.AE_VIEWS[turn[0] % len(load.AE_VIEWS)]
            turn[0] += 1
            return client.get(load.AE_LIST + view)
        if args.page == "reference":
            return client.get("/bench/reference/")
        raise SystemExit(f"unknown page {args.page}")

    if args.page == "ae_changelist":
        each_view(client, load, max(args.repeat // 5, 5))
    response = request()  # warm: templates compiled, connection open
    print(f"status {response.status_code}, {len(response.content)} bytes")
    with CaptureQueriesContext(connection) as queries:
        request()
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(f"{len(queries)} queries, {sql_ms:.1f} ms of SQL (as timed by Django)")
    for q in queries.captured_queries:
        print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][: args.sql_width]}")
    started = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.repeat):
        request()
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(f"{args.repeat} requests: {elapsed / args.repeat * 1000:.1f} ms each under cProfile")
    times = []
    server = _backend_cpu(connection)
    cpu = time.process_time()
    for _ in range(args.repeat):
        started = time.perf_counter()
        request()
        times.append(time.perf_counter() - started)
    cpu = time.process_time() - cpu
    server = _backend_cpu(connection) - server
    times.sort()
    # Others' load on the machine moves the wall time; CPU time moves less. The bench's
    # throughput is bounded by both: this process's (Python) and its PostgreSQL backend's.
    print(
        f"without cProfile: {sum(times) / len(times) * 1000:.1f} ms each, median "
        f"{times[len(times) // 2] * 1000:.1f} ms; CPU each: {cpu / args.repeat * 1000:.1f} ms "
        f"in this process, {server / args.repeat * 1000:.1f} ms in PostgreSQL"
    )
    stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort)
    if args.stats:
        stats.dump_stats(args.stats)
    stats.print_stats(args.top)
    if args.callers:
        stats.print_callers(args.callers)
    if args.callees:
        stats.print_callees(args.callees)
    return 0


def _backend_cpu(connection) -> float:
    """Seconds of CPU the connection's PostgreSQL backend has used (it runs on this
    machine: the embedded server, or a local one)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime, fields 14 and 15 of proc(5), counted after the ")" from field 3.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Sink:
    """A null file: counts what the export writes, keeps none of it (or, the first time,
    copies it to --output, to compare two versions of the writer)."""

    def __init__(self, copy=None):
        self.size, self.copy = 0, copy

    def write(self, data):
        self.size += len(data)
        if self.copy is not None:
            self.copy.write(data)


class _Growth:
    """This process's peak resident memory over its memory before, as bench/run.py
    measures a gunicorn worker's during the exports (VmHWM reset first)."""

    def __enter__(self):
        processes.reset_peak_memory(os.getpid())
        self.before = processes.memory_kib(os.getpid())["VmRSS"]
        return self

    def __exit__(self, *exc):
        self.mib = (processes.memory_kib(os.getpid())["VmHWM"] - self.before) / 1024


def profile_export(args, targets) -> int:
    """The ODM export of the bench's study, in this process, as study_export writes it
    (in one transaction) but into a null sink: the writer's time without the disk, the
    digest or HTTP. Timed runs first (best and median), then one under cProfile."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from ecrf import exports
    from ecrf.models import Study

    study = Study.objects.get(registry_id=targets["export"][0][0])
    repeat = args.repeat or 3

    def export(copy=None) -> _Sink:
        sink = _Sink(copy)
        with transaction.atomic():
            exports.write_odm(study, sink, list(study.sites.all()))
        return sink

    with (
        _Growth() as first,
        CaptureQueriesContext(connection) as queries,
        open(args.output or os.devnull, "wb") as copy,
    ):
        sink = export(copy)  # warm: content types cached, connection open
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    lab_values = targets["export_lab_values"]
    print(f"{study.registry_id}: {lab_values:,} lab values, {sink.size / 1e6:.1f} MB")
    print(f"{len(queries)} queries, {sql_ms:.1f} ms of SQL (as timed by Django; iterator() chunks")
    print("  fetched from a server-side cursor are not timed)")
    for q in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:5]:
        print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][: args.sql_width]}")
    seconds = []
    with _Growth() as later:
        for _ in range(repeat):
            started = time.perf_counter()
            export()
            seconds.append(time.perf_counter() - started)
    seconds.sort()
    print(
        f"{repeat} exports: best {seconds[0]:.2f} s, median {seconds[len(seconds) // 2]:.2f} s"
        f" ({', '.join(f'{s:.2f}' for s in seconds)})"
    )
    print(f"memory growth: {first.mib:.1f} MiB in the first export, {later.mib:.1f} MiB after")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    export()
    profiler.disable()
    print(f"under cProfile: {time.perf_counter() - started:.2f} s")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(args.top)
    return 0


def each_view(client, load, repeat: int) -> None:
    """Each AE changelist view on its own: queries, SQL time, median time per request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # CPU ms: this process's own time, steadier than the wall clock on a shared machine.
    print(
        f"{'view':<20} {'status':>6} {'queries':>7} {'SQL ms':>7} {'ms (median)':>11} {'CPU ms':>7}"
    )
    for view in load.AE_VIEWS:
        url = load.AE_LIST + view
        client.get(url)  # warm
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Copied now: the next request's request_started signal empties the query log.
        captured = list(queries.captured_queries)
        sql_ms = sum(float(q["time"]) for q in captured) * 1000
        times, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        median = sorted(times)[len(times) // 2] * 1000
        cpu_median = sorted(cpu)[len(cpu) // 2] * 1000
        print(
            f"{view or '(none)':<20} {response.status_code:>6} {len(captured):>7}"
            f" {sql_ms:>7.1f} {median:>11.1f} {cpu_median:>7.1f}"
        )
        slowest = max(captured, key=lambda q: float(q["time"]))
        print(f"{'':<20} slowest: {float(slowest['time']) * 1000:.1f} ms {slowest['sql'][:110]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
