"""Time a first `make run` from a clean clone (issue 20, item 7): clone, install, start the
embedded PostgreSQL, migrate, load the demo, and serve until the first HTTP answer.

    python -m bench.first_run [REPOSITORY]      # default: this checkout's repository

It clones into a fresh temporary folder, runs `make run` there with ECRF_ADDRESS on a free
port, stamps each line of its output with the seconds since the start, reads the phases
from the lines each step prints, polls the address with plain HTTP until it answers, then
stops `make run` (and so its PostgreSQL) and removes the clone. The package cache is
whatever pip has on this machine (warm, when the project was installed here before).
The machine's load average is printed before and after (a busy machine is slower), and the
CPU seconds the run's processes used (what a quiet machine would need, about).
"""

from __future__ import annotations

import itertools
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

# The first line of each phase's own output, in order: (phase, marker).
PHASES = [
    ("venv + install", "-m venv"),
    ("translations", "msgfmt"),
    ("embedded PostgreSQL", "ecrf.embedded_db serve"),
    ("migrate", "Operations to perform"),
    ("demo load", "Privileges:"),
    ("serve (gunicorn up)", "Serving http://"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv: list[str]) -> int:
    source = argv[0] if argv else str(Path(__file__).resolve().parent.parent)
    clone = Path(tempfile.mkdtemp(prefix="firstrun-"))
    port = free_port()
    print(f"load average before: {load()}")
    start = time.monotonic()
    subprocess.run(["git", "clone", "--quiet", source, str(clone)], check=True)
    stamps: dict[str, float] = {"git clone done; make run": time.monotonic() - start}
    env = dict(os.environ, ECRF_ADDRESS=f"127.0.0.1:{port}", PYTHONUNBUFFERED="1")
    env.pop("DATABASE_URL", None)
    env.pop("DATABASE_OWNER_URL", None)
    run = subprocess.Popen(
        ["make", "run"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    log = clone.parent / f"{clone.name}.log"

    def read() -> None:
        with log.open("w") as out:
            for line in run.stdout:
                now = time.monotonic() - start
                out.write(f"{now:7.1f} {line}")
                for phase, marker in PHASES:
                    if phase not in stamps and marker in line:
                        stamps[phase] = now

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    answered = None
    try:
        while run.poll() is None and time.monotonic() - start < 900:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                answered = time.monotonic() - start
            except urllib.error.HTTPError:
                answered = time.monotonic() - start  # any HTTP answer: it serves
            except OSError:
                time.sleep(0.2)
                continue
            break
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGINT)
            try:
                run.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(run.pid, signal.SIGKILL)
        reader.join(timeout=5)
    print(f"load average after:  {load()}")
    # The CPU time of make run's processes (pip, manage.py, gunicorn; PostgreSQL's server
    # runs detached and is not counted): on a busy machine, what a quiet one would spend.
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"CPU seconds of make run's processes: {used.ru_utime + used.ru_stime:.1f}")
    if answered is None:
        print(f"never answered; output in {log}")
        return 1
    marks = sorted(stamps.items(), key=lambda item: item[1]) + [("answered", answered)]
    for (name, at), (_, until) in itertools.pairwise(marks):
        print(f"{name:<24} {until - at:6.1f} s   (from {at:6.1f} s)")
    print(f"{'first HTTP answer at':<24} {answered:6.1f} s   (log: {log})")
    shutil.rmtree(clone, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
