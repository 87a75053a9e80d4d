"""Where a bench endpoint's time goes: one page requested in this process, against the
bench database (seeded by `make bench`), under cProfile, with its query count and SQL time.

    python -m bench.profile casebook            # the first bench target's casebook
    python -m bench.profile lab_form | lab_save | ae_changelist | reference
    python -m bench.profile casebook --repeat 200 --top 40
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
from pathlib import Path

from bench import processes


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--callers", help="also print who calls the functions matching this")
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
        os.environ["DATABASE_URL"] = processes.database_url(server, name)
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
    user = {"ae_changelist": "monitor", "reference": None}.get(args.page, "investigator")
    client = Client(HTTP_HOST="127.0.0.1")
    if user:
        client.force_login(get_user_model().objects.get(username=user))

    study, number = targets["casebook"][0]
    lab = targets["lab_save"][0]
    lab_path = "/studies/{}/subjects/{}/labs/{}/{}/".format(*lab)
    turn = [0]

    def request():
        if args.page == "casebook":
            return client.get(f"/studies/{study}/subjects/{number}/")
        if args.page == "lab_form":
            return client.get(lab_path)
        if args.page == "lab_save":
            form = load.post_form(client.get(lab_path).content.decode())
            fields = load.correct_one_value(form, turn[0])
            turn[0] += 1
            started = time.perf_counter()
            response = client.post(lab_path, fields)
            request.post_seconds += time.perf_counter() - started
            return response
        if args.page == "ae_changelist":
            # The bench load's turn through the views: each filter and search, a far page.
            view = load.AE_VIEWS[turn[0] % len(load.AE_VIEWS)]
            turn[0] += 1
            return client.get(load.AE_LIST + view)
        if args.page == "reference":
            return client.get("/bench/reference/")
        raise SystemExit(f"unknown page {args.page}")

    request.post_seconds = 0.0
    if args.page == "ae_changelist":
        each_view(client, load, max(args.repeat // 5, 5))
    response = request()  # warm: templates compiled, connection open
    print(f"status {response.status_code}, {len(response.content)} bytes")
    with CaptureQueriesContext(connection) as queries:
        request()
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(f"{len(queries)} queries, {sql_ms:.1f} ms of SQL (as timed by Django)")
    for q in queries.captured_queries:
        print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][:150]}")
    request.post_seconds = 0.0
    started = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.repeat):
        request()
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(f"{args.repeat} requests: {elapsed / args.repeat * 1000:.1f} ms each under cProfile")
    if request.post_seconds:
        print(f"  of which the POST: {request.post_seconds / args.repeat * 1000:.1f} ms")
    started = time.perf_counter()
    for _ in range(args.repeat):
        request()
    print(f"without cProfile: {(time.perf_counter() - started) / args.repeat * 1000:.1f} ms each")
    stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort)
    stats.print_stats(args.top)
    if args.callers:
        stats.print_callers(args.callers)
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
