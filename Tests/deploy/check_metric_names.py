#!/usr/bin/env python3
"""Every metric name the deployment's PromQL uses exists: one the product exports (read from the Swift sources, so
a renamed or removed metric fails here), or one Prometheus or the blackbox exporter makes.

Checks the Grafana dashboard's panel expressions, the alert rules' expressions and the series of the alert tests.
Usage: check_metric_names.py [--self-test]   (exit 1 naming each unknown metric and where it is used)
"""
import json
import os
import re
import sys

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# Made by Prometheus itself (scrape health) and by the blackbox exporter (the readiness probe), not by our code.
EXTERNAL = {"up", "probe_success"}

# PromQL words that look like names but are not metrics.
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"}


def exported_metrics(sources=os.path.join(ROOT, "Sources")):
    """Names the Swift code registers or prints, with the suffixes Prometheus gives histograms."""
    names = set()
    for folder, _, files in os.walk(sources):
        for file in files:
            if not file.endswith(".swift"):
                continue
            text = open(os.path.join(folder, file), encoding="utf-8").read()
            # MetricNameDescriptor(metricName: "x", unitName: "y", ...) is exported as x_y.
            for base, unit in re.findall(r'metricName:\s*"([a-z_:][a-z0-9_:]*)"(?:,\s*unitName:\s*"([a-z_]+)")?', text):
                names.add(f"{base}_{unit}" if unit else base)
            # makeGauge(name: "x", ...) and hand-written exposition lines.
            names.update(re.findall(r'make(?:Gauge|Counter)\(name:\s*"([a-z_:][a-z0-9_:]*)"', text))
            names.update(re.findall(r'# TYPE ([a-z_:][a-z0-9_:]*) ', text))
            # The gateway's freshness gauges are made in a loop from (name, unit, help, value) tuples.
            for base, unit in re.findall(r'\("(gateway_[a-z0-9_]+)",\s*"([a-z]+)",', text):
                names.add(f"{base}_{unit}")
    return names | {f"{n}{s}" for n in names for s in ("_bucket", "_sum", "_count")}


def metric_names(expr):
    """The metric names a PromQL expression reads (selectors' names, not functions, labels or keywords)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'', '""', expr)   # strings (label values)
    text = re.sub(r"\{[^}]*\}", " ", text)                                 # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)                                # range and subquery durations
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)  # label lists
    text = re.sub(r"\$\w+", " ", text)                                     # Grafana variables
    names = set()
    for match in re.finditer(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?", text):
        name, call = match.group(1), match.group(2)
        if call or name.lower() in KEYWORDS:
            continue
        names.add(name)
    return names


def used_expressions():
    """(where, PromQL) for every dashboard panel target, alert rule and alert-test series."""
    found = []
    dashboards = os.path.join(ROOT, "deploy", "grafana", "dashboards")
    for file in sorted(os.listdir(dashboards)):
        if file.endswith(".json"):
            dashboard = json.load(open(os.path.join(dashboards, file), encoding="utf-8"))
            panels = [p for top in dashboard["panels"] for p in [top] + top.get("panels", [])]
            for panel in panels:
                for target in panel.get("targets", []):
                    found.append((f"{file}: panel {panel['title']!r}", target["expr"]))
    alerts = yaml.safe_load(open(os.path.join(ROOT, "deploy", "prometheus", "alerts.yml"), encoding="utf-8"))
    for group in alerts["groups"]:
        for rule in group["rules"]:
            found.append((f"alerts.yml: {rule.get('alert') or rule.get('record')}", rule["expr"]))
    tests = yaml.safe_load(open(os.path.join(ROOT, "deploy", "prometheus", "alerts_test.yml"), encoding="utf-8"))
    for test in tests["tests"]:
        for series in test.get("input_series", []):
            found.append((f"alerts_test.yml: {test.get('name')}", series["series"]))
    return found


def self_test():
    assert metric_names('sum by (status) (rate(gateway_requests_total{status=~"5.."}[5m]))') == {"gateway_requests_total"}
    assert metric_names("histogram_quantile(0.99, sum by (le) (rate(x_bucket[$__rate_interval]))) > 1") == {"x_bucket"}
    assert metric_names("a > 0 and on (job) min by (job) (b) > 300") == {"a", "b"}
    assert metric_names('absent(up{job="sync"} == 1)') == {"up"}
    assert metric_names("rate(a[5m]) unless rate(b[5m]) / 1e3") == {"a", "b"}
    exported = exported_metrics()
    for known in ("gateway_requests_total", "gateway_request_duration_seconds_bucket", "gateway_sync_behind_bytes",
                  "gateway_websocket_connections", "sync_applied_lsn_bytes", "sync_transactions_applied_total"):
        assert known in exported, known
    assert "gateway_requests" not in exported
    print("check_metric_names: self-test passed")


def main():
    if "--self-test" in sys.argv:
        self_test()
        return 0
    known = exported_metrics() | EXTERNAL
    unknown = [(where, name) for where, expr in used_expressions() for name in sorted(metric_names(expr)) if name not in known]
    for where, name in unknown:
        print(f"check_metric_names: {where}: {name} is not a metric the code exports", file=sys.stderr)
    if unknown:
        return 1
    print(f"check_metric_names: every metric used is exported ({len(used_expressions())} expressions checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
