"""Differential-test oracle: answers batches of requests with graphql-core 3.2.8 (graphql-js's Python port).

stdin: a JSON array of requests; stdout: a JSON array of answers, one per request, in order.
Requests:
  {"op": "print", "sdl": ...}                              -> {"ok": print_schema(build_schema(sdl))}
  {"op": "introspect", "sdl": ..., "options": {...}}        -> {"ok": {"data": ..., "errors": [...]}}
  {"op": "execute", "sdl", "query", "variables"?, "root"?, "operation"?}
                                                            -> {"ok": {"data"?: ..., "errors"?: [...]}}
  {"op": "validate_sdl", "sdl", "base"?}                    -> {"ok": [{"message", "locations"}...]}
                                                               (validate_sdl: the SDL rules, extending build_schema(base))
  {"op": "suggest", "input", "options"}                     -> {"ok": suggestion_list(input, options)}
Any exception: {"error": message}.
"""
import json
import subprocess
import sys

try:
    import graphql  # noqa: F401
except ImportError:  # install the reference on demand
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "graphql-core==3.2.8"], check=True)

from graphql import (
    GraphQLError,
    build_schema,
    execute_sync,
    get_introspection_query,
    graphql_sync,
    parse,
    print_schema,
    validate,
)
from graphql.pyutils import suggestion_list
from graphql.validation.validate import validate_sdl

_schemas = {}


def schema_for(sdl):
    if sdl not in _schemas:
        _schemas[sdl] = build_schema(sdl)
    return _schemas[sdl]


def fmt_result(result, had_data=True):
    out = {}
    if had_data:
        out["data"] = result.data
    if result.errors:
        out["errors"] = [e.formatted for e in result.errors]
    return out


def run(req):
    op = req["op"]
    if op == "print":
        return print_schema(schema_for(req["sdl"]))
    if op == "introspect":
        schema = schema_for(req["sdl"])
        query = get_introspection_query(**req.get("options", {}))
        return fmt_result(graphql_sync(schema, query))
    if op == "execute":
        schema = schema_for(req["sdl"])
        try:
            document = parse(req["query"])
        except GraphQLError as e:
            return {"errors": [e.formatted]}
        if req.get("validate", True):
            errors = validate(schema, document)
            if errors:
                return {"errors": [e.formatted for e in errors]}
        result = execute_sync(
            schema,
            document,
            root_value=req.get("root"),
            variable_values=req.get("variables"),
            operation_name=req.get("operation"),
        )
        return fmt_result(result)
    if op == "validate_sdl":
        base = req.get("base")
        errors = validate_sdl(parse(req["sdl"]), schema_for(base) if base else None)
        return [{"message": e.message, "locations": [{"line": l.line, "column": l.column} for l in (e.locations or [])]}
                for e in errors]
    if op == "suggest":
        return suggestion_list(req["input"], req["options"])
    raise ValueError("unknown op " + op)


def main():
    requests = json.load(sys.stdin)
    answers = []
    for req in requests:
        try:
            answers.append({"ok": run(req)})
        except Exception as e:  # noqa: BLE001
            answers.append({"error": str(e)})
    json.dump(answers, sys.stdout)


main()
