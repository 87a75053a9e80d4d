"""Where a bench endpoint's time goes: one page requested in this process, against the
bench database (seeded by `make bench`), under cProfile, with its query count and SQL time.

    python -m bench.profile casebook            # the first bench target's casebook
    python -m bench.profile lab_form | lab_save | ae_changelist | reference
    python -m bench.profile casebook --repeat 200 --top 40

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
    if args.page == "reference_signed_in":
        args.page = "reference"
    client = Client(HTTP_HOST="127.0.0.1")
    if user:
        client.force_login(get_user_model().objects.get(username=user))

    study, number = targets["casebook"][0]
    lab_path = load.lab_path(targets["lab_save"][0])
    # lab_save as the load driver does it: the form fetched once, then POSTs back to back,
    # each with the next version and a fresh one-time key (bench/load.py, next_form).
    lab = {"form": None, "turn": 0}

    def request():
        if args.page == "casebook":
            return client.get(f"/studies/{study}/subjects/{number}/")
        if args.page == "lab_form":
            return client.get(lab_path)
        if args.page == "lab_save":
            if lab["form"] is None:
                lab["form"] = load.post_form(client.get(lab_path).content.decode())
            fields = load.correct_one_value(lab["form"], lab["turn"])
            lab["turn"] += 1
            response = client.post(lab_path, fields)
            if response.status_code != 302:
                raise SystemExit(f"lab_save: HTTP {response.status_code}, not saved")
            lab["form"] = load.next_form(fields)
            return response
        if args.page == "ae_changelist":
            return client.get(load.AE_LIST)
        if args.page == "reference":
            return client.get("/bench/reference/")
        raise SystemExit(f"unknown page {args.page}")

    response = request()  # warm: templates compiled, connection open
    print(f"status {response.status_code}, {len(response.content)} bytes")
    with CaptureQueriesContext(connection) as queries:
        request()
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(f"{len(queries)} queries, {sql_ms:.1f} ms of SQL (as timed by Django)")
    for q in queries.captured_queries:
        print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][:150]}")
    started = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.repeat):
        request()
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(f"{args.repeat} requests: {elapsed / args.repeat * 1000:.1f} ms each under cProfile")
    times = []
    cpu = time.process_time()
    for _ in range(args.repeat):
        started = time.perf_counter()
        request()
        times.append(time.perf_counter() - started)
    cpu = time.process_time() - cpu
    times.sort()
    # Others' load on the machine moves the wall time; this process's CPU time (Python,
    # not PostgreSQL's) moves less.
    print(
        f"without cProfile: {sum(times) / len(times) * 1000:.1f} ms each, median "
        f"{times[len(times) // 2] * 1000:.1f} ms; {cpu / args.repeat * 1000:.1f} ms of "
        "this process's CPU each"
    )
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
