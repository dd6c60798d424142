#!/usr/bin/env bash
# The original list profile (a keyword, a price band and a brand per request) through the gateway, beside the very
# search bodies the gateway sends for those requests (`gifticon-bench list-bodies`, the gateway's own code) sent
# straight to the search server, in one run:
#   1. the profile: 100 connections, each pausing 0.1 s between requests (the original's 100 virtual users);
#   2. the same pause with 25 connections (about 250 requests/s, a load the stand-in search server can serve);
#   3. saturation: no pause, at several concurrencies, for each side's best throughput.
# The gateway must be serving the seeded data (scripts/serve). The figures go to BENCHMARKS.md.
# Usage: search-side-by-side.sh [gateway URL] [search URL] [seconds] [gifticon-bench binary]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
GATEWAY=${1:-http://127.0.0.1:8080}
SEARCH=${2:-${SEARCH_URL:-http://127.0.0.1:19200}}
SECS=${3:-20}
if [[ -n "${4:-}" ]]; then
  BENCH=$4
else
  (cd "$ROOT" && swift build -c release --product gifticon-bench >&2)
  BENCH=$(cd "$ROOT" && swift build -c release --show-bin-path)/gifticon-bench
fi
INDEX=${SEARCH_INDEX:-gifticons}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
# Like the original's random draws, requests almost never repeat: each run gets bodies of its own seed, more than it
# can send, so neither the gateway's response cache nor anything else answers a body it has seen before.
SEED=$(date +%s)
bodies() { "$BENCH" list-bodies --count "${BODIES:-20000}" --seed "$1" --out "$DIR"; }
bodies "$SEED"

# Both sides must answer the first request properly before anything is timed.
first_graphql=$(head -n 1 "$DIR/graphql.lines")
answer=$(curl -fsS "$GATEWAY/graphql" -H 'Content-Type: application/json' -d "$first_graphql")
[[ $answer == *'"totalCount"'* && $answer != *'"errors"'* ]] || { echo "the gateway did not answer the list query: $answer" >&2; exit 1; }
answer=$(curl -fsS "$SEARCH/$INDEX/_search" -H 'Content-Type: application/json' -d "$(head -n 1 "$DIR/search.lines")")
[[ $answer == *'"hits"'* ]] || { echo "the search server did not answer the search body: $answer" >&2; exit 1; }
echo "gateway total for the first request: $(echo "$first_graphql" | curl -fsS "$GATEWAY/graphql" -H 'Content-Type: application/json' -d @- | grep -o '"totalCount":[0-9]*'),"\
  "search server: $(echo "$answer" | grep -o '"value":[0-9]*' | head -n 1)"

run() {  # label threads connections pause_ms url file path
  local out
  SEED=$((SEED + 1)); bodies "$SEED"
  out=$(wrk -t "$2" -c "$3" -d "${SECS}s" -s "$HERE/replay.lua" "$5" -- "$6" "$7" "$4" | grep '^result')
  printf '%-44s c=%-4s %s\n' "$1" "$3" "${out#result }"
}

# Warm-up (not reported): the gateway's first pass reads the listings' documents from MongoDB into its cache.
wrk -t 2 -c 8 -d 10s -s "$HERE/replay.lua" "$GATEWAY" -- "$DIR/graphql.lines" /graphql 0 > /dev/null
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "== the profile: 100 connections, 0.1 s pause =="
run "gateway /graphql" 2 100 100 "$GATEWAY" "$DIR/graphql.lines" /graphql
run "search server /$INDEX/_search" 2 100 100 "$SEARCH" "$DIR/search.lines" "/$INDEX/_search"
echo "== the profile at 25 connections, 0.1 s pause =="
run "gateway /graphql" 2 25 100 "$GATEWAY" "$DIR/graphql.lines" /graphql
run "search server /$INDEX/_search" 2 25 100 "$SEARCH" "$DIR/search.lines" "/$INDEX/_search"
echo "== saturation: no pause =="
for c in ${CONCURRENCIES:-2 4 8 16 32}; do
  run "gateway /graphql" 2 "$c" 0 "$GATEWAY" "$DIR/graphql.lines" /graphql
  run "search server /$INDEX/_search" 2 "$c" 0 "$SEARCH" "$DIR/search.lines" "/$INDEX/_search"
done
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
