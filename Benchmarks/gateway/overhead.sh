#!/usr/bin/env bash
# The gateway's own cost: a persisted (APQ) detail query for one gifticon, sent as GET with only its hash, so
# parsing and validation come from the caches and the documents from the read-model cache; beside it, the plain
# Hummingbird route /health/live of the same server (the ceiling). Usage: overhead.sh [base URL] [seconds]
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
SECONDS_=${2:-10}
QUERY='query Detail($id: ID!) { gifticon(id: $id) { id name description status dueDate createdAt price { basePrice salePrice currency discountPercentage } brand { id name } category { id name } seller { id nickname ratingSummary { average count } } images { url altText displayOrder } primaryImage { url } tags { name } } }'
HASH=$(printf '%s' "$QUERY" | sha256sum | cut -d' ' -f1)
BODY=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1], "variables": {"id": "1"}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sys.argv[2]}}}))' "$QUERY" "$HASH")
curl -fsS "$BASE/graphql" -H 'Content-Type: application/json' -d "$BODY" > /dev/null   # registers the hash, warms the caches
EXT=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$HASH\"}}")
VARS=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("{\"id\":\"1\"}"))')
URL="$BASE/graphql?extensions=$EXT&variables=$VARS"
echo "persisted detail query, bytes: $(curl -fsS "$URL" | wc -c)"
wrk -t 1 -c 32 -d "${SECONDS_}s" --latency "$URL" | grep -E "Requests/sec|99%|50%|Non-2xx"
echo "ceiling (/health/live on the same server):"
wrk -t 1 -c 32 -d "${SECONDS_}s" --latency "$BASE/health/live" | grep -E "Requests/sec|99%|50%|Non-2xx"
