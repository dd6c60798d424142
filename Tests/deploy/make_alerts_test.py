# Writes deploy/prometheus/alerts_test.yml (promtool's unit tests of alerts.yml) from the cases below, filling each
# expected alert's labels and annotations from alerts.yml (rendered for the case's labels): promtool compares
# annotations exactly, and copying them by hand would drift. Every alert needs a case that fires it and one that
# must not. After changing alerts.yml or a case:  python3 Tests/deploy/make_alerts_test.py
# (Tests/deploy/test_deploy.sh fails when the committed file is not what this writes.)
import os, re, sys, yaml
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
output = sys.argv[1] if len(sys.argv) > 1 else f"{root}/deploy/prometheus/alerts_test.yml"
rules = {r["alert"]: r for g in yaml.safe_load(open(f"{root}/deploy/prometheus/alerts.yml"))["groups"] for r in g["rules"]}

def render(text, labels):
    return re.sub(r"\{\{ \$labels\.(\w+) \}\}", lambda m: labels[m.group(1)], text)

def expected(alert, labels):
    rule = rules[alert]
    all_labels = dict(labels, **rule["labels"])
    return {"exp_labels": all_labels, "exp_annotations": {k: render(v, all_labels) for k, v in rule["annotations"].items()}}

G1, G2 = 'job="gateway",instance="gateway-1:8080"', 'job="gateway",instance="gateway-2:8080"'
SYNC = 'job="sync",instance="172.20.0.9:9464",role="sync"'

def hist(name, labels, buckets):
    return [{"series": f'{name}{{{labels},le="{le}"}}', "values": v} for le, v in buckets]

cases = []
def case(comment, series, checks):
    cases.append((comment, series, checks))

# GifticonSyncStalled
case("SyncStalled fires: both gateways see the sync's last report grow past 60 s", [
    {"series": f"gateway_sync_since_report_seconds{{{G1}}}", "values": "3x5 70+60x15"},
    {"series": f"gateway_sync_since_report_seconds{{{G2}}}", "values": "3x5 70+60x15"},
], [("4m", "GifticonSyncStalled", []), ("10m", "GifticonSyncStalled", [expected("GifticonSyncStalled", {"job": "gateway"})])])
case("SyncStalled stays quiet: one gateway's value is stale (Redis unreachable from it), the other sees reports", [
    {"series": f"gateway_sync_since_report_seconds{{{G1}}}", "values": "3x20"},
    {"series": f"gateway_sync_since_report_seconds{{{G2}}}", "values": "3x5 70+60x15"},
], [("15m", "GifticonSyncStalled", [])])

# GifticonSyncNotApplying
case("SyncNotApplying fires: WAL behind and no position applied for over 5 minutes", [
    {"series": f"gateway_sync_behind_bytes{{{G1}}}", "values": "1000x30"},
    {"series": f"gateway_sync_since_applied_seconds{{{G1}}}", "values": "10x5 301+60x25"},
], [("8m", "GifticonSyncNotApplying", []), ("15m", "GifticonSyncNotApplying", [expected("GifticonSyncNotApplying", {"job": "gateway"})])])
case("SyncNotApplying stays quiet: idle and caught up (nothing behind), however long since the last change", [
    {"series": f"gateway_sync_behind_bytes{{{G1}}}", "values": "0x30"},
    {"series": f"gateway_sync_since_applied_seconds{{{G1}}}", "values": "301+60x30"},
], [("20m", "GifticonSyncNotApplying", [])])

# GifticonSyncLagHigh
case("SyncLagHigh fires: 40 s lag with WAL still behind for 10 minutes", [
    {"series": f"gateway_sync_applied_lag_milliseconds{{{G1}}}", "values": "40000x20"},
    {"series": f"gateway_sync_behind_bytes{{{G1}}}", "values": "5000x20"},
], [("5m", "GifticonSyncLagHigh", []), ("15m", "GifticonSyncLagHigh", [expected("GifticonSyncLagHigh", {"job": "gateway"})])])
case("SyncLagHigh stays quiet: a burst's 40 s lag, then caught up (nothing behind)", [
    {"series": f"gateway_sync_applied_lag_milliseconds{{{G1}}}", "values": "40000x20"},
    {"series": f"gateway_sync_behind_bytes{{{G1}}}", "values": "0x20"},
], [("15m", "GifticonSyncLagHigh", [])])

