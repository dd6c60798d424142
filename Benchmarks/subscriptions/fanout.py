"""Subscriptions at scale, measured from outside: N open SSE subscriptions on one gateway instance (D distinct
listings, N/D subscribers each) while the command database takes R single-row price changes a second that touch
them. Each change's sale price is unique, so a client event names the commit it reflects; the latency is from the
writer's commit acknowledgement to the event's arrival at the client. Also: the gateway's RSS before and after the
subscriptions opened (memory per subscription) and its CPU over the measured window, from /proc.

Run by Benchmarks/subscriptions/run.sh (which starts the gateway under test); needs psycopg in the venv.
"""
import argparse, asyncio, base64, json, os, resource, struct, sys, time, urllib.request

import psycopg


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Subscriber:
    def __init__(self, listing):
        self.listing = listing
        self.ready = asyncio.Event()

    async def run(self, host, port, query, received):
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        body = json.dumps({"query": query % self.listing}).encode()
        writer.write(b"POST /graphql HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n%s" % (host.encode(), len(body), body))
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(head.decode(errors="replace"))
        self.ready.set()
        while True:
            line = await reader.readline()
            if not line:
                return
            # Chunked coding: a chunk-size line, then the event's lines; only `data:` lines matter here.
            if line.startswith(b"data: {"):
                arrived = time.time()
                event = json.loads(line[6:])
                price = (((event.get("data") or {}).get("gifticonChanged") or {}).get("price") or {}).get("salePrice")
                received.append((self.listing, price, arrived))


