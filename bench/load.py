"""The load driver: a separate process with a bounded number of clients (threads), each
signed in once through the login form and keeping its own cookies, each sending its next
request when the previous one is answered (closed loop).

    python -m bench.load SCENARIO --url http://127.0.0.1:8001 --clients 8 --seconds 15 \\
        --user investigator --password ... --targets '[...]'

prints one JSON object: requests, errors by status, requests per second and latency
percentiles of the measured window (after the warm-up). Scenarios:

  reference      GET /bench/reference/, anonymous (the plain page)
  casebook       GET a subject's casebook, subjects in turn
  lab_save       POST a lab panel's form back corrected (one value moved by +-1, a reason
                 for change), back to back: each client its own subject's panel, whose
                 form it GETs once, off the clock. Each POST carries what the form shown
                 after the previous save would: the panel's version one higher and a fresh
                 idempotency key (next_form). A POST refused (422: e.g. stale, the version
                 check) counts as an error, and only then is the form fetched again
  lab_form       GET that lab panel's form (not a target: the page lab_save's user fills)
  session_form   GET a BAL session's edit form, each client its own subject's first session
                 (not a target: the other long form users fill)
  ae_changelist  GET the monitors' AE list in the admin: first page, filters, a search
  export         POST the ODM export of a study, read to its last byte, one at a time

gunicorn's sync workers close the connection after each response; http.client opens
the next one itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser


class ClientError(Exception):
    pass


@dataclasses.dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Client:
    """One browser: a connection to the app and its cookies."""

    def __init__(self, base_url: str, timeout: float = 180):
        parsed = urllib.parse.urlsplit(base_url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.origin = f"{parsed.scheme}://{parsed.netloc}"
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None
        # Called with the connection's local port once a request is sent (bench/soak.py
        # finds the worker answering it by that port).
        self.on_sent = None

    def request(self, method: str, path: str, fields: dict | None = None) -> Response:
        """Send one request. A broken connection raises (ConnectionError, OSError or
        http.client.HTTPException): the caller decides whether to retry."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Django's CSRF check compares the Origin with the host.
            headers["Origin"] = self.origin
        try:
            self.connection.request(method, path, body=body, headers=headers)
            if self.on_sent is not None:
                self.on_sent(self.connection.sock.getsockname()[1])
            raw = self.connection.getresponse()
            data = raw.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        for cookie in raw.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if raw.will_close:
            self.close()
        return Response(raw.status, raw.headers, data)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def login(self, username: str, password: str) -> None:
        page = self.request("GET", "/accounts/login/")
        form = post_form(page.text)
        form.update(username=username, password=password)
        answer = self.request("POST", "/accounts/login/", form)
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise ClientError(f"login of {username} failed: HTTP {answer.status}")


class _FormParser(HTMLParser):
    """The fields of a page's first POST form sent to `action` ("": the page itself, the
    entry forms; the header's language and logout forms post elsewhere), as a browser
    would send them."""

    def __init__(self, action: str):
        super().__init__(convert_charrefs=True)
        self.action = action
        self.fields: dict[str, str] = {}
        self.depth = 0  # inside the first POST form
        self.done = False
        self.select: str | None = None
        self.select_first: str | None = None
        self.select_chosen = False
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.done:
            return
        if tag == "form" and not self.depth:
            posts = (attrs.get("method") or "").lower() == "post"
            if posts and (attrs.get("action") or "") == self.action:
                self.depth = 1
            return
        if not self.depth:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self.select, self.select_first, self.select_chosen = name, None, False
        elif tag == "option" and self.select:
            value = attrs.get("value") or ""
            if self.select_first is None:
                self.select_first = value
            if "selected" in attrs and not self.select_chosen:
                self.fields[self.select] = value
                self.select_chosen = True
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "select" and self.select:
            if not self.select_chosen:
                self.fields[self.select] = self.select_first or ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.depth, self.done = 0, True

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def post_form(html: str, action: str = "") -> dict[str, str]:
    parser = _FormParser(action)
    parser.feed(html)
    if not parser.fields:
        raise ClientError("no POST form on the page")
    return parser.fields