# GifticonSyncLagP99High
case("SyncLagP99High fires: every transaction took over 60 s", hist("sync_commit_to_applied_lag_seconds_bucket", SYNC, [
    ("1", "0x40"), ("30", "0x40"), ("60", "0x40"), ("+Inf", "0+10x40")]),
    [("25m", "GifticonSyncLagP99High", [expected("GifticonSyncLagP99High", {"job": "sync", "instance": "172.20.0.9:9464", "role": "sync"})])])
case("SyncLagP99High stays quiet: every transaction applied within a second", hist("sync_commit_to_applied_lag_seconds_bucket", SYNC, [
    ("1", "0+10x40"), ("30", "0+10x40"), ("60", "0+10x40"), ("+Inf", "0+10x40")]),
    [("25m", "GifticonSyncLagP99High", [])])

# GifticonSyncDeadLetters
DEAD = f'{SYNC},projector="search-index"'
case("SyncDeadLetters fires: one change sent to the dead letters", [
    {"series": f"sync_dead_letters_total{{{DEAD}}}", "values": "0x10 1x30"},
], [("5m", "GifticonSyncDeadLetters", []), ("15m", "GifticonSyncDeadLetters", [expected("GifticonSyncDeadLetters", {"job": "sync", "instance": "172.20.0.9:9464", "role": "sync", "projector": "search-index"})])])
case("SyncDeadLetters stays quiet: the counter exists at 0, and a restart resets another to 0", [
    {"series": f"sync_dead_letters_total{{{DEAD}}}", "values": "0x40"},
    {"series": f'sync_dead_letters_total{{{SYNC},projector="mongo-documents"}}', "values": "0x10 0x30"},
], [("15m", "GifticonSyncDeadLetters", [])])

# GifticonSyncProcessDown / GifticonSyncAbsent
case("SyncProcessDown fires: the sync's /metrics stops answering", [
    {"series": f"up{{{SYNC}}}", "values": "1x5 0x10"},
], [("5m", "GifticonSyncProcessDown", []), ("10m", "GifticonSyncProcessDown", [expected("GifticonSyncProcessDown", {"job": "sync", "instance": "172.20.0.9:9464", "role": "sync"})])])
case("SyncProcessDown stays quiet: one failed scrape", [
    {"series": f"up{{{SYNC}}}", "values": "1x5 0 1x8"},
], [("7m", "GifticonSyncProcessDown", [])])
case("SyncAbsent fires: no sync target at all", [
    {"series": f"up{{{G1}}}", "values": "1x10"},
], [("8m", "GifticonSyncAbsent", [expected("GifticonSyncAbsent", {})])])
case("SyncAbsent stays quiet: one sync answers", [
    {"series": f"up{{{SYNC}}}", "values": "1x10"},
], [("8m", "GifticonSyncAbsent", [])])

# GifticonGateway5xxRateHigh
case("Gateway5xxRateHigh fires: 5 of 105 queries answer 500", [
    {"series": f'gateway_requests_total{{{G1},status="200",operation="query"}}', "values": "0+100x20"},
    {"series": f'gateway_requests_total{{{G1},status="500",operation="query"}}', "values": "0+5x20"},
], [("12m", "GifticonGateway5xxRateHigh", [expected("GifticonGateway5xxRateHigh", {"job": "gateway"})])])
case("Gateway5xxRateHigh stays quiet: the 503s are /health/ready's, with a store down", [
    {"series": f'gateway_requests_total{{{G1},status="200",operation="query"}}', "values": "0+100x20"},
    {"series": f'gateway_requests_total{{{G1},status="503",operation="none"}}', "values": "0+50x20"},
], [("12m", "GifticonGateway5xxRateHigh", [])])

# Latency
case("QueryLatencyP99High fires: queries take 1 to 2.5 s", hist("gateway_request_duration_seconds_bucket", f'{G1},operation="query"', [
    ("0.5", "0x30"), ("1", "0x30"), ("2.5", "0+10x30"), ("+Inf", "0+10x30")]),
    [("20m", "GifticonQueryLatencyP99High", [expected("GifticonQueryLatencyP99High", {"job": "gateway"})])])
case("QueryLatencyP99High stays quiet: queries within 0.5 s; slow mutations are another alert's", hist(
    "gateway_request_duration_seconds_bucket", f'{G1},operation="query"', [("0.5", "0+10x30"), ("1", "0+10x30"), ("2.5", "0+10x30"), ("+Inf", "0+10x30")])
    + hist("gateway_request_duration_seconds_bucket", f'{G1},operation="mutation"', [("0.5", "0x30"), ("1", "0x30"), ("2.5", "0+10x30"), ("+Inf", "0+10x30")]),
    [("20m", "GifticonQueryLatencyP99High", [])])
