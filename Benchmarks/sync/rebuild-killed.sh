#!/bin/bash
# The rebuild of the seeded dataset, once whole and once killed with SIGKILL KILL_AFTER seconds (default 12) into
# each of its first two runs: the chunked snapshot resumes after its last applied chunk, so the kills cost the killed
# runs' unfinished chunks and two start-ups. Needs `scripts/stack up` and a release build of `gifticon`; it reseeds
# the stack's command database and rebuilds its read models (stop any running sync first).
#   swift build -c release --product gifticon && Benchmarks/sync/rebuild-killed.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
set -a; . .stack/env; set +a
gifticon=.build/release/gifticon
kill_after=${KILL_AFTER:-12}
logs=$(mktemp -d)
now() { date +%s.%N; }

"$gifticon" seed --reset >/dev/null
start=$(now)
"$gifticon" sync rebuild --snapshot-only >"$logs/whole.log" 2>&1
echo "whole: $(echo "$(now) - $start" | bc) s"

"$gifticon" seed --reset >/dev/null
start=$(now)
"$gifticon" sync rebuild --snapshot-only >"$logs/run1.log" 2>&1 & pid=$!
sleep "$kill_after"; kill -9 $pid; wait $pid 2>/dev/null || true
"$gifticon" sync run --stop-after 0 >"$logs/run2.log" 2>&1 & pid=$!
sleep "$kill_after"; kill -9 $pid; wait $pid 2>/dev/null || true
"$gifticon" sync run --stop-after 0 >"$logs/run3.log" 2>&1
echo "killed twice: $(echo "$(now) - $start" | bc) s"
grep -h -E "resuming the snapshot|starting over|snapshot applied" "$logs"/*.log | cut -c1-300
rm -rf "$logs"
