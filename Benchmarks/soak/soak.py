#!/usr/bin/env python3
"""The soak's traffic and its verdict (Python standard library only); scripts/soak drives it.

  soak.py mutations --url U --seconds S --rate R --tokens FILE --out FILE
      Normal mutations at a steady rate, each with an Idempotency-Key: registerGifticon, its retry with the same
      key (must replay the first receipt), changeGifticonPrice of the new listing. Latency, statuses, errors.
  soak.py hostile --url U --seconds S --rate R --tokens FILE --secret SECRET --out FILE
      The security tester's requests (issue 14) at a steady rate, round-robin over weighted kinds, each on a
      connection of its own; how the gateway answers is recorded, not judged.
  soak.py sample --url U --pid PID --phase-file F --out FILE [--interval 10]
      Every interval: the gateway's VmRSS/VmHWM, threads and open descriptors from /proc, and /health/live.
  soak.py report --dir RUN_DIR [--markdown FILE]
      Reads everything a run wrote, prints the tables, writes the report, exits 1 when a criterion fails.

Every target must be 127.0.0.1 (or localhost): the soak refuses any other host.
"""
import argparse
import base64
import collections
import concurrent.futures
import hashlib
import hmac
import http.client
import json
import os
import random
import socket
import sys
import threading
import time
import urllib.parse

# The original load profile's queries (Benchmarks/gateway/detail.lua and list.lua); the mutations' shapes.
DETAIL = ("query Detail($id: ID!) { gifticon(id: $id) { id name description status dueDate createdAt "
          "price { basePrice salePrice currency discountPercentage } brand { id name } category { id name } "
          "seller { id nickname ratingSummary { average count } } images { url altText displayOrder } "
          "primaryImage { url } tags { name } } }")
LIST = ("query List($q: String, $f: GifticonFilter) { gifticons(query: $q, filter: $f, first: 20) { totalCount "
        "nodes { id name status price { salePrice discountPercentage } brand { name } primaryImage { url } } "
        "pageInfo { hasNextPage endCursor } } }")
REGISTER = ("mutation Register($input: RegisterGifticonInput!) { registerGifticon(input: $input) { gifticonId "
            "receipt { command consistencyToken version replayed } } }")
CHANGE_PRICE = ("mutation Reprice($input: ChangeGifticonPriceInput!) { changeGifticonPrice(input: $input) { "
                "receipt { command consistencyToken version replayed } } }")
KEYWORDS = ["아메리카노", "버거", "디저트", "커피", "빙수"]
ACCEPT = "application/graphql-response+json"


def target(url):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost"):
        sys.exit(f"soak.py: refusing {url}: the soak only talks to http://127.0.0.1")
    return "127.0.0.1", parts.port or 80


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def due_date():
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + 180 * 86400))


def register_input(n, price=(5000, 4500), name=None, description=None):
    return {"brandId": str(1 + n % 10), "categoryId": str(1 + n % 5), "name": name or f"soak listing {n}",
            "description": description or "a listing made by scripts/soak", "dueDate": due_date(),
            "price": {"basePrice": str(price[0]), "salePrice": str(price[1])},
            "images": [{"url": f"https://img.example/soak/{n}.png", "isPrimary": True}]}


class Client:
    """One keep-alive connection, reopened after any failure; times each request."""

    def __init__(self, url):
        self.host, self.port = target(url)
        self.connection = None

    def post(self, body, headers=None):
        all_headers = {"Content-Type": "application/json", "Accept": ACCEPT}
        all_headers.update(headers or {})
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.connection.request("POST", "/graphql", data, all_headers)
            response = self.connection.getresponse()
            payload = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            self.connection = None
            return "socket:" + type(error).__name__, None, time.monotonic() - started
        elapsed = time.monotonic() - started
        try:
            document = json.loads(payload)
        except ValueError:
            document = None
        return status, document, elapsed


def codes(document):
    if not isinstance(document, dict):
        return []
    return [((e.get("extensions") or {}).get("code") or "no code") for e in document.get("errors") or []]


