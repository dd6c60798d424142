"""Validation oracle: graphql-core 3.2.8's validate() over a batch of (schema, document) pairs.

stdin: a JSON array of {"sdl": ..., "query": ...}; stdout: a JSON array, one answer per request, in order:
{"ok": [{"message", "locations"}...]} (the specified rules' errors) or {"error": message} (e.g. a syntax error).
"""
import json
import subprocess
import sys

try:
    import graphql  # noqa: F401
except ImportError:  # install the reference on demand
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "graphql-core==3.2.8"], check=True)

from graphql import build_schema, parse, validate

_schemas = {}


def run(req):
    sdl = req["sdl"]
    if sdl not in _schemas:
        _schemas[sdl] = build_schema(sdl)
    document = parse(req["query"])
    errors = validate(_schemas[sdl], document)
    return [{"message": e.message, "locations": [{"line": l.line, "column": l.column} for l in (e.locations or [])]} for e in errors]


def main():
    answers = []
    for req in json.load(sys.stdin):
        try:
            answers.append({"ok": run(req)})
        except Exception as e:  # noqa: BLE001
            answers.append({"error": str(e)})
    json.dump(answers, sys.stdout)


main()