case("MutationLatencyP99High fires: mutations take over 5 s", hist("gateway_request_duration_seconds_bucket", f'{G1},operation="mutation"', [
    ("1", "0x30"), ("2.5", "0x30"), ("5", "0x30"), ("+Inf", "0+10x30")]),
    [("20m", "GifticonMutationLatencyP99High", [expected("GifticonMutationLatencyP99High", {"job": "gateway"})])])
case("MutationLatencyP99High stays quiet: mutations within 2.5 s (a consistency wait included)", hist(
    "gateway_request_duration_seconds_bucket", f'{G1},operation="mutation"', [("1", "0x30"), ("2.5", "0+10x30"), ("5", "0+10x30"), ("+Inf", "0+10x30")]),
    [("20m", "GifticonMutationLatencyP99High", [])])

# GifticonStoreFailures
case("StoreFailures fires: 5% of search calls fail", [
    {"series": f'gateway_store_duration_seconds_count{{{G1},store="search"}}', "values": "0+100x20"},
    {"series": f'gateway_store_failures_total{{{G1},store="search"}}', "values": "0+5x20"},
    {"series": f'gateway_store_duration_seconds_count{{{G1},store="mongo"}}', "values": "0+100x20"},
], [("12m", "GifticonStoreFailures", [expected("GifticonStoreFailures", {"job": "gateway", "store": "search"})])])
case("StoreFailures stays quiet: one failure in 2,000 calls", [
    {"series": f'gateway_store_duration_seconds_count{{{G1},store="redis"}}', "values": "0+100x20"},
    {"series": f'gateway_store_failures_total{{{G1},store="redis"}}', "values": "0x10 1x10"},
], [("12m", "GifticonStoreFailures", [])])

# GifticonStaleReads
case("StaleReads fires: one STALE_READ a second", [
    {"series": f'gateway_consistency_wait_seconds_count{{{G1},outcome="stale"}}', "values": "0+60x30"},
], [("20m", "GifticonStaleReads", [expected("GifticonStaleReads", {"job": "gateway"})])])
case("StaleReads stays quiet: one a minute, and fresh waits are fine", [
    {"series": f'gateway_consistency_wait_seconds_count{{{G1},outcome="stale"}}', "values": "0+1x30"},
    {"series": f'gateway_consistency_wait_seconds_count{{{G1},outcome="fresh"}}', "values": "0+600x30"},
], [("20m", "GifticonStaleReads", [])])

# Readiness and scrapes
READY = 'job="gateway-ready",instance="http://gateway-1:8080/health/ready"'
case("GatewayNotReady fires: /health/ready answers 503 for minutes", [
    {"series": f"probe_success{{{READY}}}", "values": "1x3 0x10"},
], [("8m", "GifticonGatewayNotReady", [expected("GifticonGatewayNotReady", {"job": "gateway-ready", "instance": "http://gateway-1:8080/health/ready"})])])
case("GatewayNotReady stays quiet: one failed probe", [
    {"series": f"probe_success{{{READY}}}", "values": "1x3 0 1x8"},
], [("8m", "GifticonGatewayNotReady", [])])
case("GatewayDown fires: a gateway stops answering scrapes", [
    {"series": f"up{{{G2}}}", "values": "1x3 0x10"},
], [("8m", "GifticonGatewayDown", [expected("GifticonGatewayDown", {"job": "gateway", "instance": "gateway-2:8080"})])])
case("GatewayDown stays quiet: both answer", [
    {"series": f"up{{{G1}}}", "values": "1x10"},
    {"series": f"up{{{G2}}}", "values": "1x10"},
], [("8m", "GifticonGatewayDown", [])])

tests = []
for comment, series, checks in cases:
    tests.append({"name": comment, "interval": "1m", "input_series": series,
                  "alert_rule_test": [{"eval_time": t, "alertname": a, "exp_alerts": e} for t, a, e in checks]})
fired = {a for _, _, checks in cases for _, a, e in checks if e}
quiet = {a for _, _, checks in cases for _, a, e in checks if not e}
missing = (set(rules) - fired) | (set(rules) - quiet)
assert not missing, f"alerts without a firing and a quiet case: {sorted(missing)}"
header = ("# promtool test rules deploy/prometheus/alerts_test.yml: for every alert of alerts.yml, series that make it fire\n"
          "# and series that must not. Written by Tests/deploy/make_alerts_test.py: edit the cases there and rerun it.\n")
with open(output, "w") as out:
    out.write(header)
    yaml.safe_dump({"rule_files": ["alerts.yml"], "evaluation_interval": "1m", "tests": tests}, out, sort_keys=False, allow_unicode=True, width=200)
