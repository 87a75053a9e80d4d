"""The benchmark and the soak test (issue 7, items 2 and 3).

    make bench    python -m bench.run     seed a large study, serve it with gunicorn, load it
    make soak     python -m bench.soak    16 writers through a database restart and a killed worker

seed.py       the large study, cloned from the demo's fully entered subjects
load.py       the load driver, run as a separate process (threads, keep-alive, logged-in clients)
processes.py  the processes a run starts: the embedded PostgreSQL and gunicorn
run.py        `make bench`: the figures table and the final JSON line
soak.py       `make soak` (and, short, tests/reliability/test_soak.py)
settings.py   the app's settings plus one reference page (bench/urls.py), for the bench only
"""
