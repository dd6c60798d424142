#!/usr/bin/env bash
# Checks scripts/stack's promises against the running stack: `up` twice is harmless, `status` sees every server,
# and a port held by a stranger is reported plainly instead of being used.
set -u
cd "$(dirname "$0")/../.."
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $name"; else failed=$((failed + 1)); echo "not ok - $name"; fi
}

second_up_is_harmless() {
  local out; out=$(scripts/stack up 2>&1) || { echo "$out"; return 1; }
  grep -q "postgres: already running" <<<"$out" && grep -q "every server answers" <<<"$out"
}

status_sees_every_server() {
  local out; out=$(scripts/stack status) || { echo "$out"; return 1; }
  [[ $(grep -c "answering on 127.0.0.1" <<<"$out") -eq 5 ]]
}

foreign_port_is_refused() {
  local port=$((20000 + RANDOM % 10000)) stranger out status
  python3 -c "import socket,time,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $port)); s.listen(); time.sleep(60)" &
  stranger=$!
  sleep 0.5
  cp .stack/env /tmp/stack-env-before.$$
  out=$(STACK_REDIS_PORT=$port scripts/stack up 2>&1); status=$?
  kill "$stranger" 2>/dev/null; wait "$stranger" 2>/dev/null
  local env_unchanged=0; cmp -s .stack/env /tmp/stack-env-before.$$ || env_unchanged=1
  rm -f /tmp/stack-env-before.$$
  [[ $status -ne 0 ]] && grep -q "port $port is already in use by a process this stack did not start" <<<"$out" && [[ $env_unchanged -eq 0 ]]
}

down_stops_only_its_own_servers() {
  # A stranger named like our servers must survive `down`; then `up` brings ours back.
  local stranger out
  bash -c 'exec -a "redis-server 127.0.0.1:1" sleep 60' &
  stranger=$!
  scripts/stack down >/dev/null 2>&1
  out=$(scripts/stack status 2>&1)
  local all_down=0; [[ $(grep -c "DOWN" <<<"$out") -eq 5 ]] || all_down=1
  local alive=0; kill -0 "$stranger" 2>/dev/null || alive=1
  kill "$stranger" 2>/dev/null; wait "$stranger" 2>/dev/null
  scripts/stack up >/dev/null 2>&1 || return 1
  [[ $all_down -eq 0 && $alive -eq 0 ]]
}

check "second up is harmless" second_up_is_harmless
check "status sees every server" status_sees_every_server
check "a foreign port is refused and .stack/env is kept" foreign_port_is_refused
check "down stops only its own servers, up restarts them" down_stops_only_its_own_servers
check "status after restart" status_sees_every_server
echo "stack: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
