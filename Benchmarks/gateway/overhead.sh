#!/usr/bin/env bash
# The gateway's own cost: a persisted (APQ) detail query for one gifticon, sent as GET with only its hash, so
# parsing and validation come from the caches and the documents from the read-model cache (and, unless the gateway
# runs with GATEWAY_RESPONSE_CACHE=false, the whole response from the response cache). Beside it, the ceiling: a
# plain Hummingbird server (`gifticon-bench ceiling`, same configuration) answering the same bytes to the same
# request, and the gateway's own /health/live.
# Usage: overhead.sh [base URL] [seconds] [gifticon-bench binary]   (the gateway must be serving at the base URL)
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
SECONDS_=${2:-10}
if [[ -n "${3:-}" ]]; then
  BENCH=$3
else
  ROOT=$(cd "$(dirname "$0")/../.." && pwd)
  (cd "$ROOT" && swift build -c release --product gifticon-bench >&2)
  BENCH=$(cd "$ROOT" && swift build -c release --show-bin-path)/gifticon-bench
fi
CEILING_PORT=${CEILING_PORT:-8081}
QUERY='query Detail($id: ID!) { gifticon(id: $id) { id name description status dueDate createdAt price { basePrice salePrice currency discountPercentage } brand { id name } category { id name } seller { id nickname ratingSummary { average count } } images { url altText displayOrder } primaryImage { url } tags { name } } }'
HASH=$(printf '%s' "$QUERY" | sha256sum | cut -d' ' -f1)
BODY=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1], "variables": {"id": "1"}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sys.argv[2]}}}))' "$QUERY" "$HASH")
curl -fsS "$BASE/graphql" -H 'Content-Type: application/json' -d "$BODY" > /dev/null   # registers the hash, warms the caches
EXT=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$HASH\"}}")
VARS=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("{\"id\":\"1\"}"))')
URL="$BASE/graphql?extensions=$EXT&variables=$VARS"
BODY_FILE=$(mktemp)
trap 'rm -f "$BODY_FILE"; [[ -n "${CEILING_PID:-}" ]] && kill "$CEILING_PID" 2>/dev/null' EXIT
curl -fsS "$URL" > "$BODY_FILE"
echo "persisted detail query, bytes: $(wc -c < "$BODY_FILE")"
wrk -t 1 -c 32 -d "${SECONDS_}s" --latency "$URL" | grep -E "Requests/sec|99%|50%|Non-2xx"

"$BENCH" ceiling --body "$BODY_FILE" --port "$CEILING_PORT" &
CEILING_PID=$!
CEILING_URL="http://127.0.0.1:$CEILING_PORT/graphql?extensions=$EXT&variables=$VARS"
for _ in $(seq 1 100); do curl -fsS "$CEILING_URL" -o /dev/null 2>/dev/null && break; sleep 0.1; done
cmp -s "$BODY_FILE" <(curl -fsS "$CEILING_URL") || { echo "the ceiling does not answer the same bytes" >&2; exit 1; }
echo "ceiling (plain Hummingbird, the same bytes for the same request):"
wrk -t 1 -c 32 -d "${SECONDS_}s" --latency "$CEILING_URL" | grep -E "Requests/sec|99%|50%|Non-2xx"
echo "the gateway's /health/live:"
wrk -t 1 -c 32 -d "${SECONDS_}s" --latency "$BASE/health/live" | grep -E "Requests/sec|99%|50%|Non-2xx"