# ---------------------------------------------------------------- normal mutations

def run_mutations(args):
    tokens = [line.strip() for line in open(args.tokens) if line.strip()]
    client = Client(args.url)
    latencies = collections.defaultdict(list)
    statuses = collections.Counter()
    error_codes = collections.Counter()
    problems = []
    started = time.monotonic()
    step, n = 1.0 / args.rate, 0
    run = f"{int(time.time())}-{os.getpid()}"
    pending = []   # (user, key, gifticonId) of registrations to retry and reprice
    while time.monotonic() - started < args.seconds:
        wake = started + n * step
        if wake > time.monotonic():
            time.sleep(wake - time.monotonic())
        user = n % len(tokens)
        auth = {"Authorization": "Bearer " + tokens[user]}
        phase = n % 3
        if phase == 0 or not pending:
            kind, key = "register", f"soak-{run}-{n}"
            status, document, elapsed = client.post({"query": REGISTER, "variables": {"input": register_input(n)}},
                                                    dict(auth, **{"Idempotency-Key": key}))
            payload = ((document or {}).get("data") or {}).get("registerGifticon")
            if status == 200 and payload:
                pending.append((user, key, n, payload["gifticonId"], payload["receipt"]["consistencyToken"]))
        elif phase == 1:
            kind = "register retry"
            user, key, m, gifticon_id, token = pending[-1]
            auth = {"Authorization": "Bearer " + tokens[user]}
            status, document, elapsed = client.post({"query": REGISTER, "variables": {"input": register_input(m)}},
                                                    dict(auth, **{"Idempotency-Key": key}))
            payload = ((document or {}).get("data") or {}).get("registerGifticon")
            if status == 200 and payload and (payload["gifticonId"] != gifticon_id or not payload["receipt"]["replayed"]
                                              or payload["receipt"]["consistencyToken"] != token):
                problems.append(f"retry of {key} did not replay the first receipt: {payload}")
        else:
            kind = "change price"
            user, key, m, gifticon_id, token = pending.pop()
            auth = {"Authorization": "Bearer " + tokens[user]}
            status, document, elapsed = client.post(
                {"query": CHANGE_PRICE, "variables": {"input": {"gifticonId": gifticon_id,
                                                               "price": {"basePrice": "5000", "salePrice": "4000"}}}},
                dict(auth, **{"Idempotency-Key": f"{key}-price"}))
        latencies[kind].append(elapsed * 1000)
        statuses[str(status)] += 1
        for code in codes(document):
            error_codes[code] += 1
        n += 1
    json.dump({"seconds": time.monotonic() - started, "requests": n, "statuses": statuses,
               "error_codes": error_codes, "problems": problems[:20], "problem_count": len(problems),
               "latency_ms": {k: v for k, v in latencies.items()}}, open(args.out, "w"))


# ---------------------------------------------------------------- hostile requests

