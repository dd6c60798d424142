#!/usr/bin/env bash
# Builds the libFuzzer harness for the GraphQL lexer/parser and runs it for a while.
# Usage: Fuzz/run-parser-fuzzer.sh [seconds]   (default 60). Crashes land in Fuzz/artifacts/;
# copy any crashing input to Tests/GraphQLEngineTests/Language/Fixtures/regressions/ as a regression test.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-60}"
build="$here/.build-fuzz"
mkdir -p "$build" "$here/corpus" "$here/artifacts"
cp -n "$root"/../shared/graphql-corpus/*.graphql "$here/corpus/" 2>/dev/null || true
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name GraphQLFuzz \
    "$root"/Sources/GraphQLEngine/Language/*.swift "$root"/Sources/GraphQLEngine/Error/*.swift \
    "$here/ParserFuzzer.swift" -o "$build/parser-fuzzer"
"$build/parser-fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=5 \
    -artifact_prefix="$here/artifacts/" "$here/corpus"
