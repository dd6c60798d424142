#!/usr/bin/env python3
"""graphql-core 3.2.8 as a differential-test oracle for the language layer.

Reads a JSON array of requests on stdin: {"op": "parse" | "parseValue" | "parseType", "source": str,
"maxTokens": int?}; prints a JSON array of answers: {"ok": true, "printed": str} or
{"ok": false, "message": str, "locations": [[line, column], ...]}.
"""
import json
import re
import subprocess
import sys

try:
    import graphql  # noqa: F401
except ImportError:  # pragma: no cover
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "graphql-core==3.2.8"])

from graphql import GraphQLError, parse, parse_type, parse_value, print_ast


def js_locations(source, error):
    """graphql-js's getLocation (graphql-core's get_location miscounts a position right after a newline)."""
    if not error.positions:
        return [[loc.line, loc.column] for loc in (error.locations or [])]
    result = []
    for position in error.positions:
        line, line_start = 1, 0
        for match in re.finditer(r"\r\n|[\n\r]", source):
            if match.start() >= position:
                break
            line += 1
            line_start = match.end()
        result.append([line, position + 1 - line_start])
    return result


def answer(request):
    op = request["op"]
    source = request["source"]
    try:
        if op == "parse":
            kwargs = {}
            if request.get("maxTokens") is not None:
                kwargs["max_tokens"] = request["maxTokens"]
            node = parse(source, **kwargs)
        elif op == "parseValue":
            node = parse_value(source)
        elif op == "parseType":
            node = parse_type(source)
        else:
            return {"ok": False, "message": "unknown op " + op, "locations": []}
        return {"ok": True, "printed": print_ast(node)}
    except GraphQLError as error:
        return {
            "ok": False,
            "message": error.message,
            "locations": js_locations(source, error),
        }
    except Exception as error:  # graphql-core itself crashed (e.g. IndexError on a trailing backslash)
        return {"skip": True, "message": repr(error)}


def main():
    sys.setrecursionlimit(10000)
    requests = json.load(sys.stdin)
    json.dump([answer(r) for r in requests], sys.stdout)


if __name__ == "__main__":
    main()