# --- Measuring -------------------------------------------------------------------------------


@dataclasses.dataclass
class Tally:
    """What the clients measured: one (latency, status) per timed request."""

    latencies: list[float] = dataclasses.field(default_factory=list)
    errors: dict[str, int] = dataclasses.field(default_factory=dict)
    bytes: int = 0  # the size of the last export
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def ok(self, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values."""
    if not sorted_values:
        return 0.0
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def summary(tally: Tally, seconds: float) -> dict:
    values = sorted(tally.latencies)
    return {
        "requests": len(values),
        "errors": dict(tally.errors),
        "seconds": round(seconds, 2),
        "rps": round(len(values) / seconds, 2) if seconds else 0.0,
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "p99_ms": round(percentile(values, 0.99) * 1000, 1),
        "max_ms": round(values[-1] * 1000, 1) if values else 0.0,
    }


def timed(tally: Tally, measuring, client: Client, method, path, fields=None, expect=(200,)):
    """Send a request; count it if `measuring()` was true when it was sent."""
    counted = measuring()
    started = time.perf_counter()
    try:
        response = client.request(method, path, fields)
    except (OSError, http.client.HTTPException) as exc:
        if counted:
            tally.error(type(exc).__name__)
        return None
    elapsed = time.perf_counter() - started
    if response.status not in expect:
        if counted:
            tally.error(str(response.status))
        return None
    if counted:
        tally.ok(elapsed)
    return response


# --- Scenarios -------------------------------------------------------------------------------


def scenario_reference(client, tally, measuring, n, args, stop):
    while not stop.is_set():
        timed(tally, measuring, client, "GET", "/bench/reference/")


def scenario_casebook(client, tally, measuring, n, args, stop):
    paths = [f"/studies/{study}/subjects/{number}/" for study, number in args.targets]
    position = n
    while not stop.is_set():
        timed(tally, measuring, client, "GET", paths[position % len(paths)])
        position += args.clients


def lab_path(target) -> str:
    study, number, timepoint, panel = target
    return f"/studies/{study}/subjects/{number}/labs/{timepoint}/{panel}/"


def scenario_lab_form(client, tally, measuring, n, args, stop):
    path = lab_path(args.targets[n % len(args.targets)])
    while not stop.is_set():
        timed(tally, measuring, client, "GET", path)


def session_path(target) -> str:
    study, number, session_number = target
    return f"/studies/{study}/subjects/{number}/sessions/{session_number}/edit/"


def scenario_session_form(client, tally, measuring, n, args, stop):
    path = session_path(args.targets[n % len(args.targets)])
    while not stop.is_set():
        timed(tally, measuring, client, "GET", path)


def scenario_lab_save(client, tally, measuring, n, args, stop):
    path = lab_path(args.targets[n % len(args.targets)])
    form = None
    turn = 0
    while not stop.is_set():
        if form is None:
            # Off the clock: the first form, or the form again after a refused POST.
            try:
                page = client.request("GET", path)
            except (OSError, http.client.HTTPException) as exc:
                tally.error(f"form {type(exc).__name__}")
                continue
            if page.status != 200:
                tally.error(f"form {page.status}")
                time.sleep(0.1)
                continue
            form = post_form(page.text)
        fields = correct_one_value(form, turn)
        turn += 1
        saved = timed(tally, measuring, client, "POST", path, fields, expect=(302,))
        form = next_form(fields) if saved is not None else None
        forget_shown_messages(client)


def forget_shown_messages(client) -> None:
    """A browser follows the save's redirect, and the page it lands on shows the "saved"
    message and clears it. The bench does not fetch that page (it measures the POST), so
    it drops the message cookie as that page would have; kept, it would grow by one
    message a POST, which no user's browser carries, until Django moved the overflow
    into the session and rewrote the session on every request."""
    client.cookies.pop("messages", None)


def correct_one_value(fields: dict[str, str], turn: int) -> dict[str, str]:
    """The form as shown, with its first numeric result moved by ±1 and a reason for
    change (a saved panel asks for one)."""
    for name, value in fields.items():
        if name.endswith("_value") and value:
            try:
                number = Decimal(value)
            except InvalidOperation:
                continue
            fields[name] = str(number + (1 if turn % 2 == 0 else -1))
            break
    if "change_reason" in fields:
        fields["change_reason"] = "entry_error"
        fields["change_reason_detail"] = "Benchmark correction"
    return fields


def next_form(posted: dict[str, str]) -> dict[str, str]:
    """The fields of the panel's form as shown after `posted` was saved, without asking
    the server: the values as posted, the panel's `version` one higher (a save bumps the
    panel's version once, StudyRecord.save; the form shows no other version) and a fresh
    idempotency key (the middleware puts a new uuid4 in each form it serves). The served
    form would differ only in its CSRF token (the one posted stays valid: same cookie
    secret) and its blank reason for change, which correct_one_value fills again.
    tests/performance/test_seed.py checks the prediction against the served form."""
    fields = dict(posted)
    fields["version"] = str(int(fields["version"]) + 1)
    fields["idempotency_key"] = str(uuid.uuid4())
    return fields


AE_LIST = "/admin/ecrf/adverseevent/"
AE_VIEWS = ["", "?grade__exact=3", "?reviewed=no", "?related=any", "?p=20", "?q=SYSU3-010"]


def scenario_ae_changelist(client, tally, measuring, n, args, stop):
    position = n
    while not stop.is_set():
        timed(tally, measuring, client, "GET", AE_LIST + AE_VIEWS[position % len(AE_VIEWS)])
        position += 1


def scenario_export(client, tally, measuring, n, args, stop):
    study = args.targets[0][0]
    done = 0
    while not stop.is_set() and done < args.repeat:
        page = client.request("GET", f"/studies/{study}/exports/")
        if page.status != 200:
            tally.error(f"page {page.status}")
            return
        target = f"/studies/{study}/exports/odm/"
        fields = post_form(page.text, action=target)
        response = timed(tally, lambda: True, client, "POST", target, fields)
        if response is not None:
            tally.bytes = len(response.body)
        done += 1
    stop.set()


SCENARIOS = {
    "reference": scenario_reference,
    "casebook": scenario_casebook,
    "lab_save": scenario_lab_save,
    "lab_form": scenario_lab_form,
    "session_form": scenario_session_form,
    "ae_changelist": scenario_ae_changelist,
    "export": scenario_export,
}


def run(args) -> dict:
    tally = Tally()
    stop = threading.Event()
    clients = []
    # Sign in one at a time: a login costs ~0.3 s of CPU (PBKDF2), off the clock.
    for _ in range(args.clients):
        client = Client(args.url)
        if args.user:
            client.login(args.user, args.password)
        clients.append(client)
    start = time.monotonic()
    measure_from = start + args.warmup
    measure_until = measure_from + args.seconds

    def measuring():
        now = time.monotonic()
        return measure_from <= now < measure_until

    def work(n):
        try:
            SCENARIOS[args.scenario](clients[n], tally, measuring, n, args, stop)
        except ClientError as exc:
            tally.error(str(exc))
            stop.set()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    if args.scenario == "export":
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - start
    else:
        time.sleep(max(0.0, measure_until - time.monotonic()))
        stop.set()
        for thread in threads:
            thread.join()
        seconds = args.seconds
    result = {"scenario": args.scenario, "clients": args.clients, **summary(tally, seconds)}
    if tally.bytes:
        result["bytes"] = tally.bytes
    return result


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--url", required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="exports, one after another")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--targets", type=json.loads, default=[], help="JSON list of lists")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