class SocketOfSubscriptions:
    """One graphql-transport-ws socket carrying many subscriptions (ids are the listings' indexes)."""

    def __init__(self, listings):
        self.listings = listings
        self.ready = asyncio.Event()

    @staticmethod
    def frame(text, opcode=1):
        data = text.encode() if isinstance(text, str) else text
        mask = os.urandom(4)
        head = bytes([0x80 | opcode])
        n = len(data)
        head += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n)
        return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    async def run(self, host, port, query, received):
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write((f"GET /graphql HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n").encode())
        head = await reader.readuntil(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(head.decode(errors="replace"))
        writer.write(self.frame(json.dumps({"type": "connection_init"})))
        for i, listing in enumerate(self.listings):
            writer.write(self.frame(json.dumps({"id": f"{i}:{listing}", "type": "subscribe", "payload": {"query": query % listing}})))
        await writer.drain()
        self.ready.set()
        while True:
            b0, b1 = await reader.readexactly(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", await reader.readexactly(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", await reader.readexactly(8))[0]
            payload = await reader.readexactly(n)
            opcode = b0 & 0x0F
            if opcode == 9:  # the server's ping: pong with the same bytes, or it closes the socket
                writer.write(self.frame(payload, opcode=10))
                continue
            if opcode == 8:
                code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else None
                print(f"a socket was closed by the gateway: {code} {payload[2:].decode(errors='replace')}", file=sys.stderr)
                return
            if opcode != 1:
                continue
            arrived = time.time()
            message = json.loads(payload)
            if message.get("type") != "next":
                continue
            listing = message["id"].split(":", 1)[1]
            price = ((((message.get("payload") or {}).get("data") or {}).get("gifticonChanged") or {}).get("price") or {}).get("salePrice")
            received.append((listing, price, arrived))


def histogram(url, name):
    """A Prometheus histogram's cumulative buckets {le: count} from a /metrics page (empty when unreachable)."""
    try:
        text = urllib.request.urlopen(url, timeout=5).read().decode()
    except OSError:
        return {}
    out = {}
    for line in text.splitlines():
        if line.startswith(name + "_bucket{"):
            le = line.split('le="', 1)[1].split('"', 1)[0]
            out[float("inf") if le == "+Inf" else float(le)] = float(line.rsplit(" ", 1)[1])
    return out


def gauge(url, name):
    try:
        text = urllib.request.urlopen(url, timeout=5).read().decode()
    except OSError:
        return 0
    return next((float(l.rsplit(" ", 1)[1]) for l in text.splitlines() if l.startswith(name + " ")), 0)


def quantiles(before, after):
    """p50/p99 in ms (bucket upper bounds) of the observations between two scrapes of one histogram."""
    delta = sorted((le, after[le] - before.get(le, 0)) for le in after)
    total = delta[-1][1] if delta else 0
    def q(f):
        for le, count in delta:
            if total and count >= f * total:
                return "<= %g" % (le * 1000) if le != float("inf") else "> last bucket"
        return None
    return {"count": int(total), "p50_ms": q(0.5), "p99_ms": q(0.99)}


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gateway", default="127.0.0.1:8090")
    p.add_argument("--gateway-pid", type=int, required=True)
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    p.add_argument("--subscriptions", type=int, default=10_000)
    p.add_argument("--distinct", type=int, default=1_000)
    p.add_argument("--rate", type=int, default=100)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--transport", choices=["sse", "ws"], default="sse")
    p.add_argument("--per-socket", type=int, default=100, help="subscriptions per WebSocket")
    p.add_argument("--sync-metrics", default="http://127.0.0.1:9464/metrics")
    a = p.parse_args()
    host, port = a.gateway.split(":")
    query = 'subscription { gifticonChanged(id: "%s") { id price { salePrice } } }'

    db = await psycopg.AsyncConnection.connect(a.database_url, autocommit=True)
    rows = await (await db.execute(
        "SELECT p.gifticon_id, p.base_price FROM gifticon_prices p JOIN gifticons g ON g.id = p.gifticon_id "
        "ORDER BY p.gifticon_id LIMIT %s", (a.distinct,))).fetchall()
    listings = [(str(r[0]), r[1]) for r in rows]
    if len(listings) < a.distinct:
        sys.exit(f"only {len(listings)} listings with prices; seed the database (scripts/serve)")

    rss_before = rss_kb(a.gateway_pid)
    received = []
    ids = [listings[i % a.distinct][0] for i in range(a.subscriptions)]
    if a.transport == "sse":
        subscribers = [Subscriber(listing) for listing in ids]
    else:
        subscribers = [SocketOfSubscriptions(ids[i:i + a.per_socket]) for i in range(0, len(ids), a.per_socket)]
    opened = time.time()
    tasks = []
    for start in range(0, len(subscribers), 500):
        batch = subscribers[start:start + 500]
        tasks += [asyncio.create_task(s.run(host, int(port), query, received)) for s in batch]
        await asyncio.wait_for(asyncio.gather(*(s.ready.wait() for s in batch)), 60)
    # Open means registered on the gateway: its gauge counts every subscription (a WebSocket's are only sent so far).
    gateway_metrics = f"http://{a.gateway}/metrics"
    while gauge(gateway_metrics, "gateway_subscriptions") < a.subscriptions:
        if time.time() - opened > 120:
            sys.exit("the gateway did not register every subscription within 120 s")
        await asyncio.sleep(0.2)
    open_seconds = time.time() - opened
    await asyncio.sleep(2)
    rss_after = rss_kb(a.gateway_pid)
    received.clear()

    # The writer: one price change every 1/rate s, round-robin over the listings, each sale price unique.
    commits = {}
    sync_before = histogram(a.sync_metrics, "sync_commit_to_applied_lag_seconds")
    gateway_before = histogram(gateway_metrics, "gateway_subscription_delivery_latency_seconds")
    fanout_before = histogram(gateway_metrics, "gateway_subscription_fanout_latency_seconds")
    client0 = resource.getrusage(resource.RUSAGE_SELF)
    cpu0, wall0 = cpu_seconds(a.gateway_pid), time.time()
    interval = 1.0 / a.rate
    next_at = time.time()
    for n in range(a.rate * a.seconds):
        listing, base = listings[n % a.distinct]
        # One cent less each round over the listings: every (listing, price) pair names one commit.
        price = round(max(0.01, float(base) - (n // a.distinct + 1) * 0.01), 2)
        async with db.transaction():
            await db.execute("UPDATE gifticon_prices SET sale_price = %s, updated_at = now(), version = version + 1 "
                             "WHERE gifticon_id = %s", (price, int(listing)))
        commits[(listing, f"{price:.2f}")] = time.time()
        next_at += interval
        delay = next_at - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
    written = time.time() - wall0
    await asyncio.sleep(5)  # the tail
    cpu1, wall1 = cpu_seconds(a.gateway_pid), time.time()
    client1 = resource.getrusage(resource.RUSAGE_SELF)
    sync_after = histogram(a.sync_metrics, "sync_commit_to_applied_lag_seconds")
    gateway_after = histogram(gateway_metrics, "gateway_subscription_delivery_latency_seconds")
    fanout_after = histogram(gateway_metrics, "gateway_subscription_fanout_latency_seconds")

    per = a.subscriptions // a.distinct
    latencies = sorted((arrived - commits[(l, price)]) * 1000 for l, price, arrived in received if (l, price) in commits)
    expected = len(commits) * per
    q = lambda f: latencies[min(len(latencies) - 1, int(f * len(latencies)))] if latencies else float("nan")
    load = open("/proc/loadavg").read().split()[:3]
    got = {}
    for l, price, _ in received:
        got[(l, price)] = got.get((l, price), 0) + 1
    short = [(k, t) for k, t in commits.items() if got.get(k, 0) < per]
    if short:
        by_second = {}
        for _, t in short:
            by_second[int(t - wall0)] = by_second.get(int(t - wall0), 0) + 1
        print("commits with fewer events than subscribers, by second of the run:", sorted(by_second.items())[:40], file=sys.stderr)
        print("e.g.", short[:5], [got.get(k, 0) for k, _ in short[:5]], file=sys.stderr)
    print(json.dumps({
        "transport": a.transport, "connections": len(subscribers), "subscriptions": a.subscriptions, "distinct": a.distinct, "opened_in_s": round(open_seconds, 1),
        "commits": len(commits), "commit_rate": round(len(commits) / written, 1),
        "events_expected": expected, "events_received": len(latencies),
        "latency_ms": {"p50": round(q(0.50), 1), "p90": round(q(0.90), 1), "p99": round(q(0.99), 1), "max": round(latencies[-1], 1) if latencies else None},
        "gateway_rss_mb": {"before": round(rss_before / 1024, 1), "with_subscriptions": round(rss_after / 1024, 1)},
        "rss_kb_per_subscription": round((rss_after - rss_before) / a.subscriptions, 2),
        "gateway_cpu_percent_of_one_core": round(100 * (cpu1 - cpu0) / (wall1 - wall0), 1),
        "client_cpu_percent_of_one_core": round(100 * ((client1.ru_utime + client1.ru_stime) - (client0.ru_utime + client0.ru_stime)) / (wall1 - wall0), 1),
        "sync_commit_to_applied": quantiles(sync_before, sync_after),
        "gateway_commit_to_sent": quantiles(gateway_before, gateway_after),
        "gateway_notice_to_sent": quantiles(fanout_before, fanout_after),
        "loadavg": load,
    }, indent=2))
    for t in tasks:
        t.cancel()


asyncio.run(main())
