#!/usr/bin/env bash
# Subscriptions at scale (issue 16's benchmark): a gateway instance of its own (release build, port 8090, limits
# raised for 10,000 connections) over the served stack's read models, then Benchmarks/subscriptions/fanout.py.
# Needs the served, seeded stack with its sync running (scripts/serve).
# Usage: Benchmarks/subscriptions/run.sh [fanout.py options, e.g. --subscriptions 10000 --distinct 1000 --rate 100 --seconds 60]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
set -a; . .stack/env; set +a
.stack/venv/bin/pip install -q --disable-pip-version-check "psycopg[binary]==3.2.3"
swift build -c release --product gifticon >/dev/null
GIFTICON="$(swift build -c release --show-bin-path)/gifticon"
ulimit -n 20000
GATEWAY_PORT=8090 GATEWAY_MAX_CONNECTIONS=12000 GATEWAY_MAX_SUBSCRIPTIONS=20000 GATEWAY_EXPIRY_INTERVAL_S=0 \
  GATEWAY_JWT_SECRET="$(cat .stack/gateway-secret)" "$GIFTICON" serve > /tmp/fanout-gateway.log 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:8090/health/live >/dev/null 2>&1 && break; sleep 0.1; done
.stack/venv/bin/python Benchmarks/subscriptions/fanout.py --gateway 127.0.0.1:8090 --gateway-pid "$GATEWAY" "$@"
curl -fsS http://127.0.0.1:8090/metrics | grep -E '^gateway_subscription(s|_groups|_events|_delivery_latency_seconds_(count|sum))' || true
