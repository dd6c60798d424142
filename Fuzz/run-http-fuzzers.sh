#!/usr/bin/env bash
# Builds the libFuzzer harnesses for the gateway's HTTP request entry points and runs one of them for a while:
#   json        JSONReader/JSONWriter (Sources/JSON): every POST body, every GET's variables and extensions
#   parameters  FormDecoding, mediaTypeEssence and GraphQLParameters (Sources/Gateway/HTTP): a GET's URL query, a
#               POST's Content-Type and body
# Usage: Fuzz/run-http-fuzzers.sh json|parameters [seconds]   (default 60)
# Sources/JSON is compiled as the module JSON; the parameters harness compiles FormDecoding.swift, MediaType.swift
# and GraphQLParameters.swift beside it (the last imports GraphQLEngine without using it: an empty stand-in module
# is compiled for that import, so the file is fuzzed unchanged). No Hummingbird: GatewayServer.graphQLRequest, which
# hands Hummingbird's request to these functions, is not in the build.
# New inputs go to Fuzz/.build-fuzz/corpus-<name>/ (not checked in), the seeds are Fuzz/corpus-<name>/; crashes land
# in Fuzz/artifacts/<name>-crash-*. Keep a crashing input as a test: Tests/JSONTests (json) or
# Tests/GatewayTests/FormDecodingTests.swift (parameters); unlike the parser's regressions folder, neither reads a
# folder of inputs yet.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
name="${1:?usage: run-http-fuzzers.sh json|parameters [seconds]}"
seconds="${2:-60}"
build="$here/.build-fuzz"
mkdir -p "$build/modules" "$build/corpus-$name" "$here/artifacts"
flags=(-O -sanitize=fuzzer,address -parse-as-library)

swiftc "${flags[@]}" -module-name JSON -wmo -emit-module -emit-module-path "$build/modules/JSON.swiftmodule" \
    -c "$root"/Sources/JSON/*.swift -o "$build/JSON.o"
case "$name" in
  json)
    swiftc "${flags[@]}" -module-name JSONFuzz -I "$build/modules" "$here/JSONFuzzer.swift" "$build/JSON.o" \
        -o "$build/json-fuzzer"
    ;;
  parameters)
    echo "// The stand-in for GraphQLParameters.swift's unused import." > "$build/GraphQLEngineStandIn.swift"
    swiftc -parse-as-library -module-name GraphQLEngine -emit-module -emit-module-path "$build/modules/GraphQLEngine.swiftmodule" \
        "$build/GraphQLEngineStandIn.swift"
    swiftc "${flags[@]}" -module-name HTTPParametersFuzz -I "$build/modules" "$here/HTTPParametersFuzzer.swift" \
        "$root/Sources/Gateway/HTTP/FormDecoding.swift" "$root/Sources/Gateway/HTTP/MediaType.swift" \
        "$root/Sources/Gateway/HTTP/GraphQLParameters.swift" "$build/JSON.o" -o "$build/parameters-fuzzer"
    ;;
  *) echo "run-http-fuzzers.sh: json or parameters, not $name" >&2; exit 2 ;;
esac
"$build/$name-fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/$name-" "$build/corpus-$name" "$here/corpus-$name"
