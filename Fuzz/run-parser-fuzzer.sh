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
# The parser's token limit names its error code from Validation/Limits/QueryLimitCode.swift, whose other
# declarations need the validation machinery: only the enum is taken from it.
sed -n '/^public enum QueryLimitCode/,/^}/p' "$root/Sources/GraphQLEngine/Validation/Limits/QueryLimitCode.swift" \
    > "$build/QueryLimitCode.swift"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name GraphQLFuzz \
    "$root"/Sources/GraphQLEngine/Language/*.swift "$root"/Sources/GraphQLEngine/Error/*.swift \
    "$build/QueryLimitCode.swift" "$here/ParserFuzzer.swift" -o "$build/parser-fuzzer"
"$build/parser-fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=5 \
    -artifact_prefix="$here/artifacts/" "$here/corpus"