def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(claims, secret, alg="HS256", bad_signature=False):
    header = b64url(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    payload = b64url(json.dumps(claims).encode())
    signing = f"{header}.{payload}".encode()
    if alg == "none":
        return f"{header}.{payload}."
    mac = hmac.new(secret.encode(), signing, hashlib.sha256).digest()
    if bad_signature:
        mac = bytes([mac[0] ^ 1]) + mac[1:]
    return f"{header}.{payload}.{b64url(mac)}"


class Hostile:
    """The kinds of hostile requests; each method sends one on a connection of its own and returns what came back."""

    BIG = 250_000

    def __init__(self, url, secret, tokens, hold_seconds):
        self.host, self.port = target(url)
        self.secret, self.tokens, self.hold_seconds = secret, tokens, hold_seconds
        self.counter = 0
        self.lock = threading.Lock()
        self.filler = ("x" * 99 + " ") * (self.BIG // 100)

    def next_id(self):
        with self.lock:
            self.counter += 1
            return self.counter

    # -- plumbing

    def exchange(self, raw, timeout=20):
        """Sends raw bytes, reads the answer; returns (status, body). Every request asks for the connection to be
        closed (Connection: close, or HTTP/1.0): an answer whose connection stays open 2 s after its last byte is
        reported as "<status> left open"."""
        with socket.create_connection((self.host, self.port), timeout=timeout) as s:
            try:
                s.sendall(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass   # the gateway answered (413) and closed before reading all of it: read that answer
            answer = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    return (f"{self.status_of(answer)} then timeout" if answer else "timeout"), b""
                except ConnectionResetError:
                    return (f"{self.status_of(answer)} then reset" if answer else "reset"), b""
                if not chunk:
                    break
                answer += chunk
                head, separator, body = answer.partition(b"\r\n\r\n")
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")[1:]
                               if line.lower().startswith(b"content-length:")), None)
                if separator and length is not None and len(body) >= length:
                    s.settimeout(2)
                    try:
                        more = s.recv(1)
                    except socket.timeout:
                        return f"{self.status_of(head)} left open", body
                    except ConnectionResetError:
                        more = b""
                    if not more:
                        return self.status_of(head), body
        if not answer:
            return "closed", b""
        head, _, body = answer.partition(b"\r\n\r\n")
        return self.status_of(head), body

    @staticmethod
    def status_of(head):
        try:
            return int(head.split(b" ", 2)[1])
        except (IndexError, ValueError):
            return "garbled"

    def post(self, body, headers=None, version="HTTP/1.1", content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        lines = [f"POST /graphql {version}", f"Host: 127.0.0.1:{self.port}", f"Content-Type: {content_type}",
                 f"Accept: {ACCEPT}", f"Content-Length: {len(data)}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        return self.exchange(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + data)

    def hold(self, raw):
        """Sends raw bytes and keeps the connection until the server closes it or hold_seconds pass."""
        started = time.monotonic()
        s = socket.create_connection((self.host, self.port), timeout=self.hold_seconds)
        try:
            if raw:
                s.sendall(raw)
            s.settimeout(max(0.1, self.hold_seconds - (time.monotonic() - started)))
            try:
                answer = s.recv(4096)
            except socket.timeout:
                return "held open", b""
            except ConnectionResetError:
                return f"reset after {time.monotonic() - started:.0f}s", b""
            if not answer:
                return f"closed after {time.monotonic() - started:.0f}s", b""
            return f"{self.status_of(answer)} after {time.monotonic() - started:.0f}s", answer
        finally:
            s.close()

    def token(self, user):
        return self.tokens[user % len(self.tokens)]

    # -- the kinds (issue 14's findings 1-10, then costly documents)

    def apq_unparseable_250k(self):
        text = f"query Broken{self.next_id()} {{ {self.filler} (((( @@"
        return self.post({"query": text, "extensions": {"persistedQuery": {
            "version": 1, "sha256Hash": hashlib.sha256(text.encode()).hexdigest()}}})

    def apq_valid_250k(self):
        text = "{ __typename }\n# " + str(self.next_id()) + " " + self.filler
        return self.post({"query": text, "extensions": {"persistedQuery": {
            "version": 1, "sha256Hash": hashlib.sha256(text.encode()).hexdigest()}}})

    def valid_250k_comment(self):
        return self.post({"query": "{ __typename }\n# " + str(self.next_id()) + " " + self.filler})

    def valid_250k_string(self):
        return self.post({"query": '{ gifticon(id: "' + str(self.next_id()) + self.filler.replace(" ", "y") + '") { id } }'})

    def idle_connection(self):
        return self.hold(b"")

    def partial_headers(self):
        return self.hold(f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: appl".encode())

    def short_body(self):
        body = b'{"query":"{ __typename }", "variables": {"padding": "' + b"z" * 60
        head = (f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: 1000\r\n\r\n").encode()
        return self.hold(head + body)

    def http10(self):
        if self.next_id() % 2:
            body = json.dumps({"query": DETAIL, "variables": {"id": "7"}}).encode()
            raw = (f"POST /graphql HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                   ).encode() + body
        else:
            raw = b"GET /graphql?query=%7B__typename%7D HTTP/1.0\r\n\r\n"
        return self.exchange(raw)

    def nul_in_input(self):
        n = self.next_id()
        return self.post({"query": REGISTER, "variables": {"input": register_input(
            n, name=f"nul\u0000name {n}", description="before\u0000after")}},
            {"Authorization": "Bearer " + self.token(n)})

    def lone_surrogate(self):
        n = self.next_id()
        if n % 2:
            body = ('{"query":' + json.dumps(LIST) + ',"variables":{"q":"\\ud800 ' + str(n) + '"}}').encode()
            return self.post(body)
        body = ('{"query":' + json.dumps(REGISTER) + ',"variables":{"input":'
                + json.dumps(register_input(n))[:-1] + ',"slug":"lone-\\udc00-' + str(n) + '"}}}').encode()
        return self.post(body, {"Authorization": "Bearer " + self.token(n)})

    def invalid_utf8(self):
        n = self.next_id()
        body = b'{"query":"{ gifticons(query: \\"\xff\xfe\xc3\x28 ' + str(n).encode() + b'\\", first: 1) { totalCount } }"}'
        return self.post(body)

    def price_three_decimals(self):
        n = self.next_id()
        data = register_input(n)
        data["price"] = {"basePrice": 5000.125, "salePrice": 5000.125}
        return self.post({"query": REGISTER, "variables": {"input": data}}, {"Authorization": "Bearer " + self.token(n)})

    def consistency_max(self):
        n = self.next_id()
        return self.post({"query": 'query($c: String) { gifticon(id: "%d", consistency: $c) { id status } }' % (1 + n % 10000),
                          "variables": {"c": "FFFFFFFF/FFFFFFFF"}})

    def idempotency_reuse(self):
        n = self.next_id()
        key = f"soak-shared-{os.getpid()}-{n}"
        first = self.post({"query": REGISTER, "variables": {"input": register_input(n)}},
                          {"Authorization": "Bearer " + self.token(n), "Idempotency-Key": key})
        second = self.post({"query": REGISTER, "variables": {"input": register_input(n + 1, name="another user's")}},
                           {"Authorization": "Bearer " + self.token(n + 1), "Idempotency-Key": key})
        return second[0], second[1]

    def request_id_injection(self):
        return self.post({"query": DETAIL, "variables": {"id": "3"}}, {"X-Request-ID": 'abc" injected=1 level=error'})

    def bad_tokens(self):
        n = self.next_id()
        now = int(time.time())
        variants = [
            jwt({"sub": "1", "exp": str(now - 3600)}, self.secret),
            jwt({"sub": "1", "exp": None}, self.secret),
            jwt({"sub": "1"}, self.secret),
            jwt({"sub": "+1902", "exp": now + 3600}, self.secret),
            jwt({"sub": "01902", "exp": now + 3600}, self.secret),
            jwt({"sub": "1", "exp": now + 3600}, self.secret, alg="none"),
            jwt({"sub": "1", "exp": now + 3600}, self.secret, bad_signature=True),
        ]
        return self.post({"query": "{ me { user { id nickname } } }"}, {"Authorization": "Bearer " + variants[n % len(variants)]})

    def duplicate_keys(self):
        n = self.next_id()
        mutation = ('mutation { registerUser(input: {username: \\"soak-dup-%d-%d@example.com\\", nickname: \\"dup %d\\"}) '
                    '{ userId } }' % (os.getpid(), n, n))
        body = ('{"query":"{__typename}","query":"' + mutation + '"}').encode()
        return self.post(body, {"Authorization": "Bearer " + self.token(n)})

    def charset_latin1(self):
        n = self.next_id()
        body = b'{"query":"{ gifticons(query: \\"caf\xe9 ' + str(n).encode() + b'\\", first: 1) { totalCount } }"}'
        return self.post(body, content_type="application/json; charset=latin1")

    def costly(self):
        n = self.next_id()
        documents = [
            "{ gifticon(id: \"1\") { category { " + "children { " * 60 + "id" + " }" * 60 + " } } }",
            "{ categories { " + "parent { " * 200 + "id" + " }" * 200 + " } }",
            "{ " + " ".join(f"a{i}: gifticon(id: \"{i}\") {{ id }}" for i in range(1000)) + " }",
            "{ gifticons(first: 100) { nodes { seller { reviewsReceived(first: 100) { nodes { gifticon { tags { name } "
            "seller { nickname } } } } } } } }",
            "query { " + "...F " * 1000 + "} fragment F on Query { __typename }",
            "{ " + "__schema { types { fields { type { ofType { ofType { name } } } } } } " * 1 + "}",
        ]
        return self.post({"query": documents[n % len(documents)]})

    KINDS = [  # (name, weight): the 250 KB kinds weigh most (memory is what they threaten)
        ("apq-unparseable-250k", 3), ("apq-valid-250k", 2), ("valid-250k-comment", 2), ("valid-250k-string", 1),
        ("idle-connection", 1), ("partial-headers", 1), ("short-body", 1), ("http10", 1),
        ("nul-in-input", 1), ("lone-surrogate", 1), ("invalid-utf8", 1), ("price-three-decimals", 1),
        ("consistency-max", 1), ("idempotency-reuse", 1), ("request-id-injection", 1), ("bad-tokens", 1),
        ("duplicate-keys", 1), ("charset-latin1", 1), ("costly", 1),
    ]
    HOLDERS = {"idle-connection", "partial-headers", "short-body"}


def run_hostile(args):
    tokens = [line.strip() for line in open(args.tokens) if line.strip()]
    hostile = Hostile(args.url, args.secret, tokens, args.hold_seconds)
    known = [name for name, _ in Hostile.KINDS]
    chosen = args.kinds.split(",") if args.kinds else known
    unknown = [name for name in chosen if name not in known]
    if unknown:
        sys.exit(f"soak.py: unknown hostile kinds {unknown}; known: {', '.join(known)}")
    schedule = [name for name, weight in Hostile.KINDS if name in chosen for _ in range(weight)]
    random.Random(14).shuffle(schedule)
    results = collections.defaultdict(collections.Counter)
    latencies = collections.defaultdict(list)
    lock = threading.Lock()
    held = threading.BoundedSemaphore(args.max_held)
    skipped = collections.Counter()

    def one(name):
        started = time.monotonic()
        try:
            status, body = getattr(hostile, name.replace("-", "_"))()
            try:
                found = sorted(set(codes(json.loads(body)))) if body else []
            except ValueError:
                found = ["not JSON"]
            if isinstance(status, int):
                status = f"{status} {'/'.join(found) if found else 'no errors'}"
        except Exception as error:   # the gateway may refuse, reset or time out: that is an answer too
            status = "error:" + type(error).__name__
        finally:
            if name in Hostile.HOLDERS:
                held.release()
        with lock:
            results[name][str(status)] += 1
            latencies[name].append((time.monotonic() - started) * 1000)

    started = time.monotonic()
    n = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.max_held + 16) as pool:
        while time.monotonic() - started < args.seconds:
            wake = started + n / args.rate
            if wake > time.monotonic():
                time.sleep(wake - time.monotonic())
            name = schedule[n % len(schedule)]
            n += 1
            if name in Hostile.HOLDERS and not held.acquire(blocking=False):
                skipped[name] += 1
                continue
            pool.submit(one, name)
        # Held connections end on their own within hold_seconds; the pool waits for them.
    summary = {"seconds": time.monotonic() - started, "sent": n, "rate": args.rate, "hold_seconds": args.hold_seconds,
               "skipped_at_hold_limit": skipped,
               "kinds": {name: {"statuses": results[name], "p50_ms": percentile(latencies[name], 50),
                                "max_ms": max(latencies[name]) if latencies[name] else None}
                         for name, _ in Hostile.KINDS if name in chosen}}
    json.dump(summary, open(args.out, "w"))


# ---------------------------------------------------------------- sampling

def run_sample(args):
    host, port = target(args.url)
    started = time.monotonic()
    with open(args.out, "a") as out:
        if out.tell() == 0:
            out.write("t_s\tphase\trss_mb\thwm_mb\tthreads\tfds\tlive\n")
        n = 0
        while True:
            phase = open(args.phase_file).read().strip() if os.path.exists(args.phase_file) else "?"
            try:
                status = {}
                for line in open(f"/proc/{args.pid}/status"):
                    key, _, value = line.partition(":")
                    status[key] = value.strip()
                rss = int(status["VmRSS"].split()[0]) / 1024
                hwm = int(status["VmHWM"].split()[0]) / 1024
                threads = status.get("Threads", "?")
                fds = len(os.listdir(f"/proc/{args.pid}/fd"))
            except (OSError, KeyError):
                out.write(f"{time.monotonic() - started:.0f}\t{phase}\tgone\t\t\t\tno\n")
                out.flush()
                return
            try:
                connection = http.client.HTTPConnection(host, port, timeout=5)
                connection.request("GET", "/health/live")
                live = str(connection.getresponse().status)
                connection.close()
            except (OSError, http.client.HTTPException) as error:
                live = type(error).__name__
            out.write(f"{time.monotonic() - started:.0f}\t{phase}\t{rss:.1f}\t{hwm:.1f}\t{threads}\t{fds}\t{live}\n")
            out.flush()
            if phase == "done":
                return
            n += 1
            # Sample on a fixed grid; a "done" phase is noticed within a second.
            while time.monotonic() < started + n * args.interval:
                time.sleep(1)
                if os.path.exists(args.phase_file) and open(args.phase_file).read().strip() == "done":
                    break


# ---------------------------------------------------------------- verdict

def read_wrk(path):
    """The `result key=value ...` line Benchmarks/soak/normal.lua prints."""
    for line in open(path):
        if line.startswith("result "):
            return {k: (float(v) if v.replace(".", "", 1).isdigit() else v)
                    for k, v in (item.split("=", 1) for item in line.split()[1:])}
    return None


def run_report(args):
    d = args.dir
    settings = json.load(open(os.path.join(d, "settings.json")))
    lines, failures = [], []
    say = lines.append

    samples = []
    for row in open(os.path.join(d, "rss.tsv")).read().splitlines()[1:]:
        cells = row.split("\t")
        samples.append(cells)
    gone = [s for s in samples if s[2] == "gone"]
    numeric = [s for s in samples if s[2] != "gone"]
    rss_base = [float(s[2]) for s in numeric if s[1] == "baseline"]
    rss_soak = [float(s[2]) for s in numeric if s[1] == "soak"]
    reference = rss_base[-1] if rss_base else None
    bound = reference + settings["rss_bound_mb"] if reference is not None else None
    peak = max(rss_soak) if rss_soak else None

    say(f"# Soak run {settings['started']}\n")
    say(f"- Command: `{settings['command']}`")
    say(f"- Gateway: {settings['gateway']} (pid {settings['pid']}), commit {settings['commit']}")
    say(f"- Machine: {settings['cores']} cores; load average before {settings['load_before']}, "
        f"after {open(os.path.join(d, 'load-after')).read().strip() if os.path.exists(os.path.join(d, 'load-after')) else '?'}")
    say(f"- Phases: warm-up {settings['warmup_s']} s, baseline {settings['baseline_s']} s (normal traffic alone), "
        f"soak {settings['soak_s']} s (the same normal traffic plus hostile requests at {settings['hostile_rate']}/s)")
    say(f"- Normal traffic: the original load profile's detail and list queries, {settings['connections']} connections "
        f"each, {settings['pause_ms']} ms pause between requests per connection (wrk); mutations at "
        f"{settings['mutation_rate']}/s with Idempotency-Key (registerGifticon, its retry, changeGifticonPrice)")
    say("")

    # Latency.
    say("## Normal traffic\n")
    say("| traffic | phase | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | 5xx | other non-200 | GraphQL errors | socket errors |")
    say("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    p99 = {}
    for kind in ("detail", "list"):
        for phase in ("baseline", "soak"):
            path = os.path.join(d, f"{phase}-{kind}.txt")
            r = read_wrk(path) if os.path.exists(path) else None
            if not r:
                failures.append(f"no wrk result for {kind} in the {phase} phase ({path})")
                continue
            p99[(kind, phase)] = r["p99"]
            say(f"| {kind} | {phase} | {r['requests']:.0f} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p90']:.2f} | "
                f"{r['p99']:.2f} | {r['max']:.1f} | {r['status_5xx']:.0f} | {r['other_non_200']:.0f} | "
                f"{r['graphql_errors']:.0f} | {r['socket_errors']:.0f} |")
            if r["status_5xx"] > 0:
                failures.append(f"{kind} ({phase}): {r['status_5xx']:.0f} answers with a 5xx status")
            if r["socket_errors"] > 0:
                failures.append(f"{kind} ({phase}): {r['socket_errors']:.0f} socket errors (connect/read/write/timeout)")
    mutation_rows = {}
    for phase in ("baseline", "soak"):
        path = os.path.join(d, f"{phase}-mutations.json")
        if not os.path.exists(path):
            failures.append(f"no mutation result for the {phase} phase")
            continue
        m = json.load(open(path))
        mutation_rows[phase] = m
        everything = [x for v in m["latency_ms"].values() for x in v]
        fivexx = sum(c for s, c in m["statuses"].items() if s.startswith("5"))
        sockets = sum(c for s, c in m["statuses"].items() if s.startswith("socket"))
        other = sum(c for s, c in m["statuses"].items() if s != "200" and not s.startswith("5") and not s.startswith("socket"))
        errors = sum(m["error_codes"].values())
        say(f"| mutations | {phase} | {m['requests']} | {m['requests'] / max(m['seconds'], 1):.1f} | "
            f"{percentile(everything, 50) or 0:.2f} | {percentile(everything, 90) or 0:.2f} | {percentile(everything, 99) or 0:.2f} | "
            f"{max(everything) if everything else 0:.1f} | {fivexx} | {other} | {errors} | {sockets} |")
        if fivexx:
            failures.append(f"mutations ({phase}): {fivexx} answers with a 5xx status")
        if sockets:
            failures.append(f"mutations ({phase}): {sockets} socket errors")
        if m["problem_count"]:
            failures.append(f"mutations ({phase}): {m['problem_count']} retries did not replay their first receipt, "
                            f"e.g. {m['problems'][0]}")
    say("")
    for phase, m in mutation_rows.items():
        if m["error_codes"]:
            say(f"- Mutation errors ({phase}): " + ", ".join(f"{k} {v}" for k, v in sorted(m["error_codes"].items())))
    factor = settings["p99_factor"]
    for kind in ("detail", "list"):
        if (kind, "baseline") in p99 and (kind, "soak") in p99:
            base, soak = p99[(kind, "baseline")], p99[(kind, "soak")]
            ratio = soak / base if base else float("inf")
            verdict = "ok" if ratio <= factor else "FAIL"
            say(f"- {kind} p99: soak {soak:.2f} ms / baseline {base:.2f} ms = {ratio:.2f}x (bound {factor}x): {verdict}")
            if ratio > factor:
                failures.append(f"{kind} p99 degraded {ratio:.2f}x (soak {soak:.2f} ms, baseline {base:.2f} ms; bound {factor}x)")
    if mutation_rows.get("baseline") and mutation_rows.get("soak"):
        b = percentile([x for v in mutation_rows["baseline"]["latency_ms"].values() for x in v], 99)
        s = percentile([x for v in mutation_rows["soak"]["latency_ms"].values() for x in v], 99)
        if b and s:
            say(f"- mutations p99: soak {s:.2f} ms / baseline {b:.2f} ms = {s / b:.2f}x (reported, not judged: "
                f"{mutation_rows['soak']['requests']} samples make the p99 one of the few slowest requests)")
    say("")

    # RSS.
    say("## Gateway memory (sampled every %d s)\n" % settings["sample_s"])
    say("| t (s) | phase | RSS MB | peak RSS MB | threads | open fds | /health/live |")
    say("|---:|---|---:|---:|---:|---:|---|")
    for s in samples:
        say("| " + " | ".join(s + [""] * (7 - len(s))) + " |")
    say("")
    if reference is not None:
        say(f"- Bound: RSS at the end of the baseline ({reference:.1f} MB) + {settings['rss_bound_mb']} MB = "
            f"{bound:.1f} MB. Soak peak: {peak:.1f} MB" + (f" ({peak - reference:+.1f} MB)." if peak else "."))
        half = rss_soak[len(rss_soak) // 2:]
        if len(half) >= 2:
            minutes = (len(half) - 1) * settings["sample_s"] / 60
            say(f"- Trend over the soak's second half: {(half[-1] - half[0]) / minutes:+.1f} MB/min "
                f"({half[0]:.1f} -> {half[-1]:.1f} MB).")
        if peak is not None and peak > bound:
            failures.append(f"RSS reached {peak:.1f} MB, past the bound of {bound:.1f} MB")
    else:
        failures.append("no RSS sample in the baseline phase")
    if gone:
        failures.append(f"the gateway process was gone at t={gone[0][0]} s ({gone[0][1]} phase)")
    not_live = [s for s in numeric if s[6] != "200"]
    if not_live:
        failures.append(f"/health/live did not answer 200 at t={not_live[0][0]} s: {not_live[0][6]}")
    say("")

    # Hostile.
    path = os.path.join(d, "hostile.json")
    if os.path.exists(path):
        h = json.load(open(path))
        say(f"## Hostile requests (not judged: how the gateway answered)\n")
        say(f"{h['sent']} sent in {h['seconds']:.0f} s ({h['rate']}/s); connection holders keep their socket up to "
            f"{h['hold_seconds']} s." + (" Skipped at the limit of held connections: " + ", ".join(
                f"{k} {v}" for k, v in h["skipped_at_hold_limit"].items()) if h["skipped_at_hold_limit"] else ""))
        say("")
        say("| kind | answers | median ms | max ms |")
        say("|---|---|---:|---:|")
        for name, k in h["kinds"].items():
            answers = ", ".join(f"{s}: {c}" for s, c in sorted(k["statuses"].items(), key=lambda x: -x[1]))
            say(f"| {name} | {answers} | {k['p50_ms'] or 0:.0f} | {k['max_ms'] or 0:.0f} |")
        say("")
    else:
        failures.append("no hostile result")

    say("## Verdict\n")
    if failures:
        say("**FAIL**\n")
        for f in failures:
            say(f"- {f}")
    else:
        say("**PASS**: no 5xx and no socket error on normal traffic, normal p99 within "
            f"{factor}x of the baseline, RSS within its bound, the gateway up throughout.")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as out:
            out.write(text)
    sys.exit(1 if failures else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    m = sub.add_parser("mutations")
    m.add_argument("--url", required=True)
    m.add_argument("--seconds", type=float, required=True)
    m.add_argument("--rate", type=float, default=2)
    m.add_argument("--tokens", required=True)
    m.add_argument("--out", required=True)
    h = sub.add_parser("hostile")
    h.add_argument("--url", required=True)
    h.add_argument("--seconds", type=float, required=True)
    h.add_argument("--rate", type=float, default=8)
    h.add_argument("--tokens", required=True)
    h.add_argument("--secret", required=True)
    h.add_argument("--hold-seconds", type=float, default=20)
    h.add_argument("--max-held", type=int, default=64)
    h.add_argument("--kinds", help="comma-separated kinds to send (default: all): " + ", ".join(n for n, _ in Hostile.KINDS))
    h.add_argument("--out", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--url", required=True)
    s.add_argument("--pid", type=int, required=True)
    s.add_argument("--phase-file", required=True)
    s.add_argument("--interval", type=float, default=10)
    s.add_argument("--out", required=True)
    r = sub.add_parser("report")
    r.add_argument("--dir", required=True)
    r.add_argument("--markdown")
    args = parser.parse_args()
    {"mutations": run_mutations, "hostile": run_hostile, "sample": run_sample, "report": run_report}[args.mode](args)


if __name__ == "__main__":
    main()
